import Foundation

/// How `ResolvedModelCache` writes a model: its parts in order, with the parse cache's coders
/// for parameters, locations and dates (`ParsedBriefingsCache+Coding.swift`).
extension ByteWriter {
    mutating func resolvedModel(_ model: ResolvedModel) {
        count(model.entries)
        for entry in model.entries {
            string(entry.path)
            signed(entry.place)
            numbers(entry.actors)
            numbers(entry.topics)
            count(entry.claims)
            for claim in entry.claims {
                string(claim.text)
                optional(claim.status.rawValue)
                numbers(claim.by)
                numbers(claim.deniedBy)
                optional(claim.source)
                optional(claim.credibility)
                optional(claim.note)
                optional(claim.tracked)
            }
            optional(entry.source)
            count(entry.judgements)
            for judgement in entry.judgements {
                string(judgement.text)
                optional(judgement.likelihood.rawValue)
                optional(judgement.confidence.rawValue)
                optional(judgement.tracked)
            }
            count(entry.indicators)
            for indicator in entry.indicators {
                string(indicator.text)
                optional(indicator.status.rawValue)
                optional(indicator.tracked)
            }
            signed(entry.instant)
            numbers([entry.day.year, entry.day.month, entry.day.day])
        }
        count(model.actors)
        for actor in model.actors {
            string(actor.name)
            string(actor.slug)
            optional(actor.kind?.rawValue)
            strings(actor.aliases)
            optional(actor.role)
            optional(actor.affiliation)
            string(actor.profile)
            optional(actor.path)
            signed(actor.bodyFirstLine)
            param(actor.params)
        }
        count(model.topics)
        for topic in model.topics {
            string(topic.name)
            string(topic.slug)
            strings(topic.aliases)
            optional(topic.summary)
            string(topic.description)
            optional(topic.path)
            signed(topic.bodyFirstLine)
            param(topic.params)
        }
        count(model.sources)
        for source in model.sources {
            string(source.name)
            string(source.slug)
            strings(source.aliases)
            optional(source.kind?.rawValue)
            optional(source.reliability.rawValue)
            optional(source.url)
            string(source.about)
            string(source.path)
            signed(source.bodyFirstLine)
            param(source.params)
        }
        for ledger in [model.claims, model.judgements, model.indicators] {
            count(ledger.tracked)
            for thread in ledger.tracked {
                string(thread.id)
                string(thread.text)
                numbers(thread.steps.flatMap { [$0.entry, $0.item] })
            }
        }
        count(model.pages)
        for page in model.pages {
            string(page.path)
            string(page.title)
            optional(page.description)
            located(page.slug, in: page.path)
            param(page.params)
            string(page.body)
            signed(page.bodyFirstLine)
        }
        for files in [model.media, model.statics] {
            count(files)
            for file in files {
                string(file.sourcePath)
                string(file.outputPath)
                string(file.displayPath)
            }
        }
        diagnostics(model.loadDiagnostics)
        diagnostics(model.resolveDiagnostics)
    }

    private mutating func numbers(_ values: [Int]) {
        count(values)
        for value in values { signed(value) }
    }

    private mutating func strings(_ values: [String]) {
        count(values)
        for value in values { string(value) }
    }
}

