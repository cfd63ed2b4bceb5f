import FeatureRunner
import Foundation

// A runner executable of the kind a user builds on FeatureRunCommand, with steps that crash their process, for the
// tests of process isolation. Arguments: [--parallel N] [--retry N] [--format SPEC]... PATHS...
var steps = StepLibrary<EmptyWorld>()
steps.given("a step") { _, _ in }
steps.given("a noisy step") { _, _ in print("a line a step printed") }
steps.given("a step that crashes") { _, _ in fatalError("the step crashed on purpose") }
steps.given("a step that crashes on its first attempt") { _, step in
    if step.scenario.attempt == 0 { fatalError("first attempt") }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var configuration = RunConfiguration()
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--parallel": configuration.execution.parallel = Int(arguments.removeFirst()) ?? 1
    case "--retry": configuration.execution.retry = Int(arguments.removeFirst()) ?? 0
    case "--format": configuration.formats.append(arguments.removeFirst())
    default: configuration.targets.append(argument)
    }
}
let (status, _) = await FeatureRunCommand(configuration, isolation: WorkerCommand.current).run(steps)
exit(status.rawValue)
