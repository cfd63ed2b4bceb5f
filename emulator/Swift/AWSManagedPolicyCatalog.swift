import Foundation

/// One AWS managed policy as shipped in `emulator/aws-managed-policies/<PolicyName>.json`.
public struct AWSManagedPolicyRecord: Sendable, Equatable {
    /// The policy's name (`AmazonS3FullAccess`).
    public var policyName: String
    /// Its ARN (`arn:aws:iam::aws:policy/AmazonS3FullAccess`).
    public var arn: String
    /// Its path (`/`, `/service-role/`).
    public var path: String
    /// The default version's id (`v2`).
    public var defaultVersionId: String
    /// When AWS created it, ISO 8601.
    public var createDate: String
    /// When AWS last changed it, ISO 8601.
    public var updateDate: String
    /// The default version's document, as JSON text.
    public var document: String
}

/// Why the catalog could not be read.
public struct AWSManagedPolicyCatalogError: Error, Sendable, CustomStringConvertible {
    /// The file at fault.
    public var file: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}

/// The AWS managed policies the emulator's IAM knows, with their real documents.
public struct AWSManagedPolicyCatalog: Sendable {
    /// The policies, sorted by name.
    public let policies: [AWSManagedPolicyRecord]

    /// Loads the catalog shipped with the package.
    /// - Throws: ``AWSManagedPolicyCatalogError`` when a file is missing or malformed.
    public init() throws(AWSManagedPolicyCatalogError) {
        guard let directory = Bundle.module.url(forResource: "aws-managed-policies", withExtension: nil) else {
            throw AWSManagedPolicyCatalogError(file: "aws-managed-policies", reason: "not found in the bundle")
        }
        try self.init(directory: directory)
    }

    /// Loads every `*.json` file of a directory.
    /// - Throws: ``AWSManagedPolicyCatalogError`` naming the first file that cannot be read.
    public init(directory: URL) throws(AWSManagedPolicyCatalogError) {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
        } catch {
            throw AWSManagedPolicyCatalogError(file: directory.path, reason: "\(error)")
        }
        var policies: [AWSManagedPolicyRecord] = []
        for file in files {
            policies.append(try Self.record(at: file))
        }
        self.policies = policies.sorted { $0.policyName < $1.policyName }
    }

    /// The policy with an ARN, if the catalog has it.
    public func policy(arn: String) -> AWSManagedPolicyRecord? {
        policies.first { $0.arn == arn }
    }

    private static func record(at file: URL) throws(AWSManagedPolicyCatalogError) -> AWSManagedPolicyRecord {
        func fail(_ reason: String) -> AWSManagedPolicyCatalogError {
            AWSManagedPolicyCatalogError(file: file.lastPathComponent, reason: reason)
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else {
                throw fail("not a JSON object")
            }
            object = parsed
        } catch let error as AWSManagedPolicyCatalogError {
            throw error
        } catch {
            throw fail("\(error)")
        }
        func string(_ key: String) throws(AWSManagedPolicyCatalogError) -> String {
            guard let value = object[key] as? String else { throw fail("no \(key)") }
            return value
        }
        guard let document = object["Document"] as? [String: Any],
            let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        else { throw fail("no Document") }
        return AWSManagedPolicyRecord(
            policyName: try string("PolicyName"), arn: try string("Arn"), path: try string("Path"),
            defaultVersionId: try string("DefaultVersionId"), createDate: try string("CreateDate"),
            updateDate: try string("UpdateDate"), document: String(decoding: data, as: UTF8.self))
    }
}
