import ArgumentParser
import BriefKit
import BriefServer
import Foundation

/// `brief serve`: a preview server with live reload; never writes Site/.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site from memory, rebuilding and reloading the browser on every save.")

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String = "."

    @Option(name: .long, help: "The port to listen on (the next free one if it is busy; 0 for any).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on; loopback unless told otherwise.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Include entries marked draft: true.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let server = PreviewServer(
            siteRoot: dir, host: host, port: port, drafts: drafts,
            onListening: { url in
                FileHandle.standardOutput.write(Data((url + "\n").utf8))
            })
        do {
            try await server.run()
        } catch let error as ServeError {
            throw SiteFailure(report: "error: \(error)")
        }
    }
}
