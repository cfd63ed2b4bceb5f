import CloudClients
import Foundation
import Testing

/// The AWS and Databricks credential chains, on home directories made for each test.
@Suite struct CredentialChainTests {
    /// A home directory with the given files.
    static func home(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-home-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.path
    }

    static let awsFiles = [
        ".aws/credentials": """
        # comment
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = default-secret

        [staging]
        aws_access_key_id=AKIASTAGING
        aws_secret_access_key=staging-secret
        aws_session_token = staging-token
        """,
        ".aws/config": """
        [default]
        region = us-east-1
        [profile staging]
        region = eu-west-1
        [profile config-only]
        aws_access_key_id = AKIACONFIG
        aws_secret_access_key = config-secret
        region = ap-northeast-1
        """,
    ]

    @Test func theEnvironmentComesFirst() throws {
        let chain = AWSCredentialChain(
            environment: [
                "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_REGION": "us-west-2",
            ],
            homeDirectory: try Self.home(Self.awsFiles))
        let resolved = try chain.resolve()
        #expect(resolved.credentials == AWSCredentials(accessKeyId: "AKIAENV", secretAccessKey: "env-secret"))
        #expect(resolved.region == "us-west-2")
        #expect(resolved.source == "environment")
        // An explicit profile wins over the environment's keys.
        #expect(try chain.resolve(profile: "staging").credentials.accessKeyId == "AKIASTAGING")
    }

    @Test func profilesComeFromTheCredentialsAndConfigFiles() throws {
        let home = try Self.home(Self.awsFiles)
        let byDefault = try AWSCredentialChain(environment: [:], homeDirectory: home).resolve()
        #expect(byDefault.credentials.accessKeyId == "AKIADEFAULT")
        #expect(byDefault.region == "us-east-1")
        let staging = try AWSCredentialChain(environment: ["AWS_PROFILE": "staging"], homeDirectory: home).resolve()
        #expect(staging.credentials.sessionToken == "staging-token")
        #expect(staging.region == "eu-west-1")
        #expect(staging.source.hasPrefix("profile staging in "))
        let configOnly = try AWSCredentialChain(environment: [:], homeDirectory: home).resolve(profile: "config-only")
        #expect(configOnly.credentials.accessKeyId == "AKIACONFIG")
        #expect(configOnly.region == "ap-northeast-1")
    }

    @Test func missingCredentialsSayWhereTheyWereLookedFor() throws {
        let home = try Self.home([:])
        let error = try #require(throws: CredentialChainError.self) {
            try AWSCredentialChain(environment: [:], homeDirectory: home).resolve()
        }
        #expect(error.message == "no AWS credentials were found")
        #expect(error.lookedAt.first == "environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        #expect(error.description.contains(".aws/credentials [default]"))
        let unknown = try #require(throws: CredentialChainError.self) {
            try AWSCredentialChain(environment: [:], homeDirectory: try Self.home(Self.awsFiles)).resolve(
                profile: "nope")
        }
        #expect(unknown.message == "the AWS profile 'nope' does not exist")
        #expect(!unknown.description.contains("secret"))
    }

    @Test func databricksEnvironmentAndProfiles() throws {
        let home = try Self.home([
            ".databrickscfg": """
            [DEFAULT]
            host = https://dbc-123.cloud.databricks.com
            token = dapi-default

            [account]
            host = accounts.cloud.databricks.com
            account_id = 0d6f3c6e-0000-4000-8000-000000000000
            client_id = sp-id
            client_secret = sp-secret

            [broken]
            host = https://example.com
            """
        ])
        let fromEnvironment = try DatabricksConfigChain(
            environment: ["DATABRICKS_HOST": "http://127.0.0.1:4566", "DATABRICKS_TOKEN": "dapi-env"],
            homeDirectory: home
        ).resolve()
        #expect(fromEnvironment.host.absoluteString == "http://127.0.0.1:4566")
        #expect(fromEnvironment.source == "environment")
        let byDefault = try DatabricksConfigChain(environment: [:], homeDirectory: home).resolve()
        guard case .token(let token) = byDefault.authentication else {
            Issue.record("not a token")
            return
        }
        #expect(token == "dapi-default")
        let account = try DatabricksConfigChain(
            environment: ["DATABRICKS_CONFIG_PROFILE": "account"], homeDirectory: home
        )
        .resolve()
        #expect(account.host.absoluteString == "https://accounts.cloud.databricks.com")
        #expect(account.accountId == "0d6f3c6e-0000-4000-8000-000000000000")
        guard case .oauth(let clientId, _) = account.authentication else {
            Issue.record("not OAuth")
            return
        }
        #expect(clientId == "sp-id")
        let broken = try #require(throws: CredentialChainError.self) {
            try DatabricksConfigChain(environment: [:], homeDirectory: home).resolve(profile: "broken")
        }
        #expect(broken.message.contains("needs host and token"))
        let missing = try #require(throws: CredentialChainError.self) {
            try DatabricksConfigChain(environment: [:], homeDirectory: try Self.home([:])).resolve()
        }
        #expect(missing.message == "no Databricks configuration was found")
    }

    @Test func iniFilesAreReadAsTheToolsWriteThem() {
        let file = INIFile(
            "; a comment\n[one]\nkey = value = with equals\n  spaced  =  x  \n[two]\nk=v\nstray line\n[one]\nk=2\n")
        #expect(file.sectionNames == ["one", "two", "one"])
        #expect(file[section: "one"] == ["k": "2"])
        #expect(file[section: "two"] == ["k": "v"])
        #expect(file.sections[0].values == ["key": "value = with equals", "spaced": "x"])
    }
}
