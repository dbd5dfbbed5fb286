import Foundation

/// Paths the tests read: the repository, its fixtures and the shared folder beside it.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = repository + "/Tests/BriefKitTests/Fixtures"
    static let shared = repository + "/../shared"
    static let binary = repository + "/.build/debug/brief"

    /// A fresh empty folder under the system temporary folder.
    static func temporaryFolder(_ name: String = "brief-test") -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
