/// The kinds of resources the steps create, with each kind's naming rules.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    case bucket = "S3 bucket"
    case role = "IAM role"
    case instanceProfile = "instance profile"
    case stream = "Kinesis stream"
    case credentials = "Databricks credentials"
    case storageConfiguration = "Databricks storage configuration"
    case network = "Databricks network"
    case vpcEndpoint = "Databricks VPC endpoint"
    case privateAccessSettings = "Databricks private access settings"
    case customerManagedKey = "Databricks customer-managed key"
    case workspace = "Databricks workspace"
    case cluster = "Databricks cluster"
    case instanceProfileRegistration = "Databricks instance profile"
    case secretScope = "Databricks secret scope"
    case notebook = "Databricks notebook"
    case jobRun = "Databricks job run"
    /// What a generic step's `I clean up with a ... request` deletes.
    case cleanupRequest = "clean-up request"

    /// The longest physical name the service takes.
    var maximumLength: Int {
        switch self {
        case .bucket: 63
        case .role, .instanceProfile: 64
        case .stream: 128
        default: 100
        }
    }

    /// Whether names must be lowercase (S3 buckets, Databricks deployment names).
    var lowercase: Bool { self == .bucket || self == .workspace }
}
