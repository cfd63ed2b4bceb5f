import FeatureRunner
import Foundation
import Gherkin
import Testing

/// A scenario of a feature file, as an argument of a parameterized test (its description names the scenario).
public struct FeatureScenario: Sendable, Hashable, CustomTestStringConvertible {
    public var path: String
    public var line: Int
    public var name: String

    public init(path: String, line: Int, name: String) {
        self.path = path
        self.line = line
        self.name = name
    }

    public var testDescription: String {
        "\(URL(fileURLWithPath: path).lastPathComponent):\(line) \(name)"
    }

    /// Every scenario (one per outline) of the feature files under `directory`, which is relative to the directory of
    /// the calling file unless absolute. Files that do not parse appear as one scenario at line 1, which reports
    /// their errors when run.
    public static func all(in directory: String, filePath: String = #filePath) -> [FeatureScenario] {
        let base =
            directory.hasPrefix("/")
            ? directory
            : URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(directory).path
        let loader = FeatureLoader()
        guard let files = try? loader.files(at: base) else { return [] }
        var scenarios: [FeatureScenario] = []
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            guard let document = try? GherkinParser().parse(text, uri: file), let feature = document.feature else {
                scenarios.append(FeatureScenario(path: file, line: 1, name: "(does not parse)"))
                continue
            }
            for child in feature.children {
                switch child {
                case .background: break
                case .scenario(let scenario):
                    scenarios.append(FeatureScenario(path: file, line: scenario.location.line, name: scenario.name))
                case .rule(let rule):
                    for case .scenario(let scenario) in rule.children {
                        scenarios.append(FeatureScenario(path: file, line: scenario.location.line, name: scenario.name))
                    }
                }
            }
        }
        return scenarios
    }
}
