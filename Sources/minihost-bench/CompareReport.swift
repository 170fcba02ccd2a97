import ArgumentParser
import Foundation
import MiniHostCore
import MiniHostDevTest
import MiniHostEngine
import MiniHostInProcess
import MiniHostIsolation
import MiniHostProtocol
import MiniHostRuntime

/// What the table was measured on.
struct MachineInfo {
    var cpu = "unknown", cores = 0, memoryGB = 0.0, kernel = "unknown", jsc = "unknown", date = "", loadAverage = ""

    static func read() -> MachineInfo {
        var m = MachineInfo()
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            m.cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        m.cores = ProcessInfo.processInfo.activeProcessorCount
        m.memoryGB = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var u = utsname()
        uname(&u)
        m.kernel = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        // The JavaScriptCore the build was made against (pkg-config), else the library this process maps.
        if let pc = NodePeer.onPath("pkg-config") {
            let r = runProcess(pc, ["--modversion", "javascriptcoregtk-4.1"])
            if r.status == 0 { m.jsc = "JavaScriptCoreGTK " + r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        if m.jsc == "unknown", let maps = FileManager.default.contents(atPath: "/proc/self/maps"),
           let line = String(decoding: maps, as: UTF8.self).split(separator: "\n").first(where: { $0.contains("libjavascriptcoregtk") }),
           let path = line.split(separator: " ").last {
            m.jsc = String(path.split(separator: "/").last ?? path)
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        m.date = f.string(from: Date())
        m.loadAverage = loadAverage()
        return m
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

// MARK: - The report

/// The table and the JSON of one run.
struct Report {
    let results: Results
    let counts: Counts
    let machine: MachineInfo
    let machineAfter: String
    let poolSize: Int
    let processPoolSize: Int
    let peerStatus: String

    /// One line of the table: a figure in the three columns.
    struct Row {
        let key: String
        let label: String
        let unit: String
        let lowerIsBetter: Bool
        let inProcess: Cell
        let process: Cell
        let node: Cell
    }

    var rows: [Row] {
        let r = results
        let nodeCold = r.node["cold"] ?? .missing("—")
        let none = Cell.missing("—")
        return [
            Row(key: "cold_start_ms", label: "cold start with the warm pool (load → entry onReady)", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cold"] ?? none, process: r.process["cold"] ?? none, node: nodeCold),
            Row(key: "cold_start_prepared_ms", label: "… a VM prepared ahead, no refill running meanwhile", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cold_prepared"] ?? none, process: none, node: nodeCold),
            Row(key: "package_load_ms", label: "… of which loading the package (manifest, files, digest)", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["package_load"] ?? none, process: none, node: none),
            Row(key: "raw_jsc_launch_ms", label: "hello's launch in a bare JavaScriptCore VM, no sandbox (the engine's floor)", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["raw_launch"] ?? none, process: none, node: none),
            Row(key: "cold_start_no_pool_ms", label: "cold start without a pool", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cold_no_pool"] ?? none, process: r.process["cold_no_pool"] ?? none, node: nodeCold),
            Row(key: "sync_call_us", label: "sync API call (getStorageSync)", unit: "µs", lowerIsBetter: true,
                inProcess: r.inProcess["sync"] ?? none, process: r.process["sync"] ?? none, node: r.node["sync"] ?? none),
            Row(key: "async_call_us", label: "async API call (await getStorage)", unit: "µs", lowerIsBetter: true,
                inProcess: r.inProcess["async"] ?? none, process: r.process["async"] ?? none, node: r.node["async"] ?? none),
            Row(key: "memory_per_app_kb", label: "memory per idle app", unit: "KB", lowerIsBetter: true,
                inProcess: r.inProcess["memory"] ?? none, process: r.process["memory"] ?? none, node: r.node["memory"] ?? none),
            Row(key: "raw_jsc_per_vm_kb", label: "raw JavaScriptCore per bare VM (same run)", unit: "KB", lowerIsBetter: true,
                inProcess: r.inProcess["raw_jsc"] ?? none, process: none, node: none),
            Row(key: "devtest_tests_per_sec", label: "dev-test throughput", unit: "tests/s", lowerIsBetter: false,
                inProcess: r.inProcess["devtest"] ?? none, process: r.process["devtest"] ?? none, node: r.node["devtest"] ?? none),
            Row(key: "cli_run_ms", label: "whole CLI: run the hello demo to exit", unit: "ms", lowerIsBetter: true,
                inProcess: r.inProcess["cli"] ?? none, process: r.process["cli"] ?? none, node: r.node["cli"] ?? none),
        ]
    }

    /// What the issue asks the run to show.
    struct Check {
        let name: String
        let passed: Bool?
        let detail: String
    }

    var checks: [Check] {
        let r = results
        func check(_ name: String, _ a: Cell?, _ b: Cell?, factor: Double, _ what: (Double, Double) -> String) -> Check {
            guard let x = a?.number, let y = b?.number else { return Check(name: name, passed: nil, detail: "not measured") }
            return Check(name: name, passed: x <= factor * y, detail: what(x, y))
        }
        return [
            check("in-process cold start with the warm pool ≤ the Node peer's", r.inProcess["cold"], r.node["cold"], factor: 1) {
                "\(fmt($0)) ms vs \(fmt($1)) ms (×\(fmtRatio($0 / $1)))"
            },
            check("sync API call ≤ 2× the Node peer's", r.inProcess["sync"], r.node["sync"], factor: 2) {
                "\(fmt($0)) µs vs \(fmt($1)) µs (×\(fmtRatio($0 / $1)))"
            },
            check("in-process memory per app ≤ 1.3× raw JavaScriptCore per VM", r.inProcess["memory"], r.inProcess["raw_jsc"], factor: 1.3) {
                "\(fmt($0)) KB vs \(fmt($1)) KB (×\(fmtRatio($0 / $1)))"
            },
        ]
    }

    var markdown: String {
        var out: [String] = []
        let header = ["figure (median)", "MiniHost in-process", "MiniHost process", "Node peer", "in-process ÷ peer", "process ÷ peer"]
        var table: [[String]] = []
        for row in rows {
            func text(_ c: Cell) -> String {
                switch c {
                case let .value(v): return v.isFinite ? "\(fmt(v)) \(row.unit)" : "—"
                case let .missing(why): return why
                }
            }
            func ratio(_ c: Cell) -> String {
                guard let a = c.number, let b = row.node.number, b > 0 else { return "—" }
                return "×" + fmtRatio(a / b)
            }
            table.append([row.label + (row.lowerIsBetter ? "" : " (higher is better)"), text(row.inProcess), text(row.process), text(row.node), ratio(row.inProcess), ratio(row.process)])
        }
        let widths = header.indices.map { i in ([header] + table).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { i, c in c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        out.append(line(header))
        out.append("| " + widths.map { String(repeating: "-", count: $0) }.joined(separator: " | ") + " |")
        for row in table { out.append(line(row)) }
        out.append("")
        for c in checks {
            let mark = c.passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a"
            out.append("- \(mark): \(c.name): \(c.detail)")
        }
        out.append("")
        out.append("Counts: cold start \(counts.runs) launches in-process and in the peer (pool of \(poolSize) prepared VMs), \(counts.processRuns) in process mode (pool of \(processPoolSize) workers; \(max(5, counts.processRuns / 3)) without); calls: \(counts.batches) batches of \(counts.calls) sync / \(counts.calls / 4) async in-process and in the peer, 15 batches of \(max(200, counts.calls / 10)) in process mode; memory: \(counts.apps) apps in-process, raw JSC and the peer, \(counts.processApps) workers (PSS each) in process mode (\(results.processAlive) alive when measured); dev tests: \(counts.tests); whole CLI: \(counts.cliRuns) runs each.")
        out.append("Machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.0f", machine.memoryGB)) GiB, Linux \(machine.kernel), \(machine.jsc), node: \(peerStatus). \(machine.date); load average \(machine.loadAverage) at the start, \(machineAfter) at the end.")
        return out.joined(separator: "\n")
    }

    var json: String {
        func cell(_ c: Cell) -> JSONValue {
            switch c {
            case let .value(v): return v.isFinite ? .number((v * 10000).rounded() / 10000) : .null
            case let .missing(why): return .object(["missing": .string(why)])
            }
        }
        func ratio(_ c: Cell, _ n: Cell) -> JSONValue {
            guard let a = c.number, let b = n.number, b > 0 else { return .null }
            return .number((a / b * 1000).rounded() / 1000)
        }
        let rowValues: [JSONValue] = rows.map { row in
            .object([
                "figure": .string(row.key), "label": .string(row.label), "unit": .string(row.unit),
                "lower_is_better": .bool(row.lowerIsBetter),
                "in_process": cell(row.inProcess), "process": cell(row.process), "node": cell(row.node),
                "in_process_ratio": ratio(row.inProcess, row.node), "process_ratio": ratio(row.process, row.node),
            ])
        }
        let checkValues: [JSONValue] = checks.map { c in
            .object(["check": .string(c.name), "passed": c.passed.map { .bool($0) } ?? .null, "detail": .string(c.detail)])
        }
        let machineValue: JSONValue = .object([
            "cpu": .string(machine.cpu), "cores": .number(Double(machine.cores)),
            "memory_gib": .number((machine.memoryGB * 10).rounded() / 10), "kernel": .string(machine.kernel),
            "javascriptcore": .string(machine.jsc), "node": .string(peerStatus), "date": .string(machine.date),
            "load_average_start": .string(machine.loadAverage), "load_average_end": .string(machineAfter),
        ])
        let countValue: JSONValue = .object([
            "cold_start_runs": .number(Double(counts.runs)), "process_cold_start_runs": .number(Double(counts.processRuns)),
            "apps": .number(Double(counts.apps)), "process_apps": .number(Double(counts.processApps)), "process_apps_alive": .number(Double(results.processAlive)),
            "calls_per_batch": .number(Double(counts.calls)), "batches": .number(Double(counts.batches)),
            "cli_runs": .number(Double(counts.cliRuns)), "tests": .number(Double(counts.tests)),
            "pool_size": .number(Double(poolSize)), "process_pool_size": .number(Double(processPoolSize)),
        ])
        return JSONValue.object(["rows": .array(rowValues), "checks": .array(checkValues), "machine": machineValue, "counts": countValue]).jsonText
    }
}

/// A figure with a sensible number of digits.
func fmt(_ v: Double) -> String {
    if !v.isFinite { return "—" }
    if abs(v) >= 100 { return String(format: "%.0f", v) }
    if abs(v) >= 10 { return String(format: "%.1f", v) }
    return String(format: "%.2f", v)
}

func fmtRatio(_ v: Double) -> String { v.isFinite ? String(format: v >= 10 ? "%.1f" : "%.2f", v) : "—" }
