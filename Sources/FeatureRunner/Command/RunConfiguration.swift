/// Everything `brickyard run` (or a runner executable of your own) was asked for.
public struct RunConfiguration: Sendable {
    /// Paths, `path:LINE...`, `@rerun.txt`; `features` when empty.
    public var targets: [String]
    public var tags: String?
    public var names: [String]
    /// `I/N`.
    public var shard: String?
    public var execution: ExecutionOptions
    /// `progress` on standard output when empty.
    public var formats: [String]
    /// The version the `meta` message names.
    public var version: String
    /// What replays one scenario, followed by `path:line` (the HTML report shows it for each failing scenario).
    public var replayCommand: String = "brickyard run"
    /// What lists the steps (offered for an undefined step); `nil` offers nothing.
    public var stepsCommand: String?

    public init(
        targets: [String] = [], tags: String? = nil, names: [String] = [], shard: String? = nil,
        execution: ExecutionOptions = ExecutionOptions(), formats: [String] = [], version: String = "0.1.0"
    ) {
        self.targets = targets
        self.tags = tags
        self.names = names
        self.shard = shard
        self.execution = execution
        self.formats = formats
        self.version = version
    }
}
