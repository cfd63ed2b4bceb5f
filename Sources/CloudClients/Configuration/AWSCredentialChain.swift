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
public struct AWSCredentialChain: Sendable {
    public var environment: [String: String]
    public var homeDirectory: String

    /// The home directory `~` stands for: `$HOME`, as the SDKs and the CLIs read it, else the user's.
    public static var defaultHomeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        homeDirectory: String = AWSCredentialChain.defaultHomeDirectory
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
    }

    private func value(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    private var credentialsPath: String {
        value("AWS_SHARED_CREDENTIALS_FILE") ?? (homeDirectory as NSString).appendingPathComponent(".aws/credentials")
    }

    private var configPath: String {
        value("AWS_CONFIG_FILE") ?? (homeDirectory as NSString).appendingPathComponent(".aws/config")
    }

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
        let credentialsFile = Self.read(credentialsPath)
        let configFile = Self.read(configPath)
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

    static func read(_ path: String) -> INIFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return INIFile(String(decoding: data, as: UTF8.self))
    }
}
