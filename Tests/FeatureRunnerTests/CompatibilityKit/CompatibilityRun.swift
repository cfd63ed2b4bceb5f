import FeatureRunner
import Foundation

/// Runs a sample in process, with the sample's Swift steps and its arguments, and gives the messages the runner
/// wrote (the `message` format's NDJSON, read back).
struct CompatibilityRun {
    let sample: CompatibilitySample

    /// What the kit's arguments become; an argument the runner has no equivalent for is a ``Problem``.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case unsupportedArgument(String)
        /// The run did not start (``SelectionError``: a usage error).
        case notStarted(String)

        var description: String {
            switch self {
            case .unsupportedArgument(let argument): "no equivalent of the kit's argument \(argument)"
            case .notStarted(let message): "the run did not start: \(message)"
            }
        }
    }

    func options() throws(Problem) -> ExecutionOptions {
        var options = ExecutionOptions()
        var arguments = sample.arguments[...]
        while let argument = arguments.popFirst() {
            switch argument {
            case "--retry":
                guard let count = arguments.popFirst().flatMap(Int.init) else { throw .unsupportedArgument(argument) }
                options.retry = count
            case "--order":
                guard let order = arguments.popFirst().flatMap(ExecutionOrder.init) else {
                    throw .unsupportedArgument(argument)
                }
                options.order = order
            default:
                throw .unsupportedArgument(([argument] + arguments).joined(separator: " "))
            }
        }
        return options
    }

    /// The runner's messages for the sample.
    func messages() async throws -> [MessageJSON] {
        let library = KitSteps.library(for: sample.name, directory: sample.directory)
        let run: FeatureRun<KitWorld>
        do {
            run = try FeatureRun(library: library, targets: sample.features.map(\.path), options: try options())
        } catch let error as SelectionError {
            throw Problem.notStarted(error.message)
        }
        let result = await run.execute()
        return try MessageJSON.lines(MessageFormat(version: "0.0.0").render(result))
    }
}
