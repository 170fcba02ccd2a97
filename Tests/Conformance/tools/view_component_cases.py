"""View layer cases (VL) for custom components (properties, lifetimes, triggerEvent,
selectComponent, externalClasses), built-in components (input, forms, switches, navigator),
selector queries, the two layers' isolation and compile errors. Loaded by view_cases.py, whose
helpers it uses."""
from view_cases import C, INDEX, P, REFUSED, comp, compile_error, reply, using, vl

# ---------------------------------------------------------------- VL-16: custom components and properties
CARD = comp('card', '<view class="card"><text class="name">{{userName}}</text><text class="n">{{count}}</text></view>\n',
            C("properties: { userName: String, count: { type: Number, value: 0, observer(v, old) { L('observer ' + old + '->' + v) } } }"))
vl('vl-component-render', 'a component from usingComponents renders its template with the properties it is given', ['VL-16'],
   '<view id="p"><card id="c" user-name="ann" count="{{n}}"/></view>\n', P("data: { n: 3 }"), files=CARD, page_json=using(card='card'),
   script='wxml #p\n', events=[reply('<view id="p"><card id="c" user-name="ann" count="3"><view class="card"><text class="name">ann</text><text class="n">3</text></view></card></view>')])
vl('vl-component-global', 'usingComponents in app.json are usable in every page', ['VL-16'],
   '<card id="c" user-name="g"/>\n', files=CARD, app_json={'usingComponents': {'card': '/components/card/card'}},
   script='wxml #c\n', events=[reply('<card id="c" user-name="g"><view class="card"><text class="name">g</text><text class="n">0</text></view></card>')])
vl('vl-component-property-flow', 'a property follows the owner\'s data; its observer runs when it changes', ['VL-16'],
   '<card id="c" count="{{n}}"/><text id="o">{{other}}</text>\n',
   P("data: { n: 1, other: 'x' },\nbump() { this.setData({ n: 2 }) },\nunrelated() { this.setData({ other: 'y' }) }"),
   files=CARD, page_json=using(card='card'), script='call - bump\ncall - unrelated\nwxml #c\n',
   console=['observer 0->1', 'observer 1->2'], console_match='exact',
   events=[reply('<card id="c" count="2"><view class="card"><text class="name"></text><text class="n">2</text></view></card>')])
vl('vl-component-property-coerced', 'a property given a string where a Number is declared is converted', ['VL-16'],
   '<card id="c" count="5"/>\n', files=comp('card', '<text>{{count + 1}}</text>\n', C("properties: { count: Number },\nlifetimes: { attached() { L('VL-16 ' + typeof this.data.count) } }")),
   page_json=using(card='card'), script='wxml #c\n', console=['VL-16 number'], events=[reply('<card id="c" count="5"><text>6</text></card>')])
vl('vl-component-own-data', 'a component\'s template sees its own data, not the page\'s', ['VL-16'],
   '<card id="c"/>\n', P("data: { secret: 'page' }"),
   files=comp('card', '<text>[{{secret}}][{{mine}}]</text>\n', C("data: { mine: 'own' }")), page_json=using(card='card'),
   script='wxml #c\n', events=[reply('<card id="c"><text>[][own]</text></card>')])
vl('vl-component-setdata', 'a component\'s setData re-renders its own tree', ['VL-16', 'VL-1'],
   '<card id="c"/>\n', P("go() { this.selectComponent('#c').bump() }"),
   files=comp('card', '<text class="v">{{v}}</text>\n', C("data: { v: 1 },\nmethods: { bump() { this.setData({ v: this.data.v + 1 }) } }")),
   page_json=using(card='card'), script='call - go\nwxml #c\n', events=[reply('<card id="c"><text class="v">2</text></card>')])
vl('vl-component-in-for', 'components in wx:for get one instance per item', ['VL-16', 'VL-3'],
   '<view id="p"><card wx:for="{{names}}" wx:key="*this" user-name="{{item}}"/></view>\n', P("data: { names: ['a', 'b'] }"),
   files=CARD, page_json=using(card='card'), script='wxml #p\n',
   events=[reply('<view id="p"><card user-name="a"><view class="card"><text class="name">a</text><text class="n">0</text></view></card>'
                 '<card user-name="b"><view class="card"><text class="name">b</text><text class="n">0</text></view></card></view>')])
