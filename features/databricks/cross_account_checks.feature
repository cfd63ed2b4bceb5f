@databricks @validation
Feature: Databricks checks the AWS side before it provisions a workspace
  Databricks assumes the cross-account role with the account id as external id, checks the role's EC2 permissions,
  and checks that the root bucket's policy lets it in. A mistake shows up at once, not 30 minutes later.

  Background:
    Given an S3 bucket "root" prepared as a Databricks root bucket

  Scenario: the right external id is accepted
    Given an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "${databricks:account}"
    And role "cross-account" has this inline policy "databricks":
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
                      {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
                       "Resource": "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"}]
      }
      """
    When I create a Databricks workspace "main" from role "cross-account" and root bucket "root"
    Then workspace "main" is RUNNING

  Scenario: a role trusting another external id cannot be assumed
    Given an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "not-the-account-id"
    And role "cross-account" has this inline policy "databricks":
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
                      {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
                       "Resource": "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"}]
      }
      """
    When I create a Databricks workspace "main" from role "cross-account" and root bucket "root"
    Then workspace "main" is FAILED
    And workspace "main" failed with a message containing "Failed credential validation checks"

  Scenario: a root bucket without the bucket policy is refused
    Given an S3 bucket "bare-root"
    And an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "${databricks:account}"
    And role "cross-account" has this inline policy "databricks":
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
                      {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
                       "Resource": "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"}]
      }
      """
    When I create a Databricks workspace "main" from role "cross-account" and root bucket "bare-root"
    Then workspace "main" failed with a message containing "Failed storage configuration validation checks"

  Scenario: a cross-account role without the EC2 permissions is refused
    Given an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "${databricks:account}"
    And role "cross-account" has this inline policy "databricks":
      """json
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]}
      """
    When I create a Databricks workspace "main" from role "cross-account" and root bucket "root"
    Then workspace "main" is FAILED
    And workspace "main" failed with a message containing "Failed credentials validation checks"
