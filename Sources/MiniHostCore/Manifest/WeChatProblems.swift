import Foundation

/// Where a problem of the manifest a WeChat project amounts to lies in the project's own files:
/// the app id, name, limits and the rest come from `project.config.json` (its `appid`,
/// `projectname` or `minihost` section), so their problems name that file and field.
extension WeChatProject {
    /// `error` with each problem moved to the file and field the value came from.
    func located(_ error: ManifestError) -> ManifestError {
        let declared = (try? declaredPermissions().count) ?? 0
        return ManifestError(problems: error.problems.map { located($0, declaredPermissions: declared) })
    }

    private func located(_ problem: ManifestProblem, declaredPermissions declared: Int) -> ManifestProblem {
        guard let field = problem.field else { return problem }
        let top = String(field.prefix { $0 != "." && $0 != "[" })
        let rest = String(field.dropFirst(top.count))
        let section = minihostSection
        func inConfig(_ field: String) -> ManifestProblem {
            ManifestProblem(file: projectConfigShown, field: field, message: problem.message)
        }
        switch top {
        case "app_id":
            if section["app_id"] != nil { return inConfig("minihost.app_id") }
            return projectConfig["appid"] != nil ? inConfig("appid" + rest) : problem
        case "name":
            if section["name"] != nil { return inConfig("minihost.name") }
            return projectConfig["projectname"] != nil ? inConfig("projectname" + rest) : problem
        case "version", "limits", "opt_permissions", "merchant", "digest", "platform_version":
            return section[top] != nil ? inConfig("minihost." + field) : problem
        case "req_permissions":
            // The declarations of app.json come first, then the section's own.
            guard rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
                  let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= declared else { return problem }
            return inConfig("minihost.req_permissions[\(index - declared)]" + rest[rest.index(after: close)...])
        default:
            return problem
        }
    }
}
