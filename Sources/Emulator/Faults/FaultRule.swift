import Foundation

/// One injected fault: which requests it applies to, what they get instead of (or before) their answer, and how
/// often. Created with `POST /_brickyard/faults`:
///
/// ```json
/// {"service": "s3", "operation": "PutObject", "error": {"status": 503, "code": "SlowDown", "retryAfter": 1},
///  "count": 2}
/// ```
public struct FaultRule: Sendable, Equatable {
    /// The error a matching request is answered with, in its service's wire format.
    public struct InjectedError: Sendable, Equatable {
        /// The HTTP status (`503`).
        public var status: Int
        /// The error code (`SlowDown`, `Throttling`, `TEMPORARILY_UNAVAILABLE`).
        public var code: String
        /// The message; a generic one for the status when not given.
        public var message: String
        /// Seconds for a `Retry-After` header, if any.
        public var retryAfter: Int?

        /// Creates an error.
        public init(status: Int, code: String, message: String? = nil, retryAfter: Int? = nil) {
            self.status = status
            self.code = code
            self.message = message ?? "Injected fault: \(code)"
            self.retryAfter = retryAfter
        }
    }

    /// The rule's id, for `DELETE /_brickyard/faults/{id}`.
    public var id: String
    /// The service (`s3`, `iam`, `sts`, `kinesis`), or `nil` for every service.
    public var service: String?
    /// The operation (`PutObject`, `AssumeRole`), or `nil` for every operation.
    public var operation: String?
    /// A wildcard pattern (`*` and `?`) the request path must match, or `nil` for any path.
    public var pathPattern: String?
    /// The error to answer; `nil` to only add latency.
    public var error: InjectedError?
    /// The chance that a matching request is affected (0 to 1).
    public var probability: Double
    /// How many more requests to affect; `nil` for no limit. At 0 the rule stays listed (with its hits) but applies
    /// no more.
    public var remaining: Int?
    /// Latency added before answering, in milliseconds.
    public var latencyMilliseconds: Int
    /// How many requests the rule has affected.
    public var hits: Int = 0

    /// Creates a rule.
    public init(
        id: String = UUID().uuidString.lowercased(), service: String? = nil, operation: String? = nil,
        pathPattern: String? = nil, error: InjectedError? = nil, probability: Double = 1, count: Int? = nil,
        latencyMilliseconds: Int = 0
    ) {
        self.id = id
        self.service = service
        self.operation = operation
        self.pathPattern = pathPattern
        self.error = error
        self.probability = probability
        self.remaining = count
        self.latencyMilliseconds = latencyMilliseconds
    }

    /// Whether the rule applies to a request.
    func matches(service: String, operation: String?, path: String) -> Bool {
        if let wanted = self.service, wanted != "*", wanted.lowercased() != service.lowercased() { return false }
        if let wanted = self.operation, wanted != "*", wanted.lowercased() != operation?.lowercased() { return false }
        if let pattern = pathPattern, !FaultRule.glob(pattern, path) { return false }
        return true
    }

    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
