#!/usr/bin/env python3
"""A deliberately broken runtime: MiniHost with page `onShow` and `onReady` swapped (a runtime that
calls onReady before onShow). The fault is injected into the app-facing layer (each page's
`Page()` sees its two hooks exchanged) and into the event stream (the lifecycle events say what
was called), so the app and the host see one consistent, wrong runtime. The lifecycle cases must
catch it (Tests/EndToEndTests/ConformanceTests.swift checks which)."""
import json, os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minihost import minihost_args, run_minihost

PRELUDE = ("const Page = ((P) => (o) => { if (o && typeof o === 'object') { const s = o.onShow, r = o.onReady; "
           "o = Object.assign({}, o, { onShow: r, onReady: s }); } return P(o); })(globalThis.Page);\n")


def swap_events(lines):
    out = []
    for line in lines:
        try:
            e = json.loads(line)
        except ValueError:
            out.append(line)
            continue
        if e.get('type') == 'lifecycle' and e.get('target') == 'page' and e.get('hook') in ('onShow', 'onReady'):
            e['hook'] = 'onReady' if e['hook'] == 'onShow' else 'onShow'
            line = json.dumps(e)
        out.append(line)
    # The events are emitted in call order, so a swapped pair also comes out reversed.
    return out


def main():
    case_dir = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix='broken-lifecycle-')
    try:
        copy = os.path.join(work, 'case')
        shutil.copytree(case_dir, copy, symlinks=True)
        with open(os.path.join(copy, 'case.json'), encoding='utf-8') as f:
            targets = json.load(f).get('run', {}).get('targets', ['.'])
        for t in targets:
            root = os.path.join(copy, t)
            try:
                with open(os.path.join(root, 'manifest.json'), encoding='utf-8') as f:
                    pages = json.load(f).get('pages', [])
            except (OSError, ValueError):
                continue
            for page in pages if isinstance(pages, list) else []:
                path = os.path.join(root, str(page) + '.js')
                if os.path.isfile(path) and not os.path.islink(path):
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                    with open(path, 'w', encoding='utf-8') as f:
                        f.write(PRELUDE + text)
        args = minihost_args(copy, os.environ['MINIHOST_CONFORMANCE_DATA_DIR'], os.environ.get('MINIHOST_CONFORMANCE_ISOLATION', 'process'))
        sys.exit(run_minihost(copy, args, swap_events))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
