/// Escaping done on UTF-8 bytes: iterating Characters costs grapheme breaking on every
/// character, which made escaping the largest cost of a build.
enum ByteEscaping {
    /// Replaces the bytes that `replacement` maps (all ASCII); returns `text` itself when none occur.
    @inline(__always)
    static func escape(_ text: String, _ replacement: (UInt8) -> StaticString?) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { replacement($0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        bytes.append(contentsOf: utf8[..<first])
        for byte in utf8[first...] {
            if let replaced = replacement(byte) {
                replaced.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
