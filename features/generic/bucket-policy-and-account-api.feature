@generic
Feature: Steps without Swift: a bucket with a policy, IAM by operation and the Databricks account API
  Only generic steps: requests signed or authenticated with the target's credentials, assertions on JSON fields,
  XPath and fuzzy matchers, remembered values and waiting. What the requests create (the bucket, the role, the
  stream, the storage configuration, the credentials) is recognised and deleted by the scenario's teardown.

  Background:
    Given I remember "${unique:root}" as "bucket"

  Scenario: a root bucket with Databricks' policy, registered as a storage configuration
    When I send a PUT request to S3 path "/${bucket}"
    Then the response status is 200
    When I send a PUT request to S3 path "/${bucket}?policy" with the JSON body:
      """json
      {
        "Version": "2012-10-17",
        "Statement": [{
          "Sid": "Grant Databricks Access",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::${databricks:aws}:root"},
          "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketLocation"],
          "Resource": ["arn:aws:s3:::${bucket}/*", "arn:aws:s3:::${bucket}"]
        }]
      }
      """
    Then the response status is 204
    When I send a GET request to S3 path "/${bucket}?policy"
    Then the response status is 200
    And the response field "Statement" has 1 item
    And the response field "Statement[0].Principal.AWS" is "arn:aws:iam::${databricks:aws}:root"
    And the response field "Statement[0].Action" contains "s3:ListBucket"
    And the response field "Statement[0].Resource[-1]" is "arn:aws:s3:::${bucket}"
    When I send a GET request to S3 path "/"
    Then the response XPath "//Bucket[Name='${bucket}']/Name" is "${bucket}"
    When I send a POST request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/storage-configurations" with the JSON body:
      """json
      {"storage_configuration_name": "${bucket}", "root_bucket_info": {"bucket_name": "${bucket}"}}
      """
    Then the response status is 200
    And the response matches:
      """json
      {
        "storage_configuration_id": "#uuid",
        "storage_configuration_name": "${bucket}",
        "account_id": "${databricks:account}",
        "root_bucket_info": {"bucket_name": "${bucket}"},
        "creation_time": "#number",
        "role_arn": "##string"
      }
      """
    And I remember the response field "storage_configuration_id" as "storage_id"
    When I send a GET request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/storage-configurations/${storage_id}"
    Then the response status is 200
    And the response field "root_bucket_info.bucket_name" is "${bucket}"
    When I send a GET request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/storage-configurations"
    Then the response contains:
      """json
      [{"storage_configuration_id": "${storage_id}", "root_bucket_info": {"bucket_name": "${bucket}"}}]
      """

  Scenario: what the account API refuses is an answer to assert on
    When I send a GET request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/storage-configurations/no-such-id"
    Then the response status is 404
    And the response field "error_code" is present
    And the response field "message" contains "no-such-id"

  Scenario: an IAM role created by operation and read back with XPath
    Given I remember this as "trust":
      """json
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
      """
    When I call IAM "CreateRole" with:
      | parameter                | value            |
      | RoleName                 | ${unique:reader} |
      | AssumeRolePolicyDocument | ${trust}         |
    Then the response status is 200
    And the response XPath "//CreateRoleResult/Role/RoleName" is "${unique:reader}"
    And the response XPath "//Role/Arn" matches "arn:aws:iam::${account}:role/.*"
    And I remember the response XPath "//Role/Arn" as "reader_arn"
    When I call IAM "GetRole" with:
      | RoleName | ${unique:reader} |
    Then the response XPath "//GetRoleResult/Role/Arn" is "${reader_arn}"
    And the response XPath "count(//Role)" is "1"
    When I call STS "GetCallerIdentity"
    Then the response XPath "//GetCallerIdentityResult/Account" is "${account}"

  Scenario: a Kinesis stream, waited for until it is ACTIVE
    When I call Kinesis "CreateStream" with:
      | StreamName | ${unique:events} |
      | ShardCount | 1                |
    Then the response status is 200
    When I call Kinesis "DescribeStreamSummary" with:
      """json
      {"StreamName": "${unique:events}"}
      """
    And I wait until the response field "StreamDescriptionSummary.StreamStatus" is "ACTIVE"
    Then the response field "StreamDescriptionSummary.OpenShardCount" is 1
    And the response field "StreamDescriptionSummary" contains:
      """json
      {"StreamName": "${unique:events}", "StreamARN": "#regex arn:aws:kinesis:${region}:${account}:stream/.*"}
      """

  Scenario: a cross-account role registered as Databricks credentials, and one the account API refuses
    Given I remember this as "trust":
      """json
      {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::${databricks:aws}:root"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "${databricks:account}"}}}]}
      """
    When I call IAM "CreateRole" with:
      """json
      {"RoleName": "${unique:cross-account}", "AssumeRolePolicyDocument": "${trust}"}
      """
    Then the response status is 200
    And I remember the response XPath "//Role/Arn" as "role_arn"
    When I send a POST request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/credentials" with the JSON body:
      """json
      {"credentials_name": "${unique:cross-account}", "aws_credentials": {"sts_role": {"role_arn": "${role_arn}"}}}
      """
    Then the response status is 200
    And the response field "credentials_id" matches "[0-9a-f-]{36}"
    And the response field "aws_credentials.sts_role" matches:
      """json
      {"role_arn": "${role_arn}", "external_id": "${databricks:account}"}
      """
    When I call IAM "CreateRole" with:
      | RoleName                 | ${unique:untrusted}                                                                                  |
      | AssumeRolePolicyDocument | {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]} |
    And I remember the response XPath "//Role/Arn" as "untrusted_arn"
    And I send a POST request to the Databricks account API path "/api/2.0/accounts/${databricks:account}/credentials" with the JSON body:
      """json
      {"credentials_name": "${unique:untrusted}", "aws_credentials": {"sts_role": {"role_arn": "${untrusted_arn}"}}}
      """
    Then the response status is 400
    And the response field "message" contains "Failed credential validation checks"
