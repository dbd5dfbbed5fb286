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

    /// A stream of events for one client; a client that connects while the site is broken gets
    /// the error at once.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if closed {
            continuation.finish()
            return stream
        }
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

    private func broadcast(_ event: String) {
        for continuation in clients.values { continuation.yield(event) }
    }

    /// Ends every event stream, so the server can stop while pages are still connected.
    func close() {
        closed = true
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }
}
