import ArgumentParser
import BriefKit
import Foundation

/// `brief`: the command line; each subcommand only parses flags and calls BriefKit.
@main
struct BriefCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "A static site generator for sourced briefings.",
        version: BriefVersion.string,
        subcommands: [
            InitCommand.self, NewCommand.self, ImportCommand.self, BuildCommand.self, CheckCommand.self,
            PublishCommand.self, ServeCommand.self,
        ]
    )

    /// Exit codes from DESIGN.md: 1 for a site's files, 2 for a wrong command line.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as SiteFailure {
            FileOutput.standardError.write(failure.report + "\n")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 0 {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            FileOutput.standardError.write(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}
