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
        // Lines are found on the bytes through a span: walking the UTF-8 view's indices cost
        // more than the look itself. Offsets become indices only for the two parts.
        let bytes = utf8.span
        var firstEnd = 0
        while firstEnd < bytes.count && bytes[firstEnd] != UInt8(ascii: "\n") { firstEnd += 1 }
        guard firstEnd < bytes.count, isFence(bytes, 0..<firstEnd, closing: false) else {
            return .failure(text.hasPrefix("---") && !text.contains("\n") ? .unclosed : .missing)
        }
        var lineStart = firstEnd + 1
        let yamlStart = lineStart
        var line = 2
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if isFence(bytes, lineStart..<lineEnd, closing: true) {
                let yaml = String(text[utf8.index(at: yamlStart)..<utf8.index(at: lineStart)])
                let bodyStart = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
                return .success(
                    Parts(
                        yaml: yaml, yamlFirstLine: 2, body: String(text[utf8.index(at: bodyStart)...]),
                        bodyFirstLine: line + 1))
            }
            line += 1
            lineStart = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
        }
        return .failure(.unclosed)
    }

    /// Whether bytes `range` of `bytes` (a line) are `---` (or, closing, `...`) with only spaces
    /// or tabs after them; read in place, as every line of every front matter is asked.
    /// `BodyEdits` reads fences on a file's bytes with it too.
    static func isFence(_ bytes: borrowing Span<UInt8>, _ range: Range<Int>, closing: Bool) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound
            && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t"))
        {
            end -= 1
        }
        guard end - range.lowerBound == 3 else { return false }
        let (a, b, c) = (bytes[range.lowerBound], bytes[range.lowerBound + 1], bytes[range.lowerBound + 2])
        if a == UInt8(ascii: "-") && b == UInt8(ascii: "-") && c == UInt8(ascii: "-") { return true }
        return closing && a == UInt8(ascii: ".") && b == UInt8(ascii: ".") && c == UInt8(ascii: ".")
    }
}

extension String.UTF8View {
    /// The index `offset` bytes from the start.
    fileprivate func index(at offset: Int) -> String.Index { index(startIndex, offsetBy: offset) }
}
