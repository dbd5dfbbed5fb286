import BriefTemplates

/// A small JSON encoder for typed values, on UTF-8 bytes: keys sorted so output is
/// deterministic, and no dynamic casts (as JSONSerialization on `Any` would make).
enum JSONWriter {
    /// `value` as JSON; `scriptSafe` as in `writeString`.
    static func encode(_ value: TemplateValue, scriptSafe: Bool = false) -> String {
        var out: [UInt8] = []
        write(value, into: &out, scriptSafe: scriptSafe)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: TemplateValue, into out: inout [UInt8], scriptSafe: Bool) {
        switch value {
        case .string(let string): writeString(string, into: &out, scriptSafe: scriptSafe)
        case .bool(let bool): out.append(contentsOf: (bool ? "true" : "false").utf8)
        case .int(let int): out.append(contentsOf: String(int).utf8)
        case .double(let double): out.append(contentsOf: (double.isFinite ? String(double) : "null").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out, scriptSafe: scriptSafe)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.sortedByKey.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(field.key, into: &out, scriptSafe: scriptSafe)
                out.append(UInt8(ascii: ":"))
                write(field.value, into: &out, scriptSafe: scriptSafe)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `string` as a JSON string on its own (not script-safe).
    static func string(_ string: String) -> [UInt8] {
        var json: [UInt8] = []
        writeString(string, into: &json, scriptSafe: false)
        return json
    }

    /// Appends JSON text written out in code (`{"name":`), as it is.
    static func writeRaw(_ text: StaticString, into out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends a JSON array of values already written as JSON.
    static func writeArray(_ items: some Sequence<[UInt8]>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: item)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends `string` as a JSON string to UTF-8 bytes. `scriptSafe` also writes `<`, `>` and
    /// `&` as \u003c, \u003e and \u0026, so the JSON can sit in a `<script>` block.
    static func writeString(_ string: String, into out: inout [UInt8], scriptSafe: Bool) {
        out.append(UInt8(ascii: "\""))
        // The bytes that need an escape, below 64, as a bit set: most bytes are settled by one
        // test instead of the switch's comparisons.
        let escapedBelow64: UInt64 =
            0xFFFF_FFFF | 1 << 0x22 | (scriptSafe ? 1 << 0x26 | 1 << 0x3C | 1 << 0x3E : 0)
        ByteEscaping.append(string, into: &out) { byte -> StaticString? in
            guard byte < 64 ? escapedBelow64 & (1 << UInt64(byte)) != 0 : byte == UInt8(ascii: "\\") else {
                return nil
            }
            return switch byte {
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "\\"): "\\\\"
            case 0..<32: controlEscapes[Int(byte)]
            case UInt8(ascii: "<") where scriptSafe: "\\u003c"
            case UInt8(ascii: ">") where scriptSafe: "\\u003e"
            case UInt8(ascii: "&") where scriptSafe: "\\u0026"
            default: nil
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let controlEscapes: [StaticString] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]
}
