import NIOHTTP1

/// SCIM's own error shape (`{"schemas": [...Error], "detail", "status"}`), which the Databricks SDKs also read.
struct SCIMError: Error, Sendable {
    var status: HTTPResponseStatus
    var detail: String
    var scimType: String?

    static func notFound(_ detail: String) -> SCIMError { SCIMError(status: .notFound, detail: detail) }
    static func conflict(_ detail: String) -> SCIMError {
        SCIMError(status: .conflict, detail: detail, scimType: "uniqueness")
    }
    static func invalid(_ detail: String) -> SCIMError {
        SCIMError(status: .badRequest, detail: detail, scimType: "invalidValue")
    }

    var reply: DatabricksReply {
        var body: JSONObject = [
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "detail": .string(detail),
            "status": .string(String(status.code)),
        ]
        if let scimType { body["scimType"] = .string(scimType) }
        return .json(.object(body), status: status)
    }
}
