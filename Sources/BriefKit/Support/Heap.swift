import CBriefSystem

/// How the process's memory goes back to the system between stages (glibc's allocator).
///
/// A large build frees much of what a stage held (the read files once parsed, the Markdown
/// once rendered) but glibc keeps those pages, and the next stage's allocations land around
/// them, so the process's memory stays at its highest and grows from there
/// (docs/performance.md has the figures).
public enum Heap {
    /// Fixes glibc's mmap threshold at `threshold` bytes (set once by the `brief` command).
    /// Left to itself glibc raises it to the size of every mapped block freed (up to 32 MB),
    /// after which the largest short-lived buffers (sitemap parts, the search index's bigger
    /// files) are cut from the heap and leave holes behind; from a fixed threshold they are
    /// mapped on their own and unmapped when freed. Lower, blocks read again and again (the
    /// build cache's files) would be mapped and faulted in each time.
    public static func mapLargeBlocksOnTheirOwn(from threshold: Int = 4 << 20) {
        _ = brief_set_mmap_threshold(Int32(threshold))
    }

    /// Bytes malloc has handed out and not had back (in-use and mapped blocks), for the
    /// memory figures `BRIEF_TIMINGS` prints.
    static var bytesInUse: Int { Int(brief_heap_in_use()) }

    /// Gives the free pages of every arena back to the system: called between stages of a
    /// site large enough that memory matters more than time (its bodies are packed).
    static func returnFreeMemory() {
        brief_trim_heap()
    }
}
