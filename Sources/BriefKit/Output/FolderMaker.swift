import Foundation

/// Makes a staging folder's folders, placing them where ext4 can create files quickly.
///
/// Why placement matters: on an ext4 without a journal (as /tmp is on these machines) the
/// kernel will not reuse an inode for a minute after it was freed (six while its block is
/// unwritten), and it looks at each such inode again for every file it creates in that block
/// group. A site's 28,000 folders and files land in one block group beside their parent; where
/// the last outputs (ours, or another tool's) were just removed, each creation took 150 to
/// 900 µs instead of 20, and a 2 s build took 4 to 10 s.
///
/// So the staging folder (the site's root) is made, under a random name, in a folder with
/// ext4's "top folder" attribute, its `holder`: ext4 puts a folder made in a top folder in the
/// block group with the fewest folders, searching from a hash of its name, and what is made
/// under it beside it. The emptiest block groups are often the ones just emptied, though, and
/// the inodes freed there can also lie past the first free ones. So when the holder has the
/// attribute (`spreads`) every folder's creation is timed, and when a `SlowStreak` of them take
/// too long the maker moves: it makes a nursery in the holder (ext4 chooses another group, ours
/// now having the most folders), and a folder made before the move gets its next child only
/// after it has been rehoused: made again in the nursery, its contents renamed into it, and
/// renamed into its own place. A folder's files and folders go where the folder itself is, so
/// from then on they land in the new group. The root, and a folder with too much in it to
/// rehouse (`mostToRehouse`), keep their place; their new folders are made in the nursery and
/// renamed into them one by one (25 µs more per folder, against 150 µs or more per folder and
/// per file where it was).
final class FolderMaker {
    /// The staging folder.
    let root: String
    /// The folder the root is in, where nurseries are made; removed with everything in it after
    /// the build, so nothing of them reaches the output.
    let holder: String
    /// Whether folders are placed as above: the holder has the attribute (ext4 only).
    let spreads: Bool
    /// Says when creations have been slow for long enough to move.
    var streak = SlowStreak()
    /// A folder holding more than this many entries is not rehoused.
    var mostToRehouse = 2048
    /// How many places a move tries for its nursery.
    static let nurseryTries = 4

    /// Where folders are made before they are renamed into place, after a move; made on first
    /// use.
    private var nursery: String?
    /// The move each folder was made (or last rehoused) after.
    private var madeAfterMove: [String: Int] = [:]
    /// Folders found too full to rehouse since the last move.
    private var tooFull: Set<String> = []

    init(root: String, holder: String, spreads: Bool) {
        self.root = root
        self.holder = holder
        self.spreads = spreads
    }

    /// Makes `folder` (relative to `root`); the folder above it must exist.
    func make(_ folder: String) throws {
        let target = root + "/" + folder
        guard spreads else {
            if mkdir(target, 0o755) != 0 && errno != EEXIST { throw Self.failure(folder) }
            return
        }
        let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) }
        if let parent, let madeAfter = madeAfterMove[parent], madeAfter != streak.moves,
            !tooFull.contains(parent)
        {
            try rehouse(parent)
        }
        let inPlace = parent.map { !tooFull.contains($0) } ?? (streak.moves == 0)
        let start = ContinuousClock.now
        let took: Duration
        if inPlace {
            if mkdir(target, 0o755) != 0 && errno != EEXIST { throw Self.failure(folder) }
            took = ContinuousClock.now - start
        } else {
            let made = try makeInNursery(folder)
            took = ContinuousClock.now - start
            try put(made, at: folder)
        }
        madeAfterMove[folder] = streak.moves
        watch(took)
    }

    /// Makes a folder of `folder`'s name in the nursery and returns its path.
    private func makeInNursery(_ folder: String) throws -> String {
        let nursery = try self.nursery ?? makeNursery()
        let made = nursery + "/" + (folder.split(separator: "/").last.map(String.init) ?? folder)
        guard mkdir(made, 0o755) == 0 else { throw Self.failure(folder) }
        return made
    }

    /// Renames `made` to `folder`'s place (an empty folder there is replaced).
    private func put(_ made: String, at folder: String) throws {
        guard rename(made, root + "/" + folder) == 0 else {
            let reason = Self.failure(folder)
            rmdir(made)
            throw reason
        }
    }

    /// Makes `folder` again in the nursery, moves what it holds into the new one and puts the
    /// new one in its place; or, when it holds too much, marks it `tooFull`.
    private func rehouse(_ folder: String) throws {
        let old = root + "/" + folder
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: old)
        } catch {
            throw Self.failure(folder)
        }
        guard entries.count <= mostToRehouse else {
            tooFull.insert(folder)
            return
        }
        let made = try makeInNursery(folder)
        for entry in entries where rename(old + "/" + entry, made + "/" + entry) != 0 {
            throw Self.failure(folder + "/" + entry)
        }
        try put(made, at: folder)
        madeAfterMove[folder] = streak.moves
    }

    /// Moves to a new nursery when the streak says so.
    private func watch(_ took: Duration) {
        guard streak.record(took) else { return }
        nursery = nil
        tooFull = []
    }

    /// Makes a nursery where making a folder is quick, trying up to `nurseryTries` places and
    /// keeping the quickest: ext4 often offers another block group just emptied, and a move
    /// into one would rehouse folders only to move again. The places not kept stay, empty, so
    /// that ext4 does not offer them again.
    private func makeNursery() throws -> String {
        var kept: (path: String, took: Duration)?
        for _ in 0..<Self.nurseryTries {
            let made = holder + "/nursery-" + String(UInt64.random(in: .min ... .max), radix: 16)
            guard mkdir(made, 0o755) == 0 else { throw Self.failure("a folder in \(holder)") }
            let start = ContinuousClock.now
            guard mkdir(made + "/probe", 0o755) == 0 else { throw Self.failure("a folder in \(made)") }
            let took = ContinuousClock.now - start
            rmdir(made + "/probe")
            if kept.map({ took < $0.took }) ?? true { kept = (made, took) }
            if took <= streak.slow { break }
        }
        nursery = kept!.path
        return kept!.path
    }

    static func failure(_ folder: String) -> CocoaError {
        CocoaError(
            .fileWriteUnknown,
            userInfo: [
                NSLocalizedDescriptionKey: "cannot create \(folder): \(String(cString: strerror(errno)))"
            ])
    }
}

/// Counts folder creations that took too long in a row, and says when to move elsewhere.
struct SlowStreak {
    /// A creation slower than this counts as slow (20–30 µs is usual; where a block group
    /// held freed inodes back, 60 µs or more, thousands of times over).
    var slow: Duration = .microseconds(60)
    /// How many slow creations in a row make a move (one alone can be a thread switch).
    static let inARow = 4
    /// At most this many moves in a build; past that, folders stay where they are.
    static let mostMoves = 16
    /// How many moves it has called for.
    private(set) var moves = 0
    private var slowSoFar = 0

    /// Records one creation; true when it is time to move.
    mutating func record(_ took: Duration) -> Bool {
        guard took > slow else {
            slowSoFar = 0
            return false
        }
        slowSoFar += 1
        guard slowSoFar >= Self.inARow, moves < Self.mostMoves else { return false }
        slowSoFar = 0
        moves += 1
        return true
    }
}
