import Foundation

/// A site file decoded as UTF-8, with a byte-order mark removed and CRLF line endings made LF.
/// Line and column numbers stay those of the original file: neither change moves a character
/// to another line, and the BOM is not counted as a column.
public struct SourceText: Sendable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes `data`, or returns the location of the first byte that is not UTF-8.
    public static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Through a buffer pointer: validation then runs on contiguous bytes, not an iterator.
        let decoded = bytes.withUnsafeBytes { raw -> (String?, Bool) in
            let buffer = raw.bindMemory(to: UInt8.self)
            let hasCR = !buffer.isEmpty && memchr(buffer.baseAddress!, 13, buffer.count) != nil
            return (String(validating: buffer, as: UTF8.self), hasCR)
        }
        guard var text = decoded.0 else {
            let (line, column) = firstInvalidByte(in: bytes)
            return .failure(
                .error(
                    SourceLocation(path: path, line: line, column: column),
                    "file is not valid UTF-8; save it as UTF-8"))
        }
        if decoded.1 {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return .success(SourceText(path: path, text: text))
    }

    private static func firstInvalidByte(in bytes: Data.SubSequence) -> (Int, Int) {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
