import Foundation
import NIOCore
import NIOHTTP1

extension AdminEndpoints {
    /// `/_brickyard/faults`: `POST` adds a rule, `GET` lists them (with hits), `DELETE` removes all, and
    /// `DELETE /_brickyard/faults/{id}` one.
    func faults(_ request: EmulatorRequest, id: String?) -> EmulatorResponse {
        let injector = services.faults
        switch (request.method, id) {
        case (.GET, nil):
            return json(["faults": injector.current.map(Self.describe)])
        case (.DELETE, nil):
            injector.removeAll()
            return json(["faults": [Any]()])
        case (.DELETE, let id?):
            return injector.remove(id: id)
                ? json(["deleted": id]) : json(["error": "no fault \(id)"], status: .notFound)
        case (.POST, nil):
            switch Self.rule(from: Data(request.body.readableBytesView)) {
            case .success(let rule):
                injector.add(rule)
                return json(Self.describe(rule), status: .created)
            case .failure(let message):
                return json(["error": message.text], status: .badRequest)
            }
        default:
            return json(["error": "method not allowed"], status: .methodNotAllowed)
        }
    }

    struct RuleError: Error {
        var text: String
    }

    static func rule(from data: Data) -> Result<FaultRule, RuleError> {
        guard let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(RuleError(text: "expected a JSON object"))
        }
        var error: FaultRule.InjectedError?
        if let object = body["error"] {
            guard let spec = object as? [String: Any], let status = AdminJSON.integer(spec["status"], in: 400...599)
            else {
                return .failure(RuleError(text: "error needs a status between 400 and 599"))
            }
            error = FaultRule.InjectedError(
                status: status, code: spec["code"] as? String ?? Self.defaultCode(status),
                message: spec["message"] as? String, retryAfter: AdminJSON.integer(spec["retryAfter"], in: 0...86_400))
            if spec["retryAfter"] != nil && error?.retryAfter == nil {
                return .failure(RuleError(text: "retryAfter must be a whole number of seconds from 0 to 86400"))
            }
        }
        if body["latencyMs"] != nil && AdminJSON.integer(body["latencyMs"], in: 0...600_000) == nil {
            return .failure(RuleError(text: "latencyMs must be a whole number from 0 to 600000"))
        }
        let latency = AdminJSON.integer(body["latencyMs"], in: 0...600_000) ?? 0
        guard error != nil || latency > 0 else {
            return .failure(RuleError(text: "a fault needs an error, a latencyMs, or both"))
        }
        let probability = body["probability"] == nil ? 1 : AdminJSON.double(body["probability"], in: 0...1)
        guard let probability else { return .failure(RuleError(text: "probability must be 0 to 1")) }
        let count = AdminJSON.integer(body["count"], in: 1...Int(Int32.max))
        if body["count"] != nil && count == nil {
            return .failure(RuleError(text: "count must be a whole number of at least 1"))
        }
        return .success(
            FaultRule(
                service: body["service"] as? String, operation: body["operation"] as? String,
                pathPattern: body["path"] as? String, error: error, probability: probability, count: count,
                latencyMilliseconds: max(0, latency)))
    }

    static func defaultCode(_ status: Int) -> String {
        switch status {
        case 429: "Throttling"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        default: "InjectedFault"
        }
    }

    static func describe(_ rule: FaultRule) -> [String: Any] {
        var object: [String: Any] = [
            "id": rule.id, "probability": rule.probability, "latencyMs": rule.latencyMilliseconds, "hits": rule.hits,
        ]
        object["service"] = rule.service
        object["operation"] = rule.operation
        object["path"] = rule.pathPattern
        object["remaining"] = rule.remaining
        if let error = rule.error {
            var spec: [String: Any] = ["status": error.status, "code": error.code, "message": error.message]
            spec["retryAfter"] = error.retryAfter
            object["error"] = spec
        }
        return object
    }
}
