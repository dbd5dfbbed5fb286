/// FastYAMLReader's scalars: plain, quoted, keys (the structure is in FastYAMLReader.swift).
extension FastYAMLReader {
    /// A one-line scalar: double-quoted, single-quoted or plain.
    mutating func scalar(inFlow: Bool) -> YAMLNode? {
        let start = mark()
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return doubleQuoted().map {
                .scalar(.init(string: $0, isPlain: false, mark: start, tag: Self.stringTag))
            }
        case UInt8(ascii: "'"):
            return singleQuoted().map {
                .scalar(.init(string: $0, isPlain: false, mark: start, tag: Self.stringTag))
            }
        default:
            return plain(inFlow: inFlow).map { .scalar(.init(string: $0, isPlain: true, mark: start)) }
        }
    }

    /// A plain scalar to the end of the line (or to `,`/`]` in a list), trailing spaces
    /// dropped, a ` #` comment left for `finishLine`. Any `: ` (a nested mapping or an error),
    /// indicator at the start, or flow character in a list declines.
    mutating func plain(inFlow: Bool) -> String? {
        guard !Self.isIndicator(bytes[position]) else { return nil }
        let start = position
        var end = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ":") {
                let next = position + 1 < bytes.count ? bytes[position + 1] : UInt8(ascii: "\n")
                if next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || inFlow { return nil }
            }
            if byte == UInt8(ascii: "#") && bytes[position - 1] == UInt8(ascii: " ") { break }
            if inFlow {
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
                if Self.isFlowIndicator(byte) || byte == UInt8(ascii: "#") { return nil }
            }
            position += 1
            if byte != UInt8(ascii: " ") { end = position }
        }
        guard end > start else { return nil }
        return text(start..<end)
    }

    /// `"…"` on one line, with only the escapes `\"` and `\\`.
    mutating func doubleQuoted() -> String? {
        position += 1
        var start = position
        var value = ""
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                value += text(start..<position)
                position += 1
                return value
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { return nil }
                let escaped = bytes[position + 1]
                guard escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") else { return nil }
                value += text(start..<position)
                value.unicodeScalars.append(Unicode.Scalar(escaped))
                position += 2
                start = position
            case UInt8(ascii: "\n"): return nil
            default: position += 1
            }
        }
        return nil
    }

    /// `'…'` on one line, `''` standing for one quote.
    mutating func singleQuoted() -> String? {
        position += 1
        var start = position
        var value = ""
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "'"):
                value += text(start..<position)
                if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "'") {
                    value += "'"
                    position += 2
                    start = position
                } else {
                    position += 1
                    return value
                }
            case UInt8(ascii: "\n"): return nil
            default: position += 1
            }
        }
        return nil
    }

    /// A key made of ASCII letters, digits, `_` and `-` (not first), then `:` and a space or
    /// the line's end; at most 512 bytes (libyaml gives up on longer keys).
    mutating func key() -> String? {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            let isKeyByte =
                ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: "_")
                || (byte == UInt8(ascii: "-") && position > start)
            guard isKeyByte else { break }
            position += 1
        }
        guard position > start, position - start <= 512, position < bytes.count,
            bytes[position] == UInt8(ascii: ":")
        else { return nil }
        let key = text(start..<position)
        position += 1
        guard atLineEnd() || bytes[position] == UInt8(ascii: " ") else { return nil }
        return key
    }

    /// The bytes of `range` as a String.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
