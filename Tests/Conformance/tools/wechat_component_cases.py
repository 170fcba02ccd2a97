"""Cases for Component() and Behavior() (CB) and for pages written as components, getApp and
getCurrentPages (PC). The components are pages written with Component(), the instances the
logic layer makes without a view layer. Loaded by wechat_cases.py."""
from wechat_cases import wx


def comp(body):
    """A page module written as a component: PRELUDE, then Component({ body })."""
    return 'Component({\n' + body + '\n})\n'


def lifelog(tag):
    """Lifetimes that log `<tag>.<lifetime>`."""
    return ("lifetimes: { created() { L('%s.created') }, attached() { L('%s.attached') }, ready() { L('%s.ready') }, detached() { L('%s.detached') } },"
            % ((tag,) * 4))

# ---------------------------------------------------------------- CB: properties
wx('cb-property-defaults', 'a property without value takes its type\'s default', ['CB-1'],
   page=comp("properties: { s: String, n: Number, b: Boolean, a: Array, o: Object, any: null },\n"
             "methods: { onLoad() { L('CB-1 ' + JSON.stringify(this.data)) } }"),
   console=['CB-1 {"s":"","n":0,"b":false,"a":[],"o":null,"any":null}'])
wx('cb-property-value', 'a property\'s value is its initial value, copied per instance', ['CB-1'],
   page=comp("properties: { list: { type: Array, value: [1, 2] }, title: { type: String, value: 'hi' } },\n"
             "methods: { onLoad() { this.data.list.push(3); L('CB-1 ' + this.data.title + ' ' + this.data.list.length) } }"),
   console=['CB-1 hi 3'])
wx('cb-property-from-query', 'a page written as a component gets its query as properties, coerced to their types', ['CB-2', 'PC-2'],
   page=comp("properties: { n: Number, s: String, flag: Boolean, other: String },\n"
             "methods: { onLoad(q) { L('PC-2 ' + typeof this.data.n + ' ' + this.data.n + ' ' + this.data.s + ' ' + this.data.flag + ' [' + this.data.other + '] ' + Object.keys(q).sort().map((k) => k + '=' + typeof q[k]).join('&')) } }"),
   args=['--query', 'n=2&s=x&flag=1&extra=e'], console=['PC-2 number 2 x true [] extra=string&flag=string&n=string&s=string'])
wx('cb-property-coerce-setdata', 'setData of a property coerces the value to its type', ['CB-2'],
   page=comp("properties: { n: Number, s: String, b: Boolean },\n"
             "methods: { onLoad() { this.setData({ n: '7', s: 5, b: 'yes' }); L('CB-2 ' + typeof this.data.n + ' ' + typeof this.data.s + ' ' + this.data.b) } }"),
   console=['CB-2 number string true'])
wx('cb-property-bad-value', 'a value of the wrong type takes the type\'s default', ['CB-2'],
   page=comp("properties: { n: Number, a: Array },\n"
             "methods: { onLoad() { this.setData({ n: 'abc', a: 'not a list' }); L('CB-2 ' + this.data.n + ' ' + JSON.stringify(this.data.a)) } }"),
   console=['CB-2 0 []'])
wx('cb-optional-types', 'a value of one of optionalTypes is kept as it is', ['CB-2'],
   page=comp("properties: { v: { type: Number, optionalTypes: [String], value: 1 } },\n"
             "methods: { onLoad() { this.setData({ v: 'abc' }); const a = this.data.v; this.setData({ v: 5 }); L('CB-2 ' + a + ' ' + typeof this.data.v) } }"),
   console=['CB-2 abc number'])
wx('cb-property-observer', 'a property observer gets the new and old value when the value changes', ['CB-3'],
   page=comp("properties: { n: { type: Number, value: 1, observer(nv, ov) { L('CB-3 ' + ov + '->' + nv) } } },\n"
             "methods: { onLoad() { this.setData({ n: 2 }); this.setData({ n: 2 }); this.setData({ n: 3 }) } }"),
   console=['CB-3 1->2', 'CB-3 2->3'], console_match='exact')
