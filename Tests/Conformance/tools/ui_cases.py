"""Cases for UI feedback and navigation (UI): `ui` events, argument checks, showModal and
showActionSheet answered by the policy, WeChat's page-stack rules for tab pages, and system
information from the world's device. Loaded by generate.py."""
from casekit import case, tryapi
from wechat_cases import wx

UI_CALL = "const ui = (api, o) => new Promise((ok) => mp[api](Object.assign({}, o, { success: ok, fail: ok })));\n"


def ui_event(api, args):
    return {'type': 'ui', 'api': api, 'args': args}

# ---------------------------------------------------------------- UI-1: ui events
case('ui-toast-event', 'showToast is a ui event with its arguments, defaults filled', ['UI-1'],
     asyncload=tryapi('UI-1', "mp.showToast({ title: 'Saved' })"),
     console=['UI-1 ok showToast:ok'],
     events=[ui_event('showToast', {'title': 'Saved', 'icon': 'success', 'duration': 1500, 'mask': False})])
case('ui-event-app', 'a ui event names the app that made it', ['UI-1', 'DR-2'],
     onload="mp.showToast({ title: 'hi', icon: 'none', duration: 10 })",
     events=[{'type': 'ui', 'app': 'org.conformance.ui-event-app', 'api': 'showToast', 'args': {'title': 'hi', 'icon': 'none', 'duration': 10}}])
case('ui-loading-events', 'showLoading, hideLoading and hideToast are ui events in call order', ['UI-1'],
     onload="mp.showLoading({ title: 'Wait', mask: true }); mp.hideLoading(); mp.hideToast()",
     events=[ui_event('showLoading', {'title': 'Wait', 'mask': True}), ui_event('hideLoading', {}), ui_event('hideToast', {})])
case('ui-navigation-bar-events', 'navigation bar calls are ui events', ['UI-1'],
     onload="mp.setNavigationBarTitle({ title: 'Cart' }); mp.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: '#ff0000' }); mp.showNavigationBarLoading()",
     events=[ui_event('setNavigationBarTitle', {'title': 'Cart'}), ui_event('setNavigationBarColor', {'frontColor': '#ffffff', 'backgroundColor': '#ff0000'}),
             ui_event('showNavigationBarLoading', {})])
case('ui-page-scroll-event', 'pageScrollTo is a ui event with its defaults', ['UI-1'],
     onload="mp.pageScrollTo({ scrollTop: 200 })", events=[ui_event('pageScrollTo', {'scrollTop': 200, 'offsetTop': 0, 'duration': 300})])
wx('ui-tab-bar-badge-event', 'setTabBarBadge is a ui event', ['UI-1'], pages=['pages/index/index', 'pages/cart/cart'],
   app_json={'tabBar': {'list': [{'pagePath': 'pages/index/index', 'text': 'Home'}, {'pagePath': 'pages/cart/cart', 'text': 'Cart'}]}},
   asyncload=tryapi('UI-1', "wx.setTabBarBadge({ index: 1, text: '3' })"),
   console=['UI-1 ok setTabBarBadge:ok'], events=[ui_event('setTabBarBadge', {'index': 1, 'text': '3'})])

# ---------------------------------------------------------------- UI-2: arguments checked
def invalid(id, title, api, args, field):
    case(id, title, ['UI-2', 'CC-3'], asyncload=UI_CALL + "const r = await ui('%s', %s); L('UI-2 ' + r.errCode + ' ' + r.errMsg)" % (api, args),
         console=[{'regex': '^UI-2 1001 %s:fail .*%s' % (api, field)}], output_absent=['"type":"ui"'])

invalid('ui-toast-no-title', 'showToast without a title fails with 1001 naming title; no ui event', 'showToast', '{}', 'title')
invalid('ui-toast-bad-icon', 'an icon WeChat does not know fails with 1001 naming icon', 'showToast', "{ title: 'x', icon: 'star' }", 'icon')
invalid('ui-bar-color-bad', 'a backgroundColor that is not a hex color fails with 1001 naming it', 'setNavigationBarColor',
        "{ frontColor: '#000000', backgroundColor: 'red' }", 'backgroundColor')
invalid('ui-sheet-too-many', 'an action sheet of 7 items fails with 1001 naming itemList', 'showActionSheet',
        "{ itemList: ['1', '2', '3', '4', '5', '6', '7'] }", 'itemList')

