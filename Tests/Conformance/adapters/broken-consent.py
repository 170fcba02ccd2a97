#!/usr/bin/env python3
"""A deliberately broken runtime: MiniHost without its consent checks. Every permission counts as
declared (the manifest check is skipped) and as granted (the user's and the policy's answers are
ignored). The consent cases (1002 not declared, 1003 denied, deny without a terminal) must catch it."""
import json, os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minihost import minihost_args, run_minihost

PERMISSIONS = ['location', 'location.coarse', 'location.background', 'payment', 'chat.read', 'chat.send', 'contacts']


def main():
    case_dir = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix='broken-consent-')
    try:
        copy = os.path.join(work, 'case')
        shutil.copytree(case_dir, copy, symlinks=True)
        with open(os.path.join(copy, 'case.json'), encoding='utf-8') as f:
            targets = json.load(f).get('run', {}).get('targets', ['.'])
        for t in targets:
            path = os.path.join(copy, t, 'manifest.json')
            try:
                with open(path, encoding='utf-8') as f:
                    m = json.load(f)
            except (OSError, ValueError):
                continue
            if isinstance(m, dict) and isinstance(m.get('req_permissions', []), list):
                m['req_permissions'] = [{'name': p, 'reason': 'granted by a broken runtime'} for p in PERMISSIONS]
                m.pop('opt_permissions', None)
                with open(path, 'w', encoding='utf-8') as f:
                    json.dump(m, f)
        args = minihost_args(copy, os.environ['MINIHOST_CONFORMANCE_DATA_DIR'], os.environ.get('MINIHOST_CONFORMANCE_ISOLATION', 'process'))
        # Ignore the user's answers: every --deny becomes a --grant, and everything is granted.
        args = ['--grant' if a == '--deny' else a for a in args]
        for p in PERMISSIONS + ['chat.message', 'payment']:
            args += ['--grant', p]
        sys.exit(run_minihost(copy, args))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
