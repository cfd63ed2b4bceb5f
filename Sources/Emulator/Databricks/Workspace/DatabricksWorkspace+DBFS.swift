import Foundation

/// DBFS (`/api/2.0/dbfs/`): put, create/add-block/close, read, list, get-status, mkdirs, delete, move.
extension DatabricksWorkspace {
    static let maxBlockSize = 1024 * 1024

    static var dbfsRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        let base = "api/2.0/dbfs"
        return [
            .init(.POST, "\(base)/put") { try $0.dbfsPut($1) },
            .init(.POST, "\(base)/create") { try $0.dbfsCreate($1) },
            .init(.POST, "\(base)/add-block") { try $0.dbfsAddBlock($1) },
            .init(.POST, "\(base)/close") { try $0.dbfsClose($1) },
            .init(.GET, "\(base)/read") { try $0.dbfsRead($1) },
            .init(.GET, "\(base)/list") { try $0.dbfsList($1) },
            .init(.GET, "\(base)/get-status") { workspace, call in
                let path = try DBFSTree.normalize(try call.required("path"))
                guard let status = workspace.state.withLockedValue({ $0.dbfs.status(path) }) else {
                    throw DatabricksError.notFound("No file or directory exists on path dbfs:\(path).")
                }
                return .object(status)
            },
            .init(.POST, "\(base)/mkdirs") { workspace, call in
                let path = try DBFSTree.normalize(try call.required("path"))
                try workspace.state.withLock { state throws(DatabricksError) in
                    var current = ""
                    for part in path.split(separator: "/") {
                        current += "/\(part)"
                        if state.dbfs.files[current] != nil {
                            throw .alreadyExists("A file exists at dbfs:\(current); cannot create a directory there.")
                        }
                    }
                    state.dbfs.makeDirectories(path)
                }
                return .empty
            },
            .init(.POST, "\(base)/delete") { try $0.dbfsDelete($1) },
            .init(.POST, "\(base)/move") { try $0.dbfsMove($1) },
        ]
    }

    private func decodeBlock(_ text: String?, field: String) throws(DatabricksError) -> Data {
        guard let text else { return Data() }
        guard let data = Data(base64Encoded: text) else { throw .invalidParameter("\(field) must be base64 encoded.") }
        guard data.count <= Self.maxBlockSize else {
            throw DatabricksError(
                "MAX_BLOCK_SIZE_EXCEEDED", .badRequest, "The block of \(data.count) bytes exceeds the limit of 1 MB.")
        }
        return data
    }

    private func write(_ path: String, _ data: Data, overwrite: Bool, now: Date) throws(DatabricksError) {
        try state.withLock { state throws(DatabricksError) in
            if state.dbfs.isDirectory(path) { throw .alreadyExists("A directory already exists at dbfs:\(path).") }
            if state.dbfs.files[path] != nil, !overwrite {
                throw .alreadyExists("A file or directory already exists at the input path dbfs:\(path).")
            }
            state.dbfs.makeDirectories(DBFSTree.parent(of: path))
            state.dbfs.files[path] = DBFSTree.File(data: data, modified: now)
        }
    }

    func dbfsPut(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let contentType = call.request.header("content-type") ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let form = MultipartForm(body: Data(call.request.body.readableBytesView), contentType: contentType),
                let pathText = form["path"]?.text
            else { throw .malformed("Invalid multipart/form-data body.") }
            let path = try DBFSTree.normalize(pathText)
            try write(
                path, form["contents"]?.data ?? Data(), overwrite: form["overwrite"]?.text == "true", now: call.now)
            return .empty
        }
        let path = try DBFSTree.normalize(try call.required("path"))
        let data = try decodeBlock(call.string("contents"), field: "contents")
        try write(path, data, overwrite: call.bool("overwrite") ?? false, now: call.now)
        return .empty
    }

    func dbfsCreate(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try DBFSTree.normalize(try call.required("path"))
        let overwrite = call.bool("overwrite") ?? false
        let handle = try state.withLock { state throws(DatabricksError) -> Int64 in
            if state.dbfs.isDirectory(path) || (state.dbfs.files[path] != nil && !overwrite) {
                throw .alreadyExists("A file or directory already exists at the input path dbfs:\(path).")
            }
            let handle = DatabricksIdentifiers.number(digits: 12)
            state.dbfs.handles[handle] = DBFSTree.Handle(path: path, data: Data())
            return handle
        }
        return .object(["handle": .int(handle)])
    }

    func dbfsAddBlock(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let handle = try call.requiredInt("handle")
        let data = try decodeBlock(try call.required("data"), field: "data")
        try state.withLock { state throws(DatabricksError) in
            guard state.dbfs.handles[handle] != nil else { throw .notFound("Handle \(handle) does not exist.") }
            state.dbfs.handles[handle]!.data.append(data)
        }
        return .empty
    }

    func dbfsClose(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let handle = try call.requiredInt("handle")
        let now = call.now
        try state.withLock { state throws(DatabricksError) in
            guard let open = state.dbfs.handles.removeValue(forKey: handle) else {
                throw .notFound("Handle \(handle) does not exist.")
            }
            state.dbfs.makeDirectories(DBFSTree.parent(of: open.path))
            state.dbfs.files[open.path] = DBFSTree.File(data: open.data, modified: now)
        }
        return .empty
    }

    func dbfsRead(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try DBFSTree.normalize(try call.required("path"))
        let offset = Int(call.int("offset") ?? 0)
        let length = Int(call.int("length") ?? 512 * 1024)
        guard offset >= 0, length >= 0 else { throw .invalidParameter("offset and length must not be negative.") }
        guard length <= Self.maxBlockSize else {
            throw DatabricksError("MAX_READ_SIZE_EXCEEDED", .badRequest, "Cannot read more than 1 MB at a time.")
        }
        let data = try state.withLock { state throws(DatabricksError) -> Data in
            if state.dbfs.isDirectory(path) { throw .invalidParameter("dbfs:\(path) is a directory.") }
            guard let file = state.dbfs.files[path] else {
                throw .notFound("No file or directory exists on path dbfs:\(path).")
            }
            return file.data
        }
        let start = min(offset, data.count)
        let slice = data.subdata(in: start..<min(data.count, start + length))
        return .object(["bytes_read": .int(Int64(slice.count)), "data": .string(slice.base64EncodedString())])
    }

    func dbfsList(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try DBFSTree.normalize(try call.required("path"))
        let files = try state.withLock { state throws(DatabricksError) -> [JSONValue] in
            guard let status = state.dbfs.status(path) else {
                throw .notFound("No file or directory exists on path dbfs:\(path).")
            }
            if status["is_dir"]?.bool != true { return [.object(status)] }
            return state.dbfs.children(of: path).compactMap { state.dbfs.status($0).map(JSONValue.object) }
        }
        return files.isEmpty ? .empty : .object(["files": .array(files)])
    }

    func dbfsDelete(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let path = try DBFSTree.normalize(try call.required("path"))
        let recursive = call.bool("recursive") ?? false
        try state.withLock { state throws(DatabricksError) in
            guard state.dbfs.exists(path) else { return }
            if state.dbfs.isDirectory(path) {
                let prefix = path == "/" ? "/" : path + "/"
                let inside =
                    state.dbfs.files.keys.filter { $0.hasPrefix(prefix) }
                    + state.dbfs.directories.filter { $0.hasPrefix(prefix) }
                if !inside.isEmpty, !recursive {
                    throw DatabricksError("IO_ERROR", .badRequest, "Directory dbfs:\(path) is not empty.")
                }
                for file in inside { state.dbfs.files[file] = nil; state.dbfs.directories.remove(file) }
                if path != "/" { state.dbfs.directories.remove(path) }
            } else {
                state.dbfs.files[path] = nil
            }
        }
        return .empty
    }

    func dbfsMove(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let source = try DBFSTree.normalize(try call.required("source_path"))
        let destination = try DBFSTree.normalize(try call.required("destination_path"))
        try state.withLock { state throws(DatabricksError) in
            guard state.dbfs.exists(source) else {
                throw .notFound("No file or directory exists on path dbfs:\(source).")
            }
            if state.dbfs.exists(destination) {
                throw .alreadyExists("A file or directory already exists at the input path dbfs:\(destination).")
            }
            if let file = state.dbfs.files.removeValue(forKey: source) {
                state.dbfs.makeDirectories(DBFSTree.parent(of: destination))
                state.dbfs.files[destination] = file
                return
            }
            let prefix = source + "/"
            for key in state.dbfs.files.keys where key.hasPrefix(prefix) {
                state.dbfs.files[destination + key.dropFirst(source.count)] = state.dbfs.files.removeValue(forKey: key)
            }
            for directory in state.dbfs.directories where directory == source || directory.hasPrefix(prefix) {
                state.dbfs.directories.remove(directory)
                state.dbfs.directories.insert(destination + directory.dropFirst(source.count))
            }
        }
        return .empty
    }
}

extension DBFSTree {
    static func parent(of path: String) -> String { WorkspaceTree.parent(of: path) }
}
