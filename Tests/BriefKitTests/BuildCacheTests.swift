import Foundation
import XCTest

@testable import BriefKit

/// The build cache: an unchanged site is not rebuilt, and a cached build is always
/// byte-identical to a cold one — after edits, option changes and hands in the output folder.
final class BuildCacheTests: FixtureSiteTestCase {
    func testAnUnchangedSiteIsUpToDateWithTheSameDiagnostics() throws {
        let first = build()
        XCTAssertEqual(first.summary?.upToDate, false)
        let second = build()
        XCTAssertEqual(second.summary?.upToDate, true)
        XCTAssertEqual(second.printedDiagnostics, first.printedDiagnostics)
        XCTAssertEqual(second.summary?.pages, first.summary?.pages)
        XCTAssertTrue(try XCTUnwrap(second.summary).line.hasPrefix("Up to date, nothing changed: "))
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testEveryKindOfChangeRebuildsToExactlyWhatAColdBuildWrites() throws {
        build()
        let edits: [(String, () throws -> Void)] = [
            (
                "entry body",
                {
                    let path = self.site + "/Content/briefings/2024-11-01-third.md"
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    try (text + "\nOne more paragraph.\n").write(
                        toFile: path, atomically: true, encoding: .utf8)
                }
            ),
            (
                "template",
                {
                    try FileManager.default.createDirectory(
                        atPath: self.site + "/Templates", withIntermediateDirectories: true)
                    try self.write("<p>{{page.title}}</p>\n", to: "Templates/404.mustache")
                }
            ),
            (
                "site.yml",
                {
                    let text = try String(contentsOfFile: self.site + "/site.yml", encoding: .utf8)
                    try self.write(
                        text.replacingOccurrences(of: "page_size: 2", with: "page_size: 1"), to: "site.yml")
                }
            ),
            (
                "media",
                { try self.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: "Content/media/map.svg") }
            ),
            ("new file", { try self.write("new static file\n", to: "Content/static/extra.txt") }),
            (
                "deleted file",
                { try FileManager.default.removeItem(atPath: self.site + "/Content/static/extra.txt") }
            ),
        ]
        for (name, edit) in edits {
            try edit()
            let result = build()
            XCTAssertEqual(result.summary?.upToDate, false, name)
            XCTAssertEqual(TreeSnapshot(output), coldTree(), name)
            XCTAssertEqual(build().summary?.upToDate, true, "\(name): built again, nothing changed")
        }
    }

    /// Inputs are stamped when read: a file whose stamp is unchanged is not read again, one
    /// touched but the same is read and found the same, and an edit of the same size is seen.
    func testInputStampsSpareReadingUnchangedFiles() throws {
        build()
        let third = site + "/Content/briefings/2024-11-01-third.md"
        // Stamps of files written within a second of the read are not trusted; age them.
        ageInputs()
        build()
        let record = try XCTUnwrap(BuildCache(siteRoot: site, outputPath: output).load())
        XCTAssertTrue(
            record.inputs.contains { $0.path == "Content/briefings/2024-11-01-third.md" && $0.stamp != nil })
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: third)
        XCTAssertEqual(build().summary?.upToDate, true, "touched, same bytes")
        let text = try String(contentsOfFile: third, encoding: .utf8)
        try text.replacingOccurrences(of: "Third body.", with: "Third BODY.").write(
            toFile: third, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: third)
        XCTAssertEqual(build().summary?.upToDate, false, "same size and modification time, new bytes")
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// An up-to-date build rewrites the record for the stamps of the files it read again only
    /// when they are more than one in 64: a few just-edited files are cheaper to read again.
    func testAnUpToDateBuildSavesNewStampsOnlyWhenThereAreMany() {
        func input(_ i: Int, modified: Int?) -> BuildCache.RecordedInput {
            BuildCache.RecordedInput(
                path: "Content/briefings/\(i).md",
                stamp: modified.map {
                    InputStamp(
                        size: 10, inode: UInt64(i), modified: $0, modifiedNanoseconds: 0, changed: $0,
                        changedNanoseconds: 0)
                }, hash: UInt64(i))
        }
        let recorded = (0..<128).map { input($0, modified: $0 < 3 ? nil : 100) }
        var read = recorded
        read[0] = input(0, modified: 200)
        read[1] = input(1, modified: 200)
        XCTAssertFalse(SiteBuilder.restampPays(recorded: recorded, read: read), "2 of 128")
        read[2] = input(2, modified: 200)
        XCTAssertTrue(SiteBuilder.restampPays(recorded: recorded, read: read), "3 of 128")
        XCTAssertFalse(SiteBuilder.restampPays(recorded: recorded, read: recorded), "none")
        XCTAssertTrue(
            SiteBuilder.restampPays(recorded: recorded, read: Array(read.prefix(100))), "other files")
    }

