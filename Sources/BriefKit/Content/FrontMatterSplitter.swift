/// Splits a Markdown file into its YAML front matter and its body.
///
/// The front matter opens with a first line that is exactly `---` and closes at the next line
/// that is exactly `---` (or `...`); a `---` rule later in the body is left alone.
public enum FrontMatterSplitter {
    /// The two parts of a file, with the line on which each starts in the original file.
    public struct Parts: Sendable, Equatable {
        public var yaml: String
        public var yamlFirstLine: Int
        public var body: String
        public var bodyFirstLine: Int
    }

    /// Why a file could not be split.
    public enum Failure: Error, Equatable {
        case empty
        case missing
        case unclosed
    }

    public static func split(_ text: String) -> Result<Parts, Failure> {
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        let utf8 = text.utf8
        guard let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")),
            isFence(utf8[utf8.startIndex..<firstEnd], closing: false)
        else { return .failure(text.hasPrefix("---") && !text.contains("\n") ? .unclosed : .missing) }
        var lineStart = utf8.index(after: firstEnd)
        let yamlStart = lineStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd], closing: true) {
                let yaml = String(text[yamlStart..<lineStart])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return .success(
                    Parts(
                        yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]),
                        bodyFirstLine: line + 1))
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return .failure(.unclosed)
    }

    /// `---` (or, closing, `...`) with only spaces or tabs after it; compared in place, as
    /// every line of every front matter is asked. `BodyEdits` reads fences on a file's bytes
    /// with it too.
    static func isFence(_ line: some BidirectionalCollection<UInt8>, closing: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            bytes = bytes.dropLast()
        }
        if bytes.elementsEqual("---".utf8) { return true }
        return closing && bytes.elementsEqual("...".utf8)
    }
}
