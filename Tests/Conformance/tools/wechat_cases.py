"""Cases for WeChat projects as they are published: the project layout and WeChat's permission
declarations (WX), module resolution (WM), ES modules and TypeScript (ES), Component and
Behavior (CB), and pages written as components with getApp/getCurrentPages (PC). Loaded by
generate.py; every case is a WeChat project (no manifest.json unless the case says so)."""
import json

from casekit import PRELUDE, case, tryapi, wechat_appid


def wx(id, title, covers, *, root='', app_json=None, project=None, private=None, page_json=None, page_ext='.js',
       raw_app_json=None, raw_project=None, **kw):
    """A case whose package is a WeChat project (see casekit.wechat_project)."""
    w = {'root': root, 'page_ext': page_ext}
    if app_json is not None: w['app_json'] = app_json
    if project is not None: w['project'] = project
    if private is not None: w['private'] = private
    if page_json is not None: w['page_json'] = page_json
    if raw_app_json is not None: w['raw_app_json'] = raw_app_json
    if raw_project is not None: w['raw_project'] = raw_project
    case(id, title, covers, wechat=w, **kw)


def refused(id, title, covers, stderr, **kw):
    """A WeChat project the runtime must refuse before any app code runs (exit 2)."""
    wx(id, title, covers, onload="L('ran')", exit_code=2, exit_status=None, stderr_contains=stderr, console_absent=['ran'], **kw)


def page_logging(name):
    return ("Page({ onLoad(q) { console.log('%s.onLoad ' + JSON.stringify(q)) }, onReady() { console.log('%s.onReady') } })\n") % (name, name)

# ---------------------------------------------------------------- WX: the WeChat project layout
wx('wx-project-root', 'project.config.json names miniprogramRoot; app.json there is read', ['WX-1', 'WX-2'], root='miniprogram',
   onload="L('WX-1 running')", console=['WX-1 running'])
wx('wx-project-root-no-slash', 'miniprogramRoot without a trailing slash is the same folder', ['WX-1'], root='miniprogram',
   project={'miniprogramRoot': 'miniprogram'}, onload="L('WX-1 running')", console=['WX-1 running'])
wx('wx-app-json-only', 'a folder with only app.json is a project whose app id is touristappid', ['WX-1', 'WX-3'], project=False,
   onload="L('only app.json')", events=[{'type': 'console', 'message': 'only app.json', 'app': 'touristappid'}])
wx('wx-appid', 'the appid of project.config.json is the app id', ['WX-3'], onload="L('hello')",
   events=[{'type': 'console', 'message': 'hello', 'app': wechat_appid('wx-appid')}])
wx('wx-appid-stack', 'virtual URLs of a WeChat project use its appid', ['WX-3', 'MD-6'], root='miniprogram',
   onload="try { null.x } catch (e) { L('stack: ' + e.stack) }",
   console=[{'contains': 'miniapp://%s/pages/index/index.js:' % wechat_appid('wx-appid-stack')}], output_absent=['$CASE_DIR'])
wx('wx-touristappid', 'touristappid is a valid appid', ['WX-3'], project={'appid': 'touristappid'}, onload="L('tourist')",
   events=[{'type': 'console', 'message': 'tourist', 'app': 'touristappid'}])
refused('wx-bad-appid', 'an appid that is not wx + 16 hex digits is refused naming the file and field', ['WX-3', 'WX-8'],
        project={'appid': 'wx1234'}, stderr=['project.config.json', 'appid'])
refused('wx-bad-appid-type', 'an appid that is not a string is refused naming the field', ['WX-3', 'WX-8'],
        project={'appid': 42}, stderr=['project.config.json', 'appid'])
wx('wx-private-config', 'project.private.config.json overrides project.config.json', ['WX-1', 'WX-3'],
   private={'appid': 'wx00000000000000ff'}, onload="L('private')", events=[{'type': 'console', 'message': 'private', 'app': 'wx00000000000000ff'}])
