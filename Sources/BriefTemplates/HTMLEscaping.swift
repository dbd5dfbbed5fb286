/// `{{value}}` escaping, also used by BriefKit's `HTMLText`: `< > & " '` as entities, appended
/// to the output's bytes; the bytes between them are appended a run at a time.
public enum HTMLEscaping {
    public static func append(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        // The string's own bytes, read through a span: iterating the UTF-8 view costs twice as much.
        let bytes = utf8.span
        var runStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if needsEntity(byte) {
                for k in runStart..<i { output.append(bytes[k]) }
                output.append(contentsOf: entity(for: byte))
                runStart = i + 1
            }
            i += 1
        }
        if runStart == 0 {
            // Nothing to escape, the common case: the bytes go in one copy.
            output.append(span: bytes)
        } else {
            for k in runStart..<bytes.count { output.append(bytes[k]) }
        }
    }

    /// Whether `byte` is one of `" & ' < >`: a bit set over the bytes below 64, where they all lie.
    @inline(__always)
    static func needsEntity(_ byte: UInt8) -> Bool {
        let set: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        return byte < 64 && set & (1 << UInt64(byte)) != 0
    }

    private static func entity(for byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func append(contentsOf text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
