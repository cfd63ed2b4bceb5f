import FeatureRunner
import Foundation

/// How a person deletes a kept resource by hand, as a command of the AWS CLI or the Databricks CLI; rendered for the
/// target it was made on (the emulator's `--endpoint-url`, the live profile), so that `--keep`'s hints can be pasted.
public enum CleanupCommand: Sendable, Hashable {
    /// `aws ARGUMENTS...` (several commands when one resource needs them, run in order).
    case aws([[String]])
    /// `databricks account ARGUMENTS...` against the account host.
    case databricksAccount([String])
    /// `databricks ARGUMENTS...` against a workspace's host.
    case databricksWorkspace(host: String, [String])
    /// A request the scenario asked the teardown to send (`I clean up with a DELETE request to ...`), described.
    case request(String)
    /// Nothing to delete, and why.
    case nothing(String)

    /// One AWS CLI command.
    public static func aws(_ arguments: String...) -> CleanupCommand { .aws([arguments]) }

    /// Where the commands are to run.
    public struct Context: Sendable {
        /// The emulator's URL, when the resources live in one.
        public var emulator: URL?
        public var awsProfile: String?
        public var databricksProfile: String?
        /// The account's host and id, for `databricks account` commands.
        public var accountHost: String?
        public var accountId: String?

        public init(
            emulator: URL? = nil, awsProfile: String? = nil, databricksProfile: String? = nil,
            accountHost: String? = nil, accountId: String? = nil
        ) {
            self.emulator = emulator
            self.awsProfile = awsProfile
            self.databricksProfile = databricksProfile
            self.accountHost = accountHost
            self.accountId = accountId
        }
    }

    /// The command line(s), words quoted for a POSIX shell.
    public func rendered(in context: Context) -> String {
        let quote = ShellQuoting.quote
        switch self {
        case .aws(let commands):
            var prefix = ["aws"]
            if let emulator = context.emulator { prefix += ["--endpoint-url", emulator.absoluteString] }
            if let profile = context.awsProfile { prefix += ["--profile", profile] }
            return commands.map { (prefix + $0).map(quote).joined(separator: " ") }.joined(separator: " && ")
        case .databricksAccount(let arguments):
            // A live profile names host, account and credentials; otherwise the environment does.
            if let profile = context.databricksProfile {
                return (["databricks", "account"] + arguments + ["--profile", profile]).map(quote).joined(
                    separator: " ")
            }
            var environment: [String] = []
            if let host = context.accountHost { environment.append("DATABRICKS_HOST=\(quote(host))") }
            if let id = context.accountId { environment.append("DATABRICKS_ACCOUNT_ID=\(quote(id))") }
            return (environment + (["databricks", "account"] + arguments).map(quote)).joined(separator: " ")
        case .databricksWorkspace(let host, let arguments):
            return (["DATABRICKS_HOST=\(quote(host))"] + (["databricks"] + arguments).map(quote)).joined(separator: " ")
        case .request(let summary):
            // A shell comment: pasted, it does nothing wrong.
            return "# the scenario's clean-up request, to send by hand: \(summary)"
        case .nothing(let reason):
            return "# nothing to delete: \(reason)"
        }
    }
}
