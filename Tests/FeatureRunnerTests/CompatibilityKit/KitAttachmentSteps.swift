import FeatureRunner
import Foundation

/// The samples about attachments: text, logs, bytes, files and links, from steps and hooks.
enum KitAttachmentSteps {
    static func attachments(_ directory: URL) -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.when("the string {string} is attached as {string}") { _, step in
            step.attach(try step.argument(0, as: String.self), mediaType: try step.argument(1))
        }
        steps.when("the string {string} is logged") { _, step in step.log(try step.argument(0)) }
        steps.when("text with ANSI escapes is logged") { _, step in
            step.log(
                "This displays a \u{1B}[31mr\u{1B}[0m\u{1B}[91ma\u{1B}[0m\u{1B}[33mi\u{1B}[0m\u{1B}[32mn\u{1B}[0m"
                    + "\u{1B}[34mb\u{1B}[0m\u{1B}[95mo\u{1B}[0m\u{1B}[35mw\u{1B}[0m")
        }
        steps.when("the following string is attached as {string}:") { _, step in
            step.attach(step.docString?.content ?? "", mediaType: try step.argument(0))
        }
        steps.when("an array with {int} bytes is attached as {string}") { _, step in
            let size = try step.argument(0, as: Int.self)
            step.attach(Data((0..<size).map { UInt8(truncatingIfNeeded: $0) }), mediaType: try step.argument(1))
        }
        steps.when("a PDF document is attached and renamed") { _, step in
            let data = try Data(contentsOf: directory.appendingPathComponent("document.pdf"))
            step.attach(data, mediaType: "application/pdf", fileName: "renamed.pdf")
        }
        steps.when("a link to {string} is attached") { _, step in
            step.attach(try step.argument(0, as: String.self), mediaType: "text/uri-list")
        }
        steps.when("the string {string} is attached as {string} before a failure") { _, step in
            step.attach(try step.argument(0, as: String.self), mediaType: try step.argument(1))
            throw KitError("whoops")
        }
        return steps
    }

    static func examplesTablesAttachment(_ directory: URL) -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.when("a JPEG image is attached") { _, step in
            step.attach(
                try Data(contentsOf: directory.appendingPathComponent("cucumber.jpeg")), mediaType: "image/jpeg")
        }
        steps.when("a PNG image is attached") { _, step in
            step.attach(try Data(contentsOf: directory.appendingPathComponent("cucumber.png")), mediaType: "image/png")
        }
        return steps
    }

    static func hooksAttachment(_ directory: URL) -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        let svg = directory.appendingPathComponent("cucumber.svg")
        steps.before { _, scenario in scenario.attach(try Data(contentsOf: svg), mediaType: "image/svg+xml") }
        steps.when("a step passes") { _, _ in }
        steps.after { _, scenario in scenario.attach(try Data(contentsOf: svg), mediaType: "image/svg+xml") }
        return steps
    }

    static func globalHooksAttachments() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.beforeAll { run in run.attach("Attachment from BeforeAll hook", mediaType: "text/plain") }
        steps.when("a step passes") { _, _ in }
        steps.afterAll { run in run.attach("Attachment from AfterAll hook", mediaType: "text/plain") }
        return steps
    }
}
