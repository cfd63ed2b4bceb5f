@databricks @workspace
Feature: Deploying a Databricks workspace on AWS
  The deployment guide end to end: a root bucket Databricks may use, a cross-account role it may assume with the
  account id as external id, credentials and storage configurations, and the workspace.

  Scenario: the guide's default deployment gives a running workspace
    Given a Databricks workspace "analytics"
    Then workspace "analytics" is RUNNING
    And principal "analytics-cross-account" is allowed to "ec2:RunInstances" on "*"

  Scenario: a workspace in a customer-managed VPC with PrivateLink and private access settings
    Given a Databricks workspace "secure" with a customer-managed VPC
    Then workspace "secure" is RUNNING
    And workspace "secure" is reachable only through PrivateLink
    And principal "secure-cross-account" is allowed to "ec2:DescribeSubnets" on "*"
    And principal "secure-cross-account" is denied to "ec2:CreateVpc" on "*"

  Scenario: a workspace in a customer-managed VPC whose data is encrypted with a customer-managed key
    Given a Databricks workspace "regulated" with a customer-managed VPC and key
    Then workspace "regulated" is RUNNING
    And workspace "regulated" is reachable only through PrivateLink
    And workspace "regulated" encrypts managed services and storage with a customer-managed key

  Scenario: a workspace built step by step from the guide's parts
    Given an S3 bucket "root" prepared as a Databricks root bucket
    And an IAM role "cross-account" trusted by account "${databricks:aws}" with external id "${databricks:account}"
    And role "cross-account" has this inline policy "databricks":
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["ec2:*"], "Resource": "*"},
                      {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:PutRolePolicy"],
                       "Resource": "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"}]
      }
      """
    When I create a Databricks workspace "main" from role "cross-account" and root bucket "root"
    Then workspace "main" is RUNNING
