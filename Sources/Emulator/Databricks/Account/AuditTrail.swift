import Foundation
import NIOConcurrencyHelpers

/// The audit events of an account's mutating API calls, which log delivery writes to the customer's bucket in
/// Databricks' audit log format. Request fields that could carry a secret are never recorded.
final class AuditTrail: Sendable {
    struct Event: Sendable {
        var time: Date
        var workspaceId: Int64
        var object: JSONObject
    }

    private let events = NIOLockedValueBox<[Event]>([])
    private static let limit = 100_000
    private static let secretWords = ["value", "secret", "content", "token", "password", "key"]

    func record(_ call: DatabricksCall, service: String, status: UInt, workspaceId: Int64) {
        var parameters = JSONObject()
        for (name, value) in call.body {
            let lowered = name.lowercased()
            guard !Self.secretWords.contains(where: { lowered.contains($0) }) else { continue }
            switch value {
            case .string, .int, .bool, .double: parameters[name] = value
            default: break
            }
        }
        for (name, value) in call.parameters { parameters[name] = .string(value) }
        let action = call.path.split(separator: "/").last.map(String.init) ?? call.path
        let event: JSONObject = [
            "version": "2.0", "auditLevel": workspaceId == 0 ? "ACCOUNT_LEVEL" : "WORKSPACE_LEVEL",
            "timestamp": .millis(call.now), "workspaceId": .int(workspaceId), "serviceName": .string(service),
            "actionName": .string("\(call.method.rawValue.lowercased()) \(action)"),
            "requestId": .string(DatabricksIdentifiers.uuid()), "requestParams": .object(parameters),
            "response": ["statusCode": .int(Int64(status))],
            "userIdentity": ["email": .string(call.caller.name)],
            "sourceIPAddress": .optional(call.request.remoteAddress?.ipAddress),
            "userAgent": .optional(call.request.header("user-agent")),
        ]
        events.withLockedValue { events in
            events.append(Event(time: call.now, workspaceId: workspaceId, object: event))
            if events.count > Self.limit { events.removeFirst(events.count - Self.limit) }
        }
    }

    /// The events in a time range.
    func events(from start: Date, to end: Date) -> [Event] {
        events.withLockedValue { $0.filter { $0.time >= start && $0.time < end } }
    }

    func removeAll() {
        events.withLockedValue { $0.removeAll() }
    }
}
