/// The rules a network configuration must satisfy when it is created. They are checked on the request (400
/// `INVALID_PARAMETER_VALUE`), as the account API does, because they need nothing but the request; what needs the
/// workspace (its region, its endpoints) is checked at provisioning and marks the network BROKEN.
enum NetworkRules {
    static func validate(_ network: JSONObject) throws(DatabricksError) {
        guard let vpc = network["vpc_id"]?.string, !vpc.isEmpty else { throw .missing("vpc_id") }
        guard vpc.hasPrefix("vpc-") else { throw .invalidParameter("Invalid VPC id: \(vpc)") }
        let subnets = network["subnet_ids"]?.strings ?? []
        guard subnets.count >= 2 else {
            throw .invalidParameter(
                "A network configuration requires at least 2 subnets in different availability zones; got \(subnets.count)."
            )
        }
        guard Set(subnets).count == subnets.count else {
            throw .invalidParameter("The subnets of a network configuration must be distinct: \(subnets).")
        }
        for subnet in subnets where !subnet.hasPrefix("subnet-") {
            throw .invalidParameter("Invalid subnet id: \(subnet)")
        }
        let groups = network["security_group_ids"]?.strings ?? []
        guard (1...5).contains(groups.count) else {
            throw .invalidParameter(
                "A network configuration requires between 1 and 5 security groups; got \(groups.count).")
        }
        for group in groups where !group.hasPrefix("sg-") {
            throw .invalidParameter("Invalid security group id: \(group)")
        }
    }

    /// What is wrong with a network for a workspace in a region, as the network's `error_messages`.
    static func problems(_ network: JSONObject, region: String, endpoints: DatabricksTable<JSONObject>) -> [JSONValue] {
        var problems: [JSONValue] = []
        for group in ["rest_api", "dataplane_relay"] {
            for id in network["vpc_endpoints"]?[group]?.strings ?? [] {
                guard let endpoint = endpoints[id] else {
                    problems.append(
                        ["error_type": "vpc", "error_message": .string("VPC endpoint \(id) is no longer registered.")])
                    continue
                }
                if let endpointRegion = endpoint["region"]?.string, endpointRegion != region {
                    problems.append([
                        "error_type": "vpc",
                        "error_message": .string(
                            "VPC endpoint \(id) is in \(endpointRegion), not in the workspace's region \(region)."),
                    ])
                }
            }
        }
        return problems
    }
}
