import Foundation

/// A compiled regular expression that knows how its capture groups nest, so a match comes back as a ``Group`` tree:
/// the whole match at the root, each capture group under the innermost capture group around it. Non-capturing
/// groups (`(?:…)`, look-arounds, flag groups, comments) are not in the tree; the capture groups inside them are.
struct TreeRegexp: Sendable {
    /// The compiled pattern.
    let compiled: SharedRegex
    /// The whole match and, under it, the capture groups.
    let root: GroupBuilder

    /// Compiles `pattern`.
    ///
    /// - Throws: ``CucumberExpressionError`` (``CucumberExpressionError/Kind/invalidRegularExpression``) when
    ///   `pattern` is not a valid regular expression.
    init(_ pattern: String) throws(CucumberExpressionError) {
        do {
            try self.init(NSRegularExpression(pattern: pattern))
        } catch {
            throw CucumberExpressionError(
                .invalidRegularExpression, message: "The regular expression /\(pattern)/ is not valid: \(error)")
        }
    }

    /// Wraps an already compiled regular expression.
    init(_ regex: NSRegularExpression) {
        compiled = SharedRegex(regex)
        let tree = Self.groupTree(of: regex.pattern)
        if tree.captureGroups == regex.numberOfCaptureGroups {
            root = tree.root
        } else {
            // Syntax this scanner does not follow (free-spacing comments, say): keep the groups, flat and unnamed.
            root = GroupBuilder(
                index: 0, source: nil,
                children: (0..<regex.numberOfCaptureGroups).map { GroupBuilder(index: $0 + 1, source: nil) })
        }
    }

    /// The pattern.
    var pattern: String { compiled.regex.pattern }

    /// The groups of the first match of the pattern in `text`, or `nil` when it does not match.
    func match(_ text: String) -> Group? {
        let utf16Count = text.utf16.count
        guard let match = compiled.firstMatch(in: text, range: NSRange(location: 0, length: utf16Count)) else {
            return nil
        }
        return root.build(match, in: NSString(string: text))
    }

    // MARK: Scanning the pattern

    /// A group whose `)` has not been reached yet.
    private struct OpenGroup {
        /// The group's number if it captures.
        var index: Int?
        /// The offset (in scalars) of its `(`.
        var start: Int
        var children: [GroupBuilder] = []
    }

    /// The capture groups of `pattern` (assumed valid, in ICU syntax) as a tree, and how many there are.
    static func groupTree(of pattern: String) -> (root: GroupBuilder, captureGroups: Int) {
        let scalars = Array(pattern.unicodeScalars)
        var stack = [OpenGroup(index: 0, start: -1)]
        var captureGroups = 0
        var escaping = false
        var quoting = false  // inside \Q…\E
        var classDepth = 0  // inside […], which ICU lets nest
        var position = 0
        func isNext(_ offset: Int, _ scalar: Unicode.Scalar) -> Bool {
            position + offset < scalars.count && scalars[position + offset] == scalar
        }
        while position < scalars.count {
            let scalar = scalars[position]
            if quoting {
                if scalar == "\\" && isNext(1, "E") {
                    quoting = false
                    position += 1
                }
            } else if escaping {
                escaping = false
                quoting = scalar == "Q"
            } else if scalar == "\\" {
                escaping = true
            } else if scalar == "[" {
                classDepth += 1
                // A `]` first in a class (or after `^`) is literal.
                if isNext(1, "^") { position += 1 }
                if isNext(1, "]") { position += 1 }
            } else if scalar == "]" && classDepth > 0 {
                classDepth -= 1
            } else if scalar == "(" && classDepth == 0 {
                if isNext(1, "?") && isNext(2, "#") {
                    // A comment runs to the next `)`.
                    while position < scalars.count && scalars[position] != ")" { position += 1 }
                } else {
                    var index: Int?
                    if isCapturing(scalars, at: position) {
                        captureGroups += 1
                        index = captureGroups
                    }
                    stack.append(OpenGroup(index: index, start: position))
                }
            } else if scalar == ")" && classDepth == 0 && stack.count > 1 {
                let group = stack.removeLast()
                if let index = group.index {
                    let source = String(String.UnicodeScalarView(scalars[(group.start + 1)..<position]))
                    stack[stack.count - 1].children.append(
                        GroupBuilder(index: index, source: source, children: group.children))
                } else {
                    stack[stack.count - 1].children += group.children
                }
            }
            position += 1
        }
        // A valid pattern closes every group; should one be left open, keep its capture groups anyway.
        while stack.count > 1 {
            let group = stack.removeLast()
            stack[stack.count - 1].children += group.children
        }
        return (GroupBuilder(index: 0, source: nil, children: stack[0].children), captureGroups)
    }

    /// Whether the group opened at `position` captures: `(…)` and `(?<name>…)` do; `(?:…)`, `(?=…)`, `(?!…)`,
    /// `(?<=…)`, `(?<!…)`, `(?>…)` and flag groups do not.
    private static func isCapturing(_ scalars: [Unicode.Scalar], at position: Int) -> Bool {
        func scalar(_ offset: Int) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }
        guard scalar(1) == "?" else { return true }
        guard scalar(2) == "<" else { return false }
        return scalar(3) != "=" && scalar(3) != "!"
    }
}
