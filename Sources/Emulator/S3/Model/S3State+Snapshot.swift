import NIOCore

extension S3State: JournaledState {
    func snapshot() -> [(Mutation, ByteBuffer)] {
        var mutations: [(Mutation, ByteBuffer)] = []
        for bucket in buckets.values.sorted(by: { $0.name < $1.name }) {
            mutations.append((.createBucket(bucket.metadata), ByteBuffer()))
            if bucket.settings != S3BucketSettings() {
                mutations.append((.setSettings(bucket: bucket.name, bucket.settings), ByteBuffer()))
            }
            for key in bucket.sortedKeys {
                for version in bucket.objects[key] ?? [] {
                    mutations.append((.putVersion(bucket: bucket.name, version.metadata), version.data))
                }
            }
            for upload in bucket.uploads.values {
                mutations.append((.createUpload(bucket: bucket.name, upload.metadata), ByteBuffer()))
                for part in upload.parts.values.sorted(by: { $0.metadata.partNumber < $1.metadata.partNumber }) {
                    mutations.append(
                        (.putPart(bucket: bucket.name, uploadId: upload.metadata.uploadId, part.metadata), part.data))
                }
            }
        }
        return mutations
    }
}
