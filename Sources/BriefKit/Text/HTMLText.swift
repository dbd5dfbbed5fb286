import BriefTemplates

/// HTML escaping of `< > & " '` for text brief writes outside templates (quote captions, the
/// preview server's overlay): the template engine's own `{{value}}` escaping, so both agree.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        HTMLEscaping.append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
