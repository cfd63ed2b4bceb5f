/// The keywords of one Gherkin language (`# language: ja`), as `gherkin-languages.json` lists them.
///
/// Step keywords keep their trailing space where the language has one (`"Given "`); Japanese, Chinese and Korean
/// keywords have none (`"前提"`).
public struct GherkinDialect: Sendable, Hashable {
    /// The language code (`en`, `ja`, `fr`).
    public var code: String
    /// The language's English name.
    public var name: String
    /// The language's own name.
    public var native: String
    public var feature: [String]
    public var rule: [String]
    public var background: [String]
    public var scenario: [String]
    public var scenarioOutline: [String]
    public var examples: [String]
    public var given: [String]
    public var when: [String]
    public var then: [String]
    public var and: [String]
    public var but: [String]

    /// Creates a dialect from its keyword lists.
    public init(
        code: String, name: String, native: String, feature: [String], rule: [String], background: [String],
        scenario: [String], scenarioOutline: [String], examples: [String], given: [String], when: [String],
        then: [String], and: [String], but: [String]
    ) {
        self.code = code
        self.name = name
        self.native = native
        self.feature = feature
        self.rule = rule
        self.background = background
        self.scenario = scenario
        self.scenarioOutline = scenarioOutline
        self.examples = examples
        self.given = given
        self.when = when
        self.then = then
        self.and = and
        self.but = but
    }

    /// The title keywords a scenario line may start with: `scenario` then `scenarioOutline`.
    public var scenarioKeywords: [String] { scenario + scenarioOutline }

    /// Every step keyword with the type the reference token matcher gives it, longest first, so that a keyword which
    /// is a prefix of another (`Le` and `Le sa a` in Haitian Creole) never hides the longer one.
    ///
    /// A keyword listed under several kinds (`"* "`) is ``StepKeywordType/unknown``.
    public var stepKeywords: [(keyword: String, type: StepKeywordType)] {
        var types: [String: StepKeywordType] = [:]
        var order: [String] = []
        let lists: [([String], StepKeywordType)] = [
            (given, .context), (when, .action), (then, .outcome), (and, .conjunction), (but, .conjunction),
        ]
        for (keywords, type) in lists {
            for keyword in keywords {
                if let known = types[keyword] {
                    if known != type { types[keyword] = .unknown }
                } else {
                    types[keyword] = type
                    order.append(keyword)
                }
            }
        }
        let ranked = order.enumerated().sorted { lhs, rhs in
            let left = lhs.element.unicodeScalars.count
            let right = rhs.element.unicodeScalars.count
            return left != right ? left > right : lhs.offset < rhs.offset
        }
        return ranked.map { ($0.element, types[$0.element]!) }
    }
}
