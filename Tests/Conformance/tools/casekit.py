"""The case writer shared by generate.py and the case modules it loads: `case()` defines one
case (a W3C package, or with `wechat=` a WeChat project), `write()` writes every case folder.

Deterministic: sorted keys, fixed order, no time or randomness. `write()` removes case folders it
no longer defines (only folders holding a case.json it wrote).
"""
import hashlib, hmac, json, os, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES_DIR = os.path.join(ROOT, 'cases')
CASES = []

PRELUDE = "const L = (...a) => console.log(...a);\nconst E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));\n"
DEFAULT_APP = "App({ onError(m) { console.log('onError: ' + String(m).split('\\n')[0]) }, onUnhandledRejection(r) { console.log('onUnhandledRejection: ' + String(r && r.reason && r.reason.message || r && r.reason)) } })\n"


def case(id, title, covers, *, level='MUST', page=None, onload=None, asyncload=None, app=None, files=None, pages=None,
         manifest=None, raw_manifest=None, args=None, script=None, world=None, isolation=None, timeout=None,
         targets=None, dev=None, extra=None, wechat=None, **expect):
    """One case. `onload`: JS run in the entry page's onLoad; `asyncload`: JS run in an async
    function called from onLoad (use await). `expect`: case.json's expectations. `wechat`: write
    a WeChat project instead of manifest.json (see `wechat_project`); `files` are then paths
    from the mini-program's root."""
    assert all(c[0] in 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' for c in covers)
    pages = pages or ['pages/index/index']
    fs = dict(files or {})
    ext = (wechat or {}).get('page_ext', '.js')
    if 'app.ts' not in fs:
        fs.setdefault('app.js', app if app is not None else DEFAULT_APP)
    if page is not None:
        fs[pages[0] + ext] = PRELUDE + page
    elif onload is not None:
        fs[pages[0] + ext] = PRELUDE + 'Page({ onLoad(query) {\n' + onload + '\n} })\n'
    elif asyncload is not None:
        fs[pages[0] + ext] = PRELUDE + 'Page({ onLoad(query) { (async () => {\n' + asyncload + '\n})().catch((e) => console.log("case threw: " + e)) } })\n'
    for p in pages:
        if p + '.js' not in fs and p + '.ts' not in fs:
            fs[p + ext] = 'Page({})\n'
    if wechat is not None:
        fs = wechat_project(id, pages, fs, wechat)
    elif raw_manifest is not None:
        fs['manifest.json'] = raw_manifest
    else:
        m = {'app_id': 'org.conformance.' + id, 'name': 'Conformance ' + id[:40], 'pages': pages}
        m.update(manifest or {})
        fs['manifest.json'] = json.dumps(m, indent=2, sort_keys=True) + '\n'
    if world is not None:
        fs['world.json'] = json.dumps(world, indent=2, sort_keys=True) + '\n'
    if script is not None:
        fs['script.minihost'] = script if script.endswith('\n') else script + '\n'
    run = {}
    if args: run['args'] = args
    if isolation: run['isolation'] = isolation
    if timeout: run['timeout_seconds'] = timeout
    if targets: run['targets'] = targets
    if dev is not None: run['dev'] = dev
    exp = {'exit_code': 0, 'exit_status': 'ok'}
    exp.update(expect)
    exp = {k: v for k, v in exp.items() if v is not None}
    c = {'id': id, 'title': title, 'covers': covers, 'level': level, 'expect': exp}
    if run: c['run'] = run
    fs['case.json'] = json.dumps(c, indent=2, sort_keys=True, ensure_ascii=False) + '\n'
    CASES.append((id, fs, extra or {}))


def manifest_error(id, title, covers, manifest_text, stderr, files=None):
    """A package whose manifest text the runtime must refuse (exit 2, stderr naming the problem)."""
    case(id, title, covers, raw_manifest=manifest_text, files=files, exit_code=2, exit_status=None, stderr_contains=stderr)


def wechat_appid(id):
    """A WeChat appid (`wx` + 16 hex digits) of its own for each case."""
    return 'wx' + hashlib.sha256(id.encode()).hexdigest()[:16]


def wechat_project(id, pages, fs, wx):
    """The files of a WeChat project: `fs` moved under `wx['root']` (the miniprogramRoot, '' for
    the project folder itself), app.json (`wx['app_json']` over `{pages}`, or `wx['raw_app_json']`),
    project.config.json (`wx['project']` over `{appid, projectname, compileType, miniprogramRoot}`;
    `wx['project'] = False` writes none, `wx['raw_project']` its text) and
    project.private.config.json (`wx['private']`). `wx['page_json']`: route -> the page's .json."""
    root = wx.get('root', '')
    if root and not root.endswith('/'):
        root += '/'
    out = {root + path: text for path, text in fs.items()}
    if 'raw_app_json' in wx:
        out[root + 'app.json'] = wx['raw_app_json']
    else:
        app_json = {'pages': pages}
        app_json.update(wx.get('app_json') or {})
        out[root + 'app.json'] = json.dumps(app_json, indent=2, sort_keys=True, ensure_ascii=False) + '\n'
    for route, page_json in sorted((wx.get('page_json') or {}).items()):
        out[root + route + '.json'] = json.dumps(page_json, indent=2, sort_keys=True) + '\n'
    if 'raw_project' in wx:
        out['project.config.json'] = wx['raw_project']
    elif wx.get('project', {}) is not False:
        project = {'appid': wechat_appid(id), 'projectname': 'wx ' + id[:40], 'compileType': 'miniprogram'}
        if root:
            project['miniprogramRoot'] = root
        project.update(wx.get('project') or {})
        out['project.config.json'] = json.dumps(project, indent=2, sort_keys=True) + '\n'
    if 'private' in wx:
        out['project.private.config.json'] = json.dumps(wx['private'], indent=2, sort_keys=True) + '\n'
    return out


def tryapi(label, expr):
    """JS: await a Promise API call; print `<label> ok <errMsg>` or `<label> <errCode> <errMsg>`."""
    return "try { const r = await (%s); L('%s ok ' + r.errMsg) } catch (e) { E('%s', e) }\n" % (expr, label, label)


def write():
    os.makedirs(CASES_DIR, exist_ok=True)
    ids = [c[0] for c in CASES]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit('duplicate case ids: ' + ', '.join(sorted(dup)))
    for name in sorted(os.listdir(CASES_DIR)):
        d = os.path.join(CASES_DIR, name)
        if name not in ids and os.path.isfile(os.path.join(d, 'case.json')):
            shutil.rmtree(d)
    for id, files, extra in CASES:
        d = os.path.join(CASES_DIR, id)
        if os.path.isdir(d):
            shutil.rmtree(d)
        for path, text in sorted(files.items()):
            p = os.path.join(d, path)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'w', encoding='utf-8', newline='\n') as f:
                f.write(text)
        for link, target in sorted(extra.get('symlinks', {}).items()):
            os.symlink(target, os.path.join(d, link))
    print('%d cases written to %s' % (len(CASES), CASES_DIR))

