import AWSWire
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Amazon S3 over REST-XML: buckets, objects, listings, multipart uploads and versioning, with S3's errors.
final class S3Service: Sendable {
    /// What the service needs to know about its emulator.
    struct Configuration: Sendable {
        /// The emulator's region (where `CreateBucket` without a location constraint puts a bucket).
        var region: String
        /// Host names whose sub-domains address buckets (`bucket.localhost`, `bucket.s3.localhost`).
        var virtualHostSuffixes: [String]
    }

    let configuration: Configuration
    let store: JournaledStore<S3State>
    let authenticator: RequestAuthenticator
    let authorizer: Authorizer
    let policies = PolicyDocumentCache()
    let clock: EmulatorClock
    let logger: Logger

    init(
        configuration: Configuration, journalPath: String?, authenticator: RequestAuthenticator,
        authorizer: Authorizer, clock: EmulatorClock, logger: Logger
    ) throws {
        self.configuration = configuration
        self.store = try JournaledStore(journalPath: journalPath)
        self.authenticator = authenticator
        self.authorizer = authorizer
        self.clock = clock
        self.logger = logger
    }

    /// Everything an operation needs about the request it answers.
    struct Context {
        var request: EmulatorRequest
        var operation: S3Operation
        var bucket: String
        var key: String
        var caller: AWSCaller
        var trailers: [(name: String, value: String)]
        var requestId: String
        var now: Date
    }

    // MARK: - Handling

    /// Answers one S3 request.
    func handle(_ incoming: EmulatorRequest) -> EmulatorResponse {
        var request = incoming
        let requestId = S3RequestID.make()
        let resource = String(request.rawPath)
        guard let decodedPath = request.decodedPath, request.queryItems != nil else {
            return render(S3Error("InvalidURI", .badRequest, "Couldn't parse the specified URI."), resource, requestId)
        }
        let address = S3Addressing(
            host: request.hostName, decodedPath: decodedPath, suffixes: configuration.virtualHostSuffixes)
        let authenticated: RequestAuthenticator.Authenticated
        switch authenticator.authenticate(
            &request, service: "s3", virtualHostBucket: address.virtualHosted ? address.bucket : nil)
        {
        case .success(let result): authenticated = result
        case .failure(.missingAuthentication) where authorizer.isEnforcing:
            // Unsigned: an anonymous request, which only a bucket policy granting "Principal": "*" lets through.
            authenticated = RequestAuthenticator.Authenticated(caller: .anonymous(region: configuration.region))
        case .failure(let failure): return render(S3Error(failure), resource, requestId)
        }
        return serve(
            request, address: address, caller: authenticated.caller, trailers: authenticated.trailers,
            requestId: requestId)
    }

    /// Answers a request on behalf of an in-process service (Databricks writing log files, checking a root bucket)
    /// whose credential the emulator itself holds: no signature to verify, but authorized like any other caller.
    /// - Parameters:
    ///   - request: The request (path-style).
    ///   - credential: Who acts.
    /// - Returns: S3's answer.
    func handle(_ request: EmulatorRequest, as credential: AWSCredential) -> EmulatorResponse {
        let requestId = S3RequestID.make()
        guard let decodedPath = request.decodedPath, request.queryItems != nil else {
            return render(
                S3Error("InvalidURI", .badRequest, "Couldn't parse the specified URI."), String(request.rawPath),
                requestId)
        }
        let address = S3Addressing(host: nil, decodedPath: decodedPath, suffixes: [])
        let caller = AWSCaller(credential: credential, region: configuration.region, signature: .sigV4Header)
        return serve(request, address: address, caller: caller, trailers: [], requestId: requestId)
    }

    private func serve(
        _ request: EmulatorRequest, address: S3Addressing, caller: AWSCaller,
        trailers: [(name: String, value: String)], requestId: String
    ) -> EmulatorResponse {
        let resource = String(request.rawPath)
        let streaming = request.header("x-amz-content-sha256")?.hasPrefix("STREAMING-") ?? false
        if let encoding = request.header("transfer-encoding"), encoding.lowercased().contains("chunked"),
            request.method == .PUT, !streaming
        {
            return render(.notImplemented(header: "Transfer-Encoding"), resource, requestId)
        }
        let operation: S3Operation
        switch S3Operation.identify(
            method: request.method, bucket: address.bucket, key: address.key, request: request)
        {
        case .success(let identified): operation = identified
        case .failure(let error): return render(error, resource, requestId)
        }
        let context = Context(
            request: request, operation: operation, bucket: address.bucket ?? "", key: address.key ?? "",
            caller: caller, trailers: trailers, requestId: requestId, now: clock.now())
        do {
            try authorize(context)
            try checkExpectedBucketOwner(context)
            try refuseUnsupported(context)
            var response = try perform(context)
            addCommonHeaders(&response.headers, requestId: requestId)
            return response
        } catch {
            logger.debug(
                "S3 error", metadata: ["operation": "\(operation.rawValue)", "code": "\(error.code)"])
            return render(error, resource, requestId, method: request.method)
        }
    }

