import Foundation

/// Length-prefixed values, little-endian, for the build cache's binary files.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        number(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func optional(_ text: String?) {
        number(text == nil ? 0 : 1)
        string(text ?? "")
    }

    /// Bytes, after their count.
    mutating func block(_ values: [UInt8]) {
        number(UInt64(values.count))
        bytes.append(contentsOf: values)
    }

    mutating func location(_ location: SourceLocation) {
        string(location.path)
        number(UInt64(bitPattern: Int64(location.line ?? -1)))
        number(UInt64(bitPattern: Int64(location.column ?? -1)))
    }
}

/// Reads what `ByteWriter` wrote; nil at the first value that is not there.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    mutating func number() -> UInt64? {
        guard position + 8 <= bytes.count else { return nil }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return UInt64(littleEndian: value)
    }

    mutating func string() -> String? {
        guard let count = number().flatMap({ Int(exactly: $0) }), count <= bytes.count - position else {
            return nil
        }
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
        position += count
        return text
    }

    /// Bytes written by `ByteWriter.block`.
    mutating func block() -> [UInt8]? {
        guard let count = number().flatMap({ Int(exactly: $0) }), count <= bytes.count - position else {
            return nil
        }
        let values = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]))
        position += count
        return values
    }

    mutating func location() -> SourceLocation? {
        guard let path = string(), let line = number(), let column = number() else { return nil }
        let (l, c) = (Int(Int64(bitPattern: line)), Int(Int64(bitPattern: column)))
        return SourceLocation(path: path, line: l < 0 ? nil : l, column: c < 0 ? nil : c)
    }

    /// A string written by `ByteWriter.optional`: nil when absent, `.some(nil)` for none.
    mutating func optional() -> String?? {
        guard let present = number(), let text = string() else { return nil }
        return .some(present == 1 ? text : nil)
    }
}

extension ByteWriter {
    /// Diagnostics as JSON (nothing for none): they are few, and their JSON is `Codable`'s.
    mutating func diagnostics(_ list: [Diagnostic]) {
        let json = list.isEmpty ? Data() : (try? JSONEncoder().encode(list)) ?? Data()
        string(String(decoding: json, as: UTF8.self))
    }

    /// Writes the bytes to `path`, ended with the hash of all before (as `ByteReader.checked`
    /// expects them), in place of the file at once; a file that cannot be written is left as it
    /// was (a cache that cannot be written only costs the next build time).
    consuming func write(sealedTo path: String) {
        number(ContentHash(bytes).value)
        write(to: path)
    }

    /// Writes the bytes to `path`, in place of the file at once (a reader holding the file open
    /// goes on reading the old one); a file that cannot be written is left as it was.
    consuming func write(to path: String) {
        try? Data(adopting: bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

extension ByteReader {
    /// What `read` makes of `data` when it ends with the hash of the rest (`ByteWriter.write`);
    /// nil for a file cut short or damaged, which is not read.
    static func checked<T>(_ data: Data, _ read: (inout ByteReader) -> T?) -> T? {
        data.withUnsafeBytes { raw -> T? in
            guard raw.count >= 8 else { return nil }
            let content = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
            var end = ByteReader(bytes: UnsafeRawBufferPointer(rebasing: raw[(raw.count - 8)...]))
            guard end.number() == ContentHash(content).value else { return nil }
            var reader = ByteReader(bytes: content)
            return read(&reader)
        }
    }

    /// Diagnostics written by `ByteWriter.diagnostics`; nil when they are not there.
    mutating func diagnostics() -> [Diagnostic]? {
        guard let json = string() else { return nil }
        return json.isEmpty ? [] : try? JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8))
    }
}
