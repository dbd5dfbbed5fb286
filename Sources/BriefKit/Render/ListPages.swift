/// How a long list splits into pages: the first page holds `first` items (the site's
/// `page_size`), each archive page after it `rest` (`archive_size`). Page numbers start at 1;
/// every list has at least one page.
struct ListPages: Sendable {
    var first: Int
    var rest: Int

    init(config: SiteConfig) {
        first = config.pageSize
        rest = config.archiveSize
    }

    /// How many pages `count` items take.
    func count(_ count: Int) -> Int {
        count <= first ? 1 : 1 + (count - first + rest - 1) / rest
    }

    /// The items of page `page` of a list of `count`.
    func slice(_ count: Int, page: Int) -> Range<Int> {
        let start = page == 1 ? 0 : first + (page - 2) * rest
        let end = page == 1 ? first : start + rest
        return min(start, count)..<min(end, count)
    }
}
