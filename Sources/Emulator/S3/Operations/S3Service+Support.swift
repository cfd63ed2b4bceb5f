import AWSWire
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat

extension S3Service {
    /// The bucket a request names, or `NoSuchBucket`.
    func bucket(_ name: String, in state: S3State) throws(S3Error) -> S3Bucket {
        guard let bucket = state.buckets[name] else { throw .noSuchBucket(name) }
        return bucket
    }

    /// Parses the XML body of a request; an empty or ill-formed body is `MalformedXML`.
    func xmlBody(_ context: Context, root: String) throws(S3Error) -> XMLTree {
        guard context.request.body.readableBytes > 0 else { throw .malformedXML() }
        let tree: XMLTree
        do {
            tree = try XMLTree.parse(Data(context.request.body.readableBytesView))
        } catch {
            throw .malformedXML()
        }
        guard tree.name == root else { throw .malformedXML() }
        return tree
    }

    /// Runs a state transaction, turning a journal failure into `InternalError`.
    func write<Result>(
        _ body: (inout JournaledStore<S3State>.Transaction) throws(S3Error) -> Result
    ) throws(S3Error) -> Result {
        try store.write { (transaction: inout JournaledStore<S3State>.Transaction) throws(S3Error) -> Result in
            try body(&transaction)
        }
    }

    /// The canonical user id S3 shows as the owner of an account's resources.
    static func canonicalUserId(accountId: String) -> String {
        SigV4.sha256Hex("brickyard-canonical-user-\(accountId)")
    }

    /// Writes the `<Owner>` element.
    static func writeOwner(_ xml: inout XMLWriter, accountId: String, element: String = "Owner") {
        xml.element(element) { xml in
            xml.element("ID", canonicalUserId(accountId: accountId))
            xml.element("DisplayName", "brickyard-\(accountId)")
        }
    }

    /// Parses `<Tagging><TagSet><Tag>...` and checks S3's tag rules.
    func parseTagging(_ context: Context, maximum: Int) throws(S3Error) -> [S3Tag] {
        let tree = try xmlBody(context, root: "Tagging")
        guard let tagSet = tree.child("TagSet") else { throw .malformedXML() }
        var tags: [S3Tag] = []
        for tag in tagSet.children("Tag") {
            guard let key = tag.text(of: "Key"), let value = tag.text(of: "Value") else { throw .malformedXML() }
            tags.append(S3Tag(key: key, value: value))
        }
        try validateTags(tags, maximum: maximum)
        return tags
    }

    /// Checks tag counts, lengths, duplicates and the reserved `aws:` prefix.
    func validateTags(_ tags: [S3Tag], maximum: Int) throws(S3Error) {
        if tags.count > maximum {
            throw S3Error("InvalidTag", .badRequest, "Object tags cannot be greater than \(maximum)")
        }
        var seen = Set<String>()
        for tag in tags {
            if tag.key.isEmpty || tag.key.count > 128 {
                throw S3Error("InvalidTag", .badRequest, "The TagKey you have provided is invalid")
            }
            if tag.value.count > 256 {
                throw S3Error("InvalidTag", .badRequest, "The TagValue you have provided is invalid")
            }
            if tag.key.lowercased().hasPrefix("aws:") {
                throw S3Error("InvalidTag", .badRequest, "System tags cannot be added/updated by requester")
            }
            if !seen.insert(tag.key).inserted {
                throw S3Error("InvalidTag", .badRequest, "Cannot provide multiple Tags with the same key")
            }
        }
    }

    /// Writes `<TagSet>`.
    static func writeTagSet(_ xml: inout XMLWriter, _ tags: [S3Tag]) {
        xml.element("TagSet") { xml in
            for tag in tags {
                xml.element("Tag") { xml in
                    xml.element("Key", tag.key)
                    xml.element("Value", tag.value)
                }
            }
        }
    }

    /// A version id in S3's shape (32 URL-safe characters), increasing with time so that listings sort naturally.
    static func makeVersionId(now: Date) -> String {
        let micros = UInt64(max(0, now.timeIntervalSince1970 * 1_000_000))
        var bytes: [UInt8] = []
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: micros >> UInt64(shift)))
        }
        for _ in 0..<16 { bytes.append(UInt8.random(in: 0...255)) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// An upload id in S3's shape.
    static func makeUploadId() -> String {
        // The first byte's top six bits pick the first base64 character; keeping them below 52 makes it a letter, so
        // an id never starts with `-` (which the AWS CLI would take for an option).
        var bytes: [UInt8] = [UInt8.random(in: 0...207)]
        for _ in 1..<48 { bytes.append(UInt8.random(in: 0...255)) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The quoted hex MD5 S3 uses as the ETag of a single-part object.
    static func etag(of data: ByteBuffer) -> String {
        "\"" + Hex.encode(Insecure.MD5.hash(data: data.readableBytesView)) + "\""
    }
}

extension JournaledStore<S3State>.Transaction {
    /// Records and applies a change, answering `InternalError` when it cannot be made durable.
    mutating func commit(_ mutation: S3State.Mutation, payload: ByteBuffer = ByteBuffer()) throws(S3Error) {
        do throws(JournaledStore<S3State>.PersistenceError) {
            try apply(mutation, payload: payload)
        } catch {
            throw S3Service.internalError(error)
        }
    }
}
