"""Cases for the view layer (VL): templates and expressions, wx:for and keys, wx:if, templates,
imports and includes, slots and WXS here; events and selectors in view_event_cases.py;
components, built-ins, selector queries, the isolation of the two layers and compile errors in
view_component_cases.py. Each case is a WeChat project whose page has a .wxml template; the
driver taps, types and reads the tree with the console's `tap <selector>`, `input <selector>
<text>` and `wxml [selector]` (answered as `reply` events of command `driver`), and the handlers
print what they saw. Loaded by generate.py."""
import json

from wechat_cases import wx

INDEX = 'pages/index/index'


def P(body):
    """A page module: Page({ body })."""
    return 'Page({\n' + body + '\n})\n'


def C(body):
    """A component module: Component({ body })."""
    return 'const L = (...a) => console.log(...a);\nComponent({\n' + body + '\n})\n'


def comp(name, wxml, js, json_extra=None):
    """The files of component `components/<name>/<name>`."""
    base = 'components/%s/%s' % (name, name)
    j = {'component': True}
    j.update(json_extra or {})
    return {base + '.wxml': wxml, base + '.js': js, base + '.json': json.dumps(j, indent=2, sort_keys=True) + '\n'}


def using(**tags):
    """page_json for the index page using components `tag=name` (components/<name>/<name>)."""
    return {INDEX: {'usingComponents': {tag.replace('_', '-'): '/components/%s/%s' % (n, n) for tag, n in tags.items()}}}


def reply(value):
    """The `reply` event of a view request that succeeded with `value`."""
    return {'type': 'reply', 'command': 'driver', 'data': {'ok': True, 'value': value}}


REFUSED = {'type': 'reply', 'command': 'driver', 'data': {'ok': False}}


def vl(id, title, covers, wxml, page='Page({})\n', script=None, *, files=None, **kw):
    """A view case: the index page's template `wxml` and module `page` (the prelude's `L` is
    defined), a driver script, and the expectations."""
    fs = dict(files or {})
    fs[INDEX + '.wxml'] = wxml
    wx(id, title, covers, page=page, files=fs, script=script, **kw)


def compile_error(id, title, covers, stderr, files, **kw):
    """A project the runtime must refuse for a template or style error (exit 2, stderr naming it)."""
    wx(id, title, covers, files=files, onload="L('ran')", exit_code=2, exit_status=None, stderr_contains=stderr,
       console_absent=['ran'], **kw)


# ---------------------------------------------------------------- VL-1: rendering from data
vl('vl-render-from-data', 'a page renders its template from its data', ['VL-1'],
   '<view id="a" class="box">{{msg}}</view>\n', P("data: { msg: 'hello' }"), 'wxml\n',
   events=[reply('<view id="a" class="box">hello</view>')])
vl('vl-setdata-rerenders', 'setData re-renders what it changes before the next driver command', ['VL-1'],
   '<view id="a">{{msg}}</view>\n<view id="b">{{other}}</view>\n',
   P("data: { msg: 'one', other: 'x' },\nchange() { this.setData({ msg: 'two' }) }"), 'wxml #a\ncall - change\nwxml #a\nwxml #b\n',
   events=[reply('<view id="a">one</view>'), reply('<view id="a">two</view>'), reply('<view id="b">x</view>')])
vl('vl-setdata-onload', 'setData in onLoad is in the tree the driver first sees', ['VL-1'],
   '<text id="t">{{state}}</text>\n', P("data: { state: 'initial' },\nonLoad() { this.setData({ state: 'loaded' }) }"), 'wxml #t\n',
   events=[reply('<text id="t">loaded</text>')])
vl('vl-setdata-path', 'setData with a path (a.b, list[1]) re-renders the element that reads it', ['VL-1'],
   '<view id="x">{{user.name}}/{{list[1]}}</view>\n',
   P("data: { user: { name: 'ann' }, list: [1, 2, 3] },\nchange() { this.setData({ 'user.name': 'bo', 'list[1]': 9 }) }"),
   'call - change\nwxml #x\n', events=[reply('<view id="x">bo/9</view>')])
