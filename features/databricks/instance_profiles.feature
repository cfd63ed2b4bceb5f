@databricks @instance-profiles
Feature: Instance profiles give clusters access to data
  A cluster's nodes run with an instance profile; the workspace takes one only when its cross-account role may pass
  the profile's role.

  Background:
    Given a Databricks workspace "main"
    And an S3 bucket "data"
    And an IAM role "data-access" trusted by service "ec2.amazonaws.com"
    And role "data-access" has managed policy "AmazonS3ReadOnlyAccess"
    And an instance profile "data-access" for role "data-access"

  Scenario: an instance profile is refused until the cross-account role may pass its role
    Then registering instance profile "data-access" in workspace "main" fails with "PassRole"
    Given the cross-account role of workspace "main" may pass role "data-access"
    When I register instance profile "data-access" in workspace "main"
    Then principal "main-cross-account" is allowed to "iam:PassRole" on "${role:data-access}"

  Scenario: a cluster runs with the instance profile and can read the data
    Given the cross-account role of workspace "main" may pass role "data-access"
    And I register instance profile "data-access" in workspace "main"
    When I create a cluster "etl" in workspace "main" with instance profile "data-access"
    Then cluster "etl" in workspace "main" is RUNNING
    And principal "data-access" is allowed to "s3:GetObject" on "arn:aws:s3:::${bucket:data}/raw/orders.csv"
    And principal "data-access" is denied to "s3:PutObject" on "arn:aws:s3:::${bucket:data}/raw/orders.csv"
