/// Policy documents the tests share: the ones a Databricks-on-AWS deployment writes.
enum Documents {
    /// The root bucket policy Databricks asks for: its account (414351767826) may read and write the bucket.
    static func databricksRootBucket(_ bucket: String) -> String {
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Grant Databricks Access",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::414351767826:root"},
              "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket",
                         "s3:GetBucketLocation"],
              "Resource": ["arn:aws:s3:::\(bucket)/*", "arn:aws:s3:::\(bucket)"]
            }
          ]
        }
        """
    }

    /// The cross-account role's trust policy: Databricks may assume the role with the account id as external id.
    static let crossAccountTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::414351767826:root"},
        "Action":"sts:AssumeRole",
        "Condition":{"StringEquals":{"sts:ExternalId":"0d26daa6-5e44-4c97-a497-ef015f91254a"}}}]}
        """

    /// The instance-profile role's trust policy: EC2 and SageMaker may assume it.
    static let serviceTrust = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
         "Principal": {"Service": ["ec2.amazonaws.com", "sagemaker.amazonaws.com"]}, "Action": "sts:AssumeRole"}}
        """

    /// The inline policy that lets the cross-account role pass the instance-profile role.
    static let passRole = """
        {"Version":"2012-10-17","Statement":[{"Sid":"PassInstanceProfileRole","Effect":"Allow",
        "Action":["iam:GetRole","iam:PassRole"],
        "Resource":"arn:aws:iam::123456789012:role/databricks-instance-profile"}]}
        """

    /// A statement with one condition of every operator family.
    static let everyConditionFamily = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{
          "StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"Data"},
          "NumericLessThanEquals":{"s3:max-keys":"10"},
          "DateGreaterThan":{"aws:CurrentTime":"2026-11-22T00:00:00Z"},
          "Bool":{"aws:SecureTransport":false},
          "BinaryEquals":{"aws:PrincipalTag/key":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="},
          "NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]},
          "ArnNotLikeIfExists":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin-*"},
          "Null":{"aws:TokenIssueTime":"true"},
          "ForAllValues:StringLike":{"aws:TagKeys":["project-*","team"]}}}]}
        """
}
