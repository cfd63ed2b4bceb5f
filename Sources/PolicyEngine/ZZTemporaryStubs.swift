// TEMPORARY stand-in until the validator lands.
public struct ZZStubPolicyError: Error { public var s3Message: String }
public enum PolicyValidator {
    public enum Kind { case resource(Resource) }
    public enum Resource { case s3Bucket(String) }
    public static func validate(_ text: String, kind: Kind) throws(ZZStubPolicyError) -> Int { 0 }
}
