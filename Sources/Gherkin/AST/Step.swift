/// What kind of step a keyword makes: `Given` sets context, `When` acts, `Then` checks; `And`/`But` continue the
/// previous kind; `*` (listed under every kind) is unknown.
public enum StepKeywordType: String, Codable, Hashable, Sendable {
    case unknown = "Unknown"
    case context = "Context"
    case action = "Action"
    case outcome = "Outcome"
    case conjunction = "Conjunction"
}

/// One step line with its optional data table and doc string (a step may carry both, in either order).
public struct Step: Codable, Hashable, Sendable {
    public var location: Location
    /// The keyword as written, with its trailing space where the language has one (`"Given "`, `"前提"`).
    public var keyword: String
    public var keywordType: StepKeywordType?
    public var text: String
    public var docString: DocString?
    public var dataTable: DataTable?
    public var id: String

    public init(
        location: Location, keyword: String, keywordType: StepKeywordType?, text: String, docString: DocString? = nil,
        dataTable: DataTable? = nil, id: String
    ) {
        self.location = location
        self.keyword = keyword
        self.keywordType = keywordType
        self.text = text
        self.docString = docString
        self.dataTable = dataTable
        self.id = id
    }
}

/// A doc string (`"""` or ```` ``` ````), with the media type written after the opening delimiter.
public struct DocString: Codable, Hashable, Sendable {
    public var location: Location
    public var mediaType: String?
    public var content: String
    public var delimiter: String

    public init(location: Location, mediaType: String?, content: String, delimiter: String) {
        self.location = location
        self.mediaType = mediaType
        self.content = content
        self.delimiter = delimiter
    }
}

/// A data table under a step.
public struct DataTable: Codable, Hashable, Sendable {
    public var location: Location
    public var rows: [TableRow]

    public init(location: Location, rows: [TableRow]) {
        self.location = location
        self.rows = rows
    }
}

/// A `| a | b |` row.
public struct TableRow: Codable, Hashable, Sendable {
    public var location: Location
    public var cells: [TableCell]
    public var id: String

    public init(location: Location, cells: [TableCell], id: String) {
        self.location = location
        self.cells = cells
        self.id = id
    }
}

/// One cell, trimmed and unescaped (`\|`, `\\`, `\n`).
public struct TableCell: Codable, Hashable, Sendable {
    public var location: Location
    public var value: String

    public init(location: Location, value: String) {
        self.location = location
        self.value = value
    }
}
