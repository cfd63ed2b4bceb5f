import Foundation
import NIOCore

/// Everything IAM holds, for every account, changed only through journaled mutations (whole-entity upserts and
/// deletions), so that `--state-dir` replays it exactly.
struct IAMState: JournaledState {
    enum Mutation: Codable, Sendable {
        case putUser(IAMUser)
        case deleteUser(account: String, name: String)
        case putGroup(IAMGroup)
        case deleteGroup(account: String, name: String)
        case putRole(IAMRole)
        case deleteRole(account: String, name: String)
        case putPolicy(IAMManagedPolicy)
        case deletePolicy(arn: String)
        case putInstanceProfile(IAMInstanceProfile)
        case deleteInstanceProfile(account: String, name: String)
        case putAccessKey(IAMAccessKey)
        case deleteAccessKey(id: String)
    }

    /// One account's entities, by lowercased name (IAM names are unique case-insensitively); policies by ARN.
    struct Account: Sendable {
        var users: [String: IAMUser] = [:]
        var groups: [String: IAMGroup] = [:]
        var roles: [String: IAMRole] = [:]
        var policies: [String: IAMManagedPolicy] = [:]
        var instanceProfiles: [String: IAMInstanceProfile] = [:]
    }

    private(set) var accounts: [String: Account] = [:]
    private(set) var accessKeys: [String: IAMAccessKey] = [:]

    init() {}

    func account(_ id: String) -> Account { accounts[id] ?? Account() }

    mutating func apply(_ mutation: Mutation, payload: ByteBuffer) {
        switch mutation {
        case .putUser(let user): accounts[user.accountId, default: Account()].users[user.name.lowercased()] = user
        case .deleteUser(let account, let name): accounts[account]?.users[name.lowercased()] = nil
        case .putGroup(let group): accounts[group.accountId, default: Account()].groups[group.name.lowercased()] = group
        case .deleteGroup(let account, let name): accounts[account]?.groups[name.lowercased()] = nil
        case .putRole(let role): accounts[role.accountId, default: Account()].roles[role.name.lowercased()] = role
        case .deleteRole(let account, let name): accounts[account]?.roles[name.lowercased()] = nil
        case .putPolicy(let policy): accounts[policy.accountId, default: Account()].policies[policy.arn] = policy
        case .deletePolicy(let arn):
            for id in accounts.keys { accounts[id]?.policies[arn] = nil }
        case .putInstanceProfile(let profile):
            accounts[profile.accountId, default: Account()].instanceProfiles[profile.name.lowercased()] = profile
        case .deleteInstanceProfile(let account, let name): accounts[account]?.instanceProfiles[name.lowercased()] = nil
        case .putAccessKey(let key): accessKeys[key.id] = key
        case .deleteAccessKey(let id): accessKeys[id] = nil
        }
    }

    func snapshot() -> [(Mutation, ByteBuffer)] {
        var mutations: [Mutation] = []
        for (_, account) in accounts.sorted(by: { $0.key < $1.key }) {
            mutations += account.users.values.map { .putUser($0) }
            mutations += account.groups.values.map { .putGroup($0) }
            mutations += account.roles.values.map { .putRole($0) }
            mutations += account.policies.values.map { .putPolicy($0) }
            mutations += account.instanceProfiles.values.map { .putInstanceProfile($0) }
        }
        mutations += accessKeys.values.sorted { $0.id < $1.id }.map { .putAccessKey($0) }
        return mutations.map { ($0, ByteBuffer()) }
    }
}
