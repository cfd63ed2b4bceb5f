import AWSWire

/// `Marker` / `MaxItems` / `IsTruncated` paging as every IAM `List*` action does it. The marker is the position of the
/// next item, opaque to clients.
struct IAMPage<Item: Sendable>: Sendable {
    var items: [Item]
    var marker: String?

    /// One page of a list.
    /// - Throws: `ValidationError` for `MaxItems` outside 1...1000 or a marker that is not one IAM issued.
    init(_ all: [Item], parameters: QueryParameters) throws(QueryError) {
        let maxItems = try parameters.integer("MaxItems") ?? 100
        guard (1...1000).contains(maxItems) else {
            throw .validation(
                "1 validation error detected: Value '\(maxItems)' at 'maxItems' failed to satisfy constraint: Member must have value \(maxItems < 1 ? "greater than or equal to 1" : "less than or equal to 1000")"
            )
        }
        var start = 0
        if let marker = parameters["Marker"] {
            guard marker.hasPrefix("M"), let offset = Int(marker.dropFirst()), offset >= 0 else {
                throw .validation("Invalid Marker.")
            }
            start = min(offset, all.count)
        }
        let end = min(start + maxItems, all.count)
        items = Array(all[start..<end])
        marker = end < all.count ? "M\(end)" : nil
    }

    /// Writes the list element and `IsTruncated` / `Marker`.
    func write(_ element: String, to xml: inout XMLWriter, item: (Item, inout XMLWriter) -> Void) {
        xml.element(element) { xml in
            for entry in items { item(entry, &xml) }
        }
        xml.element("IsTruncated", marker == nil ? "false" : "true")
        xml.element("Marker", ifPresent: marker)
    }
}
