import Foundation
import Testing

@testable import Provisioning

/// `--keep`'s clean-up hints, rendered for the target the resources live on, and the sweep that takes them all.
@Suite struct CleanupCommandTests {
    @Test func awsCommandsNameTheEmulatorOrTheProfile() {
        let bucket = CleanupCommand.aws("s3", "rb", "s3://by-root-1", "--force")
        let emulator = CleanupCommand.Context(emulator: URL(string: "http://127.0.0.1:4566"))
        #expect(
            bucket.rendered(in: emulator) == "aws --endpoint-url http://127.0.0.1:4566 s3 rb s3://by-root-1 --force")
        #expect(
            bucket.rendered(in: CleanupCommand.Context(awsProfile: "staging"))
                == "aws --profile staging s3 rb s3://by-root-1 --force")
        let profile = CleanupCommand.aws([
            ["iam", "remove-role-from-instance-profile", "--instance-profile-name", "p", "--role-name", "r"],
            ["iam", "delete-instance-profile", "--instance-profile-name", "p"],
        ])
        #expect(profile.rendered(in: .init()).contains(" && aws iam delete-instance-profile"))
    }

    @Test func databricksCommandsNameTheirHost() {
        let context = CleanupCommand.Context(
            emulator: URL(string: "http://127.0.0.1:4566"), accountHost: "http://127.0.0.1:4566",
            accountId: "0d1e-acct")
        #expect(
            CleanupCommand.databricksAccount(["workspaces", "delete", "42"]).rendered(in: context)
                == "DATABRICKS_HOST=http://127.0.0.1:4566 DATABRICKS_ACCOUNT_ID=0d1e-acct databricks account workspaces delete 42"
        )
        #expect(
            CleanupCommand.databricksWorkspace(
                host: "http://ws.localhost:4566", ["clusters", "permanent-delete", "c-1"]
            )
            .rendered(in: context)
                == "DATABRICKS_HOST=http://ws.localhost:4566 databricks clusters permanent-delete c-1")
        #expect(
            CleanupCommand.databricksAccount(["storage", "delete", "s-1"])
                .rendered(in: CleanupCommand.Context(databricksProfile: "acct"))
                == "databricks account storage delete s-1 --profile acct")
    }

    @Test func keptResourcesOnAnEmulatorComeWithItsEndpointAndOneSweep() async throws {
        let url = try #require(URL(string: "http://127.0.0.1:4566"))
        var options = ProvisioningOptions(target: .emulator(url), keep: true)
        options.command = .init(words: ["swift", "run", "brickyard"])
        let run = ProvisioningRun(options)
        let ledger = ResourceLedger()
        ledger.record(
            .bucket, logical: "root", physical: "by-root-1", cleanup: .aws("s3", "rb", "s3://by-root-1", "--force")
        ) {}
        _ = await run.finish(ledger)
        let text = await run.keptText()
        #expect(text.contains("aws --endpoint-url http://127.0.0.1:4566 s3 rb s3://by-root-1 --force"))
        #expect(
            text.contains(
                "Delete them all with: swift run brickyard sweep --emulator http://127.0.0.1:4566 --run-id \(options.runId)"
            ))
    }
}
