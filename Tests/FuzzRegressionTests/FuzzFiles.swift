#if DEBUG
import Foundation
import FuzzTargets
import Testing

/// The committed fuzz inputs: `Fuzz/Corpus/<target>/` (seeds) and `Fuzz/Crashers/<target>/` (inputs that crashed).
enum FuzzFiles {
    /// One crashing input.
    struct Crasher: Sendable, CustomTestStringConvertible {
        /// The target's name (`xml`).
        var target: String
        /// `<target>/<file>`, as `known-issues.txt` names it.
        var name: String
        /// The file's absolute path.
        var path: String

        var testDescription: String { name }
    }

    /// The repository's `Fuzz` folder, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// The input files of one target in `Corpus` or `Crashers`, sorted; none when the folder does not exist.
    static func inputs(in folder: String, of target: FuzzTarget) throws -> [URL] {
        let directory = root.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Runs one input file through the target of that name (in an exit test's child process).
    static func replay(target: String, path: String) {
        FuzzTarget(rawValue: target)!.run(try! Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Every crasher of every target.
    static func crashers() -> [Crasher] {
        FuzzTarget.allCases.flatMap { target in
            ((try? inputs(in: "Crashers", of: target)) ?? []).map { file in
                Crasher(
                    target: target.rawValue, name: "\(target.rawValue)/\(file.lastPathComponent)", path: file.path)
            }
        }
    }

    /// The crashers (`<target>/<file>`) expected to crash until their fix is merged: the lines of
    /// `Fuzz/Crashers/known-issues.txt` that are neither empty nor comments (`#`).
    static let knownIssues: Set<String> = {
        let file = root.appendingPathComponent("Crashers").appendingPathComponent("known-issues.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return Set(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()
}
#endif
