/// Compiles a document into pickles as the reference compiler does: scenarios in file order (rules' too), background
/// steps first (only for scenarios that have steps), tags inherited, outlines expanded row by row with `<name>`
/// replaced in step text, doc strings, media types, table cells and the pickle's name.
public struct PickleCompiler: Sendable {
    public init() {}

    /// The document's pickles; ids come from `ids` (steps before their pickle).
    public func compile(_ document: GherkinDocument, ids: inout IdGenerator) -> [Pickle] {
        guard let feature = document.feature else { return [] }
        var context = Context(uri: document.uri ?? "", language: feature.language, ids: ids)
        var backgroundSteps: [Step] = []
        for child in feature.children {
            switch child {
            case .background(let background):
                backgroundSteps += background.steps
            case .scenario(let scenario):
                context.compile(scenario, tags: feature.tags, backgroundSteps: backgroundSteps)
            case .rule(let rule):
                var ruleBackgroundSteps = backgroundSteps
                for ruleChild in rule.children {
                    switch ruleChild {
                    case .background(let background):
                        ruleBackgroundSteps += background.steps
                    case .scenario(let scenario):
                        context.compile(scenario, tags: feature.tags + rule.tags, backgroundSteps: ruleBackgroundSteps)
                    }
                }
            }
        }
        ids = context.ids
        return context.pickles
    }

    private struct Context {
        let uri: String
        let language: String
        var ids: IdGenerator
        var pickles: [Pickle] = []

        init(uri: String, language: String, ids: IdGenerator) {
            self.uri = uri
            self.language = language
            self.ids = ids
        }

        mutating func compile(_ scenario: Scenario, tags: [Tag], backgroundSteps: [Step]) {
            if scenario.examples.isEmpty {
                compilePlain(scenario, tags: tags, backgroundSteps: backgroundSteps)
            } else {
                compileOutline(scenario, tags: tags, backgroundSteps: backgroundSteps)
            }
        }

        private mutating func compilePlain(_ scenario: Scenario, tags: [Tag], backgroundSteps: [Step]) {
            var steps: [PickleStep] = []
            if !scenario.steps.isEmpty {
                steps.reserveCapacity(backgroundSteps.count + scenario.steps.count)
                var lastType = StepKeywordType.unknown
                for step in backgroundSteps {
                    steps.append(pickleStep(step, values: nil, lastType: &lastType))
                }
                for step in scenario.steps {
                    steps.append(pickleStep(step, values: nil, lastType: &lastType))
                }
            }
            pickles.append(
                Pickle(
                    id: ids.next(), uri: uri, location: scenario.location, name: scenario.name, language: language,
                    steps: steps, tags: (tags + scenario.tags).map(Self.pickleTag), astNodeIds: [scenario.id]))
        }

        private mutating func compileOutline(_ scenario: Scenario, tags: [Tag], backgroundSteps: [Step]) {
            for examples in scenario.examples {
                guard let header = examples.tableHeader else { continue }
                let placeholders = Placeholders(header)
                let pickleTags = (tags + scenario.tags + examples.tags).map(Self.pickleTag)
                for row in examples.tableBody {
                    let values = Substitutions(placeholders: placeholders, values: row.cells.map(\.value))
                    var steps: [PickleStep] = []
                    if !scenario.steps.isEmpty {
                        steps.reserveCapacity(backgroundSteps.count + scenario.steps.count)
                        var lastType = StepKeywordType.unknown
                        for step in backgroundSteps {
                            steps.append(pickleStep(step, values: nil, lastType: &lastType))
                        }
                        for step in scenario.steps {
                            steps.append(pickleStep(step, values: (values, row.id), lastType: &lastType))
                        }
                    }
                    pickles.append(
                        Pickle(
                            id: ids.next(), uri: uri, location: row.location,
                            name: Self.interpolate(scenario.name, values), language: language, steps: steps,
                            tags: pickleTags,
                            astNodeIds: [scenario.id, row.id]))
                }
            }
        }

        private mutating func pickleStep(
            _ step: Step, values: (names: Substitutions, rowId: String)?, lastType: inout StepKeywordType
        ) -> PickleStep {
            let type = step.keywordType ?? .unknown
            if type != .conjunction { lastType = type }
            let substitutions = values?.names ?? Substitutions.none
            var argument: PickleStepArgument?
            if step.docString != nil || step.dataTable != nil {
                var docStringIndex: Int?
                var dataTableIndex: Int?
                if let docString = step.docString, let dataTable = step.dataTable {
                    let docStringFirst = docString.location < dataTable.location
                    docStringIndex = docStringFirst ? 1 : 2
                    dataTableIndex = docStringFirst ? 2 : 1
                }
                argument = PickleStepArgument(
                    docString: step.docString.map {
                        PickleDocString(
                            mediaType: $0.mediaType.map { Self.interpolate($0, substitutions) },
                            content: Self.interpolate($0.content, substitutions), argumentIndex: docStringIndex)
                    },
                    dataTable: step.dataTable.map { table in
                        PickleTable(
                            rows: table.rows.map { row in
                                PickleTable.Row(
                                    cells: row.cells.map { .init(value: Self.interpolate($0.value, substitutions)) })
                            }, argumentIndex: dataTableIndex)
                    })
            }
            let astNodeIds = values.map { [step.id, $0.rowId] } ?? [step.id]
            return PickleStep(
                id: ids.next(), text: Self.interpolate(step.text, substitutions), type: lastType, argument: argument,
                astNodeIds: astNodeIds)
        }

