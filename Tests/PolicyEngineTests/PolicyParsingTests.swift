import PolicyEngine
import Testing

@Suite("Parsing policy documents")
struct PolicyParsingTests {
    @Test func keepsTheTextAndReadsEveryElement() throws {
        let text = Documents.databricksRootBucket("root-bucket")
        let document = try PolicyDocument.parse(text, kind: .resource(.s3Bucket("root-bucket")))
        #expect(document.text == text)
        #expect(document.version == "2012-10-17")
        #expect(document.id == nil)
        let statement = try #require(document.statements.first)
        #expect(statement.sid == "Grant Databricks Access")
        #expect(statement.effect == .allow)
        #expect(statement.principal?.aws == ["arn:aws:iam::414351767826:root"])
        #expect(statement.principal?.isWildcard == false)
        #expect(statement.notPrincipal == nil)
        #expect(statement.action?.count == 6)
        #expect(statement.notAction == nil)
        #expect(statement.resource == ["arn:aws:s3:::root-bucket/*", "arn:aws:s3:::root-bucket"])
        #expect(statement.conditions.isEmpty)
    }

    @Test func acceptsAStringOrAnArrayWhereTheLanguageDoes() throws {
        let single = try PolicyDocument.parse(Documents.serviceTrust, kind: .trust)
        #expect(single.statements.count == 1)
        #expect(single.statements[0].action == ["sts:AssumeRole"])
        #expect(single.statements[0].principal?.services == ["ec2.amazonaws.com", "sagemaker.amazonaws.com"])
        let list = try PolicyDocument.parse(
            #"{"Statement":[{"Effect":"Deny","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::b"}]}"#)
        #expect(list.version == nil)
        #expect(!list.supportsPolicyVariables)
        #expect(list.statements[0].notAction == ["s3:*"])
        #expect(list.statements[0].notResource == ["arn:aws:s3:::b"])
    }

    @Test func parsingWithoutAKindKeepsPrincipals() throws {
        let document = try PolicyDocument.parse(Documents.databricksRootBucket("b"))
        #expect(document.statements[0].principal?.aws == ["arn:aws:iam::414351767826:root"])
    }

    @Test func readsPrincipals() throws {
        let text = """
            {"Version":"2008-10-17","Id":"p1","Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Effect":"Deny","NotPrincipal":{"AWS":["123456789012","arn:aws:iam::123456789012:user/alice"],
                "CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
                "Federated":"cognito-identity.amazonaws.com"},"Action":"s3:*","Resource":"arn:aws:s3:::b"}]}
            """
        let document = try PolicyDocument.parse(text, kind: .resource(.s3Bucket("b")))
        #expect(document.version == "2008-10-17")
        #expect(document.id == "p1")
        #expect(document.statements[0].principal == .wildcard)
        #expect(document.statements[0].principal?.includesEveryone == true)
        #expect(document.statements[1].principal?.includesEveryone == true)
        #expect(document.statements[1].principal?.isWildcard == false)
        let notPrincipal = try #require(document.statements[2].notPrincipal)
        #expect(notPrincipal.aws == ["123456789012", "arn:aws:iam::123456789012:user/alice"])
        #expect(notPrincipal[.canonicalUser].count == 1)
        #expect(notPrincipal.federated == ["cognito-identity.amazonaws.com"])
        #expect(notPrincipal.services.isEmpty)
        #expect(!notPrincipal.includesEveryone)
    }

    @Test func readsConditionsInDocumentOrderKeepingValueText() throws {
        let document = try PolicyDocument.parse(Documents.everyConditionFamily)
        let conditions = document.statements[0].conditions
        #expect(
            conditions.map(\.operator.base.family) == [
                .string, .numeric, .date, .boolean, .binary, .ipAddress, .arn, .null, .string,
            ])
        #expect(conditions[3].values == ["false"])
        #expect(conditions[5].values == ["203.0.113.0/24", "2001:DB8:1234:5678::/64"])
        #expect(conditions[6].operator.ifExists)
        #expect(conditions[6].operator.base == .arnNotLike)
        #expect(conditions[8].operator.setQualifier == .forAllValues)
        #expect(conditions[8].key == "aws:TagKeys")
        let numbers = try PolicyDocument.parse(
            #"""
            {"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{
              "NumericEquals":{"s3:max-keys":[1.20,10,-3e2]},"Bool":{"aws:MultiFactorAuthPresent":true}}}}
            """#)
        #expect(numbers.statements[0].conditions[0].values == ["1.20", "10", "-3e2"])
        #expect(numbers.statements[0].conditions[1].values == ["true"])
    }

    @Test(arguments: ConditionOperator.Base.allCases)
    func everyOperatorParsesWithItsForms(base: ConditionOperator.Base) throws {
        let plain = try #require(ConditionOperator(base.rawValue))
        #expect(plain.base == base && !plain.ifExists && plain.setQualifier == nil)
        for qualifier in ConditionOperator.SetQualifier.allCases {
            let qualified = try #require(ConditionOperator("\(qualifier.rawValue):\(base.rawValue)"))
            #expect(qualified.setQualifier == qualifier && qualified.base == base)
        }
        let ifExists = ConditionOperator("\(base.rawValue)IfExists")
        if base == .null {
            #expect(ifExists == nil)
        } else {
            #expect(ifExists?.ifExists == true && ifExists?.base == base)
            let name = "ForAnyValue:\(base.rawValue)IfExists"
            #expect(ConditionOperator(name)?.name == name)
        }
    }

    @Test(arguments: [
        "StringEqualz", "stringequals", "ForAnyValue::StringEquals", "ForSomeValues:StringEquals", "IfExists",
        "StringEqualsIfExistsIfExists", "ForAnyValue:", "", "NullIfExists", "StringLikeIgnoreCase",
    ])
    func unknownOperators(name: String) {
        #expect(ConditionOperator(name) == nil)
    }

    @Test func operatorFamiliesAndNegation() {
        #expect(ConditionOperator.Base.allCases.count == 27)
        let negated = ConditionOperator.Base.allCases.filter(\.isNegated).map(\.rawValue)
        #expect(
            negated == [
                "StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals",
                "NotIpAddress", "ArnNotEquals", "ArnNotLike",
            ])
    }

    @Test func duplicateMembersKeepTheLastValue() throws {
        let document = try PolicyDocument.parse(
            #"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Effect":"Allow","Action":"s3:*","Resource":"*"}}"#)
        #expect(document.statements[0].effect == .allow)
    }

    @Test func unicodeEscapesAndNonASCII() throws {
        let document = try PolicyDocument.parse(
            #"{"Statement":{"Sid":"caf\u00e9 \ud83d\ude00 ü","Effect":"Allow","Action":"s3:*","Resource":"*"}}"#)
        #expect(document.statements[0].sid == "café 😀 ü")
    }

    @Test(arguments: [
        "", "   ", "null", "[]", "\"text\"", "{", "{}x", "{\"Statement\":[],}", "{/* c */}", "{'Version':'2012-10-17'}",
        "\u{FEFF}{\"Statement\":[]}", "{\"a\":\"line\nbreak\"}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\ud800\"}", "{\"a\":tru}", String(repeating: "[", count: 500) + String(repeating: "]", count: 500),
    ])
    func invalidJSON(text: String) {
        #expect(throws: PolicyValidationError(kind: .identity, message: "Syntax errors in policy.")) {
            try PolicyDocument.parse(text)
        }
        #expect(throws: PolicyValidationError(kind: .trust, message: "This policy contains invalid Json")) {
            try PolicyDocument.parse(text, kind: .trust)
        }
    }
}
