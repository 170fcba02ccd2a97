#!/usr/bin/env python3
"""Writes the conformance cases (Tests/Conformance/cases/<id>/) from the definitions below
(packages, modules, lifecycle, navigation, page data, event loop, console, call convention,
errors, arguments) and in the case modules it loads: services_cases.py, sandbox_cases.py,
wechat_cases.py (WeChat projects, modules, ES modules, components), network_cases.py,
ui_cases.py, files_cases.py and view_cases.py (the view layer, with view_event_cases.py and
view_component_cases.py).

Deterministic: the same definitions always give the same files. Run it from anywhere:
`python3 Tests/Conformance/tools/generate.py`. It removes case folders it no longer defines.
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casekit import case, manifest_error, tryapi, write

# ---------------------------------------------------------------- PK: packages and manifests
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


import services_cases  # noqa: E402,F401  (each module defines its cases on import)
import sandbox_cases  # noqa: E402,F401
import wechat_cases  # noqa: E402,F401
import network_cases  # noqa: E402,F401
import ui_cases  # noqa: E402,F401
import files_cases  # noqa: E402,F401
import view_cases  # noqa: E402,F401

if __name__ == '__main__':
    write()