wx('wx-entry-first-page', 'without entryPagePath the first page of pages is the entry page', ['WX-2'],
   pages=['pages/b/b', 'pages/a/a'], files={'pages/a/a.js': page_logging('a'), 'pages/b/b.js': page_logging('b')},
   console=['b.onLoad {}', 'b.onReady'], console_absent=['a.onLoad'])
wx('wx-entry-page-path', 'entryPagePath chooses the entry page', ['WX-2'], pages=['pages/a/a', 'pages/b/b'],
   app_json={'entryPagePath': 'pages/b/b'}, files={'pages/a/a.js': page_logging('a'), 'pages/b/b.js': page_logging('b')},
   console=['b.onLoad {}'], console_absent=['a.onLoad'])
refused('wx-entry-page-path-unknown', 'an entryPagePath that is not a page is refused naming app.json and the field', ['WX-2', 'WX-8'],
        app_json={'entryPagePath': 'pages/nope/nope'}, stderr=['app.json', 'entryPagePath', 'pages/nope/nope'])
sub_files = {'packageA/pages/cat/cat.js': page_logging('cat'), 'packageB/pages/solo/solo.js': page_logging('solo')}
wx('wx-subpackage-route', 'a subpackage page is its root joined with its page', ['WX-4'], files=sub_files,
   app_json={'subpackages': [{'root': 'packageA', 'pages': ['pages/cat/cat']}]},
   page="Page({ onReady() { wx.navigateTo({ url: '/packageA/pages/cat/cat?k=1' }) } })\n", console=['cat.onLoad {"k":"1"}'])
wx('wx-subpackages-camel', 'subPackages (the older spelling) is read the same way', ['WX-4'], files=sub_files,
   app_json={'subPackages': [{'root': 'packageA/', 'pages': ['pages/cat/cat']}]},
   page="Page({ onReady() { wx.navigateTo({ url: '/packageA/pages/cat/cat' }) } })\n", console=['cat.onLoad {}'])
wx('wx-subpackage-independent', 'an independent subpackage page may be the entry page', ['WX-4', 'WX-2'], files=sub_files,
   app_json={'subpackages': [{'root': 'packageB', 'pages': ['pages/solo/solo'], 'independent': True}], 'entryPagePath': 'packageB/pages/solo/solo'},
   console=['solo.onLoad {}', 'solo.onReady'])
wx('wx-independent-without-main', 'launched into an independent subpackage, app.js does not run until a main page opens', ['WX-4', 'PC-5'],
   app="console.log('app.js ran');\nApp({ onLaunch(o) { console.log('onLaunch ' + o.path) } })\n",
   files={'packageB/pages/solo/solo.js': ("Page({ onLoad() { console.log('solo getApp ' + typeof getApp()) },\n"
                                          "  go() { wx.navigateTo({ url: '/pages/index/index' }) } })\n")},
   app_json={'subpackages': [{'root': 'packageB', 'pages': ['pages/solo/solo'], 'independent': True}], 'entryPagePath': 'packageB/pages/solo/solo'},
   onload="L('index getApp ' + typeof getApp())", script="call - go\n",
   console=['solo getApp undefined', 'app.js ran', 'onLaunch pages/index/index', 'index getApp object'], console_match='exact')
refused('wx-subpackage-missing-page', 'a subpackage page without code is refused naming its route', ['WX-4', 'WX-5'],
        app_json={'subpackages': [{'root': 'packageA', 'pages': ['pages/gone/gone']}]}, stderr=['packageA/pages/gone/gone'])
refused('wx-subpackage-bad-root', 'a subpackage root leaving the mini-program is refused naming the field', ['WX-4', 'WX-8'],
        app_json={'subpackages': [{'root': '../outside', 'pages': ['pages/x/x']}]}, stderr=['app.json', 'subpackages[0].root'])
refused('wx-missing-page', 'a page listed in app.json without code is refused naming the route', ['WX-5'],
        raw_app_json='{"pages": ["pages/index/index", "pages/gone/gone"]}\n', files={'pages/gone/gone.wxml': '<view/>\n'}, stderr=['pages/gone/gone'])
