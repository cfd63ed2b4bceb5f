import ConformanceSupport
import Foundation
import Gherkin
import Testing

/// The official Gherkin test data (`conformance/gherkin`): every good file's AST and pickles, every bad file's errors,
/// compared as JSON with the expected Cucumber Messages (uris left out).
@Suite(.enabled(if: ConformanceData.isPresent, "the shared conformance data is not beside the repository"))
struct GherkinConformanceTests {
    static var good: [URL] {
        (try? ConformanceData.files(in: ConformanceData.directory("gherkin/good"), withExtension: "feature")) ?? []
    }
    static var bad: [URL] {
        (try? ConformanceData.files(in: ConformanceData.directory("gherkin/bad"), withExtension: "feature")) ?? []
    }

    static func lines(_ url: URL) throws -> [Any] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8))
        }
    }

    static func withoutURIs(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { $0.key != "uri" }.mapValues(withoutURIs)
        }
        if let array = value as? [Any] { return array.map(withoutURIs) }
        return value
    }

    static func json(_ key: String, _ value: some Encodable) throws -> Any {
        let data = try JSONEncoder().encode([key: value])
        return try JSONSerialization.jsonObject(with: data)
    }

    @Test func theDataIsThere() {
        #expect(Self.good.count == 50)
        #expect(Self.bad.count == 12)
    }

    @Test(arguments: good) func goodFileParsesAsTheReference(_ file: URL) throws {
        let source = try String(contentsOf: file, encoding: .utf8)
        var ids = IdGenerator()
        let document = try GherkinParser().parse(source, uri: file.path, ids: &ids)
        let pickles = PickleCompiler().compile(document, ids: &ids)
        var have = [try Self.json("gherkinDocument", document)]
        have += try pickles.map { try Self.json("pickle", $0) }
        var want = try Self.lines(file.appendingPathExtension("ast.ndjson"))
        let picklesFile = file.appendingPathExtension("pickles.ndjson")
        if FileManager.default.fileExists(atPath: picklesFile.path) { want += try Self.lines(picklesFile) }
        let haveNormalized = Self.withoutURIs(have) as! NSArray
        let wantNormalized = Self.withoutURIs(want) as! NSArray
        #expect(haveNormalized.isEqual(wantNormalized), "\(file.lastPathComponent)")
    }

    @Test(arguments: bad) func badFileFailsAsTheReference(_ file: URL) throws {
        let source = try String(contentsOf: file, encoding: .utf8)
        let want = try Self.lines(file.appendingPathExtension("errors.ndjson")).map { line -> String in
            let error = (line as! [String: Any])["parseError"] as! [String: Any]
            return error["message"] as! String
        }
        let error = try #require(throws: GherkinParseErrors.self) { try GherkinParser().parse(source) }
        #expect(error.errors.map(\.fullMessage) == want, "\(file.lastPathComponent)")
    }
}
