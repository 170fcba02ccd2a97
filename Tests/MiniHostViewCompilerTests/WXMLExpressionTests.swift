import Foundation
import MiniHostCore
import MiniHostProtocol
import Testing

/// WeChat's `{{ }}` grammar: the Expr arrays of each form, with JavaScript's precedence.
@Suite struct WXMLExpressionTests {
    /// The Expr of `{{text}}` in an attribute.
    func expr(_ text: String) throws -> JSONValue {
        try #require(body("<view a=\"{{\(text)}}\"/>")[0]?["attrs"]?[0]?[1]?["e"])
    }

    @Test func literals() throws {
        #expect(try expr("12.5") == json(#"["lit",12.5]"#))
        #expect(try expr("0x1F") == json(#"["lit",31]"#))
        #expect(try expr("1e3") == json(#"["lit",1000]"#))
        #expect(try expr(".5") == json(#"["lit",0.5]"#))
        #expect(try expr("'it\\'s \\u0041\\n'") == json(#"["lit","it's A\n"]"#))
        #expect(try expr("true") == json(#"["lit",true]"#))
        #expect(try expr("false") == json(#"["lit",false]"#))
        #expect(try expr("null") == json(#"["lit",null]"#))
        #expect(try expr("undefined") == json(#"["undef"]"#))
    }

    @Test func membersIndexesAndCalls() throws {
        #expect(try expr("a.b") == json(#"["get",["id","a"],["lit","b"]]"#))
        #expect(try expr("a[i]") == json(#"["get",["id","a"],["id","i"]]"#))
        #expect(try expr("a[0].b") == json(#"["get",["get",["id","a"],["lit",0]],["lit","b"]]"#))
        #expect(try expr("fmt.money(price, 2)") == json(#"["call",["get",["id","fmt"],["lit","money"]],[["id","price"],["lit",2]]]"#))
        #expect(try expr("f()") == json(#"["call",["id","f"],[]]"#))
        #expect(try expr("$x._y") == json(#"["get",["id","$x"],["lit","_y"]]"#))
    }

    @Test func unaryOperators() throws {
        #expect(try expr("!a") == json(#"["un","!",["id","a"]]"#))
        #expect(try expr("-a") == json(#"["un","-",["id","a"]]"#))
        #expect(try expr("+a") == json(#"["un","+",["id","a"]]"#))
        #expect(try expr("~a") == json(#"["un","~",["id","a"]]"#))
        #expect(try expr("typeof a") == json(#"["un","typeof",["id","a"]]"#))
        #expect(try expr("!!a") == json(#"["un","!",["un","!",["id","a"]]]"#))
    }

    @Test func binaryPrecedenceIsJavaScripts() throws {
        #expect(try expr("a + b * c") == json(#"["bin","+",["id","a"],["bin","*",["id","b"],["id","c"]]]"#))
        #expect(try expr("a - b - c") == json(#"["bin","-",["bin","-",["id","a"],["id","b"]],["id","c"]]"#))
        #expect(try expr("(a + b) % c") == json(#"["bin","%",["bin","+",["id","a"],["id","b"]],["id","c"]]"#))
        #expect(try expr("a < b == c") == json(#"["bin","==",["bin","<",["id","a"],["id","b"]],["id","c"]]"#))
        #expect(try expr("a === b") == json(#"["bin","===",["id","a"],["id","b"]]"#))
        #expect(try expr("a !== b") == json(#"["bin","!==",["id","a"],["id","b"]]"#))
        #expect(try expr("a >>> 1 << 2") == json(#"["bin","<<",["bin",">>>",["id","a"],["lit",1]],["lit",2]]"#))
        #expect(try expr("a & b | c ^ d") == json(#"["bin","|",["bin","&",["id","a"],["id","b"]],["bin","^",["id","c"],["id","d"]]]"#))
        #expect(try expr("'k' in o") == json(#"["bin","in",["lit","k"],["id","o"]]"#))
        #expect(try expr("a >= 1 && b <= 2 || c != 3") == json("""
        ["or",["and",["bin",">=",["id","a"],["lit",1]],["bin","<=",["id","b"],["lit",2]]],["bin","!=",["id","c"],["lit",3]]]
        """))
        #expect(try expr("a ?? b") == json(#"["nc",["id","a"],["id","b"]]"#))
        #expect(try expr("-a * b") == json(#"["bin","*",["un","-",["id","a"]],["id","b"]]"#))
    }

    @Test func conditionalsNest() throws {
        #expect(try expr("a ? b : c ? d : e") == json(#"["cond",["id","a"],["id","b"],["cond",["id","c"],["id","d"],["id","e"]]]"#))
        #expect(try expr("a || b ? 1 : 2") == json(#"["cond",["or",["id","a"],["id","b"]],["lit",1],["lit",2]]"#))
    }

    @Test func objectAndArrayLiterals() throws {
        #expect(try expr("{a: 1, 'b-c': x, d, ...e, 5: 6}") == json("""
        ["obj",[["a",["lit",1]],["b-c",["id","x"]],["d",["id","d"]],["...",["id","e"]],["5",["lit",6]]]]
        """))
        #expect(try expr("[1, ...xs, [2]]") == json(#"["arr",[["lit",1],["...",["id","xs"]],["arr",[["lit",2]]]]]"#))
        #expect(try expr("[]") == json(#"["arr",[]]"#))
        #expect(try expr("{}") == json(#"["obj",[]]"#))
        #expect(try expr("[1, 2,]") == json(#"["arr",[["lit",1],["lit",2]]]"#))
    }

    @Test func closingBracesInsideStringsDoNotEndTheMustache() throws {
        #expect(try expr("'}}' + \"}}\"") == json(#"["bin","+",["lit","}}"],["lit","}}"]]"#))
        #expect(try body("<view>{{ '}}' }}</view>")[0]?["children"]?[0]?["v"] == json(#"{"e":["lit","}}"]}"#))
    }

    @Test func unicodeNamesAndStrings() throws {
        #expect(try expr("名字 + '元'") == json(#"["bin","+",["id","名字"],["lit","元"]]"#))
    }
}
