import Foundation
import Gherkin

/// Finds the feature files of the targets, reads and parses them, and compiles their pickles, ids continuing
/// through the run's generator.
public struct FeatureLoader: Sendable {
    public var parser: GherkinParser

    public init(parser: GherkinParser = GherkinParser()) {
        self.parser = parser
    }

    /// The feature files of a path: the file itself, or every `*.feature` under a directory, sorted.
    public func files(at path: String, fileManager: FileManager = .default) throws(SelectionError) -> [String] {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SelectionError("\(path): no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = fileManager.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".feature") {
                files.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
            }
        }
        return files.sorted()
    }

    /// Reads and parses one file.
    public func load(
        _ path: String, ids: inout IdGenerator, fileManager: FileManager = .default
    )
        throws(SelectionError) -> FeatureSource
    {
        guard let data = fileManager.contents(atPath: path) else { throw SelectionError("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self)
        do {
            let document = try parser.parse(text, uri: path, ids: &ids)
            let pickles = PickleCompiler().compile(document, ids: &ids)
            return FeatureSource(uri: path, data: text, document: document, errors: [], pickles: pickles)
        } catch {
            return FeatureSource(uri: path, data: text, document: nil, errors: error.errors, pickles: [])
        }
    }
}
