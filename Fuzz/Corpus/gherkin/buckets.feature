@s3
Feature: S3 buckets for data teams
  Buckets are created fresh for every scenario under names unique to the run, and deleted afterwards.

  Background:
    Given an S3 bucket "landing"

  Scenario: objects written to a bucket can be read back
    When I put object "raw/orders.csv" into bucket "landing" with content "id,amount"
    Then bucket "landing" has object "raw/orders.csv" with content "id,amount"
    And bucket "landing" has no object "raw/customers.csv"

  Scenario: a versioned bucket keeps every write
    Given an S3 bucket "audit" with versioning enabled
    When I put object "log.txt" into bucket "audit" with content "first"
    And I put object "log.txt" into bucket "audit" with content "second"
    Then bucket "audit" has object "log.txt" with content "second"

  Scenario: a bucket policy lets another role read
    Given an IAM role "reader" trusted by service "ec2.amazonaws.com"
    And bucket "landing" has this policy:
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{
          "Effect": "Allow",
          "Principal": {"AWS": "${role:reader}"},
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::${bucket:landing}/*"
        }]
      }
      """
    Then principal "reader" is allowed to "s3:GetObject" on "arn:aws:s3:::${bucket:landing}/shared/report.csv"
    And principal "reader" is denied to "s3:PutObject" on "arn:aws:s3:::${bucket:landing}/shared/report.csv"
