import CloudClients
import FeatureRunner
import Foundation

/// Registers provisioning steps: each gets the scenario's context, attaches the HTTP exchanges it made to the report,
/// and turns a service's refusal into a failure that says what was refused and by which request.
struct StepRegistrar {
    typealias Body = @Sendable (ScenarioContext, StepCall) async throws -> Void

    var library = StepLibrary<ProvisioningWorld>()
    /// The group the steps added next belong to (`brickyard steps` lists them under it).
    var group: String?

    /// The media type of a step's HTTP exchanges attachment (a JSON array of ``HTTPExchange``).
    static let exchangesMediaType = Attachment.httpExchangesMediaType

    mutating func add(
        _ pattern: String, _ summary: String, example: String, file: String = #filePath, line: Int = #line,
        _ body: @escaping Body
    ) {
        library.step(pattern, summary: summary, example: example, group: group, file: file, line: line) { world, step in
            guard let context = world.context else {
                throw StepFailure("the provisioning steps' Before hook did not run (is the library merged whole?)")
            }
            do {
                try await body(context, step)
            } catch {
                let explained = Self.explain(error, context)
                Self.attachExchanges(context, step)
                throw explained
            }
            Self.attachExchanges(context, step)
        }
    }

    static func attachExchanges(_ context: ScenarioContext, _ step: StepCall) {
        let exchanges = context.exchanges.take()
        guard !exchanges.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(exchanges) {
            step.attach(data, mediaType: exchangesMediaType, fileName: "http-exchanges.json")
        }
    }

    /// A refusal as a step failure a developer can act on.
    static func explain(_ error: Error, _ context: ScenarioContext) -> Error {
        let request = context.exchanges.last.map { "\nThe request: \($0.summary)" } ?? ""
        switch error {
        case let error as AWSServiceError:
            return StepFailure("AWS refused: \(error.code): \(error.message) (HTTP \(error.status))\(request)")
        case let error as DatabricksAPIError:
            return StepFailure("Databricks refused: \(error.code): \(error.message) (HTTP \(error.status))\(request)")
        case let failure as StepFailure:
            // What was expected and found, and the request of this step that showed it.
            guard !failure.message.contains("The request"), let last = context.exchanges.last else { return failure }
            return StepFailure(failure.message + "\nThe request that showed it: \(last.summary)")
        case let error as URLError:
            return StepFailure(
                "cannot reach \(error.failingURL?.absoluteString ?? "the service"): \(error.localizedDescription)")
        default:
            return error
        }
    }
}

extension StepCall {
    /// String argument `index` with its placeholders replaced.
    func string(_ index: Int, in context: ScenarioContext) throws -> String {
        try context.expand(try argument(index, as: String.self))
    }
}