# ---------------------------------------------------------------- UI-3: showModal
MODAL = "const r = await mp.showModal({ title: 'Delete?', content: 'It cannot be undone' }); L('UI-3 ' + r.errMsg + ' ' + r.confirm + ' ' + r.cancel)"
case('ui-modal-grant', '--grant modal confirms: {confirm: true, cancel: false}', ['UI-3'], args=['--grant', 'modal'], asyncload=MODAL,
     console=['UI-3 showModal:ok true false'],
     events=[ui_event('showModal', {'title': 'Delete?', 'content': 'It cannot be undone', 'showCancel': True, 'confirmText': '确定', 'cancelText': '取消'})])
case('ui-modal-deny', '--deny modal cancels: showModal succeeds with {confirm: false, cancel: true}', ['UI-3'], args=['--deny', 'modal'], asyncload=MODAL,
     console=['UI-3 showModal:ok false true'])
case('ui-modal-policy-confirm', 'a policy file with "modal": "confirm" confirms', ['UI-3'], args=['--policy', 'policy.json'],
     files={'policy.json': '{"modal": "confirm"}\n'}, asyncload=MODAL, console=['UI-3 showModal:ok true false'])
case('ui-modal-policy-cancel', 'a policy file with "modal": "cancel" cancels', ['UI-3'], args=['--policy', 'policy.json'],
     files={'policy.json': '{"modal": "cancel"}\n'}, asyncload=MODAL, console=['UI-3 showModal:ok false true'])
case('ui-modal-no-answer', 'with no one to answer, a modal is cancelled', ['UI-3'], asyncload=MODAL, console=['UI-3 showModal:ok false true'])
case('ui-modal-editable', 'an editable modal gives content: the text on confirm, empty on cancel', ['UI-3'], args=['--deny', 'modal'],
     asyncload="const r = await mp.showModal({ title: 'Name', editable: true }); L('UI-3 ' + r.cancel + ' [' + r.content + ']')",
     console=['UI-3 true []'])

# ---------------------------------------------------------------- UI-4: showActionSheet
SHEET = "const r = await ui('showActionSheet', { itemList: ['Share', 'Delete'] }); L('UI-4 ' + r.errCode + ' ' + r.errMsg + ' ' + r.tapIndex)"
case('ui-sheet-grant', 'an action sheet answered by the policy gives tapIndex', ['UI-4'], args=['--grant', 'modal'], asyncload=UI_CALL + SHEET,
     console=['UI-4 undefined showActionSheet:ok 0'], events=[ui_event('showActionSheet', {'itemList': ['Share', 'Delete'], 'itemColor': '#000000'})])
case('ui-sheet-cancel', 'a cancelled action sheet fails with showActionSheet:fail cancel', ['UI-4'], args=['--deny', 'modal'], asyncload=UI_CALL + SHEET,
     console=[{'regex': '^UI-4 [0-9]+ showActionSheet:fail cancel undefined$'}])

# ---------------------------------------------------------------- UI-5: tab pages and the page stack
TABS = {'tabBar': {'list': [{'pagePath': 'pages/index/index', 'text': 'Home'}, {'pagePath': 'pages/cart/cart', 'text': 'Cart'}]}}
TAB_PAGES = ['pages/index/index', 'pages/cart/cart', 'pages/item/item']


def tab_page(name):
    return ("Page({ onLoad() { console.log('%s.onLoad') }, onShow() { console.log('%s.onShow') }, onHide() { console.log('%s.onHide') },\n"
            "  onUnload() { console.log('%s.onUnload') } })\n") % (name, name, name, name)

TAB_FILES = {'pages/cart/cart.js': tab_page('cart'), 'pages/item/item.js': tab_page('item')}
STACK = "L('stack ' + getCurrentPages().map((p) => p.route.split('/')[1]).join(','))"


def tabs(id, title, covers, asyncload, console, **kw):
    wx(id, title, covers, pages=TAB_PAGES, app_json=TABS, files=TAB_FILES, asyncload=UI_CALL.replace('mp[', 'wx[') + asyncload, console=console, **kw)

tabs('ui-switch-tab-non-tab', 'switchTab to a page that is not a tab fails with WeChat\'s message', ['UI-5'],
     "const r = await ui('switchTab', { url: '/pages/item/item' }); L('UI-5 ' + r.errCode + ' ' + r.errMsg)",
     ['UI-5 1001 switchTab:fail can not switch to no-tabBar page'], console_absent=['item.onLoad'])
