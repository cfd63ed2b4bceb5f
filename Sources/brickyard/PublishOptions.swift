import ArgumentParser
import Foundation
import Reports

/// `--publish`, `--publish-endpoint`, `--publish-profile`: shared by `brickyard run` and `brickyard report merge`.
struct PublishOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Publish the report folder to S3 under PREFIX/<run-id>/, and update PREFIX/index.html and "
                + "PREFIX/history.json.", valueName: "s3://BUCKET/PREFIX"))
    var publish: String?

    @Option(
        help:
            "The S3 endpoint to publish to (default: the run's --emulator, else AWS_ENDPOINT_URL_S3/AWS_ENDPOINT_URL).")
    var publishEndpoint: String?

    @Option(help: "The ~/.aws profile to publish with (default: AWS_PROFILE, then the environment).")
    var publishProfile: String?

    func validate() throws {
        if let publish, S3Location(publish) == nil {
            throw ValidationError(
                "--publish takes s3://BUCKET/PREFIX (a bucket name of 3 to 63 lowercase letters, digits, - and .)")
        }
        if let publishEndpoint, URL(string: publishEndpoint)?.host == nil {
            throw ValidationError("--publish-endpoint takes a URL such as http://127.0.0.1:4566")
        }
    }

    /// What publishing needs, when `--publish` was given.
    func publishing(emulator: String?) -> Publishing? {
        guard let publish, let destination = S3Location(publish) else { return nil }
        return Publishing(
            destination: destination, endpoint: publishEndpoint, profile: publishProfile, emulator: emulator)
    }
}
