import PolicyEngine
import Testing

@Suite("Policy size quotas")
struct PolicySizeQuotaTests {
    @Test func iamCountsCharactersOtherThanWhiteSpace() {
        let compact = Documents.passRole.filter { !$0.isWhitespace }
        #expect(PolicySizeQuota.managedPolicy.size(of: [Documents.passRole]) == compact.count)
        #expect(PolicySizeQuota.managedPolicy.size(of: [" \n\t{ } "]) == 2)
        #expect(PolicySizeQuota.roleInlinePolicies.size(of: ["ab c", "d e"]) == 5)
    }

    @Test(arguments: [
        (PolicySizeQuota.managedPolicy, 6_144, "Cannot exceed quota for PolicySize: 6144"),
        (PolicySizeQuota.trustPolicy, 2_048, "Cannot exceed quota for ACLSizePerRole: 2048"),
    ])
    func limitsAndMessages(quota: PolicySizeQuota, limit: Int, message: String) {
        #expect(quota.limit == limit)
        #expect(quota.quotaExceededMessage == message)
        #expect(quota.admits(String(repeating: "x", count: limit) + String(repeating: " ", count: 100)))
        #expect(!quota.admits(String(repeating: "x", count: limit + 1)))
    }

    @Test func inlinePolicies() {
        #expect(PolicySizeQuota.userInlinePolicies.limit == 2_048)
        #expect(PolicySizeQuota.groupInlinePolicies.limit == 5_120)
        #expect(PolicySizeQuota.roleInlinePolicies.limit == 10_240)
        #expect(
            PolicySizeQuota.roleInlinePolicies.inlineExceededMessage(for: "databricks-cross-account")
                == "Maximum policy size of 10240 bytes exceeded for role databricks-cross-account")
        #expect(
            PolicySizeQuota.groupInlinePolicies.inlineExceededMessage(for: "travis-ci")
                == "Maximum policy size of 5120 bytes exceeded for group travis-ci")
    }

    @Test func s3CountsBytes() {
        #expect(PolicySizeQuota.bucketPolicy.limit == 20_480)
        #expect(PolicySizeQuota.bucketPolicy.size(of: ["é "]) == 3)
        #expect(PolicySizeQuota.bucketPolicy.admits(String(repeating: " ", count: 20_480)))
        #expect(!PolicySizeQuota.bucketPolicy.admits(String(repeating: " ", count: 20_481)))
    }
}
