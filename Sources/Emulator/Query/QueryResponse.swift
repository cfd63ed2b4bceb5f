import AWSWire
import NIOCore

/// The success document of a query-protocol operation:
/// ```xml
/// <CreateRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
///   <CreateRoleResult>...</CreateRoleResult>
///   <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata>
/// </CreateRoleResponse>
/// ```
public struct QueryResult: Sendable {
    /// Writes the elements inside `<{Action}Result>`; `nil` for operations that answer without a result element
    /// (`DeleteRole`, `AttachRolePolicy`).
    public var body: (@Sendable (inout XMLWriter) -> Void)?

    /// A result with elements.
    public init(_ body: @escaping @Sendable (inout XMLWriter) -> Void) {
        self.body = body
    }

    private init() {
        self.body = nil
    }

    /// An answer with only `ResponseMetadata`.
    public static let empty = QueryResult()

    /// The whole response document.
    func xml(action: String, namespace: String, requestId: String) -> String {
        var xml = XMLWriter()
        xml.element("\(action)Response", namespace: namespace) { xml in
            if let body { xml.element("\(action)Result") { body(&$0) } }
            xml.element("ResponseMetadata") { $0.element("RequestId", requestId) }
        }
        return xml.text
    }
}
