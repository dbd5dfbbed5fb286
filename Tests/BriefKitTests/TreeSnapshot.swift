import Foundation

/// Every file under a folder with its bytes, for comparing two builds exactly.
struct TreeSnapshot: Equatable {
    let files: [String: Data]

    init(_ root: String) {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        self.files = files
    }

    func text(_ path: String) -> String {
        files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
