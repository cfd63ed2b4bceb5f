import Foundation

/// How the person at the terminal started Brickyard, so that every command it prints back (replays, clean-up hints)
/// can be pasted in the same place: `swift run brickyard` inside the package, `brickyard` when that name on `PATH`
/// is this executable, otherwise the path it was started by.
///
/// `BRICKYARD_COMMAND` overrides the detection (a wrapper that execs the binary, such as the Python wheel's launcher,
/// sets it to the name it is installed under).
public struct CommandInvocation: Sendable, Hashable, CustomStringConvertible {
    /// The words that start Brickyard, e.g. `["swift", "run", "brickyard"]`.
    public var words: [String]

    public init(words: [String]) {
        self.words = words
    }

    /// `brickyard`.
    public static let installed = CommandInvocation(words: ["brickyard"])

    /// The words, each quoted for a POSIX shell when it needs it.
    public var description: String { words.map(ShellQuoting.quote).joined(separator: " ") }

    /// These words followed by `arguments` (each quoted as needed).
    public func command(_ arguments: [String]) -> String {
        (words + arguments).map(ShellQuoting.quote).joined(separator: " ")
    }

    /// The invocation of this process.
    public static var current: CommandInvocation {
        let process = ProcessInfo.processInfo
        return detect(
            argument0: process.arguments.first ?? "brickyard", executable: Bundle.main.executablePath,
            environment: process.environment, currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Works out the invocation from what a process knows about itself.
    /// - Parameters:
    ///   - argument0: `argv[0]` as the shell passed it.
    ///   - executable: the executable's real path.
    ///   - environment: `BRICKYARD_COMMAND` and `PATH` are read.
    ///   - currentDirectory: where pasted commands will run.
    ///   - resolve: resolves symbolic links (injected for tests).
    public static func detect(
        argument0: String, executable: String?, environment: [String: String], currentDirectory: String,
        resolve: (String) -> String = { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    ) -> CommandInvocation {
        if let forced = environment["BRICKYARD_COMMAND"]?.split(separator: " ").map(String.init), !forced.isEmpty {
            return CommandInvocation(words: forced)
        }
        let name = URL(fileURLWithPath: argument0).lastPathComponent
        let real = resolve(executable ?? argument0)
        // `swift run` starts `<package>/.build/<triple>/<configuration>/<name>`.
        if let range = real.range(of: "/.build/") {
            let package = String(real[..<range.lowerBound])
            let configuration = real.hasSuffix("/release/\(name)") ? ["-c", "release"] : []
            let here = resolve(currentDirectory)
            let packagePath = package == here ? [] : ["--package-path", package]
            return CommandInvocation(words: ["swift", "run"] + configuration + packagePath + [name])
        }
        if !argument0.contains("/") { return CommandInvocation(words: [name]) }
        // Started by a path: the bare name when PATH finds this same file under it.
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate), resolve(candidate) == real {
                return CommandInvocation(words: [name])
            }
        }
        return CommandInvocation(words: [argument0])
    }
}
