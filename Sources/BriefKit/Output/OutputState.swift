import Foundation

/// What an existing output folder holds: the content hash of each file in it (the marker
/// aside), by path. A build writes only the files whose hash differs and removes only the files
/// it no longer makes; everything else in the folder is left as it is.
public struct OutputState: Sendable {
    /// Files whose bytes are known, by path.
    public var hashes: [String: UInt64]
    /// Entries that are not plain readable files (a link, a file that cannot be read): always
    /// replaced or removed.
    public var others: Set<String> = []
    /// The folders found when the state was read from disk: those left empty by the update
    /// are removed (a folder the site does not have).
    public var folders: [String] = []

    public init(hashes: [String: UInt64], others: Set<String> = []) {
        self.hashes = hashes
        self.others = others
    }

    /// True when the file at `path` already holds bytes with this hash.
    func holds(_ path: String, hash: UInt64) -> Bool { hashes[path] == hash }

    /// Every path in the folder, in no particular order.
    var paths: [String] { Array(hashes.keys) + others }

    /// The state the last build recorded, for a folder `BuildCache.verify` found as that build
    /// left it.
    static func recorded(_ record: BuildCache.Record) -> Self {
        var hashes: [String: UInt64] = [:]
        hashes.reserveCapacity(record.files.count)
        for (stamp, hash) in zip(record.files, record.hashes) { hashes[stamp.path] = hash }
        return Self(hashes: hashes)
    }

    /// The state of `folder` read from disk: every file is read and hashed (links are never
    /// followed). Used when no record can be trusted: no cache, a folder changed since, or a
    /// build killed while it wrote.
    static func read(_ folder: String, stamps: [BuildCache.Stamp], folders: [BuildCache.Stamp] = []) -> Self {
        let hashed = stamps.parallelMap { stamp -> UInt64? in
            let path = folder + "/" + stamp.path
            guard StateFolder.kind(path) == .file, let data = FileBytes.read(path) else { return nil }
            return ContentHash(data).value
        }
        var state = Self(hashes: [:])
        state.folders = folders.map(\.path).filter { $0 != "." }
        state.hashes.reserveCapacity(stamps.count)
        for (stamp, hash) in zip(stamps, hashed) {
            if let hash { state.hashes[stamp.path] = hash } else { state.others.insert(stamp.path) }
        }
        return state
    }
}
