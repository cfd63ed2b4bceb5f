#if DEBUG
@testable import Emulator

/// Every service of an emulator, in process and without a listener, and its root user: what the harnesses that
/// drive services (rather than a parser alone) call.
struct HarnessServices: Sendable {
    let services: EmulatorServices
    let root: AWSCredential

    init() {
        let configuration = EmulatorConfiguration()
        root = AWSCredential(
            accessKeyId: configuration.accessKeyId, secretAccessKey: configuration.secretAccessKey,
            principal: .root(accountId: configuration.accountId))
        do {
            services = try EmulatorServices(
                configuration: configuration, clock: EmulatorClock(), credentials: CredentialStore(bootstrap: root))
        } catch {
            fatalError("the fuzz harness cannot create the emulator's services: \(error)")
        }
    }
}
#endif
