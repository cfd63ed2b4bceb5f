import ArgumentParser
import Foundation
import Provisioning

/// Which target a command works against: `brickyard run` and `brickyard sweep` share these options.
enum TargetKind: String, ExpressibleByArgument, CaseIterable {
    case emulator, live
}

struct TargetOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "'emulator' (the default: an emulator in this process, or the one --emulator names) or 'live' (real AWS "
                + "and Databricks, credentials from the standard chains).", valueName: "emulator|live"))
    var target: TargetKind = .emulator

    @Option(help: "Use a running `brickyard serve` at this URL instead of an in-process emulator.")
    var emulator: String?

    @Option(help: "The ~/.aws profile of --target live (default: AWS_PROFILE, then the environment).")
    var awsProfile: String?

    @Option(
        help:
            "The ~/.databrickscfg profile of --target live (default: DATABRICKS_CONFIG_PROFILE, then the environment); it needs host, account_id and an account admin's credentials."
    )
    var databricksProfile: String?

    func validate() throws {
        if target == .live, emulator != nil {
            throw ValidationError("--emulator and --target live exclude each other")
        }
        if target == .emulator, awsProfile != nil || databricksProfile != nil {
            throw ValidationError("--aws-profile and --databricks-profile are for --target live")
        }
        if let emulator, URL(string: emulator)?.host == nil {
            throw ValidationError("--emulator takes a URL such as http://127.0.0.1:4566")
        }
    }

    /// The provisioning target.
    var provisioningTarget: ProvisioningTarget {
        if target == .live { return .live(awsProfile: awsProfile, databricksProfile: databricksProfile) }
        if let emulator, let url = URL(string: emulator) { return .emulator(url) }
        return .inProcessEmulator
    }
}