        /// `text` with each `<name>` placeholder replaced by its value, placeholder after placeholder as the reference
        /// compiler replaces them (in one pass when no value holds a `<`, which gives the same text).
        static func interpolate(_ text: String, _ substitutions: Substitutions) -> String {
            guard !substitutions.isEmpty else { return text }
            var text = text
            let hasPlaceholder = text.withUTF8 { bytes in bytes.contains(UInt8(ascii: "<")) }
            guard hasPlaceholder else { return text }
            if substitutions.valuesHaveBrackets {
                var result = text
                for (placeholder, value) in zip(substitutions.placeholders.texts, substitutions.values) {
                    result = result.replacingAll(placeholder, with: value)
                }
                return result
            }
            return text.withUTF8 { bytes -> String in
                // First the length of the result, then the result written straight into the string's storage.
                var length = 0
                var index = 0
                var replacedAny = false
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "<"),
                        let (value, placeholderLength) = substitutions.match(bytes, at: index)
                    {
                        length += value.utf8.count
                        index += placeholderLength
                        replacedAny = true
                    } else {
                        length += 1
                        index += 1
                    }
                }
                guard replacedAny else { return String(decoding: bytes, as: UTF8.self) }
                return String(unsafeUninitializedCapacity: length) { output in
                    var written = 0
                    var index = 0
                    while index < bytes.count {
                        if bytes[index] == UInt8(ascii: "<"),
                            let (value, placeholderLength) = substitutions.match(bytes, at: index)
                        {
                            var value = value
                            value.withUTF8 { valueBytes in
                                for byte in valueBytes {
                                    output[written] = byte
                                    written += 1
                                }
                            }
                            index += placeholderLength
                        } else {
                            output[written] = bytes[index]
                            written += 1
                            index += 1
                        }
                    }
                    return written
                }
            }
        }

        static func pickleTag(_ tag: Tag) -> PickleTag { PickleTag(name: tag.name, astNodeId: tag.id) }
    }
}

/// The `<placeholders>` of an examples table's header, prepared once for all its rows.
struct Placeholders {
    let texts: [String]
    let bytes: [[UInt8]]

    init(_ header: TableRow) {
        texts = header.cells.map { "<\($0.value)>" }
        bytes = texts.map { Array($0.utf8) }
    }
}

/// An examples row's values for the `<placeholders>` of its header.
struct Substitutions {
    let placeholders: Placeholders
    let values: [String]
    /// Whether a value holds a `<` (then placeholders are replaced one after the other, as the reference does).
    let valuesHaveBrackets: Bool

    init(placeholders: Placeholders, values: [String]) {
        self.placeholders = placeholders
        self.values = values
        valuesHaveBrackets = values.contains { value in
            value.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "<")) }
                ?? value.utf8.contains(UInt8(ascii: "<"))
        }
    }

    var isEmpty: Bool { placeholders.texts.isEmpty }

    /// The value of the placeholder at `index` of `bytes`, and the placeholder's length.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: String, length: Int)? {
        for (position, placeholder) in placeholders.bytes.enumerated() where position < values.count {
            if UTF8Text.matches(bytes, at: index, end: bytes.count, placeholder) {
                return (values[position], placeholder.count)
            }
        }
        return nil
    }

    static let none = Substitutions(
        placeholders: Placeholders(TableRow(location: Location(line: 0), cells: [], id: "")), values: [])
}

extension String {
    /// The string with every occurrence of `target` replaced, left to right (compared byte by byte in UTF-8, which
    /// for whole strings is comparing scalar by scalar).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return self }
        var text = self
        return text.withUTF8 { bytes -> String in
            guard bytes.count >= pattern.count else { return self }
            var result: [UInt8] = []
            var found = false
            var index = 0
            var copiedUpTo = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first, UTF8Text.matches(bytes, at: index, end: bytes.count, pattern) {
                    if !found {
                        found = true
                        result.reserveCapacity(bytes.count + replacement.utf8.count)
                    }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<index]))
                    result.append(contentsOf: replacement.utf8)
                    index += pattern.count
                    copiedUpTo = index
                } else {
                    index += 1
                }
            }
            guard found else { return self }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<bytes.count]))
            return String(decoding: result, as: UTF8.self)
        }
    }
}
