import Foundation

// The record's lines (`BuildCache`): read in place, written straight into bytes.

/// Lines of a byte buffer, without copying.
struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func line() -> UnsafeBufferPointer<UInt8>? {
        guard position < bytes.count else { return nil }
        var end = position
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[position..<end])
        position = end + 1
        return line
    }

    /// The next line as text.
    mutating func text() -> String? {
        line().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The count a line "`name` N" gives.
    mutating func count(_ name: String) -> Int? {
        guard let line = text(), line.hasPrefix(name + " ") else { return nil }
        return Int(line.dropFirst(name.count + 1))
    }

    /// A build's key, summary and diagnostics, as `RecordWriter.outcome(of:)` writes them.
    mutating func outcome() -> (ContentHash, BuildSummary, [Diagnostic])? {
        guard let keyLine = text(), keyLine.hasPrefix("key "),
            let key = ContentHash(hex: keyLine.dropFirst(4)),
            let summaryLine = line(),
            let summary = try? JSONDecoder().decode(BuildSummary.self, from: Data(summaryLine)),
            let diagnosticsLine = line(),
            let diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(diagnosticsLine))
        else { return nil }
        return (key, summary, diagnostics)
    }
}

/// Space-separated decimal numbers, then the rest of the line.
struct FieldReader {
    var rest: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) { rest = bytes }

    mutating func number() -> Int? {
        var value = 0
        var digits = 0
        var index = 0
        while index < rest.count, rest[index] >= UInt8(ascii: "0"), rest[index] <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int(rest[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0, index < rest.count, rest[index] == UInt8(ascii: " ") else { return nil }
        rest = UnsafeBufferPointer(rebasing: rest[(index + 1)...])
        return value
    }

    /// A stamp line: "size inode seconds nanoseconds path", with the file's hash before the
    /// path when `hashed` (0 when not).
    func stamp(hashed: Bool) -> (BuildCache.Stamp, UInt64)? {
        var fields = self
        guard let size = fields.number(), let inode = fields.number(), let seconds = fields.number(),
            let nanoseconds = fields.number()
        else { return nil }
        let hash = hashed ? fields.hex() : 0
        guard let hash, !fields.rest.isEmpty else { return nil }
        let stamp = BuildCache.Stamp(
            path: String(decoding: fields.rest, as: UTF8.self), size: Int64(size), inode: UInt64(inode),
            seconds: seconds, nanoseconds: nanoseconds)
        return (stamp, hash)
    }

    /// An input line, as `RecordWriter.input` writes it.
    func input() -> BuildCache.RecordedInput? {
        var fields = self
        guard let size = fields.signed(), let inode = fields.number(), let modified = fields.number(),
            let modifiedNanoseconds = fields.number(), let changed = fields.number(),
            let changedNanoseconds = fields.number(), let hash = fields.hex(),
            let frontMatter = fields.hex(), let bodyKey = fields.hex(), !fields.rest.isEmpty
        else { return nil }
        let stamp =
            size < 0
            ? nil
            : InputStamp(
                size: Int64(size), inode: UInt64(inode), modified: modified,
                modifiedNanoseconds: modifiedNanoseconds, changed: changed,
                changedNanoseconds: changedNanoseconds)
        return BuildCache.RecordedInput(
            path: String(decoding: fields.rest, as: UTF8.self), stamp: stamp, hash: hash,
            frontMatter: frontMatter, bodyKey: bodyKey)
    }

    /// A number that may be negative.
    mutating func signed() -> Int? {
        guard rest.first == UInt8(ascii: "-") else { return number() }
        rest = UnsafeBufferPointer(rebasing: rest[1...])
        return number().map { -$0 }
    }

    /// Sixteen hex digits (lowercase) and a space.
    mutating func hex() -> UInt64? {
        guard rest.count > 16, rest[16] == UInt8(ascii: " ") else { return nil }
        var value: UInt64 = 0
        var invalid: UInt8 = 0
        for index in 0..<16 {
            let digit = Self.hexDigits[Int(rest[index])]
            invalid |= digit
            value = value << 4 | UInt64(digit & 15)
        }
        guard invalid & 16 == 0 else { return nil }
        rest = UnsafeBufferPointer(rebasing: rest[17...])
        return value
    }

    /// Each byte's value as a lowercase hex digit, or 16 when it is not one.
    private static let hexDigits: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 16
        }
    }
}

/// A record's text, written straight into bytes: a record has hundreds of thousands of numbers.
struct RecordWriter {
    var bytes: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 20)
    private static let digits = Array("0123456789abcdef".utf8)

    mutating func append(_ text: String) { bytes += text.utf8 }

    /// A decimal number and a space. Its digits are made in a scratch array, least significant
    /// last, and appended as one slice, instead of digit by digit.
    mutating func number(_ value: some BinaryInteger) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var rest = UInt64(value.magnitude)
        var start = scratch.count
        repeat {
            start -= 1
            scratch[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        bytes.append(contentsOf: scratch[start...])
        bytes.append(UInt8(ascii: " "))
    }

    /// Sixteen hex digits and a space.
    mutating func hex(_ hash: UInt64) {
        for i in 0..<16 { scratch[i] = Self.digits[Int((hash >> UInt64(60 - 4 * i)) & 15)] }
        scratch[16] = UInt8(ascii: " ")
        bytes.append(contentsOf: scratch[..<17])
    }

    /// The key, summary and diagnostics of `record`, a line each; false when they cannot be
    /// written as JSON.
    mutating func outcome(of record: BuildCache.Record) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let summary = try? encoder.encode(record.summary),
            let diagnostics = try? encoder.encode(record.diagnostics)
        else { return false }
        append("key \(record.key)\n")
        bytes += summary
        bytes.append(UInt8(ascii: "\n"))
        bytes += diagnostics
        bytes.append(UInt8(ascii: "\n"))
        return true
    }

    /// "size inode modified ns changed ns hash front-matter body-key path" (size -1 and zeros
    /// for an input without a stamp), as `FieldReader.input` reads it.
    mutating func input(_ input: BuildCache.RecordedInput) {
        if let stamp = input.stamp {
            number(stamp.size)
            number(stamp.inode)
            number(stamp.modified)
            number(stamp.modifiedNanoseconds)
            number(stamp.changed)
            number(stamp.changedNanoseconds)
        } else {
            append("-1 0 0 0 0 0 ")
        }
        hex(input.hash)
        hex(input.frontMatter)
        hex(input.bodyKey)
        bytes += input.path.utf8
        bytes.append(UInt8(ascii: "\n"))
    }

    /// "size inode seconds nanoseconds [hash] path", as `FieldReader.stamp` reads it.
    mutating func stamp(_ stamp: BuildCache.Stamp, hash: UInt64?) {
        number(stamp.size)
        number(stamp.inode)
        number(stamp.seconds)
        number(stamp.nanoseconds)
        if let hash { hex(hash) }
        bytes += stamp.path.utf8
        bytes.append(UInt8(ascii: "\n"))
    }
}
