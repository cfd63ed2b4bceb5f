/// A chain that finds credentials in a ``ConfigurationSources``: the AWS and Databricks chains.
public protocol ConfigurationChain: Sendable {
    /// Where it looks.
    var sources: ConfigurationSources { get }

    /// A chain over these sources.
    init(_ sources: ConfigurationSources)
}

extension ConfigurationChain {
    /// A chain over this process's environment and home directory.
    public init() {
        self.init(.current)
    }

    /// A chain over an environment and a home directory (tests give a temporary one).
    public init(environment: [String: String], homeDirectory: String) {
        self.init(ConfigurationSources(environment: environment, homeDirectory: homeDirectory))
    }

    /// A variable's value; an empty one counts as unset.
    func value(_ name: String) -> String? { sources.value(name) }
}