wx('cb-property-observer-name', 'a property observer may be a method name', ['CB-3'],
   page=comp("properties: { s: { type: String, observer: '_changed' } },\n"
             "methods: { _changed(v) { L('CB-3 by name ' + v) }, onLoad() { this.setData({ s: 'x' }) } }"),
   console=['CB-3 by name x'])
wx('cb-property-observer-after-observers', 'data observers run before property observers', ['CB-3', 'CB-4'],
   page=comp("properties: { p: { type: Number, observer() { L('property observer') } } },\nobservers: { p() { L('data observer') } },\n"
             "methods: { onLoad() { this.setData({ p: 9 }) } }"),
   console=['data observer', 'property observer'], console_match='exact')

# ---------------------------------------------------------------- CB: observers
obs_page = lambda observers, calls: comp("data: { a: 1, b: 2, obj: { x: 1, y: { z: 1 } }, list: [0, 0, 0] },\nobservers: { " + observers + " },\n"
                                         "methods: { onLoad() { " + calls + " } }")
wx('cb-observer-field', 'an observer runs when setData sets its field, with the new value', ['CB-4'],
   page=obs_page("a(v) { L('a=' + v) }", "this.setData({ a: 5 }); this.setData({ b: 6 })"), console=['a=5'], console_match='exact')
wx('cb-observer-same-value', 'an observer runs even when the value is unchanged', ['CB-4'],
   page=obs_page("a(v) { L('a=' + v) }", "this.setData({ a: 1 }); this.setData({ a: 1 })"), console=['a=1', 'a=1'], console_match='exact')
wx('cb-observer-several-fields', 'an observer of several fields runs once per setData with each field\'s value', ['CB-4'],
   page=obs_page("'a, b'(a, b) { L('a,b=' + a + ',' + b) }", "this.setData({ a: 10, b: 20 }); this.setData({ b: 30 })"),
   console=['a,b=10,20', 'a,b=10,30'], console_match='exact')
wx('cb-observer-path', 'an observer of obj.x runs for obj.x and for obj, not for obj.y', ['CB-4'],
   page=obs_page("'obj.x'(x) { L('obj.x=' + x) }", "this.setData({ 'obj.x': 2 }); this.setData({ 'obj.y.z': 3 }); this.setData({ obj: { x: 4 } })"),
   console=['obj.x=2', 'obj.x=4'], console_match='exact')
wx('cb-observer-array-index', 'an observer of list[1] runs when that element is set', ['CB-4'],
   page=obs_page("'list[1]'(v) { L('list[1]=' + v) }", "this.setData({ 'list[1]': 7 }); this.setData({ 'list[2]': 8 })"),
   console=['list[1]=7'], console_match='exact')
wx('cb-observer-wildcard', 'obj.** runs for any change under obj, with obj\'s value', ['CB-4'],
   page=obs_page("'obj.**'(o) { L('obj=' + JSON.stringify(o)) }", "this.setData({ 'obj.y.z': 5 }); this.setData({ a: 0 })"),
   console=['obj={"x":1,"y":{"z":5}}'], console_match='exact')
wx('cb-observer-all', '** runs for every setData', ['CB-4'],
   page=obs_page("'**'() { L('any') }", "this.setData({ a: 0 }); this.setData({ 'obj.x': 0 })"), console=['any', 'any'], console_match='exact')
wx('cb-observer-order', 'observers run in definition order', ['CB-4'],
   page=obs_page("b() { L('first b') }, a() { L('second a') }", "this.setData({ a: 3, b: 4 })"),
   console=['first b', 'second a'], console_match='exact')
wx('cb-observer-query-property', 'properties set from the page query reach their observers before onLoad', ['CB-4', 'PC-2'],
   page=comp("properties: { n: Number },\nobservers: { n(v) { L('observer n=' + v) } },\nmethods: { onLoad() { L('onLoad n=' + this.data.n) } }"),
   args=['--query', 'n=2'], console=['observer n=2', 'onLoad n=2'], console_match='exact')
wx('cb-observer-sees-data', 'when an observer runs, this.data already holds the change', ['CB-4'],
   page=obs_page("a() { L('seen ' + this.data.a) }", "this.setData({ a: 42 })"), console=['seen 42'])

