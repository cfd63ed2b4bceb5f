import Foundation

/// AWS credentials and region found the way the AWS CLI and SDKs find them.
public struct ResolvedAWSCredentials: Sendable, Hashable {
    public var credentials: AWSCredentials
    /// The region, when the environment or the profile names one.
    public var region: String?
    /// Where the credentials came from (`environment`, `profile staging in /home/me/.aws/credentials`); no secret.
    public var source: String
}

/// The standard AWS credential chain, without the network: environment variables (`AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), then the profile (`AWS_PROFILE`, or the one asked for, or
/// `default`) of the shared credentials file (`~/.aws/credentials`, `AWS_SHARED_CREDENTIALS_FILE`) and of the config
/// file (`~/.aws/config` with `[profile NAME]` sections, `AWS_CONFIG_FILE`). The region comes from `AWS_REGION`,
/// `AWS_DEFAULT_REGION` or the profile's `region`.
public struct AWSCredentialChain: ConfigurationChain {
    public var sources: ConfigurationSources

    public init(_ sources: ConfigurationSources) {
        self.sources = sources
    }

    private var credentialsPath: String { sources.path("AWS_SHARED_CREDENTIALS_FILE", default: ".aws/credentials") }

    private var configPath: String { sources.path("AWS_CONFIG_FILE", default: ".aws/config") }

    /// Finds credentials.
    /// - Parameter profile: a profile to use (`--aws-profile`); when given, the environment's keys are not used.
    /// - Throws: ``CredentialChainError`` naming every place looked at.
    public func resolve(profile: String? = nil) throws(CredentialChainError) -> ResolvedAWSCredentials {
        var lookedAt: [String] = []
        let environmentRegion = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION")
        if profile == nil {
            lookedAt.append("environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
            if let keyId = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") {
                return ResolvedAWSCredentials(
                    credentials: AWSCredentials(
                        accessKeyId: keyId, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN")),
                    region: environmentRegion, source: "environment")
            }
        }
        let name = profile ?? value("AWS_PROFILE") ?? "default"
        let credentialsFile = sources.iniFile(at: credentialsPath)
        let configFile = sources.iniFile(at: configPath)
        let fromCredentials = credentialsFile?[section: name]
        let fromConfig = configFile?[section: name == "default" ? "default" : "profile \(name)"]
        lookedAt.append("\(credentialsPath) [\(name)]")
        lookedAt.append("\(configPath) [\(name == "default" ? "default" : "profile \(name)")]")
        let region = environmentRegion ?? fromConfig?["region"] ?? fromCredentials?["region"]
        for (values, path) in [(fromCredentials, credentialsPath), (fromConfig, configPath)] {
            guard let values, let keyId = values["aws_access_key_id"], let secret = values["aws_secret_access_key"]
            else { continue }
            return ResolvedAWSCredentials(
                credentials: AWSCredentials(
                    accessKeyId: keyId, secretAccessKey: secret, sessionToken: values["aws_session_token"]),
                region: region, source: "profile \(name) in \(path)")
        }
        if fromCredentials == nil && fromConfig == nil && (profile != nil || value("AWS_PROFILE") != nil) {
            throw CredentialChainError(message: "the AWS profile '\(name)' does not exist", lookedAt: lookedAt)
        }
        throw CredentialChainError(message: "no AWS credentials were found", lookedAt: lookedAt)
    }
}
