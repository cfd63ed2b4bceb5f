/// `Scenario:` / `Example:`, or an outline (`Scenario Outline:`) when it has examples.
public struct Scenario: Codable, Hashable, Sendable {
    public var location: Location
    public var tags: [Tag]
    public var keyword: String
    public var name: String
    public var description: String
    public var steps: [Step]
    public var examples: [Examples]
    public var id: String

    public init(
        location: Location, tags: [Tag], keyword: String, name: String, description: String, steps: [Step],
        examples: [Examples], id: String
    ) {
        self.location = location
        self.tags = tags
        self.keyword = keyword
        self.name = name
        self.description = description
        self.steps = steps
        self.examples = examples
        self.id = id
    }
}

/// `Examples:` of an outline: a header row naming the `<placeholders>` and one row per pickle.
public struct Examples: Codable, Hashable, Sendable {
    public var location: Location
    public var tags: [Tag]
    public var keyword: String
    public var name: String
    public var description: String
    public var tableHeader: TableRow?
    public var tableBody: [TableRow]
    public var id: String

    public init(
        location: Location, tags: [Tag], keyword: String, name: String, description: String, tableHeader: TableRow?,
        tableBody: [TableRow], id: String
    ) {
        self.location = location
        self.tags = tags
        self.keyword = keyword
        self.name = name
        self.description = description
        self.tableHeader = tableHeader
        self.tableBody = tableBody
        self.id = id
    }
}