wx('wx-ts-page', 'a page whose code is <route>.ts is found', ['WX-5', 'ES-4'], page_ext='.ts',
   page="const n: number = 3;\nPage({ onLoad(q: Record<string, string>) { L('ts page ' + n) } })\n", console=['ts page 3'])
refused('wx-pages-missing', 'app.json without pages is refused naming the field', ['WX-2', 'WX-8'],
        raw_app_json='{"window": {}}\n', stderr=['app.json', 'pages'])
refused('wx-pages-not-array', 'pages that is not an array is refused naming the field', ['WX-2', 'WX-8'],
        raw_app_json='{"pages": "pages/index/index"}\n', stderr=['app.json', 'pages'])
refused('wx-page-leading-slash', 'a page path with a leading / is refused naming its index', ['WX-2', 'WX-8'],
        raw_app_json='{"pages": ["/pages/index/index"]}\n', stderr=['app.json', 'pages[0]'])
refused('wx-page-extension', 'a page path with an extension is refused naming its index', ['WX-2', 'WX-8'],
        raw_app_json='{"pages": ["pages/index/index.js"]}\n', stderr=['app.json', 'pages[0]'])
refused('wx-page-twice', 'a page listed twice is refused', ['WX-2', 'WX-8'],
        raw_app_json='{"pages": ["pages/index/index", "pages/index/index"]}\n', stderr=['app.json', 'twice'])
refused('wx-app-json-not-json', 'an app.json that is not JSON is refused naming the file and line', ['WX-8'],
        raw_app_json='{\n  "pages": ["pages/index/index"],\n  "window": {\n}\n', stderr=['app.json', 'line'])
refused('wx-app-json-trailing-comma', 'a trailing comma in app.json is refused naming the line', ['WX-8'],
        raw_app_json='{\n  "pages": ["pages/index/index"],\n}\n', stderr=['app.json', 'line 3'])
refused('wx-app-json-not-object', 'an app.json that is not an object is refused', ['WX-8'], raw_app_json='["pages/index/index"]\n',
        stderr=['app.json', 'object'])
refused('wx-project-not-json', 'a project.config.json that is not JSON is refused naming it', ['WX-8'], raw_project='{"appid": \n',
        stderr=['project.config.json'])
refused('wx-root-escapes', 'a miniprogramRoot leaving the project is refused naming the field', ['WX-1', 'WX-8'],
        root='miniprogram', project={'miniprogramRoot': '../elsewhere/'}, stderr=['project.config.json', 'miniprogramRoot'])
refused('wx-root-without-app-json', 'a miniprogramRoot without app.json is refused naming the missing file', ['WX-1', 'WX-8'],
        root='miniprogram', project={'miniprogramRoot': 'src/'}, stderr=['app.json'])
wx('wx-other-fields-accepted', 'window, tabBar, usingComponents, sitemapLocation and unknown app.json members are accepted', ['WX-2'],
   pages=['pages/index/index', 'pages/me/me'],
   app_json={'window': {'navigationBarTitleText': 'Shop', 'backgroundColor': '#ffffff'}, 'sitemapLocation': 'sitemap.json', 'lazyCodeLoading': 'requiredComponents',
             'tabBar': {'list': [{'pagePath': 'pages/index/index', 'text': 'Home'}, {'pagePath': 'pages/me/me', 'text': 'Me'}]},
             'usingComponents': {'shop-card': '/components/card/card'}, 'style': 'v2', 'darkmode': False},
   files={'sitemap.json': '{"rules": []}\n', 'components/card/card.js': 'Component({})\n', 'components/card/card.json': '{"component": true}\n'},
   page_json={'pages/index/index': {'usingComponents': {'c': '/components/card/card'}, 'navigationBarTitleText': 'Home', 'componentGenerics': {'g': True}}},
   onload="L('WX-2 accepted')", console=['WX-2 accepted'])
