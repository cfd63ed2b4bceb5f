import ArgumentParser

/// The `brickyard` command line.
@main
struct Brickyard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brickyard",
        abstract: "Local emulator and feature runner for Databricks on AWS.",
        version: "0.1.0",
        subcommands: [Serve.self, Parse.self, Run.self, Steps.self, Sweep.self, Report.self]
    )
}
