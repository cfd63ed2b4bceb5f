import CloudClients
import Emulator
import Foundation
import Testing

/// What a process killed mid-write leaves in a state directory is cleaned up at the next start, and the state
/// itself is intact.
@Suite struct StateDirectoryLeftoverTests {
    @Test func temporariesOfAKilledProcessAreRemovedAtStart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-state-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withEmulator({ $0.stateDirectory = directory }) { _, s3 in
            try await s3.createBucket("kept-bucket")
        }
        let leftovers = [".dat.nosync1A2B.x9Yz", "databricks.json.tmp", "s3.journal.compact"]
        for name in leftovers {
            FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: Data())
        }
        try await withEmulator({ $0.stateDirectory = directory }) { _, s3 in
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            for name in leftovers { #expect(!names.contains(name), "\(name) left behind") }
            let listed = try await s3.send("GET")
            #expect(listed.text.contains("<Name>kept-bucket</Name>"))
        }
        // Saving Databricks state writes no Foundation temporaries.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!names.contains { $0.hasPrefix(".dat.nosync") })
    }
}
