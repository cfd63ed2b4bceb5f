/// Feature and rule children are encoded as Cucumber Messages encode them: an object with one key naming the kind.
private enum ChildKey: String, CodingKey {
    case background, scenario, rule
}

extension FeatureChild: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ChildKey.self)
        if let background = try container.decodeIfPresent(Background.self, forKey: .background) {
            self = .background(background)
        } else if let scenario = try container.decodeIfPresent(Scenario.self, forKey: .scenario) {
            self = .scenario(scenario)
        } else {
            self = .rule(try container.decode(Rule.self, forKey: .rule))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ChildKey.self)
        switch self {
        case .background(let background): try container.encode(background, forKey: .background)
        case .scenario(let scenario): try container.encode(scenario, forKey: .scenario)
        case .rule(let rule): try container.encode(rule, forKey: .rule)
        }
    }
}

extension RuleChild: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ChildKey.self)
        if let background = try container.decodeIfPresent(Background.self, forKey: .background) {
            self = .background(background)
        } else {
            self = .scenario(try container.decode(Scenario.self, forKey: .scenario))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ChildKey.self)
        switch self {
        case .background(let background): try container.encode(background, forKey: .background)
        case .scenario(let scenario): try container.encode(scenario, forKey: .scenario)
        }
    }
}
