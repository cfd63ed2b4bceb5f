import ArgumentParser
import FeatureRunner
import Foundation
import Provisioning

/// `brickyard steps`: every step of the library by service, with its pattern, what it does and an example.
struct Steps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the steps by service: pattern, what each does, and an example.",
        discussion: "Given, When, Then, And and But all match any step; doc strings and step arguments take "
            + "placeholders: ${account}, ${region}, ${bucket:NAME}, ${role:NAME}, ${instance-profile:NAME}, "
            + "${databricks:account}, ${databricks:aws}, ${run}, ${env:NAME}, ${unique:NAME}, and ${NAME} for what "
            + "the generic steps remembered (I remember the response field \"x\" as \"NAME\")."
    )

    @Option(
        help:
            "Only the steps whose pattern, description, example or group has every word of this text (case, spaces, hyphens and word endings ignored: 'PassRole', 'public access', 'encryption')."
    )
    var matching: String?

    @Flag(help: "One JSON object per step (group, pattern, summary, example, location).")
    var json = false

    /// One line of `--json`.
    struct Entry: Encodable {
        var group: String
        var pattern: String
        var summary: String
        var example: String
        var location: String
    }

    func run() throws {
        let library = ProvisioningSteps.library(ProvisioningRun())
        let search = matching.map(StepSearch.init)
        let definitions = library.definitions.filter { search?.matches($0) ?? true }
        var output = ""
        if definitions.isEmpty, let matching {
            output = "No step matches \"\(matching)\"; `brickyard steps` lists them all.\n"
        }
        var groups: [String] = []
        for definition in definitions where !groups.contains(definition.group ?? "Other") {
            groups.append(definition.group ?? "Other")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for group in groups {
            if !json { output += "## \(group)\n\n" }
            for definition in definitions where (definition.group ?? "Other") == group {
                let pattern = definition.pattern.source
                if json {
                    let entry = Entry(
                        group: group, pattern: pattern, summary: definition.summary ?? "",
                        example: definition.example ?? "",
                        location:
                            "\(URL(fileURLWithPath: definition.location.file).lastPathComponent):\(definition.location.line)"
                    )
                    output += String(decoding: try encoder.encode(entry), as: UTF8.self) + "\n"
                } else {
                    output += pattern + "\n"
                    if let summary = definition.summary { output += "    \(summary)\n" }
                    if let example = definition.example {
                        output += example.split(separator: "\n").map { "    e.g. \($0)" }.joined(separator: "\n") + "\n"
                    }
                    output += "\n"
                }
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
