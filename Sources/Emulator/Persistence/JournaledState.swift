import NIOCore

/// A service state that changes only through mutations, so that a journal can record and replay it.
protocol JournaledState: Sendable {
    /// A change to the state, recorded as JSON.
    associatedtype Mutation: Codable & Sendable

    /// An empty state.
    init()

    /// Applies a change; `payload` carries bulk bytes (object data, records) beside the JSON.
    mutating func apply(_ mutation: Mutation, payload: ByteBuffer)

    /// The mutations that rebuild the current state from empty (for compaction).
    func snapshot() -> [(Mutation, ByteBuffer)]
}
