"""View layer cases (VL) for events: handlers, the event object, dataset, capture and bubble,
events that do not bubble, mark; and the driver's selectors and element identity across renders.
Loaded by view_cases.py, whose helpers it uses."""
from view_cases import C, P, REFUSED, comp, reply, using, vl

# ---------------------------------------------------------------- VL-10: handlers
vl('vl-bindtap', 'bindtap calls the page method with this the page; its setData updates the tree', ['VL-10', 'VL-1'],
   '<button id="inc" bindtap="inc">+</button><text id="n">{{n}}</text>\n',
   P("data: { n: 0 },\ninc() { this.setData({ n: this.data.n + 1 }); L('VL-10 ' + this.route) }"), 'tap #inc\ntap #inc\nwxml #n\ndata\n',
   console=['VL-10 pages/index/index', 'VL-10 pages/index/index'],
   events=[reply('<text id="n">2</text>'), {'type': 'reply', 'command': 'data', 'data': {'data': {'n': 2}}}])
vl('vl-bind-colon', 'bind:tap is the same as bindtap, catch:tap as catchtap', ['VL-10'],
   '<view bind:tap="outer"><view id="a" bind:tap="inner">a</view><view id="b" catch:tap="caught">b</view></view>\n',
   P("inner() { L('inner') }, outer() { L('outer') }, caught() { L('caught') }"), 'tap #a\ntap #b\n',
   console=['inner', 'outer', 'caught'], console_match='exact')
vl('vl-dynamic-handler', 'bindtap="{{name}}" calls the method the data names', ['VL-10'],
   '<view id="v" bindtap="{{h}}">x</view>\n', P("data: { h: 'first' },\nfirst() { L('first'); this.setData({ h: 'second' }) },\nsecond() { L('second') }"),
   'tap #v\ntap #v\n', console=['first', 'second'], console_match='exact')
vl('vl-missing-handler', 'a handler the page lacks is a warning naming it; the run goes on', ['VL-10'], level='SHOULD',
   wxml='<view id="v" bindtap="nope">x</view><view id="w" bindtap="yes">y</view>\n', page=P("yes() { L('still running') }"),
   script='tap #v\ntap #w\n', console=[{'contains': 'nope'}, 'still running'])
vl('vl-handler-throws', 'a handler that throws reaches App.onError and the view stays usable', ['VL-10'],
   '<view id="v" bindtap="bad">x</view><view id="w" bindtap="good">y</view>\n', P("bad() { throw new Error('boom') },\ngood() { L('good') }"),
   'tap #v\ntap #w\n', console=[{'contains': 'boom'}, 'good'])

# ---------------------------------------------------------------- VL-11: the event object
vl('vl-event-object', 'the event object: type, timeStamp, target, currentTarget, detail, touches', ['VL-11'],
   '<view id="outer" data-o="1" bindtap="show"><view id="inner" data-i="2">x</view></view>\n',
   P("show(e) { L('VL-11 ' + [e.type, typeof e.timeStamp, e.target.id, JSON.stringify(e.target.dataset), e.currentTarget.id,\n"
     "  JSON.stringify(e.currentTarget.dataset), JSON.stringify(e.detail), e.touches.length, e.changedTouches.length,\n"
     "  typeof e.touches[0].clientX].join(' ')) }"),
   'tap #inner\n', console=['VL-11 tap number inner {"i":"2"} outer {"o":"1"} {"x":0,"y":0} 1 1 number'])
vl('vl-event-timestamp', 'timeStamp does not go backwards between events', ['VL-11'],
   '<view id="v" bindtap="t">x</view>\n', P("t(e) { const last = getApp().last || 0; getApp().last = e.timeStamp; L('VL-11 ' + (e.timeStamp >= last)) }"),
   'tap #v\nwait 20\ntap #v\n', console=['VL-11 true', 'VL-11 true'])
