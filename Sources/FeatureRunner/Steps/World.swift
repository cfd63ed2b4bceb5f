/// The state one scenario's steps share. The runner makes a fresh one for every scenario and every retry, and hands
/// it to each step and hook `inout`.
///
/// ```swift
/// struct S3World: World {
///     var buckets: [String] = []
/// }
/// ```
public protocol World: Sendable {
    init()
}

/// A world with nothing in it, for step libraries whose steps keep no state.
public struct EmptyWorld: World {
    public init() {}
}
