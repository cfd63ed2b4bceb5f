/// The permissions Databricks checks a cross-account role for when a workspace is created, each with the name the
/// service's message uses (`Failed credentials validation checks: Spot Cancellation, Describe instances, ...`).
struct CrossAccountCheck: Sendable, Equatable {
    /// The name in the service's message.
    var name: String
    /// The IAM action.
    var action: String
    /// The resource the action is checked on.
    var resource: String = "*"
    /// Condition keys of the imagined request.
    var keys: [String: String] = [:]

    init(_ action: String, name: String? = nil, resource: String = "*", keys: [String: String] = [:]) {
        self.action = action
        self.name = name ?? Self.words(action)
        self.resource = resource
        self.keys = keys
    }

    /// `ec2:DescribeAvailabilityZones` -> `Describe Availability Zones`.
    static func words(_ action: String) -> String {
        let name = action.split(separator: ":").last.map(String.init) ?? action
        var words = ""
        for character in name {
            if character.isUppercase, !words.isEmpty, words.last != " " { words.append(" ") }
            words.append(character)
        }
        return words
    }

    private static let spotRole = "arn:aws:iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot"

    /// What a workspace on a customer-managed VPC needs (Databricks' documented cross-account policy).
    static let customerManagedVPC: [CrossAccountCheck] =
        [
            "AssignPrivateIpAddresses", "AssociateIamInstanceProfile", "AttachVolume",
            "AuthorizeSecurityGroupEgress", "AuthorizeSecurityGroupIngress",
        ].map { CrossAccountCheck("ec2:\($0)") } + [
            CrossAccountCheck("ec2:CancelSpotInstanceRequests", name: "Spot Cancellation"),
            CrossAccountCheck("ec2:CreateTags"), CrossAccountCheck("ec2:CreateVolume"),
            CrossAccountCheck("ec2:DeleteTags"), CrossAccountCheck("ec2:DeleteVolume"),
            CrossAccountCheck("ec2:DescribeAvailabilityZones"),
            CrossAccountCheck("ec2:DescribeIamInstanceProfileAssociations"),
            CrossAccountCheck("ec2:DescribeInstanceStatus"),
            CrossAccountCheck("ec2:DescribeInstances", name: "Describe instances"),
        ]
        + [
            "DescribeInternetGateways", "DescribeNatGateways", "DescribeNetworkAcls", "DescribePrefixLists",
            "DescribeReservedInstancesOfferings", "DescribeRouteTables", "DescribeSecurityGroups",
            "DescribeSpotInstanceRequests", "DescribeSpotPriceHistory", "DescribeSubnets", "DescribeVolumes",
            "DescribeVpcAttribute", "DescribeVpcs", "DetachVolume", "DisassociateIamInstanceProfile",
            "ReplaceIamInstanceProfileAssociation", "RequestSpotInstances", "RevokeSecurityGroupEgress",
            "RevokeSecurityGroupIngress", "RunInstances", "TerminateInstances", "CreateFleet", "DeleteFleets",
            "DescribeFleetHistory", "DescribeFleetInstances", "DescribeFleets", "CreateLaunchTemplate",
            "DeleteLaunchTemplate", "DescribeLaunchTemplates", "DescribeLaunchTemplateVersions",
            "ModifyLaunchTemplate", "GetSpotPlacementScores",
        ].map { CrossAccountCheck("ec2:\($0)") } + [
            CrossAccountCheck(
                "iam:CreateServiceLinkedRole", resource: spotRole, keys: ["iam:AWSServiceName": "spot.amazonaws.com"]),
            // Databricks' documented policy puts both actions under the `iam:AWSServiceName` condition.
            CrossAccountCheck(
                "iam:PutRolePolicy", resource: spotRole, keys: ["iam:AWSServiceName": "spot.amazonaws.com"]),
        ]

    /// What a workspace on a Databricks-managed VPC needs besides: creating and deleting the network itself.
    static let databricksManagedVPC: [CrossAccountCheck] =
        customerManagedVPC
        + [
            "AllocateAddress", "AssociateDhcpOptions", "AssociateRouteTable", "AttachInternetGateway",
            "CreateDhcpOptions", "CreateInternetGateway", "CreateNatGateway", "CreateRoute", "CreateRouteTable",
            "CreateSecurityGroup", "CreateSubnet", "CreateVpc", "CreateVpcEndpoint", "DeleteDhcpOptions",
            "DeleteInternetGateway", "DeleteNatGateway", "DeleteRoute", "DeleteRouteTable", "DeleteSecurityGroup",
            "DeleteSubnet", "DeleteVpc", "DeleteVpcEndpoints", "DetachInternetGateway", "DisassociateRouteTable",
            "ModifyVpcAttribute", "ReleaseAddress",
        ].map { CrossAccountCheck("ec2:\($0)") }
}

/// The accesses Databricks checks a root bucket's policy grants it (`Failed storage configuration validation
/// checks: List, Put, PutWithBucketOwnerFullControl, Delete`).
struct StorageCheck: Sendable {
    var name: String
    var action: String
    var onObject: Bool
    var keys: [String: String] = [:]

    static let all: [StorageCheck] = [
        StorageCheck(name: "List", action: "s3:ListBucket", onObject: false),
        StorageCheck(name: "Get", action: "s3:GetObject", onObject: true),
        StorageCheck(name: "Put", action: "s3:PutObject", onObject: true),
        StorageCheck(
            name: "PutWithBucketOwnerFullControl", action: "s3:PutObject", onObject: true,
            keys: ["s3:x-amz-acl": "bucket-owner-full-control"]),
        StorageCheck(name: "Delete", action: "s3:DeleteObject", onObject: true),
    ]
}