# ---------------------------------------------------------------- CB: lifetimes and page lifetimes
wx('cb-lifetimes-win', 'a lifetime in lifetimes wins over the same one at the top level', ['CB-5'],
   page=comp("lifetimes: { attached() { L('lifetimes.attached') } },\nattached() { L('top attached') },\ncreated() { L('top created') },\n"
             "methods: { onLoad() { L('onLoad') } }"),
   console=['top created', 'lifetimes.attached', 'onLoad'], console_absent=['top attached'])
wx('cb-legacy-lifetimes', 'lifetimes given at the top level run when lifetimes lacks them', ['CB-5'],
   page=comp("created() { L('created') }, attached() { L('attached') }, ready() { L('ready') }"),
   console=['created', 'attached', 'ready'], console_match='exact')
wx('cb-created-no-setdata-event', 'setData before attached sends nothing to the view; from attached on it does', ['CB-5', 'CB-9'],
   page=comp("data: { v: 0 },\nlifetimes: { created() { this.setData({ v: 1 }) }, attached() { this.setData({ w: 2 }) } },\n"
             "methods: { onLoad() { L('CB-5 ' + this.data.w) } }"),
   console=['CB-5 2'], events=[{'type': 'setData', 'route': 'pages/index/index', 'data': {'w': 2}}], output_absent=['"v":1'])
wx('cb-page-lifetimes', 'pageLifetimes show and hide run before the page\'s onShow and onHide', ['CB-6'],
   page=comp("pageLifetimes: { show() { L('pl.show') }, hide() { L('pl.hide') } },\nmethods: { onShow() { L('onShow') }, onHide() { L('onHide') } }"),
   script="hide\nshow\n", console=['pl.show', 'onShow', 'pl.hide', 'onHide', 'pl.show', 'onShow'], console_match='exact')
wx('cb-lifetime-error', 'a throw in an observer goes to the error lifetime, then App.onError', ['CB-5', 'LC-4'],
   page=comp("data: { a: 0 },\nobservers: { a() { throw new Error('observer broke') } },\nlifetimes: { error(e) { L('lifetime error ' + e.message) } },\n"
             "methods: { onLoad() { this.setData({ a: 1 }); L('after') } }"),
   console=['lifetime error observer broke', 'onError: Error: observer broke', 'after'],
   errors=[{'kind': 'exception', 'message_contains': 'observer broke'}])

# ---------------------------------------------------------------- CB: methods, members, events
wx('cb-methods', 'methods are members of the instance, called with this = the instance', ['CB-7'],
   page=comp("data: { v: 3 },\nmethods: { tap(arg) { L('CB-7 ' + this.data.v + ' ' + JSON.stringify(arg) + ' ' + this.helper()) }, helper() { return 'h' } }"),
   script='call - tap {"x":1}\n', console=['CB-7 3 {"x":1} h'])
wx('cb-this-members', 'this.is, this.id, this.dataset, this.properties of a page component', ['CB-8'],
   page=comp("properties: { p: String },\nmethods: { onLoad() { L('CB-8 ' + this.is + ' [' + this.id + '] ' + JSON.stringify(this.dataset) + ' ' + (this.properties === this.data) + ' ' + this.properties.p) } }"),
   args=['--query', 'p=v'], console=['CB-8 pages/index/index [] {} true v'])
wx('cb-setdata-event', 'a page component\'s setData is reported with the page\'s route', ['CB-9'],
   page=comp("data: { n: 0 },\nmethods: { onLoad() { this.setData({ n: 1, 'o.k': 'v' }, () => L('CB-9 callback ' + this.data.n)) } }"),
   console=['CB-9 callback 1'], events=[{'type': 'setData', 'route': 'pages/index/index', 'data': {'n': 1, 'o.k': 'v'}}])
wx('cb-pure-data', 'pureDataPattern fields stay in this.data but are never sent', ['CB-9'],
   page=comp("options: { pureDataPattern: /^_/ },\nmethods: { onLoad() { this.setData({ _secret: 1, shown: 2 }); L('CB-9 ' + this.data._secret) } }"),
   console=['CB-9 1'], events=[{'type': 'setData', 'route': 'pages/index/index', 'data': {'shown': 2}}], output_absent=['_secret'])
