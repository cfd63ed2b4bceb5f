import ArgumentParser
import FeatureRunner
import Foundation
import Provisioning

/// `brickyard steps`: every step of the library, with its pattern, what it does and an example.
struct Steps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the provisioning steps: pattern, what each does, and an example.",
        discussion: "Given, When, Then, And and But all match any step; doc strings and step arguments take "
            + "placeholders: ${account}, ${region}, ${bucket:NAME}, ${role:NAME}, ${instance-profile:NAME}, "
            + "${databricks:account}, ${databricks:aws}, ${run}, ${env:NAME}, ${unique:NAME}, and ${NAME} for what "
            + "the generic steps remembered (I remember the response field \"x\" as \"NAME\")."
    )

    @Option(help: "Only the steps whose pattern contains this text (case-insensitive).")
    var matching: String?

    @Flag(help: "One JSON object per step (pattern, summary, example, location).")
    var json = false

    func run() throws {
        let library = ProvisioningSteps.library(ProvisioningRun())
        var output = ""
        for definition in library.definitions {
            let pattern = definition.pattern.source
            if let matching, !pattern.localizedCaseInsensitiveContains(matching) { continue }
            if json {
                let object: [String: String] = [
                    "pattern": pattern, "summary": definition.summary ?? "", "example": definition.example ?? "",
                    "location":
                        "\(URL(fileURLWithPath: definition.location.file).lastPathComponent):\(definition.location.line)",
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                output += String(decoding: data, as: UTF8.self) + "\n"
            } else {
                output += pattern + "\n"
                if let summary = definition.summary { output += "    \(summary)\n" }
                if let example = definition.example {
                    output += example.split(separator: "\n").map { "    e.g. \($0)" }.joined(separator: "\n") + "\n"
                }
                output += "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
