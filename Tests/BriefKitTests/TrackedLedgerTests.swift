import Foundation
import XCTest
import Yams

@testable import BriefKit

/// The claims ledger against a naive recomputation straight from the front matter (read with
/// Yams, not brief's reader) on a generated site where many briefings share a day, steps leave
/// out status, source and credibility, and later texts differ from the first.
final class TrackedLedgerTests: XCTestCase {
    static let briefings = 300
    static let ids = (0..<15).map { "claim-\($0)" }
    static let sources = ["Alpha Agency", "Beta News", "Gamma Wire"]
    static let statuses = Briefing.Claim.Status.allCases.map(\.rawValue)

    /// A small deterministic generator, so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    static func makeSite() throws -> String {
        let root = TestPaths.temporaryFolder("brief-ledger")
        for folder in ["briefings", "sources"] {
            try FileManager.default.createDirectory(
                atPath: root + "/Content/" + folder, withIntermediateDirectories: true)
        }
        try "title: \"Ledger\"\nbase_url: \"https://ledger.example.org/\"\n".write(
            toFile: root + "/site.yml", atomically: true, encoding: .utf8)
        for (n, name) in sources.enumerated() {
            try "---\nname: \"\(name)\"\nreliability: \(["A", "C", "E"][n])\n---\n".write(
                toFile: root + "/Content/sources/s\(n).md", atomically: true, encoding: .utf8)
        }
        var random = Generator(state: 2024)
        for i in 0..<briefings {
            var yaml =
                "---\ntitle: \"Briefing \(i)\"\ndate: 2024-03-\(String(format: "%02d", 1 + random.next(12)))\n"
            if random.chance(70) { yaml += "source:\n  publisher: \"\(sources[random.next(3)])\"\n" }
            var claims = ""
            var used = Set<String>()
            for _ in 0..<random.next(4) {
                claims += "  - "
                if random.chance(75) {
                    let id = ids[random.next(ids.count)]
                    guard used.insert(id).inserted else {
                        claims += "claim: \"One-off in \(i)\"\n"
                        continue
                    }
                    // Every step carries text, so no id lacks it at its first appearance; one in
                    // five differs from the rest, which is a warning.
                    claims +=
                        "id: \(id)\n    claim: \"\(random.chance(20) ? "Variant of" : "Text of") \(id)\"\n"
                } else {
                    claims += "claim: \"One-off in \(i)\"\n"
                }
                if random.chance(60) { claims += "    status: \(statuses[random.next(statuses.count)])\n" }
                if random.chance(40) { claims += "    source: \"\(sources[random.next(3)])\"\n" }
                if random.chance(50) { claims += "    credibility: \(1 + random.next(6))\n" }
            }
            if !claims.isEmpty { yaml += "claims:\n" + claims }
            try (yaml + "---\nBody \(i).\n").write(
                toFile: root + "/Content/briefings/b-\(String(format: "%03d", i)).md", atomically: true,
                encoding: .utf8)
        }
        return root
    }

    /// One step as the naive reading sees it: the briefing's slug and what the step stands at.
    struct NaiveStep: Equatable {
        var slug: String
        var status: String
        var source: String?
        var credibility: Int?
    }

    /// Reads every briefing's front matter with Yams and replays the ledger's rules literally.
    static func naiveLedger(_ root: String) throws -> [String: (text: String, steps: [NaiveStep])] {
        var briefings: [(date: String, slug: String, front: [String: Any])] = []
        let folder = root + "/Content/briefings"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let yaml = text.components(separatedBy: "---\n")[1]
            let front = try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any])
            briefings.append(("\(front["date"]!)", String(name.dropLast(3)), front))
        }
        briefings.sort { $0.date != $1.date ? $0.date < $1.date : $0.slug < $1.slug }
        var ledger: [String: (text: String, steps: [NaiveStep])] = [:]
        for briefing in briefings {
            let publisher = (briefing.front["source"] as? [String: Any])?["publisher"] as? String
            for claim in briefing.front["claims"] as? [[String: Any]] ?? [] {
                guard let id = claim["id"] as? String else { continue }
                let written = (
                    status: claim["status"] as? String, source: claim["source"] as? String,
                    credibility: claim["credibility"] as? Int
                )
                if let last = ledger[id]?.steps.last {
                    ledger[id]!.steps.append(
                        NaiveStep(
                            slug: briefing.slug, status: written.status ?? last.status,
                            source: written.source ?? last.source,
                            credibility: written.credibility ?? last.credibility))
                } else {
                    let step = NaiveStep(
                        slug: briefing.slug, status: written.status ?? "alleged",
                        source: written.source ?? publisher,
                        credibility: written.credibility)
                    ledger[id] = (claim["claim"] as! String, [step])
                }
            }
        }
        return ledger
    }

    func testLedgerMatchesANaiveRecomputation() throws {
        let root = try Self.makeSite()
        let (sources, loadDiagnostics) = ContentLoader(root: root).load()
        XCTAssertEqual(loadDiagnostics.filter { $0.severity == .error }, [])
        let (resolved, diagnostics) = SiteResolver(includeDrafts: false).resolve(try XCTUnwrap(sources))
        let model = try XCTUnwrap(resolved, "\(diagnostics)")
        let naive = try Self.naiveLedger(root)

        XCTAssertEqual(model.claims.tracked.map(\.id), naive.keys.sorted())
        for claim in model.claims.tracked {
            let expected = try XCTUnwrap(naive[claim.id])
            XCTAssertEqual(claim.text, expected.text, claim.id)
            let steps = claim.steps.map { step -> NaiveStep in
                let entry = model.entries[step.entry]
                let resolved = entry.claims[step.item]
                return NaiveStep(
                    slug: entry.slug, status: resolved.status.rawValue,
                    source: resolved.source.map { model.sources[$0].name }, credibility: resolved.credibility)
            }
            XCTAssertEqual(steps, expected.steps, claim.id)
            for step in claim.steps {
                XCTAssertEqual(model.entries[step.entry].claims[step.item].text, expected.text)
            }
        }
        // Every later text that differs from the first is one warning.
        let variants = diagnostics.filter {
            $0.message.contains("has other text than where it first appears")
        }
        let expectedVariants = try naiveVariantCount(root, naive)
        XCTAssertEqual(variants.count, expectedVariants)
        XCTAssertGreaterThan(expectedVariants, 0, "the corpus exercises the warning")

        // Each source's track record counts its claims (any step citing it) by current status.
        let renderer = SiteRenderer(
            model: model, index: SiteIndex(model: model), theme: try XCTUnwrap(Theme.load(siteRoot: root).0),
            bodies: RenderedBodies.render(model, resolver: LinkResolver.forSite(model, basePath: "/")))
        for (id, source) in model.sources.enumerated() {
            var confirmed = 0
            var total = 0
            for (_, claim) in naive where claim.steps.contains(where: { $0.source == source.name }) {
                total += 1
                if claim.steps.last!.status == "confirmed" { confirmed += 1 }
            }
            let trackedRefs = renderer.index.claims.bySource[id].filter {
                if case .tracked = $0 { return true } else { return false }
            }
            let record = renderer.trackRecord(trackedRefs)
            XCTAssertEqual(record["total"], .int(total), source.name)
            XCTAssertEqual(record["confirmed"], .int(confirmed), source.name)
        }
    }

    /// How many steps after the first carry a text other than the first's.
    private func naiveVariantCount(_ root: String, _ naive: [String: (text: String, steps: [NaiveStep])])
        throws
        -> Int
    {
        var count = 0
        let folder = root + "/Content/briefings"
        for (id, claim) in naive {
            for step in claim.steps.dropFirst() {
                let text = try String(contentsOfFile: folder + "/" + step.slug + ".md", encoding: .utf8)
                let front = try Yams.load(yaml: text.components(separatedBy: "---\n")[1]) as! [String: Any]
                let written = (front["claims"] as! [[String: Any]]).first { $0["id"] as? String == id }!
                if written["claim"] as? String != claim.text { count += 1 }
            }
        }
        return count
    }
}
