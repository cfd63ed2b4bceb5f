import FeatureRunner
import Foundation
import Testing

/// The official Cucumber Compatibility Kit (`Tests/ConformanceData/compatibility-kit`): every sample run in process
/// with its Swift steps (``KitSteps``), and its messages compared with the kit's reference as the kit's README says
/// (``MessageComparison``). A sample that cannot match is in ``knownDifferences`` with the reason, and its test
/// checks it still fails in that way, so that it can neither start passing unnoticed nor fail differently.
@Suite struct CompatibilityKitTests {
    /// How a sample is known to fail.
    enum KnownFailure: Equatable {
        /// The streams first differ at envelopes of these kinds.
        case differs(expected: String, actual: String)
        /// The kit's arguments have no equivalent.
        case unsupportedArgument(String)
        /// The run does not start.
        case notStarted
    }

    struct KnownDifference {
        var failure: KnownFailure
        /// Text the difference (or the problem) shows.
        var evidence: String
        var reason: String
    }

    /// The samples Brickyard does not match, and why.
    static let knownDifferences: [String: KnownDifference] = [
        "markdown": KnownDifference(
            failure: .differs(expected: "source", actual: "source"),
            evidence: #""mediaType":"text/x.cucumber.gherkin+plain""#,
            reason: "Markdown with Gherkin (MDG, `.feature.md`) is not supported: the file is read as plain Gherkin "
                + "(media type text/x.cucumber.gherkin+plain) and does not parse"),
        "test-run-exception": KnownDifference(
            failure: .unsupportedArgument("--error"), evidence: "--error",
            reason: "the kit's --error makes its reference runner fail outside any step or hook; Brickyard has no "
                + "way to inject such an error"),
        "unknown-parameter-type": KnownDifference(
            failure: .notStarted, evidence: "airport",
            reason: "a step definition using an undefined parameter type is a usage error (exit 2) before the run "
                + "starts, as in Cucumber-JVM, not an undefinedParameterType message and undefined steps"),
    ]

    @Test func theKitIsThere() {
        #expect(CompatibilitySample.all.count == 46)
    }

    @Test(arguments: CompatibilitySample.all)
    func sampleMatchesTheReference(_ sample: CompatibilitySample) async throws {
        let expected = try sample.referenceMessages()
        var failure: KnownFailure?
        var detail = ""
        do {
            let actual = try await CompatibilityRun(sample: sample).messages()
            if let difference = MessageComparison().firstDifference(expected: expected, actual: actual) {
                failure = .differs(expected: difference.kinds.expected, actual: difference.kinds.actual)
                detail = difference.description
            }
        } catch let problem as CompatibilityRun.Problem {
            switch problem {
            case .unsupportedArgument(let argument): failure = .unsupportedArgument(argument)
            case .notStarted: failure = .notStarted
            }
            detail = problem.description
        }
        if let known = Self.knownDifferences[sample.name] {
            #expect(failure == known.failure, "\(sample.name) no longer fails as known (\(known.reason)): \(detail)")
            #expect(detail.contains(known.evidence), "\(sample.name) fails otherwise than known: \(detail)")
        } else {
            #expect(failure == nil, "\(sample.name): \(detail)")
        }
    }
}
