import Foundation

/// Where a directory publish keeps its state: a folder beside DEST (never inside what is
/// published) holding the lock, the "published by brief" marker, the rollback slot, the next
/// version while it is prepared, and the folders `--force` set aside. For DEST `/srv/www/site`
/// it is `/srv/www/.site.brief/`.
public struct PublishPlace: Sendable {
    /// DEST as an absolute path (`~` is `$HOME`, see `UserPath`).
    public let destination: String
    public let state: String
    /// Why DEST as given cannot be used (empty, `~` without HOME), or nil.
    let pathProblem: UserPath.Problem?

    public init(destination: String) {
        var absolute = destination
        var problem: UserPath.Problem?
        switch UserPath.absolute(destination) {
        case .success(let path): absolute = path
        case .failure(let failure): problem = failure
        }
        self.destination = absolute
        self.pathProblem = problem
        let parent = (absolute as NSString).deletingLastPathComponent
        self.state =
            (parent == "/" ? "" : parent) + "/." + (absolute as NSString).lastPathComponent + ".brief"
    }

    var lock: String { state + "/lock" }
    var marker: String { state + "/published-by-brief" }
    /// The previous version, for `--rollback`.
    public var previous: String { state + "/previous" }
    /// Present while `previous` holds files `--force` moved aside: they are set aside, not
    /// deleted, when a later publish rotates the slot.
    var previousIsForeign: String { state + "/previous-was-not-published-by-brief" }
    var next: String { state + "/next" }
    /// The folder a publish builds into, kept from one publish to the next (with the build
    /// cache) so that an edit costs what it changes; each version is a linked copy of it.
    var build: String { state + "/build" }
    var trash: String { state + "/trash" }

    /// A free `set-aside-N` folder name for files a forced publish moved aside.
    func setAsideSlot() -> String {
        var number = 1
        while StateFolder.kind(state + "/set-aside-\(number)") != .missing { number += 1 }
        return state + "/set-aside-\(number)"
    }

    /// True when DEST was last written by brief.
    var isOurs: Bool { StateFolder.kind(marker) == .file }

    var destinationIsEmpty: Bool {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
        return contents.isEmpty
    }
}