extension ByteReader {
    /// A model written by `ByteWriter.resolvedModel`; throws when the bytes are not one.
    mutating func resolvedModel() throws -> ResolvedModel {
        var entries: [ResolvedModel.Entry] = []
        let entryCount = try count()
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let path = try text()
            let place = try signed()
            let (actors, topics) = (try numbers(), try numbers())
            var claims: [SiteModel.ResolvedClaim] = []
            for _ in 0..<(try count()) {
                let text = try text()
                guard let status = try raw(Briefing.Claim.Status.self) else { throw Unreadable() }
                var claim = SiteModel.ResolvedClaim(
                    text: text, status: status, by: try numbers(), deniedBy: try numbers())
                claim.source = try maybeWhole()
                claim.credibility = try maybeWhole()
                claim.note = try maybeText()
                claim.tracked = try maybeWhole()
                claims.append(claim)
            }
            let source = try maybeWhole()
            var judgements: [SiteModel.ResolvedJudgement] = []
            for _ in 0..<(try count()) {
                let text = try text()
                guard let likelihood = try raw(Briefing.Judgement.Likelihood.self),
                    let confidence = try raw(Briefing.Judgement.Confidence.self)
                else { throw Unreadable() }
                var judgement = SiteModel.ResolvedJudgement(
                    text: text, likelihood: likelihood, confidence: confidence)
                judgement.tracked = try maybeWhole()
                judgements.append(judgement)
            }
            var indicators: [SiteModel.ResolvedIndicator] = []
            for _ in 0..<(try count()) {
                let text = try text()
                guard let status = try raw(Briefing.Indicator.Status.self) else { throw Unreadable() }
                var indicator = SiteModel.ResolvedIndicator(text: text, status: status)
                indicator.tracked = try maybeWhole()
                indicators.append(indicator)
            }
            let instant = try signed()
            let day = try numbers()
            guard day.count == 3 else { throw Unreadable() }
            entries.append(
                ResolvedModel.Entry(
                    path: path, place: place, actors: actors, topics: topics, claims: claims, source: source,
                    judgements: judgements, indicators: indicators, instant: instant,
                    day: CalendarDay(year: day[0], month: day[1], day: day[2])))
        }
        var actors: [SiteModel.ActorRecord] = []
        for _ in 0..<(try count()) {
            let (name, slug) = (try text(), try text())
            let kind = try raw(Actor.Kind.self)
            let aliases = try strings()
            let role = try maybeText()
            let affiliation = try maybeWhole()
            actors.append(
                SiteModel.ActorRecord(
                    name: name, slug: slug, kind: kind, aliases: aliases, role: role,
                    affiliation: affiliation,
                    profile: try text(), path: try maybeText(), bodyFirstLine: try signed(),
                    params: try param()))
        }
        var topics: [SiteModel.TopicRecord] = []
        for _ in 0..<(try count()) {
            topics.append(
                SiteModel.TopicRecord(
                    name: try text(), slug: try text(), aliases: try strings(), summary: try maybeText(),
                    description: try text(), path: try maybeText(), bodyFirstLine: try signed(),
                    params: try param()))
        }
        var sources: [SiteModel.SourceRecord] = []
        for _ in 0..<(try count()) {
            let (name, slug, aliases) = (try text(), try text(), try strings())
            let kind = try raw(GradedSource.Kind.self)
            guard let reliability = try raw(GradedSource.Reliability.self) else { throw Unreadable() }
            sources.append(
                SiteModel.SourceRecord(
                    name: name, slug: slug, aliases: aliases, kind: kind, reliability: reliability,
                    url: try maybeText(), about: try text(), path: try text(), bodyFirstLine: try signed(),
                    params: try param()))
        }
        var ledgers: [TrackedLedger] = []
        for _ in 0..<3 {
            var ledger = TrackedLedger()
            for _ in 0..<(try count()) {
                let (id, text, steps) = (try self.text(), try self.text(), try numbers())
                guard steps.count % 2 == 0 else { throw Unreadable() }
                ledger.tracked.append(
                    TrackedLedger.Thread(
                        id: id, text: text,
                        steps: stride(from: 0, to: steps.count, by: 2).map {
                            TrackedLedger.Step(entry: steps[$0], item: steps[$0 + 1])
                        }))
            }
            ledgers.append(ledger)
        }
        var pages: [StaticPage] = []
        for _ in 0..<(try count()) {
            let (path, title, description) = (try text(), try text(), try maybeText())
            pages.append(
                StaticPage(
                    path: path, title: title, description: description, slug: try located(in: path),
                    params: try param(), body: try text(), bodyFirstLine: try signed()))
        }
        var copies: [[SiteSources.CopiedFile]] = []
        for _ in 0..<2 {
            var files: [SiteSources.CopiedFile] = []
            for _ in 0..<(try count()) {
                files.append(
                    SiteSources.CopiedFile(
                        sourcePath: try text(), outputPath: try text(), displayPath: try text()))
            }
            copies.append(files)
        }
        guard let loadDiagnostics = diagnostics(), let resolveDiagnostics = diagnostics() else {
            throw Unreadable()
        }
        return ResolvedModel(
            entries: entries, actors: actors, topics: topics, sources: sources, ledgers: ledgers,
            pages: pages,
            media: copies[0], statics: copies[1], loadDiagnostics: loadDiagnostics,
            resolveDiagnostics: resolveDiagnostics)
    }

    private mutating func numbers() throws -> [Int] {
        var values: [Int] = []
        for _ in 0..<(try count()) { values.append(try signed()) }
        return values
    }

    private mutating func strings() throws -> [String] {
        var values: [String] = []
        for _ in 0..<(try count()) { values.append(try text()) }
        return values
    }
}
