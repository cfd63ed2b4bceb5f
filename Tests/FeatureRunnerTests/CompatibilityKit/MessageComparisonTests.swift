import Foundation
import Testing

/// The comparison the kit's samples go through leaves out only what it says it does.
@Suite struct MessageComparisonTests {
    static func lines(_ text: String) throws -> [MessageJSON] { try MessageJSON.lines(Data(text.utf8)) }

    static let reference = """
        {"meta":{"protocolVersion":"33.0.4","implementation":{"name":"fake-cucumber"}}}
        {"testRunStarted":{"id":"5","timestamp":{"seconds":0,"nanos":0}}}
        {"testCase":{"id":"6","pickleId":"3","testSteps":[{"id":"7","pickleStepId":"2"}],"testRunStartedId":"5"}}
        {"testCaseStarted":{"id":"8","testCaseId":"6","timestamp":{"seconds":0,"nanos":1},"attempt":0}}
        {"testStepFinished":{"testCaseStartedId":"8","testStepId":"7","testStepResult":{"status":"STATUS"}}}
        {"testRunFinished":{"testRunStartedId":"5","timestamp":{"seconds":0,"nanos":5},"success":true}}
        """

    /// The reference with other ids, times, meta and a worker.
    static let renamed = """
        {"meta":{"protocolVersion":"27.0.0","implementation":{"name":"brickyard"}}}
        {"testRunStarted":{"id":"run","timestamp":{"seconds":9,"nanos":9}}}
        {"testCase":{"id":"a","pickleId":"b","testSteps":[{"id":"c","pickleStepId":"d"}],"testRunStartedId":"run"}}
        {"testCaseStarted":{"id":"e","testCaseId":"a","workerId":"0","timestamp":{"seconds":9,"nanos":9},"attempt":0}}
        {"testStepFinished":{"testCaseStartedId":"e","testStepId":"c","testStepResult":{"status":"STATUS"}}}
        {"testRunFinished":{"testRunStartedId":"run","timestamp":{"seconds":9,"nanos":9},"success":true}}
        """

    static func difference(_ expected: String, _ actual: String) throws -> MessageDifference? {
        MessageComparison().firstDifference(expected: try lines(expected), actual: try lines(actual))
    }

    @Test func idsTimesMetaAndWorkersAreLeftOut() throws {
        #expect(try Self.difference(Self.reference, Self.renamed) == nil)
    }

    @Test func whatRefersToWhatIsCompared() throws {
        let crossed = Self.renamed.replacingOccurrences(of: #""testStepId":"c""#, with: #""testStepId":"a""#)
        #expect(try Self.difference(Self.reference, crossed)?.index == 4)
    }

    @Test func aStatusIsCompared() throws {
        let expected = Self.reference.replacingOccurrences(of: "STATUS", with: "PASSED")
        let actual = Self.renamed.replacingOccurrences(of: "STATUS", with: "FAILED")
        #expect(try Self.difference(expected, actual)?.kinds.expected == "testStepFinished")
    }

    @Test func aThrownPendingOrSkipMessageIsAllowedOnlyWhereTheReferenceHasNone() throws {
        let thrown = #""status":"STATUS","message":"TODO: implement me","exception":{"type":"PendingStep"}"#
        for status in ["PENDING", "SKIPPED", "AMBIGUOUS"] {
            let expected = Self.reference.replacingOccurrences(of: "STATUS", with: status)
            let actual = Self.renamed.replacingOccurrences(of: #""status":"STATUS""#, with: thrown)
                .replacingOccurrences(of: "STATUS", with: status)
            #expect(try Self.difference(expected, actual) == nil, "\(status)")
        }
        let failed = Self.renamed.replacingOccurrences(of: #""status":"STATUS""#, with: thrown)
            .replacingOccurrences(of: "STATUS", with: "FAILED")
        #expect(try Self.difference(Self.reference.replacingOccurrences(of: "STATUS", with: "FAILED"), failed) != nil)
    }

    @Test func anExceptionsMessageIsComparedButNotItsType() throws {
        let expected = Self.reference.replacingOccurrences(
            of: #""status":"STATUS""#,
            with: #""status":"FAILED","message":"Error: whoops\n at x.ts:3","#
                + #""exception":{"type":"Error","message":"whoops","stackTrace":"x"}"#)
        let same = Self.renamed.replacingOccurrences(
            of: #""status":"STATUS""#,
            with: #""status":"FAILED","message":"whoops","exception":{"type":"KitError","message":"whoops"}"#)
        let other = same.replacingOccurrences(of: #""message":"whoops"}"#, with: #""message":"oops"}"#)
        #expect(try Self.difference(expected, same) == nil)
        #expect(try Self.difference(expected, other) != nil)
    }
}
