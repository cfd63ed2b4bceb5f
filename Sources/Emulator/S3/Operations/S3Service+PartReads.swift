import Foundation

extension S3Service {
    /// The storage classes whose objects must be restored before their bytes can be read.
    static let archivedStorageClasses: Set<String> = ["GLACIER", "DEEP_ARCHIVE"]

    /// Refuses to read the bytes of an archived object (GET, or the source of a copy), as S3 does until it is restored
    /// (and `RestoreObject` is not served here).
    static func checkReadable(_ metadata: S3ObjectVersion.Metadata) throws(S3Error) {
        if archivedStorageClasses.contains(metadata.storageClass) {
            throw S3Error(
                "InvalidObjectState", .forbidden, "The operation is not valid for the object's storage class",
                [("StorageClass", metadata.storageClass)])
        }
    }

    /// The `partNumber` of a GET or HEAD, or `nil` when it reads the whole object.
    func requestedPart(_ context: Context) throws(S3Error) -> Int? {
        guard context.request.hasQuery("partNumber") else { return nil }
        let number = try partNumber(context)
        if context.request.header("range") != nil {
            throw .invalidRequest("Cannot specify both Range header and partNumber query parameter")
        }
        return number
    }

    /// The bytes of part `number` of a version: a part of a multipart object, or the whole of an object written in
    /// one piece as its part 1.
    static func partRange(_ number: Int, of metadata: S3ObjectVersion.Metadata) throws(S3Error) -> Range<Int> {
        let sizes: [Int]
        if let partSizes = metadata.partSizes {
            sizes = partSizes
        } else if metadata.partsCount == nil {
            sizes = [metadata.size]
        } else {
            // A multipart object journaled before part sizes were kept: its part boundaries are unknown.
            throw .notImplemented()
        }
        guard number <= sizes.count else {
            throw S3Error(
                "InvalidPartNumber", .rangeNotSatisfiable, "The requested partnumber is not satisfiable",
                [("PartNumberRequested", String(number)), ("ActualPartCount", String(sizes.count))])
        }
        let start = sizes[..<(number - 1)].reduce(0, +)
        return start..<(start + sizes[number - 1])
    }
}
