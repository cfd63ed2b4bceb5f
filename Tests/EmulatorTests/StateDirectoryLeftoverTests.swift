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

    /// A journal whose last record claims more bytes than any file holds (a torn or damaged write) is read up to
    /// that record; the emulator starts.
    @Test func aRecordClaimingAHugeLengthEndsTheJournal() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brickyard-state-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withEmulator({ $0.stateDirectory = directory }) { _, s3 in
            try await s3.createBucket("before-the-damage")
        }
        let journal = "\(directory)/s3.journal"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        try handle.seekToEnd()
        var damaged = Data("BYJ1".utf8)  // the journal's record magic
        damaged.append(contentsOf: [0x10, 0, 0, 0])  // header length 16
        damaged.append(contentsOf: [UInt8](repeating: 0xFF, count: 8))  // payload length 2^64 - 1
        damaged.append(Data(repeating: 0x41, count: 32))
        try handle.write(contentsOf: damaged)
        try handle.close()
        try await withEmulator({ $0.stateDirectory = directory }) { _, s3 in
            let listed = try await s3.send("GET")
            #expect(listed.text.contains("<Name>before-the-damage</Name>"))
        }
    }
}