vl('vl-direct-data-write', 'changing this.data without setData does not change the view', ['VL-1', 'VL-26'],
   '<view id="x">{{msg}}</view>\n', P("data: { msg: 'kept' },\npoke() { this.data.msg = 'changed'; L('logic ' + this.data.msg) }"),
   'call - poke\nwxml #x\n', console=['logic changed'], events=[reply('<view id="x">kept</view>')])

# ---------------------------------------------------------------- VL-2: expressions
vl('vl-expr-operators', 'arithmetic, comparison, logical, ternary and string operators', ['VL-2'],
   "<text id=\"t\">{{a + b * 2}} {{a > 1 ? 'big' : 'small'}} {{!flag}} {{s + '!'}} {{a % 2}} {{a === 3 && b == '4'}} {{-a}} {{'x' + \"y\"}}</text>\n",
   P("data: { a: 3, b: 4, flag: false, s: 'hi' }"), 'wxml #t\n', events=[reply('<text id="t">11 big true hi! 1 true -3 xy</text>')])
vl('vl-expr-members', 'member access: dots, brackets, lengths; a member of undefined is empty', ['VL-2'],
   "<text id=\"t\">{{user.name}}|{{list[1]}}|{{list.length}}|{{user['name']}}|{{list[i]}}|{{missing.deep.er}}|{{user.nope}}</text>\n",
   P("data: { user: { name: 'ann' }, list: ['a', 'b', 'c'], i: 2 }"), 'wxml #t\n', events=[reply('<text id="t">ann|b|3|ann|c||</text>')])
vl('vl-expr-undefined-null', 'undefined and null print as nothing in text', ['VL-2'],
   '<text id="t">[{{nothing}}][{{nul}}][{{zero}}][{{f}}]</text>\n', P("data: { nul: null, zero: 0, f: false }"), 'wxml #t\n',
   events=[reply('<text id="t">[][][0][false]</text>')])
vl('vl-expr-typed-attributes', 'an attribute that is one {{expression}} keeps its type; a mix is a string', ['VL-2', 'VL-12'],
   '<view id="v" data-n="{{3}}" data-b="{{true}}" data-arr="{{[1, x]}}" data-o="{{ {k: x, s: \'t\'} }}" data-mix="n{{3}}" data-plain="p" bindtap="show"></view>\n',
   P("data: { x: 2 },\nshow(e) { L('VL-2 ' + JSON.stringify(e.currentTarget.dataset)) }"), 'tap #v\n',
   console=['VL-2 {"n":3,"b":true,"arr":[1,2],"o":{"k":2,"s":"t"},"mix":"n3","plain":"p"}'])
vl('vl-expr-entities', 'entities in text are decoded', ['VL-2'],
   '<view id="v" data-t="a &amp; b" bindtap="show">x &lt; y &gt; z &quot;q&quot;</view>\n',
   P("show(e) { L('VL-2 ' + e.currentTarget.dataset.t) }"), 'tap #v\nwxml #v\n', console=['VL-2 a & b'],
   events=[reply('<view id="v" data-t="a &amp; b">x &lt; y &gt; z "q"</view>')])
vl('vl-expr-object-literal-spread', 'object literals with spread and shorthand in template data', ['VL-2', 'VL-7'],
   '<template name="t"><text id="t">{{a}}-{{b}}-{{c}}</text></template>\n<template is="t" data="{{...o, b, c: 5}}"/>\n',
   P("data: { o: { a: 1, b: 'hidden' }, b: 2 }"), 'wxml #t\n', events=[reply('<text id="t">1-2-5</text>')])

# ---------------------------------------------------------------- VL-3: wx:for
vl('vl-for-array', 'wx:for repeats an element per item with item and index', ['VL-3'],
   '<view id="l"><text wx:for="{{list}}">{{index}}:{{item}};</text></view>\n', P("data: { list: ['a', 'b', 'c'] }"), 'wxml #l\n',
   events=[reply('<view id="l"><text>0:a;</text><text>1:b;</text><text>2:c;</text></view>')])
vl('vl-for-names', 'wx:for-item and wx:for-index rename item and index', ['VL-3'],
   '<view id="l"><text wx:for="{{list}}" wx:for-item="fruit" wx:for-index="i">{{i}}={{fruit.name}};</text></view>\n',
   P("data: { list: [{ name: 'apple' }, { name: 'pear' }] }"), 'wxml #l\n',
   events=[reply('<view id="l"><text>0=apple;</text><text>1=pear;</text></view>')])
