import Foundation

/// Prints each stage's time to stderr when BRIEF_TIMINGS is set (for profiling, never in output).
struct StageTimer {
    let enabled: Bool
    private var last = DispatchTime.now()

    private var totals: [String: Double] = [:]

    init(enabled: Bool) { self.enabled = enabled }

    /// Adds the time since the last call to a running total (stages that run in batches).
    mutating func accumulate(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        totals[stage, default: 0] += Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        last = now
    }

    /// Prints the running totals of batched stages.
    func report(_ stages: [String]) {
        guard enabled else { return }
        for stage in stages { write(stage, totals[stage] ?? 0) }
    }

    /// Prints the time since the last call as one stage.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        write(stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9)
        last = now
    }

    private func write(_ stage: String, _ seconds: Double) {
        let name = stage.padding(toLength: 14, withPad: " ", startingAt: 0)
        let line =
            name
            + String(
                format: "%7.3f s   RSS %5d MiB (peak %5d)\n", seconds, Self.rss("VmRSS"), Self.rss("VmHWM"))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// A memory figure of this process from /proc/self/status, in MiB.
    private static func rss(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }
}
