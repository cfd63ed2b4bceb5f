import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    /// The regions a location constraint may name (`EU` is the legacy name of eu-west-1).
    static let knownRegions: Set<String> = [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-northeast-1",
        "ap-northeast-2", "ap-northeast-3", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1",
        "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1",
        "me-central-1", "sa-east-1", "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1", "EU",
    ]

    // MARK: - ListBuckets

    func listBuckets(_ context: Context) -> EmulatorResponse {
        let account = context.caller.principal.accountId
        let prefix = context.request.query("prefix") ?? ""
        let regionFilter = context.request.query("bucket-region")
        let maximum = context.request.query("max-buckets").flatMap(Int.init).map { min(max($0, 1), 10_000) }
        let after = context.request.query("continuation-token") ?? ""
        var buckets = store.read { state in
            state.buckets.values.filter { bucket in
                bucket.metadata.ownerAccountId == account && bucket.name.hasPrefix(prefix)
                    && (regionFilter == nil || bucket.metadata.region == regionFilter) && bucket.name > after
            }.map(\.metadata)
        }
        buckets.sort { $0.name < $1.name }
        var next: String?
        if let maximum, buckets.count > maximum {
            buckets = Array(buckets.prefix(maximum))
            next = buckets.last?.name
        }
        var xml = XMLWriter()
        xml.element("ListAllMyBucketsResult", namespace: XMLWriter.s3Namespace) { xml in
            Self.writeOwner(&xml, accountId: account)
            xml.element("Buckets") { xml in
                for bucket in buckets {
                    xml.element("Bucket") { xml in
                        xml.element("Name", bucket.name)
                        xml.element("CreationDate", AWSDate.iso8601(bucket.creationDate))
                        xml.element("BucketRegion", bucket.region)
                    }
                }
            }
            xml.element("ContinuationToken", ifPresent: next)
            if context.request.query("prefix") != nil { xml.element("Prefix", prefix) }
        }
        return xmlResponse(xml)
    }

    // MARK: - CreateBucket

    /// Whether a name follows S3's bucket naming rules.
    static func isValidBucketName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        func isAlnum(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard isAlnum(bytes.first!), isAlnum(bytes.last!) else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard isAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { return false }
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") || previous == UInt8(ascii: "-") {
                return false
            }
            if byte == UInt8(ascii: "-"), previous == UInt8(ascii: ".") { return false }
            previous = byte
        }
        let labels = name.split(separator: ".")
        if labels.count == 4, labels.allSatisfy({ UInt8($0) != nil }) { return false }
        for reserved in ["xn--", "sthree-", "amzn-s3-demo-"] where name.hasPrefix(reserved) { return false }
        for reserved in ["-s3alias", "--ol-s3", "--x-s3", ".mrap", "--table-s3"] where name.hasSuffix(reserved) {
            return false
        }
        return true
    }

    func createBucket(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let name = context.bucket
        guard Self.isValidBucketName(name) else {
            throw S3Error(
                "InvalidBucketName", .badRequest, "The specified bucket is not valid.", [("BucketName", name)])
        }
        var constraint: String?
        if context.request.body.readableBytes > 0 {
            let tree = try xmlBody(context, root: "CreateBucketConfiguration")
            constraint = tree.text(of: "LocationConstraint")
        }
        let signingRegion = context.caller.region
        let region: String
        switch constraint {
        case nil, "":
            guard signingRegion == "us-east-1" else {
                throw S3Error(
                    "IllegalLocationConstraintException", .badRequest,
                    "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
                )
            }
            region = "us-east-1"
        case "us-east-1":
            throw S3Error(
                "InvalidLocationConstraint", .badRequest, "The specified location-constraint is not valid",
                [("LocationConstraint", "us-east-1")])
        case let requested?:
            guard Self.knownRegions.contains(requested) else {
                throw S3Error(
                    "InvalidLocationConstraint", .badRequest, "The specified location-constraint is not valid",
                    [("LocationConstraint", requested)])
            }
            let actual = requested == "EU" ? "eu-west-1" : requested
            guard signingRegion == "us-east-1" || signingRegion == actual else {
                throw S3Error(
                    "IllegalLocationConstraintException", .badRequest,
                    "The \(requested) location constraint is incompatible for the region specific endpoint this request was sent to."
                )
            }
            region = actual
        }
        let account = context.caller.principal.accountId
        try write { transaction throws(S3Error) in
            if let existing = transaction.state.buckets[name] {
                guard existing.metadata.ownerAccountId == account else {
                    throw S3Error(
                        "BucketAlreadyExists", .conflict,
                        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                        [("BucketName", name)])
                }
                if existing.metadata.region == "us-east-1" && region == "us-east-1" { return }
                throw S3Error(
                    "BucketAlreadyOwnedByYou", .conflict,
                    "Your previous request to create the named bucket succeeded and you already own it.",
                    [("BucketName", name)])
            }
            let metadata = S3Bucket.Metadata(
                name: name, region: region, ownerAccountId: account, creationDate: context.now)
            try transaction.commit(.createBucket(metadata))
        }
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: "/\(name)")
        return emptyResponse(.ok, headers: headers)
    }

    // MARK: - DeleteBucket, HeadBucket, GetBucketLocation

    func deleteBucket(_ context: Context) throws(S3Error) -> EmulatorResponse {
        try write { transaction throws(S3Error) in
            let bucket = try bucket(context.bucket, in: transaction.state)
            guard bucket.isEmpty else {
                throw S3Error(
                    "BucketNotEmpty", .conflict, "The bucket you tried to delete is not empty",
                    [("BucketName", context.bucket)])
            }
            try transaction.commit(.deleteBucket(name: context.bucket))
        }
        return emptyResponse(.noContent)
    }

    func headBucket(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let region = try store.read { state throws(S3Error) in try bucket(context.bucket, in: state).metadata.region }
        var headers = HTTPHeaders()
        headers.add(name: "x-amz-bucket-region", value: region)
        headers.add(name: "x-amz-access-point-alias", value: "false")
        headers.add(name: "Content-Type", value: "application/xml")
        return emptyResponse(.ok, headers: headers)
    }

    func getBucketLocation(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let region = try store.read { state throws(S3Error) in try bucket(context.bucket, in: state).metadata.region }
        var xml = XMLWriter()
        xml.open("LocationConstraint", namespace: XMLWriter.s3Namespace)
        if region != "us-east-1" { xml.characters(region) }
        xml.close("LocationConstraint")
        return xmlResponse(xml)
    }

    func getBucketAcl(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let owner = try store.read { state throws(S3Error) in
            try bucket(context.bucket, in: state).metadata.ownerAccountId
        }
        return aclResponse(owner: owner)
    }

    func aclResponse(owner: String) -> EmulatorResponse {
        var xml = XMLWriter()
        xml.element("AccessControlPolicy", namespace: XMLWriter.s3Namespace) { xml in
            Self.writeOwner(&xml, accountId: owner)
            xml.element("AccessControlList") { xml in
                xml.appendOwnerGrant(canonicalId: Self.canonicalUserId(accountId: owner), name: "brickyard-\(owner)")
            }
        }
        return xmlResponse(xml)
    }
}

extension XMLWriter {
    fileprivate mutating func appendOwnerGrant(canonicalId: String, name: String) {
        element("Grant") { xml in
            xml.open("Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"")
            xml.element("ID", canonicalId)
            xml.element("DisplayName", name)
            xml.close("Grantee")
            xml.element("Permission", "FULL_CONTROL")
        }
    }
}
