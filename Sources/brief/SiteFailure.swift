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
