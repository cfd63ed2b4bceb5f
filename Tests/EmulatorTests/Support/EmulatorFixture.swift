import CloudClients
import Emulator
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Starts an emulator on a free port for one test and stops it afterwards.
func withEmulator<Result>(
    _ configure: (inout EmulatorConfiguration) -> Void = { _ in },
    _ body: (Emulator, S3Client) async throws -> Result
) async throws -> Result {
    var configuration = EmulatorConfiguration()
    configure(&configuration)
    let emulator = try await Emulator.start(configuration)
    // The tests look at the server's own answers: no client retries.
    let client = S3Client(
        endpoint: emulator.endpoint, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"),
        transport: HTTPTransport(retry: .none))
    do {
        let result = try await body(emulator, client)
        await emulator.shutdown()
        return result
    } catch {
        await emulator.shutdown()
        throw error
    }
}

/// A unique bucket name for a test.
func uniqueBucket(_ prefix: String = "bucket") -> String {
    "\(prefix)-\(UUID().uuidString.lowercased().prefix(12))"
}

/// Performs a plain (unsigned) request.
func plainRequest(
    _ url: URL, method: String = "GET", body: Data? = nil, headers: [String: String] = [:]
)
    async throws -> HTTPResponse
{
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.httpBody = body
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
    }
    return HTTPResponse(status: http.statusCode, headers: fields, body: data)
}
