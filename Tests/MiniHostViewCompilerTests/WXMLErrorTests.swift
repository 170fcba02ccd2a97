import Foundation
import MiniHostCore
import MiniHostProtocol
import Testing

/// Compile errors name `file:line:col` and what was wrong; broken input never traps.
@Suite struct WXMLErrorTests {
    @Test func expressionErrorsPointAtTheOffendingCharacter() {
        #expect(compileError("<view>\n  <text>{{ a + }}</text>\n</view>") == "pages/index/index.wxml:2:16: unexpected } in the expression")
        #expect(compileError("<view>\n\n  <text>{{ name </text></view>") == "pages/index/index.wxml:3:17: expected }} to close the expression")
        #expect(compileError("<view a=\"{{ x \"/>") == "pages/index/index.wxml:1:15: expected }} to close the expression")
        #expect(compileError("{{ a b }}") == "pages/index/index.wxml:1:6: expected }} to close the expression, found b")
        #expect(compileError("{{ 'abc }}") == "pages/index/index.wxml:1:4: unterminated string literal")
        #expect(compileError("{{ a # b }}") == "pages/index/index.wxml:1:6: unexpected character '#' in the expression")
        #expect(compileError("{{ a ? b }}") == "pages/index/index.wxml:1:10: expected : in a conditional expression, found }")
        #expect(compileError("{{ f(a b) }}") == "pages/index/index.wxml:1:8: expected , or ) to close the argument list, found b")
        #expect(compileError("{{ a. }}") == "pages/index/index.wxml:1:7: expected a property name after '.', found }")
        #expect(compileError("{{ 12px }}") == "pages/index/index.wxml:1:6: unexpected 'p' after a number")
        #expect(compileError("{{ new }}") == "pages/index/index.wxml:1:4: unexpected new in the expression")
    }

    @Test func tagErrors() {
        #expect(compileError("<view>\n  <text>a</view>") == "pages/index/index.wxml:2:10: expected </text> to close <text> of 2:3, found </view>")
        #expect(compileError("<view><text>a</text>") == "pages/index/index.wxml:1:1: <view> is never closed")
        #expect(compileError("</view>") == "pages/index/index.wxml:1:1: closing tag </view> has no opening tag")
        #expect(compileError("<view\n  class=\"a\"") == "pages/index/index.wxml:1:1: tag <view> is not closed with >")
        #expect(compileError("<view class=\"a></view>") == "pages/index/index.wxml:1:13: the value of class is missing its closing \"")
        #expect(compileError("<!-- open") == "pages/index/index.wxml:1:1: comment is never closed with -->")
        #expect(compileError("<wxs module=\"m\">var a = 1;") == "pages/index/index.wxml:1:1: <wxs> is never closed")
        #expect(compileError("<!DOCTYPE html>") == "pages/index/index.wxml:1:1: unexpected <! (only <!-- comments --> are allowed)")
        #expect(compileError("<view></view >") == nil)
        #expect(compileError("a < b and c<2") == nil)
    }

    @Test func controlAttributeErrors() {
        #expect(compileError("<view/>\n<view wx:elif=\"{{a}}\"/>") == "pages/index/index.wxml:2:7: wx:elif without a wx:if before it")
        #expect(compileError("<view wx:else/>") == "pages/index/index.wxml:1:7: wx:else without a wx:if before it")
        #expect(compileError("<view wx:if=\"{{a}}\"/><text/><view wx:else/>") == "pages/index/index.wxml:1:35: wx:else without a wx:if before it")
        #expect(compileError("<view wx:if=\"{{a}}\"/><view wx:else/><view wx:else/>") == "pages/index/index.wxml:1:43: wx:else without a wx:if before it")
        #expect(compileError("<view wx:if/>") == "pages/index/index.wxml:1:7: wx:if needs a condition")
        #expect(compileError("<view wx:if=\"{{a}}\" wx:else/>") == "pages/index/index.wxml:1:21: wx:else cannot go with wx:if")
        #expect(compileError("<view wx:for=\"{{a}}\" wx:for-item=\"a b\"/>") == "pages/index/index.wxml:1:22: wx:for-item must be a variable name (got \"a b\")")
        #expect(compileError("<input model:value=\"{{a + b}}\"/>") == "pages/index/index.wxml:1:8: model:value must bind a data path such as {{value}} or {{form.name}}")
        #expect(compileError("<input model:value=\"x{{a}}\"/>") != nil)
        #expect(compileError("<view bind:=\"x\"/>") == "pages/index/index.wxml:1:7: bind: names no event")
    }

