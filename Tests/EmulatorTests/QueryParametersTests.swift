import Testing

@testable import Emulator

@Suite("Query protocol parameters")
struct QueryParametersTests {
    let parameters = QueryParameters([
        ("Action", "AssumeRole"), ("RoleArn", "arn:aws:iam::123456789012:role/r"), ("DurationSeconds", "900"),
        ("Tags.member.2.Key", "b"), ("Tags.member.2.Value", "2"), ("Tags.member.1.Key", "a"),
        ("Tags.member.1.Value", "1"), ("ActionNames.member.1", "s3:GetObject"), ("ActionNames.member.3", "s3:Put*"),
        ("Flag", "TRUE"), ("Bad", "x"), ("RoleArn", "second value is ignored"),
    ])

    @Test("scalars, lists with gaps and structures in member order")
    func members() throws {
        #expect(parameters["RoleArn"] == "arn:aws:iam::123456789012:role/r")
        #expect(try parameters.integer("DurationSeconds") == 900)
        #expect(try parameters.boolean("Flag") == true)
        #expect(parameters.list("ActionNames") == ["s3:GetObject", "s3:Put*"])
        let tags = parameters.structures("Tags").map { "\($0["Key"] ?? "")=\($0["Value"] ?? "")" }
        #expect(tags == ["a=1", "b=2"])
        #expect(parameters.list("Missing").isEmpty)
        #expect(parameters.hasList("Tags"))
    }

    @Test("missing and malformed values are IAM's ValidationError")
    func errors() {
        #expect(throws: QueryError.self) { try parameters.required("RoleSessionName") }
        do {
            _ = try parameters.required("RoleSessionName")
        } catch {
            #expect(error.code == "ValidationError")
            #expect(error.message.contains("'roleSessionName'"))
        }
        #expect(throws: QueryError.self) { try parameters.integer("Bad") }
        #expect(throws: QueryError.self) { try parameters.boolean("Bad") }
    }
}
