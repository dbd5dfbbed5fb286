import Foundation
import XCTest

@testable import BriefKit

/// Paths the tests read: the repository and its fixtures; nothing outside the repository.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = repository + "/Tests/BriefKitTests/Fixtures"
    static let binary = repository + "/.build/debug/brief"

    /// One folder per test process for every temporary folder, removed when the process exits,
    /// so test runs leave nothing behind in the system temporary folder.
    static let temporaryRoot: String = {
        let path = NSTemporaryDirectory() + "brief-tests-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestPaths.temporaryRoot) }
        return path
    }()

    /// A fresh empty folder under the test process's temporary root.
    static func temporaryFolder(_ name: String = "brief-test") -> String {
        let path = temporaryRoot + "/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A fresh empty folder on a filesystem that has ext4's top-folder attribute, without the
    /// attribute; skips the test elsewhere.
    static func folderWhereFoldersSpread() throws -> String {
        let path = temporaryFolder()
        guard TopFolder.set(path, true) else {
            throw XCTSkip("the temporary folder's filesystem has no top-folder attribute (not ext4)")
        }
        TopFolder.set(path, false)
        return path
    }
}
