import AWSWire
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The front of every query-protocol service: authenticates, decodes the form, dispatches to the service and
/// renders its answer or error.
struct QueryEndpoint: Sendable {
    let authenticator: RequestAuthenticator
    let authorizer: Authorizer
    let clock: EmulatorClock
    let logger: Logger

    /// Answers one request for a service.
    func handle(_ incoming: EmulatorRequest, service: some QueryService) -> EmulatorResponse {
        var request = incoming
        let requestId = UUID().uuidString.lowercased()
        let items: [(name: String, value: String)]?
        if ServiceDetector.isFormPost(request) {
            items = PercentEncoding.decodeQuery(
                String(decoding: request.body.readableBytesView, as: UTF8.self), plusAsSpace: true)
        } else {
            items = request.queryItems
        }
        guard let items else {
            return render(
                QueryError("MalformedQueryString", .badRequest, "The query string is malformed."), service,
                requestId)
        }
        let parameters = QueryParameters(items)
        guard let action = parameters["Action"], !action.isEmpty else {
            return render(.missingAction, service, requestId)
        }
        let caller: AWSCaller
        switch authenticator.authenticate(&request, service: service.signingName) {
        case .success(let authenticated): caller = authenticated.caller
        case .failure(let failure): return render(QueryError(failure), service, requestId)
        }
        let context = QueryContext(
            action: action, parameters: parameters, credential: caller.credential, region: caller.region,
            request: request, requestId: requestId, now: clock.now(), authorizer: authorizer)
        do {
            let result = try service.perform(context)
            let xml = result.xml(action: action, namespace: service.namespace, requestId: requestId)
            return EmulatorResponse(
                status: .ok, headers: ["Content-Type": "text/xml", "x-amzn-RequestId": requestId],
                body: ByteBuffer(string: xml))
        } catch {
            logger.debug(
                "query error",
                metadata: ["service": "\(service.signingName)", "action": "\(action)", "code": "\(error.code)"])
            return render(error, service, requestId)
        }
    }

    func render(_ error: QueryError, _ service: some QueryService, _ requestId: String) -> EmulatorResponse {
        EmulatorResponse(
            status: error.status, headers: ["Content-Type": "text/xml", "x-amzn-RequestId": requestId],
            body: ByteBuffer(string: error.xml(namespace: service.namespace, requestId: requestId)))
    }
}
