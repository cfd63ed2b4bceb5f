import NIOHTTP1

/// What Databricks does and the emulator cannot, in one place: request fields whose effect the emulator does not
/// produce are refused with `501 NOT_IMPLEMENTED` instead of being stored and ignored. (Fields without an effect an
/// emulator could show, such as `pricing_tier`, are kept as given.)
enum DatabricksUnsupportedFeatures {
    /// A request field the emulator does not implement (for some or all values).
    struct Field: Sendable {
        var name: String
        /// Whether a value asks for what the emulator lacks.
        var refuses: @Sendable (JSONValue) -> Bool
        var reason: String
    }

    /// Any value but an empty one.
    private static let anyValue: @Sendable (JSONValue) -> Bool = { value in
        switch value {
        case .null: false
        case .array(let items): !items.isEmpty
        case .object(let fields): !fields.isEmpty
        default: true
        }
    }

    /// The fields of a cluster specification (create, edit, update) refused.
    static let clusterFields: [Field] = [
        Field(name: "init_scripts", refuses: anyValue, reason: "init scripts are not run"),
        Field(name: "cluster_log_conf", refuses: anyValue, reason: "cluster logs are not delivered"),
        Field(name: "docker_image", refuses: anyValue, reason: "Databricks Container Services"),
    ]

    /// The fields of a workspace creation refused.
    static let workspaceFields: [Field] = [
        Field(
            name: "compute_mode", refuses: { $0.string?.uppercased() == "SERVERLESS" },
            reason: "serverless workspaces are not served"),
        Field(
            name: "network_connectivity_config_id", refuses: anyValue,
            reason: "network connectivity configurations (serverless) are not served"),
    ]

    /// The first refused field of a request body, as the error to answer.
    static func refusal(_ body: JSONObject, fields: [Field]) -> DatabricksError? {
        for field in fields {
            if let value = body[field.name], field.refuses(value) {
                return .notImplemented("The field \(field.name) is not implemented by this emulator: \(field.reason).")
            }
        }
        return nil
    }
}

extension DatabricksError {
    /// 501 `NOT_IMPLEMENTED`: something Databricks does that the emulator cannot.
    public static func notImplemented(_ message: String) -> DatabricksError {
        DatabricksError("NOT_IMPLEMENTED", .notImplemented, message)
    }
}
