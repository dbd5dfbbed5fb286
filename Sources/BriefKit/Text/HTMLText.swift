/// HTML escaping of `< > & " '`, on UTF-8 bytes: for text brief writes outside templates (quote
/// captions, the preview server's overlay) and, through `replacement`, for `{{value}}`.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        ByteEscaping.escape(text, replacement)
    }

    /// The entity for a byte that HTML text or attributes must not carry as it is; the
    /// template engine's `{{value}}` escapes with the same table.
    @inline(__always)
    static func replacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
