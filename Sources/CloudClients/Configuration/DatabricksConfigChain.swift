import Foundation

/// A Databricks host and its authentication, found the way the Databricks CLI and SDKs find them.
public struct ResolvedDatabricksConfig: Sendable {
    public var host: URL
    /// The account id, for the account API.
    public var accountId: String?
    public var authentication: DatabricksAuthentication
    /// Where it came from (`environment`, `profile staging in /home/me/.databrickscfg`); no secret.
    public var source: String
}

/// The standard Databricks configuration chain: environment variables (`DATABRICKS_HOST` with `DATABRICKS_TOKEN`, or
/// `DATABRICKS_CLIENT_ID` and `DATABRICKS_CLIENT_SECRET`; `DATABRICKS_ACCOUNT_ID`), then a profile
/// (the one asked for, `DATABRICKS_CONFIG_PROFILE`, or `DEFAULT`) of `~/.databrickscfg` (`DATABRICKS_CONFIG_FILE`).
public struct DatabricksConfigChain: ConfigurationChain {
    public var sources: ConfigurationSources

    public init(_ sources: ConfigurationSources) {
        self.sources = sources
    }

    private var configPath: String { sources.path("DATABRICKS_CONFIG_FILE", default: ".databrickscfg") }

    /// Finds a host and its credentials.
    /// - Parameter profile: a profile to use (`--databricks-profile`); when given, the environment is not used.
    /// - Throws: ``CredentialChainError`` naming every place looked at.
    public func resolve(profile: String? = nil) throws(CredentialChainError) -> ResolvedDatabricksConfig {
        var lookedAt: [String] = []
        if profile == nil {
            lookedAt.append("environment: DATABRICKS_HOST with DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID/SECRET")
            let values = [
                "host": value("DATABRICKS_HOST"), "token": value("DATABRICKS_TOKEN"),
                "client_id": value("DATABRICKS_CLIENT_ID"), "client_secret": value("DATABRICKS_CLIENT_SECRET"),
                "account_id": value("DATABRICKS_ACCOUNT_ID"),
            ].compactMapValues { $0 }
            if let resolved = try Self.config(values, source: "environment") { return resolved }
        }
        let name = profile ?? value("DATABRICKS_CONFIG_PROFILE") ?? "DEFAULT"
        lookedAt.append("\(configPath) [\(name)]")
        guard let file = sources.iniFile(at: configPath), let values = file[section: name] else {
            let message =
                profile != nil || value("DATABRICKS_CONFIG_PROFILE") != nil
                ? "the Databricks profile '\(name)' does not exist" : "no Databricks configuration was found"
            throw CredentialChainError(message: message, lookedAt: lookedAt)
        }
        guard let resolved = try Self.config(values, source: "profile \(name) in \(configPath)") else {
            throw CredentialChainError(
                message: "the Databricks profile '\(name)' needs host and token, or host, client_id and client_secret",
                lookedAt: lookedAt)
        }
        return resolved
    }

    private static func config(
        _ values: [String: String], source: String
    ) throws(CredentialChainError)
        -> ResolvedDatabricksConfig?
    {
        guard let hostText = values["host"] else { return nil }
        let authentication: DatabricksAuthentication
        if let token = values["token"] {
            authentication = .token(token)
        } else if let clientId = values["client_id"], let secret = values["client_secret"] {
            authentication = .oauth(clientId: clientId, clientSecret: secret)
        } else {
            return nil
        }
        let normalized = hostText.contains("://") ? hostText : "https://\(hostText)"
        guard let host = URL(string: normalized), host.host != nil else {
            throw CredentialChainError(message: "\(source): host '\(hostText)' is not a URL", lookedAt: [source])
        }
        return ResolvedDatabricksConfig(
            host: host, accountId: values["account_id"], authentication: authentication, source: source)
    }
}