vl('vl-for-object', 'wx:for over an object: the index is the key', ['VL-3'],
   '<view id="l"><text wx:for="{{obj}}">{{index}}={{item}};</text></view>\n', P("data: { obj: { x: 1, y: 2 } }"), 'wxml #l\n',
   events=[reply('<view id="l"><text>x=1;</text><text>y=2;</text></view>')])
vl('vl-for-string', 'wx:for given a string without braces repeats per character', ['VL-3'],
   '<view id="l"><text wx:for="abc">{{item}}</text></view>\n', P(""), 'wxml #l\n',
   events=[reply('<view id="l"><text>a</text><text>b</text><text>c</text></view>')])
vl('vl-for-nested', 'nested wx:for: the inner loop sees the outer item under its own name', ['VL-3'],
   '<view id="l"><view wx:for="{{rows}}" wx:for-item="row" wx:for-index="r"><text wx:for="{{row}}">{{r}}{{index}}{{item}} </text></view></view>\n',
   P("data: { rows: [['a', 'b'], ['c']] }"), 'wxml #l\n',
   events=[reply('<view id="l"><view><text>00a </text><text>01b </text></view><view><text>10c </text></view></view>')])
vl('vl-for-block', 'wx:for on a block repeats all its children', ['VL-3', 'VL-6'],
   '<view id="l"><block wx:for="{{[1, 2]}}"><text>t{{item}}</text><text>u{{item}}</text></block></view>\n', P(""), 'wxml #l\n',
   events=[reply('<view id="l"><text>t1</text><text>u1</text><text>t2</text><text>u2</text></view>')])
vl('vl-for-update', 'setData of the list adds, removes and changes items', ['VL-3', 'VL-1'],
   '<view id="l"><text wx:for="{{list}}" wx:key="id">{{item.n}}</text></view>\n',
   P("data: { list: [{ id: 1, n: 'a' }, { id: 2, n: 'b' }] },\nchange() { this.setData({ list: [{ id: 2, n: 'B' }, { id: 3, n: 'c' }] }) }"),
   'call - change\nwxml #l\n', events=[reply('<view id="l"><text>B</text><text>c</text></view>')])
vl('vl-for-outer-scope', 'the body of wx:for reads page data as well as the item', ['VL-3'],
   '<view id="l"><text wx:for="{{list}}">{{prefix}}{{item}}</text></view>\n',
   P("data: { list: [1, 2], prefix: '#' },\nchange() { this.setData({ prefix: '$' }) }"), 'call - change\nwxml #l\n',
   events=[reply('<view id="l"><text>$1</text><text>$2</text></view>')])

# ---------------------------------------------------------------- VL-4: wx:key and identity
KEYED_FORM = ('<form bindsubmit="onSubmit"><input wx:for="{{list}}" %s name="{{%s}}"/>'
              '<button id="send" form-type="submit">send</button></form>\n')
REORDER = P("data: { list: %s },\nreverse() { this.setData({ list: this.data.list.slice().reverse() }) },\n"
            "onSubmit(e) { L('VL-4 ' + JSON.stringify(e.detail.value)) }")
vl('vl-key-identity', 'with wx:key an element follows its item when the list is reordered', ['VL-4'],
   KEYED_FORM % ('wx:key="id"', 'item.id'), REORDER % "[{ id: 'a' }, { id: 'b' }]", 'input input typed\ncall - reverse\ntap #send\n',
   console=['VL-4 {"b":"","a":"typed"}'])
vl('vl-key-none-position', 'without wx:key elements are reused by position', ['VL-4'],
   KEYED_FORM % ('', 'item.id'), REORDER % "[{ id: 'a' }, { id: 'b' }]", 'input input typed\ncall - reverse\ntap #send\n',
   console=['VL-4 {"b":"typed","a":""}'])
vl('vl-key-this', 'wx:key="*this" keys items by their own value', ['VL-4'],
   KEYED_FORM % ('wx:key="*this"', 'item'), REORDER % "['x', 'y']", 'input input typed\ncall - reverse\ntap #send\n',
   console=['VL-4 {"y":"","x":"typed"}'])
