import ArgumentParser
import FeatureRunner
import Foundation
import Gherkin

/// `brickyard parse FILE...`: a feature file's Cucumber Messages as NDJSON.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print feature files as Cucumber Messages NDJSON (source, gherkinDocument, pickles or parseError).",
        discussion: "Ids are sequential (\"0\", \"1\", ...) across the files given. Exits 2 when a file does not parse."
    )

    @Argument(help: "The .feature files.")
    var files: [String]

    @Flag(name: .customLong("no-source"), help: "Leave out the source messages.")
    var noSource = false

    @Flag(name: .customLong("no-ast"), help: "Leave out the gherkinDocument messages.")
    var noAST = false

    @Flag(name: .customLong("no-pickles"), help: "Leave out the pickle messages.")
    var noPickles = false

    @Option(help: "The language of files without a '# language:' line.")
    var language = "en"

    func run() throws {
        var messages = FeatureMessages(parser: GherkinParser(defaultLanguage: language))
        messages.includeSource = !noSource
        messages.includeDocument = !noAST
        messages.includePickles = !noPickles
        guard GherkinDialectCatalog.bundled[language] != nil else {
            throw ValidationError(
                "unknown language '\(language)'; the languages are: \(GherkinDialectCatalog.bundled.codes.joined(separator: ", "))"
            )
        }
        var ids = IdGenerator()
        let writer = NDJSONWriter()
        var allParsed = true
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("brickyard parse: cannot read \(file)\n".utf8))
                throw ExitCode(2)
            }
            let source = String(decoding: data, as: UTF8.self)
            let (envelopes, parsed) = messages.envelopes(for: source, uri: file, ids: &ids)
            allParsed = allParsed && parsed
            var output = Data()
            for envelope in envelopes { output.append(writer.line(envelope)) }
            FileHandle.standardOutput.write(output)
        }
        if !allParsed { throw ExitCode(2) }
    }
}
