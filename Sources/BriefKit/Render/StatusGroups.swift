/// Tracked items (claims, indicators) grouped by their current status, in the statuses' order,
/// each group in the order the items came: made once per site and paged through by every page
/// of its index (`SiteRenderer.statusPages`).
struct StatusGroups: Sendable {
    /// How many items each status has.
    private(set) var counts: [Int] = []
    /// The items, group after group.
    private(set) var ordered: [TrackedRef] = []

    init() {}

    init<Status: Equatable>(_ refs: [TrackedRef], statuses: [Status], status: (TrackedRef) -> Status) {
        var byStatus = [[TrackedRef]](repeating: [], count: statuses.count)
        for ref in refs { byStatus[statuses.firstIndex(of: status(ref))!].append(ref) }
        counts = byStatus.map(\.count)
        ordered = byStatus.flatMap { $0 }
    }
}
