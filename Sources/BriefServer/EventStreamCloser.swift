import Foundation
import ServiceLifecycle

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
