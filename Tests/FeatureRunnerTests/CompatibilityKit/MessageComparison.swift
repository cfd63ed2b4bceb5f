/// The first place two normalised message streams differ, envelope by envelope.
struct MessageDifference: Equatable, CustomStringConvertible {
    /// The position in the streams.
    let index: Int
    let expected: MessageJSON?
    let actual: MessageJSON?

    /// The kinds there (`none` past a stream's end): what the table of known differences records.
    var kinds: Kinds { Kinds(expected: expected?.envelopeType ?? "none", actual: actual?.envelopeType ?? "none") }

    struct Kinds: Equatable, CustomStringConvertible {
        var expected: String
        var actual: String

        var description: String { "expected \(expected), got \(actual)" }
    }

    var description: String {
        let expected = expected?.compact ?? "none"
        let actual = actual?.compact ?? "none"
        return "envelope \(index): \(kinds)\n  expected: \(expected)\n  actual:   \(actual)"
    }
}

/// Compares the runner's messages with a sample's reference, both normalised by ``MessageNormalizer``.
///
/// One allowance is made envelope by envelope: where the reference has a step or hook PENDING, SKIPPED or AMBIGUOUS
/// with no `message` nor `exception`, the runner's are not compared. The kit's TypeScript marks a step pending or
/// skipped by returning the string `'pending'` or `'skipped'`, which no exception carries; a Swift step can only
/// throw (``PendingStep``, ``SkipScenario``), and the runner reports what it threw. Where the reference has them (the
/// kit's `PendingException('TODO')`, `SkippedException('skipping')`), they are compared. For an ambiguous step the
/// runner explains which definitions matched, as Cucumber-JVM and Cucumber-JS do; the kit's reference run does not.
struct MessageComparison {
    let normalizer = MessageNormalizer()

    func firstDifference(expected: [MessageJSON], actual: [MessageJSON]) -> MessageDifference? {
        let expected = normalizer.normalize(expected)
        let actual = normalizer.normalize(actual)
        for index in 0..<max(expected.count, actual.count) {
            let want = expected.indices.contains(index) ? expected[index] : nil
            var have = actual.indices.contains(index) ? actual[index] : nil
            if let want, let got = have { have = Self.allowingThrownStatus(got, like: want) }
            if want != have { return MessageDifference(index: index, expected: want, actual: have) }
        }
        return nil
    }

    /// `actual` without its result's message and exception when `expected`'s result is pending, skipped or ambiguous
    /// without.
    static func allowingThrownStatus(_ actual: MessageJSON, like expected: MessageJSON) -> MessageJSON {
        let kind = expected.envelopeType
        let resultKey = kind == "testStepFinished" ? "testStepResult" : kind == "testRunHookFinished" ? "result" : nil
        guard let resultKey, actual.envelopeType == kind,
            let want = expected[kind]?[resultKey], want["message"] == nil, want["exception"] == nil,
            [.string("PENDING"), .string("SKIPPED"), .string("AMBIGUOUS")].contains(want["status"])
        else { return actual }
        var body = actual[kind]?.members ?? [:]
        var result = body[resultKey]?.members ?? [:]
        result["message"] = nil
        result["exception"] = nil
        body[resultKey] = .object(result)
        return .object([kind: .object(body)])
    }
}
