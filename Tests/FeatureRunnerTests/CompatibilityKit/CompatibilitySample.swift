import ConformanceSupport
import FeatureRunner
import Foundation
import Testing

/// One sample of the compatibility kit: a folder with its feature files, its reference messages and, for some, the
/// options of its run (`NAME.arguments.txt`).
struct CompatibilitySample: Sendable, CustomTestStringConvertible {
    let name: String
    let directory: URL

    /// The vendored kit (`Tests/ConformanceData/compatibility-kit`).
    static let root = ConformanceData.vendored.appendingPathComponent("compatibility-kit")

    /// Every sample, by name.
    static var all: [CompatibilitySample] {
        let folders = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? []
        return folders.filter { $0.hasDirectoryPath }.map {
            CompatibilitySample(name: $0.lastPathComponent, directory: $0)
        }
        .sorted { $0.name < $1.name }
    }

    init(name: String, directory: URL) {
        self.name = name
        self.directory = directory
    }

    var testDescription: String { name }

    /// The feature files, `.feature` and `.feature.md`, sorted by name as the kit's runner takes them.
    var features: [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter {
            $0.lastPathComponent.hasSuffix(".feature") || $0.lastPathComponent.hasSuffix(".feature.md")
        }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The reference messages.
    func referenceMessages() throws -> [MessageJSON] {
        try MessageJSON.lines(Data(contentsOf: directory.appendingPathComponent("\(name).ndjson")))
    }

    /// The words of `NAME.arguments.txt` (`--retry 2`), none when there is no such file.
    var arguments: [String] {
        let file = directory.appendingPathComponent("\(name).arguments.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