wx('wx-manifest-wins', 'with both manifest.json and app.json, manifest.json wins', ['WX-6'], pages=['pages/a/a', 'pages/b/b'],
   files={'manifest.json': json.dumps({'app_id': 'org.conformance.wx-manifest-wins', 'name': 'Both', 'pages': ['pages/b/b', 'pages/a/a']}, indent=2, sort_keys=True) + '\n',
          'pages/a/a.js': page_logging('a'), 'pages/b/b.js': page_logging('b')}, project=False,
   console=['b.onLoad {}'], console_absent=['a.onLoad'], events=[{'type': 'console', 'message': 'b.onLoad {}', 'app': 'org.conformance.wx-manifest-wins'}])
wx('wx-minihost-section', 'the minihost section may set the app id and name', ['WX-7'],
   project={'minihost': {'app_id': 'org.conformance.wx-minihost-section', 'name': 'Named'}}, onload="L('named')",
   events=[{'type': 'console', 'message': 'named', 'app': 'org.conformance.wx-minihost-section'}])
wx('wx-private-minihost', 'the minihost section of project.private.config.json wins over project.config.json\'s', ['WX-7', 'WX-1'],
   project={'minihost': {'app_id': 'org.conformance.wx-private-public'}}, private={'minihost': {'app_id': 'org.conformance.wx-private-minihost'}},
   onload="L('private section')", events=[{'type': 'console', 'message': 'private section', 'app': 'org.conformance.wx-private-minihost'}])
refused('wx-minihost-bad-limits', 'a bad limit in the minihost section is refused naming the file and field', ['WX-7', 'WX-8'],
        project={'minihost': {'limits': {'cpu_ms': -5}}}, stderr=['project.config.json', 'limits.cpu_ms'])
refused('wx-minihost-unknown-permission', 'an unknown permission in the minihost section is refused naming the field', ['WX-7', 'PK-5'],
        project={'minihost': {'req_permissions': [{'name': 'camera.secret', 'reason': 'x'}]}}, stderr=['req_permissions[0].name'])
wx('wx-minihost-cpu-limit', 'limits of the minihost section apply', ['WX-7', 'SB-6'], project={'minihost': {'limits': {'cpu_ms': 100}}},
   page="Page({ spin() { while (true) {} }, ping() { console.log('pong') } })\n", script="call - spin\ncall - ping\n",
   console=[{'prefix': 'onError: '}, 'pong'], errors=[{'kind': 'cpu_limit', 'message_contains': '100 ms'}])

# ---------------------------------------------------------------- WX: permissions from WeChat's declarations
loc_permission = {'permission': {'scope.userLocation': {'desc': 'to find shops near you'}}}
wx('wx-perm-declared-granted', 'permission scope.userLocation declared and granted: getLocation goes ahead', ['WX-9'],
   app_json=loc_permission, args=['--grant', 'location'], asyncload=tryapi('loc', "wx.getLocation({ type: 'wgs84' })"), console=['loc ok getLocation:ok'])
wx('wx-perm-declared-asks', 'declared but undecided: the user is asked (no terminal, no policy: denied, 1003)', ['WX-9', 'CS-4'],
   app_json=loc_permission, asyncload=tryapi('loc', "wx.getLocation({})"), console=['loc 1003 getLocation:fail auth deny'])
wx('wx-perm-declared-policy', 'declared: the world\'s consent policy answers the prompt', ['WX-9'],
   app_json=loc_permission, world={'policy': {'location': 'allow'}}, asyncload=tryapi('loc', "wx.getLocation({})"), console=['loc ok getLocation:ok'])
wx('wx-perm-undeclared', 'not declared in app.json: 1002 without asking, even with a grant', ['WX-9'], args=['--grant', 'location'],
   asyncload=tryapi('loc', "wx.getLocation({})"), console=['loc 1002 getLocation:fail permission not declared'])
