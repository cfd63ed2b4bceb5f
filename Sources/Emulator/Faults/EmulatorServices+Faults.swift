import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

extension EmulatorServices {
    /// The operation a request names, for fault rules: S3's operation, a query `Action`, a JSON target's operation.
    func operationName(_ request: EmulatorRequest, _ detected: DetectedService) -> (service: String, operation: String?)
    {
        switch detected {
        case .s3:
            guard let path = request.decodedPath else { return ("s3", nil) }
            let address = S3Addressing(
                host: request.hostName, decodedPath: path, suffixes: configuration.virtualHostSuffixes)
            let operation = try? S3Operation.identify(
                method: request.method, bucket: address.bucket, key: address.key, request: request
            ).get()
            return ("s3", operation?.rawValue)
        case .query(let service):
            let items =
                ServiceDetector.isFormPost(request)
                ? PercentEncoding.decodeQuery(
                    String(decoding: request.body.readableBytesView, as: UTF8.self), plusAsSpace: true)
                : request.queryItems
            return (service, items?.first { $0.name == "Action" }?.value)
        case .json(let service, let target):
            return (service, target.split(separator: ".").last.map(String.init))
        case .databricks:
            return ("databricks", DatabricksService.operationName(request))
        }
    }

    /// Applies the first matching fault: waits its latency, and answers its error in the service's wire format.
    /// - Returns: The injected answer, or `nil` to answer the request normally.
    func injectFault(_ request: EmulatorRequest, _ detected: DetectedService) async -> EmulatorResponse? {
        guard !faults.current.isEmpty else { return nil }
        let (service, operation) = operationName(request, detected)
        guard let rule = faults.fault(service: service, operation: operation, path: String(request.rawPath))
        else { return nil }
        if rule.latencyMilliseconds > 0 {
            try? await Task.sleep(nanoseconds: UInt64(rule.latencyMilliseconds) * 1_000_000)
        }
        guard let error = rule.error else { return nil }
        let status = HTTPResponseStatus(statusCode: error.status)
        var response: EmulatorResponse
        switch detected {
        case .s3:
            response = s3.render(
                S3Error(error.code, status, error.message), String(request.rawPath), S3RequestID.make(),
                method: request.method)
        case .query(let name):
            let requestId = UUID().uuidString.lowercased()
            let fault: QueryError.Fault = error.status >= 500 ? .receiver : .sender
            let xml = QueryError(error.code, status, error.message, fault: fault).xml(
                namespace: name == "iam" ? iam.namespace : sts.namespace, requestId: requestId)
            response = EmulatorResponse(
                status: status, headers: ["Content-Type": "text/xml", "x-amzn-RequestId": requestId],
                body: ByteBuffer(string: xml))
        case .databricks:
            response = DatabricksError(error.code, status, error.message).response(
                requestId: UUID().uuidString.lowercased())
        case .json:
            // Answered in the encoding the request came in (JSON 1.1 or CBOR 1.1).
            response = KinesisProtocol(contentType: request.header("content-type")).response(
                KinesisError(error.code, error.message, status: status).document, status: status,
                requestId: UUID().uuidString.lowercased())
        }
        if let retryAfter = error.retryAfter {
            response.headers.replaceOrAdd(name: "Retry-After", value: "\(retryAfter)")
        }
        return response
    }
}
