import Foundation

/// The Gherkin languages a parser knows, read from the bundled `gherkin-languages.json`.
public struct GherkinDialectCatalog: Sendable {
    /// The dialects by language code.
    public let dialects: [String: GherkinDialect]

    /// The dialects bundled with the package (all 80 languages of the official table), read once.
    public static let bundled: GherkinDialectCatalog = {
        guard let url = Bundle.module.url(forResource: "gherkin-languages", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let catalog = try? GherkinDialectCatalog(json: data)
        else {
            preconditionFailure("gherkin-languages.json is missing from the Gherkin module's resources")
        }
        return catalog
    }()

    /// Creates a catalog from dialects.
    public init(dialects: [GherkinDialect]) {
        self.dialects = Dictionary(dialects.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads a catalog in the format of `gherkin-languages.json`.
    /// - Throws: ``GherkinDialectCatalogError`` when the document is not such a table.
    public init(json: Data) throws(GherkinDialectCatalogError) {
        guard let table = try? JSONSerialization.jsonObject(with: json) as? [String: [String: Any]] else {
            throw GherkinDialectCatalogError(reason: "not an object of languages")
        }
        var dialects: [GherkinDialect] = []
        for (code, entry) in table {
            func keywords(_ key: String) throws(GherkinDialectCatalogError) -> [String] {
                guard let list = entry[key] as? [String] else {
                    throw GherkinDialectCatalogError(reason: "\(code) has no \(key) keywords")
                }
                return list
            }
            dialects.append(
                GherkinDialect(
                    code: code, name: entry["name"] as? String ?? code, native: entry["native"] as? String ?? code,
                    feature: try keywords("feature"), rule: try keywords("rule"),
                    background: try keywords("background"), scenario: try keywords("scenario"),
                    scenarioOutline: try keywords("scenarioOutline"), examples: try keywords("examples"),
                    given: try keywords("given"), when: try keywords("when"), then: try keywords("then"),
                    and: try keywords("and"), but: try keywords("but")))
        }
        self.init(dialects: dialects)
    }

    /// The dialect of a language code, if there is one.
    public subscript(code: String) -> GherkinDialect? { dialects[code] }

    /// The language codes, sorted.
    public var codes: [String] { dialects.keys.sorted() }
}

/// Why a dialect table could not be read.
public struct GherkinDialectCatalogError: Error, Sendable, Hashable {
    /// What is wrong with the table.
    public var reason: String
}
