import AWSWire
import Foundation

/// One decision of `SimulatePrincipalPolicy`.
public struct IAMSimulationResult: Sendable, Equatable {
    /// The action (`s3:GetObject`).
    public var action: String
    /// The resource (`*` when none was given).
    public var resource: String
    /// `allowed`, `explicitDeny` or `implicitDeny`.
    public var decision: String

    /// Creates a result.
    public init(action: String, resource: String, decision: String) {
        self.action = action
        self.resource = resource
        self.decision = decision
    }
}
