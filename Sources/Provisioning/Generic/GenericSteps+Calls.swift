import AWSWire
import FeatureRunner
import Foundation

extension GenericSteps {
    static func registerCalls(_ steps: inout StepRegistrar) {
        steps.add(
            "I call {word} {string}",
            "Calls an operation without parameters: IAM and STS over the query protocol (XML answers, for the XPath "
                + "steps), Kinesis over JSON 1.1 (JSON answers).",
            example: #"When I call STS "GetCallerIdentity""#
        ) { context, step in
            try await context.call(try step.argument(0), try step.string(1, in: context), parameters: .map([:]))
        }
        steps.add(
            "I call {word} {string} with:",
            "Calls an operation with the parameters of a table (parameter | value; for Kinesis, values that read as "
                + "JSON numbers, booleans, arrays or objects are sent as such) or of a JSON doc string (for the query "
                + "services, nested objects and arrays are flattened: Tags.member.1.Key).",
            example: "When I call IAM \"CreateRole\" with:\n  | RoleName                 | ${unique:reader} |\n"
                + "  | AssumeRolePolicyDocument | ${trust}         |"
        ) { context, step in
            let parameters: AWSDocument
            if step.dataTable != nil {
                // The query protocol's values are text; a JSON service's are typed when they read as JSON.
                let query = try GenericAWSService(named: try step.argument(0)).queryVersion != nil
                let pairs = try context.pairs(step, what: "parameter")
                parameters = .map(
                    Dictionary(
                        pairs.map { ($0.0, query ? .string($0.1) : Self.typed($0.1)) },
                        uniquingKeysWith: { _, last in last }))
            } else {
                let document = try context.parseJSON(try context.docString(step, json: true), what: "the doc string")
                guard document.map != nil else { throw StepFailure("the doc string is JSON, but not an object") }
                parameters = document
            }
            try await context.call(try step.argument(0), try step.string(1, in: context), parameters: parameters)
        }
    }

    /// A table value for a JSON service: JSON when it reads as a JSON number, boolean, null, array, object or quoted
    /// string; the text otherwise.
    static func typed(_ value: String) -> AWSDocument {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, "-0123456789tfn[{\"".contains(first),
            let document = try? AWSDocument.parseJSON(Array(trimmed.utf8))
        else { return .string(value) }
        return document
    }

    /// Query-protocol parameters from a document: members joined with `.`, list elements as `.member.N`.
    static func flatten(_ document: AWSDocument, prefix: String = "", into parameters: inout [(String, String)]) {
        switch document {
        case .map(let members):
            for key in members.keys.sorted() {
                flatten(members[key]!, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &parameters)
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                flatten(item, prefix: "\(prefix).member.\(index + 1)", into: &parameters)
            }
        default:
            parameters.append((prefix, document.plainText))
        }
    }
}

extension ScenarioContext {
    /// Calls an operation of an AWS service by its protocol, as a generic request (so waiting steps can send it
    /// again and the response steps read its answer).
    func call(_ serviceName: String, _ operation: String, parameters: AWSDocument) async throws {
        let service = try GenericAWSService(named: serviceName)
        var headers = takePendingHeaders()
        let body: Data
        if let version = service.queryVersion {
            var items = [("Action", operation), ("Version", version)]
            GenericSteps.flatten(parameters, into: &items)
            body = Data(
                items.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
                    .joined(separator: "&").utf8)
            headers.append((name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8"))
        } else if let prefix = service.jsonTargetPrefix {
            body = Data(parameters.jsonBytes())
            headers.append((name: "Content-Type", value: "application/x-amz-json-1.1"))
            headers.append((name: "X-Amz-Target", value: "\(prefix).\(operation)"))
        } else {
            throw StepFailure(
                "\(serviceName) is a REST API, not called by operation: When I send a PUT request to S3 path "
                    + "\"/${unique:data}\"")
        }
        try await send(GenericRequest(target: .aws(service), method: "POST", path: "/", headers: headers, body: body))
    }
}
