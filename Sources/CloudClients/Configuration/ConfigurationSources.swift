import Foundation

/// Where the credential chains look: the environment and the home directory `~` stands for, and the files in it.
/// One value for the AWS chain, the Databricks chain and whoever resolves targets, so that tests give all of them a
/// temporary home and environment at once.
public struct ConfigurationSources: Sendable, Hashable {
    /// The environment variables.
    public var environment: [String: String]
    /// The home directory.
    public var homeDirectory: String

    public init(environment: [String: String], homeDirectory: String) {
        self.environment = environment
        self.homeDirectory = homeDirectory
    }

    /// This process's environment, and `$HOME` (as the SDKs and CLIs read it) or else the user's home directory.
    public static var current: ConfigurationSources {
        let environment = ProcessInfo.processInfo.environment
        return ConfigurationSources(
            environment: environment,
            homeDirectory: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
    }

    /// A variable's value; an empty one counts as unset.
    public func value(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The path a variable names, else a path under the home directory (`.aws/credentials`).
    public func path(_ variable: String, default relative: String) -> String {
        value(variable) ?? (homeDirectory as NSString).appendingPathComponent(relative)
    }

    /// An INI file's sections, or `nil` when it cannot be read.
    public func iniFile(at path: String) -> INIFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return INIFile(String(decoding: data, as: UTF8.self))
    }
}
