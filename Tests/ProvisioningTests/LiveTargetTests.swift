import CloudClients
import Emulator
import FeatureRunner
import Foundation
import Testing

@testable import Provisioning

/// The live target's code path (credential chains, real-endpoint naming, tagging, teardown, sweep) against an
/// emulator standing in for AWS and Databricks: profiles in a temporary home directory, `AWS_ENDPOINT_URL` and the
/// Databricks profile's host pointing at it.
@Suite("Live target against a stand-in")
struct LiveTargetTests {
    static let feature = """
        Feature: live
          Scenario: everything a staging account gets
            Given an S3 bucket "data" with versioning enabled
            And an IAM role "reader" trusted by service "ec2.amazonaws.com"
            And role "reader" has managed policy "AmazonS3ReadOnlyAccess"
            And an instance profile "reader" for role "reader"
            And a Kinesis stream "events" with 1 shard
            And a Databricks workspace "main"
            When I put object "a.txt" into bucket "data" with content "hello"
            And I put 10 records into stream "events"
            Then bucket "data" has object "a.txt" with content "hello"
            And stream "events" holds 10 records
            And principal "reader" is allowed to "s3:GetObject" on "arn:aws:s3:::${bucket:data}/a.txt"

          @emulator-only
          Scenario: not for live endpoints
            Given an S3 bucket "never"
        """

    /// A stand-in emulator and a home directory with `staging` profiles for it.
    struct StandIn {
        let emulator: Emulator
        let home: URL

        static func start() async throws -> StandIn {
            let emulator = try await Emulator.start()
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
            try "[staging]\naws_access_key_id = test\naws_secret_access_key = test\n".write(
                to: home.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8)
            try "[profile staging]\nregion = us-east-1\n".write(
                to: home.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
            let databricks = emulator.configuration.databricks
            try """
            [staging]
            host = \(emulator.endpoint.absoluteString)
            account_id = \(databricks.accountId)
            client_id = \(databricks.clientId)
            client_secret = \(databricks.clientSecret)

            """.write(to: home.appendingPathComponent(".databrickscfg"), atomically: true, encoding: .utf8)
            return StandIn(emulator: emulator, home: home)
        }

        func options(keep: Bool = false) -> ProvisioningOptions {
            var options = ProvisioningOptions(
                target: .live(awsProfile: "staging", databricksProfile: "staging"), keep: keep)
            options.sources = sources
            options.messages = FileHandle.nullDevice
            return options
        }

        /// The stand-in's environment and the temporary home.
        var sources: ConfigurationSources {
            ConfigurationSources(
                environment: ["AWS_ENDPOINT_URL": emulator.endpoint.absoluteString], homeDirectory: home.path)
        }

        var session: CloudSession {
            get async throws {
                try await TargetResolver(sources).live(awsProfile: "staging", databricksProfile: "staging")
            }
        }

        /// Everything with Brickyard's prefix that exists on the stand-in.
        func leftovers() async throws -> [String] {
            let session = try await self.session
            var names = try await session.s3().listBuckets().map(\.name)
            names += try await session.iam().listRoles().map(\.name)
            names += try await session.iam().listInstanceProfiles().map(\.name)
            for stream in try await session.kinesis().listStreams() {
                // A stream being deleted is on its way out.
                if try await session.kinesis().describeStreamSummary(name: stream).status != "DELETING" {
                    names.append(stream)
                }
            }
            return names.filter { $0.hasPrefix("by-") }
        }

        func stop() async {
            await emulator.shutdown()
            try? FileManager.default.removeItem(at: home)
        }
    }

    @Test("a live run creates tagged resources under run-unique names and tears them all down")
    func liveRun() async throws {
        let standIn = try await StandIn.start()
        defer { Task { await standIn.stop() } }
        let harness = FeatureHarness(standIn.options())
        let result = try await harness.execute(Self.feature)
        await harness.run.finish()
        #expect(FeatureHarness.failures(result).isEmpty, "\(FeatureHarness.failures(result))")
        #expect(result.testCases.map(\.status) == [.passed, .skipped])
        #expect(try await standIn.leftovers().isEmpty)
        // The workspace went too (and its configurations).
        let session = try await standIn.session
        let workspaces = try await session.databricksAccount().list("\(session.accountPath)/workspaces")
        #expect(workspaces.isEmpty)
        let credentials = try await session.databricksAccount().list("\(session.accountPath)/credentials")
        #expect(credentials.isEmpty)
    }

