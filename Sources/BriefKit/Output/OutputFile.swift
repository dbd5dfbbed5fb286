import Foundation

/// One file of the built site: a path inside the output folder and its bytes (or a file to copy).
public struct OutputFile: Sendable {
    /// Where a file's bytes come from.
    public enum Content: Sendable {
        case bytes(Data)
        /// Copied from this absolute path at write time, so large media never sit in memory.
        case copy(from: String)
    }

    /// Path inside the output folder with `/` separators ("actors/kim-jong-un/index.html").
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public init(path: String, text: String) {
        self.init(path: path, content: .bytes(Data(text.utf8)))
    }
}
