import Crypto
import Foundation

/// Maps the logical names steps use (`"root"`) to physical names unique to the run, the scenario and the attempt
/// (`by-root-140512a3f9-4c1d`), so scenarios can run in parallel and reruns never collide.
public struct ResourceNames: Sendable {
    /// The run.
    public let run: RunIdentifier
    /// Distinguishes the scenario and attempt within the run.
    public let scenarioSuffix: String

    /// Names for one scenario attempt.
    /// - Parameters:
    ///   - run: The run.
    ///   - scenario: Something unique to the scenario in the run (its pickle id).
    ///   - attempt: 0 for the first attempt.
    public init(run: RunIdentifier, scenario: String, attempt: Int) {
        self.run = run
        let digest = SHA256.hash(data: Data("\(run.value)|\(scenario)|\(attempt)".utf8))
        scenarioSuffix = digest.prefix(2).map { String(format: "%02x", $0) }.joined()
    }

    /// The prefix every physical name starts with (`brickyard sweep` recognises Databricks objects by it).
    public static let prefix = "by-"

    /// The physical name of a logical one.
    public func physical(_ logical: String, _ kind: ResourceKind) -> String {
        let tail = "-\(run.short)-\(scenarioSuffix)"
        var base = String(
            logical.map { character -> Character in
                if character.isASCII && (character.isLetter || character.isNumber) { return character }
                return "-"
            })
        if kind.lowercase { base = base.lowercased() }
        let room = kind.maximumLength - Self.prefix.count - tail.count
        if base.count > room { base = String(base.prefix(room)) }
        while base.hasSuffix("-") { base.removeLast() }
        return Self.prefix + (base.isEmpty ? "x" : base) + tail
    }

    /// The tags every live resource carries.
    public var tags: [String: String] {
        ["brickyard:run-id": run.value, "brickyard:created-by": "brickyard"]
    }

    /// The tag key naming the run.
    public static let runTag = "brickyard:run-id"
}
