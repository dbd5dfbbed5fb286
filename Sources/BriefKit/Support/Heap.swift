import CBriefHeap

/// How the process's memory goes back to the system (the allocator is mimalloc: `CBriefHeap`).
///
/// A large build frees much of what a stage held (the read files once parsed, the Markdown
/// once rendered); held free for reuse, those pages would stay resident while the next stage's
/// allocations grow around them (docs/performance.md has the figures).
public enum Heap {
    /// Bytes the allocator holds committed from the system, for the memory figures
    /// `BRIEF_TIMINGS` prints.
    static var bytesCommitted: Int { Int(brief_heap_committed()) }

    /// From now on, free memory goes back to the system at once: set when a build finds its
    /// site large enough that memory matters more than time (`SiteInputs.briefingBytes` above
    /// `RenderedBodies.packingThreshold`). Smaller sites keep freed pages a moment for reuse.
    static func preferLowMemory() {
        brief_heap_prefer_memory()
    }

    /// Gives the allocator's free memory back to the system now: called between stages of a
    /// site whose bodies are packed.
    static func returnFreeMemory() {
        brief_heap_collect()
    }
}
