import Foundation

/// Whole-file replacement that survives `kill -9` at any instant: the new contents go to `<name>.tmp` beside the
/// file (opened directly, never through Foundation's atomic writes, whose hidden `.dat.nosync*` temporaries a
/// killed process leaves behind), are synced, renamed over the file, and the folder is synced.
enum DurableFile {
    /// The suffixes of the temporaries this emulator writes in a state directory (`.tmp`, the journal's
    /// `.compact`), and the prefix of Foundation's (`.dat.nosync`), left by a process killed mid-write.
    static let temporarySuffixes = [".tmp", ".compact"]
    static let foundationTemporaryPrefix = ".dat.nosync"

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// Replaces the file at `path` with `data`.
    static func replace(_ path: String, with data: Data) throws(WriteError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(description: "cannot open \(temporary): \(reason())") }
        var failure: WriteError?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = WriteError(description: "cannot write \(temporary): \(reason())")
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 {
            failure = WriteError(description: "cannot sync \(temporary): \(reason())")
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            throw WriteError(description: "cannot replace \(path): \(reason())")
        }
        syncFolder(of: path)
    }

    /// Syncs the folder holding `path`, so a rename in it is durable.
    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Removes the temporaries a killed process left in a state directory (never a state file itself).
    /// - Returns: The names removed.
    @discardableResult
    static func removeLeftovers(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let leftovers = names.filter { name in
            name.hasPrefix(foundationTemporaryPrefix) || temporarySuffixes.contains { name.hasSuffix($0) }
        }
        for name in leftovers { unlink((directory as NSString).appendingPathComponent(name)) }
        return leftovers
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
