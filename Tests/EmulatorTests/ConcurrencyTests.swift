import CloudClients
import Foundation
import Testing

@Suite("Concurrent clients")
struct ConcurrencyTests {
    @Test func twoHundredClientsEveryAcknowledgedWriteIsReadable() async throws {
        try await withEmulator { _, client in
            let bucket = uniqueBucket()
            try await client.createBucket(bucket)
            let acknowledged = try await withThrowingTaskGroup(of: (String, Data)?.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let body =
                            Data("object \(index) ".utf8) + Data(repeating: UInt8(index % 256), count: 1000 + index)
                        let response = try await client.send("PUT", bucket: bucket, key: "k/\(index)", body: body)
                        return response.status == 200 ? ("k/\(index)", body) : nil
                    }
                }
                var written: [(String, Data)] = []
                for try await result in group { if let result { written.append(result) } }
                return written
            }
            #expect(acknowledged.count == 200)
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for (key, body) in acknowledged {
                    group.addTask { try await client.getObject(bucket: bucket, key: key) == body }
                }
                for try await matches in group { #expect(matches) }
            }
            #expect(try await client.listKeys(bucket: bucket).count == 200)
        }
    }
}