vl('vl-component-nested', 'a component may use components of its own', ['VL-16'],
   '<outer id="o"/>\n', files={**comp('outer', '<view class="o"><inner label="deep"/></view>\n', C(""), {'usingComponents': {'inner': '../inner/inner'}}),
                               **comp('inner', '<text>{{label}}</text>\n', C("properties: { label: String }"))},
   page_json=using(outer='outer'), script='wxml #o\n', events=[reply('<outer id="o"><view class="o"><inner label="deep"><text>deep</text></inner></view></outer>')])
vl('vl-component-id-dataset', 'a component instance has the id and dataset of its element', ['VL-16'],
   '<card id="c1" data-user-id="u9"/>\n',
   files=comp('card', '<text>x</text>\n', C("lifetimes: { attached() { L('VL-16 ' + this.id + ' ' + JSON.stringify(this.dataset)) } }")),
   page_json=using(card='card'), console=['VL-16 c1 {"userId":"u9"}'])

# ---------------------------------------------------------------- VL-17: lifetimes
LIFE = comp('life', '<text>life</text>\n', C("lifetimes: { created() { L('created') }, attached() { L('attached') }, ready() { L('ready') }, detached() { L('detached') } }"))
vl('vl-lifetimes-page-order', 'created and attached before the page\'s onLoad; ready before its onReady', ['VL-17'],
   '<life/>\n', P("onLoad() { L('page.onLoad') }, onShow() { L('page.onShow') }, onReady() { L('page.onReady') }"),
   files=LIFE, page_json=using(life='life'), console=['created', 'attached', 'page.onLoad', 'page.onShow', 'ready', 'page.onReady'],
   console_match='exact')
vl('vl-lifetimes-wxif', 'a component wx:if adds later is created, attached and ready; removed it is detached', ['VL-17'],
   '<life wx:if="{{on}}"/>\n', P("data: { on: false },\nset(a) { L('set ' + a.on); this.setData({ on: a.on }) }"),
   files=LIFE, page_json=using(life='life'), script='call - set {"on":true}\ncall - set {"on":false}\n',
   console=['set true', 'created', 'attached', 'ready', 'set false', 'detached'], console_match='exact')
vl('vl-lifetimes-unload', 'a page\'s components are detached after its onUnload', ['VL-17'],
   '<life/>\n', P("onUnload() { L('page.onUnload') },\ngo() { wx.redirectTo({ url: '/pages/b/b' }) }"), pages=[INDEX, 'pages/b/b'],
   files={**LIFE, 'pages/b/b.js': "Page({ onLoad() { console.log('b.onLoad') } })\n"}, page_json=using(life='life'), script='call - go\n',
   console=['page.onUnload', 'detached', 'b.onLoad'])
vl('vl-lifetimes-list', 'removing an item of a keyed list detaches only its component', ['VL-17', 'VL-4'],
   '<item-c wx:for="{{list}}" wx:key="*this" name="{{item}}"/>\n', P("data: { list: ['a', 'b', 'c'] },\ndrop() { this.setData({ list: ['a', 'c'] }) }"),
   files=comp('item-c', '<text>{{name}}</text>\n', C("properties: { name: String },\nlifetimes: { detached() { L('detached ' + this.data.name) } }")),
   page_json=using(item_c='item-c'), script='call - drop\n', console=['detached b'], console_absent=['detached a', 'detached c'])

# ---------------------------------------------------------------- VL-18: triggerEvent
EMITTER = comp('emitter', '<text>e</text>\n', C("methods: { fire(o) { this.triggerEvent('ping', { n: 1 }, o || {}) } }"))
vl('vl-trigger-event', 'triggerEvent reaches the bind: handler on the component\'s element with its detail', ['VL-18'],
   '<emitter id="e" bind:ping="onPing"/>\n', P("go() { this.selectComponent('#e').fire() },\nonPing(e) { L('VL-18 ' + e.type + ' ' + JSON.stringify(e.detail) + ' ' + e.target.id + ' ' + e.currentTarget.id) }"),
   files=EMITTER, page_json=using(emitter='emitter'), script='call - go\n', console=['VL-18 ping {"n":1} e e'])
