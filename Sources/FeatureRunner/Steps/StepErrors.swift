/// Thrown by a step that is not written yet: the step is pending, the rest of the scenario is skipped.
public struct PendingStep: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String = "TODO: implement me") {
        self.message = message
    }

    public var description: String { message }
}

/// Thrown by a step or a Before hook to skip the scenario (it counts as skipped, not failed).
public struct SkipScenario: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String = "skipped") {
        self.reason = reason
    }

    public var description: String { reason }
}

/// A failed expectation in a step, with a message (`throw StepFailure("expected 3 buckets, got 2")`).
public struct StepFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Why a step definition's argument could not be read.
public struct StepArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public var description: String { message }
}

/// Checks a condition in a step: throws ``StepFailure`` with the message when it does not hold.
public func expect(
    _ condition: @autoclosure () throws -> Bool, _ message: @autoclosure () -> String = "expectation failed"
) throws {
    if try !condition() { throw StepFailure(message()) }
}
