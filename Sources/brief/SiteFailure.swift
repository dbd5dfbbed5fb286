import BriefKit
import Foundation

/// A failure caused by the site's files (exit status 1), with the text to print on stderr.
struct SiteFailure: Error {
    var report: String
}

/// Writes to a standard stream without buffering surprises.
struct FileOutput {
    let handle: FileHandle
    static let standardError = FileOutput(handle: .standardError)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

extension SiteFailure {
    /// Prints every diagnostic on stderr, then the count: thrown as a failure (exit status 1)
    /// when the run did not succeed, printed as a closing line when it did and had any.
    static func report(_ diagnostics: [Diagnostic], succeeded: Bool) throws {
        for diagnostic in diagnostics { FileOutput.standardError.write(diagnostic.description + "\n") }
        guard succeeded else { throw SiteFailure(report: diagnostics.summary) }
        if !diagnostics.isEmpty { FileOutput.standardError.write(diagnostics.summary + "\n") }
    }
}
