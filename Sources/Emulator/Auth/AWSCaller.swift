/// An authenticated AWS request's caller.
public struct AWSCaller: Sendable {
    /// How the request was signed.
    public enum SignatureKind: String, Sendable {
        case sigV4Header, sigV4Query, sigV2Header, sigV2Query
        /// No signature: an anonymous S3 request.
        case none
    }

    /// The credential that signed the request.
    public var credential: AWSCredential
    /// The region named in the signature scope (the emulator's region for SigV2).
    public var region: String
    /// How the request was signed.
    public var signature: SignatureKind

    /// The identity the request acts as.
    public var principal: AWSPrincipal { credential.principal }

    /// The caller of an unsigned S3 request.
    static func anonymous(region: String) -> AWSCaller {
        AWSCaller(
            credential: AWSCredential(accessKeyId: "", secretAccessKey: "", principal: .anonymous), region: region,
            signature: .none)
    }
}
