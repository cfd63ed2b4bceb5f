import AWSWire
import Foundation

extension RequestAuthenticator {
    /// `Authorization: AWS AKID:signature`.
    func verifySigV2Header(
        _ authorization: String, request: inout EmulatorRequest, virtualHostBucket: String?
    ) -> Result<Authenticated, AuthFailure> {
        let value = authorization.dropFirst(4)
        guard let colon = value.lastIndex(of: ":") else {
            return .failure(.malformedAuthorizationHeader("The authorization header is malformed."))
        }
        let accessKeyId = String(value[..<colon])
        let signature = String(value[value.index(after: colon)...])
        let credential: AWSCredential
        switch lookUp(accessKeyId, sessionToken: request.header("x-amz-security-token")) {
        case .success(let found): credential = found
        case .failure(let failure): return .failure(failure)
        }
        let amzDate = request.header("x-amz-date")
        guard let dateText = amzDate ?? request.header("date"),
            let requestTime = AWSDate.parseHTTPDate(dateText) ?? AWSDate.parseAmzDate(dateText)
        else {
            return .failure(.missingDate)
        }
        // Clients sign with their real clocks: freshness is judged against wall time, so that advancing the
        // emulator's clock (to finish a lifecycle or expire a credential) does not make every request "skewed".
        let now = clock.wallTime()
        if abs(requestTime.timeIntervalSince(now)) > Self.maximumSkew {
            return .failure(.requestTimeTooSkewed(requestTime: requestTime, serverTime: now))
        }
        return verifySigV2(
            request, credential: credential, signature: signature,
            dateOrExpires: amzDate == nil ? (request.header("date") ?? "") : "", virtualHostBucket: virtualHostBucket,
            kind: .sigV2Header)
    }

    /// `?AWSAccessKeyId=...&Expires=...&Signature=...`.
    func verifySigV2Query(request: EmulatorRequest, virtualHostBucket: String?) -> Result<Authenticated, AuthFailure> {
        guard let accessKeyId = request.query("AWSAccessKeyId"), let signature = request.query("Signature"),
            let expiresText = request.query("Expires")
        else {
            return .failure(
                .malformedQueryParameters(
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters"))
        }
        guard let expires = Int(expiresText) else {
            return .failure(.malformedQueryParameters("Invalid date (should be seconds since epoch): \(expiresText)"))
        }
        let credential: AWSCredential
        switch lookUp(accessKeyId, sessionToken: request.query("x-amz-security-token")) {
        case .success(let found): credential = found
        case .failure(let failure): return .failure(failure)
        }
        let now = clock.now()
        let expiry = Date(timeIntervalSince1970: TimeInterval(expires))
        if now > expiry { return .failure(.expired(expiredAt: expiry, serverTime: now)) }
        return verifySigV2(
            request, credential: credential, signature: signature, dateOrExpires: expiresText,
            virtualHostBucket: virtualHostBucket, kind: .sigV2Query)
    }

    /// Compares a SigV2 signature with the one the credential's secret gives.
    func verifySigV2(
        _ request: EmulatorRequest, credential: AWSCredential, signature: String, dateOrExpires: String,
        virtualHostBucket: String?, kind: AWSCaller.SignatureKind
    ) -> Result<Authenticated, AuthFailure> {
        let stringToSign = sigV2StringToSign(
            request, dateOrExpires: dateOrExpires, virtualHostBucket: virtualHostBucket)
        let expected = SigV2.signature(secretAccessKey: credential.secretAccessKey, stringToSign: stringToSign)
        guard SigV4.constantTimeEquals(expected, signature) else {
            return .failure(
                .signatureDoesNotMatch(
                    SignatureMismatch(
                        accessKeyId: credential.accessKeyId, signatureProvided: signature, stringToSign: stringToSign,
                        canonicalRequest: nil)))
        }
        return .success(
            Authenticated(caller: AWSCaller(credential: credential, region: defaultRegion, signature: kind)))
    }

    func sigV2StringToSign(_ request: EmulatorRequest, dateOrExpires: String, virtualHostBucket: String?) -> String {
        var amzHeaders: [String: [String]] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            if name.hasPrefix("x-amz-") {
                amzHeaders[name, default: []].append(header.value.trimmingCharacters(in: .whitespaces))
            }
        }
        return SigV2.stringToSign(
            method: request.method.rawValue,
            contentMD5: request.header("content-md5") ?? "",
            contentType: request.header("content-type") ?? "",
            dateOrExpires: dateOrExpires,
            amzHeaders: amzHeaders.map { ($0.key, $0.value.joined(separator: ",")) },
            canonicalizedResource: SigV2.canonicalizedResource(
                virtualHostBucket: virtualHostBucket, rawPath: String(request.rawPath),
                rawQuery: String(request.rawQuery)))
    }
}
