import EmulatorData
import Foundation
import Testing

@Suite struct DatabricksCatalogTests {
    @Test func loadsUniqueVersionsAndNodeTypes() throws {
        let catalog = try DatabricksCatalog()
        #expect(Set(catalog.sparkVersionKeys).count == catalog.sparkVersionKeys.count)
        #expect(Set(catalog.nodeTypeIds).count == catalog.nodeTypeIds.count)
        #expect(catalog.nodeTypeIds.contains("i3.xlarge"))
    }

    @Test func aPlainLTSVersionExistsForTheSDKsSelector() throws {
        let catalog = try DatabricksCatalog()
        let object = try JSONSerialization.jsonObject(with: catalog.sparkVersionsJSON) as? [String: Any]
        let versions = try #require(object?["versions"] as? [[String: String]])
        let plain = versions.filter { version in
            let key = version["key"] ?? ""
            return (version["name"] ?? "").contains("LTS") && key.contains("-scala2.12")
                && !["-ml-", "-gpu-", "-photon-", "-aarch64-"].contains { key.contains($0) }
        }
        #expect(!plain.isEmpty)
    }

    @Test func nodeTypesCarryTheirShape() throws {
        let catalog = try DatabricksCatalog()
        let object = try JSONSerialization.jsonObject(with: catalog.nodeTypesJSON) as? [String: Any]
        let types = try #require(object?["node_types"] as? [[String: Any]])
        let i3 = try #require(types.first { $0["node_type_id"] as? String == "i3.xlarge" })
        #expect(i3["num_cores"] as? Double == 4)
        #expect(i3["memory_mb"] as? Int == 31232)
        let disks = i3["node_instance_type"] as? [String: Any]
        #expect(disks?["local_disks"] as? Int == 1)
    }

    @Test func aDirectoryWithoutTheFilesIsAnError() {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID())")
        #expect(throws: DatabricksCatalogError.self) { try DatabricksCatalog(directory: empty) }
    }
}
