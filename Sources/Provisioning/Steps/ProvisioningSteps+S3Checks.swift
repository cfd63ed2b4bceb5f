import CloudClients
import FeatureRunner
import Foundation

extension ProvisioningSteps {
    /// Steps that protect a bucket (default encryption, public access block) and the Then steps that check what the
    /// S3 steps made: versioning, encryption, public access block, tags, and what the bucket policy grants.
    static func registerS3Checks(_ steps: inout StepRegistrar) {
        steps.add(
            "bucket {string} is encrypted by default with {string}",
            "Sets the bucket's default encryption: AES256 (SSE-S3), or aws:kms with ${env:NAME} or a key ARN after a "
                + "space (live targets; the emulator has no KMS).",
            example: #"Given bucket "root" is encrypted by default with "AES256""#
        ) { context, step in
            let words = try step.string(1, in: context).split(separator: " ").map(String.init)
            guard let algorithm = words.first else { throw StepFailure("name an algorithm: AES256 or aws:kms") }
            try await context.s3.putBucketEncryption(
                try context.bucket(try step.argument(0)),
                S3DefaultEncryption(algorithm: algorithm, kmsKeyId: words.count > 1 ? words[1] : nil))
        }
        steps.add(
            "all public access to bucket {string} is blocked",
            "Turns on the bucket's four public access block settings.",
            example: #"Given all public access to bucket "root" is blocked"#
        ) { context, step in
            try await context.s3.putPublicAccessBlock(try context.bucket(try step.argument(0)), .all)
        }
        steps.add(
            "bucket {string} has versioning {word}",
            "Checks the bucket's versioning: enabled, suspended, or disabled (never turned on); any letter case.",
            example: #"Then bucket "root" has versioning enabled"#
        ) { context, step in
            try await context.expectVersioning(try step.argument(0), try step.argument(1))
        }
        steps.add(
            "bucket {string} has default encryption {string}",
            "Checks the bucket's default encryption algorithm (AES256, aws:kms, aws:kms:dsse; any letter case).",
            example: #"Then bucket "root" has default encryption "AES256""#
        ) { context, step in
            try await context.expectEncryption(try step.argument(0), try step.string(1, in: context))
        }
        steps.add(
            "bucket {string} blocks all public access",
            "Checks that the bucket's public access block has all four settings on.",
            example: #"Then bucket "root" blocks all public access"#
        ) { context, step in
            try await context.expectPublicAccessBlock(try step.argument(0), setting: nil, on: true)
        }
        steps.add(
            "the public access block of bucket {string} has {word} {word}",
            "Checks one public access block setting (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, "
                + "RestrictPublicBuckets) is on or off.",
            example: #"Then the public access block of bucket "root" has BlockPublicPolicy on"#
        ) { context, step in
            let value: String = try step.argument(2)
            guard let on = ["on": true, "true": true, "off": false, "false": false][value.lowercased()] else {
                throw StepFailure("\"\(value)\" is neither on nor off")
            }
            try await context.expectPublicAccessBlock(try step.argument(0), setting: try step.argument(1), on: on)
        }
        steps.add(
            "bucket {string} has the tag {string} with value {string}",
            "Checks one of the bucket's tags (placeholders allowed: every bucket has brickyard:run-id ${run}).",
            example: #"Then bucket "root" has the tag "brickyard:run-id" with value "${run}""#
        ) { context, step in
            let logical: String = try step.argument(0)
            let tags = try await context.s3.bucketTagging(try context.bucket(logical))
            try context.expectTag(
                tags, try step.string(1, in: context), try step.string(2, in: context), of: "bucket \"\(logical)\"")
        }
        for (verb, allowed) in [("allows", true), ("does not allow", false)] {
            steps.add(
                "the policy of bucket {string} \(verb) {string} to {string}",
                "Reads the bucket's policy and evaluates it for a principal ARN (or a role the scenario made) and an "
                    + "S3 action, on every object (object actions) or the bucket (bucket actions).",
                example:
                    #"Then the policy of bucket "root" \#(verb) "arn:aws:iam::${databricks:aws}:root" to "s3:PutObject""#
            ) { context, step in
                try await context.expectBucketPolicy(step, allows: allowed, key: nil)
            }
            steps.add(
                "the policy of bucket {string} \(verb) {string} to {string} on {string}",
                "As above, on one key (or a resource ARN) of the bucket.",
                example:
                    #"Then the policy of bucket "data" \#(verb) "${role:reader}" to "s3:GetObject" on "raw/a.csv""#
            ) { context, step in
                try await context.expectBucketPolicy(step, allows: allowed, key: try step.string(3, in: context))
            }
        }
    }
}
