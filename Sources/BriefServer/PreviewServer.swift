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
        // Without a trailing slash, so the watcher's paths are `siteRoot/Content/…` exactly.
        var root = siteRoot
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
        if let site {
            await state.publish(site, basePath: basePath)
            for diagnostic in diagnostics { log(diagnostic.description) }
            let what =
                switch outcome.scope {
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

/// Rebuilds after changes, one build at a time, after 25 ms without further changes (an
/// editor's save — a write, or a temporary file renamed over the original — takes less).
struct RebuildService: Service {
    let changes: ChangeQueue
    let builder: PreviewBuilder
    let state: PreviewState
    let server: PreviewServer

    func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in changes.stream {
                var paths = changes.drain()
                while true {
                    try? await Task.sleep(nanoseconds: 25_000_000)
                    let more = changes.drain()
                    if more.isEmpty { break }
                    paths += more
                }
                guard !paths.isEmpty else { continue }
                let root = server.siteRoot + "/"
                let names = Set(paths.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 })
                    .sorted()
                await server.rebuild(with: builder, into: state, changed: names)
            }
        } onGracefulShutdown: {
            changes.finish()
        }
    }
}

/// Ends the live-reload streams when the server shuts down; an open `EventSource` would
/// otherwise keep Hummingbird waiting forever.
struct EventStreamCloser: Service {
    let state: PreviewState

    func run() async throws {
        try? await gracefulShutdown()
        await state.close()
        ShutdownWatchdog.start(seconds: 3)
    }
}

/// Finds a free port: the one asked for, or the next free one with a message saying so.
enum PortFinder {
    static func available(host: String, from port: Int, log: (String) -> Void) throws -> Int {
        if port == 0 { return 0 }
        for candidate in port..<(port + 20) where canBind(host: host, port: candidate) {
            if candidate != port { log("port \(port) is busy; using \(candidate) instead") }
            return candidate
        }
        throw ServeError.busy(port)
    }

    static func canBind(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return false }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
    }
}

/// Why `serve` could not start.
public enum ServeError: Error, CustomStringConvertible {
    case busy(Int)

    public var description: String {
        switch self {
        case .busy(let port): "ports \(port) to \(port + 19) are all busy; choose another with --port"
        }
    }
}

/// Ends the process a few seconds after shutdown began if it has not ended by itself: a stuck
/// connection must never keep `serve` alive after SIGTERM or Ctrl-C.
enum ShutdownWatchdog {
    static func start(seconds: UInt32) {
        let thread = Thread {
            sleep(seconds)
            FileHandle.standardError.write(Data("brief: connections did not close; stopping anyway\n".utf8))
            exit(0)
        }
        thread.name = "brief-shutdown-watchdog"
        thread.start()
    }
}
