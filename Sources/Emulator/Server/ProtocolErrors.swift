import AWSWire
import Foundation
import NIOCore
import NIOHTTP1

/// Error answers in the query protocol (IAM, STS) for services this emulator does not serve yet.
enum QueryProtocolErrors {
    static func unsupported(service: String, request: EmulatorRequest) -> EmulatorResponse {
        let form =
            ServiceDetector.isFormPost(request)
            ? PercentEncoding.decodeQuery(
                String(decoding: request.body.readableBytesView, as: UTF8.self), plusAsSpace: true)
            : request.queryItems
        let action = form?.first { $0.name == "Action" }?.value ?? ""
        var xml = XMLWriter()
        let requestId = UUID().uuidString.lowercased()
        xml.element("ErrorResponse", namespace: "https://\(service).amazonaws.com/doc/") { xml in
            xml.element("Error") { xml in
                xml.element("Type", "Sender")
                xml.element("Code", "InvalidAction")
                xml.element("Message", "The action \(action) is not valid for this web service.")
            }
            xml.element("RequestId", requestId)
        }
        return EmulatorResponse(
            status: .badRequest, headers: ["Content-Type": "text/xml", "x-amzn-RequestId": requestId],
            body: ByteBuffer(string: xml.text))
    }
}

/// Error answers in the JSON protocol (Kinesis) for operations this emulator does not serve yet.
enum JSONProtocolErrors {
    static func unknownOperation(service: String, target: String) -> EmulatorResponse {
        let requestId = UUID().uuidString.lowercased()
        let body = #"{"__type":"UnknownOperationException","message":"Unknown operation \#(target)"}"#
        return EmulatorResponse(
            status: .badRequest,
            headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": requestId],
            body: ByteBuffer(string: body))
    }
}
