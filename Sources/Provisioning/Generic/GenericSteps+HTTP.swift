import AWSWire
import FeatureRunner
import Foundation

/// The generic, Karate-like steps: HTTP requests to the target's AWS services and Databricks hosts, signed or
/// authenticated with the target's credentials, assertions on the answers, remembered values and waiting. They let a
/// scenario reach what the provisioning steps have no phrase for, without writing Swift.
enum GenericSteps {
    /// Where a request step sends: the words of the step that name it, an example, and how to read the target from
    /// the step's arguments starting at an index (returning it and the index of the path argument).
    struct TargetPhrase {
        var words: String
        var example: String
        /// An example of waiting on this target (the Databricks hosts; AWS answers are waited on by sending the
        /// last request again).
        var waitExample: String? = nil
        var resolve: @Sendable (StepCall, ScenarioContext, Int) throws -> (GenericTarget, Int)
    }

    static let targets: [TargetPhrase] = [
        TargetPhrase(words: "S3 path {string}", example: #"S3 path "/${unique:data}""#) { _, _, start in
            (.aws(.s3), start)
        },
        TargetPhrase(words: "path {string}", example: #"path "/""#) { _, context, start in
            guard let service = context.state.withLock({ $0.generic.service }) else {
                throw StepFailure(
                    "which AWS service? Name it first: Given the AWS service \"iam\" (or send to S3 path \"...\")")
            }
            return (.aws(service), start)
        },
        TargetPhrase(
            words: "the Databricks account API path {string}",
            example: #"the Databricks account API path "/api/2.0/accounts/${databricks:account}/workspaces""#,
            waitExample: #""workspace_status" of a GET request to the Databricks account API path "#
                + #""/api/2.0/accounts/${databricks:account}/workspaces/${workspace_id}" is "RUNNING""#
        ) { _, _, start in (.databricksAccount, start) },
        TargetPhrase(
            words: "the Databricks workspace {string} path {string}",
            example: #"the Databricks workspace "${workspace_url}" path "/api/2.0/clusters/list""#,
            waitExample: #""state" of a GET request to the Databricks workspace "main" path "#
                + #""/api/2.1/clusters/get?cluster_id=${cid}" is "RUNNING""#
        ) { step, context, start in
            (.databricksWorkspace(try context.workspaceHost(try step.string(start, in: context))), start + 1)
        },
    ]

    static func registerHTTP(_ steps: inout StepRegistrar) {
        steps.add(
            "the AWS service {string}",
            "Names the AWS service (s3, iam, sts, kinesis) that later \"request to path\" steps go to, signed with "
                + "SigV4 with the target's credentials and region.",
            example: #"Given the AWS service "iam""#
        ) { context, step in
            let service = try GenericAWSService(named: try step.string(0, in: context))
            context.state.withLock { $0.generic.service = service }
        }
        steps.add(
            "the request headers:",
            "Headers for the next request, from a table of name | value rows (placeholders allowed).",
            example: "Given the request headers:\n  | x-amz-acl | private |"
        ) { context, step in
            let headers = try context.pairs(step, what: "header")
            context.state.withLock { $0.generic.pendingHeaders += headers.map { (name: $0.0, value: $0.1) } }
        }
        for target in targets {
            registerRequests(&steps, target)
        }
    }

    private static func registerRequests(_ steps: inout StepRegistrar, _ target: TargetPhrase) {
        let resolve = target.resolve
        steps.add(
            "I send a {word} request to \(target.words)",
            "Sends a request without a body to \(describe(target)) and keeps the answer for the response steps.",
            example: "When I send a GET request to \(target.example)"
        ) { context, step in
            try await context.sendStep(step, resolve, body: nil)
        }
        steps.add(
            "I send a {word} request to \(target.words) with the JSON body:",
            "Sends a JSON doc string (placeholders allowed, checked to be JSON) to \(describe(target)).",
            example: "When I send a POST request to \(target.example) with the JSON body:\n  \"\"\"json\n  {}\n  \"\"\""
        ) { context, step in
            let text = try context.docString(step, json: true)
            _ = try context.parseJSON(text, what: "the doc string")
            try await context.sendStep(step, resolve, body: (Data(text.utf8), "application/json"))
        }
        steps.add(
            "I send a {word} request to \(target.words) with the body:",
            "Sends a doc string as it is (XML, text...) to \(describe(target)); its media type (\"\"\"xml) sets the "
                + "Content-Type unless a request header does.",
            example: "When I send a PUT request to \(target.example) with the body:\n  \"\"\"xml\n  <a/>\n  \"\"\""
        ) { context, step in
            let text = try context.docString(step)
            try await context.sendStep(step, resolve, body: (Data(text.utf8), mediaType(step.docString?.mediaType)))
        }
        steps.add(
            "I clean up with a {word} request to \(target.words)",
            "Sends nothing now: the scenario's teardown sends this request (after the steps, newest first, also "
                + "when a step failed), for what the generic steps cannot know how to delete.",
            example: "And I clean up with a DELETE request to \(target.example)"
        ) { context, step in
            let (target, path) = try resolve(step, context, 1)
            let request = GenericRequest(
                target: target, method: try step.argument(0), path: try step.string(path, in: context))
            context.recordCleanup(request)
        }
        steps.add(
            "I clean up with a {word} request to \(target.words) with the JSON body:",
            "As above, with a JSON doc string as the body (placeholders replaced now).",
            example: "And I clean up with a POST request to \(target.example) with the JSON body:\n  \"\"\"json\n"
                + "  {}\n  \"\"\""
        ) { context, step in
            let (target, path) = try resolve(step, context, 1)
            let text = try context.docString(step, json: true)
            _ = try context.parseJSON(text, what: "the doc string")
            let request = GenericRequest(
                target: target, method: try step.argument(0), path: try step.string(path, in: context),
                headers: [(name: "Content-Type", value: "application/json")], body: Data(text.utf8))
            context.recordCleanup(request)
        }
        guard let waitExample = target.waitExample else { return }
        steps.add(
            "I wait until the response field {string} of a {word} request to \(target.words) is {string}",
            "Sends the request until the JSON field has the value (on an emulator the virtual clock moves on; live, "
                + "real waiting up to the wait timeout).",
            example: "When I wait until the response field \(waitExample)"
        ) { context, step in
            let (target, path) = try resolve(step, context, 2)
            let request = GenericRequest(
                target: target, method: try step.argument(1), path: try step.string(path, in: context),
                headers: context.takePendingHeaders())
            let field = try step.string(0, in: context)
            try await context.waitForField(field, toBe: try step.string(path + 1, in: context), resending: request)
        }
    }

