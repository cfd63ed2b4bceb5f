/// A parsed feature file: its feature (none for an empty file) and every comment, as Cucumber Messages'
/// `GherkinDocument`.
public struct GherkinDocument: Codable, Hashable, Sendable {
    /// Where the source came from (a path relative to the run's directory, or a URI).
    public var uri: String?
    public var feature: Feature?
    public var comments: [Comment]

    public init(uri: String?, feature: Feature?, comments: [Comment]) {
        self.uri = uri
        self.feature = feature
        self.comments = comments
    }
}

/// A `# comment` line, kept with its indentation.
public struct Comment: Codable, Hashable, Sendable {
    public var location: Location
    public var text: String

    public init(location: Location, text: String) {
        self.location = location
        self.text = text
    }
}

/// A tag (`@smoke`) of a feature, rule, scenario or examples.
public struct Tag: Codable, Hashable, Sendable {
    public var location: Location
    /// The tag with its `@`.
    public var name: String
    public var id: String

    public init(location: Location, name: String, id: String) {
        self.location = location
        self.name = name
        self.id = id
    }
}
