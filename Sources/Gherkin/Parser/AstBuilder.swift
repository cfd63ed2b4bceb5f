/// Builds the document as the parser starts and ends rules, the way the reference AST builder does, ids included:
/// a node's id is taken when its rule ends, after its children's and its tags'.
struct AstBuilder {
    private var stack: [AstNode] = [AstNode(type: .gherkinDocument)]
    private(set) var comments: [Comment] = []
    var ids: IdGenerator

    init(ids: IdGenerator) {
        self.ids = ids
    }

    var currentType: RuleType { stack[stack.count - 1].type }

    mutating func startRule(_ type: RuleType) {
        stack.append(AstNode(type: type))
    }

    /// Ends the innermost rule, giving its parent what it built.
    /// - Throws: the builder's errors (inconsistent table rows, tags with whitespace); the rule is ended anyway.
    mutating func endRule() throws(GherkinParseErrors) {
        let node = stack.removeLast()
        let value = try transform(node)
        stack[stack.count - 1].add(value)
    }

    mutating func build(_ token: consuming GherkinToken) {
        // Blank lines and the end of the file build nothing.
        if token.matchedType == .empty || token.matchedType == .eof { return }
        if token.matchedType == .comment {
            comments.append(
                Comment(location: Location(line: token.lineNumber, column: 1), text: token.matchedText ?? ""))
        } else {
            stack[stack.count - 1].add(AstToken(token))
        }
    }

    /// The document, once the parser has ended every rule.
    func document(uri: String?) -> GherkinDocument {
        GherkinDocument(uri: uri, feature: stack[0].feature, comments: comments)
    }

    private func location(_ token: AstToken) -> Location { Location(line: token.lineNumber, column: token.column) }

    private mutating func tags(of node: AstNode) throws(GherkinParseErrors) -> [Tag] {
        guard let tagsNode = node.singleNode(.tags) else { return [] }
        var tags: [Tag] = []
        for token in tagsNode.tokens(.tagLine) {
            if let column = token.tagError {
                throw GherkinParseErrors([
                    GherkinParseError(
                        message: "A tag may not contain whitespace",
                        location: Location(line: token.lineNumber, column: column),
                        kind: .tagWithWhitespace)
                ])
            }
            for item in token.matchedItems {
                tags.append(
                    Tag(
                        location: Location(line: token.lineNumber, column: item.column), name: item.text, id: ids.next()
                    ))
            }
        }
        return tags
    }

    private mutating func tableRows(of node: AstNode) throws(GherkinParseErrors) -> [TableRow] {
        var rows: [TableRow] = []
        rows.reserveCapacity(node.tokens.count)
        for token in node.tokens where token.matchedType == .tableRow {
            rows.append(
                TableRow(
                    location: location(token),
                    cells: token.matchedCells,
                    id: ids.next()))
        }
        if let first = rows.first, let odd = rows.first(where: { $0.cells.count != first.cells.count }) {
            throw GherkinParseErrors([
                GherkinParseError(
                    message: "inconsistent cell count within the table", location: odd.location,
                    kind: .inconsistentCellCount)
            ])
        }
        return rows
    }

    private func description(of node: AstNode) -> String {
        node.description ?? ""
    }

    private func steps(of node: AstNode) -> [Step] {
        node.steps
    }

    private mutating func transform(_ node: AstNode) throws(GherkinParseErrors) -> AstValue {
        switch node.type {
        case .step:
            let line = node.token(.stepLine)!
            let dataTable = node.dataTable
            let docString = node.docString
            return .step(
                Step(
                    location: location(line), keyword: line.matchedKeyword ?? "", keywordType: line.keywordType,
                    text: line.matchedText ?? "", docString: docString, dataTable: dataTable, id: ids.next()))
        case .docString:
            let separators = node.tokens(.docStringSeparator)
            let open = separators[0]
            let mediaType = open.matchedText.flatMap { $0.isEmpty ? nil : $0 }
            let content = node.tokens(.other).map { $0.matchedText ?? "" }.joined(separator: "\n")
            return .docString(
                DocString(
                    location: location(open), mediaType: mediaType, content: content,
                    delimiter: open.matchedKeyword ?? ""))
        case .dataTable:
            let rows = try tableRows(of: node)
            return .dataTable(DataTable(location: rows[0].location, rows: rows))
        case .background:
            let line = node.token(.backgroundLine)!
            return .background(
                Background(
                    location: location(line), keyword: line.matchedKeyword ?? "", name: line.matchedText ?? "",
                    description: description(of: node), steps: steps(of: node), id: ids.next()))
        case .scenarioDefinition:
            let tags = try tags(of: node)
            guard let scenarioNode = node.singleNode(.scenario), let line = scenarioNode.token(.scenarioLine) else {
                return .node(node)
            }
            let examples = scenarioNode.examples
            return .scenario(
                Scenario(
                    location: location(line), tags: tags, keyword: line.matchedKeyword ?? "",
                    name: line.matchedText ?? "",
                    description: description(of: scenarioNode), steps: steps(of: scenarioNode), examples: examples,
                    id: ids.next()))
        case .examplesDefinition:
            let tags = try tags(of: node)
            guard let examplesNode = node.singleNode(.examples), let line = examplesNode.token(.examplesLine) else {
                return .node(node)
            }
            let rows = examplesNode.tableRows ?? []
            return .examples(
                Examples(
                    location: location(line), tags: tags, keyword: line.matchedKeyword ?? "",
                    name: line.matchedText ?? "",
                    description: description(of: examplesNode), tableHeader: rows.first,
                    tableBody: Array(rows.dropFirst()), id: ids.next()))
        case .examplesTable:
            return .tableRows(try tableRows(of: node))
        case .description:
            var lines = node.tokens(.other).map { $0.matchedText ?? "" }
            while let last = lines.last, last.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                lines.removeLast()
            }
            return .description(lines.joined(separator: "\n"))
        case .feature:
            guard let header = node.singleNode(.featureHeader) else { return .feature(nil) }
            let tags = try tags(of: header)
            guard let line = header.token(.featureLine) else { return .feature(nil) }
            let children = node.featureChildren
            return .feature(
                Feature(
                    location: location(line), tags: tags, language: line.dialectCode,
                    keyword: line.matchedKeyword ?? "",
                    name: line.matchedText ?? "", description: description(of: header), children: children))
        case .rule:
            guard let header = node.singleNode(.ruleHeader), let line = header.token(.ruleLine) else {
                return .rule(nil)
            }
            let tags = try tags(of: header)
            let children = node.ruleChildren
            return .rule(
                Rule(
                    location: location(line), tags: tags, keyword: line.matchedKeyword ?? "",
                    name: line.matchedText ?? "",
                    description: description(of: header), children: children, id: ids.next()))
        case .gherkinDocument, .featureHeader, .ruleHeader, .scenario, .examples, .tags:
            return .node(node)
        }
    }
}

extension AstBuilder {
    /// Whether a rule of `type` is open.
    func contains(_ type: RuleType) -> Bool { stack.contains { $0.type == type } }

    /// Whether steps now go to a background.
    var isInBackground: Bool {
        for node in stack.reversed() {
            if node.type == .background { return true }
            if node.type == .scenario { return false }
        }
        return false
    }
}
