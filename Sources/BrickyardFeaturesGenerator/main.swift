import Foundation
import Gherkin

/// The code generator behind the BrickyardFeatures plugin:
/// `BrickyardFeaturesGenerator --output FILE --root DIR FEATURE...` writes one Swift Testing `@Suite` per feature
/// and one `@Test` per scenario (and per outline), each running its scenario with `Features.run(_:line:)`.
/// A feature that does not parse gets one test that fails with every parse error.
var arguments = Array(CommandLine.arguments.dropFirst())
var output: String?
var root = ""
var files: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--output": output = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--root": root = arguments.isEmpty ? "" : arguments.removeFirst()
    default: files.append(argument)
    }
}
guard let output else {
    FileHandle.standardError.write(Data("usage: BrickyardFeaturesGenerator --output FILE --root DIR FEATURE...\n".utf8))
    exit(2)
}

let generated = FeatureTestSource(root: root).render(files)
do {
    let existing = try? String(contentsOfFile: output, encoding: .utf8)
    if existing != generated { try generated.write(toFile: output, atomically: true, encoding: .utf8) }
} catch {
    FileHandle.standardError.write(Data("cannot write \(output): \(error)\n".utf8))
    exit(1)
}
