import Foundation

/// Where a directory publish keeps its state: a folder beside DEST (never inside what is
/// published) holding the lock, the "published by brief" marker, the rollback slot and the
/// next version while it is prepared. For DEST `/srv/www/site` it is `/srv/www/.site.brief/`.
public struct PublishPlace: Sendable {
    public let destination: String
    public let state: String

    public init(destination: String) {
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        let parent = (absolute as NSString).deletingLastPathComponent
        self.state = parent + "/." + (absolute as NSString).lastPathComponent + ".brief"
    }

    var lock: String { state + "/lock" }
    var marker: String { state + "/published-by-brief" }
    /// The previous version, for `--rollback`.
    public var previous: String { state + "/previous" }
    var next: String { state + "/next" }
    var trash: String { state + "/trash" }

    /// True when DEST was last written by brief (or does not exist yet).
    var isOurs: Bool { FileManager.default.fileExists(atPath: marker) }

    var destinationIsEmpty: Bool {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
        return contents.isEmpty
    }
}