vl('vl-key-braces', 'wx:key="{{id}}" names the field id', ['VL-4'],
   KEYED_FORM % ('wx:key="{{id}}"', 'item.id'), REORDER % "[{ id: 'a' }, { id: 'b' }]", 'input input typed\ncall - reverse\ntap #send\n',
   console=['VL-4 {"b":"","a":"typed"}'])
vl('vl-key-duplicate', 'a duplicate key value is reported as a warning naming the key, and still renders', ['VL-4'], level='SHOULD',
   wxml='<view id="l"><text wx:for="{{list}}" wx:key="id">{{item.n}}</text></view>\n',
   page=P("data: { list: [{ id: 1, n: 'a' }, { id: 1, n: 'b' }] }"), script='wxml #l\n',
   console=[{'contains': 'duplicate'}], events=[reply('<view id="l"><text>a</text><text>b</text></view>')])

# ---------------------------------------------------------------- VL-5: wx:if chains
vl('vl-if-chain', 'wx:if / wx:elif / wx:else render the first true branch', ['VL-5'],
   '<view id="p"><text wx:if="{{n > 2}}">many</text><text wx:elif="{{n > 0}}">some</text><text wx:else>none</text></view>\n',
   P("data: { n: 0 },\nset(a) { this.setData({ n: a.n }) }"), 'wxml #p\ncall - set {"n":1}\nwxml #p\ncall - set {"n":5}\nwxml #p\n',
   events=[reply('<view id="p"><text>none</text></view>'), reply('<view id="p"><text>some</text></view>'),
           reply('<view id="p"><text>many</text></view>')])
vl('vl-if-false', 'a false wx:if without else renders nothing: its element cannot be tapped', ['VL-5'],
   '<view id="p"><view id="x" wx:if="{{show}}" bindtap="t">x</view></view>\n', P("data: { show: false },\nt() { L('tapped') }"),
   'wxml #p\ntap #x\n', console_absent=['tapped'], events=[reply('<view id="p"></view>'), REFUSED])
vl('vl-if-block', 'wx:if on a block renders its children or none', ['VL-5', 'VL-6'],
   '<view id="p"><block wx:if="{{on}}"><text>a</text><text>b</text></block></view>\n',
   P("data: { on: true },\noff() { this.setData({ on: false }) }"), 'wxml #p\ncall - off\nwxml #p\n',
   events=[reply('<view id="p"><text>a</text><text>b</text></view>'), reply('<view id="p"></view>')])
vl('vl-for-before-if', 'wx:for is applied before wx:if on the same element', ['VL-5', 'VL-3'],
   '<view id="p"><text wx:for="{{[1, 2, 3, 4]}}" wx:if="{{item % 2 == 0}}">{{item}}</text></view>\n', P(""), 'wxml #p\n',
   events=[reply('<view id="p"><text>2</text><text>4</text></view>')])
vl('vl-if-elif-only', 'a chain without wx:else renders nothing when no condition holds', ['VL-5'],
   '<view id="p"><text wx:if="{{n == 1}}">one</text><text wx:elif="{{n == 2}}">two</text></view>\n', P("data: { n: 3 }"), 'wxml #p\n',
   events=[reply('<view id="p"></view>')])

# ---------------------------------------------------------------- VL-6: hidden and block
vl('vl-hidden', 'hidden keeps the element in the tree with the attribute set', ['VL-6'],
   '<view id="p"><view id="h" hidden="{{hide}}">x</view><view id="k" hidden>y</view></view>\n', P("data: { hide: true }"), 'wxml #p\n',
   events=[reply('<view id="p"><view id="h" hidden="true">x</view><view id="k" hidden="true">y</view></view>')])
vl('vl-block-no-element', 'a block renders only its children', ['VL-6'],
   '<view id="p"><block>a<text>b</text></block></view>\n', P(""), 'wxml #p\n', events=[reply('<view id="p">a<text>b</text></view>')])

# ---------------------------------------------------------------- VL-7: templates, import and include
TPL = '<template name="item"><text class="it">{{name}}:{{title}}</text></template>\n'
vl('vl-template-data-scope', 'a template sees only its data, not the page\'s', ['VL-7'],
   TPL + '<view id="p"><template is="item" data="{{name: who}}"/></view>\n', P("data: { who: 'ann', title: 'page title' }"), 'wxml #p\n',
   events=[reply('<view id="p"><text class="it">ann:</text></view>')])