vl('vl-event-touchend-touches', 'touchend has no touches but one changed touch', ['VL-11'],
   '<view id="v" bindtouchend="t">x</view>\n', P("t(e) { L('VL-11 ' + e.type + ' ' + e.touches.length + ' ' + e.changedTouches.length) }"),
   'tap #v\n', console=['VL-11 touchend 0 1'])
vl('vl-event-id-empty', 'an element without id gives target.id ""', ['VL-11'],
   '<view class="c" bindtap="t">x</view>\n', P("t(e) { L('VL-11 [' + e.target.id + '] [' + e.currentTarget.id + ']') }"), 'tap .c\n',
   console=['VL-11 [] []'])

# ---------------------------------------------------------------- VL-12: dataset
vl('vl-dataset-camel', 'data-* names: dashes camel-case, capitals are lowered', ['VL-12'],
   '<view id="v" data-element-type="a" data-elementType="b" data-x="c" bindtap="t">x</view>\n',
   P("t(e) { L('VL-12 ' + JSON.stringify(e.currentTarget.dataset)) }"), 'tap #v\n', console=['VL-12 {"elementType":"a","elementtype":"b","x":"c"}'])
vl('vl-dataset-follows-data', 'dataset values follow setData', ['VL-12'],
   '<view id="v" data-n="{{n}}" bindtap="t">x</view>\n', P("data: { n: 1 },\nt(e) { L('VL-12 ' + e.currentTarget.dataset.n); this.setData({ n: e.currentTarget.dataset.n + 1 }) }"),
   'tap #v\ntap #v\n', console=['VL-12 1', 'VL-12 2'])
vl('vl-dataset-target-current', 'target.dataset is the tapped element\'s, currentTarget.dataset the handler\'s', ['VL-12', 'VL-11'],
   '<view id="o" data-level="outer" bindtap="t"><text id="i" data-level="inner">x</text></view>\n',
   P("t(e) { L('VL-12 ' + e.target.dataset.level + ' ' + e.currentTarget.dataset.level) }"), 'tap #i\n', console=['VL-12 inner outer'])

# ---------------------------------------------------------------- VL-13: capture, bubble, catch, mut-bind
vl('vl-bubble', 'a tap bubbles from the target up to the root', ['VL-13'],
   '<view id="a" bindtap="ta"><view id="b" bindtap="tb"><view id="c" bindtap="tc">x</view></view></view>\n',
   P("ta() { L('a') }, tb() { L('b') }, tc() { L('c') }"), 'tap #c\n', console=['c', 'b', 'a'], console_match='exact')
vl('vl-catch', 'catch stops the bubbling after its handler', ['VL-13'],
   '<view id="a" bindtap="ta"><view id="b" catchtap="tb"><view id="c" bindtap="tc">x</view></view></view>\n',
   P("ta() { L('a') }, tb() { L('b') }, tc() { L('c') }"), 'tap #c\n', console=['c', 'b'], console_match='exact')
vl('vl-capture', 'capture handlers run from the root down before bubble handlers run back up', ['VL-13'],
   '<view id="outer" bind:touchstart="handleTap1" capture-bind:touchstart="handleTap2">outer view'
   '<view id="inner" bind:touchstart="handleTap3" capture-bind:touchstart="handleTap4">inner view</view></view>\n',
   P("handleTap1() { L('handleTap1') }, handleTap2() { L('handleTap2') }, handleTap3() { L('handleTap3') }, handleTap4() { L('handleTap4') }"),
   'tap #inner\n', console=['handleTap2', 'handleTap4', 'handleTap3', 'handleTap1'], console_match='exact')
vl('vl-capture-catch', 'capture-catch stops both phases', ['VL-13'],
   '<view id="outer" bind:touchstart="handleTap1" capture-catch:touchstart="handleTap2">outer view'
   '<view id="inner" bind:touchstart="handleTap3" capture-bind:touchstart="handleTap4">inner view</view></view>\n',
   P("handleTap1() { L('handleTap1') }, handleTap2() { L('handleTap2') }, handleTap3() { L('handleTap3') }, handleTap4() { L('handleTap4') }"),
   'tap #inner\n', console=['handleTap2'], console_match='exact')
