import Foundation
import XCTest

/// Runs the `brief` binary as a user would and collects its exit status and output.
enum BriefProcess {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: String? = nil)
        throws
        -> Run
    {
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TestPaths.binary), "build brief first (swift build)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A strict-clean copy of the fixture site (its one warning removed) in a fresh folder.
    static func strictSite(in folder: String = TestPaths.temporaryFolder()) throws -> String {
        let site = folder + "/site"
        try FileManager.default.copyItem(atPath: TestPaths.fixtures + "/site", toPath: site)
        let second = site + "/Content/briefings/2024/10/2024-10-24-second.md"
        let text = try String(contentsOfFile: second, encoding: .utf8)
        try text.replacingOccurrences(of: ", \"Sanctions\"]", with: "]").write(
            toFile: second, atomically: true, encoding: .utf8)
        return site
    }

    /// Gives the fixture site's third briefing (`Content/briefings/2024-11-01-third.md`) a new title.
    static func retitle(site: String, _ title: String) throws {
        let path = site + "/Content/briefings/2024-11-01-third.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(
            of: #"title: "[^"]*""#, with: "title: \"\(title)\"", options: .regularExpression
        )
        .write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Starts `brief serve` on a copy of the fixture site at an ephemeral port; its port and
    /// the process (stdout is `output`).
    static func serve(site: String, output: Pipe, errors: Any) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = ["serve", site, "--port", "0"]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let parts = line.split(separator: ":")
        guard line.hasPrefix("Serving at http://127.0.0.1:"), parts.count >= 3,
            let port = Int(parts[2].prefix { $0.isNumber })
        else { throw ServerDidNotStart(output: line) }
        return (process, port)
    }
}
