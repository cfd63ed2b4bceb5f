/// An authenticated AWS request's caller.
public struct AWSCaller: Sendable {
    /// How the request was signed.
    public enum SignatureKind: String, Sendable {
        case sigV4Header, sigV4Query, sigV2Header, sigV2Query
    }

    /// The credential that signed the request.
    public var credential: AWSCredential
    /// The region named in the signature scope (the emulator's region for SigV2).
    public var region: String
    /// How the request was signed.
    public var signature: SignatureKind

    /// The identity the request acts as.
    public var principal: AWSPrincipal { credential.principal }
}
