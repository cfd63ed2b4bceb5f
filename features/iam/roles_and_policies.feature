@iam
Feature: IAM roles and policies

  Scenario: a managed policy grants what it says and nothing more
    Given an IAM role "reader" trusted by service "ec2.amazonaws.com"
    And role "reader" has managed policy "AmazonS3ReadOnlyAccess"
    Then principal "reader" is allowed to "s3:GetObject" on "arn:aws:s3:::any-bucket/any-key"
    And principal "reader" is denied to "s3:DeleteObject" on "arn:aws:s3:::any-bucket/any-key"

  Scenario: an explicit deny in an inline policy wins over an allow
    Given an S3 bucket "secrets"
    And an IAM role "app" trusted by service "lambda.amazonaws.com"
    And role "app" has managed policy "arn:aws:iam::aws:policy/AmazonS3FullAccess"
    And role "app" has this inline policy "no-secrets":
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::${bucket:secrets}", "arn:aws:s3:::${bucket:secrets}/*"]}]
      }
      """
    Then principal "app" is denied to "s3:GetObject" on "arn:aws:s3:::${bucket:secrets}/key"
    And principal "app" is allowed to "s3:GetObject" on "arn:aws:s3:::another-bucket/key"

  Scenario: a role trusted by another account with an external id
    Given an IAM role "partner" trusted by account "123456789012" with external id "partner-secret-id"
    Then principal "partner" is denied to "s3:ListBucket" on "arn:aws:s3:::any-bucket"
    And principal "partner" is denied to "sts:AssumeRole" on "${role:partner}"
