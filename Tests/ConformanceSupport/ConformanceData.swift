import Foundation

/// Where the conformance data is (the official Gherkin, Cucumber Expressions and tag-expression test data):
/// `$BRICKYARD_SHARED`, or `../shared` beside the repository, as CI has it, or the copy vendored in
/// `Tests/ConformanceData` (so a plain clone runs every suite).
public enum ConformanceData {
    /// The shared directory, if it is there.
    public static let shared: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BRICKYARD_SHARED"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(repository.deletingLastPathComponent().appendingPathComponent("shared"))
        candidates.append(repository.appendingPathComponent("Tests").appendingPathComponent("ConformanceData"))
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("conformance").path) }
    }()

    /// `Tests/ConformanceData` of this repository: the data only vendored here (not in the shared directory), such as
    /// the Cucumber Compatibility Kit's samples in `compatibility-kit/`.
    public static let vendored: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ConformanceData")

    /// Whether the data is there (always, with the vendored copy); suites that need it are skipped, visibly, when
    /// it is not.
    public static var isPresent: Bool { shared != nil }

    /// A directory under `conformance/`.
    public static func directory(_ path: String) -> URL {
        shared!.appendingPathComponent("conformance").appendingPathComponent(path)
    }

    /// The files of a directory with an extension, sorted by name.
    public static func files(in directory: URL, withExtension pathExtension: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == pathExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
