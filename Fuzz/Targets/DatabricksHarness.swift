#if DEBUG
@testable import Emulator
import Foundation
import NIOCore
import NIOHTTP1

/// The Databricks readers of request bodies: JSON bodies, `multipart/form-data` forms, SCIM filters and SCIM patches.
enum DatabricksHarness {
    /// A SCIM user as the directory keeps one, for filters to match and patches to change.
    private static let user: JSONObject = [
        "id": "1001", "userName": "fuzz@example.com", "displayName": "Fuzz", "active": true,
        "emails": [["value": "fuzz@example.com", "primary": true]], "groups": [["value": "2001"]],
        "entitlements": [["value": "allow-cluster-create"]], "roles": [],
        "name": ["givenName": "Fuzz", "familyName": "Er"],
    ]

    /// An input whose first byte picks what reads the rest: 0 a request body, 1 a SCIM filter, 2 a SCIM patch
    /// request (`{"Operations": [...]}`).
    static func run(_ data: Data) {
        guard let (selector, rest) = FuzzInput(data).selectorAndRest else { return }
        switch selector % 3 {
        case 0:
            _ = try? DatabricksCall.parseBody(request(body: rest))
        case 1:
            guard let filter = try? SCIMFilter(String(decoding: rest, as: UTF8.self)) else { return }
            _ = filter.matches(user)
        default:
            guard let body = try? DatabricksCall.parseBody(request(body: rest)),
                case .array(let operations)? = body["Operations"]
            else { return }
            var resource = user
            for case .object(let operation) in operations {
                guard case .string(let op)? = operation["op"] else { continue }
                let path: String? = if case .string(let path)? = operation["path"] { path } else { nil }
                try? SCIMPatch.apply(op: op, path: path, value: operation["value"], to: &resource)
            }
        }
    }

    /// An input whose first line is the `Content-Type` (with its `boundary=`) and whose rest is the body.
    static func multipart(_ data: Data) {
        let (contentType, body) = FuzzInput.firstLine(of: Array(data))
        guard let form = MultipartForm(body: Data(body), contentType: contentType) else { return }
        for part in form.parts {
            _ = part.text
            _ = form[part.name]
        }
    }

    private static func request(body: [UInt8]) -> EmulatorRequest {
        EmulatorRequest(
            method: .POST, uri: "/api/2.0/clusters/create", headers: ["Content-Type": "application/json"],
            body: ByteBuffer(bytes: body), remoteAddress: nil)
    }
}
#endif
