import CloudClients
import FeatureRunner
import Foundation
import Provisioning
import Reports

/// `brickyard run --publish s3://BUCKET/PREFIX`: where the report goes and with which credentials.
struct Publishing {
    var destination: S3Location
    var endpoint: String?
    var profile: String?
    /// The `--emulator` the run used: publishing goes there unless told otherwise.
    var emulator: String?

    /// Publishes the run's report folder; prints where it went or why it did not.
    /// - Returns: Whether it was published.
    func publish(folder: String, runId: RunIdentifier, result: RunResult, target: String) async -> Bool {
        let s3: S3Client
        do {
            s3 = try await client()
        } catch {
            report("brickyard run: the report was not published (it is in \(folder)/): \(error)")
            return false
        }
        let entry = RunHistory.Entry(
            runId: runId.value, result: result, target: target, commit: Self.commit())
        do {
            let outcome = try await ReportPublisher(s3: s3, destination: destination).publish(
                folder: folder, entry: entry)
            report(
                "Published: \(destination)/\(runId.value)/ (\(outcome.keys.count) files); runs: s3://\(destination.bucket)/\(outcome.index)"
            )
            return true
        } catch {
            report("brickyard run: the report was not published (it is in \(folder)/): \(error)")
            return false
        }
    }

    private func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The S3 client: `--publish-endpoint`, else the `--emulator` being run against (with its credentials), else the
    /// AWS chain's (`AWS_ENDPOINT_URL_S3`/`AWS_ENDPOINT_URL` honoured).
    private func client() async throws -> S3Client {
        if endpoint == nil, profile == nil, let emulator, let url = URL(string: emulator) {
            return try await TargetResolver().connect(emulator: url).s3()
        }
        let environment = ProcessInfo.processInfo.environment
        let resolved = try AWSCredentialChain().resolve(profile: profile)
        let region = resolved.region ?? "us-east-1"
        let url =
            (endpoint ?? environment["AWS_ENDPOINT_URL_S3"] ?? environment["AWS_ENDPOINT_URL"]).flatMap(
                URL.init(string:))
            ?? URL(string: "https://s3.\(region).amazonaws.com")!
        return S3Client(endpoint: url, credentials: resolved.credentials, region: region)
    }

    static func describe(_ target: TargetOptions) -> String {
        if target.target == .live { return "live" }
        if let emulator = target.emulator { return "emulator \(emulator)" }
        return "emulator (in process)"
    }

    /// The commit under test: the CI's variable, else `git rev-parse HEAD`.
    static func commit() -> String? {
        let environment = ProcessInfo.processInfo.environment
        for name in ["GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT", "BUILD_VCS_NUMBER", "BUILDKITE_COMMIT"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "HEAD"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
