import BrickyardTesting
import FeatureRunner
import Testing

/// The cart the example features drive.
struct CartWorld: World {
    var items = 0
}

/// The step library of this target's features; the BrickyardFeatures plugin makes a test of each scenario in
/// `Features/` that runs with it.
struct Features: FeatureSuite {
    static var steps: StepLibrary<CartWorld> {
        var steps = StepLibrary<CartWorld>()
        steps.given("an empty cart") { world, _ in world.items = 0 }
        steps.given("空のカートがある") { world, _ in world.items = 0 }
        steps.when("I add {int} apples") { world, step in world.items += try step.argument(0, as: Int.self) }
        steps.when("りんごを{int}個入れる") { world, step in world.items += try step.argument(0, as: Int.self) }
        steps.then("the cart holds {int} items") { world, step in
            let expected = try step.argument(0, as: Int.self)
            try expect(world.items == expected, "the cart holds \(world.items) items, not \(expected)")
        }
        steps.then("カートには{int}個ある") { world, step in
            try expect(world.items == step.argument(0, as: Int.self))
        }
        steps.then("the cart is full") { world, _ in try expect(world.items >= 100) }
        return steps
    }
}
