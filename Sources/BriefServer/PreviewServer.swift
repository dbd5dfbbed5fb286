import BriefKit
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `brief serve`: builds the site into memory, serves it at the path of `base_url`, rebuilds
/// when a file changes, and tells open pages to reload (or shows the errors).
public struct PreviewServer: Sendable {
    public var siteRoot: String
    public var host: String
    public var port: Int
    public var drafts: Bool
    /// Called once the server listens, with its URL (tests use port 0 and read it here).
    public var onListening: @Sendable (String) -> Void
    public var log: @Sendable (String) -> Void

    public init(
        siteRoot: String, host: String = "127.0.0.1", port: Int = 8000, drafts: Bool = false,
        onListening: @escaping @Sendable (String) -> Void = { print($0) },
        log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) {
        // Absolute (a leading `~` is $HOME, as for every command) and without a trailing slash,
        // so the watcher's paths are `siteRoot/Content/…` exactly.
        var root = (try? UserPath.absolute(siteRoot).get()) ?? siteRoot
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.siteRoot = root
        self.host = host
        self.port = port
        self.drafts = drafts
        self.onListening = onListening
        self.log = log
    }

    public func run() async throws {
        let builder = PreviewBuilder(siteRoot: siteRoot, drafts: drafts)
        let state = PreviewState(basePath: PreviewBuilder.basePath(siteRoot: siteRoot) ?? "/")
        await rebuild(with: builder, into: state, changed: nil)
        let boundPort = try PortFinder.available(host: host, from: port, log: log)
        let changes = ChangeQueue()
        let watcher = Watcher(root: siteRoot) { path in changes.signal(path) }
        try watcher.start()
        defer { watcher.stop() }
        var logger = Logger(label: "brief.serve")
        logger.logLevel = .error
        let host = host
        let onListening = onListening
        let app = Application(
            responder: PreviewResponder(state: state, boundHost: host),
            configuration: .init(address: .hostname(host, port: boundPort), serverName: nil),
            services: [RebuildService(changes: changes, builder: builder, state: state, server: self)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? boundPort
                let basePath = await state.basePath
                onListening("Serving at http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(basePath)")
            },
            logger: logger)
        // The closer comes after the app: a service group shuts its services down in reverse
        // order, so the live-reload streams end first and the server is not left waiting for them.
        let group = ServiceGroup(
            configuration: .init(
                services: [app, EventStreamCloser(state: state)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [.sigquit],
                logger: logger))
        try await group.run()
    }

    /// Builds into memory; a good site replaces the served one and reloads pages, a failed one
    /// keeps the last good site and shows the errors.
    func rebuild(with builder: PreviewBuilder, into state: PreviewState, changed: [String]?) async {
        let start = DispatchTime.now()
        let (site, diagnostics, basePath, outcome) = builder.build(changed: changed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let prefix =
            changed.map { $0.count == 1 ? "\($0[0]): " : "\($0.count) files changed: " } ?? ""
        if outcome.scope == .nothing {
            // Pages stay as they are, and so do the browsers showing them.
            log(prefix + "not part of the site, nothing to rebuild")
            return
        }
        if let site {
            await state.publish(site, basePath: basePath)
            for diagnostic in diagnostics { log(diagnostic.description) }
            let what =
                switch outcome.scope {
                case .nothing: "nothing"
                case .full: "full rebuild"
                case .entryBodies(let n): n == 1 ? "entry body" : "\(n) entry bodies"
                case .templates: "templates"
                case .content(let pages): "content, \(pages) pages with a new context"
                }
            log(
                prefix
                    + String(
                        format: "%@, %d of %d files rendered again (%d changed) in %.3f s", what,
                        outcome.rendered, site.summary.files, outcome.changed, seconds))
        } else {
            await state.fail(diagnostics)
            for diagnostic in diagnostics { log(diagnostic.description) }
            log(prefix + "rebuild failed (\(diagnostics.summary)); still serving the last good site")
        }
    }
}
