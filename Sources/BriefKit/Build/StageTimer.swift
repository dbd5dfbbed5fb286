import Foundation

/// Prints each stage's time to stderr when BRIEF_TIMINGS is set (for profiling, never in output).
struct StageTimer {
    let enabled: Bool
    private var last = DispatchTime.now()
    private var lastCPU = StageTimer.cpuSeconds()

    init(enabled: Bool) { self.enabled = enabled }

    /// Prints the time since the last call as one stage.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let cpu = Self.cpuSeconds()
        write(stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, cpu: cpu - lastCPU)
        last = now
        lastCPU = cpu
    }

    /// One line: wall time, CPU time of all threads (user and system: how well the stage
    /// used the cores), and memory.
    private func write(_ stage: String, _ seconds: Double, cpu: Double) {
        let name = stage.padding(toLength: 14, withPad: " ", startingAt: 0)
        let cpuText = String(format: "   CPU %6.3f s", cpu)
        let line =
            name + String(format: "%7.3f s", seconds) + cpuText
            + String(
                format: "   RSS %5d MiB (peak %5d, heap committed %5d)\n", Self.rss("VmRSS"),
                Self.rss("VmHWM"), Heap.bytesCommitted / (1024 * 1024))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// User and system time of the whole process so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
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