    /// Briefing bodies come from the cache while the site's links resolve as before: a marker
    /// put in place of each kept body shows on the pages until the link environment changes.
    func testBodiesAreTakenFromTheCacheWhileLinksResolveAsBefore() throws {
        build()
        var timer = StageTimer(enabled: false)
        let options = BuildOptions(siteRoot: site, writes: false, cache: false)
        let model = try XCTUnwrap(
            SiteBuilder(options: options).prepare(SiteInputs.read(root: site), timer: &timer).0?.model)
        let environment = SiteSession.linkEnvironment(model)
        let bodies = BuildCache(siteRoot: site, outputPath: output).bodies
        var kept: [UInt64: MarkdownRenderer.Output] = [:]
        for shard in 0..<BodyCache.shardCount {
            kept.merge(bodies.load(shard: shard, environment: environment)) { a, _ in a }
        }
        let keys = Array(kept.keys)
        XCTAssertEqual(keys.count, model.entries.count, "every briefing's body is kept")
        let marked = keys.map { key -> MarkdownRenderer.Output in
            var output = kept[key]!
            output.html = "<p>Taken from the cache.</p>"
            return output
        }
        bodies.save(environment: environment, keys: keys, outputs: marked, kept: .empty)
        // A change that leaves every body and link alone.
        let config = try String(contentsOfFile: site + "/site.yml", encoding: .utf8)
        try write(
            config.replacingOccurrences(of: "The end-to-end fixture site.", with: "Edited."), to: "site.yml")
        build()
        let page = output + "/briefings/third/index.html"
        XCTAssertTrue(try String(contentsOfFile: page, encoding: .utf8).contains("Taken from the cache."))
        // A new title reaches only the bodies with a wikilink to that briefing: the second links
        // to the first; the first's own wikilink names an actor, and the third has none.
        let first = site + "/Content/briefings/2024/10/2024-10-23-first.md"
        try String(contentsOfFile: first, encoding: .utf8).replacingOccurrences(
            of: "title: \"First: troops reported\"", with: "title: \"First, renamed\""
        ).write(toFile: first, atomically: true, encoding: .utf8)
        build()
        func cached(_ slug: String) throws -> Bool {
            try String(contentsOfFile: output + "/briefings/\(slug)/index.html", encoding: .utf8).contains(
                "Taken from the cache.")
        }
        XCTAssertTrue(try cached("third"))
        XCTAssertTrue(try cached("first"))
        XCTAssertFalse(try cached("second"))
        XCTAssertTrue(
            try String(contentsOfFile: output + "/briefings/second/index.html", encoding: .utf8).contains(
                "First, renamed"))
        // A new alias changes what mentions resolve to: every body is rendered again.
        try write(
            "---\nname: \"이재명\"\nslug: \"lee-jae-myung\"\nkind: person\naliases: [\"Lee Jae-myung\", \"Lee\"]\n---\nOpposition leader.\n",
            to: "Content/actors/lee-jae-myung.md")
        build()
        XCTAssertFalse(try String(contentsOfFile: page, encoding: .utf8).contains("Taken from the cache."))
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// Search words come from the cache while a briefing's texts are as they were: a word put
    /// into the kept words of the newest briefing (the last document) is in the index until
    /// that briefing's body changes.
    func testSearchWordsAreTakenFromTheCacheWhileTextsAreAsTheyWere() throws {
        build()
        let words = BuildCache(siteRoot: site, outputPath: output).searchWords
        var kept = try XCTUnwrap(words.load())
        XCTAssertEqual(kept.keys.count, 3, "every published briefing's words are kept")
        let marker = Array("cachedmarker".utf8)
        kept.termHashes.append(WordHasher.hash(marker))
        kept.termBytes += marker
        kept.termEnds.append(UInt32(kept.termBytes.count))
        kept.ids.append(UInt32(kept.termCount - 1))
        kept.weights.append(try XCTUnwrap(kept.weights.last))
        kept.wordEnds[kept.wordEnds.count - 1] += 1
        words.save(kept)
        func indexed() throws -> Bool {
            let folder = output + "/search/terms"
            return try FileManager.default.contentsOfDirectory(atPath: folder).contains {
                try String(contentsOfFile: folder + "/" + $0, encoding: .utf8).contains("cachedmarker")
            }
        }
        // A change that leaves every briefing's texts alone.
        let config = try String(contentsOfFile: site + "/site.yml", encoding: .utf8)
        try write(
            config.replacingOccurrences(of: "The end-to-end fixture site.", with: "Edited."), to: "site.yml")
        build()
        XCTAssertTrue(try indexed())
        try write(
            try String(contentsOfFile: site + "/Content/briefings/2024-11-01-third.md", encoding: .utf8)
                + "\nOne more paragraph.\n",
            to: "Content/briefings/2024-11-01-third.md")
        build()
        XCTAssertFalse(try indexed())
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    /// A build from the model the last build indexed (bodies edited alone) takes each
    /// document's front key (`SearchIndex.frontKey`) from the kept words instead of hashing its
    /// texts: a front key changed in the file then shows, as its document's words are read
    /// again. After any other edit the texts are hashed again.
    func testSearchFrontKeysAreTakenOnlyForTheModelTheyWereFoundIn() throws {
        build()
        ageInputs()
        let words = BuildCache(siteRoot: site, outputPath: output).searchWords
        let first = try XCTUnwrap(words.load())
        XCTAssertNotEqual(first.modelKey, 0)
        XCTAssertEqual(first.frontKeys.count, 3)
        // A word only the kept words of the oldest briefing (document 0) have, under its key as
        // the first build found it; with `changingFrontKey`, its front key changed.
        func mark(changingFrontKey: Bool) throws {
            var kept = try XCTUnwrap(words.load())
            kept.keys[0] = first.keys[0]
            kept.frontKeys[0] = first.frontKeys[0] ^ (changingFrontKey ? 1 : 0)
            let marker = Array("frontmarker".utf8)
            kept.termHashes.append(WordHasher.hash(marker))
            kept.termBytes += marker
            kept.termEnds.append(UInt32(kept.termBytes.count))
            let end = Int(kept.wordEnds[0])
            kept.ids.insert(UInt32(kept.termCount - 1), at: end)
            kept.weights.insert(kept.weights[0], at: end)
            kept.wordEnds = kept.wordEnds.map { $0 + 1 }
            words.save(kept)
        }
        func indexed() throws -> Bool {
            let folder = output + "/search/terms"
            return try FileManager.default.contentsOfDirectory(atPath: folder).contains {
                try String(contentsOfFile: folder + "/" + $0, encoding: .utf8).contains("frontmarker")
            }
        }
        let third = "Content/briefings/2024-11-01-third.md"
        try mark(changingFrontKey: false)
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        build()
        XCTAssertTrue(try indexed(), "document 0's words are taken while its key is as kept")
        try mark(changingFrontKey: true)
        try edit(third) { $0 + "\nAnd another.\n" }
        build()
        XCTAssertFalse(try indexed(), "the changed front key was taken: document 0 was read again")
        try mark(changingFrontKey: true)
        try edit(third) { $0.replacingOccurrences(of: "title: \"", with: "title: \"Retitled ") }
        build()
        XCTAssertTrue(try indexed(), "a title edit hashes every document's texts again")
        try edit("Content/briefings/2024/10/2024-10-23-first.md") { $0 + "\nA last paragraph.\n" }
        build()
        XCTAssertFalse(try indexed())
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testSearchRecordsAreTakenForTheSameListAndFacets() throws {
        build()
        ageInputs()
        let records = BuildCache(siteRoot: site, outputPath: output).searchWords.records
        let first = try XCTUnwrap(records.stored())
        XCTAssertFalse(first.records.isEmpty)
        var otherBrief = records
        otherBrief.brief = "brief 0.0.0 build another"
        XCTAssertNil(otherBrief.stored(), "records another brief kept")
        // Every kept record with a count no list has: a record taken shows it in the index.
        func mark() throws {
            let kept = try XCTUnwrap(records.stored())
            records.save(
                facets: kept.facets,
                records: kept.records.mapValues { record in
                    var record = record
                    record.count = 4242
                    return record
                })
        }
        func taken() throws -> Bool {
            try FileManager.default.subpathsOfDirectory(atPath: output + "/search").contains { path in
                guard path.hasSuffix(".json") else { return false }
                return try String(contentsOfFile: output + "/search/" + path, encoding: .utf8).contains(
                    "\"n\":4242")
            }
        }
        let third = "Content/briefings/2024-11-01-third.md"
        try mark()
        try edit(third) { $0 + "\nOne more paragraph.\n" }
        build()
        XCTAssertTrue(try taken(), "the records of lists a body edit left alone are taken")
        XCTAssertEqual(try XCTUnwrap(records.stored()).facets, first.facets)
        // Another actor for a briefing: every record is counted with other facets.
        try mark()
        try edit(third) {
            $0.replacingOccurrences(of: "\"Kim Jong Un\"]", with: "\"Kim Jong Un\", \"European Union\"]")
        }
        build()
        XCTAssertFalse(try taken(), "records counted with other facets are made again")
        XCTAssertNotEqual(try XCTUnwrap(records.stored()).facets, first.facets)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
        // A file cut short is not read.
        try mark()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: records.path))
        try bytes.dropLast(3).write(to: URL(fileURLWithPath: records.path))
        XCTAssertNil(records.stored())
        try edit(third) { $0 + "\nA last paragraph.\n" }
        build()
        XCTAssertFalse(try taken())
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testKeptBodiesKeepEveryPartOfTheirOutput() throws {
        let bodies = BodyCache(path: cacheFolder + "/bodies")
        let environment = ContentHash("an environment")
        var output = MarkdownRenderer.Output(
            html: "<p>Body</p>\n",
            diagnostics: [.note(SourceLocation(path: "a.md", line: 3, column: 2), "a note")],
            firstParagraph: nil, anchors: ["one", "two"],
            quotes: [Quote(actor: 3, text: "Said.", anchor: "quote-1")],
            links: [Located("/actors/x/", at: SourceLocation(path: "a.md", line: 4, column: 1))])
        output.lookups = [
            WikilinkLookup(
                kind: "briefing", target: "first", answer: .found(url: "briefings/first/", title: "First")),
            WikilinkLookup(kind: "actor", target: "Kim", answer: .found(url: "actors/kim/", title: nil)),
            WikilinkLookup(kind: "actor", target: "Lee", answer: .ambiguous(["Lee A", "Lee B"])),
            WikilinkLookup(kind: "topic", target: "Tropps", answer: .unknown(suggestion: "Troops")),
            WikilinkLookup(kind: "topic", target: "Nothing", answer: .unknown(suggestion: nil)),
        ]
        var second = output
        second.firstParagraph = "First."
        second.lookups = []
        // A large site's output is kept packed, as it is held.
        var packed = output
        packed.html = String(repeating: "<p>Packed body.</p>\n", count: 50)
        packed.pack()
        XCTAssertTrue(packed.isPacked)
        let keys: [UInt64] = [7, 7 + UInt64(BodyCache.shardCount), 7 + 2 * UInt64(BodyCache.shardCount)]
        bodies.save(environment: environment, keys: keys, outputs: [output, second, packed], kept: .empty)
        let loaded = bodies.load(shard: BodyCache.shard(of: 7), environment: environment)
        XCTAssertEqual(loaded[keys[2]]?.isPacked, true)
        XCTAssertEqual(loaded[keys[2]]?.htmlKey, packed.htmlKey)
        XCTAssertEqual(loaded[keys[0]]?.isPacked, false)
        for (key, expected) in zip(keys, [output, second, packed]) {
            var kept = try XCTUnwrap(loaded[key])
            XCTAssertEqual(kept.html, expected.html)
            // The key kept beside the HTML is the HTML's, and is dropped with it.
            XCTAssertEqual(kept.htmlKey, expected.htmlKey)
            kept.html = "<p>Changed.</p>\n"
            XCTAssertEqual(kept.htmlKey, ContentHash("<p>Changed.</p>\n").value)
            kept.html = expected.html
            XCTAssertEqual(kept.diagnostics, expected.diagnostics)
            XCTAssertEqual(kept.firstParagraph, expected.firstParagraph)
            XCTAssertEqual(kept.anchors, expected.anchors)
            XCTAssertEqual(kept.quotes, expected.quotes)
            XCTAssertEqual(kept.links, expected.links)
            XCTAssertEqual(kept.lookups, expected.lookups)
        }
        // Kept for another link environment, or by another brief: nothing is taken.
        XCTAssertTrue(bodies.load(shard: BodyCache.shard(of: 7), environment: ContentHash("other")).isEmpty)
        var otherBrief = bodies
        otherBrief.brief = "brief 0.0.0 build another"
        XCTAssertTrue(otherBrief.load(shard: BodyCache.shard(of: 7), environment: environment).isEmpty)
        // The HTML is read from the file only when asked for, and checked then: one byte of
        // the packed HTML changed (it would not unpack) gives no HTML, is noted, and the file
        // is removed; the other outputs of the file still read.
        let file = bodies.path + "/\(BodyCache.shard(of: 7))"
        let reads = KeptHTML.Reads()
        let held = bodies.load(shard: BodyCache.shard(of: 7), environment: environment, reads: reads)
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: file))
        guard case .packed(let packedText) = packed.storedHTML else { return XCTFail("not packed") }
        let packedBytes = packedText.packedBytes
        let at = try XCTUnwrap(bytes.firstRange(of: packedBytes)).lowerBound + packedBytes.count / 2
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: file))
        bytes[at] ^= 0x01
        try handle.seek(toOffset: UInt64(at))
        try handle.write(contentsOf: bytes[at...at])
        try handle.close()
        XCTAssertEqual(try XCTUnwrap(held[keys[2]]).html, "")
        XCTAssertEqual(reads.unreadable, [file])
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertEqual(try XCTUnwrap(held[keys[0]]).html, output.html)
        XCTAssertEqual(try XCTUnwrap(held[keys[1]]).html, second.html)
        XCTAssertEqual(reads.unreadable, [file])
        // A list whose bytes do not hash as written is not read at all.
        bodies.save(environment: environment, keys: keys, outputs: [output, second, packed], kept: .empty)
        var whole = try XCTUnwrap(FileManager.default.contents(atPath: file))
        whole[whole.count - 20] ^= 0x01
        try whole.write(to: URL(fileURLWithPath: file))
        XCTAssertTrue(bodies.load(shard: BodyCache.shard(of: 7), environment: environment).isEmpty)
    }

    func testAKeptBodyItsFileNoLongerHoldsStopsTheBuildAndTheNextRendersIt() throws {
        build()
        // Every kept body's HTML changed in place, as a damaged disk would: the list of each
        // file still reads, the HTML no longer hashes as listed.
        let folder = try XCTUnwrap(
            FileManager.default.enumerator(atPath: cacheFolder)?.compactMap { $0 as? String }
                .first { $0.hasSuffix(".bodies") })
        let shards = try FileManager.default.contentsOfDirectory(atPath: cacheFolder + "/" + folder)
            .filter { Int($0) != nil }
        XCTAssertFalse(shards.isEmpty)
        for shard in shards {
            let path = cacheFolder + "/" + folder + "/" + shard
            var bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
            let html = try XCTUnwrap(bytes.firstRange(of: Data("<p>".utf8)))
            bytes[html.lowerBound + 1] = UInt8(ascii: "q")
            try bytes.write(to: URL(fileURLWithPath: path))
        }
        let before = TreeSnapshot(output)
        // A site.yml edit renders every page, each briefing's from its kept body.
        let config = try String(contentsOfFile: site + "/site.yml", encoding: .utf8)
        try write(
            config.replacingOccurrences(of: "The end-to-end fixture site.", with: "Edited."), to: "site.yml")
        let failed = build()
        XCTAssertNil(failed.summary)
        let messages = failed.printedDiagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertFalse(messages.isEmpty)
        XCTAssertTrue(
            messages.allSatisfy {
                $0.contains("this build cache file no longer holds a body it listed")
                    && $0.contains("it is removed: build again")
            }, "\(messages)")
        XCTAssertEqual(TreeSnapshot(output), before, "a failed build leaves the output as it was")
        for shard in shards {
            XCTAssertFalse(FileManager.default.fileExists(atPath: cacheFolder + "/" + folder + "/" + shard))
        }
        XCTAssertNotNil(build().summary)
        XCTAssertEqual(TreeSnapshot(output), coldTree())
    }

    func testADamagedRecordIsNotTrusted() throws {
        build()
        let record = BuildCache(siteRoot: site, outputPath: output).path
        let text = try String(contentsOfFile: record, encoding: .utf8)
        // A hash digit that is no lowercase hex digit, then a record cut short: each is read as
        // no record, and the build reads the output folder instead.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = try XCTUnwrap(lines.dropLast().last)
        let fields = last.split(separator: " ")
        let damaged =
            fields[..<4].joined(separator: " ") + " " + "G" + fields[4].dropFirst() + " "
            + fields[5...].joined(separator: " ")
        for broken in [
            lines.dropLast(2).joined(separator: "\n") + "\n" + damaged + "\n",
            String(text.prefix(text.count / 2)) + "x",
        ] {
            try broken.write(toFile: record, atomically: true, encoding: .utf8)
            XCTAssertNil(BuildCache(siteRoot: site, outputPath: output).load())
            let result = build()
            XCTAssertEqual(result.summary?.upToDate, false)
            XCTAssertEqual(TreeSnapshot(output), coldTree())
            XCTAssertEqual(build().summary?.upToDate, true, "the record is whole again")
        }
    }

    func testOptionsArePartOfTheKey() {
        build()
        let drafts = build { $0.drafts = true }
        XCTAssertEqual(drafts.summary?.upToDate, false)
        XCTAssertEqual(TreeSnapshot(output), coldTree { $0.drafts = true })
        let based = build {
            $0.drafts = true
            $0.baseURL = "https://example.org/elsewhere/"
        }
        XCTAssertEqual(based.summary?.upToDate, false)
        XCTAssertEqual(
            build {
                $0.drafts = true
                $0.baseURL = "https://example.org/elsewhere/"
            }.summary?.upToDate, true)
    }

    func testHandsInTheOutputFolderAreUndone() throws {
        build()
        let expected = coldTree()
        let tamperings: [(String, () throws -> Void)] = [
            (
                "edited page",
                {
                    try "changed".write(
                        toFile: self.output + "/index.html", atomically: false, encoding: .utf8)
                }
            ),
            (
                "same size",
                {
                    let path = self.output + "/robots.txt"
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    try text.uppercased().write(toFile: path, atomically: false, encoding: .utf8)
                }
            ),
            (
                "added file",
                { try "x".write(toFile: self.output + "/stray.html", atomically: true, encoding: .utf8) }
            ),
            ("deleted file", { try FileManager.default.removeItem(atPath: self.output + "/feed.xml") }),
            (
                "file added deep inside",
                {
                    try "x".write(
                        toFile: self.output + "/briefings/third/stray.html", atomically: false,
                        encoding: .utf8)
                }
            ),
            (
                "folder added",
                {
                    try FileManager.default.createDirectory(
                        atPath: self.output + "/actors/nobody", withIntermediateDirectories: false)
                }
            ),
        ]
        for (name, tamper) in tamperings {
            try tamper()
            XCTAssertEqual(build().summary?.upToDate, false, name)
            XCTAssertEqual(TreeSnapshot(output), expected, name)
        }
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: output + "/actors/nobody"), "no stray folder survives")
    }

    func testNoCacheNeitherReadsNorWrites() throws {
        var options = BuildOptions(siteRoot: site, output: output, cache: false)
        XCTAssertEqual(SiteBuilder(options: options).build().summary?.upToDate, false)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheFolder), [])
        build()
        options.cache = false
        XCTAssertEqual(SiteBuilder(options: options).build().summary?.upToDate, false)
    }

    func testAFailedBuildLeavesNoRecordThatCouldServeIt() throws {
        build()
        try write("---\ntitle: [broken\n---\n", to: "Content/briefings/2024-11-01-third.md")
        XCTAssertNil(build().summary)
        XCTAssertNil(build().summary, "a broken site fails every time, never 'up to date'")
    }

    func testContentHashIsXXH64() {
        XCTAssertEqual(ContentHash("").description, "ef46db3751d8e999")
        XCTAssertEqual(ContentHash("a").description, "d24ec4f1a98c6e5b")
        XCTAssertEqual(ContentHash("abc").description, "44bc2cf5ad770999")
        XCTAssertEqual(
            ContentHash("Nobody inspects the spammish repetition").description, "fbcea83c8a378bf1")
    }
}
