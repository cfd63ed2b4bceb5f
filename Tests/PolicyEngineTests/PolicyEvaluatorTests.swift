import PolicyEngine
import Testing

/// Evaluation order and cross-account rules, with AWS's documented examples.
@Suite("Policy evaluation")
struct PolicyEvaluatorTests {
    static let alice = PrincipalIdentity(
        kind: .user, accountId: "111122223333", arn: "arn:aws:iam::111122223333:user/alice",
        userId: "AIDAEXAMPLEALICE00000", name: "alice", tags: ["team": "data"])
    static let session = PrincipalIdentity(
        kind: .assumedRole, accountId: "111122223333", arn: "arn:aws:sts::111122223333:assumed-role/reader/s1",
        userId: "AROAEXAMPLEREADER0000:s1", name: "s1", roleArn: "arn:aws:iam::111122223333:role/reader")
    static let databricks = PrincipalIdentity(
        kind: .user, accountId: "414351767826", arn: "arn:aws:iam::414351767826:user/databricks",
        userId: "AIDAEXAMPLEDATABRICKS", name: "databricks")

    static func policy(_ name: String, _ statements: String...) throws -> NamedPolicy {
        let text = #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#
        return NamedPolicy(name: name, document: try PolicyDocument.parse(text))
    }

    static func context(
        _ principal: PrincipalIdentity, _ action: String, _ resource: String, account: String? = nil,
        keys: ContextKeys = ContextKeys()
    ) -> RequestContext {
        RequestContext(principal: principal, action: action, resource: resource, resourceAccountId: account, keys: keys)
    }

    let evaluator = PolicyEvaluator()

