#if DEBUG
import AWSWire
@testable import Emulator
import Foundation
import NIOCore
import NIOHTTP1

/// Authenticates requests written as HTTP text: SigV4 and SigV2, in the `Authorization` header and in the query.
///
/// An input is a request line (`PUT /bucket/key?X-Amz-Date=...`), header lines (`Name: value`), an empty line and
/// the body. Signatures must be fresh, so the harness writes the current time where an input says
/// `{amz-date}` (`20250101T000000Z`), `{scope-date}` (`20250101`), `{http-date}` (an RFC 1123 date) or `{expires}`
/// (ten minutes from now, in epoch seconds). The request is authenticated for S3 and for IAM with the emulator's
/// bootstrap credential (`test`/`test`), which the fuzzer cannot sign with: what it reaches is the parsing and every
/// check before the signature is compared.
final class AuthHarness: Sendable {
    static let shared = AuthHarness()

    private let authenticator: RequestAuthenticator

    private init() {
        let configuration = EmulatorConfiguration()
        let root = AWSCredential(
            accessKeyId: configuration.accessKeyId, secretAccessKey: configuration.secretAccessKey,
            principal: .root(accountId: configuration.accountId))
        authenticator = RequestAuthenticator(
            credentials: CredentialStore(bootstrap: root), clock: EmulatorClock(), defaultRegion: configuration.region)
    }

    func run(_ data: Data) {
        guard var request = Self.request(data) else { return }
        var s3Request = request
        _ = authenticator.authenticate(&s3Request, service: "s3", virtualHostBucket: "fuzz")
        _ = authenticator.authenticate(&request, service: "iam")
    }

    /// The request an input describes, or `nil` when its request line has no method and target.
    static func request(_ data: Data) -> EmulatorRequest? {
        let now = Date()
        let bytes = Array(data)
        let (head, body) = split(bytes)
        let text = String(decoding: head, as: UTF8.self)
            .replacingOccurrences(of: "{amz-date}", with: AWSDate.amzDate(now))
            .replacingOccurrences(of: "{scope-date}", with: AWSDate.scopeDate(now))
            .replacingOccurrences(of: "{http-date}", with: AWSDate.httpDate(now))
            .replacingOccurrences(of: "{expires}", with: String(Int(now.timeIntervalSince1970) + 600))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 1)
        guard requestLine.count == 2 else { return nil }
        var headers = HTTPHeaders()
        for line in lines {
            // The HTTP parser only ever hands the emulator header names of ASCII token characters; NIO's
            // HTTPHeaders traps on others, so lines with such names are not headers here either.
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                line[..<colon].utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
            else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.add(name: String(line[..<colon]), value: String(value))
        }
        return EmulatorRequest(
            method: HTTPMethod(rawValue: String(requestLine[0])), uri: String(requestLine[1]), headers: headers,
            body: ByteBuffer(bytes: body), remoteAddress: nil)
    }

    /// The bytes before the first empty line, and the bytes after it.
    private static func split(_ bytes: [UInt8]) -> (head: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\n") {
                    return (bytes[..<index], bytes[(index + 2)...])
                }
                if index + 2 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\r"),
                    bytes[index + 2] == UInt8(ascii: "\n")
                {
                    return (bytes[..<index], bytes[(index + 3)...])
                }
            }
            index += 1
        }
        return (bytes[...], [])
    }
}
#endif
