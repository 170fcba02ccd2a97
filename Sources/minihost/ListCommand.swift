import ArgumentParser
import Foundation
import MiniHostCore

/// `minihost list`: the catalogue of installed apps.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the apps in the catalogue (manifests/).",
        discussion: ExitStatus.list([(0, "the catalogue was listed (an invalid manifest is listed as INVALID, a missing catalogue as empty)")]))

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var targetOptions: TargetOptions

    func run() throws {
        let entries = Catalogue.list(targetOptions.catalogueURL)
        if json {
            let items: [[String: Any]] = entries.map { e in
                var d: [String: Any] = ["file": e.file.path, "valid": e.problems.isEmpty]
                if let m = e.manifest {
                    d["app_id"] = m.appId
                    d["name"] = m.name
                    if let v = m.version { d["version"] = v.name }
                }
                if !e.problems.isEmpty { d["problems"] = e.problems.map(\.description) }
                return d
            }
            let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        if entries.isEmpty {
            print("no apps in \(targetOptions.catalogueURL.path)")
            return
        }
        for e in entries {
            if let m = e.manifest, e.problems.isEmpty {
                print("\(m.appId)\t\(m.version?.name ?? "-")\t\(m.name)")
            } else {
                print("\(e.file.lastPathComponent)\tINVALID\t\(e.problems.first?.description ?? "")")
            }
        }
    }
}