    private static func describe(_ target: TargetPhrase) -> String {
        switch target.words {
        case "S3 path {string}": "S3 (path style, SigV4)"
        case "path {string}": "the AWS service named by `the AWS service` (SigV4)"
        case let words where words.contains("account"): "the Databricks account host"
        default: "a workspace (its URL, or the name a provisioning step gave it)"
        }
    }

    /// The Content-Type of a doc string's media type.
    static func mediaType(_ type: String?) -> String? {
        switch type?.lowercased() {
        case nil, "": nil
        case "json": "application/json"
        case "xml": "application/xml"
        case "text", "txt": "text/plain"
        case let other? where other.contains("/"): other
        case let other?: "text/\(other)"
        }
    }
}

extension ScenarioContext {
    /// Sends the request of a request step: its method (argument 0), its target, and the path after it.
    func sendStep(
        _ step: StepCall, _ resolve: (StepCall, ScenarioContext, Int) throws -> (GenericTarget, Int),
        body: (data: Data, contentType: String?)?
    ) async throws {
        let (target, path) = try resolve(step, self, 1)
        var headers = takePendingHeaders()
        if let type = body?.contentType, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append((name: "Content-Type", value: type))
        }
        let request = GenericRequest(
            target: target, method: try step.argument(0), path: try step.string(path, in: self), headers: headers,
            body: body?.data ?? Data())
        try await send(request)
    }

    /// A workspace host: a URL as it is, or the URL of a workspace a provisioning step made.
    func workspaceHost(_ text: String) throws -> URL {
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            guard let url = URL(string: text) else { throw StepFailure("\"\(text)\" is not a URL") }
            return url
        }
        guard let url = try workspace(text).url else {
            throw StepFailure("workspace \"\(text)\" has no URL yet (is it RUNNING?)")
        }
        return url
    }

    /// The step's doc string, placeholders replaced (JSON-escaped inside string literals, for a JSON one).
    func docString(_ step: StepCall, json: Bool = false) throws -> String {
        guard let content = step.docString?.content else {
            throw StepFailure("this step needs a doc string (\"\"\" ... \"\"\") under it")
        }
        return json ? try expandJSON(content) : try expand(content)
    }

    /// A JSON text as a document.
    func parseJSON(_ text: String, what: String) throws -> AWSDocument {
        do {
            return try AWSDocument.parseJSON(Array(text.utf8))
        } catch {
            throw StepFailure("\(what) is not JSON: \(error.reason): \(text.prefix(200))")
        }
    }

    /// A two-column table's rows (placeholders replaced), without a `name | value` or `parameter | value` header.
    func pairs(_ step: StepCall, what: String) throws -> [(String, String)] {
        guard let rows = step.dataTable?.values, !rows.isEmpty else {
            throw StepFailure("this step needs a table of \(what) | value rows under it")
        }
        var pairs: [(String, String)] = []
        for (index, row) in rows.enumerated() {
            guard row.count == 2 else {
                throw StepFailure("row \(index + 1) of the table has \(row.count) cells; each row is \(what) | value")
            }
            let header = ["name", "parameter", "header", "key", "field"]
            if index == 0, header.contains(row[0].lowercased()), row[1].lowercased() == "value" { continue }
            pairs.append((try expand(row[0]), try expand(row[1])))
        }
        return pairs
    }
}

extension GenericSteps {
    /// Adds every generic step.
    static func register(_ steps: inout StepRegistrar) {
        steps.group = "Generic: HTTP requests"
        registerHTTP(&steps)
        steps.group = "Generic: AWS API calls"
        registerCalls(&steps)
        steps.group = "Generic: assertions on the response"
        registerAssertions(&steps)
        steps.group = "Generic: remembering values and waiting"
        registerMemory(&steps)
    }
}
