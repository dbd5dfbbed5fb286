import XCTest

@testable import BriefKit

/// The index is a pure function of the entries, with every ordering tie-broken.
final class SiteIndexTests: XCTestCase {
    static func model() -> SiteModel {
        func actor(_ name: String) -> SiteModel.ActorRecord {
            SiteModel.ActorRecord(
                name: name, slug: NameKey.slug(name), kind: nil, aliases: [], role: nil, affiliation: nil,
                profile: "", path: nil, bodyFirstLine: 1, params: .empty)
        }
        func entry(_ slug: String, _ day: Int, actors: [Int], topics: [Int] = [], claimants: [Int] = [])
            -> SiteModel.Entry
        {
            let date = try! EntryDate.parse(String(format: "2024-10-%02d", day)).get()
            let briefing = Briefing(
                path: "Content/briefings/\(slug).md", title: slug, date: date, updated: nil, author: nil,
                summary: nil,
                actors: [], topics: [], source: nil, claims: [], draft: false,
                slug: Located(slug, at: SourceLocation(path: "")), params: .empty, body: "", bodyFirstLine: 1)
            return SiteModel.Entry(
                briefing: briefing, actors: actors, topics: topics,
                claims: claimants.isEmpty
                    ? []
                    : [SiteModel.ResolvedClaim(text: "c", status: .alleged, by: claimants, deniedBy: [])],
                instant: date.instant(offsetForDateOnly: 0), day: CalendarDay(year: 2024, month: 10, day: day)
            )
        }
        // Newest first, as the resolver orders them.
        let entries = [
            entry("d", 4, actors: [0, 1, 2]), entry("c", 3, actors: [0, 2], claimants: [3]),
            entry("b", 2, actors: [0, 1]), entry("a", 2, actors: [0]),
        ]
        return SiteModel(
            config: SiteConfig(title: "T", baseURL: "https://x.org/"), root: "/", entries: entries,
            actors: [actor("Zeta"), actor("Beta"), actor("Alpha"), actor("Gamma")], topics: [], pages: [],
            media: [],
            statics: [])
    }

    func testPostingsCoOccurrenceAndClaims() {
        let index = SiteIndex(model: Self.model())
        XCTAssertEqual(index.entriesByActor, [[0, 1, 2, 3], [0, 2], [0, 1], []])
        XCTAssertEqual(index.coActors[0].map(\.id), [2, 1], "equal counts: by name, Alpha before Beta")
        XCTAssertEqual(index.coActors[0].map(\.count), [2, 2])
        XCTAssertEqual(index.claims.madeBy[3], [.oneOff(entry: 1, item: 0)])
        XCTAssertEqual(index.claims.all, [.oneOff(entry: 1, item: 0)])
    }

    func testRelatedIsRankedAndNeverSelf() {
        let index = SiteIndex(model: Self.model())
        // c and b each share the ubiquitous Zeta and one rarer actor: a tie, broken by date (c is
        // newer); a shares only Zeta and comes last.
        XCTAssertEqual(index.related[0], [1, 2, 3])

        for (i, related) in index.related.enumerated() { XCTAssertFalse(related.contains(i)) }
    }

    func testIndexIsDeterministic() {
        let first = SiteIndex(model: Self.model())
        for _ in 0..<5 {
            let again = SiteIndex(model: Self.model())
            XCTAssertEqual(again.related, first.related)
            XCTAssertEqual(again.coActors.map { $0.map(\.id) }, first.coActors.map { $0.map(\.id) })
        }
    }
}