vl('vl-template-is-dynamic', 'template is="{{expr}}" picks the template by name on each render', ['VL-7'],
   '<template name="a"><text>A{{v}}</text></template><template name="b"><text>B{{v}}</text></template>\n'
   '<view id="p"><template is="{{kind}}" data="{{v}}"/></view>\n',
   P("data: { kind: 'a', v: 1 },\nswap() { this.setData({ kind: 'b', v: 2 }) }"), 'wxml #p\ncall - swap\nwxml #p\n',
   events=[reply('<view id="p"><text>A1</text></view>'), reply('<view id="p"><text>B2</text></view>')])
vl('vl-template-in-for', 'a template used in wx:for gets each item', ['VL-7', 'VL-3'],
   TPL + '<view id="p"><template wx:for="{{list}}" is="item" data="{{...item}}"/></view>\n',
   P("data: { list: [{ name: 'a', title: 't1' }, { name: 'b', title: 't2' }] }"), 'wxml #p\n',
   events=[reply('<view id="p"><text class="it">a:t1</text><text class="it">b:t2</text></view>')])
vl('vl-import', 'import makes the templates of another file usable', ['VL-7'],
   '<import src="/tpl/item.wxml"/>\n<view id="p"><template is="item" data="{{name: \'x\', title: \'y\'}}"/></view>\n',
   files={'tpl/item.wxml': TPL}, script='wxml #p\n', events=[reply('<view id="p"><text class="it">x:y</text></view>')])
vl('vl-import-not-transitive', 'import does not reach the templates the imported file imports', ['VL-7'],
   '<import src="../../tpl/b.wxml"/>\n<view id="p"><template is="fromB" data="{{}}"/><template is="fromC" data="{{}}"/></view>\n',
   files={'tpl/b.wxml': '<import src="c.wxml"/>\n<template name="fromB"><text>B</text></template>\n',
          'tpl/c.wxml': '<template name="fromC"><text>C</text></template>\n'},
   script='wxml #p\n', events=[reply('<view id="p"><text>B</text></view>')])
vl('vl-include', 'include renders another file\'s body in the current scope', ['VL-7'],
   '<view id="p"><include src="/tpl/header.wxml"/></view>\n', P("data: { title: 'Shop' }"),
   files={'tpl/header.wxml': '<text class="h">{{title}}</text>\n'}, script='wxml #p\n',
   events=[reply('<view id="p"><text class="h">Shop</text></view>')])
vl('vl-include-no-templates', 'include leaves out the included file\'s templates', ['VL-7'],
   '<view id="p"><include src="/tpl/inc.wxml"/><template is="inner" data="{{}}"/></view>\n',
   files={'tpl/inc.wxml': '<template name="inner"><text>T</text></template>\n<text>body</text>\n'}, script='wxml #p\n',
   events=[reply('<view id="p"><text>body</text></view>')])
vl('vl-template-local-wins', 'a file\'s own template wins over an imported one of the same name', ['VL-7'],
   '<import src="/tpl/item.wxml"/>\n<template name="item"><text>local</text></template>\n<view id="p"><template is="item"/></view>\n',
   files={'tpl/item.wxml': TPL}, script='wxml #p\n', events=[reply('<view id="p"><text>local</text></view>')])

# ---------------------------------------------------------------- VL-8: slots
SLOT_COMP = comp('box', '<view class="box"><text class="head">box</text><slot></slot></view>\n', C(""))
vl('vl-slot-default', 'a component\'s slot holds the content its owner gives, rendered with the owner\'s data', ['VL-8', 'VL-16'],
   '<view id="p"><box id="b"><text class="c">{{title}}</text></box></view>\n', P("data: { title: 'from page' }"),
   files=SLOT_COMP, page_json=using(box='box'), script='wxml #p\n',
   events=[reply('<view id="p"><box id="b"><view class="box"><text class="head">box</text><text class="c">from page</text></view></box></view>')])
vl('vl-slot-updates', 'slot content follows the owner\'s setData', ['VL-8'],
   '<view id="p"><box><text>{{title}}</text></box></view>\n', P("data: { title: 'one' },\nchange() { this.setData({ title: 'two' }) }"),
   files=SLOT_COMP, page_json=using(box='box'), script='call - change\nwxml #p\n',
   events=[reply('<view id="p"><box><view class="box"><text class="head">box</text><text>two</text></view></box></view>')])
