import Foundation
import NIOCore
import NIOHTTP1

/// Writes log files into a customer's bucket the way Databricks does: as the log delivery configuration's
/// cross-account role (assumed by Databricks' AWS account with the external id), through S3 and its authorization.
struct LogDeliveryWriter: Sendable {
    let validator: AWSSideValidator

    struct File: Sendable {
        var key: String
        var body: Data
        var contentType: String
    }

    enum Outcome: Sendable {
        case success
        case failure(String)
    }

    func deliver(_ files: [File], bucket: String, roleArn: String, region: String) -> Outcome {
        let session: AWSCredential
        do {
            session = try validator.assumeCrossAccountRole(
                roleArn, region: region.isEmpty ? validator.s3.configuration.region : region)
        } catch {
            return .failure("Cannot assume the delivery role: \(error.message)")
        }
        for file in files {
            let path = "/\(bucket)/" + PercentEncodingPath.encode(file.key)
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: file.contentType)
            headers.add(name: "Content-Length", value: String(file.body.count))
            headers.add(name: "x-amz-acl", value: "bucket-owner-full-control")
            let request = EmulatorRequest(
                method: .PUT, uri: path, headers: headers, body: ByteBuffer(bytes: file.body), remoteAddress: nil)
            let response = validator.s3.handle(request, as: session)
            guard response.status == .ok else {
                let text =
                    response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
                let code =
                    text.range(of: "<Code>").flatMap { start in
                        text.range(of: "</Code>").map { String(text[start.upperBound..<$0.lowerBound]) }
                    } ?? "\(response.status.code)"
                return .failure("Writing s3://\(bucket)/\(file.key) failed: \(code)")
            }
        }
        return .success
    }
}

/// Percent-encoding of an S3 key for a path (slashes kept).
enum PercentEncodingPath {
    static func encode(_ key: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/=")
        return key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key
    }
}
