/// The versions `minihost --version` shows: MiniHost's own and the WeChat it answers as.
public enum HostVersion {
    public static let minihost = "0.1.0"
    /// What `getSystemInfo` reports as `version` and `SDKVersion`.
    public static var weChat: String { SystemInfo.weChatVersion }
    public static var baseLibrary: String { SystemInfo.sdkVersion }
}
