import CloudClients
import Foundation

/// Publishes a run's report folder to S3: its files under `PREFIX/<run-id>/` with their content types, then the
/// prefix's `history.json` (the run added) and `index.html` (every run, with trends).
public struct ReportPublisher: Sendable {
    /// What publishing did.
    public struct Outcome: Sendable {
        /// The keys written, the run's files first.
        public var keys: [String]
        /// The index page's key.
        public var index: String
    }

    /// Why publishing stopped.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var s3: S3Client
    public var destination: S3Location

    public init(s3: S3Client, destination: S3Location) {
        self.s3 = s3
        self.destination = destination
    }

    /// Uploads the folder's files and updates the history and index.
    /// - Parameters:
    ///   - folder: The run's report folder (`reports/<run-id>`).
    ///   - entry: The run's history entry.
    /// - Throws: ``Failure`` naming the key that could not be written and why; the local files are untouched.
    @discardableResult
    public func publish(folder: String, entry: RunHistory.Entry) async throws -> Outcome {
        var keys: [String] = []
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        for file in try files(under: root) {
            let relative = String(file.path.dropFirst(root.path.count + 1))
            let key = destination.key("\(entry.runId)/\(relative)")
            try await put(key, body: try Data(contentsOf: file), contentType: Self.contentType(of: relative))
            keys.append(key)
        }
        let historyKey = destination.key("history.json")
        var history = RunHistory()
        let existing = try await s3.send("GET", bucket: destination.bucket, key: historyKey)
        switch existing.status {
        case 200:
            do {
                history = try RunHistory.decode(existing.body)
            } catch {
                throw Failure(
                    message: "\(destination)/history.json is not a Brickyard history (\(error)); it was left alone")
            }
        case 404:
            break
        default:
            throw Failure(message: "cannot read \(destination)/history.json: \(AWSServiceError(xmlResponse: existing))")
        }
        history.add(entry)
        try await put(historyKey, body: history.encoded(), contentType: "application/json")
        let indexKey = destination.key("index.html")
        try await put(indexKey, body: HistoryPage().render(history), contentType: "text/html; charset=utf-8")
        keys += [historyKey, indexKey]
        return Outcome(keys: keys, index: indexKey)
    }

    private func put(_ key: String, body: Data, contentType: String) async throws {
        let response = try await s3.send(
            "PUT", bucket: destination.bucket, key: key, headers: ["Content-Type": contentType], body: body)
        guard (200..<300).contains(response.status) else {
            throw Failure(
                message: "cannot write s3://\(destination.bucket)/\(key): \(AWSServiceError(xmlResponse: response))")
        }
    }

    private func files(under root: URL) throws -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw Failure(message: "cannot read \(root.path)") }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url.standardizedFileURL)
            }
        }
        // The page last: a reader who opens it finds what it links to.
        return files.sorted {
            ($0.lastPathComponent == "index.html" ? 1 : 0, $0.path) < (
                $1.lastPathComponent == "index.html" ? 1 : 0, $1.path
            )
        }
    }

    /// The content type of a report file, by its extension.
    public static func contentType(of path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "json": "application/json"
        case "ndjson": "application/x-ndjson"
        case "xml": "application/xml"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "txt", "log": "text/plain; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