    @Test("--keep leaves the tagged resources, and sweep finds and deletes them")
    func keepThenSweep() async throws {
        let standIn = try await StandIn.start()
        defer { Task { await standIn.stop() } }
        let options = standIn.options(keep: true)
        let harness = FeatureHarness(options)
        let result = try await harness.execute(Self.feature)
        let kept = await harness.run.keptResources
        await harness.run.finish()
        #expect(result.testCases.first?.status == .passed)
        #expect(kept.count >= 8)
        let leftovers = try await standIn.leftovers()
        #expect(leftovers.count == 6, "\(leftovers)")
        let session = try await standIn.session
        let bucket = try #require(leftovers.first { $0.hasPrefix("by-data-") })
        #expect(try await session.s3().bucketTagging(bucket)["brickyard:run-id"] == options.runId.value)
        let keptWorkspaces = try await session.databricksAccount().list("\(session.accountPath)/workspaces")
        let tags = keptWorkspaces.first?["custom_tags"] as? [String: String]
        #expect(tags?["brickyard:run-id"] == options.runId.value)

        // A recent run is not swept by age; a dry run by id lists without deleting.
        let young = await Sweeper(session: session, olderThan: 6 * 3600).sweep()
        #expect(young.swept.isEmpty)
        let dry = await Sweeper(session: session, olderThan: 0, runId: options.runId.value, dryRun: true).sweep()
        #expect(dry.swept.count >= 8, "\(dry.swept)")
        #expect(try await standIn.leftovers().count == 6)

        let swept = await Sweeper(session: session, olderThan: 0, runId: options.runId.value).sweep()
        #expect(swept.failures.isEmpty, "\(swept.failures)")
        #expect(try await standIn.leftovers().isEmpty)
        let workspaces = try await session.databricksAccount().list("\(session.accountPath)/workspaces")
        #expect(workspaces.isEmpty)
    }

    @Test("without usable credentials a live run stops before creating anything and says where it looked")
    func noCredentials() async throws {
        let standIn = try await StandIn.start()
        defer { Task { await standIn.stop() } }
        var options = standIn.options()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        options.sources.homeDirectory = empty.path
        let harness = FeatureHarness(options)
        await #expect {
            _ = try await harness.run.start()
        } throws: { error in
            let text = String(describing: error)
            return text.contains("no usable AWS credentials") && text.contains("'staging' does not exist")
                && text.contains("\(empty.path)/.aws/credentials")
        }
        let result = try await harness.execute(Self.feature)
        #expect(result.runHookFailures.count == 1)
        #expect(result.testCases.allSatisfy { $0.status != .passed })
        #expect(try await standIn.leftovers().isEmpty)
    }

    @Test("--emulator URL connects to a running emulator")
    func emulatorURL() async throws {
        let emulator = try await Emulator.start()
        defer { Task { await emulator.shutdown() } }
        // --keep, so that the workspace is still there to show where it was made.
        var options = ProvisioningOptions(target: .emulator(emulator.endpoint), keep: true)
        options.messages = FileHandle.nullDevice
        let harness = FeatureHarness(options)
        let result = try await harness.execute(
            """
            Feature: remote
              Scenario: a workspace on a running emulator
                Given a Databricks workspace "main"
                Then workspace "main" is RUNNING
            """)
        #expect(await harness.run.inProcessEmulator == nil)
        await harness.run.finish()
        #expect(result.testCases.first?.status == .passed, "\(FeatureHarness.failures(result))")
        #expect(emulator.databricksWorkspaces.map { $0.name.hasPrefix("by-main-") } == [true])
    }
}
