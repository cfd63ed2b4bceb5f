/// How a ``DatabricksClient`` authenticates.
public enum DatabricksAuthentication: Sendable {
    /// A personal access token (`Authorization: Bearer dapi...`).
    case token(String)
    /// OAuth machine-to-machine: a service principal's client id and secret, exchanged for an access token at the
    /// token endpoint the host's `/.well-known/databricks-config` names.
    case oauth(clientId: String, clientSecret: String)
}
