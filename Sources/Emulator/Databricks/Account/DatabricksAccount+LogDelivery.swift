import Foundation

/// Log delivery configurations (audit logs and billable usage, delivered to the customer's bucket).
extension DatabricksAccount {
    static var logDeliveryRoutes: [DatabricksRoute<DatabricksAccount>] {
        let base = "api/2.0/accounts/{account_id}/log-delivery"
        return [
            .init(.POST, base) { try $0.createLogDelivery($1) },
            .init(.GET, base) { account, call in
                var configurations = account.state.withLockedValue { $0.logDeliveries.values.map(\.document) }
                if let status = call.request.query("status") {
                    configurations = configurations.filter { $0["status"]?.string == status }
                }
                if let credentials = call.request.query("credentials_id") {
                    configurations = configurations.filter { $0["credentials_id"]?.string == credentials }
                }
                if let storage = call.request.query("storage_configuration_id") {
                    configurations = configurations.filter { $0["storage_configuration_id"]?.string == storage }
                }
                return .object(["log_delivery_configurations": .array(configurations.map(JSONValue.object))])
            },
            .init(.GET, "\(base)/{id}") { account, call in
                let id = call.parameter("id")
                guard let record = account.state.withLockedValue({ $0.logDeliveries[id] }) else {
                    throw DatabricksError.notFound("Log delivery configuration \(id) does not exist.")
                }
                return .object(["log_delivery_configuration": .object(record.document)])
            },
            .init(.PATCH, "\(base)/{id}") { try $0.setLogDeliveryStatus($1) },
        ]
    }

    func createLogDelivery(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        guard let body = call.body["log_delivery_configuration"]?.object else {
            throw .missing("log_delivery_configuration")
        }
        guard let logType = body["log_type"]?.string else { throw .missing("log_type") }
        guard ["AUDIT_LOGS", "BILLABLE_USAGE"].contains(logType) else {
            throw .invalidParameter("Invalid log_type: \(logType)")
        }
        guard let format = body["output_format"]?.string else { throw .missing("output_format") }
        let expected = logType == "AUDIT_LOGS" ? "JSON" : "CSV"
        guard format == expected else {
            throw .invalidParameter("The output format of \(logType) must be \(expected).")
        }
        guard let credentials = body["credentials_id"]?.string else { throw .missing("credentials_id") }
        guard let storage = body["storage_configuration_id"]?.string else { throw .missing("storage_configuration_id") }
        let (hasCredentials, hasStorage) = state.withLockedValue {
            ($0.credentials.contains(credentials), $0.storageConfigurations.contains(storage))
        }
        guard hasCredentials else { throw .invalidParameter("Credential configuration \(credentials) does not exist.") }
        guard hasStorage else { throw .invalidParameter("Storage configuration \(storage) does not exist.") }
        var document = body
        let id = DatabricksIdentifiers.uuid()
        document["config_id"] = .string(id)
        document["account_id"] = .string(self.id)
        document["creation_time"] = .millis(call.now)
        document["update_time"] = .millis(call.now)
        document["status"] = document["status"] ?? "ENABLED"
        document["log_delivery_status"] = [
            "status": "CREATED", "message": "There were no log delivery attempts since the config was created.",
        ]
        let record = LogDeliveryRecord(
            document: document, nextDelivery: call.now.addingTimeInterval(configuration.timings.logDeliveryInterval),
            deliveredUntil: call.now.addingTimeInterval(-configuration.timings.logDeliveryInterval))
        state.withLockedValue { $0.logDeliveries[id] = record }
        return .object(["log_delivery_configuration": .object(document)])
    }

    func setLogDeliveryStatus(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = call.parameter("id")
        let status = try call.required("status")
        guard ["ENABLED", "DISABLED"].contains(status) else { throw .invalidParameter("Invalid status: \(status)") }
        try state.withLock { state throws(DatabricksError) in
            guard var record = state.logDeliveries[id] else {
                throw .notFound("Log delivery configuration \(id) does not exist.")
            }
            record.document["status"] = .string(status)
            record.document["update_time"] = .millis(call.now)
            state.logDeliveries[id] = record
        }
        return .empty
    }

