import Foundation
import Testing

@testable import FeatureRunner

/// The HTML page read at a glance: what failed at the top, muted zeros, the failing step's exchange open, text bodies
/// as text.
@Suite("HTML report at a glance")
struct HTMLReportGlanceTests {
    /// A JSON array of captured exchanges, each `(method, url, status)`.
    static func exchanges(_ calls: [(String, String, Int)]) -> Data {
        let objects: [[String: Any]] = calls.map { method, url, status in
            [
                "method": method, "url": url, "status": status, "attempt": 1, "duration": 0.001,
                "requestHeaders": [String: String](), "responseHeaders": [String: String](), "requestBody": "",
                "responseBody": status == 404 ? "<Code>NoSuchKey</Code>" : "", "started": "2026-11-23T14:00:00Z",
            ]
        }
        return try! JSONSerialization.data(withJSONObject: objects)
    }

    static let discovery = "http://127.0.0.1:4566/oidc/.well-known/oauth-authorization-server"
    static let token = "http://127.0.0.1:4566/oidc/v1/token"

    static var library: StepLibrary<EmptyWorld> {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a passing step with calls") { _, step in
            step.attach(
                Self.exchanges([("GET", "http://127.0.0.1:4566/a", 500), ("GET", "http://127.0.0.1:4566/a", 200)]),
                mediaType: Attachment.httpExchangesMediaType)
        }
        steps.given("a refused read") { _, step in
            step.attach(
                Self.exchanges([
                    ("GET", Self.discovery, 200), ("POST", Self.token, 200),
                    ("GET", "http://127.0.0.1:4566/b/missing.txt", 404), ("GET", "http://127.0.0.1:4566/b", 200),
                ]), mediaType: Attachment.httpExchangesMediaType)
            throw StepFailure("expected object \"missing.txt\"\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8")
        }
        steps.given("a wrong workspace answer") { _, step in
            step.attach(
                Self.exchanges([
                    ("GET", "http://127.0.0.1:4566/api/2.0/accounts/x/workspaces/1", 200), ("GET", Self.discovery, 200),
                    ("POST", Self.token, 200),
                ]), mediaType: Attachment.httpExchangesMediaType)
            step.attach(Data("plain words\n".utf8), mediaType: "application/octet-stream", fileName: "note")
            step.attach(Data([0, 1, 2, 3]), mediaType: "application/octet-stream", fileName: "bytes")
            throw StepFailure("expected RUNNING")
        }
        return steps
    }

    static let feature = """
        Feature: Glance
          Scenario: fine
            Given a passing step with calls
          Scenario: refused
            Given a refused read
          Scenario: wrong answer
            Given a passing step with calls
            Then a wrong workspace answer
        """

    static let other = """
        Feature: All good
          Scenario: nothing failed
            Given a passing step with calls
        """

    func render() async throws -> (html: String, model: [String: Any], fixture: FeatureFixture) {
        let fixture = try FeatureFixture(["glance.feature": Self.feature, "good.feature": Self.other])
        let result = try await fixture.run(Self.library)
        let html = String(decoding: HTMLReport(replayCommand: "brickyard run").render(result), as: UTF8.self)
        let json = try #require(
            html.components(separatedBy: #"type="application/json">"#).last?.components(separatedBy: "</script>").first)
        let model = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (html, model, fixture)
    }

    @Test("the page opens on the failures: location, scenario, failing step, first lines of the error, replay")
    func failuresFirst() async throws {
        let (html, _, fixture) = try await render()
        let main = try #require(html.components(separatedBy: "<main>").last)
        #expect(main.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(#"<section id="failures">"#))
        let failures = try #require(main.components(separatedBy: "</section>").first)
        #expect(failures.contains("<h2>2 failed scenarios</h2>"))
        let items = failures.components(separatedBy: #"<li class="failure">"#).dropFirst()
        #expect(items.count == 2)
        let refused = try #require(items.first)
        let path = fixture.path("glance.feature")
        #expect(refused.contains(##"href="#scenario-"##) && refused.contains("\(path):4</a>"))
        #expect(refused.contains(#"<span class="name">refused</span>"#))
        #expect(refused.contains("Given a refused read <span class=\"where\">\(path):5</span>"))
        #expect(refused.contains("expected object &quot;missing.txt&quot;\nline 2"))
        #expect(refused.contains("line 6\n... (2 more lines)") && !refused.contains("line 7"))
        #expect(refused.contains("<code>brickyard run \(path):4</code>"))
        #expect(items.last?.contains("Then a wrong workspace answer") == true)
    }

    @Test("the summary's replay command is the scenario's own Replay line")
    func sameReplay() async throws {
        let (html, model, _) = try await render()
        let scenarios = try #require(model["scenarios"] as? [[String: Any]])
        let replays = scenarios.compactMap { $0["replay"] as? String }
        #expect(replays.count == 2)
        for replay in replays { #expect(html.contains("<code>\(replay)</code>")) }
    }

    @Test("a secret in a failure's message is masked in the summary too")
    func secretsMasked() async throws {
        var steps = StepLibrary<EmptyWorld>()
        steps.given("a step that leaks") { _, step in
            step.redact("hunter2-secret")
            throw StepFailure("the token hunter2-secret was refused")
        }
        let fixture = try FeatureFixture(
            ["leak.feature": "Feature: leak\n  Scenario: leaks\n    Given a step that leaks\n"])
        let run = try FeatureRun(library: steps, targets: [fixture.path()])
        let result = await run.execute()
        var report = HTMLReport()
        report.secrets = run.secrets
        let html = String(decoding: report.render(result), as: UTF8.self)
        #expect(html.contains(#"<section id="failures">"#))
        #expect(html.contains("the token &lt;redacted&gt; was refused"))
        #expect(!html.contains("hunter2-secret"))
    }

    @Test("a run without failures has no failures section")
    func noFailures() async throws {
        let fixture = try FeatureFixture(["good.feature": Self.other])
        let result = try await fixture.run(Self.library)
        let html = String(decoding: HTMLReport().render(result), as: UTF8.self)
        #expect(!html.contains(#"id="failures""#))
    }

    @Test("only the failing step's exchanges are focused: the failed call, else the last one that is not OAuth")
    func focusedExchange() async throws {
        let (_, model, _) = try await render()
        let scenarios = try #require(model["scenarios"] as? [[String: Any]])
        func steps(_ name: String) -> [[String: Any]] {
            scenarios.first { $0["n"] as? String == name }?["steps"] as? [[String: Any]] ?? []
        }
        #expect(steps("fine").first?["focus"] == nil, "a passing step opens nothing, even with a 500 in it")
        #expect(steps("refused").first?["focus"] as? Int == 2, "the 404, not the discovery calls or the last 200")
        #expect(steps("wrong answer").first?["focus"] == nil)
        #expect(steps("wrong answer").last?["focus"] as? Int == 0, "the workspace call, not the token calls after it")
    }

    @Test("the focus heuristic: failed answers first, OAuth and OIDC plumbing last")
    func focusHeuristic() {
        let api = "https://dbc-1.cloud.databricks.com/api/2.1/clusters/get"
        let wellKnown = "https://dbc-1.cloud.databricks.com/oidc/.well-known/oauth-authorization-server"
        let token = "https://accounts.cloud.databricks.com/oidc/accounts/x/v1/token"
        #expect(ExchangeFocus.index(of: []) == nil)
        #expect(ExchangeFocus.index(of: [(api, 200), (wellKnown, 200), (token, 200)]) == 0)
        #expect(ExchangeFocus.index(of: [(wellKnown, 200), (token, 200), (api, 404), (api, 200)]) == 2)
        #expect(ExchangeFocus.index(of: [(api, 0), (api, 200)]) == 0, "no answer counts as a failure")
        #expect(ExchangeFocus.index(of: [(wellKnown, 200), (token, 200)]) == 1)
        #expect(ExchangeFocus.isPlumbing("https://login.example.com/oauth2/token?x=1"))
        #expect(!ExchangeFocus.isPlumbing("http://127.0.0.1:4566/bucket/oauth2-notes.txt"))
    }

    @Test("the script highlights and opens the focused exchange, and mutes zero counts")
    func scriptAndStyle() {
        let script = HTMLReport.script
        #expect(script.contains(#"class: focused ? "http focus" : "http""#))
        #expect(script.contains("if (focused) { fill(); details.open = true; }"))
        #expect(script.contains(#"" zero""#) && script.contains(#"" nonzero""#))
        #expect(!script.contains(#""\n  at " + step.def"#), "no Swift source path in the error text")
        let css = HTMLReport.css
        #expect(css.contains("td.zero") && css.contains("td.failed.nonzero") && css.contains("details.http.focus"))
    }

    @Test("octet-stream attachments that are text show as text; binary ones do not")
    func textAttachments() async throws {
        let (_, model, _) = try await render()
        let scenarios = try #require(model["scenarios"] as? [[String: Any]])
        let scenario = try #require(scenarios.first { $0["n"] as? String == "wrong answer" })
        let step = try #require((scenario["steps"] as? [[String: Any]])?.last)
        let attachments = try #require(step["att"] as? [[String: Any]])
        #expect(attachments.first?["text"] as? String == "plain words\n")
        #expect(attachments.last?["text"] == nil && attachments.last?["href"] != nil)
    }
}
