@s3 @checks
Feature: Checking what the S3 and IAM steps made
  The Then steps read back versioning, default encryption, the public access block, tags and what a bucket policy
  grants; the guide's policies come from placeholders instead of being pasted.

  Scenario: a root bucket as the deployment guide prepares it
    Given an S3 bucket "root" prepared as a Databricks root bucket
    And all public access to bucket "root" is blocked
    Then bucket "root" has versioning enabled
    And bucket "root" has default encryption "AES256"
    And bucket "root" blocks all public access
    And the public access block of bucket "root" has BlockPublicPolicy on
    And bucket "root" has the tag "brickyard:run-id" with value "${run}"
    And the policy of bucket "root" allows "arn:aws:iam::${databricks:aws}:root" to "s3:PutObject"
    And the policy of bucket "root" allows "${databricks:aws}" to "s3:ListBucket"
    And the policy of bucket "root" does not allow "arn:aws:iam::${databricks:aws}:root" to "s3:DeleteBucket"
    And the policy of bucket "root" does not allow "arn:aws:iam::111122223333:root" to "s3:GetObject"

  Scenario: the guide's policies by placeholder
    Given an S3 bucket "storage" with versioning enabled
    And bucket "storage" has this policy:
      """json
      ${guide:root-bucket-policy:storage}
      """
    And an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "${databricks:account}"
    And role "cross-account" has this inline policy "databricks":
      """json
      ${guide:cross-account-policy}
      """
    Then the policy of bucket "storage" allows "arn:aws:iam::${databricks:aws}:root" to "s3:GetObject" on "logs/a.txt"
    And role "cross-account" has the tag "brickyard:created-by" with value "brickyard"
    And principal "cross-account" is allowed to "ec2:RunInstances" on "*"
    And principal "cross-account" is denied to "s3:DeleteBucket" on "*"

  Scenario: principals by any ARN
    Given an S3 bucket "shared" with versioning enabled
    And an IAM role "reader" trusted by service "ec2.amazonaws.com"
    And role "reader" has managed policy "AmazonS3ReadOnlyAccess"
    Then bucket "shared" has versioning Enabled
    And principal "${role:reader}" is allowed to "s3:GetObject" on "arn:aws:s3:::${bucket:shared}/a.txt"
    And principal "arn:aws:iam::${account}:root" is allowed to "s3:DeleteBucket" on "arn:aws:s3:::${bucket:shared}"
    And principal "arn:aws:iam::111122223333:root" is denied to "s3:GetObject" on "arn:aws:s3:::${bucket:shared}/a.txt"
