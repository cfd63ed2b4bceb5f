import Foundation

/// What a BeforeAll or AfterAll hook receives: ways to attach files and log lines to the run in the reports
/// (``ReportAttaching``).
public struct RunHookInfo: Sendable, ReportAttaching {
    let recorder: AttachmentRecorder

    /// Records an attachment of the hook.
    public func record(_ attachment: Attachment) { recorder.record(attachment) }
}