wx('cb-trigger-event', 'triggerEvent is reported with its name, detail and options', ['CB-10'],
   page=comp("methods: { onLoad() { this.triggerEvent('change', { v: 1 }, { bubbles: true }) } }"),
   events=[{'type': 'lifecycle', 'target': 'component', 'hook': 'triggerEvent', 'route': 'pages/index/index',
            'options': {'name': 'change', 'detail': {'v': 1}, 'options': {'bubbles': True, 'composed': False, 'capturePhase': False}}}])
wx('cb-options-accepted', 'options, externalClasses and relations are accepted', ['CB-11'],
   page=comp("options: { multipleSlots: true, addGlobalClass: true, styleIsolation: 'apply-shared', virtualHost: true },\n"
             "externalClasses: ['my-class'], relations: {},\nmethods: { onLoad() { L('CB-11 accepted') } }"),
   console=['CB-11 accepted'])

# ---------------------------------------------------------------- CB: behaviors
beh = {
    'behaviors/inner.js': ("module.exports = Behavior({ data: { shared: { inner: 1 }, who: 'inner' }, methods: { m() { return 'inner' }, onlyInner() { return 'inner-only' } },\n"
                           "  lifetimes: { created() { console.log('inner.created') }, attached() { console.log('inner.attached') } },\n"
                           "  observers: { v() { console.log('inner.observer') } } });\n"),
    'behaviors/outer.js': ("const inner = require('./inner');\nmodule.exports = Behavior({ behaviors: [inner], data: { shared: { outer: 1 }, who: 'outer' },\n"
                           "  methods: { m() { return 'outer' } }, created() { console.log('outer.created') },\n"
                           "  observers: { v() { console.log('outer.observer') } } });\n"),
    'behaviors/second.js': ("module.exports = Behavior({ data: { who: 'second', shared: { second: 1 } }, methods: { m() { return 'second' }, s() { return 'second' } },\n"
                            "  lifetimes: { created() { console.log('second.created') } }, observers: { v() { console.log('second.observer') } } });\n"),
}
bpage = lambda body: "const outer = require('../../behaviors/outer');\nconst second = require('../../behaviors/second');\n" + comp(body)
wx('cb-behavior-data-merge', 'data: objects merge key by key; component over later behavior over earlier, outer over inner', ['CB-12'], files=beh,
   page=bpage("behaviors: [outer, second],\ndata: { shared: { own: 1 } },\nmethods: { onLoad() { L('CB-12 ' + this.data.who + ' ' + JSON.stringify(this.data.shared)) } }"),
   console=['CB-12 second {"inner":1,"outer":1,"second":1,"own":1}'])
wx('cb-behavior-data-component-wins', 'a scalar data field of the component wins over its behaviors\'', ['CB-12'], files=beh,
   page=bpage("behaviors: [outer, second],\ndata: { who: 'component' },\nmethods: { onLoad() { L('CB-12 ' + this.data.who) } }"),
   console=['CB-12 component'])
wx('cb-behavior-methods', 'methods: the component\'s win, then the later behavior\'s, then an outer behavior over its inner one', ['CB-12'], files=beh,
   page=bpage("behaviors: [second, outer],\nmethods: { onLoad() { L('CB-12 ' + this.m() + ' ' + this.s() + ' ' + this.onlyInner()) } }"),
   console=['CB-12 outer second inner-only'])
wx('cb-behavior-method-component-wins', 'a method of the component wins over its behaviors\'', ['CB-12'], files=beh,
   page=bpage("behaviors: [outer, second],\nmethods: { m() { return 'component' }, onLoad() { L('CB-12 ' + this.m()) } }"),
   console=['CB-12 component'])
wx('cb-behavior-lifetimes-order', 'lifetimes: inner before outer, earlier behavior before later, the component last', ['CB-13'], files=beh,
   page=bpage("behaviors: [outer, second],\nlifetimes: { created() { L('component.created') } }"),
   console=['inner.created', 'outer.created', 'second.created', 'component.created', 'inner.attached'], console_match='exact')
