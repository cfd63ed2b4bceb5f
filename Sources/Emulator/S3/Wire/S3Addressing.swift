/// Where an S3 request points: a bucket and key, from the path (path style) or the `Host` header (virtual-hosted style).
struct S3Addressing: Sendable, Equatable {
    /// The bucket, or `nil` for service-level calls (`ListBuckets`).
    var bucket: String?
    /// The key, or `nil` for bucket-level calls.
    var key: String?
    /// Whether the bucket came from the host name.
    var virtualHosted: Bool

    /// The host suffixes under which the first label is a bucket name.
    static func virtualHostBucket(host: String, suffixes: [String]) -> String? {
        if suffixes.contains(host) { return nil }
        for suffix in suffixes.sorted(by: { $0.count > $1.count }) where host.hasSuffix("." + suffix) {
            let bucket = host.dropLast(suffix.count + 1)
            if !bucket.isEmpty { return String(bucket) }
        }
        // `bucket.s3.<region>.amazonaws.com` and `bucket.s3-<region>.amazonaws.com`.
        if host.hasSuffix(".amazonaws.com"), let range = host.range(of: ".s3.") ?? host.range(of: ".s3-") {
            let bucket = host[..<range.lowerBound]
            if !bucket.isEmpty { return String(bucket) }
        }
        return nil
    }

    /// Resolves a request.
    /// - Parameters:
    ///   - host: The `Host` without port.
    ///   - decodedPath: The decoded path.
    ///   - suffixes: Host suffixes that make virtual-hosted addresses (`localhost`, `s3.localhost`, ...).
    init(host: String?, decodedPath: String, suffixes: [String]) {
        if let host, let bucket = Self.virtualHostBucket(host: host, suffixes: suffixes) {
            self.bucket = bucket
            let key = decodedPath.hasPrefix("/") ? String(decodedPath.dropFirst()) : decodedPath
            self.key = key.isEmpty ? nil : key
            virtualHosted = true
            return
        }
        virtualHosted = false
        var path = decodedPath.hasPrefix("/") ? decodedPath.dropFirst() : decodedPath[...]
        if path.isEmpty {
            bucket = nil
            key = nil
            return
        }
        if let slash = path.firstIndex(of: "/") {
            bucket = String(path[..<slash])
            path = path[path.index(after: slash)...]
            key = path.isEmpty ? nil : String(path)
        } else {
            bucket = String(path)
            key = nil
        }
    }
}
