/// Items in groups (claims or indicators by status, actors by kind), the groups in a fixed
/// order and each in the order its items came: made once per site and paged through by every
/// page of an index, `archive_size` items to a page across the groups.
struct PagedGroups<Item: Sendable>: Sendable {
    /// How many items each group has.
    private(set) var counts: [Int] = []
    /// The items, group after group.
    private(set) var ordered: [Item] = []

    init() {}

    init(_ groups: [[Item]]) {
        counts = groups.map(\.count)
        ordered = groups.flatMap { $0 }
    }

    /// `items` grouped by `key`, the groups in the order of `keys`.
    init<Key: Equatable>(_ items: [Item], keys: [Key], key: (Item) -> Key) {
        var groups = [[Item]](repeating: [], count: keys.count)
        for item in items { groups[keys.firstIndex(of: key(item))!].append(item) }
        self.init(groups)
    }

    /// The groups with items among `shown` (positions in `ordered`, a page's slice): each
    /// group's number, its count over all pages, and its items on the page.
    func groups(on shown: Range<Int>) -> [(group: Int, count: Int, items: ArraySlice<Item>)] {
        var groups: [(group: Int, count: Int, items: ArraySlice<Item>)] = []
        var start = 0
        for (group, count) in counts.enumerated() {
            let here = (start..<start + count).clamped(to: shown)
            start += count
            if !here.isEmpty { groups.append((group, count, ordered[here])) }
        }
        return groups
    }
}