wx('cb-behavior-once', 'a behavior reached twice runs its lifetimes once', ['CB-13'], files=beh,
   page="const inner = require('../../behaviors/inner');\n" + bpage("behaviors: [inner, outer, inner],\ncreated() { L('component.created') }"),
   console=['inner.created', 'outer.created', 'component.created', 'inner.attached'], console_match='exact')
wx('cb-behavior-attached', 'each lifetime runs the behaviors\' entries before the component\'s', ['CB-13'], files=beh,
   page=bpage("behaviors: [outer],\nlifetimes: { attached() { L('component.attached') } }"),
   console=['inner.created', 'outer.created', 'inner.attached', 'component.attached'], console_match='exact')
wx('cb-behavior-observers-order', 'observers of behaviors run before the component\'s, in the same order as lifetimes', ['CB-13', 'CB-4'], files=beh,
   page=bpage("behaviors: [outer, second],\ndata: { v: 0 },\nobservers: { v() { L('component.observer') } },\nmethods: { onLoad() { this.setData({ v: 1 }) } }"),
   console=['inner.observer', 'outer.observer', 'second.observer', 'component.observer'])
wx('cb-behavior-properties', 'properties of a behavior are the component\'s properties', ['CB-12', 'CB-2'],
   files={'behaviors/p.js': "module.exports = Behavior({ properties: { size: { type: Number, value: 1 }, label: String } });\n"},
   page="const p = require('../../behaviors/p');\n" + comp("behaviors: [p],\nproperties: { label: { type: String, value: 'own' } },\nmethods: { onLoad() { L('CB-12 ' + this.data.size + ' ' + this.data.label) } }"),
   args=['--query', 'size=4'], console=['CB-12 4 own'])
wx('cb-has-behavior', 'hasBehavior is true for listed behaviors and those they list', ['CB-12'], files=beh,
   page="const inner = require('../../behaviors/inner');\nconst lone = Behavior({});\n" + bpage(
       "behaviors: [outer],\nmethods: { onLoad() { L('CB-12 ' + this.hasBehavior(outer) + ' ' + this.hasBehavior(inner) + ' ' + this.hasBehavior(lone)) } }"),
   console=['CB-12 true true false'])
wx('cb-form-field', 'wx://form-field adds the name and value properties', ['CB-14'],
   page=comp("behaviors: ['wx://form-field'],\nmethods: { onLoad() { L('CB-14 [' + this.data.name + '] ' + this.hasBehavior('wx://form-field')) } }"),
   args=['--query', 'name=email'], console=['CB-14 [email] true'])
wx('cb-component-export', 'wx://component-export and export are accepted', ['CB-14'],
   page=comp("behaviors: ['wx://component-export'],\nexport() { return { api: 1 } },\nmethods: { onLoad() { L('CB-14 ' + this.hasBehavior('wx://component-export')) } }"),
   console=['CB-14 true'])
wx('cb-unknown-builtin', 'an unknown wx:// behavior is skipped with a warning', ['CB-14'], level='SHOULD',
   page=comp("behaviors: ['wx://no-such'],\nmethods: { onLoad() { L('CB-14 ran') } }"), console=[{'contains': 'wx://no-such'}, 'CB-14 ran'])
wx('cb-definition-filter', 'a behavior\'s definitionFilter may change the definition that lists it', ['CB-15'],
   files={'behaviors/f.js': "module.exports = Behavior({ definitionFilter(defFields) { defFields.methods = defFields.methods || {}; defFields.methods.added = function () { return 'added by filter' }; defFields.data = Object.assign({ fromFilter: true }, defFields.data) } });\n"},
   page="const f = require('../../behaviors/f');\n" + comp("behaviors: [f],\nmethods: { onLoad() { L('CB-15 ' + this.added() + ' ' + this.data.fromFilter) } }"),
   console=['CB-15 added by filter true'])
