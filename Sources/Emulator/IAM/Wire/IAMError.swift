/// The errors IAM answers, in the query protocol's form, with IAM's messages.
extension QueryError {
    static func noSuchEntity(_ message: String) -> QueryError {
        QueryError("NoSuchEntity", .notFound, message)
    }

    static func entityAlreadyExists(_ message: String) -> QueryError {
        QueryError("EntityAlreadyExists", .conflict, message)
    }

    static func deleteConflict(_ message: String) -> QueryError {
        QueryError("DeleteConflict", .conflict, message)
    }

    static func limitExceeded(_ message: String) -> QueryError {
        QueryError("LimitExceeded", .conflict, message)
    }

    static func malformedPolicyDocument(_ message: String) -> QueryError {
        QueryError("MalformedPolicyDocument", .badRequest, message)
    }

    static func noSuchUser(_ name: String) -> QueryError {
        .noSuchEntity("The user with name \(name) cannot be found.")
    }
    static func noSuchRole(_ name: String) -> QueryError {
        .noSuchEntity("The role with name \(name) cannot be found.")
    }
    static func noSuchGroup(_ name: String) -> QueryError {
        .noSuchEntity("The group with name \(name) cannot be found.")
    }
    static func noSuchInstanceProfile(_ name: String) -> QueryError {
        .noSuchEntity("Instance Profile \(name) cannot be found.")
    }
    static func noSuchPolicy(_ arn: String) -> QueryError { .noSuchEntity("Policy \(arn) was not found.") }
    static func notAttachable(_ arn: String) -> QueryError {
        .noSuchEntity("Policy \(arn) does not exist or is not attachable.")
    }
}