tabs('ui-navigate-to-tab', 'navigateTo a tab page fails with WeChat\'s message', ['UI-5'],
     "const r = await ui('navigateTo', { url: '/pages/cart/cart' }); L('UI-5 ' + r.errCode + ' ' + r.errMsg)",
     ['UI-5 1001 navigateTo:fail can not navigateTo a tabbar page'], console_absent=['cart.onLoad'], output_absent=['"type":"ui"'])
tabs('ui-redirect-to-tab', 'redirectTo a tab page fails with WeChat\'s message', ['UI-5'],
     "const r = await ui('redirectTo', { url: '/pages/cart/cart' }); L('UI-5 ' + r.errCode + ' ' + r.errMsg)",
     ['UI-5 1001 redirectTo:fail can not redirectTo a tabbar page'], console_absent=['cart.onLoad'])
tabs('ui-switch-tab-stack', 'switchTab closes the pages above the tab page and opens the tab', ['UI-5'],
     "await ui('navigateTo', { url: '/pages/item/item' }); " + STACK + "; const r = await ui('switchTab', { url: '/pages/cart/cart' }); L('UI-5 ' + r.errMsg); " + STACK,
     ['stack index,item', 'item.onUnload', 'cart.onLoad', 'cart.onShow', 'UI-5 switchTab:ok', 'stack cart'],
     events=[ui_event('switchTab', {'url': '/pages/cart/cart'})])
tabs('ui-switch-tab-kept', 'a tab page switched away from is hidden and kept, then shown again', ['UI-5'],
     "await ui('switchTab', { url: '/pages/cart/cart' }); await ui('switchTab', { url: '/pages/index/index' }); " + STACK,
     ['cart.onLoad', 'cart.onHide', 'stack index'], console_absent=['cart.onUnload'])
tabs('ui-relaunch', 'reLaunch closes every page, kept tabs too, and opens the one named', ['UI-5'],
     "await ui('switchTab', { url: '/pages/cart/cart' }); const r = await ui('reLaunch', { url: '/pages/item/item?x=1' }); L('UI-5 ' + r.errMsg); " + STACK,
     ['cart.onLoad', 'item.onLoad', 'UI-5 reLaunch:ok', 'stack item'], events=[ui_event('reLaunch', {'url': '/pages/item/item?x=1'})])
tabs('ui-page-limit', 'navigateTo beyond 10 pages fails; the stack stays at 10', ['UI-5'],
     "let r; for (let i = 0; i < 10; i++) r = await ui('navigateTo', { url: '/pages/item/item?n=' + i }); L('UI-5 ' + r.errCode + ' ' + r.errMsg); L('depth ' + getCurrentPages().length)",
     [{'regex': '^UI-5 [0-9]+ navigateTo:fail webview count limit exceed'}, 'depth 10'])

# ---------------------------------------------------------------- UI-6: system information from the world's device
DEVICE = {'device': {'brand': 'devtools', 'model': 'iPhone 15', 'system': 'iOS 17.0', 'platform': 'ios', 'pixel_ratio': 3,
                     'screen_width': 393, 'screen_height': 852, 'window_width': 393, 'window_height': 852, 'language': 'en', 'theme': 'dark',
                     'changes': [{'after_ms': 300, 'theme': 'light'}]}}
case('ui-system-info-sync', 'getSystemInfoSync gives the world\'s device', ['UI-6'], world=DEVICE,
     onload="const s = mp.getSystemInfoSync(); L('UI-6 ' + [s.brand, s.model, s.system, s.platform, s.pixelRatio, s.screenWidth, s.screenHeight, s.windowWidth, s.language, s.theme].join('|')); "
            "L('keys ' + ['SDKVersion', 'version', 'statusBarHeight', 'safeArea', 'fontSizeSetting'].every((k) => k in s))",
     console=['UI-6 devtools|iPhone 15|iOS 17.0|ios|3|393|852|393|en|dark', 'keys true'])
case('ui-window-info', 'getWindowInfo gives the window of the world\'s device', ['UI-6'], world=DEVICE,
     onload="const w = mp.getWindowInfo(); L('UI-6 ' + [w.pixelRatio, w.screenWidth, w.windowHeight, typeof w.safeArea.top].join('|'))",
     console=['UI-6 3|393|852|number'])
case('ui-theme-change', 'a theme change of the world\'s device reaches onThemeChange; system info follows it', ['UI-6'], world=DEVICE,
     onload="mp.onThemeChange((r) => L('UI-6 theme ' + r.theme + ' ' + mp.getSystemInfoSync().theme))", console=['UI-6 theme light light'])
