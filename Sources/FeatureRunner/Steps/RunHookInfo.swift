import Foundation

/// What a BeforeAll or AfterAll hook receives: ways to attach files and log lines to the run in the reports.
public struct RunHookInfo: Sendable {
    let recorder: AttachmentRecorder

    /// Attaches bytes to the hook in the reports (base64 in Cucumber Messages, whatever the media type).
    public func attach(_ data: Data, mediaType: String, fileName: String? = nil) {
        recorder.record(Attachment(body: data, mediaType: mediaType, fileName: fileName, attachedAsText: false))
    }

    /// Attaches text to the hook in the reports (`text/plain` unless told).
    public func attach(_ text: String, mediaType: String = "text/plain", fileName: String? = nil) {
        recorder.record(
            Attachment(body: Data(text.utf8), mediaType: mediaType, fileName: fileName, attachedAsText: true))
    }

    /// Adds a log line to the hook in the reports.
    public func log(_ message: String) {
        attach(message, mediaType: Attachment.logMediaType)
    }
}