    @Test("no policy is an implicit deny; an allow allows; a deny anywhere wins")
    func order() throws {
        let get = Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::b/k")
        #expect(evaluator.evaluate(get, policies: PolicySet()).outcome == .implicitDeny)
        let allow = try Self.policy("allow", #"{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}"#)
        let decision = evaluator.evaluate(get, policies: PolicySet(identity: [allow]))
        #expect(decision.outcome == .allowed)
        #expect(decision.matchedStatements.map(\.policyName) == ["allow"])
        let deny = try Self.policy("deny", #"{"Sid":"NoGet","Effect":"Deny","Action":"s3:*","Resource":"*"}"#)
        let denied = evaluator.evaluate(get, policies: PolicySet(identity: [allow, deny]))
        #expect(denied.outcome == .explicitDeny)
        #expect(denied.matchedStatements.first?.sid == "NoGet")
        #expect(evaluator.evaluate(get, policies: PolicySet(resource: deny)).outcome == .implicitDeny)
    }

    @Test("the root user may do anything no policy explicitly denies")
    func root() throws {
        let root = PrincipalIdentity.root(accountId: "111122223333")
        let get = Self.context(root, "s3:DeleteBucket", "arn:aws:s3:::b")
        #expect(evaluator.evaluate(get, policies: PolicySet()).isAllowed)
        let bucketDeny = try Self.policy(
            "bucket", #"{"Effect":"Deny","Principal":"*","Action":"s3:DeleteBucket","Resource":"arn:aws:s3:::b"}"#)
        #expect(evaluator.evaluate(get, policies: PolicySet(resource: bucketDeny)).outcome == .explicitDeny)
        let other = Self.context(root, "s3:GetObject", "arn:aws:s3:::b/k", account: "999988887777")
        #expect(evaluator.evaluate(other, policies: PolicySet()).outcome == .implicitDeny)
    }

    @Test("a bucket policy naming a user grants alone; one naming the account needs the identity side")
    func resourcePolicies() throws {
        let get = Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::b/k")
        let byUser = try Self.policy(
            "bucket",
            #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#
        )
        #expect(evaluator.evaluate(get, policies: PolicySet(resource: byUser)).isAllowed)
        let byAccount = try Self.policy(
            "bucket", #"{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}"#)
        #expect(evaluator.evaluate(get, policies: PolicySet(resource: byAccount)).outcome == .implicitDeny)
        let bob = try Self.policy(
            "bucket",
            #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"s3:*","Resource":"*"}"#
        )
        #expect(evaluator.evaluate(get, policies: PolicySet(resource: bob)).outcome == .implicitDeny)
    }

    @Test("across accounts both the resource policy and the identity policy must allow")
    func crossAccount() throws {
        let get = Self.context(Self.databricks, "s3:GetObject", "arn:aws:s3:::root-bucket/k", account: "111122223333")
        let bucket = try Self.policy(
            "bucket",
            #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::root-bucket/*"}"#
        )
        let identity = try Self.policy("id", #"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#)
        #expect(evaluator.evaluate(get, policies: PolicySet(resource: bucket)).outcome == .implicitDeny)
        #expect(evaluator.evaluate(get, policies: PolicySet(identity: [identity])).outcome == .implicitDeny)
        #expect(evaluator.evaluate(get, policies: PolicySet(identity: [identity], resource: bucket)).isAllowed)
    }

    @Test("a trust policy with an external id, as Databricks' cross-account role uses")
    func externalId() throws {
        let trust = try Self.policy(
            "trust",
            #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc-123"}}}"#
        )
        let assume = try Self.policy("id", #"{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}"#)
        let role = "arn:aws:iam::111122223333:role/cross-account"
        func decide(_ externalId: String?) -> Decision.Outcome {
            var keys = ContextKeys()
            if let externalId { keys.set("sts:ExternalId", externalId) }
            let context = Self.context(Self.databricks, "sts:AssumeRole", role, account: "111122223333", keys: keys)
            return evaluator.evaluate(context, policies: PolicySet(identity: [assume], resource: trust)).outcome
        }
        #expect(decide(nil) == .implicitDeny)
        #expect(decide("wrong") == .implicitDeny)
        #expect(decide("abc-123") == .allowed)
        let service = Self.context(.service("ec2.amazonaws.com"), "sts:AssumeRole", role, account: "111122223333")
        #expect(evaluator.evaluate(service, policies: PolicySet(resource: trust)).outcome == .implicitDeny)
        let ec2Trust = try Self.policy(
            "trust", #"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}"#)
        #expect(evaluator.evaluate(service, policies: PolicySet(resource: ec2Trust)).isAllowed)
        let user = Self.context(Self.alice, "sts:AssumeRole", role)
        let userAssumes = PolicySet(identity: [assume], resource: ec2Trust, requiresResourceAllow: true)
        #expect(evaluator.evaluate(user, policies: userAssumes).outcome == .implicitDeny)
        let sameAccountTrust = try Self.policy(
            "trust", #"{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}"#)
        let viaAccount = PolicySet(identity: [assume], resource: sameAccountTrust, requiresResourceAllow: true)
        #expect(evaluator.evaluate(user, policies: viaAccount).isAllowed)
        let noIdentity = PolicySet(resource: sameAccountTrust, requiresResourceAllow: true)
        #expect(evaluator.evaluate(user, policies: noIdentity).outcome == .implicitDeny)
    }

    @Test("session policies and a permissions boundary narrow identity policies")
    func narrowing() throws {
        let full = try Self.policy("full", #"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#)
        let readOnly = try Self.policy("session", #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#)
        let put = Self.context(Self.session, "s3:PutObject", "arn:aws:s3:::b/k")
        let get = Self.context(Self.session, "s3:GetObject", "arn:aws:s3:::b/k")
        #expect(evaluator.evaluate(put, policies: PolicySet(identity: [full])).isAllowed)
        #expect(
            evaluator.evaluate(put, policies: PolicySet(identity: [full], sessionPolicies: [readOnly])).outcome
                == .implicitDeny)
        #expect(evaluator.evaluate(get, policies: PolicySet(identity: [full], sessionPolicies: [readOnly])).isAllowed)
        #expect(
            evaluator.evaluate(put, policies: PolicySet(identity: [full], permissionsBoundary: readOnly)).outcome
                == .implicitDeny)
        let byRole = try Self.policy(
            "bucket",
            #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/reader"},"Action":"s3:*","Resource":"*"}"#
        )
        #expect(evaluator.evaluate(put, policies: PolicySet(resource: byRole)).isAllowed)
        #expect(
            evaluator.evaluate(put, policies: PolicySet(resource: byRole, sessionPolicies: [readOnly])).outcome
                == .implicitDeny)
    }

    @Test("policy variables: the home-folder example of the IAM User Guide")
    func homeFolder() throws {
        let policy = try Self.policy(
            "home",
            #"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::home","Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}}"#,
            #"{"Effect":"Allow","Action":"s3:*Object","Resource":"arn:aws:s3:::home/home/${aws:username}/*"}"#)
        let set = PolicySet(identity: [policy])
        #expect(
            evaluator.evaluate(
                Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::home/home/alice/f"), policies: set
            ).isAllowed)
        #expect(
            !evaluator.evaluate(Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::home/home/bob/f"), policies: set)
                .isAllowed)
        let list = Self.context(
            Self.alice, "s3:ListBucket", "arn:aws:s3:::home", keys: ["s3:prefix": "home/alice/docs"])
        #expect(evaluator.evaluate(list, policies: set).isAllowed)
        let other = Self.context(Self.alice, "s3:ListBucket", "arn:aws:s3:::home", keys: ["s3:prefix": "home/bob/"])
        #expect(!evaluator.evaluate(other, policies: set).isAllowed)
        let tagged = try Self.policy(
            "tag", #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:PrincipalTag/team}/*"}"#
        )
        #expect(
            evaluator.evaluate(
                Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::b/data/x"),
                policies: PolicySet(identity: [tagged])
            ).isAllowed)
    }

    @Test(
        "condition operators",
        arguments: [
            (#"{"StringEquals":{"aws:SourceIp":"10.0.0.1"}}"#, ContextKeys(["aws:SourceIp": "10.0.0.1"]), true),
            (#"{"StringNotEquals":{"sts:ExternalId":"x"}}"#, ContextKeys(), true),
            (#"{"StringEqualsIgnoreCase":{"aws:username":"ALICE"}}"#, ContextKeys(), true),
            (#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ContextKeys(["aws:SourceIp": "203.0.113.9"]), true),
            (#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#, ContextKeys(["aws:SourceIp": "203.0.114.9"]), false),
            (
                #"{"NotIpAddress":{"aws:SourceIp":"2001:db8::/32"}}"#, ContextKeys(["aws:SourceIp": "2001:db8::1"]),
                false
            ),
            (#"{"Bool":{"aws:SecureTransport":"false"}}"#, ContextKeys(["aws:SecureTransport": "false"]), true),
            (#"{"Bool":{"aws:SecureTransport":"true"}}"#, ContextKeys(), false),
            (#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}"#, ContextKeys(), true),
            (#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#, ContextKeys(["s3:max-keys": "9"]), true),
            (#"{"NumericGreaterThan":{"s3:max-keys":"10"}}"#, ContextKeys(["s3:max-keys": "9"]), false),
            (
                #"{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}"#,
                ContextKeys(["aws:CurrentTime": "2026-11-23T04:00:00Z"]), true
            ),
            (#"{"DateLessThan":{"aws:EpochTime":"2026-01-01"}}"#, ContextKeys(["aws:EpochTime": "1700000000"]), true),
            (#"{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/*"}}"#, ContextKeys(), true),
            (#"{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}"#, ContextKeys(), false),
            (#"{"Null":{"aws:TokenIssueTime":"true"}}"#, ContextKeys(), true),
            (#"{"Null":{"aws:username":"true"}}"#, ContextKeys(), false),
            (
                #"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
                {
                    var k = ContextKeys(); k.set("aws:TagKeys", values: ["b", "z"]); return k
                }(), true
            ),
            (
                #"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#,
                {
                    var k = ContextKeys(); k.set("aws:TagKeys", values: ["b", "z"]); return k
                }(), false
            ),
            (#"{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}"#, ContextKeys(), true),
            (#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}"#, ContextKeys(), false),
            (#"{"StringLike":{"aws:userid":"AIDA*"}}"#, ContextKeys(), true),
            (
                #"{"StringEquals":{"aws:PrincipalTag/team":"data","aws:PrincipalAccount":"111122223333"}}"#,
                ContextKeys(), true
            ),
        ])
    func conditions(condition: String, keys: ContextKeys, expected: Bool) throws {
        let policy = try Self.policy(
            "p", #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":\#(condition)}"#)
        let context = Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::b/k", keys: keys)
        #expect(evaluator.evaluate(context, policies: PolicySet(identity: [policy])).isAllowed == expected)
    }

    @Test("NotAction and NotResource: deny everything but IAM self-service outside one bucket")
    func notElements() throws {
        let policy = try Self.policy(
            "p", #"{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"#,
            #"{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::allowed","arn:aws:s3:::allowed/*"]}"#)
        let set = PolicySet(identity: [policy])
        #expect(
            evaluator.evaluate(Self.context(Self.alice, "iam:CreateUser", "*"), policies: set).outcome == .implicitDeny)
        #expect(
            evaluator.evaluate(Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::allowed/k"), policies: set)
                .isAllowed)
        #expect(
            evaluator.evaluate(Self.context(Self.alice, "s3:GetObject", "arn:aws:s3:::other/k"), policies: set).outcome
                == .explicitDeny)
        #expect(evaluator.evaluate(Self.context(Self.alice, "ec2:RunInstances", "*"), policies: set).isAllowed)
    }

    @Test("iam:PassRole with iam:PassedToService, and missing context keys are reported")
    func passRole() throws {
        let policy = try Self.policy(
            "p",
            #"{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/ec2-*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}"#
        )
        let role = "arn:aws:iam::111122223333:role/ec2-s3"
        let passed = Self.context(Self.alice, "iam:PassRole", role, keys: ["iam:PassedToService": "ec2.amazonaws.com"])
        #expect(evaluator.evaluate(passed, policies: PolicySet(identity: [policy])).isAllowed)
        let unknown = evaluator.evaluate(
            Self.context(Self.alice, "iam:PassRole", role), policies: PolicySet(identity: [policy]))
        #expect(unknown.outcome == .implicitDeny)
        #expect(unknown.missingContextKeys == ["iam:PassedToService"])
    }
}