    /// Writes what is due of every enabled configuration into its bucket, as its credentials' role.
    func deliverLogs(now: Date) {
        let due = state.withLockedValue { state in
            state.logDeliveries.values.filter { $0.document["status"]?.string == "ENABLED" && $0.nextDelivery <= now }
        }
        for record in due {
            guard let id = record.document["config_id"]?.string else { continue }
            let (roleArn, bucket) = state.withLockedValue { state in
                (
                    record.document["credentials_id"]?.string.flatMap { state.credentials[$0] }?["aws_credentials"]?[
                        "sts_role"]?["role_arn"]?.string,
                    record.document["storage_configuration_id"]?.string.flatMap { state.storageConfigurations[$0] }?[
                        "root_bucket_info"]?["bucket_name"]?.string
                )
            }
            let files = logFiles(record, until: now)
            let outcome = logDelivery.deliver(files, bucket: bucket ?? "", roleArn: roleArn ?? "", region: "")
            state.withLockedValue { state in
                guard var current = state.logDeliveries[id] else { return }
                let time = JSONValue.string(ISO8601DateFormatter().string(from: now))
                switch outcome {
                case .success:
                    current.document["log_delivery_status"] = [
                        "status": "SUCCEEDED", "message": .string("Delivered \(files.count) file(s)."),
                        "last_attempt_time": time, "last_successful_attempt_time": time,
                    ]
                    current.deliveredUntil = now
                case .failure(let reason):
                    current.document["log_delivery_status"] = [
                        "status": "USER_FAILURE", "message": .string(reason), "last_attempt_time": time,
                        "last_successful_attempt_time": current.document["log_delivery_status"]?[
                            "last_successful_attempt_time"] ?? .null,
                    ]
                }
                current.nextDelivery = now.addingTimeInterval(configuration.timings.logDeliveryInterval)
                state.logDeliveries[id] = current
            }
        }
    }

    private func logFiles(_ record: LogDeliveryRecord, until now: Date) -> [LogDeliveryWriter.File] {
        let prefix = record.document["delivery_path_prefix"]?.string.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        let filter = Set((record.document["workspace_ids_filter"]?.array ?? []).compactMap(\.int))
        let day = DateFormatter.logDay.string(from: now)
        if record.document["log_type"]?.string == "AUDIT_LOGS" {
            let events = audit.events(from: record.deliveredUntil, to: now).filter {
                filter.isEmpty || filter.contains($0.workspaceId)
            }
            let byWorkspace = Dictionary(grouping: events, by: \.workspaceId)
            return byWorkspace.keys.sorted().map { workspaceId in
                let lines = byWorkspace[workspaceId]!.map {
                    String(decoding: JSONValue.object($0.object).encoded(), as: UTF8.self)
                }
                return LogDeliveryWriter.File(
                    key:
                        "\(prefix)workspaceId=\(workspaceId)/date=\(day)/auditlogs_\(DatabricksIdentifiers.uuid()).json",
                    body: Data((lines.joined(separator: "\n") + "\n").utf8), contentType: "application/json")
            }
        }
        let month = String(day.prefix(7))
        var rows = [
            "workspaceId,timestamp,clusterId,clusterName,clusterNodeType,clusterOwnerUserId,clusterCustomTags,sku,dbus,machineHours,clusterOwnerUserName,tags"
        ]
        for workspace in runningWorkspaces where filter.isEmpty || filter.contains(workspace.id) {
            rows += workspace.usageRows(from: record.deliveredUntil, to: now)
        }
        return [
            LogDeliveryWriter.File(
                key: "\(prefix)billable-usage/csv/usageMonth=\(month).csv",
                body: Data((rows.joined(separator: "\n") + "\n").utf8), contentType: "text/csv")
        ]
    }
}

extension DateFormatter {
    /// `yyyy-MM-dd` in UTC.
    static var logDay: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
