import CucumberExpressions
import FeatureRunner

/// The samples about Gherkin itself and matching: keywords, backgrounds, rules, outlines, doc strings, data tables,
/// several features, expressions and parameter types.
enum KitGherkinSteps {
    static func library(for sample: String) -> StepLibrary<KitWorld> {
        switch sample {
        case "minimal": minimal()
        case "cdata": cdata()
        case "backgrounds", "rules-backgrounds": backgrounds()
        case "multiple-features", "multiple-features-reversed": multipleFeatures()
        case "doc-strings": docStrings()
        case "data-tables": dataTables()
        case "examples-tables": examplesTables()
        case "examples-tables-undefined", "examples-tables-undefined-multiple": examplesTablesUndefined()
        case "rules": rules()
        case "regular-expression": regularExpression()
        case "parameter-types": parameterTypes()
        case "unknown-parameter-type": unknownParameterType()
        case "markdown": markdown()
        case "test-run-exception": testRunException()
        default: StepLibrary()  // empty, retry-undefined: no steps
        }
    }

    static func minimal() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("I have {int} cukes in my belly") { _, _ in }
        return steps
    }

    static func cdata() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("I have {int} <![CDATA[cukes]]> in my belly") { _, _ in }
        return steps
    }

    static func backgrounds() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("an order for {string}") { _, _ in }
        steps.when("an action") { _, _ in }
        steps.then("an outcome") { _, _ in }
        return steps
    }

    static func multipleFeatures() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("an order for {string}") { _, _ in }
        return steps
    }

    static func docStrings() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("a doc string:") { _, _ in }
        return steps
    }

    static func dataTables() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.when("the following table is transposed:") { world, step in
            let rows = step.dataTable?.values ?? []
            world.transposed = (rows.first ?? []).indices.map { column in rows.map { $0[column] } }
        }
        steps.then("it should be:") { world, step in
            try expect(world.transposed == step.dataTable?.values ?? [], "the transposed table differs")
        }
        return steps
    }

    static func examplesTables() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("there are {int} cucumbers") { world, step in world.count = try step.argument(0) }
        steps.given("there are {int} friends") { world, step in world.friends = try step.argument(0) }
        steps.when("I eat {int} cucumbers") { world, step in world.count -= try step.argument(0, as: Int.self) }
        steps.then("I should have {int} cucumbers") { world, step in
            try NodeAssert.strictEqual(world.count, step.argument(0))
        }
        steps.then("each person can eat {int} cucumbers") { world, step in
            let share = Int((Double(world.count) / Double(1 + world.friends)).rounded(.down))
            try NodeAssert.strictEqual(share, step.argument(0))
        }
        return steps
    }

    static func examplesTablesUndefined() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("there are {int} cucumbers") { world, step in world.count = try step.argument(0) }
        steps.when("I eat {int} cucumbers") { world, step in world.count -= try step.argument(0, as: Int.self) }
        steps.then("I should have {int} cucumbers") { world, step in
            try NodeAssert.strictEqual(world.count, step.argument(0))
        }
        return steps
    }

    static func rules() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("the customer has {int} cents") { world, step in world.money = try step.argument(0) }
        steps.given("there are chocolate bars in stock") { world, _ in world.stock = ["Mars"] }
        steps.given("there are no chocolate bars in stock") { world, _ in world.stock = [] }
        steps.when("the customer tries to buy a {int} cent chocolate bar") { world, step in
            if world.money >= (try step.argument(0, as: Int.self)) { world.chocolate = world.stock.popLast() }
        }
        steps.then("the sale should not happen") { world, _ in try NodeAssert.ok(world.chocolate == nil) }
        steps.then("the sale should happen") { world, _ in try NodeAssert.ok(world.chocolate != nil) }
        return steps
    }

    static func regularExpression() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given(#"^a (.*?)(?: and a (.*?))?(?: and a (.*?))?$"#, regex: true) { _, _ in }
        return steps
    }

    /// A flight, as the sample's `{flight}` parameter type makes it.
    struct Flight: Sendable {
        var from: String
        var to: String
    }

    static func parameterTypes() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        if let flight = try? ParameterType(
            name: "flight", regexp: "([A-Z]{3})-([A-Z]{3})",
            transform: { values in
                Flight(from: values[0] ?? "", to: values[1] ?? "")
            })
        {
            steps.define(flight)
        }
        steps.given("{flight} has been delayed") { _, step in
            let flight = try step.argument(0, as: Flight.self)
            try NodeAssert.strictEqual(flight.from, "LHR")
            try NodeAssert.strictEqual(flight.to, "CDG")
        }
        return steps
    }

    static func unknownParameterType() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("{airport} is closed because of a strike") { _, _ in
            throw KitError("Should not be called because airport parameter type has not been defined")
        }
        return steps
    }

    static func markdown() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("some TypeScript code:") { _, step in try NodeAssert.ok(step.dataTable != nil) }
        steps.given("some classic Gherkin:") { _, step in try NodeAssert.ok(step.docString != nil) }
        steps.when("we use a data table and attach something and then {word}") { _, step in
            try NodeAssert.ok(step.dataTable != nil)
            let word = try step.argument(0, as: String.self)
            step.log("We are logging some plain text (\(word))")
            if word == "fail" { throw KitError("You asked me to fail") }
        }
        steps.then("this might or might not run") { _, _ in }
        return steps
    }

    static func testRunException() -> StepLibrary<KitWorld> {
        var steps = StepLibrary<KitWorld>()
        steps.given("a step") { _, _ in }
        return steps
    }
}
