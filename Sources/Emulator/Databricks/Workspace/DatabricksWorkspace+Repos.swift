import Foundation

/// Git folders (`/api/2.0/repos`): create, get, list, update (checkout), delete.
extension DatabricksWorkspace {
    static var repoRoutes: [DatabricksRoute<DatabricksWorkspace>] {
        [
            .init(.POST, "api/2.0/repos") { try $0.createRepo($1) },
            .init(.GET, "api/2.0/repos") { workspace, call in
                var repos = workspace.state.withLockedValue { $0.repos.values }
                if let prefix = call.string("path_prefix") {
                    repos = repos.filter { ($0["path"]?.string ?? "").hasPrefix(prefix) }
                }
                return DatabricksPage(repos.map(JSONValue.object), call: call, defaultSize: 20).reply(itemsKey: "repos")
            },
            .init(.GET, "api/2.0/repos/{id}") { workspace, call in
                guard let repo = workspace.state.withLockedValue({ $0.repos[call.parameter("id")] }) else {
                    throw DatabricksError.notFound("Repo \(call.parameter("id")) does not exist.")
                }
                return .object(repo)
            },
            .init(.PATCH, "api/2.0/repos/{id}") { try $0.updateRepo($1) },
            .init(.DELETE, "api/2.0/repos/{id}") { workspace, call in
                let id = call.parameter("id")
                try workspace.state.withLock { state throws(DatabricksError) in
                    guard let repo = state.repos[id] else { throw .notFound("Repo \(id) does not exist.") }
                    if let path = repo["path"]?.string {
                        for descendant in state.objects.descendants(of: path) { state.objects.remove(descendant) }
                        state.objects.remove(path)
                    }
                    state.repos[id] = nil
                }
                return .empty
            },
        ]
    }

    static let gitProviders = [
        "gitHub", "bitbucketCloud", "gitLab", "azureDevOpsServices", "gitHubEnterprise", "bitbucketServer",
        "gitLabEnterpriseEdition", "awsCodeCommit",
    ]

    func createRepo(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let url = try call.required("url")
        let provider = try call.required("provider")
        guard let canonical = Self.gitProviders.first(where: { $0.lowercased() == provider.lowercased() }) else {
            throw .invalidParameter("Invalid Git provider: \(provider).")
        }
        let name = url.split(separator: "/").last.map { String($0.hasSuffix(".git") ? $0.dropLast(4) : $0) } ?? "repo"
        let path = try WorkspaceTree.normalize(call.string("path") ?? "/Repos/\(call.caller.name)/\(name)")
        let id = DatabricksIdentifiers.number()
        let repo: JSONObject = [
            "id": .int(id), "url": .string(url), "provider": .string(canonical), "path": .string(path),
            "branch": .string(call.string("branch") ?? "main"),
            "head_commit_id": .string(DatabricksIdentifiers.hex(40)),
        ]
        let now = call.now
        try state.withLock { state throws(DatabricksError) in
            if state.objects[path] != nil { throw .alreadyExists("Path (\(path)) already exists.") }
            let parent = WorkspaceTree.parent(of: path)
            guard state.objects[parent] != nil || parent.hasPrefix("/Repos/") else {
                throw .notFound("The parent folder (\(parent)) does not exist.")
            }
            var current = ""
            for part in parent.split(separator: "/") {
                current += "/\(part)"
                if state.objects[current] == nil {
                    state.objects[current] = WorkspaceTree.Node(
                        path: current, type: "DIRECTORY", id: DatabricksIdentifiers.number(), content: Data(),
                        created: now, modified: now)
                }
            }
            state.objects[path] = WorkspaceTree.Node(
                path: path, type: "REPO", id: id, content: Data(), created: now, modified: now)
            state.repos[String(id)] = repo
        }
        return .object(repo)
    }

    func updateRepo(_ call: DatabricksCall) throws(DatabricksError) -> DatabricksReply {
        let id = call.parameter("id")
        if call.string("branch") != nil, call.string("tag") != nil {
            throw .invalidParameter("Only one of branch or tag may be specified.")
        }
        try state.withLock { state throws(DatabricksError) in
            guard var repo = state.repos[id] else { throw .notFound("Repo \(id) does not exist.") }
            if let branch = call.string("branch") { repo["branch"] = .string(branch) }
            if call.string("tag") != nil { repo["branch"] = nil }
            repo["head_commit_id"] = .string(DatabricksIdentifiers.hex(40))
            state.repos[id] = repo
        }
        return .empty
    }
}
