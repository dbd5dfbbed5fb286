import Foundation
import ServiceLifecycle

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
