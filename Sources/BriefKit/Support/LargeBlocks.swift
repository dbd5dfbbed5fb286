import CBriefSystem

/// Where the allocator puts large blocks, set once by the `brief` command.
///
/// glibc maps a block of 128 KB or more on its own, but raises that threshold to the size of
/// every such block freed (up to 32 MB): after the first large buffer goes, the rendered pages,
/// feeds and sitemap parts a build makes and lets go are cut from the heap instead, and the
/// holes they leave keep the process's memory up (about 30 MB more at the peak of a
/// 100,000-entry build). A fixed threshold keeps them out of the heap.
public enum LargeBlocks {
    /// Blocks of `threshold` bytes and more are mapped on their own and returned when freed.
    public static func mapOnTheirOwn(from threshold: Int = 256 * 1024) {
        _ = brief_set_mmap_threshold(Int32(threshold))
    }
}
