import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension S3Service {
    func getObjectTagging(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let (version, versioned) = try readVersion(context)
        var headers = HTTPHeaders()
        if versioned { headers.add(name: "x-amz-version-id", value: version.versionId) }
        var xml = XMLWriter()
        xml.element("Tagging", namespace: XMLWriter.s3Namespace) { Self.writeTagSet(&$0, version.metadata.tags) }
        return xmlResponse(xml, headers: headers)
    }

    func putObjectTagging(_ context: Context) throws(S3Error) -> EmulatorResponse {
        let tags = try parseTagging(context, maximum: 10)
        return try setObjectTags(context, tags)
    }

    func deleteObjectTagging(_ context: Context) throws(S3Error) -> EmulatorResponse {
        var response = try setObjectTags(context, [])
        response.status = .noContent
        return response
    }

    private func setObjectTags(_ context: Context, _ tags: [S3Tag]) throws(S3Error) -> EmulatorResponse {
        let (version, versioned) = try readVersion(context)
        try write { transaction throws(S3Error) in
            try transaction.commit(
                .setVersionTags(bucket: context.bucket, key: context.key, versionId: version.versionId, tags: tags))
        }
        var headers = HTTPHeaders()
        if versioned { headers.add(name: "x-amz-version-id", value: version.versionId) }
        return emptyResponse(.ok, headers: headers)
    }

    func getObjectAcl(_ context: Context) throws(S3Error) -> EmulatorResponse {
        _ = try readVersion(context)
        let owner = try store.read { state throws(S3Error) in
            try bucket(context.bucket, in: state).metadata.ownerAccountId
        }
        return aclResponse(owner: owner)
    }
}