wx('cb-definition-filter-chain', 'definitionFilter gets the filters of the behaviors its behavior lists', ['CB-15'],
   files={'behaviors/base.js': "module.exports = Behavior({ definitionFilter(defFields) { defFields.data = Object.assign({}, defFields.data, { base: 'ran' }) } });\n",
          'behaviors/derived.js': ("const base = require('./base');\nmodule.exports = Behavior({ behaviors: [base],\n"
                                   "  definitionFilter(defFields, filters) { console.log('filters ' + filters.length); filters.forEach((f) => f(defFields)) } });\n")},
   page="const d = require('../../behaviors/derived');\n" + comp("behaviors: [d],\nmethods: { onLoad() { L('CB-15 ' + this.data.base) } }"),
   console=['filters 1', 'CB-15 ran'])
wx('cb-behavior-needs-object', 'Behavior() without an options object throws a TypeError', ['CB-12'],
   onload="try { Behavior(42); L('accepted') } catch (e) { L('CB-12 ' + e.name) }", console=['CB-12 TypeError'])
wx('cb-behavior-in-page', 'a Page may list behaviors too: their data and methods reach the page', ['CB-12'], level='SHOULD',
   files=beh, page="const outer = require('../../behaviors/outer');\nPage({ behaviors: [outer], onLoad() { L('CB-12 ' + this.data.who + ' ' + this.m()) } })\n",
   console=['CB-12 outer outer'])

# ---------------------------------------------------------------- PC: pages as components, getApp, getCurrentPages
wx('pc-order', 'a page component: created, attached, onLoad, show, onShow, ready, onReady', ['PC-1'],
   page=comp(lifelog('c') + "\npageLifetimes: { show() { L('pl.show') } },\n"
             "methods: { onLoad() { L('onLoad') }, onShow() { L('onShow') }, onReady() { L('onReady') } }"),
   console=['c.created', 'c.attached', 'onLoad', 'pl.show', 'onShow', 'c.ready', 'onReady'], console_match='exact')
wx('pc-lifecycle-events', 'a page component\'s hooks are reported as page and component lifecycle events', ['PC-1', 'DR-2'],
   page=comp("methods: { onLoad() {} }"),
   events=[{'type': 'lifecycle', 'target': 'component', 'hook': 'created', 'route': 'pages/index/index'},
           {'type': 'lifecycle', 'target': 'component', 'hook': 'attached', 'route': 'pages/index/index'},
           {'type': 'lifecycle', 'target': 'page', 'hook': 'onLoad', 'route': 'pages/index/index'},
           {'type': 'lifecycle', 'target': 'page', 'hook': 'onReady', 'route': 'pages/index/index'}])
wx('pc-unload-order', 'on unload: onUnload, then detached', ['PC-1'], pages=['pages/index/index', 'pages/b/b'],
   page=comp("lifetimes: { detached() { L('detached') } },\nmethods: { onUnload() { L('onUnload') }, go() { wx.redirectTo({ url: '/pages/b/b' }) } }"),
   files={'pages/b/b.js': "Page({ onLoad() { console.log('b.onLoad') } })\n"}, script="call - go\n",
   console=['onUnload', 'detached', 'b.onLoad'], console_match='exact')
wx('pc-navigate-query', 'navigating to a page component sets its properties from the query', ['PC-2'], pages=['pages/index/index', 'pages/detail/detail'],
   page="Page({ onReady() { wx.navigateTo({ url: '/pages/detail/detail?id=12&title=tea' }) } })\n",
   files={'pages/detail/detail.js': comp("properties: { id: Number, title: String },\nmethods: { onLoad(q) { console.log('PC-2 ' + (this.data.id + 1) + ' ' + this.data.title + ' ' + q.id) } }")},
   console=['PC-2 13 tea 12'])
wx('pc-route-options', 'a page component has route and options', ['PC-3'],
   page=comp("methods: { onLoad() { L('PC-3 ' + this.route + ' ' + JSON.stringify(this.options)) } }"), args=['--query', 'a=1'],
   console=['PC-3 pages/index/index {"a":"1"}'])
wx('pc-host-call', 'the driver calls a page component\'s methods', ['PC-3', 'LC-9'],
   page=comp("data: { n: 1 },\nmethods: { bump(arg) { this.setData({ n: this.data.n + arg.by }); L('PC-3 ' + this.data.n) } }"),
   script='call - bump {"by":4}\ndata\n', console=['PC-3 5'],
   events=[{'type': 'reply', 'command': 'data', 'data': {'route': 'pages/index/index', 'data': {'n': 5}}}])
