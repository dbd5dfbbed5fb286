import Foundation

/// The entries of an open folder, `.` and `..` left out, in the order readdir gives them:
/// FileManager's listing costs several times more per folder.
enum DirectoryNames {
    static func read(_ directory: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
