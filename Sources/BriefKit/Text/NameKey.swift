import Foundation

/// The one normaliser for names, aliases and slugs (DESIGN.md "Resolution"): two names that mean
/// the same actor ("Erdogan", "Erdoğan"; "Lodz", "Łódź"; "Kim Jong-un", "kim jong un") get one key.
public enum NameKey {
    /// Letters that Unicode NFKD does not decompose into ASCII.
    private static let table: [Character: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ı": "i",
    ]
    private static let hyphens: Set<Character> = ["-", "‐", "‑", "‒", "–", "—", "―", "_"]
    private static let apostrophes: Set<Character> = ["'", "’", "‘", "ʼ", "`", "´"]

    /// The comparison key of a name: NFKD, marks dropped, the fixed table, case folded,
    /// hyphens and apostrophes unified, runs of spaces collapsed, trimmed.
    public static func normalize(_ name: String) -> String {
        if let ascii = normalizeASCII(name) { return ascii }
        var mapped = ""
        mapped.reserveCapacity(name.utf8.count)
        for character in name {
            if let replacement = table[character] {
                mapped += replacement
            } else if hyphens.contains(character) {
                mapped += " "
            } else if apostrophes.contains(character) {
                mapped += "'"
            } else {
                mapped.append(character)
            }
        }
        let decomposed = mapped.decomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if let folded = table[Character(scalar)] {
                scalars.append(contentsOf: folded.unicodeScalars)
            } else {
                scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        var result = String(scalars)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// The same key for plain ASCII names, without Foundation's Unicode decomposition (most
    /// names in a registry are ASCII, and every reference is normalised).
    private static func normalizeASCII(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var lastWasSpace = true
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C,
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                if !lastWasSpace { bytes.append(UInt8(ascii: " ")) }
                lastWasSpace = true
            case UInt8(ascii: "`"):
                bytes.append(UInt8(ascii: "'"))
                lastWasSpace = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes.append(byte + 32)
                lastWasSpace = false
            default:
                bytes.append(byte)
                lastWasSpace = false
            }
        }
        if bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A URL segment made from a name: lower-case ASCII letters and digits, `-` between words.
    /// Empty when nothing ASCII is left (Hangul, Han, Cyrillic): such names need an explicit `slug:`.
    public static func slug(_ name: String) -> String {
        var slug: [UInt8] = []
        var pendingDash = false
        // Byte by byte: only ASCII letters and digits are kept, so a non-ASCII scalar (every
        // byte of it) is a separator like any other; no Unicode property lookups.
        for byte in normalize(name).utf8 {
            if byte == UInt8(ascii: "'") { continue }
            if ASCII.isLetterOrDigit(byte) {
                if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(byte)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Whether `slug` is one plain URL segment that is safe to use as a folder name.
    public static func isPlainSegment(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug != ".", slug != ".." else { return false }
        return slug.utf8.allSatisfy { byte in
            ASCII.isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        } && !slug.hasPrefix(".")
    }

    /// Whether a slug has at least one ASCII letter or digit, i.e. is usable as a URL segment.
    public static func hasASCIILetters(_ slug: String) -> Bool {
        slug.utf8.contains(where: ASCII.isLetter)
    }
}
