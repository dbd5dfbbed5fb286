import Mustache

/// HTML escaping for `{{value}}` in templates, with the same replacements as swift-mustache's
/// own (`< > & " '`) but working on UTF-8 bytes and returning the string untouched when nothing
/// needs escaping; the library's per-Character dictionary lookup was a tenth of a 10k build.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "BRIEF_HTML"
    /// Put before every template so its variables use this content type.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
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

/// HTML escaping for text brief writes outside templates (the preview server's overlay).
public enum HTMLText {
    public static func escape(_ text: String) -> String { FastHTMLEscaping.escape(text) }
}
