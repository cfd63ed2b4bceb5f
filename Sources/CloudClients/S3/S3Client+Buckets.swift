import AWSWire
import Crypto
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Bucket configuration (versioning, policy, tags), the bucket list, object existence, and tearing a bucket down.
extension S3Client {
    // MARK: - Versioning

    /// `PutBucketVersioning`: turns versioning on, or suspends it.
    /// - Parameters:
    ///   - bucket: The bucket.
    ///   - enabled: `Enabled` when `true`, `Suspended` when `false`.
    public func putBucketVersioning(_ bucket: String, enabled: Bool) async throws {
        var xml = XMLWriter()
        xml.element("VersioningConfiguration", namespace: XMLWriter.s3Namespace) {
            $0.element("Status", enabled ? "Enabled" : "Suspended")
        }
        try await expectSuccess("PUT", bucket: bucket, query: "versioning", body: Data(xml.text.utf8))
    }

    /// `GetBucketVersioning`.
    /// - Returns: `Enabled`, `Suspended`, or `nil` for a bucket that was never versioned.
    public func bucketVersioning(_ bucket: String) async throws -> String? {
        let response = try await expectSuccess("GET", bucket: bucket, query: "versioning")
        return try XMLTree.parse(response.body).text(of: "Status")
    }

    // MARK: - Policy

    /// `PutBucketPolicy`.
    /// - Parameters:
    ///   - bucket: The bucket.
    ///   - policy: The policy document (JSON).
    public func putBucketPolicy(_ bucket: String, policy: String) async throws {
        try await expectSuccess(
            "PUT", bucket: bucket, query: "policy", headers: ["Content-Type": "application/json"],
            body: Data(policy.utf8))
    }

    /// `GetBucketPolicy`.
    /// - Returns: The policy document, or `nil` when the bucket has none (`NoSuchBucketPolicy`).
    public func bucketPolicy(_ bucket: String) async throws -> String? {
        do {
            return try await expectSuccess("GET", bucket: bucket, query: "policy").text
        } catch let error as AWSServiceError where error.code == "NoSuchBucketPolicy" {
            return nil
        }
    }

    // MARK: - Tags

    /// `PutBucketTagging`: replaces the bucket's tags (with the `Content-MD5` S3 requires).
    public func putBucketTagging(_ bucket: String, tags: [String: String]) async throws {
        var xml = XMLWriter()
        xml.element("Tagging", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("TagSet") { xml in
                for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
                    xml.element("Tag") { xml in
                        xml.element("Key", key)
                        xml.element("Value", value)
                    }
                }
            }
        }
        let body = Data(xml.text.utf8)
        let md5 = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
        try await expectSuccess(
            "PUT", bucket: bucket, query: "tagging", headers: ["Content-MD5": md5, "Content-Type": "application/xml"],
            body: body)
    }

    /// `GetBucketTagging`.
    /// - Returns: The bucket's tags by key; empty when it has none (`NoSuchTagSet`).
    public func bucketTagging(_ bucket: String) async throws -> [String: String] {
        let response: HTTPResponse
        do {
            response = try await expectSuccess("GET", bucket: bucket, query: "tagging")
        } catch let error as AWSServiceError where error.code == "NoSuchTagSet" {
            return [:]
        }
        var tags: [String: String] = [:]
        for tag in try XMLTree.parse(response.body).child("TagSet")?.children("Tag") ?? [] {
            if let key = tag.text(of: "Key") { tags[key] = tag.text(of: "Value") ?? "" }
        }
        return tags
    }

    // MARK: - Buckets and objects

    /// `ListBuckets`, following continuation tokens.
    /// - Returns: The caller's buckets, by name.
    public func listBuckets() async throws -> [S3BucketSummary] {
        var buckets: [S3BucketSummary] = []
        var token: String?
        repeat {
            let query = token.map { "continuation-token=\(PercentEncoding.encode($0))" }
            let response = try await expectSuccess("GET", query: query)
            let tree = try XMLTree.parse(response.body)
            buckets += (tree.child("Buckets")?.children("Bucket") ?? []).map {
                S3BucketSummary(
                    name: $0.text(of: "Name") ?? "",
                    created: $0.text(of: "CreationDate").flatMap { AWSDate.parseHTTPDate($0) })
            }
            token = tree.text(of: "ContinuationToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return buckets
    }

    /// `HeadObject`: whether an object exists.
    /// - Returns: `true` for a 2xx answer, `false` for 404 (no such key, or no such bucket).
    /// - Throws: ``AWSServiceError`` for any other refusal (403, ...).
    public func headObject(bucket: String, key: String) async throws -> Bool {
        let response = try await send("HEAD", bucket: bucket, key: key)
        if (200..<300).contains(response.status) { return true }
        if response.status == 404 { return false }
        throw AWSServiceError(xmlResponse: response)
    }

    /// Deletes every object version and delete marker of a bucket (`ListObjectVersions`, then `DeleteObject` with
    /// each `versionId`), then the bucket. A bucket that does not exist is not an error.
    public func emptyAndDeleteBucket(_ bucket: String) async throws {
        do {
            for (key, versionId) in try await allVersions(bucket) {
                try await expectSuccess(
                    "DELETE", bucket: bucket, key: key, query: "versionId=\(PercentEncoding.encode(versionId))")
            }
            try await expectSuccess("DELETE", bucket: bucket)
        } catch let error as AWSServiceError where error.code == "NoSuchBucket" {
            return
        }
    }

    /// Every version and delete marker of a bucket, as key and version id, following the version markers.
    private func allVersions(_ bucket: String) async throws -> [(key: String, versionId: String)] {
        var versions: [(key: String, versionId: String)] = []
        var markers: (key: String, versionId: String?)?
        repeat {
            var query = "versions"
            if let markers {
                query += "&key-marker=\(PercentEncoding.encode(markers.key))"
                if let versionId = markers.versionId {
                    query += "&version-id-marker=\(PercentEncoding.encode(versionId))"
                }
            }
            let tree = try XMLTree.parse(try await expectSuccess("GET", bucket: bucket, query: query).body)
            for entry in tree.children where entry.name == "Version" || entry.name == "DeleteMarker" {
                if let key = entry.text(of: "Key") { versions.append((key, entry.text(of: "VersionId") ?? "null")) }
            }
            markers =
                tree.text(of: "IsTruncated") == "true"
                ? tree.text(of: "NextKeyMarker").map { ($0, tree.text(of: "NextVersionIdMarker")) } : nil
        } while markers != nil
        return versions
    }
}