vl('vl-trigger-not-bubbling', 'by default a component\'s event does not bubble', ['VL-18'],
   '<view bind:ping="outer"><emitter id="e" bindping="own"/></view>\n', P("go() { this.selectComponent('#e').fire() },\nown() { L('own') }, outer() { L('outer') }"),
   files=EMITTER, page_json=using(emitter='emitter'), script='call - go\n', console=['own'], console_absent=['outer'])
vl('vl-trigger-bubbles', 'bubbles: true lets the event bubble in the owner\'s tree', ['VL-18'],
   '<view id="wrap" bind:ping="outer"><emitter id="e" bindping="own"/></view>\n',
   P("go() { this.selectComponent('#e').fire({ bubbles: true }) },\nown() { L('own') }, outer(e) { L('outer ' + e.target.id + ' ' + e.currentTarget.id) }"),
   files=EMITTER, page_json=using(emitter='emitter'), script='call - go\n', console=['own', 'outer e wrap'], console_match='exact')
COMPOSED = {**comp('shell', '<view bind:ping="shellSaw"><emitter id="inner-e"/></view>\n',
                   C("methods: { shellSaw() { L('shell saw') }, fire(o) { this.selectComponent('#inner-e').fire(o) } }"),
                   {'usingComponents': {'emitter': '../emitter/emitter'}}), **EMITTER}
vl('vl-trigger-composed', 'composed lets a bubbling event leave the component into its owner\'s tree', ['VL-18'],
   '<view bind:ping="pageSaw"><shell id="s"/></view>\n',
   P("go(a) { this.selectComponent('#s').fire(a) },\npageSaw(e) { L('page saw ' + e.target.id) }"),
   files=COMPOSED, page_json=using(shell='shell'), script='call - go {"bubbles":true}\ncall - go {"bubbles":true,"composed":true}\n',
   console=['shell saw', 'shell saw', 'page saw s'], console_match='exact')
vl('vl-trigger-capture', 'capturePhase: capture handlers run from the root before the bubble handlers', ['VL-18'],
   '<view capture-bind:ping="cap" bind:ping="bub"><emitter id="e" bind:ping="own"/></view>\n',
   P("go() { this.selectComponent('#e').fire({ bubbles: true, capturePhase: true }) },\ncap() { L('capture') }, own() { L('own') }, bub() { L('bubble') }"),
   files=EMITTER, page_json=using(emitter='emitter'), script='call - go\n', console=['capture', 'own', 'bubble'], console_match='exact')
vl('vl-component-own-handler', 'a handler in a component\'s template calls the component\'s method', ['VL-18', 'VL-10'],
   '<view bindtap="pageTap"><btn id="b"/></view>\n', P("pageTap(e) { L('page saw ' + e.target.id) },\nbuy() { L('wrong: page method') }"),
   files=comp('btn', '<view class="buy" bindtap="buy">buy</view>\n', C("methods: { buy(e) { L('component buy ' + this.is + ' ' + e.currentTarget.dataset.x) } }")),
   page_json=using(btn='btn'), script='tap btn >>> .buy\n', console=['component buy components/btn/btn undefined', 'page saw b'], console_match='exact')

# ---------------------------------------------------------------- VL-19: selectComponent
vl('vl-select-component', 'selectComponent gives the instance (its data and methods) or null', ['VL-19'],
   '<card id="c1" class="k"/><card id="c2" class="k"/>\n',
   P("onReady() { const c = this.selectComponent('#c2'); L('VL-19 ' + c.id + ' ' + c.data.v + ' ' + c.hello() + ' ' + this.selectComponent('#none') + ' ' + this.selectAllComponents('.k').length) }"),
   files=comp('card', '<text>{{v}}</text>\n', C("data: { v: 'd' },\nmethods: { hello() { return 'hi' } }")), page_json=using(card='card'),
   console=['VL-19 c2 d hi null 2'])
