// Times the Gherkin parser and pickle compiler in-process on a corpus of feature files, for
// scripts/bench-gherkin-vs-python.sh (which runs gherkin-official on the same files with scripts/gherkinbench.py).
//
//   GherkinBench DIR [ITERATIONS] [--warmup W] [--parse-only]
//
// Reads every *.feature under DIR (recursively, sorted by path) into memory once, then W times untimed (default 1)
// and ITERATIONS times timed (default 10) parses each file and compiles its pickles, with one id generator per pass,
// and prints one JSON object: files, scenarios, pickles, steps, and the best and median wall time of a pass.
// `--parse-only` skips the pickles (pickles and steps are then 0), to tell the parser's share from the compiler's.
// Build it in release mode: `swift build -c release --product GherkinBench` in Benchmarks/.

import Foundation
import Gherkin

struct Usage: Error, CustomStringConvertible {
    var description: String
}

struct Corpus {
    var files: [(uri: String, source: String)] = []

    /// Every `*.feature` file under `directory`, read as UTF-8 with its line ends as they are.
    init(directory: String) throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            throw Usage(description: "cannot read \(directory)")
        }
        var paths: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "feature" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        for path in paths.sorted() {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            guard let source = String(data: data, encoding: .utf8) else {
                throw Usage(description: "\(path): not UTF-8")
            }
            files.append((path, source))
        }
        if files.isEmpty { throw Usage(description: "no .feature files under \(directory)") }
    }
}

struct PassCounts: Equatable {
    var scenarios = 0
    var pickles = 0
    var steps = 0
}

/// One pass over the corpus: parse and compile every file, as a run does.
func parseAll(_ corpus: Corpus, pickles compiling: Bool) throws -> PassCounts {
    let parser = GherkinParser()
    let compiler = PickleCompiler()
    var ids = IdGenerator()
    var counts = PassCounts()
    for file in corpus.files {
        let document: GherkinDocument
        do {
            document = try parser.parse(file.source, uri: file.uri, ids: &ids)
        } catch {
            throw Usage(description: "\(file.uri) does not parse:\n\(error)")
        }
        if compiling {
            let pickles = compiler.compile(document, ids: &ids)
            counts.pickles += pickles.count
            for pickle in pickles { counts.steps += pickle.steps.count }
        }
        for child in document.feature?.children ?? [] {
            switch child {
            case .scenario: counts.scenarios += 1
            case .rule(let rule):
                for case .scenario in rule.children { counts.scenarios += 1 }
            case .background: break
            }
        }
    }
    return counts
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func main() throws {
    var positional: [String] = []
    var warmup = 1
    var compiling = true
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--warmup":
            guard let value = arguments.popFirst().flatMap({ Int($0) }), value >= 0 else {
                throw Usage(description: "--warmup needs a count")
            }
            warmup = value
        case "--parse-only":
            compiling = false
        case "-h", "--help":
            print("usage: GherkinBench DIR [ITERATIONS] [--warmup W] [--parse-only]")
            return
        default:
            positional.append(argument)
        }
    }
    guard (1...2).contains(positional.count) else { throw Usage(description: "usage: GherkinBench DIR [ITERATIONS]") }
    let iterations = positional.count == 2 ? Int(positional[1]) ?? 0 : 10
    guard iterations >= 1 else { throw Usage(description: "ITERATIONS must be a number >= 1") }

    let corpus = try Corpus(directory: positional[0])
    var counts: PassCounts?
    func check(_ passCounts: PassCounts) throws {
        if let counts, counts != passCounts {
            throw Usage(description: "two passes over the same corpus gave different counts")
        }
        counts = passCounts
    }
    for _ in 0..<warmup { try check(parseAll(corpus, pickles: compiling)) }
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let start = clock.now
        let passCounts = try parseAll(corpus, pickles: compiling)
        times.append(seconds(clock.now - start))
        try check(passCounts)
    }
    times.sort()
    let middle = times.count / 2
    let median = times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
    let totals = counts ?? PassCounts()
    #if DEBUG
    let build = "debug"
    #else
    let build = "release"
    #endif
    let implementation = "brickyard Gherkin (Swift, \(build) build\(compiling ? "" : ", parse only"))"
    print(
        """
        {"files": \(corpus.files.count), "scenarios": \(totals.scenarios), "pickles": \(totals.pickles), \
        "steps": \(totals.steps), "best_seconds": \(times[0]), "median_seconds": \(median), \
        "iterations": \(iterations), "implementation": "\(implementation)"}
        """)
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("GherkinBench: \(error)\n".utf8))
    exit(2)
}
