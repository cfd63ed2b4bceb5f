import NIOConcurrencyHelpers

/// The emulator's own credentials: the bootstrap root key plus whatever IAM and STS issue.
public final class CredentialStore: CredentialProvider, Sendable {
    private let credentials: NIOLockedValueBox<[String: AWSCredential]>
    private let bootstrap: AWSCredential

    /// Creates a store holding the bootstrap credential.
    public init(bootstrap: AWSCredential) {
        self.bootstrap = bootstrap
        self.credentials = NIOLockedValueBox([bootstrap.accessKeyId: bootstrap])
    }

    public func credential(forAccessKeyId accessKeyId: String) -> AWSCredential? {
        credentials.withLockedValue { $0[accessKeyId] }
    }

    /// Adds or replaces a credential.
    public func add(_ credential: AWSCredential) {
        credentials.withLockedValue { $0[credential.accessKeyId] = credential }
    }

    /// Removes a credential; the bootstrap credential cannot be removed.
    public func remove(accessKeyId: String) {
        guard accessKeyId != bootstrap.accessKeyId else { return }
        credentials.withLockedValue { _ = $0.removeValue(forKey: accessKeyId) }
    }

    /// Forgets everything but the bootstrap credential.
    public func reset() {
        credentials.withLockedValue { $0 = [bootstrap.accessKeyId: bootstrap] }
    }
}
