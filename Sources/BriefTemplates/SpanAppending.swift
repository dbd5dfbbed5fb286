extension Array where Element == UInt8 {
    /// Appends the bytes of `bytes` without taking a reference to their storage: appending a
    /// string's UTF-8 view or a slice of an array retains (and then releases) the buffer, and a
    /// buffer every page reads (a template's text, the site's title) is counted from both
    /// threads at once.
    @inline(__always)
    package mutating func append(span bytes: borrowing Span<UInt8>) {
        append(addingCapacity: bytes.count) { output in
            for i in bytes.indices { output.append(bytes[i]) }
        }
    }
}
