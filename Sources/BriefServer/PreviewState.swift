import BriefKit
import Foundation

/// What `serve` is serving: the last good site, the diagnostics of a failed rebuild (shown as
/// an overlay until the next good one), and the live-reload clients to tell about changes.
actor PreviewState {
    private(set) var site: PreviewSite?
    private(set) var failure: [Diagnostic]?
    private(set) var basePath: String
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    init(basePath: String) {
        self.basePath = basePath
    }

    /// A good build is in place: swap it in, then tell every page to reload.
    func publish(_ site: PreviewSite, basePath: String?) {
        self.site = site
        if let basePath { self.basePath = basePath }
        failure = nil
        broadcast(LiveReload.event("reload", data: String(site.summary.pages)))
    }

    /// A rebuild failed: keep the last good site, show the diagnostics on every open page.
    func fail(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        broadcast(LiveReload.errorEvent(diagnostics))
    }

    /// At most this many pages listen for live reload at once; more are refused, so clients
    /// can never use up the process's file descriptors.
    static let maximumClients = 64

    /// A stream of events for one client (nil when `maximumClients` already listen); a client
    /// that connects while the site is broken gets the error at once.
    func subscribe() -> AsyncStream<String>? {
        guard clients.count < Self.maximumClients else { return nil }
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if closed {
            continuation.finish()
            return stream
        }
        startHeartbeat()
        let id = UUID()
        clients[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(": connected\n\n")
        if let failure {
            continuation.yield(LiveReload.errorEvent(failure))
        }
        return stream
    }

    var clientCount: Int { clients.count }

    private func remove(_ id: UUID) {
        clients[id] = nil
    }

    private var heartbeat: Task<Void, Never>?

    /// A comment line to every client each second while any listens: writing to a connection
    /// the browser closed fails, which ends its stream and frees its socket, instead of the
    /// socket waiting in CLOSE_WAIT for the next rebuild.
    private func startHeartbeat() {
        guard heartbeat == nil else { return }
        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: PreviewState.heartbeatNanoseconds)
                guard let self, await self.beat() else { return }
            }
        }
    }

    static let heartbeatNanoseconds: UInt64 = 1_000_000_000

    /// Sends the heartbeat; false (and the heartbeat stops) when no client is left.
    private func beat() -> Bool {
        guard !clients.isEmpty, !closed else {
            heartbeat = nil
            return false
        }
        broadcast(": ping\n\n")
        return true
    }

    private func broadcast(_ event: String) {
        for continuation in clients.values { continuation.yield(event) }
    }

    /// Ends every event stream, so the server can stop while pages are still connected.
    func close() {
        closed = true
        heartbeat?.cancel()
        heartbeat = nil
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }
}
