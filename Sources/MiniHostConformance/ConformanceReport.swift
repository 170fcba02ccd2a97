import Foundation

/// The numbered statements of the runtime specification (`docs/spec.md`), read from its text:
/// sections are `## N. Title (XX)` headings, statements are lines holding `**XX-N** MUST|SHOULD|MAY`.
public struct ConformanceSpec: Sendable {
    public struct Section: Sendable, Equatable {
        public var code: String
        public var title: String
    }
    public struct Statement: Sendable, Equatable {
        public var id: String
        public var section: String
        public var level: ConformanceCase.Level
    }
    public var sections: [Section] = []
    public var statements: [Statement] = []

    public init(text: String) {
        let heading = try! NSRegularExpression(pattern: #"^##\s+(?:\d+\.\s*)?(.*?)\s*\(([A-Z]{2,3})\)\s*$"#)
        let statement = try! NSRegularExpression(pattern: #"\*\*([A-Z]{2,3})-(\d+)\*\*\s*(MUST|SHOULD|MAY)\b"#)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let range = NSRange(line.startIndex..., in: line)
            if let m = heading.firstMatch(in: line, range: range) {
                sections.append(Section(code: String(line[Range(m.range(at: 2), in: line)!]), title: String(line[Range(m.range(at: 1), in: line)!])))
            } else if let m = statement.firstMatch(in: line, range: range) {
                let code = String(line[Range(m.range(at: 1), in: line)!])
                let id = code + "-" + String(line[Range(m.range(at: 2), in: line)!])
                let level = ConformanceCase.Level(rawValue: String(line[Range(m.range(at: 3), in: line)!]))!
                statements.append(Statement(id: id, section: code, level: level))
            }
        }
    }

    public static func load(_ url: URL) throws -> ConformanceSpec {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConformanceCaseError("\(url.path): cannot read the specification")
        }
        return ConformanceSpec(text: String(decoding: data, as: UTF8.self))
    }

    /// Ids that cases cover but the specification does not define.
    public func unknownStatements(in cases: [ConformanceCase]) -> [(caseID: String, statement: String)] {
        let known = Set(statements.map(\.id))
        return cases.flatMap { c in c.covers.filter { !known.contains($0) }.map { (c.id, $0) } }
    }

    /// MUST statements no case covers.
    public func uncoveredMust(by cases: [ConformanceCase]) -> [String] {
        let covered = Set(cases.flatMap(\.covers))
        return statements.filter { $0.level == .must && !covered.contains($0.id) }.map(\.id)
    }
}

/// One row of the coverage table.
public struct CoverageRow: Sendable, Equatable {
    public var section: String
    public var title: String
    public var statements: Int
    public var must: Int
    public var mustCovered: Int
    public var covered: Int
    public var cases: Int
    public var passed: Int
    public var failed: Int
}

/// Reports: the W3C MiniApp test report, the coverage table, summaries.
public enum ConformanceReport {
    /// Per case: true when it passed in every mode it ran in, false when it failed in one, null
    /// when it did not run (filtered out, or not applicable to the modes run).
    public static func verdicts(_ cases: [ConformanceCase], _ results: [ConformanceResult]) -> [String: Bool?] {
        var out: [String: Bool?] = [:]
        let byCase = Dictionary(grouping: results, by: \.caseID)
        for c in cases {
            let ran = (byCase[c.id] ?? []).filter { $0.verdict != .skip }
            out[c.id] = ran.isEmpty ? .some(nil) : .some(ran.allSatisfy { $0.verdict == .pass })
        }
        return out
    }

    /// The W3C MiniApp test report: `{"name", "ref", "tests": {"<id>": true|false|null}}`
    /// (`allCases` names every case of the suite: the ones not run are null).
    public static func w3cReport(name: String, ref: String, allCases: [ConformanceCase], results: [ConformanceResult]) -> Data {
        struct Report: Encodable {
            var name: String
            var ref: String
            var tests: [String: Bool?]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Report(name: name, ref: ref, tests: verdicts(allCases, results)))) ?? Data("{}".utf8)
    }

    /// Coverage per section of the specification, with the cases' results.
    public static func coverage(spec: ConformanceSpec, cases: [ConformanceCase], results: [ConformanceResult]) -> [CoverageRow] {
        let verdicts = self.verdicts(cases, results)
        let covered = Set(cases.flatMap(\.covers))
        return spec.sections.map { section in
            let stmts = spec.statements.filter { $0.section == section.code }
            let musts = stmts.filter { $0.level == .must }
            let prefix = section.code + "-"
            let sectionCases = cases.filter { $0.covers.contains { $0.hasPrefix(prefix) } }
            return CoverageRow(section: section.code, title: section.title, statements: stmts.count, must: musts.count,
                               mustCovered: musts.filter { covered.contains($0.id) }.count,
                               covered: stmts.filter { covered.contains($0.id) }.count,
                               cases: sectionCases.count,
                               passed: sectionCases.filter { verdicts[$0.id] == .some(true) }.count,
                               failed: sectionCases.filter { verdicts[$0.id] == .some(false) }.count)
        }
    }

    /// The coverage table as Markdown.
    public static func coverageTable(_ rows: [CoverageRow]) -> String {
        var lines = ["| section | statements | MUST covered | all covered | cases | passed | failed |",
                     "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in rows {
            lines.append("| \(r.section) \(r.title) | \(r.statements) | \(r.mustCovered)/\(r.must) | \(r.covered)/\(r.statements) | \(r.cases) | \(r.passed) | \(r.failed) |")
        }
        let t = rows.reduce(into: (0, 0, 0, 0, 0, 0, 0)) { a, r in
            a.0 += r.statements; a.1 += r.must; a.2 += r.mustCovered; a.3 += r.covered; a.4 += r.cases; a.5 += r.passed; a.6 += r.failed
        }
        lines.append("| total | \(t.0) | \(t.2)/\(t.1) | \(t.3)/\(t.0) | \(t.4) | \(t.5) | \(t.6) |")
        return lines.joined(separator: "\n")
    }

    /// The coverage table as JSON objects.
    public static func coverageJSON(_ rows: [CoverageRow]) -> [[String: Any]] {
        rows.map { ["section": $0.section, "title": $0.title, "statements": $0.statements, "must": $0.must,
                    "must_covered": $0.mustCovered, "covered": $0.covered, "cases": $0.cases, "passed": $0.passed, "failed": $0.failed] }
    }
}
