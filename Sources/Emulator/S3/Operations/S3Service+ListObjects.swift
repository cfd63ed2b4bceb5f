import AWSWire
import Foundation
import NIOCore

extension S3Service {
    /// The parameters shared by S3's listings.
    struct ListingParameters {
        var prefix: String
        var delimiter: String?
        var maxKeys: Int
        var encodeURL: Bool

        init(_ context: Context, maxName: String = "max-keys") throws(S3Error) {
            let request = context.request
            prefix = request.query("prefix") ?? ""
            delimiter = request.query("delimiter").flatMap { $0.isEmpty ? nil : $0 }
            if let text = request.query(maxName) {
                guard let value = Int(text), value >= 0 else {
                    throw .invalidArgument(
                        "Provided max-keys not an integer or within integer range", name: maxName, value: text)
                }
                maxKeys = min(value, 1000)
            } else {
                maxKeys = 1000
            }
            switch request.query("encoding-type") {
            case nil: encodeURL = false
            case "url": encodeURL = true
            case let other?:
                throw .invalidArgument(
                    "Invalid Encoding Method specified in Request", name: "encoding-type", value: other)
            }
        }

        /// A value as the response writes it (URL encoded when asked).
        func encode(_ value: String) -> String {
            encodeURL ? PercentEncoding.encode(value, encodeSlash: false) : value
        }

        /// The common prefix a key rolls up into, if any.
        func commonPrefix(of key: String) -> String? {
            guard let delimiter else { return nil }
            let rest = key.utf8.dropFirst(prefix.utf8.count)
            guard let range = Substring(rest).range(of: delimiter) else { return nil }
            return String(key[..<range.upperBound])
        }
    }

    /// The later of two keys in S3's (UTF-8 byte) order.
    static func later(_ first: String, _ second: String) -> String {
        first.utf8.lexicographicallyPrecedes(second.utf8) ? second : first
    }

    /// One page of keys (current versions only) and common prefixes.
    struct ObjectPage {
        var contents: [S3ObjectVersion.Metadata] = []
        var commonPrefixes: [String] = []
        var isTruncated = false
        /// The last key or common prefix of the page.
        var last: String?
    }

    /// Lists current objects in key order after `startAfter`, rolling keys up into common prefixes.
    func objectPage(_ bucket: S3Bucket, _ parameters: ListingParameters, startAfter: String) -> ObjectPage {
        var page = ObjectPage()
        var index = bucket.keyIndex(atOrAfter: Self.later(parameters.prefix, startAfter))
        var count = 0
        while index < bucket.sortedKeys.count {
            let key = bucket.sortedKeys[index]
            index += 1
            if !key.hasPrefix(parameters.prefix) { break }
            if key == startAfter { continue }
            guard let current = bucket.currentObject(key) else { continue }
            if let prefix = parameters.commonPrefix(of: key) {
                if page.commonPrefixes.last == prefix || !startAfter.utf8.lexicographicallyPrecedes(prefix.utf8) {
                    continue
                }
                if count == parameters.maxKeys {
                    page.isTruncated = true
                    break
                }
                page.commonPrefixes.append(prefix)
                page.last = prefix
            } else {
                if count == parameters.maxKeys {
                    page.isTruncated = true
                    break
                }
                page.contents.append(current.metadata)
                page.last = key
            }
            count += 1
        }
        return page
    }

    func listObjects(_ context: Context, v2: Bool) throws(S3Error) -> EmulatorResponse {
        let parameters = try ListingParameters(context)
        let request = context.request
        var startAfter = ""
        var continuationToken: String?
        if v2 {
            if let token = request.query("continuation-token") {
                guard let data = Data(base64Encoded: token), let key = String(data: data, encoding: .utf8) else {
                    throw .invalidArgument(
                        "The continuation token provided is incorrect", name: "continuation-token", value: token)
                }
                continuationToken = token
                startAfter = key
            } else {
                startAfter = request.query("start-after") ?? ""
            }
        } else {
            startAfter = request.query("marker") ?? ""
        }
        let (page, owner) = try store.read { state throws(S3Error) in
            let bucket = try bucket(context.bucket, in: state)
            return (objectPage(bucket, parameters, startAfter: startAfter), bucket.metadata.ownerAccountId)
        }
        let fetchOwner = !v2 || request.query("fetch-owner") == "true"
        var xml = XMLWriter()
        xml.element("ListBucketResult", namespace: XMLWriter.s3Namespace) { xml in
            xml.element("Name", context.bucket)
            xml.element("Prefix", parameters.encode(parameters.prefix))
            if v2 {
                if let continuationToken { xml.element("ContinuationToken", continuationToken) }
                if let startAfter = request.query("start-after") {
                    xml.element("StartAfter", parameters.encode(startAfter))
                }
                xml.element("KeyCount", String(page.contents.count + page.commonPrefixes.count))
            } else {
                xml.element("Marker", parameters.encode(startAfter))
            }
            xml.element("MaxKeys", String(parameters.maxKeys))
            if let delimiter = parameters.delimiter { xml.element("Delimiter", parameters.encode(delimiter)) }
            if parameters.encodeURL { xml.element("EncodingType", "url") }
            xml.element("IsTruncated", String(page.isTruncated))
            if page.isTruncated, let last = page.last {
                if v2 {
                    xml.element("NextContinuationToken", Data(last.utf8).base64EncodedString())
                } else if parameters.delimiter != nil {
                    xml.element("NextMarker", parameters.encode(last))
                }
            }
            for object in page.contents {
                xml.element("Contents") { xml in
                    xml.element("Key", parameters.encode(object.key))
                    xml.element("LastModified", AWSDate.iso8601(object.lastModified))
                    xml.element("ETag", object.etag)
                    for algorithm in object.checksums.keys.sorted() { xml.element("ChecksumAlgorithm", algorithm) }
                    xml.element("ChecksumType", ifPresent: object.checksums.isEmpty ? nil : object.checksumType)
                    xml.element("Size", String(object.size))
                    if fetchOwner { Self.writeOwner(&xml, accountId: owner) }
                    xml.element("StorageClass", object.storageClass)
                }
            }
            for prefix in page.commonPrefixes {
                xml.element("CommonPrefixes") { $0.element("Prefix", parameters.encode(prefix)) }
            }
        }
        return xmlResponse(xml)
    }
}
