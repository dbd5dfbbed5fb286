/// Counts of small numbers (actor or topic ids) in an array as long as there are ids, cleared
/// through the list of ids it counted: many tallies in a row cost no hashing and no allocation.
struct Tally {
    private var counts: [Int]
    private var counted: [Int] = []

    /// A tally of ids below `count`.
    init(count: Int) { counts = [Int](repeating: 0, count: count) }

    mutating func add(_ id: Int) {
        if counts[id] == 0 { counted.append(id) }
        counts[id] += 1
    }

    /// The ids counted, most counted first, then by `rank` (each id's place in name order);
    /// the tally is empty again after.
    mutating func ordered(rank: [Int]) -> [(id: Int, count: Int)] {
        let ordered = counted.map { (id: $0, count: counts[$0]) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : rank[$0.id] < rank[$1.id]
        }
        for id in counted { counts[id] = 0 }
        counted.removeAll(keepingCapacity: true)
        return ordered
    }
}