vl('vl-select-component-own-tree', 'a component\'s selectComponent sees its own tree only', ['VL-19'],
   '<outer id="o"/><inner id="top"/>\n',
   P("onReady() { const o = this.selectComponent('#o'); L('VL-19 ' + (o.selectComponent('#deep') !== null) + ' ' + (o.selectComponent('#top') === null) + ' ' + (this.selectComponent('#deep') === null)) }"),
   files={**comp('outer', '<inner id="deep"/>\n', C(""), {'usingComponents': {'inner': '../inner/inner'}}), **comp('inner', '<text>i</text>\n', C(""))},
   page_json=using(outer='outer', inner='inner'), console=['VL-19 true true true'])
vl('vl-select-component-after-render', 'selectComponent finds a component added by setData', ['VL-19', 'VL-1'],
   '<card wx:if="{{on}}" id="c"/>\n', P("data: { on: false },\ngo() { L('before ' + this.selectComponent('#c')); this.setData({ on: true }, () => L('after ' + (this.selectComponent('#c') !== null))) }"),
   files=comp('card', '<text>c</text>\n', C("")), page_json=using(card='card'), script='call - go\n', console=['before null', 'after true'])

# ---------------------------------------------------------------- VL-20: externalClasses
EXT = comp('ext', '<view class="my-class base"><text class="title-class">t</text></view>\n', C("externalClasses: ['my-class', 'title-class']"))
vl('vl-external-classes', 'an external class stands for the classes the owner gives, and follows them', ['VL-20'],
   '<ext id="e" my-class="{{cls}}" title-class="big"/>\n', P("data: { cls: 'red' },\nchange() { this.setData({ cls: 'blue wide' }) }"),
   files=EXT, page_json=using(ext='ext'), script='wxml #e\ncall - change\nwxml #e\n',
   events=[reply('<ext id="e" my-class="red" title-class="big"><view class="red base"><text class="big">t</text></view></ext>'),
           reply('<ext id="e" my-class="blue wide" title-class="big"><view class="blue wide base"><text class="big">t</text></view></ext>')])
vl('vl-external-classes-undeclared', 'a class the component does not list as external is kept as written', ['VL-20'],
   '<ext id="e" my-class="red" title-class="t2" base="no"/>\n', files=EXT, page_json=using(ext='ext'), script='wxml #e\n',
   events=[reply('<ext id="e" my-class="red" title-class="t2" base="no"><view class="red base"><text class="t2">t</text></view></ext>')])

# ---------------------------------------------------------------- VL-21: input and model:value
vl('vl-input-detail', 'input(text) sets the value and fires input with {value, cursor, keyCode}', ['VL-21'],
   '<input id="i" bindinput="t"/>\n', P("t(e) { L('VL-21 ' + e.type + ' ' + JSON.stringify(e.detail)) }"), 'input #i ab\n',
   console=['VL-21 input {"value":"ab","cursor":2,"keyCode":98}'])
vl('vl-model-value', 'model:value writes the typed text back into the page\'s data', ['VL-21'],
   '<input id="i" model:value="{{name}}"/><text id="echo">{{name}}</text>\n', P("data: { name: 'x' }"), 'input #i tea\nwxml #echo\ndata\n',
   events=[reply('<text id="echo">tea</text>'), {'type': 'reply', 'command': 'data', 'data': {'data': {'name': 'tea'}}}])
vl('vl-model-value-path', 'model:value may bind a field path', ['VL-21'],
   '<input id="i" model:value="{{form.name}}"/>\n', P("data: { form: { name: '', age: 3 } }"), 'input #i bo\ndata\n',
   events=[{'type': 'reply', 'command': 'data', 'data': {'data': {'form': {'name': 'bo', 'age': 3}}}}])
