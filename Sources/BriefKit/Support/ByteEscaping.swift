/// Escaping done on UTF-8 bytes: iterating Characters costs grapheme breaking on every
/// character.
enum ByteEscaping {
    /// Replaces the bytes that `replacement` maps (all ASCII); returns `text` itself when none occur.
    @inline(__always)
    static func escape(_ text: String, _ replacement: (UInt8) -> StaticString?) -> String {
        var text = text
        // On the contiguous bytes: scanning through String.UTF8View's indices cost twice as much.
        let escaped = text.withUTF8 { utf8 -> String? in
            guard let first = utf8.firstIndex(where: { replacement($0) != nil }) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 32)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<first]))
            for byte in utf8[first...] {
                if let replaced = replacement(byte) {
                    replaced.withUTF8Buffer { bytes.append(contentsOf: $0) }
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Appends the UTF-8 bytes of `text` to `out`, each byte that `replacement` maps replaced,
    /// the runs between copied whole.
    @inline(__always)
    static func append(_ text: String, into out: inout [UInt8], _ replacement: (UInt8) -> StaticString?) {
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for i in 0..<utf8.count {
                guard let replaced = replacement(utf8[i]) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                replaced.withUTF8Buffer { out.append(contentsOf: $0) }
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }
}
