import Foundation

/// A value made when first asked for, by whichever thread asks first (the others wait for it),
/// then shared: for what only some builds need (a build of body edits renders few pages).
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// The value, made now when no one asked before.
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        // What it was made from is let go.
        make = nil
        return value
    }
}
