import Foundation

/// A value made on a thread of its own while the caller goes on with other work; `value` waits
/// for it. For serial work (reading one file) beside work that uses every core but not fully.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the thread before it signals `done`, read after waiting for it.
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            made = make()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A value already made: no thread.
    init(made value: Value) {
        made = value
        done.signal()
    }

    /// The value, once the thread has made it.
    lazy var value: Value = {
        done.wait()
        return made!
    }()
}
