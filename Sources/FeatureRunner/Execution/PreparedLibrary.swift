import CucumberExpressions
import Gherkin

/// A library ready to run: expressions compiled with every parameter type known, hooks' tag expressions parsed, ids
/// given to definitions and hooks.
struct PreparedLibrary<W: World>: Sendable {
    struct Definition: Sendable {
        let info: DefinitionInfo
        let expression: any StepExpression
        let definition: StepDefinition<W>
    }

    struct PreparedHook: Sendable {
        let info: DefinitionInfo
        let tags: TagExpression?
        let hook: Hook<W>

        func applies(to tagNames: [String]) -> Bool { tags?.matches(tagNames) ?? true }
    }

    let definitions: [Definition]
    let hooks: [PreparedHook]
    let registry: ParameterTypeRegistry
    /// The custom parameter types, as reports name them.
    let parameterTypes: [ParameterTypeInfo]

    /// - Throws: ``SelectionError`` listing every expression or tag expression that does not compile.
    init(_ library: StepLibrary<W>, ids: inout IdGenerator) throws(SelectionError) {
        var problems = library.problems
        var definitions: [Definition] = []
        for definition in library.definitions {
            let id = ids.next()
            do {
                let expression: any StepExpression
                let kind: DefinitionInfo.Kind
                switch definition.pattern {
                case .cucumberExpression(let source):
                    expression = try CucumberExpression(source, registry: library.parameterTypes)
                    kind = .cucumberExpression
                case .regularExpression(let source):
                    expression = try RegularExpression(source, registry: library.parameterTypes)
                    kind = .regularExpression
                }
                definitions.append(
                    Definition(
                        info: DefinitionInfo(
                            id: id, kind: kind, pattern: definition.pattern.source, location: definition.location),
                        expression: expression, definition: definition))
            } catch {
                problems.append("\(definition.location): \(error)")
            }
        }
        var hooks: [PreparedHook] = []
        for hook in library.hooks {
            var tags: TagExpression?
            if !hook.tags.isEmpty {
                do {
                    tags = try TagExpression(hook.tags)
                } catch {
                    problems.append("\(hook.location): \(error)")
                }
            }
            hooks.append(
                PreparedHook(
                    info: DefinitionInfo(
                        id: ids.next(), kind: hook.kind.definitionKind, pattern: hook.tags, name: hook.name,
                        location: hook.location),
                    tags: tags, hook: hook))
        }
        guard problems.isEmpty else { throw SelectionError(problems.joined(separator: "\n")) }
        self.parameterTypes = library.parameterTypes.parameterTypes.filter { !$0.isBuiltIn }.map { type in
            ParameterTypeInfo(
                id: ids.next(), name: type.name, regularExpressions: type.regexps,
                preferForRegularExpressionMatch: type.preferForRegexpMatch, useForSnippets: type.useForSnippets,
                location: library.parameterTypeLocations[type.name])
        }
        self.definitions = definitions
        self.hooks = hooks
        self.registry = library.parameterTypes
    }

    func hooks(_ kind: HookKind, for tags: [String]) -> [PreparedHook] {
        hooks.filter { $0.hook.kind == kind && $0.applies(to: tags) }
    }
}
