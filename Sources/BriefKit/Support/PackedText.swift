import CBriefPack

/// Text held compressed (zstd's first fast level, about three tenths of the bytes for rendered
/// HTML) and unpacked each time it is read: what a large site keeps of its rendered bodies
/// between the Markdown stage and the pages that show them (`RenderedBodies.packingThreshold`).
/// The pointers zstd needs stay inside this type.
struct PackedText: Sendable {
    private let bytes: [UInt8]
    /// The text's length in UTF-8 bytes.
    private let length: Int

    /// `text` compressed, or nil when zstd fails (the caller then keeps the text as it is).
    init?(_ text: String) {
        var text = text
        let packed = text.withUTF8 { source -> [UInt8]? in
            let bound = brief_pack_bound(source.count)
            var written = 0
            // Packed into room for the worst case, then copied into an array of its own size:
            // the room (as large as the text) would otherwise be what is held.
            let room = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                written = brief_pack(buffer.baseAddress, bound, source.baseAddress, source.count)
                count = written
            }
            guard written > 0 else { return nil }
            return room.withUnsafeBufferPointer { packed in
                [UInt8](unsafeUninitializedCapacity: written) { buffer, count in
                    _ = buffer.initialize(from: packed)
                    count = written
                }
            }
        }
        guard let packed else { return nil }
        bytes = packed
        length = text.utf8.count
    }

    /// Bytes this type packed from a text of `length` bytes, as `packedBytes` gave them (the
    /// build cache keeps packed bodies so, and checks their hash before it hands them here).
    init(packed: [UInt8], length: Int) {
        bytes = packed
        self.length = length
    }

    /// The packed bytes, for the build cache.
    var packedBytes: [UInt8] { bytes }

    /// The text, unpacked.
    var text: String {
        guard length > 0 else { return "" }
        return String(unsafeUninitializedCapacity: length, initializingUTF8With: unpack(to:))
    }

    /// The text's length in UTF-8 bytes.
    var byteCount: Int { length }

    /// Unpacks the text's UTF-8 bytes into the front of `buffer` (grown when short; a reader
    /// of many texts keeps one buffer) and returns their count: no string is made, so the
    /// bytes are not checked again as UTF-8 (they were packed from a string).
    func unpack(into buffer: inout [UInt8]) -> Int {
        guard length > 0 else { return 0 }
        if buffer.count < length { buffer = [UInt8](repeating: 0, count: max(length, buffer.count * 2)) }
        return buffer.withUnsafeMutableBufferPointer { unpack(to: $0) }
    }

    /// Unpacks the text into the front of `destination` (room for `length` bytes at least).
    private func unpack(to destination: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let written = bytes.withUnsafeBufferPointer { source in
            brief_unpack(destination.baseAddress, length, source.baseAddress, source.count)
        }
        // The bytes were packed from a string of this length by this process.
        precondition(written == length, "packed text cannot be unpacked")
        return written
    }
}
