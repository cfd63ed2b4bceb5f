import AWSWire

/// Which service and wire protocol a request on the shared port is for.
enum DetectedService: Equatable {
    /// S3's REST-XML.
    case s3
    /// A query-protocol service (IAM, STS), by signing name.
    case query(String)
    /// A JSON-protocol service (Kinesis), by signing name, with its `X-Amz-Target`.
    case json(String, target: String)
    /// The Databricks account or workspace REST APIs (unsigned for AWS, on a Databricks path or host).
    case databricks
}

/// Tells services apart on one port the way AWS front ends do: by the signature's credential scope, the
/// `X-Amz-Target` header and the `Action` parameter.
enum ServiceDetector {
    static func detect(_ request: EmulatorRequest) -> DetectedService {
        let scope = signingService(request)
        if let target = request.header("x-amz-target") {
            let prefix = target.split(separator: ".").first.map(String.init) ?? target
            let service = scope ?? (prefix.hasPrefix("Kinesis") ? "kinesis" : prefix.lowercased())
            return .json(service, target: target)
        }
        switch scope {
        case "s3", "s3-object-lambda", nil:
            if scope == nil, isFormPost(request), let version = formVersion(request) {
                return .query(version == "2010-05-08" ? "iam" : "sts")
            }
            return .s3
        case let service?:
            return .query(service)
        }
    }

    /// The service named in a SigV4 credential scope (header or presigned URL).
    static func signingService(_ request: EmulatorRequest) -> String? {
        var credential: Substring?
        if let authorization = request.header("authorization"), authorization.hasPrefix(SigV4.algorithm),
            let range = authorization.range(of: "Credential=")
        {
            credential = authorization[range.upperBound...].prefix { $0 != "," && $0 != " " }
        } else if let value = request.query("X-Amz-Credential") {
            credential = Substring(value)
        }
        guard let credential else { return nil }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 5 ? String(parts[3]) : nil
    }

    static func isFormPost(_ request: EmulatorRequest) -> Bool {
        request.method == .POST
            && (request.header("content-type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false)
    }

    static func formVersion(_ request: EmulatorRequest) -> String? {
        let body = String(decoding: request.body.readableBytesView, as: UTF8.self)
        return PercentEncoding.decodeQuery(body, plusAsSpace: true)?.first { $0.name == "Version" }?.value
    }
}
