#if DEBUG
import AWSWire
@testable import Emulator
import Foundation
import NIOCore
import NIOHTTP1

/// Decodes query-protocol form bodies and performs them as IAM and STS actions, as the emulator's root user.
///
/// An input is one form body a line (`Action=CreateRole&RoleName=r&AssumeRolePolicyDocument=...`), performed in
/// order against an IAM and STS that start empty for every input, so that one line can create what the next uses.
/// Each body is also read through every list and structure accessor its parameter names suggest.
final class QueryHarness: Sendable {
    static let shared = QueryHarness()

    /// The STS actions; every other action goes to IAM.
    private static let stsActions: Set<String> = [
        "AssumeRole", "GetCallerIdentity", "GetSessionToken", "GetAccessKeyInfo", "AssumeRoleWithWebIdentity",
        "GetFederationToken", "DecodeAuthorizationMessage",
    ]

    private let harness = HarnessServices()
    private var services: EmulatorServices { harness.services }
    private var root: AWSCredential { harness.root }

    private init() {}

    func run(_ data: Data) {
        try? services.iam.reset()
        try? services.sts.reset()
        services.credentials.reset()
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            perform(String(decoding: line, as: UTF8.self))
        }
    }

    private func perform(_ form: String) {
        guard let items = PercentEncoding.decodeQuery(form, plusAsSpace: true) else { return }
        let parameters = QueryParameters(items)
        for item in items {
            if let member = item.name.range(of: ".member.") {
                let list = String(item.name[..<member.lowerBound])
                _ = parameters.list(list)
                _ = parameters.structures(list).map { $0.items.count }
                _ = parameters.hasList(list)
            }
            _ = try? parameters.integer(item.name)
            _ = try? parameters.boolean(item.name)
        }
        guard let action = parameters["Action"], !action.isEmpty else { return }
        var headers: HTTPHeaders = ["Host": "127.0.0.1:4566"]
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
        let request = EmulatorRequest(
            method: .POST, uri: "/", headers: headers, body: ByteBuffer(string: form), remoteAddress: nil)
        let context = QueryContext(
            action: action, parameters: parameters, credential: root, region: "us-east-1", request: request,
            requestId: "fuzz", now: services.clock.now(), authorizer: services.authorizer)
        if Self.stsActions.contains(action) {
            let result = try? services.sts.perform(context)
            _ = result?.xml(action: action, namespace: services.sts.namespace, requestId: "fuzz")
        } else {
            let result = try? services.iam.perform(context)
            _ = result?.xml(action: action, namespace: services.iam.namespace, requestId: "fuzz")
        }
    }
}
#endif
