/// A parsed IAM policy document (identity, resource or trust policy), together with the text it came from.
///
/// S3's `GetBucketPolicy` and IAM's `Get*Policy` operations return a document exactly as it was put, so
/// ``text`` keeps the original; the other properties are the parsed model that evaluation reads.
public struct PolicyDocument: Sendable, Equatable {
    /// The current policy language version, the only one that supports policy variables.
    public static let currentVersion = "2012-10-17"
    /// The original policy language version; a document without `Version` is read as this one.
    public static let legacyVersion = "2008-10-17"

    /// `2012-10-17` or `2008-10-17`; `nil` when the document has no `Version` element.
    public var version: String?
    /// The optional `Id` element.
    public var id: String?
    /// The statements, in document order (a single statement object becomes a one-element list).
    public var statements: [PolicyStatement]
    /// The document as it was given.
    public var text: String

    /// Creates a document from its parts.
    public init(version: String?, id: String?, statements: [PolicyStatement], text: String) {
        self.version = version
        self.id = id
        self.statements = statements
        self.text = text
    }

    /// Whether `${...}` in `Resource` and `Condition` values are policy variables.
    ///
    /// Only `2012-10-17` documents have policy variables; in a `2008-10-17` document, or one without `Version`,
    /// `${aws:username}` is literal text.
    public var supportsPolicyVariables: Bool {
        version == Self.currentVersion
    }

    /// Parses a document, checking only the grammar every kind of policy shares.
    ///
    /// Use ``PolicyValidator/validate(_:kind:principalExists:)`` to accept a document from a caller; this is for
    /// documents already accepted once (stored policies, AWS managed policies shipped as data).
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - kind: Whose messages a grammar error carries; `.identity` when not given.
    /// - Returns: The parsed document.
    /// - Throws: ``PolicyValidationError`` when the text is not a policy document.
    public static func parse(_ text: String, kind: PolicyKind = .identity) throws(PolicyValidationError) -> Self {
        try PolicyParser.parse(text, kind: kind).document
    }
}
