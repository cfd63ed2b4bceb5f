import Foundation

/// A registered (enhanced fan-out) consumer of a stream.
struct KinesisConsumer: Sendable, Codable, Equatable {
    var name: String
    var arn: String
    var createdAt: Date
    var status: String
    var transitionAt: Date?
}