vl('vl-input-value-binding', 'value="{{v}}" shows the data; setData of v replaces the typed text', ['VL-21', 'VL-30'],
   '<form bindsubmit="s"><input name="f" value="{{v}}"/><button id="b" form-type="submit">s</button></form>\n',
   P("data: { v: 'start' },\nreset() { this.setData({ v: 'fresh' }) },\ns(e) { L('VL-21 ' + e.detail.value.f) }"),
   'tap #b\ninput input typed\ntap #b\ncall - reset\ntap #b\n', console=['VL-21 start', 'VL-21 typed', 'VL-21 fresh'], console_match='exact')
vl('vl-input-maxlength', 'typed text is cut to maxlength (140 when not given)', ['VL-21'],
   '<input id="a" maxlength="3" bindinput="t"/><input id="b" bindinput="t"/>\n', P("t(e) { L('VL-21 ' + e.detail.value.length) }"),
   'input #a abcdef\ninput #b ' + 'x' * 150 + '\n', console=['VL-21 3', 'VL-21 140'])
vl('vl-textarea-input', 'a textarea takes input like an input', ['VL-21'],
   '<textarea id="t" model:value="{{note}}" bindinput="t"/>\n', P("data: { note: '' },\nt(e) { L('VL-21 ' + e.detail.value) }"), 'input #t hello\ndata\n',
   console=['VL-21 hello'], events=[{'type': 'reply', 'command': 'data', 'data': {'data': {'note': 'hello'}}}])
vl('vl-input-not-input', 'typing into an element that is not an input or textarea is refused', ['VL-21', 'VL-29'],
   '<view id="v">x</view>\n', P(""), 'input #v text\n', events=[REFUSED])

# ---------------------------------------------------------------- VL-22: forms
FORM = ('<form bindsubmit="s" bindreset="r">'
        '<input name="who" model:value="{{who}}"/><switch name="on" checked/>'
        '<checkbox-group name="picks"><checkbox id="ca" value="a"/><checkbox id="cb" value="b" checked/></checkbox-group>'
        '<radio-group name="size"><radio id="rs" value="s"/><radio id="rl" value="l"/></radio-group>'
        '<input/><view name="nope">v</view>'
        '<button id="send" form-type="submit">send</button><button id="clear" form-type="reset">clear</button></form>\n')
FORM_JS = P("data: { who: 'ann' },\ns(e) { L('submit ' + JSON.stringify(e.detail.value)) },\nr(e) { L('reset ' + e.type) }")
vl('vl-form-submit', 'a submit button gives the form\'s submit every named field\'s value', ['VL-22'],
   FORM, FORM_JS, 'tap #send\n', console=['submit {"who":"ann","on":true,"picks":["b"],"size":""}'])
vl('vl-form-submit-after-changes', 'submit sees what the user typed, toggled and chose', ['VL-22', 'VL-23'],
   FORM, FORM_JS, 'input input bo\ntap switch\ntap #ca\ntap #rl\ntap #send\n',
   console=['submit {"who":"bo","on":false,"picks":["a","b"],"size":"l"}'])
vl('vl-form-reset', 'a reset button fires reset and the fields go back to their attributes', ['VL-22'],
   FORM, FORM_JS, 'tap switch\ntap #rl\ntap #clear\ntap #send\n', console=['reset reset', 'submit {"who":"ann","on":true,"picks":["b"],"size":""}'])
vl('vl-button-outside-form', 'a submit button outside any form does nothing', ['VL-22'],
   '<button id="b" form-type="submit" bindtap="t">s</button>\n', P("t() { L('tap ran') }"), 'tap #b\n', console=['tap ran'], console_match='exact')
vl('vl-button-disabled', 'a disabled button swallows taps', ['VL-22'],
   '<form bindsubmit="s"><button id="b" disabled form-type="submit" bindtap="t">s</button></form>\n', P("t() { L('tap') }, s() { L('submit') }"),
   'tap #b\n', console_absent=['tap', 'submit'], events=[reply(None)])

# ---------------------------------------------------------------- VL-23: switch, checkbox, radio
vl('vl-switch-toggle', 'a tap toggles a switch and fires change {value}', ['VL-23'],
   '<switch id="s" bindchange="c"/>\n', P("c(e) { L('VL-23 ' + e.type + ' ' + JSON.stringify(e.detail)) }"), 'tap #s\ntap #s\n',
   console=['VL-23 change {"value":true}', 'VL-23 change {"value":false}'])
