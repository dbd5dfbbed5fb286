/// HTML escaping of `< > & " '` for text brief writes outside templates (quote captions, the
/// preview server's overlay), on UTF-8 bytes; text with nothing to escape comes back untouched.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        ByteEscaping.escape(text) { byte in
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
}