    private func perform(_ context: Context) throws(S3Error) -> EmulatorResponse {
        switch context.operation {
        case .listBuckets: return listBuckets(context)
        case .createBucket: return try createBucket(context)
        case .deleteBucket: return try deleteBucket(context)
        case .headBucket: return try headBucket(context)
        case .getBucketLocation: return try getBucketLocation(context)
        case .getBucketTagging: return try getBucketTagging(context)
        case .putBucketTagging: return try putBucketTagging(context)
        case .deleteBucketTagging: return try deleteBucketTagging(context)
        case .getBucketVersioning: return try getBucketVersioning(context)
        case .putBucketVersioning: return try putBucketVersioning(context)
        case .getBucketPolicy: return try getBucketPolicy(context)
        case .putBucketPolicy: return try putBucketPolicy(context)
        case .deleteBucketPolicy: return try deleteBucketPolicy(context)
        case .getPublicAccessBlock: return try getPublicAccessBlock(context)
        case .putPublicAccessBlock: return try putPublicAccessBlock(context)
        case .deletePublicAccessBlock: return try deletePublicAccessBlock(context)
        case .getBucketEncryption: return try getBucketEncryption(context)
        case .putBucketEncryption: return try putBucketEncryption(context)
        case .deleteBucketEncryption: return try deleteBucketEncryption(context)
        case .getBucketAcl: return try getBucketAcl(context)
        case .getUnconfiguredSubresource: return try getUnconfiguredSubresource(context)
        case .listObjects: return try listObjects(context, v2: false)
        case .listObjectsV2: return try listObjects(context, v2: true)
        case .listObjectVersions: return try listObjectVersions(context)
        case .listMultipartUploads: return try listMultipartUploads(context)
        case .putObject: return try putObject(context)
        case .getObject: return try getObject(context, head: false)
        case .headObject: return try getObject(context, head: true)
        case .deleteObject: return try deleteObject(context)
        case .copyObject: return try copyObject(context)
        case .deleteObjects: return try deleteObjects(context)
        case .getObjectTagging: return try getObjectTagging(context)
        case .putObjectTagging: return try putObjectTagging(context)
        case .deleteObjectTagging: return try deleteObjectTagging(context)
        case .getObjectAcl: return try getObjectAcl(context)
        case .createMultipartUpload: return try createMultipartUpload(context)
        case .uploadPart: return try uploadPart(context, copy: false)
        case .uploadPartCopy: return try uploadPart(context, copy: true)
        case .listParts: return try listParts(context)
        case .completeMultipartUpload: return try completeMultipartUpload(context)
        case .abortMultipartUpload: return try abortMultipartUpload(context)
        case .unsupportedBucketOperation, .unsupportedObjectOperation: throw .notImplemented()
        }
    }

    // MARK: - Responses

    func addCommonHeaders(_ headers: inout HTTPHeaders, requestId: String) {
        headers.add(name: "x-amz-request-id", value: requestId)
        headers.add(name: "x-amz-id-2", value: S3RequestID.hostId(for: requestId))
        headers.add(name: "Server", value: "AmazonS3")
        // Clients correct their clock from `Date` after a RequestTimeTooSkewed.
        headers.add(name: "Date", value: AWSDate.httpDate(clock.now()))
    }

    func render(
        _ error: S3Error, _ resource: String, _ requestId: String, method: HTTPMethod = .GET
    )
        -> EmulatorResponse
    {
        var headers = HTTPHeaders()
        addCommonHeaders(&headers, requestId: requestId)
        for (name, value) in error.headers { headers.add(name: name, value: value) }
        if method == .HEAD {
            // HEAD answers carry no body: clients read the status alone.
            headers.add(name: "Content-Length", value: "0")
            return EmulatorResponse(status: error.status, headers: headers)
        }
        headers.add(name: "Content-Type", value: "application/xml")
        return EmulatorResponse(
            status: error.status, headers: headers,
            body: ByteBuffer(string: error.xml(resource: resource, requestId: requestId)))
    }

    /// A 200 (or other) answer with an XML document.
    func xmlResponse(_ xml: XMLWriter, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) -> EmulatorResponse
    {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/xml")
        return EmulatorResponse(status: status, headers: headers, body: ByteBuffer(string: xml.text))
    }

    /// An answer without a body.
    func emptyResponse(_ status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: headers)
    }

    /// Maps a journal failure to the error S3 gives when it cannot store something.
    static func internalError(_ error: JournaledStore<S3State>.PersistenceError) -> S3Error {
        S3Error("InternalError", .internalServerError, "We encountered an internal error. Please try again.")
    }
}
