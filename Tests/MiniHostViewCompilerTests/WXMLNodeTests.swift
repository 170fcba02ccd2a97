import Foundation
import MiniHostCore
import MiniHostProtocol
import Testing

/// The node JSON of each WXML construct, as the view-layer contract fixes it.
@Suite struct WXMLNodeTests {
    @Test func elementsTextAndPositions() throws {
        let result = try body("<view id=\"a\" class=\"x {{c}}\">\n  Hello {{name}}!\n</view>")
        #expect(result == json("""
        [{"k":"el","tag":"view","line":1,"col":1,"attrs":[["id","a"],["class",{"c":["x ",["id","c"]]}]],"events":[],
          "children":[{"k":"text","v":{"c":["\\n  Hello ",["id","name"],"!\\n"]}}]}]
        """))
    }

    @Test func wholeExpressionKeepsItsTypeAndWhitespaceAroundIsAllowed() throws {
        let result = try body("<view data-n=\"{{ 1 }}\" hidden=\" {{flag}} \" a=\"{{x}}{{y}}\"/>")
        #expect(result[0]?["attrs"] == json("""
        [["data-n",{"e":["lit",1]}],["hidden",{"e":["id","flag"]}],["a",{"c":[["id","x"],["id","y"]]}]]
        """))
    }

    @Test func fileShapeHasEveryKey() throws {
        let result = try compiled("<view/>")
        #expect(result == json("""
        {"v":1,"path":"pages/index/index.wxml","imports":[],"templates":{},"wxs":[],
         "body":[{"k":"el","tag":"view","attrs":[],"events":[],"children":[],"line":1,"col":1}]}
        """))
    }

    @Test func attributesWithoutValueUnquotedAndEntities() throws {
        let result = try body("<switch checked disabled=false title='a &amp; b' data-q=\"&quot;&#65;&#x42;&lt;&nbsp;&unknown;\"/>")
        #expect(result[0]?["attrs"] == json("""
        [["checked",{"e":["lit",true]}],["disabled","false"],["title","a & b"],["data-q","\\"AB<\\u00a0&unknown;"]]
        """))
    }

    @Test func whitespaceTextWithNewlineIsDroppedOtherTextKept() throws {
        let result = try body("<view>\n  <text>a</text> <text>b</text>\n</view>")
        let children = try #require(result[0]?["children"]?.arrayValue)
        #expect(children.count == 3)
        #expect(children[1] == json(#"{"k":"text","v":" "}"#))
    }

    @Test func anAttributeWrittenTwiceTakesTheLastValueAndUnknownControlsAreIgnored() throws {
        let result = try body("<image mode=\"a\" src=\"s\" mode=\"b\" wx:id=\"{{x}}\"/>")
        #expect(result[0]?["attrs"] == json(#"[["mode","b"],["src","s"]]"#))
    }

    /// tdesign names a WXS module `this`: `{{this.label(item)}}`.
    @Test func thisIsAnIdentifier() throws {
        let result = try compiled("<wxs module=\"this\" src=\"./a.wxs\"/><text>{{ this.label(item) }}</text>")
        #expect(result["body"]?[0]?["children"]?[0]?["v"] == json(#"{"e":["call",["get",["id","this"],["lit","label"]],[["id","item"]]]}"#))
    }

    @Test func commentsAreDropped() throws {
        #expect(try body("<!-- a <view> in a comment --><view/><!---->") .arrayValue?.count == 1)
    }

    @Test func forWithItemIndexAndKeys() throws {
        let result = try body("""
        <view wx:for="{{list}}" wx:for-item="row" wx:for-index="i" wx:key="id">{{i}}</view>
        <view wx:for-items="{{list}}" wx:key="*this"/>
        <view wx:for="{{list}}" wx:key="{{ uid }}"/>
        <view wx:for="abc"/>
        """)
        #expect(result[0] == json("""
        {"k":"for","items":{"e":["id","list"]},"item":"row","index":"i","key":"id","line":1,"col":1,
         "node":{"k":"el","tag":"view","attrs":[],"events":[],"line":1,"col":1,"children":[{"k":"text","v":{"e":["id","i"]}}]}}
        """))
        #expect(result[1]?["key"] == .string("*this"))
        #expect(result[1]?["item"] == .string("item"))
        #expect(result[1]?["index"] == .string("index"))
        #expect(result[2]?["key"] == .string("uid"))
        #expect(result[3]?["items"] == .string("abc"))
        #expect(result[3]?["key"] == .null)
    }

    @Test func ifElifElseChainSkipsWhitespaceBetween() throws {
        let result = try body("""
        <view wx:if="{{a > 1}}">A</view>
        <view wx:elif="{{b}}">B</view> <text wx:else>C</text>
        """)
        #expect(result == json("""
        [{"k":"if","branches":[
          {"cond":["bin",">",["id","a"],["lit",1]],"node":{"k":"el","tag":"view","attrs":[],"events":[],"line":1,"col":1,"children":[{"k":"text","v":"A"}]}},
          {"cond":["id","b"],"node":{"k":"el","tag":"view","attrs":[],"events":[],"line":2,"col":1,"children":[{"k":"text","v":"B"}]}},
          {"cond":null,"node":{"k":"el","tag":"text","attrs":[],"events":[],"line":2,"col":32,"children":[{"k":"text","v":"C"}]}}]}]
        """))
    }

    @Test func separateIfsAreSeparateNodes() throws {
        let result = try body("<view wx:if=\"{{a}}\"/><view wx:if=\"{{b}}\"/><view wx:else/>")
        #expect(result.arrayValue?.count == 2)
        #expect(result[1]?["branches"]?.arrayValue?.count == 2)
    }

    @Test func forBindsTighterThanIf() throws {
        let result = try body("<view wx:for=\"{{xs}}\" wx:if=\"{{item.on}}\"/>")
        #expect(result[0]?["k"] == .string("for"))
        #expect(result[0]?["node"]?["k"] == .string("if"))
        #expect(result[0]?["node"]?["branches"]?[0]?["cond"] == json(#"["get",["id","item"],["lit","on"]]"#))
        #expect(result[0]?["node"]?["branches"]?[0]?["node"]?["tag"] == .string("view"))
    }

    @Test func blockWithForAndIf() throws {
        let result = try body("<block wx:for=\"{{[1, 2]}}\"><view/></block><block wx:if=\"{{x}}\">t</block>")
        #expect(result[0]?["node"] == json(#"{"k":"block","children":[{"k":"el","tag":"view","attrs":[],"events":[],"children":[],"line":1,"col":28}]}"#))
        #expect(result[0]?["items"] == json(#"{"e":["arr",[["lit",1],["lit",2]]]}"#))
        #expect(result[1]?["branches"]?[0]?["node"] == json(#"{"k":"block","children":[{"k":"text","v":"t"}]}"#))
    }

    @Test func conditionWithoutMustacheIsAStringLiteral() throws {
        let result = try body("<view wx:if=\"false\"/><view wx:if=\"a{{b}}\"/>")
        #expect(result[0]?["branches"]?[0]?["cond"] == json(#"["lit","false"]"#))
        #expect(result[1]?["branches"]?[0]?["cond"] == json(#"["bin","+",["bin","+",["lit",""],["lit","a"]],["id","b"]]"#))
    }

    @Test func hiddenIsAnAttribute() throws {
        #expect(try body("<view hidden=\"{{!shown}}\"/>")[0]?["attrs"] == json(#"[["hidden",{"e":["un","!",["id","shown"]]}]]"#))
    }

    @Test func templatesDefinitionsAndUses() throws {
        let result = try compiled("""
        <template name="item"><text>{{text}}</text></template>
        <template is="item" data="{{...obj, text, n: 1}}"/>
        <template is="{{cond ? 'a' : 'b'}}" data="{{item}}"></template>
        <template is="x"/>
        """)
        #expect(result["templates"] == json(#"{"item":[{"k":"el","tag":"text","attrs":[],"events":[],"line":1,"col":23,"children":[{"k":"text","v":{"e":["id","text"]}}]}]}"#))
        #expect(result["body"] == json("""
        [{"k":"tpl","is":"item","data":["obj",[["...",["id","obj"]],["text",["id","text"]],["n",["lit",1]]]],"line":2,"col":1},
         {"k":"tpl","is":{"e":["cond",["id","cond"],["lit","a"],["lit","b"]]},"data":["obj",[["item",["id","item"]]]],"line":3,"col":1},
         {"k":"tpl","is":"x","data":null,"line":4,"col":1}]
        """))
    }

    @Test func importsIncludesAndPaths() throws {
        let result = try compiled("""
        <import src="../../common/tpl.wxml"/>
        <import src="/common/other"></import>
        <include src="header.wxml"/>
        """, path: "pages/index/index.wxml")
        #expect(result["imports"] == json(#"["common/tpl.wxml","common/other.wxml"]"#))
        #expect(result["body"] == json(#"[{"k":"include","src":"pages/index/header.wxml"}]"#))
        // `..` at the root stays at the root, as WeChat resolves it.
        #expect(try compiled("<include src=\"../../../../common/head.wxml\"/>")["body"] == json(#"[{"k":"include","src":"common/head.wxml"}]"#))
        let references = try WXMLCompiler.compile(path: "pages/index/index.wxml", text: "<view>\n  <include src=\"./a.wxml\"/></view>").references
        #expect(references == [CompiledTemplate.Reference(path: "pages/index/a.wxml", line: 2, column: 12)])
    }

    @Test func slotsDefaultAndNamed() throws {
        #expect(try body("<slot/><slot name=\"footer\"></slot>") == json(#"[{"k":"slot","name":null},{"k":"slot","name":"footer"}]"#))
    }

    @Test func wxsModulesInlineAndFromFiles() throws {
        let result = try compiled("""
        <wxs module="fmt" src="../../utils/fmt.wxs"/>
        <view/>
        <wxs module="m">
        var a = "</view>" < 1;
        module.exports = { a: a };
        </wxs>
        <wxs module="n" src="./n"></wxs>
        """)
        #expect(result["wxs"] == json("""
        [{"module":"fmt","src":"utils/fmt.wxs"},
         {"module":"m","code":"\\nvar a = \\"</view>\\" < 1;\\nmodule.exports = { a: a };\\n","line":3},
         {"module":"n","src":"pages/index/n.wxs"}]
        """))
        #expect(result["body"]?.arrayValue?.count == 1)
    }

    @Test func eventsInEveryForm() throws {
        let result = try body("""
        <view bindtap="onTap" bind:longpress="onLong" catchtouchstart="s" catch:tap="c" mut-bind:tap="m"
              capture-bind:tap="cb" capture-catch:touchend="cc" bindmyevent="{{handlerName}}" capture-bindtap="x"/>
        """)
        #expect(result[0]?["events"] == json("""
        [{"type":"tap","handler":"onTap","capture":false,"catch":false,"mut":false},
         {"type":"longpress","handler":"onLong","capture":false,"catch":false,"mut":false},
         {"type":"touchstart","handler":"s","capture":false,"catch":true,"mut":false},
         {"type":"tap","handler":"c","capture":false,"catch":true,"mut":false},
         {"type":"tap","handler":"m","capture":false,"catch":false,"mut":true},
         {"type":"tap","handler":"cb","capture":true,"catch":false,"mut":false},
         {"type":"touchend","handler":"cc","capture":true,"catch":true,"mut":false},
         {"type":"myevent","handler":{"e":["id","handlerName"]},"capture":false,"catch":false,"mut":false},
         {"type":"tap","handler":"x","capture":true,"catch":false,"mut":false}]
        """))
        #expect(result[0]?["attrs"] == .array([]))
    }

    @Test func datasetMarksGenericsAndOtherAttributesKeptAsWritten() throws {
        let result = try body("<list data-user-id=\"{{u.id}}\" data-userId=\"2\" mark:row=\"r\" generic:selectable=\"custom-radio\" slot=\"s\" style=\"color: red\"/>")
        #expect(result[0]?["attrs"] == json("""
        [["data-user-id",{"e":["get",["id","u"],["lit","id"]]}],["data-userId","2"],["mark:row","r"],
         ["generic:selectable","custom-radio"],["slot","s"],["style","color: red"]]
        """))
    }

    @Test func modelBindingsArePaths() throws {
        let result = try body("<input model:value=\"{{form.name}}\" model:checked=\"{{ list[2].on }}\" placeholder=\"p\"/>")
        #expect(result[0]?["model"] == json(#"[["value","form.name"],["checked","list[2].on"]]"#))
        #expect(result[0]?["attrs"] == json(#"[["placeholder","p"]]"#))
        #expect(try body("<input value=\"{{v}}\"/>")[0]?["model"] == nil)
    }

    @Test func customComponentTagsAreElements() throws {
        let result = try body("<van-button type=\"primary\" bind:click=\"go\">OK</van-button>")
        #expect(result[0]?["tag"] == .string("van-button"))
        #expect(result[0]?["events"]?[0]?["type"] == .string("click"))
    }

    @Test func mustacheInTextMayHoldAngleBracketsAndBraces() throws {
        let result = try body("<view>{{a < b ? '}}' : \"<x>\"}} {{ {k: {j: 1}} }}</view>")
        #expect(result[0]?["children"] == json("""
        [{"k":"text","v":{"c":[["cond",["bin","<",["id","a"],["id","b"]],["lit","}}"],["lit","<x>"]]," ",
          ["obj",[["k",["obj",[["j",["lit",1]]]]]]]]}}]
        """))
    }

    @Test func quotesInsideMustachesDoNotEndTheAttribute() throws {
        let result = try body("<view class=\"{{ on ? \"a\" : 'b' }}\" id='{{ \"x\" }}'/>")
        #expect(result[0]?["attrs"] == json(#"[["class",{"e":["cond",["id","on"],["lit","a"],["lit","b"]]}],["id",{"e":["lit","x"]}]]"#))
    }

    @Test func topLevelTextAndEmptyMustache() throws {
        #expect(try body("hi {{}}") == json(#"[{"k":"text","v":"hi "}]"#))
        #expect(try body("{{ }}") == json(#"[{"k":"text","v":""}]"#))
    }
}
