import NIOHTTP1

/// One API of a Databricks service: a method and a path pattern, and the handler that answers it.
///
/// Patterns are written as paths whose segments are literals, alternatives (`2.0|2.1`) or parameters (`{cluster_id}`).
struct DatabricksRoute<Owner: Sendable>: Sendable {
    typealias Handler = @Sendable (Owner, DatabricksCall) throws -> DatabricksReply

    enum Segment: Sendable, Equatable {
        case literal([String])
        case parameter(String)
    }

    let method: HTTPMethod
    let segments: [Segment]
    let handler: Handler

    init(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        self.method = method
        self.handler = handler
        segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(part.split(separator: "|").map(String.init))
        }
    }

    /// The parameters when a path matches the pattern.
    func match(_ path: [Substring]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let options):
                guard options.contains(where: { $0 == part }) else { return nil }
            case .parameter(let name):
                parameters[name] = String(part)
            }
        }
        return parameters
    }
}

/// A table of routes.
struct DatabricksRouter<Owner: Sendable>: Sendable {
    let routes: [DatabricksRoute<Owner>]

    init(_ routes: [DatabricksRoute<Owner>]) {
        self.routes = routes
    }

    /// Finds the route for a call and answers it; unknown paths and methods answer `ENDPOINT_NOT_FOUND`.
    func dispatch(_ owner: Owner, _ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = call.path.split(separator: "/")
        for route in routes where route.method == call.method {
            guard let parameters = route.match(path) else { continue }
            var call = call
            call.parameters = parameters
            do {
                return try route.handler(owner, call)
            } catch let error as DatabricksError {
                throw error
            } catch {
                throw DatabricksError("INTERNAL_ERROR", .internalServerError, "\(error)")
            }
        }
        throw .endpointNotFound(call.method, call.path)
    }
}
