import Crypto
import Foundation

/// The legacy S3 signature (HMAC-SHA1), which boto3 still uses for presigned URLs in us-east-1
/// (`AWSAccessKeyId`, `Expires`, `Signature` query parameters) and old clients send as `Authorization: AWS AKID:sig`.
public enum SigV2 {
    /// The query parameters that take part in the canonicalized resource (the list S3 and its clients agree on).
    public static let signedSubresources: Set<String> = [
        "accelerate", "acl", "cors", "defaultObjectAcl", "location", "logging", "partNumber", "policy",
        "requestPayment", "torrent", "versioning", "versionId", "versions", "website", "uploads", "uploadId",
        "response-content-type", "response-content-language", "response-expires", "response-cache-control",
        "response-content-disposition", "response-content-encoding", "delete", "lifecycle", "tagging", "restore",
        "storageClass", "notification", "replication", "analytics", "metrics", "inventory", "select", "select-type",
        "object-lock",
    ]

    /// The string to sign.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - contentMD5: The `Content-MD5` header or empty.
    ///   - contentType: The `Content-Type` header or empty.
    ///   - dateOrExpires: The `Date` header (header auth) or the `Expires` parameter (query auth); empty when `x-amz-date` is used.
    ///   - amzHeaders: The `x-amz-*` headers, lowercase names, values of one name joined with `,`.
    ///   - canonicalizedResource: From ``canonicalizedResource(bucket:rawPath:query:)``.
    /// - Returns: The string to sign.
    public static func stringToSign(
        method: String,
        contentMD5: String,
        contentType: String,
        dateOrExpires: String,
        amzHeaders: [(name: String, value: String)],
        canonicalizedResource: String
    ) -> String {
        var out = "\(method)\n\(contentMD5)\n\(contentType)\n\(dateOrExpires)\n"
        for header in amzHeaders.sorted(by: { $0.name < $1.name }) {
            out += "\(header.name):\(header.value.trimmingCharacters(in: .whitespaces))\n"
        }
        out += canonicalizedResource
        return out
    }

    /// The canonicalized resource: `/bucket/key` as sent (still percent encoded) plus the signed sub-resources,
    /// sorted by name, values decoded, `name` alone when the query had no `=`.
    /// - Parameters:
    ///   - virtualHostBucket: The bucket named by the `Host` header in virtual-hosted style, or `nil`.
    ///   - rawPath: The request path as it was sent.
    ///   - rawQuery: The query string as it was sent (without `?`).
    /// - Returns: The canonicalized resource.
    public static func canonicalizedResource(virtualHostBucket: String?, rawPath: String, rawQuery: String) -> String {
        var out = ""
        if let bucket = virtualHostBucket { out += "/\(bucket)" }
        out += rawPath.isEmpty ? "/" : rawPath
        var parts: [(name: Substring, text: String)] = []
        for part in rawQuery.split(separator: "&") {
            if let equals = part.firstIndex(of: "=") {
                let name = part[..<equals]
                guard signedSubresources.contains(String(name)) else { continue }
                let value = part[part.index(after: equals)...]
                parts.append((name, "\(name)=\(PercentEncoding.decode(value) ?? String(value))"))
            } else if signedSubresources.contains(String(part)) {
                parts.append((part, String(part)))
            }
        }
        parts.sort { $0.name < $1.name }
        if !parts.isEmpty { out += "?" + parts.map(\.text).joined(separator: "&") }
        return out
    }

    /// The base64 HMAC-SHA1 signature.
    public static func signature(secretAccessKey: String, stringToSign: String) -> String {
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: Array(stringToSign.utf8), using: SymmetricKey(data: Array(secretAccessKey.utf8)))
        return Data(code).base64EncodedString()
    }
}