vl('vl-mut-bind', 'mut-bind handlers exclude each other; bind handlers still run', ['VL-13'],
   '<view id="outer" mut-bind:tap="handleTap1">outer view<view id="middle" bindtap="handleTap2">middle view'
   '<view id="inner" mut-bind:tap="handleTap3">inner view</view></view></view>\n',
   P("handleTap1() { L('handleTap1') }, handleTap2() { L('handleTap2') }, handleTap3() { L('handleTap3') }"),
   'tap #inner\ntap #middle\n', console=['handleTap3', 'handleTap2', 'handleTap2', 'handleTap1'], console_match='exact')
vl('vl-tap-sequence', 'a tap is touchstart, touchend, then tap', ['VL-13', 'VL-11'],
   '<view id="v" bindtouchstart="t" bindtouchend="t" bindtap="t">x</view>\n', P("t(e) { L(e.type) }"), 'tap #v\n',
   console=['touchstart', 'touchend', 'tap'], console_match='exact')
vl('vl-handler-on-target-only', 'an element\'s own handler runs once per tap', ['VL-13'],
   '<view id="v" bindtap="t">x</view>\n', P("t() { L('once') }"), 'tap #v\n', console=['once'], console_match='exact')

# ---------------------------------------------------------------- VL-14: events that do not bubble
vl('vl-input-not-bubbling', 'input reaches only its target, not an ancestor\'s bindinput', ['VL-14'],
   '<view bindinput="outer"><input id="i" bindinput="own"/></view>\n', P("own(e) { L('own ' + e.detail.value) }, outer() { L('outer') }"),
   'input #i hi\n', console=['own hi'], console_absent=['outer'])
vl('vl-change-not-bubbling', 'a switch\'s change reaches only the switch', ['VL-14', 'VL-23'],
   '<view bindchange="outer"><switch id="s" bindchange="own"/></view>\n', P("own(e) { L('own ' + e.detail.value) }, outer() { L('outer') }"),
   'tap #s\n', console=['own true'], console_absent=['outer'])
vl('vl-submit-not-bubbling', 'a form\'s submit reaches only the form', ['VL-14', 'VL-22'],
   '<view bindsubmit="outer"><form bindsubmit="own"><button id="b" form-type="submit">s</button></form></view>\n',
   P("own() { L('own submit') }, outer() { L('outer') }"), 'tap #b\n', console=['own submit'], console_absent=['outer'])

# ---------------------------------------------------------------- VL-15: mark
vl('vl-mark', 'mark merges the mark: values from the target up to the root, for every handler', ['VL-15'],
   '<view mark:myMark="last" bindtap="bindViewTap"><button id="b" mark:anotherMark="leaf" bindtap="bindButtonTap">button</button></view>\n',
   P("bindViewTap(e) { L('view ' + JSON.stringify(e.mark, Object.keys(e.mark).sort())) },\nbindButtonTap(e) { L('button ' + JSON.stringify(e.mark, Object.keys(e.mark).sort())) }"),
   'tap #b\n', console=['button {"anotherMark":"leaf","myMark":"last"}', 'view {"anotherMark":"leaf","myMark":"last"}'])
vl('vl-mark-expression', 'a mark\'s value may be an expression and keeps its type', ['VL-15'],
   '<view id="v" mark:n="{{n}}" mark:o="{{ {a: 1} }}" bindtap="t">x</view>\n', P("data: { n: 7 },\nt(e) { L('VL-15 ' + JSON.stringify(e.mark)) }"),
   'tap #v\n', console=['VL-15 {"n":7,"o":{"a":1}}'])
