import Foundation

/// When and how long a client waits before sending a request again: the AWS SDKs' "standard" mode (three attempts,
/// exponential backoff with full jitter, capped at 20 seconds) and the Databricks SDKs' retries of 429 and 503,
/// honouring `Retry-After`.
///
/// ```swift
/// var policy = RetryPolicy.standard
/// policy.maxAttempts = 5
/// let s3 = S3Client(endpoint: url, credentials: credentials, transport: HTTPTransport(retry: policy))
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1 never retries).
    public var maxAttempts: Int
    /// The backoff's base: attempt `n` waits a random time up to `base * 2^(n-1)`.
    public var baseDelay: Double
    /// No wait is longer than this (a longer `Retry-After` is capped too).
    public var maxDelay: Double
    /// Statuses that are retried whatever the body says.
    public var retryableStatuses: Set<Int>
    /// Error codes that mean "slow down" or "try again" (`Throttling`, `SlowDown`, `TEMPORARILY_UNAVAILABLE`...).
    public var retryableCodes: Set<String>

    /// Creates a policy.
    public init(
        maxAttempts: Int, baseDelay: Double = 0.1, maxDelay: Double = 20,
        retryableStatuses: Set<Int> = [429, 500, 502, 503, 504],
        retryableCodes: Set<String> = RetryPolicy.throttlingCodes
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryableStatuses = retryableStatuses
        self.retryableCodes = retryableCodes
    }

    /// Three attempts, 100 ms base, 20 s cap: what boto3 and the AWS CLI do in standard mode.
    public static let standard = RetryPolicy(maxAttempts: 3)

    /// Never retries: for tests of a service's raw answers.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The throttling and transient error codes of S3, IAM, STS, Kinesis and Databricks.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "SlowDown", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "ProvisionedThroughputExceededException", "LimitExceededException", "PriorRequestNotComplete",
        "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable",
        "REQUEST_LIMIT_EXCEEDED", "TEMPORARILY_UNAVAILABLE", "TOO_MANY_REQUESTS",
    ]

    /// Whether an answer should be sent again.
    public func shouldRetry(status: Int, code: String?) -> Bool {
        if retryableStatuses.contains(status) { return true }
        if let code, retryableCodes.contains(code) { return true }
        return false
    }

    /// How long to wait before attempt `attempt + 1` (attempt counts from 1): the server's `Retry-After` when it
    /// gave one, else a random time up to the exponential bound.
    public func delay(
        afterAttempt attempt: Int, retryAfter: Double?, random: Double = Double.random(in: 0...1)
    )
        -> Double
    {
        if let retryAfter { return min(max(0, retryAfter), maxDelay) }
        let bound = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        return bound * random
    }
}
