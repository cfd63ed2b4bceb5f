extension PolicyDocument {
    /// Whether the document grants access to everyone: an `Allow` statement whose principal is `*` (or
    /// `{"AWS": "*"}`) with no condition to narrow it, which S3 Block Public Access's `BlockPublicPolicy` refuses
    /// and `RestrictPublicBuckets` neutralises.
    ///
    /// AWS also counts as non-public a wildcard principal narrowed by fixed-value conditions (`aws:SourceIp`,
    /// `aws:SourceVpc`, `aws:PrincipalAccount`, ...); any condition is treated as narrowing here.
    public var grantsPublicAccess: Bool {
        statements.contains { statement in
            guard statement.effect == .allow, statement.conditions.isEmpty else { return false }
            if let principal = statement.principal { return principal.includesEveryone }
            return statement.notPrincipal != nil
        }
    }
}
