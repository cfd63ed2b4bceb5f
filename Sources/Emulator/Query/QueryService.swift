import Foundation
import PolicyEngine

/// A service that speaks AWS's query protocol (IAM, STS): form-encoded `Action=...&Version=...` requests, XML answers.
///
/// A service only maps an action to a result; ``QueryEndpoint`` authenticates, decodes, renders and authorizes
/// through ``QueryContext/authorize(_:resource:resourceAccountId:resourcePolicy:keys:)``.
protocol QueryService: Sendable {
    /// The signing name in the credential scope (`iam`, `sts`).
    var signingName: String { get }
    /// The XML namespace of answers (`https://iam.amazonaws.com/doc/2010-05-08/`).
    var namespace: String { get }

    /// Performs one action.
    /// - Throws: The service's error for the request.
    func perform(_ context: QueryContext) throws(QueryError) -> QueryResult
}

/// Everything a query operation knows about its request.
struct QueryContext: Sendable {
    /// The action (`CreateRole`).
    var action: String
    /// The decoded parameters.
    var parameters: QueryParameters
    /// The credential that signed the request.
    var credential: AWSCredential
    /// The region of the signature.
    var region: String
    /// The HTTP request.
    var request: EmulatorRequest
    /// The request id of the answer.
    var requestId: String
    /// The emulator's time.
    var now: Date
    /// Who decides what the caller may do.
    var authorizer: Authorizer

    /// The caller.
    var principal: AWSPrincipal { credential.principal }

    /// Asks the authorizer, and throws IAM's `AccessDenied` when the answer is not allowed.
    /// - Returns: The decision (allowed).
    @discardableResult
    func authorize(
        _ action: String, resource: String, resourceAccountId: String? = nil, resourcePolicy: NamedPolicy? = nil,
        keys: ContextKeys = ContextKeys()
    ) throws(QueryError) -> Decision {
        let question = Authorizer.Question(
            action: action, resource: resource, resourceAccountId: resourceAccountId,
            resourcePolicy: resourcePolicy, keys: keys)
        let decision = decide(question)
        guard decision.isAllowed else {
            throw .accessDenied(Authorizer.deniedMessage(decision, question: question, principalArn: principal.arn))
        }
        if let refusal = QueryUnsupportedFeatures.refusal(action: self.action, parameters: parameters) { throw refusal }
        return decision
    }

    /// Asks the authorizer without throwing.
    func decide(_ question: Authorizer.Question) -> Decision {
        authorizer.decide(question, credential: credential, request: request, now: now, region: region)
    }
}