vl('vl-switch-checked-attr', 'a switch starts from its checked attribute', ['VL-23'],
   '<switch id="s" checked="{{on}}" bindchange="c"/>\n', P("data: { on: true },\nc(e) { L('VL-23 ' + e.detail.value) }"), 'tap #s\n', console=['VL-23 false'])
vl('vl-checkbox-group', 'a tap on a checkbox fires its group\'s change with the checked values', ['VL-23'],
   '<checkbox-group bindchange="c"><checkbox id="a" value="a"/><checkbox id="b" value="b"/></checkbox-group>\n',
   P("c(e) { L('VL-23 ' + JSON.stringify(e.detail.value)) }"), 'tap #b\ntap #a\ntap #b\n',
   console=['VL-23 ["b"]', 'VL-23 ["a","b"]', 'VL-23 ["a"]'], console_match='exact')
vl('vl-radio-group', 'a tap on a radio chooses it: the group\'s change gives its value', ['VL-23'],
   '<radio-group bindchange="c"><radio id="x" value="x"/><radio id="y" value="y" checked/></radio-group>\n',
   P("c(e) { L('VL-23 ' + JSON.stringify(e.detail.value)) }"), 'tap #y\ntap #x\n', console=['VL-23 "x"'], console_match='exact')
vl('vl-label-for', 'a tap on a label acts for its control', ['VL-23'], level='SHOULD',
   wxml='<checkbox-group bindchange="c"><label id="l"><checkbox value="a"/><text>A</text></label></checkbox-group>\n',
   page=P("c(e) { L('VL-23 ' + JSON.stringify(e.detail.value)) }"), script='tap #l\n', console=['VL-23 ["a"]'])

# ---------------------------------------------------------------- VL-24: navigator
NAV_PAGES = [INDEX, 'pages/b/b']
NAV_B = {'pages/b/b.js': "Page({ onLoad(q) { console.log('b.onLoad ' + JSON.stringify(q) + ' ' + getCurrentPages().length) } })\n"}
vl('vl-navigator', 'a tap on a navigator opens its url', ['VL-24'],
   '<navigator id="n" url="/pages/b/b?id=7">go</navigator>\n', P("onHide() { L('index.onHide') }"), 'tap #n\n', pages=NAV_PAGES, files=NAV_B,
   console=['index.onHide', 'b.onLoad {"id":"7"} 2'])
vl('vl-navigator-redirect', 'open-type="redirect" replaces the page', ['VL-24'],
   '<navigator id="n" url="../b/b" open-type="redirect">go</navigator>\n', P("onUnload() { L('index.onUnload') }"), 'tap #n\n',
   pages=NAV_PAGES, files=NAV_B, console=['index.onUnload', 'b.onLoad {} 1'])
vl('vl-navigator-back', 'open-type="navigateBack" goes back', ['VL-24'],
   '<text>index</text>\n', P("onShow() { L('index.onShow') }, onReady() { if (!getApp().went) { getApp().went = true; wx.navigateTo({ url: '/pages/b/b' }) } }"),
   'tap #back\n', pages=NAV_PAGES,
   files={'pages/b/b.js': "Page({ onUnload() { console.log('b.onUnload') } })\n", 'pages/b/b.wxml': '<navigator id="back" open-type="navigateBack">back</navigator>\n'},
   console=['index.onShow', 'b.onUnload', 'index.onShow'], console_match='exact')
vl('vl-navigator-relaunch', 'open-type="reLaunch" closes every page and opens the url', ['VL-24'],
   '<navigator id="n" url="/pages/b/b?r=1" open-type="reLaunch">go</navigator>\n', P("onUnload() { L('index.onUnload') }"), 'tap #n\n',
   pages=NAV_PAGES, files=NAV_B, console=['index.onUnload', 'b.onLoad {"r":"1"} 1'])
vl('vl-navigator-relative', 'a relative url is resolved from the current page', ['VL-24'],
   '<navigator id="n" url="../b/b?x=1">go</navigator>\n', P(""), 'tap #n\n', pages=NAV_PAGES, files=NAV_B, console=['b.onLoad {"x":"1"} 2'])

