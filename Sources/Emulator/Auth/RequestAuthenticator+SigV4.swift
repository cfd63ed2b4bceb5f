import AWSWire
import Crypto
import Foundation
import NIOCore

extension RequestAuthenticator {
    /// The parts of a SigV4 credential: `AKID/yyyymmdd/region/service/aws4_request`.
    struct CredentialScope {
        var accessKeyId: String
        var date: String
        var region: String
        var service: String

        init?(_ text: some StringProtocol) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[4] == "aws4_request", !parts[0].isEmpty else { return nil }
            accessKeyId = String(parts[0])
            date = String(parts[1])
            region = String(parts[2])
            service = String(parts[3])
        }

        var scope: String { SigV4.credentialScope(date: date, region: region, service: service) }
    }

    // MARK: - Header

    func verifySigV4Header(
        _ authorization: String, request: inout EmulatorRequest, service: String
    ) -> Result<Authenticated, AuthFailure> {
        var credentialText: Substring?
        var signedHeadersText: Substring?
        var signature: Substring?
        let fields = authorization.dropFirst(SigV4.algorithm.count)
        for field in fields.split(separator: ",") {
            let trimmed = field.drop(while: { $0 == " " })
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let value = trimmed[trimmed.index(after: equals)...]
            switch trimmed[..<equals] {
            case "Credential": credentialText = value
            case "SignedHeaders": signedHeadersText = value
            case "Signature": signature = value
            default: break
            }
        }
        guard let credentialText else {
            return .failure(.malformedAuthorizationHeader("The authorization header is malformed; missing Credential."))
        }
        guard let scope = CredentialScope(credentialText) else {
            return .failure(
                .malformedAuthorizationHeader(
                    "The authorization header is malformed; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."
                ))
        }
        guard let signedHeadersText, let signature else {
            return .failure(
                .malformedAuthorizationHeader(
                    "The authorization header is malformed; missing \(signedHeadersText == nil ? "SignedHeaders" : "Signature")."
                ))
        }
        let credential: AWSCredential
        switch lookUp(scope.accessKeyId, sessionToken: request.header("x-amz-security-token")) {
        case .success(let found): credential = found
        case .failure(let failure): return .failure(failure)
        }
        guard let amzDate = request.header("x-amz-date") ?? request.header("date") else {
            return .failure(.missingDate)
        }
        guard let requestTime = AWSDate.parseAmzDate(amzDate) ?? AWSDate.parseHTTPDate(amzDate) else {
            return .failure(.missingDate)
        }
        // Clients sign with their real clocks: freshness is judged against wall time, so that advancing the
        // emulator's clock (to finish a lifecycle or expire a credential) does not make every request "skewed".
        let now = clock.wallTime()
        if abs(requestTime.timeIntervalSince(now)) > Self.maximumSkew {
            return .failure(.requestTimeTooSkewed(requestTime: requestTime, serverTime: now))
        }
        let amzDateText = AWSDate.amzDate(requestTime)
        if !amzDateText.hasPrefix(scope.date) {
            return .failure(
                .malformedAuthorizationHeader(
                    "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date."
                ))
        }

        // The payload hash the client signed.
        let payloadHash: String
        if let header = request.header("x-amz-content-sha256") {
            payloadHash = header
        } else if service == "s3" {
            return .failure(.missingContentSHA256)
        } else {
            payloadHash = SigV4.sha256Hex(bytes: request.body.readableBytesView)
        }
        let payload = PayloadMode(payloadHash)
        if payload == nil { return .failure(.invalidContentSHA256) }

        return verifySignature(
            SignedParts(
                scope: scope, credential: credential, amzDate: amzDate, signedHeaders: String(signedHeadersText),
                signature: String(signature), payloadHash: payloadHash, query: request.queryItems ?? []),
            payload: payload!, kind: .sigV4Header, request: &request, service: service)
    }

    // MARK: - Presigned

    func verifySigV4Query(request: inout EmulatorRequest, service: String) -> Result<Authenticated, AuthFailure> {
        guard request.query("X-Amz-Algorithm") == SigV4.algorithm else {
            return .failure(.malformedQueryParameters("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""))
        }
        guard let credentialText = request.query("X-Amz-Credential"), let amzDate = request.query("X-Amz-Date"),
            let signedHeadersText = request.query("X-Amz-SignedHeaders"),
            let signature = request.query("X-Amz-Signature")
        else {
            return .failure(
                .malformedQueryParameters(
                    "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."
                ))
        }
        guard let scope = CredentialScope(credentialText) else {
            return .failure(
                .malformedQueryParameters(
                    "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."
                ))
        }
        guard let requestTime = AWSDate.parseAmzDate(amzDate) else {
            return .failure(
                .malformedQueryParameters(
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""))
        }
        let expiresText = request.query("X-Amz-Expires") ?? "604800"
        guard let expires = Int(expiresText), expires >= 0 else {
            return .failure(.malformedQueryParameters("X-Amz-Expires should be a number"))
        }
        if expires > Self.maximumPresignedLifetime {
            return .failure(
                .malformedQueryParameters(
                    "X-Amz-Expires must be less than a week (in seconds) that is; 604800"))
        }
        let credential: AWSCredential
        switch lookUp(scope.accessKeyId, sessionToken: request.query("X-Amz-Security-Token")) {
        case .success(let found): credential = found
        case .failure(let failure): return .failure(failure)
        }
        let now = clock.now()
        if requestTime.timeIntervalSince(now) > Self.maximumSkew { return .failure(.notYetValid) }
        let expiry = requestTime.addingTimeInterval(TimeInterval(expires))
        if now > expiry { return .failure(.expired(expiredAt: expiry, serverTime: now)) }

        let payloadHash =
            request.header("x-amz-content-sha256")
            ?? (service == "s3" ? SigV4.unsignedPayload : SigV4.sha256Hex(bytes: request.body.readableBytesView))
        guard let payload = PayloadMode(payloadHash) else { return .failure(.invalidContentSHA256) }
        return verifySignature(
            SignedParts(
                scope: scope, credential: credential, amzDate: amzDate, signedHeaders: signedHeadersText,
                signature: signature, payloadHash: payloadHash,
                query: (request.queryItems ?? []).filter { $0.name != "X-Amz-Signature" }),
            payload: payload, kind: .sigV4Query, request: &request, service: service)
    }

    // MARK: - Signature

    /// What a SigV4 request says about its own signature.
    struct SignedParts {
        var scope: CredentialScope
        var credential: AWSCredential
        var amzDate: String
        var signedHeaders: String
        var signature: String
        var payloadHash: String
        /// The query items that take part in the canonical request.
        var query: [(name: String, value: String)]
    }

    /// Rebuilds the canonical request, compares signatures, then verifies the payload.
    func verifySignature(
        _ parts: SignedParts, payload: PayloadMode, kind: AWSCaller.SignatureKind, request: inout EmulatorRequest,
        service: String
    ) -> Result<Authenticated, AuthFailure> {
        let signedHeaderNames = parts.signedHeaders.split(separator: ";").map { String($0).lowercased() }
        let canonical = SigV4.canonicalRequest(
            method: request.method.rawValue,
            canonicalURI: canonicalURI(request, service: service),
            canonicalQuery: SigV4.canonicalQuery(parts.query),
            signedHeaders: signedHeaderValues(signedHeaderNames, in: request),
            payloadHash: parts.payloadHash)
        let stringToSign = SigV4.stringToSign(
            amzDate: parts.amzDate, scope: parts.scope.scope, canonicalRequest: canonical)
        let scope = parts.scope
        let key = keys.key(
            secret: parts.credential.secretAccessKey, date: scope.date, region: scope.region, service: scope.service)
        let expected = SigV4.signature(signingKey: key, stringToSign: stringToSign)
        guard SigV4.constantTimeEquals(expected, parts.signature) else {
            return .failure(
                .signatureDoesNotMatch(
                    SignatureMismatch(
                        accessKeyId: scope.accessKeyId, signatureProvided: parts.signature, stringToSign: stringToSign,
                        canonicalRequest: canonical)))
        }
        let caller = AWSCaller(credential: parts.credential, region: scope.region, signature: kind)
        let context = ChunkSigningContext(
            signingKey: key, amzDate: parts.amzDate, credentialScope: scope.scope, seedSignature: parts.signature)
        return verifyPayload(payload, request: &request, context: context).map { trailers in
            Authenticated(caller: caller, trailers: trailers)
        }
    }

    // MARK: - Payload

    /// What `x-amz-content-sha256` says about the body.
    enum PayloadMode: Equatable {
        case hash(String)
        case unsigned
        case streamingSigned
        case streamingSignedWithTrailer
        case streamingUnsignedWithTrailer

        init?(_ value: String) {
            switch value {
            case SigV4.unsignedPayload: self = .unsigned
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD": self = .streamingSigned
            case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER": self = .streamingSignedWithTrailer
            case "STREAMING-UNSIGNED-PAYLOAD-TRAILER": self = .streamingUnsignedWithTrailer
            default:
                guard value.utf8.count == 64, Hex.decode(value) != nil else { return nil }
                self = .hash(value.lowercased())
            }
        }
    }

    func verifyPayload(
        _ payload: PayloadMode, request: inout EmulatorRequest, context: ChunkSigningContext
    ) -> Result<[(name: String, value: String)], AuthFailure> {
        let mode: AWSChunkedMode
        switch payload {
        case .unsigned:
            return .success([])
        case .hash(let provided):
            let computed = SigV4.sha256Hex(bytes: request.body.readableBytesView)
            guard computed == provided else {
                return .failure(.contentSHA256Mismatch(provided: provided, computed: computed))
            }
            return .success([])
        case .streamingSigned: mode = .signed(context)
        case .streamingSignedWithTrailer: mode = .signedWithTrailer(context)
        case .streamingUnsignedWithTrailer: mode = .unsignedWithTrailer
        }
        guard let decodedLengthText = request.header("x-amz-decoded-content-length"),
            let decodedLength = Int(decodedLengthText)
        else {
            return .failure(.missingDecodedContentLength)
        }
        do {
            let decoded = try AWSChunkedDecoder.decode(
                request.body.readableBytesView, mode: mode, decodedContentLength: decodedLength)
            request.body = ByteBuffer(bytes: decoded.payload)
            return .success(decoded.trailers)
        } catch {
            return .failure(.chunkedBody(error))
        }
    }
}
