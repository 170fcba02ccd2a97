#!/usr/bin/env python3
"""A deliberately broken runtime: a sandbox that leaks host globals (`process`, a global `require`),
simulated by defining them before app.js runs. The globals-allowlist and no-host-global cases must
catch it."""
import json, os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minihost import minihost_args, run_minihost

PRELUDE = ("globalThis.process = { env: { HOME: '/root' }, pid: 1 };\n"
           "globalThis.require = require;\n")


def main():
    case_dir = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix='broken-sandbox-')
    try:
        copy = os.path.join(work, 'case')
        shutil.copytree(case_dir, copy, symlinks=True)
        with open(os.path.join(copy, 'case.json'), encoding='utf-8') as f:
            targets = json.load(f).get('run', {}).get('targets', ['.'])
        for t in targets:
            path = os.path.join(copy, t, 'app.js')
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(PRELUDE + text)
        args = minihost_args(copy, os.environ['MINIHOST_CONFORMANCE_DATA_DIR'], os.environ.get('MINIHOST_CONFORMANCE_ISOLATION', 'process'))
        sys.exit(run_minihost(copy, args))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
