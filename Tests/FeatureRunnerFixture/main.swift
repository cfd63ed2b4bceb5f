import FeatureRunner
import Foundation

// A runner executable of the kind a user builds on FeatureRunCommand, with steps that crash their process, for the
// tests of process isolation. Arguments: [--parallel N] [--retry N] [--order ORDER] [--fail-fast] [--format SPEC]...
// PATHS...
var steps = StepLibrary<EmptyWorld>()
steps.given("a step") { _, _ in }
steps.given("a noisy step") { _, _ in print("a line a step printed") }
steps.given("a step that crashes") { _, _ in fatalError("the step crashed on purpose") }
steps.given("a step that crashes on its first attempt") { _, step in
    if step.scenario.attempt == 0 { fatalError("first attempt") }
}
steps.given("a step that fails") { _, _ in throw StepFailure("failed on purpose") }
// Large events: an attachment is sent to the supervisor base64-encoded inside the step's event.
steps.given("a step that attaches {int} KiB") { _, step in
    let kibibytes: Int = try step.argument(0)
    step.attach(Data(repeating: UInt8(ascii: "x"), count: kibibytes * 1024), mediaType: "application/octet-stream")
}
// Output that would corrupt a protocol sharing standard output: long lines, and no newline at the end.
steps.given("a step that prints {int} KiB") { _, step in
    let kibibytes: Int = try step.argument(0)
    print(String(repeating: "y", count: kibibytes * 1024), terminator: "")
    FileHandle.standardOutput.write(Data("brickyard-worker 12\n{\"oops\":1}\n".utf8))
}
steps.given("a step that ends its worker") { _, _ in exit(0) }

var arguments = Array(CommandLine.arguments.dropFirst())
var configuration = RunConfiguration()
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--parallel": configuration.execution.parallel = Int(arguments.removeFirst()) ?? 1
    case "--retry": configuration.execution.retry = Int(arguments.removeFirst()) ?? 0
    case "--format": configuration.formats.append(arguments.removeFirst())
    case "--order": configuration.execution.order = ExecutionOrder(arguments.removeFirst()) ?? .defined
    case "--fail-fast": configuration.execution.failFast = true
    default: configuration.targets.append(argument)
    }
}
let (status, _) = await FeatureRunCommand(configuration, isolation: WorkerCommand.current).run(steps)
exit(status.rawValue)
