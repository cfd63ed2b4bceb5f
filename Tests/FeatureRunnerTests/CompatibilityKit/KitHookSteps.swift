import FeatureRunner

/// The samples about hooks: around each scenario (named, tagged, failing, skipping) and around the run.
enum KitHookSteps {
    static func hooks() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.before { _, _ in }
        steps.when("a step passes") { _, _ in }
        steps.when("a step fails") { _, _ in throw KitError("Exception in step") }
        steps.after { _, _ in }
        return steps
    }

    static func hooksConditional() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.before("@passing-hook") { _, _ in }
        steps.before("@fail-before") { _, _ in throw KitError("Exception in conditional hook") }
        steps.when("a step passes") { _, _ in }
        steps.after("@fail-after") { _, _ in throw KitError("Exception in conditional hook") }
        steps.after("@passing-hook") { _, _ in }
        return steps
    }

    static func hooksNamed() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.before(name: "A named before hook") { _, _ in }
        steps.when("a step passes") { _, _ in }
        steps.after(name: "A named after hook") { _, _ in }
        return steps
    }

    static func hooksSkipped() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.before { _, _ in }
        steps.before("@skip-before") { _, _ in throw SkipScenario() }
        steps.before { _, _ in }
        steps.given("a normal step") { _, _ in }
        steps.given("a step that skips") { _, _ in throw SkipScenario() }
        steps.after { _, _ in }
        steps.after("@skip-after") { _, _ in throw SkipScenario() }
        steps.after { _, _ in }
        return steps
    }

    static func hooksUndefined() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.before { _, _ in }
        steps.after { _, _ in }
        return steps
    }

    static func skippedFailingHook() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("a step that skips") { _, _ in throw SkipScenario() }
        steps.after { _, _ in throw KitError("whoops") }
        return steps
    }

    static func globalHooks() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.beforeAll {}
        steps.beforeAll {}
        steps.when("a step passes") { _, _ in }
        steps.when("a step fails") { _, _ in throw KitError("Exception in step") }
        steps.afterAll {}
        steps.afterAll {}
        return steps
    }

    static func globalHooksAfterAllError() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.beforeAll {}
        steps.beforeAll {}
        steps.when("a step passes") { _, _ in }
        steps.afterAll {}
        steps.afterAll { throw KitError("AfterAll hook went wrong") }
        steps.afterAll {}
        return steps
    }

    static func globalHooksBeforeAllError() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.beforeAll {}
        steps.beforeAll { throw KitError("BeforeAll hook went wrong") }
        steps.beforeAll {}
        steps.when("a step passes") { _, _ in }
        steps.afterAll {}
        steps.afterAll {}
        return steps
    }
}
