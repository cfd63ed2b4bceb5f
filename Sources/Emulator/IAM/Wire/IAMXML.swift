import AWSWire
import Foundation

/// The XML shapes IAM answers with (botocore's `User`, `Role`, `Group`, `Policy`, `InstanceProfile`, ...).
/// Policy documents are percent-encoded inside the XML, as IAM sends them.
enum IAMXML {
    static func date(_ date: Date) -> String { AWSDate.iso8601Seconds(date) }

    static func document(_ text: String) -> String { PercentEncoding.encode(text) }

    static func tags(_ tags: [IAMTag], to xml: inout XMLWriter, element: String = "Tags") {
        guard !tags.isEmpty else { return }
        xml.element(element) { xml in
            for tag in tags {
                xml.element("member") { xml in
                    xml.element("Key", tag.key)
                    xml.element("Value", tag.value)
                }
            }
        }
    }

    static func user(_ user: IAMUser, to xml: inout XMLWriter, element: String = "User") {
        xml.element(element) { xml in
            xml.element("Path", user.path)
            xml.element("UserName", user.name)
            xml.element("UserId", user.id)
            xml.element("Arn", user.arn)
            xml.element("CreateDate", date(user.createDate))
            boundary(user.permissionsBoundary, to: &xml)
            tags(user.tags, to: &xml)
        }
    }

    static func group(_ group: IAMGroup, to xml: inout XMLWriter, element: String = "Group") {
        xml.element(element) { xml in
            xml.element("Path", group.path)
            xml.element("GroupName", group.name)
            xml.element("GroupId", group.id)
            xml.element("Arn", group.arn)
            xml.element("CreateDate", date(group.createDate))
        }
    }

    static func role(_ role: IAMRole, to xml: inout XMLWriter, element: String = "Role", details: Bool = true) {
        xml.element(element) { xml in
            xml.element("Path", role.path)
            xml.element("RoleName", role.name)
            xml.element("RoleId", role.id)
            xml.element("Arn", role.arn)
            xml.element("CreateDate", date(role.createDate))
            xml.element("AssumeRolePolicyDocument", document(role.trustPolicy))
            xml.element("Description", ifPresent: role.description)
            xml.element("MaxSessionDuration", String(role.maxSessionDuration))
            guard details else { return }
            boundary(role.permissionsBoundary, to: &xml)
            tags(role.tags, to: &xml)
            xml.element("RoleLastUsed") { xml in
                if let used = role.lastUsed { xml.element("LastUsedDate", date(used)) }
            }
        }
    }

    static func boundary(_ arn: String?, to xml: inout XMLWriter) {
        guard let arn else { return }
        xml.element("PermissionsBoundary") { xml in
            xml.element("PermissionsBoundaryType", "Policy")
            xml.element("PermissionsBoundaryArn", arn)
        }
    }

    static func instanceProfile(
        _ profile: IAMInstanceProfile, roles: [IAMRole], to xml: inout XMLWriter, element: String = "InstanceProfile"
    ) {
        xml.element(element) { xml in
            xml.element("Path", profile.path)
            xml.element("InstanceProfileName", profile.name)
            xml.element("InstanceProfileId", profile.id)
            xml.element("Arn", profile.arn)
            xml.element("CreateDate", date(profile.createDate))
            xml.element("Roles") { xml in
                for role in roles { Self.role(role, to: &xml, element: "member", details: false) }
            }
            tags(profile.tags, to: &xml)
        }
    }

    static func policy(_ policy: IAMService.PolicyView, to xml: inout XMLWriter, element: String = "Policy") {
        xml.element(element) { xml in
            xml.element("PolicyName", policy.name)
            xml.element("PolicyId", policy.id)
            xml.element("Arn", policy.arn)
            xml.element("Path", policy.path)
            xml.element("DefaultVersionId", policy.defaultVersionId)
            xml.element("AttachmentCount", String(policy.attachmentCount))
            xml.element("PermissionsBoundaryUsageCount", "0")
            xml.element("IsAttachable", "true")
            xml.element("Description", ifPresent: policy.description)
            xml.element("CreateDate", policy.createDate)
            xml.element("UpdateDate", policy.updateDate)
            tags(policy.tags, to: &xml)
        }
    }

    static func policyVersion(
        id: String, document text: String?, isDefault: Bool, createDate: String, to xml: inout XMLWriter,
        element: String = "PolicyVersion"
    ) {
        xml.element(element) { xml in
            if let text { xml.element("Document", document(text)) }
            xml.element("VersionId", id)
            xml.element("IsDefaultVersion", isDefault ? "true" : "false")
            xml.element("CreateDate", createDate)
        }
    }
}
