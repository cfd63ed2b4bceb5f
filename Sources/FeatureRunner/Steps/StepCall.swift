import CucumberExpressions
import Foundation
import Gherkin
import Synchronization

/// What a step definition receives besides the world: the step's text, its matched arguments, its doc string and
/// data table, the scenario it is in, and ways to attach files and log lines to the report.
public struct StepCall: Sendable, ReportAttaching {
    /// The step's text, outline values filled in.
    public let text: String
    /// The values the expression matched, transformed by their parameter types.
    public let arguments: [Argument]
    public let docString: PickleDocString?
    public let dataTable: PickleTable?
    public let scenario: ScenarioInfo
    let recorder: AttachmentRecorder

    init(
        text: String, arguments: [Argument], argument: PickleStepArgument?, scenario: ScenarioInfo,
        recorder: AttachmentRecorder
    ) {
        self.text = text
        self.arguments = arguments
        self.docString = argument?.docString
        self.dataTable = argument?.dataTable
        self.scenario = scenario
        self.recorder = recorder
    }

    /// The argument at `index`, as its parameter type made it (`{int}` is `Int`, `{string}` is `String`).
    /// - Throws: ``StepArgumentError`` when there is no such argument or it is of another type.
    public func argument<T>(_ index: Int, as _: T.Type = T.self) throws -> T {
        guard arguments.indices.contains(index) else {
            throw StepArgumentError(message: "the step has \(arguments.count) arguments; there is no argument \(index)")
        }
        let argument = arguments[index]
        let value: (any Sendable)?
        do {
            value = try argument.value
        } catch {
            throw StepArgumentError(message: "argument \(index) (\(argument.group.value ?? "nil")): \(error)")
        }
        guard let typed = value as? T else {
            let actual = value.map { "\(Swift.type(of: $0))" } ?? "nil"
            throw StepArgumentError(
                message: "argument \(index) is {\(argument.parameterType.name)} (\(actual)), not \(T.self)")
        }
        return typed
    }

    /// The matched text of argument `index`, untransformed.
    public func text(_ index: Int) -> String? {
        arguments.indices.contains(index) ? arguments[index].group.value : nil
    }

    /// The data table's rows as dictionaries keyed by the header row.
    public var tableHashes: [[String: String]] {
        guard let rows = dataTable?.values, let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }

    /// Records an attachment of the step (``ReportAttaching``).
    public func record(_ attachment: Attachment) { recorder.record(attachment) }

    /// Masks a value in every report and console line of the run (a secret the step stored or read).
    public func redact(_ value: String) {
        scenario.secrets.add(value)
    }
}

/// The scenario a step or hook runs in.
public struct ScenarioInfo: Sendable, ReportAttaching {
    public let name: String
    public let tags: [String]
    public let uri: String
    public let line: Int
    /// 0 on the first attempt, 1 on the first retry...
    public let attempt: Int
    /// Set for After hooks: how the scenario's steps ended.
    public internal(set) var status: Status?
    /// The pickle itself.
    public let pickle: Pickle
    /// The run's secret values.
    let secrets: SecretValues
    /// Where a hook's attachments go (the step's own, for a step).
    let recorder: AttachmentRecorder

    /// Masks a value in every report and console line of the run (a token a hook obtained).
    public func redact(_ value: String) {
        secrets.add(value)
    }

    /// Records an attachment of the hook that runs, a Before or After hook (``ReportAttaching``).
    public func record(_ attachment: Attachment) { recorder.record(attachment) }
}

/// Collects what a step attaches while it runs (a step may attach from any task it starts).
final class AttachmentRecorder: Sendable {
    private let attachments = Mutex<[Attachment]>([])

    func record(_ attachment: Attachment) {
        attachments.withLock { $0.append(attachment) }
    }

    /// What was attached since the last call.
    func drain() -> [Attachment] {
        attachments.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}
