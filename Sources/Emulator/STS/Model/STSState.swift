import Foundation
import NIOCore

/// The sessions STS has issued, by access key id.
struct STSState: JournaledState {
    enum Mutation: Codable, Sendable {
        /// New temporary credentials.
        case issue(STSSession)
        /// Forget sessions that expired before a time.
        case prune(before: Date)
    }

    private(set) var sessions: [String: STSSession] = [:]

    init() {}

    mutating func apply(_ mutation: Mutation, payload: ByteBuffer) {
        switch mutation {
        case .issue(let session):
            sessions[session.accessKeyId] = session
        case .prune(let time):
            sessions = sessions.filter { $0.value.expiration >= time }
        }
    }

    func snapshot() -> [(Mutation, ByteBuffer)] {
        sessions.values.sorted { $0.accessKeyId < $1.accessKeyId }.map { (.issue($0), ByteBuffer()) }
    }
}