vl('vl-slot-named', 'with multipleSlots, content goes to the slot its slot attribute names', ['VL-8'],
   '<view id="p"><two><text slot="foot">F</text><text slot="head">H</text></two></view>\n',
   files=comp('two', '<view><slot name="head"></slot>|<slot name="foot"></slot></view>\n', C("options: { multipleSlots: true }")),
   page_json=using(two='two'), script='wxml #p\n',
   events=[reply('<view id="p"><two><view><text slot="head">H</text>|<text slot="foot">F</text></view></two></view>')])
vl('vl-slot-events-owner', 'a tap on slot content runs the owner\'s handler', ['VL-8', 'VL-10'],
   '<box><view id="in-slot" bindtap="onTap">tap</view></box>\n', P("onTap() { L('VL-8 page handler') }"),
   files=SLOT_COMP, page_json=using(box='box'), script='tap #in-slot\n', console=['VL-8 page handler'])

# ---------------------------------------------------------------- VL-9: WXS
vl('vl-wxs-inline', 'an inline wxs module\'s exports are callable in expressions', ['VL-9'],
   '<wxs module="m">\nmodule.exports = { twice: function (n) { return n * 2 }, unit: "cm" };\n</wxs>\n<text id="t">{{m.twice(n)}}{{m.unit}}</text>\n',
   P("data: { n: 21 }"), 'wxml #t\n', events=[reply('<text id="t">42cm</text>')])
vl('vl-wxs-src-require', 'a wxs src module can require another .wxs file by relative path', ['VL-9'],
   '<wxs module="fmt" src="../../utils/fmt.wxs"/>\n<text id="t">{{fmt.price(cents)}}</text>\n', P("data: { cents: 1250 }"),
   files={'utils/fmt.wxs': "var money = require('./money.wxs');\nmodule.exports = { price: function (c) { return money.symbol + (c / 100).toFixed(2) } };\n",
          'utils/money.wxs': "module.exports = { symbol: '$' };\n"},
   script='wxml #t\n', events=[reply('<text id="t">$12.50</text>')])
vl('vl-wxs-getdate-getregexp', 'WXS has getDate and getRegExp', ['VL-9'],
   '<wxs module="m">\nmodule.exports = { year: function () { return getDate(2020, 5, 15).getFullYear() },\n'
   '  match: function (s) { return getRegExp("^a+$", "i").test(s) } };\n</wxs>\n<text id="t">{{m.year()}} {{m.match("AaA")}} {{m.match("b")}}</text>\n',
   P(""), 'wxml #t\n', events=[reply('<text id="t">2020 true false</text>')])
vl('vl-wxs-isolated', 'WXS reaches neither wx, getApp, Page nor the page\'s data', ['VL-9', 'VL-26'],
   '<wxs module="m">\nmodule.exports = { probe: function () { return [typeof wx, typeof getApp, typeof Page, typeof setData, typeof msg].join(",") } };\n</wxs>\n'
   '<text id="t">{{m.probe()}}</text>\n', P("data: { msg: 'secret' }"), 'wxml #t\n',
   events=[reply('<text id="t">undefined,undefined,undefined,undefined,undefined</text>')])
vl('vl-wxs-once', 'a module runs once: its state lasts across calls', ['VL-9'],
   '<wxs module="m">\nvar n = 0;\nmodule.exports = { next: function () { n = n + 1; return n } };\n</wxs>\n<text id="t">{{m.next()}},{{m.next()}}</text>\n',
   P(""), 'wxml #t\n', events=[reply('<text id="t">1,2</text>')])
vl('vl-wxs-in-handler-arg', 'a WXS function\'s result can be an attribute the handler receives', ['VL-9', 'VL-12'],
   '<wxs module="m">module.exports = { up: function (s) { return s.toUpperCase() } };</wxs>\n<view id="v" data-name="{{m.up(name)}}" bindtap="t">x</view>\n',
   P("data: { name: 'tea' },\nt(e) { L('VL-9 ' + e.currentTarget.dataset.name) }"), 'tap #v\n', console=['VL-9 TEA'])


import view_event_cases  # noqa: E402,F401  (each module defines its cases on import)
import view_component_cases  # noqa: E402,F401