# ---------------------------------------------------------------- VL-25: selector queries
vl('vl-query-fields', 'createSelectorQuery: select(...).fields({id, dataset}) gives the node\'s id and dataset', ['VL-25'],
   '<view id="a" class="box" data-user-id="u1">x</view>\n',
   P("onReady() { wx.createSelectorQuery().select('.box').fields({ id: true, dataset: true }).exec((r) => L('VL-25 ' + JSON.stringify(r))) }"),
   console=['VL-25 [{"id":"a","dataset":{"userId":"u1"}}]'])
vl('vl-query-rect-zero', 'boundingClientRect gives zero rects without layout', ['VL-25'],
   '<view id="a">x</view>\n',
   P("onReady() { this.createSelectorQuery().select('#a').boundingClientRect().exec((r) => { const b = r[0]; L('VL-25 ' + [b.id, b.left, b.top, b.right, b.bottom, b.width, b.height].join(',')) }) }"),
   console=['VL-25 a,0,0,0,0,0,0'])
vl('vl-query-select-all', 'selectAll gives an array, select null when nothing matches', ['VL-25'],
   '<view class="i" id="x1"/><view class="i" id="x2"/>\n',
   P("onReady() { const q = wx.createSelectorQuery(); q.selectAll('.i').fields({ id: true }); q.select('#none').fields({ id: true }); q.exec((r) => L('VL-25 ' + JSON.stringify(r))) }"),
   console=['VL-25 [[{"id":"x1"},{"id":"x2"}],null]'])
vl('vl-query-in-component', 'a component\'s createSelectorQuery sees its own tree', ['VL-25'],
   '<card id="c"/><view class="in">page</view>\n',
   files=comp('card', '<view class="in" id="inside">x</view>\n',
              C("lifetimes: { ready() { this.createSelectorQuery().selectAll('.in').fields({ id: true }).exec((r) => L('VL-25 ' + JSON.stringify(r[0]))) } }")),
   page_json=using(card='card'), console=['VL-25 [{"id":"inside"}]'])
vl('vl-query-properties', 'fields({properties}) reads a built-in\'s current property', ['VL-25', 'VL-21'],
   '<input id="i" value="start"/>\n',
   P("check() { wx.createSelectorQuery().select('#i').fields({ properties: ['value'] }).exec((r) => L('VL-25 ' + r[0].value)) }"),
   'call - check\ninput #i typed\ncall - check\n', console=['VL-25 start', 'VL-25 typed'])
vl('vl-query-node-callback', 'a field request\'s own callback gets its result', ['VL-25'],
   '<view id="a" data-k="v"/>\n',
   P("onReady() { wx.createSelectorQuery().select('#a').fields({ dataset: true }, (res) => L('cb ' + res.dataset.k)).exec(() => L('exec')) }"),
   console=['cb v', 'exec'], console_match='exact')

# ---------------------------------------------------------------- VL-26: two-layer isolation
vl('vl-logic-no-view-globals', 'the logic layer has no document, window or view runtime', ['VL-26'],
   '<view id="a">x</view>\n',
   P("onReady() { L('VL-26 ' + [typeof document, typeof window].join(',')) }"),
   console=['VL-26 undefined,undefined'])
vl('vl-setdata-copies', 'setData sends a copy: changing the object afterwards does not change the view', ['VL-26', 'VL-1'],
   '<text id="t">{{o.v}}</text>\n', P("go() { const o = { v: 'sent' }; this.setData({ o }); o.v = 'mutated' }"), 'call - go\nwxml #t\n',
   events=[reply('<text id="t">sent</text>')])
vl('vl-event-copy', 'the event object is a copy: changing it in a handler changes nothing in the view', ['VL-26', 'VL-12'],
   '<view id="v" data-n="1" bindtap="t">x</view>\n', P("t(e) { L('VL-26 ' + e.currentTarget.dataset.n); e.currentTarget.dataset.n = 'changed' }"),
   'tap #v\ntap #v\nwxml #v\n', console=['VL-26 1', 'VL-26 1'], events=[reply('<view id="v" data-n="1">x</view>')])
