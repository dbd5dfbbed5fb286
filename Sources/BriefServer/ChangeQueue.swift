import Foundation

/// Collects change notifications from the watcher thread for the rebuild loop.
final class ChangeQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [String] = []
    private var continuation: AsyncStream<Void>.Continuation?
    let stream: AsyncStream<Void>

    init() {
        var continuation: AsyncStream<Void>.Continuation?
        stream = AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation = $0 }
        self.continuation = continuation
    }

    func signal(_ path: String) {
        lock.lock()
        pending.append(path)
        lock.unlock()
        continuation?.yield()
    }

    func drain() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let paths = pending
        pending = []
        return paths
    }

    func finish() { continuation?.finish() }
}
