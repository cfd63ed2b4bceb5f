/// `Feature:` with its header and children.
public struct Feature: Codable, Hashable, Sendable {
    public var location: Location
    public var tags: [Tag]
    /// The dialect's code (`en`, `ja`).
    public var language: String
    public var keyword: String
    public var name: String
    public var description: String
    public var children: [FeatureChild]

    public init(
        location: Location, tags: [Tag], language: String, keyword: String, name: String, description: String,
        children: [FeatureChild]
    ) {
        self.location = location
        self.tags = tags
        self.language = language
        self.keyword = keyword
        self.name = name
        self.description = description
        self.children = children
    }
}

/// What a feature holds: a background, scenarios and rules, in file order.
public enum FeatureChild: Hashable, Sendable {
    case background(Background)
    case scenario(Scenario)
    case rule(Rule)
}

/// `Rule:` and the background and scenarios under it.
public struct Rule: Codable, Hashable, Sendable {
    public var location: Location
    public var tags: [Tag]
    public var keyword: String
    public var name: String
    public var description: String
    public var children: [RuleChild]
    public var id: String

    public init(
        location: Location, tags: [Tag], keyword: String, name: String, description: String, children: [RuleChild],
        id: String
    ) {
        self.location = location
        self.tags = tags
        self.keyword = keyword
        self.name = name
        self.description = description
        self.children = children
        self.id = id
    }
}

/// What a rule holds: a background and scenarios.
public enum RuleChild: Hashable, Sendable {
    case background(Background)
    case scenario(Scenario)
}

/// `Background:`: steps run before each scenario of its feature or rule.
public struct Background: Codable, Hashable, Sendable {
    public var location: Location
    public var keyword: String
    public var name: String
    public var description: String
    public var steps: [Step]
    public var id: String

    public init(location: Location, keyword: String, name: String, description: String, steps: [Step], id: String) {
        self.location = location
        self.keyword = keyword
        self.name = name
        self.description = description
        self.steps = steps
        self.id = id
    }
}
