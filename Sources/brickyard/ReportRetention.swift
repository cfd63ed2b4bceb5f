import Foundation
import Provisioning

/// Keeps `reports/` from growing without bound: the newest run folders stay, older ones go. Only folders named as
/// a run id (`20261203-141502-a3f9`) are ever removed; anything else in the folder is left alone.
struct ReportRetention {
    /// How many run folders stay (0: all of them).
    var keep: Int

    /// The default of `--keep-reports`.
    static let defaultKeep = 20

    /// Removes the oldest run folders of `directory` beyond ``keep``, never `current`.
    /// - Returns: The names removed.
    @discardableResult
    func prune(_ directory: String, current: String) -> [String] {
        guard keep > 0 else { return [] }
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
        let runs = names.compactMap { name -> RunIdentifier? in
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            return RunIdentifier(name)
        }
        // Newest first: by the time in the id, then by the id itself for runs started in the same second.
        let newestFirst = runs.sorted { ($0.date, $0.value) > ($1.date, $1.value) }
        let removed = newestFirst.dropFirst(keep).map(\.value).filter { $0 != current }
        for name in removed { try? fileManager.removeItem(atPath: (directory as NSString).appendingPathComponent(name)) }
        return removed
    }
}
