/// A scenario ready to run: one per scenario, one per examples row of an outline, with the background's steps first,
/// the tags it inherits and the outline's `<placeholders>` filled in (Cucumber Messages' `Pickle`).
public struct Pickle: Codable, Hashable, Sendable {
    public var id: String
    public var uri: String
    /// The scenario's line, or the examples row's for an outline.
    public var location: Location?
    public var name: String
    public var language: String
    public var steps: [PickleStep]
    /// The feature's, rule's, scenario's and examples' tags, in that order.
    public var tags: [PickleTag]
    /// The scenario's id, and the examples row's for an outline.
    public var astNodeIds: [String]

    public init(
        id: String, uri: String, location: Location?, name: String, language: String, steps: [PickleStep],
        tags: [PickleTag], astNodeIds: [String]
    ) {
        self.id = id
        self.uri = uri
        self.location = location
        self.name = name
        self.language = language
        self.steps = steps
        self.tags = tags
        self.astNodeIds = astNodeIds
    }
}

/// A step of a pickle. `type` is the keyword's kind with `And`/`But` resolved to the kind before them.
public struct PickleStep: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    public var type: StepKeywordType?
    public var argument: PickleStepArgument?
    /// The step's id, and the examples row's for an outline.
    public var astNodeIds: [String]

    public init(id: String, text: String, type: StepKeywordType?, argument: PickleStepArgument?, astNodeIds: [String]) {
        self.id = id
        self.text = text
        self.type = type
        self.argument = argument
        self.astNodeIds = astNodeIds
    }
}

/// A step's doc string and data table (a step may have both).
public struct PickleStepArgument: Codable, Hashable, Sendable {
    public var docString: PickleDocString?
    public var dataTable: PickleTable?

    public init(docString: PickleDocString? = nil, dataTable: PickleTable? = nil) {
        self.docString = docString
        self.dataTable = dataTable
    }
}

/// A doc string as a step receives it.
public struct PickleDocString: Codable, Hashable, Sendable {
    public var mediaType: String?
    public var content: String
    /// Where it comes among the step's arguments (1 or 2), when the step has both.
    public var argumentIndex: Int?

    public init(mediaType: String?, content: String, argumentIndex: Int? = nil) {
        self.mediaType = mediaType
        self.content = content
        self.argumentIndex = argumentIndex
    }
}

/// A data table as a step receives it: rows of cell values.
public struct PickleTable: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        public struct Cell: Codable, Hashable, Sendable {
            public var value: String
            public init(value: String) { self.value = value }
        }
        public var cells: [Cell]
        public init(cells: [Cell]) { self.cells = cells }
    }

    public var rows: [Row]
    /// Where it comes among the step's arguments (1 or 2), when the step has both.
    public var argumentIndex: Int?

    public init(rows: [Row], argumentIndex: Int? = nil) {
        self.rows = rows
        self.argumentIndex = argumentIndex
    }

    /// The values, row by row.
    public var values: [[String]] { rows.map { $0.cells.map(\.value) } }
}

/// A tag a pickle carries, with the id of the tag in the document.
public struct PickleTag: Codable, Hashable, Sendable {
    public var name: String
    public var astNodeId: String

    public init(name: String, astNodeId: String) {
        self.name = name
        self.astNodeId = astNodeId
    }
}
