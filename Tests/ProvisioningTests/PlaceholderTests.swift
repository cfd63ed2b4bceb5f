import CloudClients
import FeatureRunner
import Foundation
import Testing

@testable import Provisioning

@Suite("Placeholders")
struct PlaceholderTests {
    func context() -> ScenarioContext {
        var session = CloudSession(
            aws: .init(
                s3: URL(string: "http://127.0.0.1:1")!, iam: URL(string: "http://127.0.0.1:1")!,
                sts: URL(string: "http://127.0.0.1:1")!, kinesis: URL(string: "http://127.0.0.1:1")!,
                credentials: AWSCredentials(accessKeyId: "AKIA", secretAccessKey: "secret-key-value"),
                region: "eu-west-1", accountId: "111122223333"),
            databricks: .init(
                host: URL(string: "http://127.0.0.1:1")!, accountId: "acct-uuid", authentication: .token("dapi-token"),
                awsAccountId: "414351767826"),
            description: "test", clock: nil, isLive: false)
        session.environment = ["DB_PASSWORD": "from-env"]
        let context = ScenarioContext(
            session: session, names: ResourceNames(run: RunIdentifier(), scenario: "s", attempt: 0),
            ledger: ResourceLedger(), waitTimeout: 1)
        context.state.withLock {
            $0.buckets["root"] = "by-root-1"
            $0.roles["cross"] = RoleReference(name: "by-cross-1", arn: "arn:aws:iam::111122223333:role/by-cross-1")
        }
        return context
    }

    @Test("every placeholder is replaced")
    func known() throws {
        let text = try context().expand(
            "${account} ${region} ${bucket:root} ${role:cross} ${databricks:account} ${databricks:aws} ${env:DB_PASSWORD}"
        )
        #expect(
            text
                == "111122223333 eu-west-1 by-root-1 arn:aws:iam::111122223333:role/by-cross-1 acct-uuid 414351767826 from-env"
        )
        #expect(try context().expand("no placeholders") == "no placeholders")
    }

    @Test("an unknown placeholder names the accepted ones")
    func unknown() {
        #expect {
            try context().expand("${acount}")
        } throws: { error in
            let message = (error as? StepFailure)?.message ?? ""
            return message.contains("unknown placeholder ${acount}") && message.contains("${bucket:NAME}")
                && message.contains("${databricks:aws}")
        }
    }

    @Test("a name the scenario did not create lists the ones it did")
    func missingName() {
        #expect {
            try context().expand("${bucket:data}")
        } throws: { error in
            (error as? StepFailure)?.message.contains(#"no bucket "data"; it has "root""#) == true
        }
        #expect(throws: StepFailure.self) { try context().expand("${env:NOT_SET_ANYWHERE}") }
        #expect(throws: StepFailure.self) { try context().expand("${account") }
    }
}