wx('pc-getcurrentpages', 'getCurrentPages lists page components with their routes, the top last', ['PC-4', 'LC-7'],
   pages=['pages/index/index', 'pages/b/b'],
   page=comp("methods: { onReady() { wx.navigateTo({ url: '/pages/b/b' }) } }"),
   files={'pages/b/b.js': comp("methods: { onLoad() { const s = getCurrentPages(); console.log('PC-4 ' + s.length + ' ' + s.map((p) => p.route).join(',') + ' ' + (s[1] === this)) } }")},
   console=['PC-4 2 pages/index/index,pages/b/b true'])
wx('pc-getapp', 'getApp() in a page component returns the app', ['PC-5', 'LC-6'],
   app="App({ globalData: { user: 'ann' }, hello() { return 'hi' } })\n",
   page=comp("methods: { onLoad() { const a = getApp(); L('PC-5 ' + a.globalData.user + ' ' + a.hello()) } }"), console=['PC-5 ann hi'])
wx('pc-getapp-allow-default', 'getApp({allowDefault: true}) before App() gives a default app whose globalData App() merges', ['PC-5'],
   app=("const early = getApp({ allowDefault: true });\nearly.globalData.early = 'yes';\n"
        "console.log('default ' + typeof early + ' ' + JSON.stringify(early.globalData));\nApp({ globalData: { late: 'also' } });\n"),
   onload="const g = getApp().globalData; L('PC-5 ' + g.early + ' ' + g.late)",
   console=['default object {"early":"yes"}', 'PC-5 yes also'])
wx('pc-getapp-before-app', 'getApp() before App() without allowDefault gives undefined', ['PC-5'],
   app="console.log('before ' + typeof getApp());\nApp({});\n", onload="L('after ' + typeof getApp())", console=['before undefined', 'after object'])
wx('pc-mixed-pages', 'Page() and Component() pages navigate to each other', ['PC-1', 'PC-4'], pages=['pages/index/index', 'pages/c/c'],
   page="Page({ onReady() { wx.navigateTo({ url: '/pages/c/c' }) }, onShow() { console.log('index.onShow') } })\n",
   files={'pages/c/c.js': comp("methods: { onReady() { wx.navigateBack() }, onUnload() { console.log('c.onUnload') } }")},
   console=['index.onShow', 'c.onUnload', 'index.onShow'], console_match='exact')
wx('pc-hide-show', 'hide and show reach a page component\'s onHide and onShow', ['PC-1', 'LC-3'],
   app="App({ onHide() { console.log('app.onHide') }, onShow() { console.log('app.onShow') } })\n",
   page=comp("methods: { onHide() { L('page.onHide') }, onShow() { L('page.onShow') } }"), script="hide\nshow\n",
   console=['app.onShow', 'page.onShow', 'page.onHide', 'app.onHide', 'app.onShow', 'page.onShow'], console_match='exact')
wx('pc-navigate-back-detached', 'navigating back from a page component detaches it after onUnload', ['PC-1', 'NV-5'],
   pages=['pages/index/index', 'pages/c/c'], page="Page({ onReady() { wx.navigateTo({ url: '/pages/c/c' }) }, onShow() { console.log('index.onShow') } })\n",
   files={'pages/c/c.js': comp("lifetimes: { detached() { console.log('c.detached') } },\nmethods: { onReady() { wx.navigateBack() }, onUnload() { console.log('c.onUnload') } }")},
   console=['index.onShow', 'c.onUnload', 'c.detached', 'index.onShow'], console_match='exact')
wx('pc-getapp-default-merged', 'members set on the default app are merged over those App() is given', ['PC-5'],
   app=("const app = getApp({ allowDefault: true });\napp.data = 456;\napp.global = {};\n"
        "App({ data: 123, other: 'hello' });\n"),
   onload="const a = getApp(); L('PC-5 ' + a.data + ' ' + JSON.stringify(a.global) + ' ' + a.other)", console=['PC-5 456 {} hello'])
