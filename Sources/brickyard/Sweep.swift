import ArgumentParser
import Foundation
import Provisioning

/// `brickyard sweep`: deletes what crashed runs left behind.
struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find and delete the resources runs left behind (tagged brickyard:run-id, named by-...).",
        discussion: """
            Buckets, IAM roles, instance profiles and Kinesis streams are recognised by their brickyard:run-id tag, \
            Databricks account objects (workspaces, networks, VPC endpoints, private access settings, storage and \
            credentials configurations) by their by- name prefix and creation time. Say where: --target live (with \
            --aws-profile/--databricks-profile) or --emulator URL. On an emulator every run's resources are taken \
            unless --older-than says otherwise (what --keep left there is found at once); live, runs of the last \
            6 hours are left alone (they may still be running), and the count of what was left alone is printed.
            """
    )

    @OptionGroup var targetOptions: TargetOptions

    @Option(help: "Only resources of runs older than this (30m, 6h, 2d; default: 6h live, any age on an emulator).")
    var olderThan: String?

    @Option(help: "Only the resources of this run (as printed by --keep), whatever its age.")
    var runId: String?

    @Flag(help: "List what would be deleted, delete nothing.")
    var dryRun = false

    func validate() throws {
        if let olderThan, Self.seconds(olderThan) == nil {
            throw ValidationError("--older-than takes a number with s, m, h or d (6h)")
        }
        if let runId, RunIdentifier(runId) == nil {
            throw ValidationError("--run-id takes a run id such as 20261123-140512-a3f9")
        }
        if targetOptions.provisioningTarget == .inProcessEmulator {
            throw ValidationError("say what to sweep: --target live, or --emulator URL")
        }
    }

    /// Live, the runs of the last 6 hours may still be running.
    static let liveDefaultAge = 6.0 * 3600

    static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let number = Double(text.dropLast()), number >= 0 else { return nil }
        switch unit {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86400
        default: return nil
        }
    }

    func run() async throws {
        let session: CloudSession
        do {
            session = try await TargetResolver().session(for: targetOptions.provisioningTarget)
        } catch {
            FileHandle.standardError.write(Data("brickyard sweep: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let age = olderThan.flatMap(Self.seconds) ?? (targetOptions.target == .live ? Self.liveDefaultAge : nil)
        let sweeper = Sweeper(session: session, olderThan: age, runId: runId, dryRun: dryRun)
        let report = await sweeper.sweep()
        var text = "Sweeping \(session.description)\n"
        for leftover in report.swept { text += (dryRun ? "would delete " : "deleted ") + "\(leftover)\n" }
        for (leftover, error) in report.failures { text += "could not delete \(leftover): \(error)\n" }
        text += "\(report.swept.count) \(dryRun ? "to delete" : "deleted"), \(report.failures.count) failed\n"
        if report.younger > 0 {
            text +=
                "\(report.younger) of Brickyard's resources belong to runs younger than \(olderThan ?? "6h") and were "
            text += "left alone (--older-than 0s, or --run-id, takes them)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