    @Test func templateImportAndWXSErrors() {
        #expect(compileError("<template/>") == "pages/index/index.wxml:1:1: <template> needs a name or an is attribute")
        #expect(compileError("<template is=\"a\" data=\"x\"/>") == "pages/index/index.wxml:1:18: data of <template> must be {{…}} (an object literal's body)")
        #expect(compileError("<template is=\"a\" data=\"{{a: }}\"/>") == "pages/index/index.wxml:1:29: unexpected } in the expression")
        #expect(compileError("<template is=\"a\" data=\"{{a}} x\"/>") == "pages/index/index.wxml:1:30: unexpected text after the data of <template>")
        #expect(compileError("<import/>") == "pages/index/index.wxml:1:1: <import> needs a src attribute")
        #expect(compileError("<wxs src=\"a.wxs\"/>") == "pages/index/index.wxml:1:1: <wxs> needs a module attribute")
        #expect(compileError("<wxs module=\"m\">1</wxs><wxs module=\"m\">2</wxs>") == "pages/index/index.wxml:1:29: wxs module m is defined twice")
        #expect(compileError("<import src=\"{{a}}\"/>") == "pages/index/index.wxml:1:9: src of <import> must be a path written out (got \"{{a}}\")")
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: ViewCompileError.self) { try WXMLCompiler.compile(path: "a.wxml", data: Data([0x3C, 0xFF, 0xFE])) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        #expect(compileError(String(repeating: "<view>", count: 300)) == "pages/index/index.wxml:1:1537: elements nested more than 256 deep")
        #expect(compileError("{{" + String(repeating: "(", count: 5000) + "}}")?.contains("nested too deeply") == true)
        #expect(compileError("{{" + String(repeating: "!", count: 5000) + "a}}")?.contains("nested too deeply") == true)
        #expect(compileError("{{" + String(repeating: "[", count: 5000) + "}}")?.contains("nested too deeply") == true)
        #expect(compileError("{{" + String(repeating: "a.", count: 5000) + "b}}") == nil)
    }

    /// The nesting bounds hold on a thread with a small stack (512 KiB, as worker threads have).
    @Test func deepNestingFitsASmallStack() {
        let inputs = [
            String(repeating: "<view>", count: 255) + String(repeating: "</view>", count: 255),
            "{{" + String(repeating: "(", count: 199) + "a" + String(repeating: ")", count: 199) + "}}",
            "{{" + String(repeating: "{a:", count: 199) + "1" + String(repeating: "}", count: 199) + "}}",
            "{{" + String(repeating: "[", count: 199) + String(repeating: "]", count: 199) + "}}",
            "{{" + String(repeating: "-", count: 199) + "a}}",
            "{{" + String(repeating: "f(", count: 199) + String(repeating: ")", count: 199) + "}}",
            "{{" + String(repeating: "a ? b : ", count: 199) + "c}}",
        ]
        final class Results: @unchecked Sendable { var errors: [String?] = [] }
        let results = Results()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            results.errors = inputs.map { compileError($0) }
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        #expect(results.errors == Array(repeating: nil, count: inputs.count))
    }

    /// Every prefix of a valid template, and random bytes, either compile or throw.
    @Test func truncatedAndGarbageInputThrowsRatherThanTraps() {
        let template = """
        <wxs module="m">module.exports = {};</wxs>
        <import src="/common/a.wxml"/>
        <template name="t"><text>{{a ? '}}' : "<b>"}}</text></template>
        <view wx:for="{{list}}" wx:key="id" class="a {{b}}" bind:tap="on" data-x='{{ {k: [1, ...xs]} }}'>
          <block wx:if="{{x > 1 && y}}"><template is="t" data="{{...item, n: 2}}"/></block>
          <text wx:elif="{{ z ?? 0 }}">&amp;&#x41;</text><input wx:else model:value="{{form.name}}"/>
          <!-- c --><slot name="s"/>
        </view>
        """
        let scalars = Array(template.unicodeScalars)
        for cut in 0...scalars.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[0..<cut])
            _ = compileError(String(prefix))
        }
        var generator = SeededGenerator(seed: 23)
        let alphabet = Array("<>/=\"'{}[]()!?:.,&;#x- abvi\nwx:iftemplatesrcblock...".unicodeScalars)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<60, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            _ = compileError(String(text))
            var bytes = Data()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
            _ = try? WXMLCompiler.compile(path: "g.wxml", data: bytes)
        }
        #expect(compileError(template) == nil)
    }
}

/// A small deterministic generator (SplitMix64), so a failing input can be found again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
