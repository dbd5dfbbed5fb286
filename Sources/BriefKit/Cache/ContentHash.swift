import Foundation

/// XXH64 of bytes: the content hash the build cache keys on. Fast (several GB/s, so hashing a
/// 62 MB site costs milliseconds) and well distributed; a build cache only needs to notice
/// changes, not resist an attacker, so a 64-bit non-cryptographic hash is enough.
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let value: UInt64

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    public init(value: UInt64) { self.value = value }

    public init(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) {
        value = Self.xxh64(bytes, seed: seed)
    }

    public init(_ bytes: some ContiguousBytes, seed: UInt64 = 0) {
        value = bytes.withUnsafeBytes { Self.xxh64($0, seed: seed) }
    }

    public init(_ text: String, seed: UInt64 = 0) {
        var text = text
        value = text.withUTF8 { Self.xxh64(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// Sixteen lowercase hex digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public init?(hex: some StringProtocol) {
        guard hex.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    @inline(__always)
    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        var acc = acc &+ input &* p2
        acc = (acc << 31) | (acc >> 33)
        return acc &* p1
    }

    @inline(__always)
    private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        let acc = acc ^ round(0, value)
        return acc &* p1 &+ p4
    }

    @inline(__always)
    private static func load64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func load32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let length = bytes.count
        var offset = 0
        var hash: UInt64
        if length >= 32 {
            var v1 = seed &+ p1 &+ p2
            var v2 = seed &+ p2
            var v3 = seed
            var v4 = seed &- p1
            while offset + 32 <= length {
                v1 = round(v1, load64(bytes, offset))
                v2 = round(v2, load64(bytes, offset + 8))
                v3 = round(v3, load64(bytes, offset + 16))
                v4 = round(v4, load64(bytes, offset + 24))
                offset += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ p5
        }
        hash = hash &+ UInt64(length)
        while offset + 8 <= length {
            hash ^= round(0, load64(bytes, offset))
            hash = rotate(hash, 27) &* p1 &+ p4
            offset += 8
        }
        if offset + 4 <= length {
            hash ^= load32(bytes, offset) &* p1
            hash = rotate(hash, 23) &* p2 &+ p3
            offset += 4
        }
        while offset < length {
            hash ^= UInt64(bytes[offset]) &* p5
            hash = rotate(hash, 11) &* p1
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* p2
        hash ^= hash >> 29
        hash = hash &* p3
        hash ^= hash >> 32
        return hash
    }
}

/// Folds many values into one hash, in order: the build key over every input.
public struct ContentHasher: Sendable {
    private var bytes: [UInt8] = []

    public init() {}

    public mutating func combine(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
    }

    public mutating func combine(_ hash: ContentHash) {
        withUnsafeBytes(of: hash.value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public func finalize() -> ContentHash { ContentHash(bytes) }
}
