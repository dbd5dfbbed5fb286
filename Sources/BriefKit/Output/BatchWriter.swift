import Dispatch

/// Writes batches of rendered files on a queue of its own, so a batch is written while the
/// next one renders; `write` waits for the previous batch first, so at most two are held.
final class BatchWriter: @unchecked Sendable {
    private let staging: SiteWriter.Staging?
    private let queue = DispatchQueue(label: "brief.writer")
    private let group = DispatchGroup()
    private var failure: Error?

    init(staging: SiteWriter.Staging?) {
        self.staging = staging
    }

    /// Queues `files` once the previous batch is written; throws that batch's error, if any.
    func write(_ files: [OutputFile]) throws {
        try finish()
        enqueue(files)
    }

    /// Queues `files` behind what is queued, without waiting: for files rendered beside the
    /// batch loop (see `WholeSiteJobs`). Safe from any thread.
    func enqueue(_ files: [OutputFile]) {
        guard let staging else { return }
        queue.async(group: group) {
            do {
                try staging.write(files)
            } catch {
                if self.failure == nil { self.failure = error }
            }
        }
    }

    /// Waits for the last batch; throws the first error a batch met.
    func finish() throws {
        group.wait()
        if let failure { throw failure }
    }
}
