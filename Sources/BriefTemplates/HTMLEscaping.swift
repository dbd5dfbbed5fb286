/// `{{value}}` escaping, also used by BriefKit's `HTMLText`: `< > & " '` as entities, appended
/// to the output's bytes; a value without those characters is appended whole.
public enum HTMLEscaping {
    public static func append(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        // Most values have nothing to escape: then the bytes are copied in one go. The check
        // reads the string's own bytes through a span (iterating the UTF-8 view cost twice as much).
        let bytes = utf8.span
        var clean = true
        for i in bytes.indices where entity(for: bytes[i]) != nil {
            clean = false
            break
        }
        guard !clean else {
            output.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            if let entity = entity(for: byte) {
                output.append(contentsOf: entity)
            } else {
                output.append(byte)
            }
        }
    }

    @inline(__always)
    static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "\""): quote
        case UInt8(ascii: "'"): apostrophe
        default: nil
        }
    }

    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let ampersand = Array("&amp;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)
}
