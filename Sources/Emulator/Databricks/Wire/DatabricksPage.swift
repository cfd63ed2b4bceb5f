/// One page of a list: `page_size` and an opaque `page_token` (or the older `limit` and `offset`).
struct DatabricksPage: Sendable {
    var items: [JSONValue]
    var nextToken: String?
    var previousToken: String?
    var hasMore: Bool

    init(_ all: [JSONValue], call: DatabricksCall, defaultSize: Int, maximum: Int = 10_000) {
        let size = Int(call.int("page_size") ?? call.int("limit") ?? Int64(defaultSize))
        let pageSize = min(maximum, size <= 0 ? defaultSize : size)
        var start = Int(call.int("offset") ?? 0)
        if let token = call.string("page_token"), let offset = Self.offset(of: token) { start = offset }
        start = min(max(0, start), all.count)
        items = Array(all[start..<min(all.count, start + pageSize)])
        hasMore = start + items.count < all.count
        nextToken = hasMore ? Self.token(start + items.count) : nil
        previousToken = start > 0 ? Self.token(max(0, start - pageSize)) : nil
    }

    /// The answer of a list: the items under a key (left out when there are none, as the service does), the page
    /// tokens, and `has_more` when asked for.
    func reply(itemsKey: String, hasMore includeHasMore: Bool = false) -> DatabricksReply {
        var object: JSONObject = [:]
        if includeHasMore { object["has_more"] = .bool(hasMore) }
        if !items.isEmpty { object[itemsKey] = .array(items) }
        if let nextToken { object["next_page_token"] = .string(nextToken) }
        if let previousToken { object["prev_page_token"] = .string(previousToken) }
        return .object(object)
    }

    static func token(_ offset: Int) -> String { "offset-\(offset)" }

    static func offset(of token: String) -> Int? {
        guard token.hasPrefix("offset-") else { return nil }
        return Int(token.dropFirst("offset-".count))
    }
}
