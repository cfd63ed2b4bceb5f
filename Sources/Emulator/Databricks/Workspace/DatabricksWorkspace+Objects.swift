import Foundation

/// Workspace objects: import (JSON or multipart), export, list, get-status, mkdirs, delete.
extension DatabricksWorkspace {
    static var objectRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/workspace"
        return [
            .init(.POST, "\(base)/import") { try $0.importObject($1) },
            .init(.GET, "\(base)/export") { try $0.exportObject($1) },
            .init(.GET, "\(base)/list") { try $0.listObjects($1) },
            .init(.GET, "\(base)/get-status") { workspace, call in
                let path = try WorkspaceTree.normalize(try call.required("path"))
                guard let node = workspace.state.withLockedValue({ $0.objects[path] }) else {
                    throw DatabricksError.notFound("Path (\(path)) doesn't exist.")
                }
                return .object(node.object)
            },
            .init(.POST, "\(base)/mkdirs") { try $0.makeDirectories($1) },
            .init(.POST, "\(base)/delete") { try $0.deleteObject($1) },
        ]
    }

    static let maxNotebookSize = 10 * 1024 * 1024
    static let languageExtensions = ["PYTHON": "py", "SQL": "sql", "SCALA": "scala", "R": "r"]
    static let notebookHeaders = [
        "PYTHON": "# Databricks notebook source", "SQL": "-- Databricks notebook source",
        "SCALA": "// Databricks notebook source", "R": "# Databricks notebook source",
    ]

    // MARK: - Import

    func importObject(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        var fields: [String: String] = [:]
        var content: Data?
        let contentType = call.request.header("content-type") ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let form = MultipartForm(body: Data(call.request.body.readableBytesView), contentType: contentType)
            else { throw .malformed("Invalid multipart/form-data body.") }
            for part in form.parts where part.name != "content" { fields[part.name] = part.text }
            content = form["content"]?.data
        } else {
            for name in ["path", "format", "language"] { fields[name] = call.string(name) }
            fields["overwrite"] = call.bool("overwrite").map(String.init)
            if let text = call.string("content") {
                guard let decoded = Data(base64Encoded: text) else {
                    throw .invalidParameter("content must be base64 encoded.")
                }
                content = decoded
            }
        }
        guard let rawPath = fields["path"], !rawPath.isEmpty else { throw .missing("path") }
        var path = try WorkspaceTree.normalize(rawPath)
        let data = content ?? Data()
        guard data.count <= Self.maxNotebookSize else {
            throw DatabricksError(
                "MAX_NOTEBOOK_SIZE_EXCEEDED", .badRequest,
                "File size imported is (\(data.count) bytes), exceeded max size (\(Self.maxNotebookSize) bytes)")
        }
        let format = (fields["format"] ?? "SOURCE").uppercased()
        let overwrite = fields["overwrite"]?.lowercased() == "true"
        var language = fields["language"]?.uppercased()
        var type = "NOTEBOOK"
        switch format {
        case "SOURCE":
            guard let given = language, Self.languageExtensions[given] != nil else {
                throw .invalidParameter("The language must be specified for the SOURCE format (PYTHON, SQL, SCALA, R).")
            }
            language = given
        case "JUPYTER":
            language = language ?? "PYTHON"
        case "HTML", "DBC", "R_MARKDOWN":
            language = language ?? "PYTHON"
        case "AUTO":
            // A source file whose extension names a language and whose first line is that language's notebook
            // header becomes a notebook (the extension dropped); anything else is a file.
            let text = String(decoding: data.prefix(64), as: UTF8.self)
            let ext = path.split(separator: "/").last?.split(separator: ".").dropFirst().last.map { $0.lowercased() }
            if let ext, let found = Self.languageExtensions.first(where: { $0.value == ext })?.key,
                let header = Self.notebookHeaders[found], text.hasPrefix(header)
            {
                language = found
                path = String(path.dropLast(ext.count + 1))
            } else {
                type = "FILE"
                language = nil
            }
        case "RAW":
            type = "FILE"
            language = nil
        default:
            throw .invalidParameter("Invalid format: \(format).")
        }
        let now = call.now
        let finalPath = path
        let finalType = type
        let finalLanguage = language
        try state.withLock { state throws(DatabricksError) in
            let parent = WorkspaceTree.parent(of: finalPath)
            guard let parentNode = state.objects[parent], parentNode.type == "DIRECTORY" else {
                throw .notFound("The parent folder (\(parent)) does not exist.")
            }
            if let existing = state.objects[finalPath] {
                guard overwrite, existing.type != "DIRECTORY" else {
                    throw .alreadyExists("Path (\(finalPath)) already exists.")
                }
            }
            state.objects[finalPath] = WorkspaceTree.Node(
                path: finalPath, type: finalType, id: state.objects[finalPath]?.id ?? DatabricksIdentifiers.number(),
                language: finalLanguage, content: data, created: state.objects[finalPath]?.created ?? now,
                modified: now)
        }
        return .empty
    }

    // MARK: - Export

    func exportObject(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try WorkspaceTree.normalize(try call.required("path"))
        guard let node = state.withLockedValue({ $0.objects[path] }) else {
            throw .notFound("Path (\(path)) doesn't exist.")
        }
        guard node.type != "DIRECTORY" else {
            throw .invalidParameter("Path (\(path)) is a directory; export a directory with the DBC format.")
        }
        let format = (call.string("format") ?? "SOURCE").uppercased()
        var content = node.content
        if node.type == "NOTEBOOK", format == "SOURCE", let language = node.language,
            let header = Self.notebookHeaders[language], !content.starts(with: Data(header.utf8))
        {
            content = Data((header + "\n").utf8) + content
        }
        if call.bool("direct_download") == true {
            return .bytes(content)
        }
        let fileType = node.language.flatMap { Self.languageExtensions[$0] } ?? ""
        return .object(["content": .string(content.base64EncodedString()), "file_type": .string(fileType)])
    }

    // MARK: - Directories

    func listObjects(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try WorkspaceTree.normalize(try call.required("path"))
        let objects = try state.withLock { state throws(DatabricksError) -> [JSONValue] in
            guard let node = state.objects[path] else { throw .notFound("Path (\(path)) doesn't exist.") }
            if node.type != "DIRECTORY" { return [.object(node.object)] }
            return state.objects.children(of: path).map { .object($0.object) }
        }
        return objects.isEmpty ? .empty : .object(["objects": .array(objects)])
    }

    func makeDirectories(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try WorkspaceTree.normalize(try call.required("path"))
        let now = call.now
        try state.withLock { state throws(DatabricksError) in
            var current = ""
            for part in path.split(separator: "/") {
                current += "/\(part)"
                if let existing = state.objects[current] {
                    guard existing.type == "DIRECTORY" else {
                        throw .alreadyExists("Path (\(current)) already exists and is not a directory.")
                    }
                    continue
                }
                state.objects[current] = WorkspaceTree.Node(
                    path: current, type: "DIRECTORY", id: DatabricksIdentifiers.number(), content: Data(), created: now,
                    modified: now)
            }
        }
        return .empty
    }

    func deleteObject(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try WorkspaceTree.normalize(try call.required("path"))
        let recursive = call.bool("recursive") ?? false
        try state.withLock { state throws(DatabricksError) in
            guard let node = state.objects[path] else { throw .notFound("Path (\(path)) doesn't exist.") }
            let descendants = state.objects.descendants(of: path)
            if node.type == "DIRECTORY", !descendants.isEmpty, !recursive {
                throw DatabricksError("DIRECTORY_NOT_EMPTY", .badRequest, "Folder (\(path)) is not empty")
            }
            guard path != "/" else { throw .invalidParameter("The root folder cannot be deleted.") }
            for descendant in descendants { state.objects.remove(descendant) }
            state.objects.remove(path)
        }
        return .empty
    }
}
