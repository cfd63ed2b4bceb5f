/// A parsed IAM policy document (identity, resource or trust policy), with the text it came from.
public struct PolicyDocument: Sendable, Equatable {
    /// `2012-10-17` or `2008-10-17`; `nil` when the document has none (which means the 2008 language).
    public var version: String?
    /// The optional `Id`.
    public var id: String?
    /// The statements, in document order.
    public var statements: [PolicyStatement]
    /// The document as it was given (S3 and IAM return it verbatim).
    public var text: String

    /// Creates a document.
    public init(version: String?, id: String?, statements: [PolicyStatement], text: String) {
        self.version = version
        self.id = id
        self.statements = statements
        self.text = text
    }

    /// Parses a document.
    /// - Parameter text: JSON text.
    /// - Returns: The document.
    /// - Throws: ``PolicyValidationError`` when the text is not a policy document.
    public static func parse(_ text: String) throws(PolicyValidationError) -> PolicyDocument {
        try PolicyParser.parse(text)
    }
}