wx('wx-perm-private-infos', 'requiredPrivateInfos getLocation declares location', ['WX-9'], app_json={'requiredPrivateInfos': ['getLocation']},
   args=['--grant', 'location'], asyncload=tryapi('loc', "wx.getLocation({})"), console=['loc ok getLocation:ok'])
wx('wx-perm-fuzzy', 'scope.userFuzzyLocation declares coarse location: getFuzzyLocation goes ahead, getLocation is 1002', ['WX-9'],
   app_json={'permission': {'scope.userFuzzyLocation': {'desc': 'city'}}}, args=['--grant', 'location.coarse'],
   asyncload=tryapi('fuzzy', "wx.getFuzzyLocation({})") + tryapi('precise', "wx.getLocation({})"),
   console=['fuzzy ok getFuzzyLocation:ok', 'precise 1002 getLocation:fail permission not declared'])
wx('wx-perm-authorize', 'wx.authorize with a declared WeChat scope goes through the gate', ['WX-10'], app_json=loc_permission,
   args=['--grant', 'location'], asyncload=tryapi('auth', "wx.authorize({ scope: 'scope.userLocation' })"), console=['auth ok authorize:ok'])
wx('wx-perm-authorize-undeclared', 'wx.authorize with an undeclared scope fails with 1002', ['WX-10'], args=['--grant', 'location'],
   asyncload=tryapi('auth', "wx.authorize({ scope: 'scope.userLocation' })"), console=[{'prefix': 'auth 1002 authorize:fail'}])
wx('wx-perm-getsetting', 'getSetting reports the decision under the WeChat scope name', ['WX-10'], app_json=loc_permission,
   args=['--grant', 'location'],
   asyncload="await wx.getLocation({}); const s = await wx.getSetting(); L('WX-10 ' + s.authSetting['scope.userLocation'])", console=['WX-10 true'])
wx('wx-perm-other-scope-accepted', 'a scope with no MiniHost service is accepted and grants nothing', ['WX-9'],
   app_json={'permission': {'scope.camera': {'desc': 'scan'}}, 'requiredPrivateInfos': ['chooseAddress']}, args=['--grant', 'location'],
   asyncload=tryapi('loc', "wx.getLocation({})"), console=['loc 1002 getLocation:fail permission not declared'])
wx('wx-perm-getsetting-denied', 'a denied scope is false in authSetting and the call fails with 1003', ['WX-10', 'WX-9'], app_json=loc_permission,
   args=['--deny', 'location'],
   asyncload=tryapi('loc', "wx.getLocation({})") + "const s = await wx.getSetting(); L('WX-10 ' + s.authSetting['scope.userLocation'])",
   console=['loc 1003 getLocation:fail auth deny', 'WX-10 false'])
wx('wx-perm-getsetting-undecided', 'a declared scope the user has not decided on is absent from authSetting', ['WX-10'], app_json=loc_permission,
   asyncload="const s = await wx.getSetting(); L('WX-10 ' + ('scope.userLocation' in s.authSetting))", console=['WX-10 false'])
wx('wx-perm-open-setting', 'openSetting asks again for a declared scope and returns the new authSetting', ['WX-10'], app_json=loc_permission,
   world={'policy': {'settings': 'allow'}}, asyncload="const s = await wx.openSetting(); L('WX-10 ' + s.authSetting['scope.userLocation'])",
   console=['WX-10 true'])
refused('wx-perm-bad-desc', 'a permission desc that is not a string is refused naming the field', ['WX-9', 'WX-8'],
        app_json={'permission': {'scope.userLocation': {'desc': 5}}}, stderr=['app.json', 'permission.scope.userLocation.desc'])
refused('wx-perm-bad-private-infos', 'requiredPrivateInfos that is not an array is refused naming the field', ['WX-9', 'WX-8'],
        app_json={'requiredPrivateInfos': 'getLocation'}, stderr=['app.json', 'requiredPrivateInfos'])

import wechat_code_cases  # noqa: E402,F401
import wechat_component_cases  # noqa: E402,F401
