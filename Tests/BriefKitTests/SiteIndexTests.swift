import Foundation
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

/// The related briefings a build keeps for the next (`RelatedEntriesCache`): taken only for a
/// model whose `SiteIndex.relatedKey` is the one they were ranked for.
final class RelatedEntriesCacheTests: XCTestCase {
    func testTheKeyFollowsEverythingRelatedIsRankedFrom() {
        let model = SiteIndexTests.model()
        let key = SiteIndex.relatedKey(of: model)
        var retitled = model
        var fields = retitled.entries[0].briefing.fields
        fields.title = "Another title"
        retitled.entries[0].briefing.fields = fields
        XCTAssertEqual(SiteIndex.relatedKey(of: retitled), key, "a title ranks nothing")
        var changes: [(String, (inout SiteModel) -> Void)] = [
            ("instant", { $0.entries[1].instant += 1 }),
            ("actors", { $0.entries[2].actors = [1] }),
            ("topics", { $0.entries[3].topics = [0] }),
            ("order", { $0.entries.swapAt(0, 1) }),
            ("removed", { $0.entries.removeLast() }),
        ]
        changes.append(
            (
                "slug",
                { model in
                    var fields = model.entries[0].briefing.fields
                    fields.slug = Located("renamed", at: fields.slug.location)
                    model.entries[0].briefing.fields = fields
                }
            ))
        for (name, change) in changes {
            var changed = model
            change(&changed)
            XCTAssertNotEqual(SiteIndex.relatedKey(of: changed), key, name)
        }
    }

    func testKeptListsAreTakenForTheirKeyOnly() throws {
        let model = SiteIndexTests.model()
        let ranked = SiteIndex(model: model).related
        let cache = RelatedEntriesCache(path: TestPaths.temporaryFolder() + "/cache/related")
        let key = SiteIndex.relatedKey(of: model)
        XCTAssertNil(cache.load(key: key), "nothing kept yet")
        cache.save(key: key, lists: ranked)
        XCTAssertEqual(cache.load(key: key), ranked)
        XCTAssertNil(cache.load(key: key &+ 1))
        var other = cache
        other.brief = "another brief"
        XCTAssertNil(other.load(key: key))
        // Taken whole by the index, in place of ranking.
        let kept = ranked.map { _ in [0] }
        XCTAssertEqual(SiteIndex(model: model, related: kept).related, kept)
        XCTAssertEqual(SiteIndex(model: model, related: [[0]]).related, ranked, "not one list per entry")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: cache.path))
        XCTAssertNil(cache.load(key: key), "damaged")
    }
}
