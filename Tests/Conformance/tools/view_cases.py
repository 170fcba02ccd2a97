"""Cases for the view layer (VL): templates and expressions, wx:for and keys, wx:if, templates,
imports and includes, slots, WXS, events, custom components, built-in components, selector
queries, the isolation of the two layers, and compile errors. Each case is a WeChat project
whose page has a .wxml template; the driver taps, types and reads the tree with the console's
`tap <selector>`, `input <selector> <text>` and `wxml [selector]` (answered as `reply` events of
command `driver`), and the handlers print what they saw. Loaded by generate.py."""
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
compile_error('vl-compile-outside-package', 'an import leaving the package is an error', ['VL-27', 'VL-7'],
              ['pages/index/index.wxml:1:'], {INDEX + '.wxml': '<import src="../../../outside.wxml"/>\n<view/>\n'})
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
