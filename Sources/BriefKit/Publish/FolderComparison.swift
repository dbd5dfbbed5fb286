import Foundation

/// Whether two folders hold the same files with the same bytes (folders and file modes aside):
/// a publish whose new version equals the live one changes nothing, rollback slot included.
enum FolderComparison {
    static func same(_ a: String, _ b: String) -> Bool {
        guard let left = files(in: a), let right = files(in: b), left == right else { return false }
        return left.allSatisfy { path in
            FileBytes.read(a + "/" + path) == FileBytes.read(b + "/" + path)
        }
    }

    /// The relative paths of the regular files under `folder`, or nil when it cannot be read.
    private static func files(in folder: String) -> Set<String>? {
        guard StateFolder.kind(folder) == .folder,
            let enumerator = FileManager.default.enumerator(atPath: folder)
        else { return nil }
        var paths = Set<String>()
        while let path = enumerator.nextObject() as? String {
            switch StateFolder.kind(folder + "/" + path) {
            case .file: paths.insert(path)
            case .folder: continue
            default: return nil
            }
        }
        return paths
    }
}
