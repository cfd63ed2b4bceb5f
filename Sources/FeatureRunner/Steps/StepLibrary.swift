import CucumberExpressions

/// Step definitions, hooks and parameter types, registered in Swift.
///
/// ```swift
/// var steps = StepLibrary<S3World>()
/// steps.given("a bucket named {string}") { world, step in
///     world.buckets.append(try step.argument(0, as: String.self))
/// }
/// steps.then(#"^there (?:is|are) (\d+) buckets?$"#, regex: true) { world, step in
///     try expect(world.buckets.count == step.argument(0), "bucket count")
/// }
/// steps.after("@cleanup") { world, scenario in world.buckets.removeAll() }
/// ```
///
/// Expressions are compiled when a run starts (after every custom parameter type is known); one that does not compile
/// is a usage error of the run.
public struct StepLibrary<W: World>: Sendable {
    public private(set) var definitions: [StepDefinition<W>] = []
    public private(set) var hooks: [Hook<W>] = []
    public private(set) var parameterTypes = ParameterTypeRegistry()
    /// Problems found while registering (a parameter type defined twice).
    public private(set) var problems: [String] = []
    /// Where each custom parameter type is defined, by name.
    public private(set) var parameterTypeLocations: [String: SourceReference] = [:]

    public init() {}

    /// Registers a step definition; `given`, `when`, `then` and `step` are the same (Cucumber matches text, not
    /// keywords).
    /// - Parameters:
    ///   - pattern: a Cucumber Expression, or a regular expression when `regex` is true.
    ///   - timeout: overrides the run's step timeout.
    ///   - summary: what the step does, in one line, for step listings.
    ///   - example: a step text that matches, for step listings.
    ///   - group: what the step is about (`S3`), for step listings grouped by service.
    public mutating func step(
        _ pattern: String, regex: Bool = false, timeout: Duration? = nil, summary: String? = nil,
        example: String? = nil, group: String? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping StepDefinition<W>.Body
    ) {
        definitions.append(
            StepDefinition(
                pattern: regex ? .regularExpression(pattern) : .cucumberExpression(pattern),
                location: SourceReference(file: file, line: line), timeout: timeout, summary: summary,
                example: example, body: body, group: group))
    }

    public mutating func given(
        _ pattern: String, regex: Bool = false, timeout: Duration? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping StepDefinition<W>.Body
    ) {
        step(pattern, regex: regex, timeout: timeout, file: file, line: line, body)
    }

    public mutating func when(
        _ pattern: String, regex: Bool = false, timeout: Duration? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping StepDefinition<W>.Body
    ) {
        step(pattern, regex: regex, timeout: timeout, file: file, line: line, body)
    }

    public mutating func then(
        _ pattern: String, regex: Bool = false, timeout: Duration? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping StepDefinition<W>.Body
    ) {
        step(pattern, regex: regex, timeout: timeout, file: file, line: line, body)
    }

    /// Runs before each scenario whose tags match `tags` (every scenario when empty).
    public mutating func before(
        _ tags: String = "", name: String? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping Hook<W>.ScenarioBody
    ) {
        addHook(.before, tags: tags, name: name, file: file, line: line, .scenario(body))
    }

    /// Runs after each scenario whose tags match, whatever happened (`scenario.status` says what).
    public mutating func after(
        _ tags: String = "", name: String? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping Hook<W>.ScenarioBody
    ) {
        addHook(.after, tags: tags, name: name, file: file, line: line, .scenario(body))
    }

    /// Runs before each step of the scenarios whose tags match.
    public mutating func beforeStep(
        _ tags: String = "", name: String? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping Hook<W>.StepBody
    ) {
        addHook(.beforeStep, tags: tags, name: name, file: file, line: line, .step(body))
    }

    /// Runs after each step of the scenarios whose tags match (`step.status` says how it ended).
    public mutating func afterStep(
        _ tags: String = "", name: String? = nil, file: String = #filePath, line: Int = #line,
        _ body: @escaping Hook<W>.StepBody
    ) {
        addHook(.afterStep, tags: tags, name: name, file: file, line: line, .step(body))
    }

    /// Runs once before the first scenario; if it fails, no scenario runs.
    public mutating func beforeAll(
        name: String? = nil, file: String = #filePath, line: Int = #line, _ body: @escaping Hook<W>.RunBody
    ) {
        addHook(.beforeAll, tags: "", name: name, file: file, line: line, .run { _ in try await body() })
    }

    /// Runs once before the first scenario, with a way to attach to the reports; if it fails, no scenario runs.
    public mutating func beforeAll(
        name: String? = nil, file: String = #filePath, line: Int = #line, _ body: @escaping Hook<W>.RunHookBody
    ) {
        addHook(.beforeAll, tags: "", name: name, file: file, line: line, .run(body))
    }

    /// Runs once after the last scenario (AfterAll hooks run in the reverse order of their registration).
    public mutating func afterAll(
        name: String? = nil, file: String = #filePath, line: Int = #line, _ body: @escaping Hook<W>.RunBody
    ) {
        addHook(.afterAll, tags: "", name: name, file: file, line: line, .run { _ in try await body() })
    }

    /// Runs once after the last scenario, with a way to attach to the reports.
    public mutating func afterAll(
        name: String? = nil, file: String = #filePath, line: Int = #line, _ body: @escaping Hook<W>.RunHookBody
    ) {
        addHook(.afterAll, tags: "", name: name, file: file, line: line, .run(body))
    }

    private mutating func addHook(
        _ kind: HookKind, tags: String, name: String?, file: String, line: Int, _ body: Hook<W>.Body
    ) {
        hooks.append(
            Hook(kind: kind, tags: tags, name: name, location: SourceReference(file: file, line: line), body: body))
    }

    /// Adds a custom parameter type (`{region}`).
    public mutating func define(_ parameterType: ParameterType, file: String = #filePath, line: Int = #line) {
        do {
            try parameterTypes.define(parameterType)
            parameterTypeLocations[parameterType.name] = SourceReference(file: file, line: line)
        } catch {
            problems.append(error.message)
        }
    }

    /// Adds every definition, hook and parameter type of another library.
    public mutating func merge(_ other: StepLibrary<W>) {
        definitions += other.definitions
        hooks += other.hooks
        for type in other.parameterTypes.parameterTypes where !type.isBuiltIn {
            let location = other.parameterTypeLocations[type.name]
            define(type, file: location?.file ?? #filePath, line: location?.line ?? #line)
        }
        problems += other.problems
    }
}
