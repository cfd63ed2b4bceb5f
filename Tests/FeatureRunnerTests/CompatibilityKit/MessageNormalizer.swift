/// Makes two message streams comparable, as the compatibility kit's README says implementations do: what varies from
/// run to run or from platform to platform is replaced, the rest is left to compare exactly.
///
/// - `meta`: only its presence (the product, runtime, OS, CPU and CI are the platform's).
/// - ids: renumbered `#1`, `#2`... in order of first appearance (keys sorted within each message), so that what refers
///   to what is still compared but not the generator's values.
/// - `timestamp`, `duration`: only their presence.
/// - `uri`: only the file name (the kit has `samples/NAME/NAME.feature`, the runner the path it was given).
/// - `sourceReference`: only its presence (the kit's point into TypeScript, the runner's into Swift).
/// - a result's `message` and the run's: only its presence (it holds a stack trace on most platforms); an exception's
///   `type` and `stackTrace` are left out (the language's), its `message` is compared.
/// - `snippets`: only that there are some; their language, code and number are the platform's (the kit writes one
///   per expression its generator offers, Brickyard one, for the first).
/// - `testCaseStarted.workerId`: left out (the kit's reference run has no workers).
/// - Glue (`parameterType`, `stepDefinition`, `hook`, `undefinedParameterType`) is ordered by kind and content before
///   ids are renumbered: the protocol does not order messages that depend on nothing, and the kit interleaves them
///   in the order the TypeScript registered them.
struct MessageNormalizer {
    static let placeholder = MessageJSON.string("*")

    /// Glue kinds, in the order normalised streams have them.
    static let glueKinds = ["parameterType", "undefinedParameterType", "stepDefinition", "hook"]

    func normalize(_ envelopes: [MessageJSON]) -> [MessageJSON] {
        var ids = IdRenumbering()
        return orderingGlue(envelopes.map { scrub($0, key: nil, parent: [:]) }).map { ids.renumber($0, key: nil) }
    }

    private func orderingGlue(_ envelopes: [MessageJSON]) -> [MessageJSON] {
        let positions = envelopes.indices.filter { Self.glueKinds.contains(envelopes[$0].envelopeType) }
        let sorted = positions.map { envelopes[$0] }.enumerated().sorted { left, right in
            let leftKey = Self.glueKey(left.element)
            let rightKey = Self.glueKey(right.element)
            return leftKey != rightKey ? leftKey < rightKey : left.offset < right.offset
        }
        var result = envelopes
        for (position, envelope) in zip(positions, sorted) { result[position] = envelope.element }
        return result
    }

    /// Kind first, then content without ids.
    private static func glueKey(_ envelope: MessageJSON) -> String {
        let kind = envelope.envelopeType
        var body = envelope[kind]?.members ?? [:]
        body["id"] = nil
        return "\(glueKinds.firstIndex(of: kind) ?? 0) \(MessageJSON.object(body).compact)"
    }

    /// Replaces what varies, depth first; `parent` is the object `value` is a member of.
    private func scrub(_ value: MessageJSON, key: String?, parent: [String: MessageJSON]) -> MessageJSON {
        switch key {
        case "meta": return .object([:])
        case "timestamp", "duration", "sourceReference": return Self.placeholder
        case "uri":
            guard let uri = value.string else { break }
            return .string(String(uri.split(separator: "/").last ?? ""))
        case "message" where parent["status"] != nil || parent["testRunStartedId"] != nil:
            return Self.placeholder
        case "exception":
            var members = value.members
            members["type"] = nil
            members["stackTrace"] = nil
            return .object(members.mapValues { scrub($0, key: nil, parent: [:]) })
        case "snippets":
            guard case .array(let snippets) = value else { break }
            return snippets.isEmpty ? value : Self.placeholder
        default: break
        }
        switch value {
        case .object(let members):
            var scrubbed: [String: MessageJSON] = [:]
            for (name, member) in members where !(name == "workerId" && key == "testCaseStarted") {
                scrubbed[name] = scrub(member, key: name, parent: members)
            }
            return .object(scrubbed)
        case .array(let items):
            return .array(items.map { scrub($0, key: nil, parent: [:]) })
        default:
            return value
        }
    }
}

/// Renumbers ids in order of first appearance: the values of `id`, of keys ending in `Id`, and of arrays under keys
/// ending in `Ids`.
struct IdRenumbering {
    private var numbers: [String: Int] = [:]

    mutating func renumber(_ value: MessageJSON, key: String?) -> MessageJSON {
        switch value {
        case .string(let id) where key.map(Self.isIdKey) ?? false:
            return .string(number(id))
        case .array(let items) where key?.hasSuffix("Ids") ?? false:
            return .array(items.map { item in item.string.map { .string(number($0)) } ?? item })
        case .array(let items):
            return .array(items.map { renumber($0, key: nil) })
        case .object(let members):
            var renumbered: [String: MessageJSON] = [:]
            for name in members.keys.sorted() { renumbered[name] = renumber(members[name]!, key: name) }
            return .object(renumbered)
        default:
            return value
        }
    }

    private static func isIdKey(_ key: String) -> Bool { key == "id" || key.hasSuffix("Id") }

    private mutating func number(_ id: String) -> String {
        if let number = numbers[id] { return "#\(number)" }
        let number = numbers.count + 1
        numbers[id] = number
        return "#\(number)"
    }
}
