import PolicyEngine
import Testing

/// Expects a document to be refused with exactly a message.
func expectRefusal(
    _ text: String, kind: PolicyKind, _ message: String, principalExists: (ARN) -> Bool = { _ in true },
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        try PolicyValidator.validate(text, kind: kind, principalExists: principalExists)
        Issue.record("accepted, expected \(message): \(text)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.kind == kind, sourceLocation: sourceLocation)
    }
}

/// A one-statement document around statement members given as JSON text.
func statement(_ members: String, version: String? = "2012-10-17") -> String {
    let versionMember = version.map { #""Version":"\#($0)","# } ?? ""
    return #"{\#(versionMember)"Statement":[{\#(members)}]}"#
}
