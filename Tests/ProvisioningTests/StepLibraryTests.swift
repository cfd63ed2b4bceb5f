import FeatureRunner
import Foundation
import Testing

@testable import Provisioning

@Suite("The provisioning step library")
struct StepLibraryTests {
    let library = ProvisioningSteps.library(ProvisioningRun())

    /// The phrases the issue asks for, exactly.
    static let required = [
        "an S3 bucket {string}", "an S3 bucket {string} with versioning enabled",
        "an S3 bucket {string} prepared as a Databricks root bucket",
        "I put object {string} into bucket {string} with content {string}",
        "bucket {string} has object {string} with content {string}", "bucket {string} has no object {string}",
        "bucket {string} has this policy:", "an IAM role {string} trusted by service {string}",
        "an IAM role {string} trusted by account {string} with external id {string}",
        "role {string} has managed policy {string}", "role {string} has this inline policy {string}:",
        "an instance profile {string} for role {string}", "principal {string} is allowed to {string} on {string}",
        "principal {string} is denied to {string} on {string}", "a Kinesis stream {string} with {int} shard(s)",
        "I put {int} records into stream {string}", "stream {string} holds {int} records",
        "a Databricks workspace {string}", "a Databricks workspace {string} with a customer-managed VPC",
        "I create a Databricks workspace {string} from role {string} and root bucket {string}",
        "workspace {string} is {word}", "workspace {string} failed with a message containing {string}",
        "the cross-account role of workspace {string} may pass role {string}",
        "I register instance profile {string} in workspace {string}",
        "registering instance profile {string} in workspace {string} fails with {string}",
        "I create a cluster {string} in workspace {string}",
        "I create a cluster {string} in workspace {string} with instance profile {string}",
        "cluster {string} in workspace {string} is {word}",
        "I put secret {string} with value {string} in scope {string} of workspace {string}",
        "scope {string} of workspace {string} lists secret {string}",
        "I import notebook {string} into workspace {string}:", "I run notebook {string} as a job in workspace {string}",
        "the last job run in workspace {string} is {word}",
    ]

    @Test("every phrase of the issue is there, exactly")
    func requiredPhrases() {
        let patterns = Set(library.definitions.map(\.pattern.source))
        for phrase in Self.required {
            #expect(patterns.contains(phrase), "missing step: \(phrase)")
        }
    }

    @Test("every step has a summary and an example that matches it and nothing else")
    func examplesMatch() async throws {
        var english = "Feature: examples\n  Scenario: all\n"
        var japanese = "# language: ja\n機能: 例\n  シナリオ: すべて\n"
        for definition in library.definitions {
            #expect(definition.summary?.isEmpty == false, "\(definition.pattern.source) has no summary")
            let example = try #require(definition.example, "\(definition.pattern.source) has no example")
            let lines = example.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
            if example.unicodeScalars.first.map({ $0.value > 0x2E80 }) == true {
                japanese += lines
            } else {
                english += lines
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try english.write(to: directory.appendingPathComponent("en.feature"), atomically: true, encoding: .utf8)
        try japanese.write(to: directory.appendingPathComponent("ja.feature"), atomically: true, encoding: .utf8)
        let result = try await FeatureRun(
            library: library, targets: [directory.path], options: ExecutionOptions(dryRun: true)
        ).execute()
        #expect(result.sources.allSatisfy { $0.errors.isEmpty })
        let steps = result.testCases.flatMap { $0.finalAttempt.steps.filter(\.kind.isStep) }
        #expect(steps.count == library.definitions.count)
        for step in steps {
            #expect(step.status == .skipped, "\(step.text): \(step.status)")
        }
    }
}
