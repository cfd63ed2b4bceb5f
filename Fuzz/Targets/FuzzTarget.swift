#if DEBUG
import Foundation

/// A parser that reads untrusted bytes, as libFuzzer drives it (`Fuzz/Driver`, `scripts/fuzz.sh`) and as
/// `FuzzRegressionTests` replays its corpus and crashers.
///
/// Each target feeds one input to its parser and ignores the errors the parser throws: a thrown error is a correct
/// answer to garbage, a trap (or a broken invariant, which traps through `precondition`) is the bug. The raw value
/// names the target's folders, `Fuzz/Corpus/<name>/` and `Fuzz/Crashers/<name>/`.
///
/// The harnesses reach internal parsers through `@testable import`, so this module has content in debug builds only.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `XMLTree.parse`, which reads every S3 XML body and every XML answer the clients read, and `XMLXPath` on it.
    case xml
    /// S3's XML request bodies, operation by operation, through the in-process S3 service (see ``S3XMLHarness``).
    case s3XML = "s3-xml"
    /// `AWSDocument.parseJSON` (the AWS JSON 1.1 reader), with a write-and-read-again invariant.
    case json
    /// `AWSDocument.parseCBOR` (the CBOR reader of the RPC v2 CBOR protocol), with a write-and-read-again invariant.
    case cbor
    /// IAM policy documents: parsing, validation for every kind of policy, and evaluation of the conditions.
    case policy
    /// Query-protocol form bodies and query strings: percent-decoding, parameters, and IAM and STS actions.
    case query
    /// SigV4 and SigV2 signatures in the `Authorization` header and in the query (see ``AuthHarness``).
    case auth
    /// `AWSChunkedDecoder`, in the unsigned-with-trailer and the two signed modes.
    case chunked
    /// Databricks `multipart/form-data` bodies (`MultipartForm`).
    case multipart
    /// Databricks request bodies (JSON), SCIM filters and SCIM patch operations.
    case databricks
    /// The Gherkin parser and the pickle compiler.
    case gherkin
    /// Cucumber tag expressions, with a print-and-parse-again invariant.
    case tagExpression = "tag-expression"
    /// Cucumber Expressions and regular expressions of step definitions, compiled and matched against text.
    case cucumberExpression = "cucumber-expression"

    /// Runs one input through the target's parser.
    /// - Parameter data: The input, any bytes.
    public func run(_ data: Data) {
        switch self {
        case .xml: ParserHarnesses.xml(data)
        case .s3XML: S3XMLHarness.shared.run(data)
        case .json: ParserHarnesses.json(data)
        case .cbor: ParserHarnesses.cbor(data)
        case .policy: PolicyHarness.run(data)
        case .query: QueryHarness.shared.run(data)
        case .auth: AuthHarness.shared.run(data)
        case .chunked: ParserHarnesses.chunked(data)
        case .multipart: DatabricksHarness.multipart(data)
        case .databricks: DatabricksHarness.run(data)
        case .gherkin: FeatureHarnesses.gherkin(data)
        case .tagExpression: FeatureHarnesses.tagExpression(data)
        case .cucumberExpression: FeatureHarnesses.cucumberExpression(data)
        }
    }
}
#endif
