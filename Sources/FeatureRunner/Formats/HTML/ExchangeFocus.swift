/// Which of a failing step's HTTP exchanges the report highlights and opens: the one the failure is most likely
/// about, not the fourth of four after the OAuth discovery calls.
///
/// The last exchange with an error status (or no answer at all); else the last that is not an OAuth/OIDC discovery
/// or token call; else the last.
enum ExchangeFocus {
    /// Path parts of OAuth and OpenID Connect plumbing: discovery documents and token endpoints.
    static let plumbingMarkers = ["/oidc/", "/.well-known/", "/oauth2/token", "/oauth2/authorize", "/v1/token"]

    /// The position of the exchange to highlight, `nil` when there are none.
    /// - Parameter exchanges: Each exchange's `url` and `status` (0 when it got no answer).
    static func index(of exchanges: [(url: String, status: Int)]) -> Int? {
        guard !exchanges.isEmpty else { return nil }
        if let failed = exchanges.lastIndex(where: { !(200..<300).contains($0.status) }) { return failed }
        if let relevant = exchanges.lastIndex(where: { !isPlumbing($0.url) }) { return relevant }
        return exchanges.count - 1
    }

    /// Whether a URL is an OAuth/OIDC discovery or token call.
    static func isPlumbing(_ url: String) -> Bool {
        let lower = url.lowercased()
        let path = lower.split(separator: "?", maxSplits: 1).first.map(String.init) ?? lower
        return plumbingMarkers.contains { path.contains($0) } || path.hasSuffix("/token")
    }
}
