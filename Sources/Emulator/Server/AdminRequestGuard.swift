import Foundation
import NIOHTTP1

/// Keeps web pages away from the admin endpoints (`/_brickyard/*`).
///
/// A page in the user's browser can send "simple" cross-origin requests without asking first (a `no-cors`
/// `fetch` or a form: `GET`/`POST` with a `text/plain`, form or multipart body and no custom header), and a page
/// whose name was rebound to 127.0.0.1 can even read the answers. So:
/// - every admin request whose `Origin` is not a loopback origin, or that the browser marks `Sec-Fetch-Site:
///   cross-site`, is refused;
/// - every admin request whose `Host` is a name other than `localhost`, a `*.localhost` name, an IP address or the
///   emulator's own host is refused (DNS rebinding);
/// - every request that changes state (`POST`, `PUT`, `DELETE`, `PATCH`) must say `Content-Type:
///   application/json` or carry an `X-Brickyard-Admin` header, which no page can send without a CORS preflight,
///   and the emulator answers no preflight.
struct AdminRequestGuard {
    /// The header a client may send instead of a JSON content type.
    static let header = "X-Brickyard-Admin"

    /// The emulator's own host (`--host`), always accepted.
    var configuredHost: String

    /// Why the request is refused, or `nil` when it may go on.
    func refusal(_ request: EmulatorRequest) -> String? {
        if let origin = request.header("origin"), !Self.isLoopbackOrigin(origin) {
            return "admin requests from a web page (Origin: \(origin)) are refused"
        }
        if request.header("sec-fetch-site")?.lowercased() == "cross-site" {
            return "cross-site admin requests are refused"
        }
        if let host = request.hostName, !isAllowedHost(host) {
            return "admin requests for host \(host) are refused: use 127.0.0.1, localhost or an IP address"
        }
        if Self.changesState(request.method) && !Self.isPreflighted(request) {
            return
                "admin requests that change state need Content-Type: application/json or an \(Self.header) header"
        }
        return nil
    }

    static func changesState(_ method: HTTPMethod) -> Bool {
        switch method {
        case .GET, .HEAD, .OPTIONS: false
        default: true
        }
    }

    /// Whether the request has what a browser only sends after a CORS preflight.
    static func isPreflighted(_ request: EmulatorRequest) -> Bool {
        if request.header(header) != nil { return true }
        guard let type = request.header("content-type") else { return false }
        let mediaType = type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return mediaType == "application/json"
    }

    static func isLoopbackOrigin(_ origin: String) -> Bool {
        guard let url = URL(string: origin), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host?.lowercased()
        else { return false }
        return isLoopbackName(host)
    }

    static func isLoopbackName(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare.hasPrefix("127.")
    }

    func isAllowedHost(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if Self.isLoopbackName(bare) || bare == configuredHost.lowercased() { return true }
        // An IP literal cannot be rebound; a name can.
        return bare.contains(":") || bare.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }
}
