import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// A service's state behind a lock, with an optional journal that makes every acknowledged change durable.
///
/// Reads take the lock briefly; writes run a transaction under the lock that appends each mutation to the journal
/// before applying it, so memory never holds a change the disk does not.
final class JournaledStore<State: JournaledState>: Sendable {
    private let state: NIOLockedValueBox<State>
    private let journal: StateJournal?
    private let encoder: JSONEncoder

    /// Why a change could not be made durable.
    struct PersistenceError: Error {
        var underlying: any Error
    }

    /// Opens a store, replaying and then compacting the journal at `path` when one is given.
    init(journalPath: String?) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        self.encoder = encoder
        var initial = State()
        if let journalPath {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .millisecondsSince1970
            for record in try StateJournal.read(path: journalPath) {
                let mutation = try decoder.decode(State.Mutation.self, from: record.header)
                initial.apply(mutation, payload: record.payload)
            }
            let journal = try StateJournal(path: journalPath)
            try journal.rewrite(try initial.snapshot().map { (try encoder.encode($0.0), $0.1) })
            self.journal = journal
        } else {
            journal = nil
        }
        state = NIOLockedValueBox(initial)
    }

    /// Reads the state.
    func read<Result, Failure: Error>(_ body: (State) throws(Failure) -> Result) throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = state.withLockedValue { state in
            do throws(Failure) {
                return .success(try body(state))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Runs a transaction: `body` inspects the state and records changes through the ``Transaction``.
    func write<Result, Failure: Error>(
        _ body: (inout Transaction) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = state.withLockedValue { state in
            // Move the state into the transaction (no copy), and back when it ends.
            var transaction = Transaction(state: State(), store: self)
            swap(&transaction.state, &state)
            defer { swap(&transaction.state, &state) }
            do throws(Failure) {
                return .success(try body(&transaction))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Forgets everything (and truncates the journal).
    func reset() throws {
        try state.withLockedValue { state in
            try journal?.rewrite([])
            state = State()
        }
    }

    /// Flushes the journal to disk.
    func sync() {
        journal?.sync()
    }

    fileprivate func record(_ mutation: State.Mutation, payload: ByteBuffer) throws {
        guard let journal else { return }
        try journal.append(header: try encoder.encode(mutation), payload: payload)
    }

    /// The changes one write makes.
    struct Transaction {
        /// The state as changed so far.
        fileprivate(set) var state: State
        fileprivate let store: JournaledStore

        /// Records a change durably, then applies it.
        /// - Throws: ``PersistenceError`` when the journal cannot be written; the state is then unchanged.
        mutating func apply(_ mutation: State.Mutation, payload: ByteBuffer = ByteBuffer()) throws(PersistenceError) {
            do {
                try store.record(mutation, payload: payload)
            } catch {
                throw PersistenceError(underlying: error)
            }
            state.apply(mutation, payload: payload)
        }
    }
}