vl('vl-mark-empty', 'without mark: attributes mark is an empty object', ['VL-15'],
   '<view id="v" bindtap="t">x</view>\n', P("t(e) { L('VL-15 ' + JSON.stringify(e.mark)) }"), 'tap #v\n', console=['VL-15 {}'])

# ---------------------------------------------------------------- VL-29: driver selectors
SEL = ('<view id="list" class="list"><view class="item" data-n="1" bindtap="t">one</view>'
       '<view class="item special" data-n="2" bindtap="t">two</view><view class="wrap"><view class="item" data-n="3" bindtap="t">three</view></view></view>\n')
SEL_JS = P("t(e) { L('VL-29 ' + e.currentTarget.dataset.n) }")
vl('vl-selector-class-attr', 'selectors by class, compound class and attribute', ['VL-29'],
   SEL, SEL_JS, 'tap .item\ntap .item.special\ntap [data-n="3"]\ntap view[data-n="2"]\n',
   console=['VL-29 1', 'VL-29 2', 'VL-29 3', 'VL-29 2'], console_match='exact')
vl('vl-selector-combinators', 'descendant and child combinators', ['VL-29'],
   SEL, SEL_JS, 'tap .wrap .item\ntap #list > .item.special\ntap .list .wrap > view\n',
   console=['VL-29 3', 'VL-29 2', 'VL-29 3'], console_match='exact')
vl('vl-selector-no-match', 'a selector that matches nothing is refused naming it; the run goes on', ['VL-29'],
   SEL, SEL_JS, 'tap .absent\ntap .item\n', console=['VL-29 1'], events=[REFUSED])
vl('vl-selector-not-inside-components', 'the page\'s selectors do not see inside its components', ['VL-29', 'VL-26'],
   '<btn id="b"/>\n', files=comp('btn', '<view class="buy" bindtap="buy">buy</view>\n', C("methods: { buy() { L('bought') } }")),
   page_json=using(btn='btn'), script='tap .buy\ntap #b >>> .buy\n', console=['bought'], console_match='exact', events=[REFUSED])
vl('vl-wxml-page', 'wxml without a selector prints the whole page', ['VL-29', 'VL-1'],
   '<view class="a">1</view>\n<text>2</text>\n', P(""), 'wxml\n', events=[reply('<view class="a">1</view><text>2</text>')])

# ---------------------------------------------------------------- VL-30: element identity across updates
vl('vl-identity-unrelated-setdata', 'an element keeps its state across a setData that does not touch it', ['VL-30'],
   '<form bindsubmit="s"><input name="f"/><text>{{n}}</text><button id="b" form-type="submit">s</button></form>\n',
   P("data: { n: 0 },\nbump() { this.setData({ n: this.data.n + 1 }) },\ns(e) { L('VL-30 ' + e.detail.value.f) }"),
   'input input typed\ncall - bump\ncall - bump\ntap #b\n', console=['VL-30 typed'])
vl('vl-identity-switch-across-render', 'a toggled switch stays toggled when its owner re-renders', ['VL-30', 'VL-23'],
   '<switch id="s" bindchange="c"/><text>{{n}}</text>\n', P("data: { n: 0 },\nbump() { this.setData({ n: 1 }) },\nc(e) { L('VL-30 ' + e.detail.value) }"),
   'tap #s\ncall - bump\ntap #s\n', console=['VL-30 true', 'VL-30 false'], console_match='exact')
vl('vl-identity-if-branch', 'an element of a wx:if branch that stays true keeps its state', ['VL-30', 'VL-5'],
   '<form bindsubmit="s"><block wx:if="{{n >= 0}}"><input name="f"/></block><text>{{n}}</text><button id="b" form-type="submit">s</button></form>\n',
   P("data: { n: 0 },\nbump() { this.setData({ n: 1 }) },\ns(e) { L('VL-30 ' + e.detail.value.f) }"),
   'input input typed\ncall - bump\ntap #b\n', console=['VL-30 typed'])
