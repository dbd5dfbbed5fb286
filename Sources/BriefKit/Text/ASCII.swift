/// ASCII letters and digits among UTF-8 bytes, decided with a few comparisons (a global table
/// would cost a lazy-initialisation check on every byte). No byte of a non-ASCII scalar is
/// either. Slugs, mention scanning, front-matter keys and URL schemes all classify with these.
enum ASCII {
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
}