vl('vl-function-data-dropped', 'functions in data do not reach the view', ['VL-26'],
   '<text id="t">[{{f}}]{{n}}</text>\n', P("go() { this.setData({ f: function () { return 1 }, n: 2 }) }"), 'call - go\nwxml #t\n',
   events=[reply('<text id="t">[]2</text>')])

# ---------------------------------------------------------------- VL-27 and VL-28: compile errors
compile_error('vl-compile-expression', 'a syntax error in an expression names the file, line and column', ['VL-27'],
              ['pages/index/index.wxml:2:14'], {INDEX + '.wxml': '<view>\n  <text>{{a +}}</text>\n</view>\n'})
compile_error('vl-compile-unclosed', 'a tag closed by the wrong end tag names where', ['VL-27'],
              ['pages/index/index.wxml:2:', '</text>'], {INDEX + '.wxml': '<view>\n<text>hi</view>\n'})
compile_error('vl-compile-else-alone', 'wx:else without a wx:if before it is an error', ['VL-27', 'VL-5'],
              ['pages/index/index.wxml:1:', 'wx:else'], {INDEX + '.wxml': '<view wx:else>x</view>\n'})
compile_error('vl-compile-model-not-path', 'model:value bound to something other than a data path is an error', ['VL-27', 'VL-21'],
              ['pages/index/index.wxml:1:', 'model:value'], {INDEX + '.wxml': '<input model:value="{{a + b}}"/>\n'})
compile_error('vl-compile-component-missing', 'a usingComponents entry that names no component is an error naming the JSON file', ['VL-27', 'VL-16'],
              ['pages/index/index.json', 'usingComponents.card'], {INDEX + '.wxml': '<card/>\n'}, page_json=using(card='card'))
vl('vl-import-missing-warns', 'an imported file the package lacks is a warning naming where it is imported; the page renders', ['VL-27', 'VL-7'],
   '<import src="../../../outside.wxml"/>\n<view id="a">ok</view>\n', 'Page({})\n', 'wxml #a\n',
   console=['[view] pages/index/index.wxml:1:9: outside.wxml is not in the package'], events=[reply('<view id="a">ok</view>')])
compile_error('vl-compile-other-file', 'a template file that is not a page\'s is checked too', ['VL-27'],
              ['tpl/bad.wxml:3:'], {INDEX + '.wxml': '<import src="/tpl/bad.wxml"/>\n', 'tpl/bad.wxml': '<template name="x">\n<view>\n<text>{{ 1 + }}</text></view>\n</template>\n'})
compile_error('vl-compile-unused-file', 'a .wxml no page uses is checked too', ['VL-27'],
              ['tpl/unused.wxml:1:'], {INDEX + '.wxml': '<view/>\n', 'tpl/unused.wxml': '<view>{{ a b }}</view>\n'})
compile_error('vl-wxss-unclosed', 'a .wxss block never closed names the file and line', ['VL-28'],
              ['pages/index/index.wxss:2'], {INDEX + '.wxml': '<view/>\n', INDEX + '.wxss': '.a { color: red; }\n.b { color: blue;\n'})
compile_error('vl-wxss-import-missing', 'a .wxss @import of a missing file names the file and line', ['VL-28'],
              ['app.wxss:2', 'missing.wxss'], {INDEX + '.wxml': '<view/>\n', 'app.wxss': '.a { color: red; }\n@import "missing.wxss";\n'})
vl('vl-wxss-valid', 'valid styles with rpx, @import and media queries are accepted', ['VL-28'],
   '<view id="a" class="a">x</view>\n', P("onLoad() { L('VL-28 loaded') }"),
   files={INDEX + '.wxss': '@import "/common/base.wxss";\n.a { width: 750rpx; padding: 10rpx 20rpx; }\n@media (min-width: 400px) { .a { color: red; } }\n',
          'common/base.wxss': 'page { background: #fff; }\n.a::after { content: "}"; }\n'},
   console=['VL-28 loaded'])
