import FeatureRunner

/// The samples about step results: passed, failed, pending, skipped, undefined, ambiguous, and retrying.
///
/// The kit's TypeScript marks a step pending or skipped by returning `'pending'` or `'skipped'`; a Swift step throws
/// ``PendingStep`` or ``SkipScenario``.
enum KitStatusSteps {
    static func allStatuses() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("^a step$", regex: true) { _, _ in }
        steps.given("^a failing step$", regex: true) { _, _ in throw KitError("whoops") }
        steps.given("^a pending step$", regex: true) { _, _ in throw PendingStep() }
        steps.given("^a skipped step$", regex: true) { _, _ in throw SkipScenario() }
        steps.given("^an ambiguous (.*?)$", regex: true) { _, _ in }
        steps.given("^(.*?) ambiguous step$", regex: true) { _, _ in }
        return steps
    }

    static func ambiguous() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("^a (.*?) with (.*?)$", regex: true) { _, _ in }
        steps.given("^a step with (.*?)$", regex: true) { _, _ in }
        return steps
    }

    static func failedishCombinations() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("^a step$", regex: true) { _, _ in }
        steps.given("^a skipped step$", regex: true) { _, _ in throw SkipScenario() }
        steps.given("^a pending step$", regex: true) { _, _ in throw PendingStep() }
        steps.given("^an ambiguous (.*?)$", regex: true) { _, _ in }
        steps.given("^(.*?) ambiguous step$", regex: true) { _, _ in }
        steps.given("^a failing step$", regex: true) { _, _ in throw KitError("whoops") }
        return steps
    }

    static func pending() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("an implemented non-pending step") { _, _ in }
        steps.given("an implemented step that is skipped") { _, _ in }
        steps.given("an unimplemented pending step") { _, _ in throw PendingStep() }
        return steps
    }

    static func pendingException() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("an unimplemented pending step") { _, _ in throw PendingStep("TODO") }
        return steps
    }

    static func skipped() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("a step that does not skip") { _, _ in }
        steps.given("a step that is skipped") { _, _ in }
        steps.given("I skip a step") { _, _ in throw SkipScenario() }
        return steps
    }

    static func skippedException() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("I skip a step") { _, _ in throw SkipScenario("skipping") }
        return steps
    }

    static func stackTraces() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.when("a step throws an exception") { _, _ in throw KitError("BOOM") }
        return steps
    }

    static func retry() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        let secondTimePass = KitCounter()
        let thirdTimePass = KitCounter()
        steps.given("a step that always passes") { _, _ in }
        steps.given("a step that passes the second time") { _, _ in
            if secondTimePass.increment() < 2 { throw KitError("Exception in step") }
        }
        steps.given("a step that passes the third time") { _, _ in
            if thirdTimePass.increment() < 3 { throw KitError("Exception in step") }
        }
        steps.given("a step that always fails") { _, _ in throw KitError("Exception in step") }
        return steps
    }

    static func retryAmbiguous() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("an ambiguous step") { _, _ in }
        steps.given("an ambiguous step") { _, _ in }
        return steps
    }

    static func retryPending() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("a pending step") { _, _ in throw PendingStep() }
        return steps
    }

    static func undefined() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("an implemented step") { _, _ in }
        steps.given("a step that will be skipped") { _, _ in }
        return steps
    }

    static func unusedSteps() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("a step that is used") { _, _ in }
        steps.given("a step that is not used") { _, _ in }
        return steps
    }
}
