import Foundation

/// What steps and hooks attach files and log lines to, in every report: a step (``StepCall``), a scenario's hook
/// (``ScenarioInfo``), a run hook (``RunHookInfo``). Conformers say where an attachment goes; the ways to attach
/// come with the protocol.
public protocol ReportAttaching {
    /// Adds an attachment to what is running.
    func record(_ attachment: Attachment)
}

extension ReportAttaching {
    /// Attaches bytes (base64 in Cucumber Messages, whatever the media type).
    public func attach(_ data: Data, mediaType: String, fileName: String? = nil) {
        record(Attachment(body: data, mediaType: mediaType, fileName: fileName, attachedAsText: false))
    }

    /// Attaches text (`text/plain` unless told; as it is in Cucumber Messages, whatever the media type).
    public func attach(_ text: String, mediaType: String = "text/plain", fileName: String? = nil) {
        record(Attachment(body: Data(text.utf8), mediaType: mediaType, fileName: fileName, attachedAsText: true))
    }

    /// Adds a log line to the reports.
    public func log(_ message: String) {
        attach(message, mediaType: Attachment.logMediaType)
    }
}
