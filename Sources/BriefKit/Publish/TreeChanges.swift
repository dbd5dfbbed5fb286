import Foundation

/// The paths a publish would add, change and remove, for `--dry-run`.
public struct TreeChanges: Sendable, Equatable {
    public var added: [String]
    public var changed: [String]
    public var removed: [String]

    /// Compares rendered files with the files under `published`; `keep` paths are never removed.
    static func compare(rendered: [String: OutputFile.Content], published: String, keep: Set<String>)
        -> TreeChanges
    {
        var existing = Set<String>()
        if let enumerator = FileManager.default.enumerator(atPath: published) {
            while let path = enumerator.nextObject() as? String {
                var isFolder: ObjCBool = false
                // A file removed while the folder is listed is not there to compare.
                guard FileManager.default.fileExists(atPath: published + "/" + path, isDirectory: &isFolder)
                else { continue }
                if !isFolder.boolValue { existing.insert(path) }
            }
        }
        var changes = TreeChanges(added: [], changed: [], removed: [])
        for (path, content) in rendered where path != SiteWriter.marker {
            guard existing.contains(path) else {
                changes.added.append(path)
                continue
            }
            let old = FileManager.default.contents(atPath: published + "/" + path)
            let new: Data? =
                switch content {
                case .bytes(let data): data
                case .copy(let source): FileManager.default.contents(atPath: source)
                }
            if old != new { changes.changed.append(path) }
        }
        changes.removed = existing.filter { rendered[$0] == nil && !keep.contains($0) }.sorted()
        changes.added.sort()
        changes.changed.sort()
        return changes
    }

    /// `+ path`, `~ path`, `- path` lines, then the counts.
    public var report: String {
        var lines = added.map { "+ \($0)" } + changed.map { "~ \($0)" } + removed.map { "- \($0)" }
        lines.append("\(added.count) added, \(changed.count) changed, \(removed.count) removed")
        return lines.joined(separator: "\n")
    }
}
