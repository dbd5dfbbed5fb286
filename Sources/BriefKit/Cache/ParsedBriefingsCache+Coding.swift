import Foundation

/// How `ParsedBriefingsCache` writes a parse: every field of `Briefing.Fields` but the body
/// (its hash and length instead), locations in the briefing's own file as a line and column
/// alone, and the warnings as JSON.
extension ByteWriter {
    mutating func parse(_ parse: BriefingParse) {
        let briefing = parse.briefing
        let fields = briefing.fields
        let file = fields.path
        string(file)
        string(fields.title)
        date(fields.date)
        flag(fields.updated != nil)
        if let updated = fields.updated { date(updated) }
        optional(fields.author)
        optional(fields.summary)
        located(fields.actors, in: file)
        located(fields.topics, in: file)
        flag(fields.source != nil)
        if let source = fields.source {
            for text in [source.title, source.publisher, source.author, source.editor, source.url] {
                optional(text)
            }
            flag(source.publisherLocation != nil)
            if let place = source.publisherLocation { location(place, in: file) }
        }
        count(fields.claims)
        for claim in fields.claims {
            optional(claim.text)
            located(claim.id, in: file)
            located(claim.by, in: file)
            optional(claim.status?.rawValue)
            located(claim.deniedBy, in: file)
            located(claim.source, in: file)
            optional(claim.credibility)
            optional(claim.note)
            location(claim.location, in: file)
        }
        count(fields.judgements)
        for judgement in fields.judgements {
            optional(judgement.text)
            located(judgement.id, in: file)
            optional(judgement.likelihood?.rawValue)
            optional(judgement.confidence?.rawValue)
            location(judgement.location, in: file)
        }
        count(fields.updates)
        for update in fields.updates {
            date(update.date)
            string(update.kind.rawValue)
            string(update.note)
            location(update.location, in: file)
        }
        count(fields.watch)
        for indicator in fields.watch {
            optional(indicator.text)
            located(indicator.id, in: file)
            optional(indicator.status?.rawValue)
            location(indicator.location, in: file)
        }
        flag(fields.image != nil)
        if let image = fields.image {
            located(image.path, in: file)
            string(image.alt)
        }
        flag(fields.draft)
        located(fields.slug, in: file)
        param(fields.params)
        signed(fields.bodyFirstLine)
        number(briefing.bodyHash.value)
        signed(briefing.bodyByteCount)
        diagnostics(parse.diagnostics)
    }

    mutating func flag(_ value: Bool) { number(value ? 1 : 0) }
    mutating func signed(_ value: Int) { number(UInt64(bitPattern: Int64(value))) }
    mutating func count<T>(_ values: [T]) { number(UInt64(values.count)) }

    /// A number that may be absent: whether it is there, then it (0 when not).
    mutating func optional(_ value: Int?) {
        flag(value != nil)
        signed(value ?? 0)
    }

    mutating func date(_ date: EntryDate) {
        for part in [date.year, date.month, date.day] { signed(part) }
        flag(date.time != nil)
        signed(date.time?.seconds ?? 0)
        signed(date.time?.offset ?? 0)
    }

    /// A location: a line and column when it is in `file`, else its path too.
    mutating func location(_ location: SourceLocation, in file: String) {
        flag(location.path == file)
        if location.path != file { string(location.path) }
        signed(location.line ?? -1)
        signed(location.column ?? -1)
    }

    mutating func located(_ value: Located<String>, in file: String) {
        string(value.value)
        location(value.location, in: file)
    }

    mutating func located(_ value: Located<String>?, in file: String) {
        flag(value != nil)
        if let value { located(value, in: file) }
    }

    mutating func located(_ values: [Located<String>], in file: String) {
        count(values)
        for value in values { located(value, in: file) }
    }

    mutating func param(_ value: ParamValue) {
        switch value {
        case .string(let text):
            number(0)
            string(text)
        case .int(let number):
            self.number(1)
            signed(number)
        case .double(let number):
            self.number(2)
            self.number(number.bitPattern)
        case .bool(let truth):
            number(3)
            flag(truth)
        case .null:
            number(4)
        case .list(let values):
            number(5)
            count(values)
            for value in values { param(value) }
        case .map(let pairs):
            number(6)
            count(pairs)
            for pair in pairs {
                string(pair.key)
                param(pair.value)
            }
        }
    }
}

extension ByteReader {
    /// A value that is not there or not what `ByteWriter.parse` writes.
    struct Unreadable: Error {}

    /// A parse written by `ByteWriter.parse`; nil when the bytes are not one.
    mutating func parse() -> BriefingParse? {
        try? readParse()
    }

    mutating func readParse() throws -> BriefingParse {
        let file = try text()
        let title = try text()
        let date = try readDate()
        let updated = try flag() ? try readDate() : nil
        let author = try maybeText()
        let summary = try maybeText()
        let actors = try locatedList(in: file)
        let topics = try locatedList(in: file)
        var source: Briefing.Source?
        if try flag() {
            let (title, publisher, author, editor, url) = (
                try maybeText(), try maybeText(), try maybeText(), try maybeText(), try maybeText()
            )
            let publisherLocation = try flag() ? try location(in: file) : nil
            source = Briefing.Source(
                title: title, publisher: publisher, publisherLocation: publisherLocation, author: author,
                editor: editor, url: url)
        }
        var claims: [Briefing.Claim] = []
        for _ in 0..<(try count()) {
            let text = try maybeText()
            let id = try maybeLocated(in: file)
            let by = try locatedList(in: file)
            let status = try raw(Briefing.Claim.Status.self)
            let deniedBy = try locatedList(in: file)
            let claimSource = try maybeLocated(in: file)
            let credibility = try maybeWhole()
            let note = try maybeText()
            claims.append(
                Briefing.Claim(
                    text: text, id: id, by: by, status: status, deniedBy: deniedBy, source: claimSource,
                    credibility: credibility, note: note, location: try location(in: file)))
        }
        var judgements: [Briefing.Judgement] = []
        for _ in 0..<(try count()) {
            judgements.append(
                Briefing.Judgement(
                    text: try maybeText(), id: try maybeLocated(in: file),
                    likelihood: try raw(Briefing.Judgement.Likelihood.self),
                    confidence: try raw(Briefing.Judgement.Confidence.self), location: try location(in: file))
            )
        }
        var updates: [Briefing.Update] = []
        for _ in 0..<(try count()) {
            let updateDate = try readDate()
            guard let kind = Briefing.Update.Kind(rawValue: try text()) else { throw Unreadable() }
            updates.append(
                Briefing.Update(
                    date: updateDate, kind: kind, note: try text(), location: try location(in: file)))
        }
        var watch: [Briefing.Indicator] = []
        for _ in 0..<(try count()) {
            watch.append(
                Briefing.Indicator(
                    text: try maybeText(), id: try maybeLocated(in: file),
                    status: try raw(Briefing.Indicator.Status.self), location: try location(in: file)))
        }
        let image = try flag() ? Briefing.Image(path: try located(in: file), alt: try text()) : nil
        let draft = try flag()
        let slug = try located(in: file)
        let params = try param()
        let bodyFirstLine = try signed()
        let bodyHash = try value()
        let bodyByteCount = try signed()
        guard let diagnostics = diagnostics() else { throw Unreadable() }
        var fields = Briefing.Fields(
            path: file, title: title, date: date, updated: updated, author: author, summary: summary,
            actors: actors, topics: topics, source: source, claims: claims, draft: draft, slug: slug,
            params: params, body: "", bodyFirstLine: bodyFirstLine)
        fields.judgements = judgements
        fields.updates = updates
        fields.watch = watch
        fields.image = image
        fields.keptBody = Briefing.KeptBody(hash: bodyHash, byteCount: bodyByteCount)
        return BriefingParse(briefing: Briefing(fields: fields), diagnostics: diagnostics)
    }

    mutating func value() throws -> UInt64 {
        guard let value = number() else { throw Unreadable() }
        return value
    }

    mutating func text() throws -> String {
        guard let text = string() else { throw Unreadable() }
        return text
    }

    mutating func maybeText() throws -> String? {
        guard let text = optional() else { throw Unreadable() }
        return text
    }

    mutating func flag() throws -> Bool { try value() == 1 }

    /// A number written by `ByteWriter.optional(_: Int?)`.
    mutating func maybeWhole() throws -> Int? {
        let present = try flag()
        let value = try signed()
        return present ? value : nil
    }
    mutating func signed() throws -> Int { Int(Int64(bitPattern: try value())) }

    /// A count of values to come: never more than the bytes left could hold.
    mutating func count() throws -> Int {
        let count = try value()
        guard count <= UInt64(bytes.count - position) else { throw Unreadable() }
        return Int(count)
    }

    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try maybeText() else { return nil }
        guard let value = T(rawValue: text) else { throw Unreadable() }
        return value
    }

    mutating func readDate() throws -> EntryDate {
        let (year, month, day) = (try signed(), try signed(), try signed())
        let timed = try flag()
        let (seconds, offset) = (try signed(), try signed())
        return EntryDate(year: year, month: month, day: day, time: timed ? (seconds, offset) : nil)
    }

    mutating func location(in file: String) throws -> SourceLocation {
        let path = try flag() ? file : try text()
        let (line, column) = (try signed(), try signed())
        return SourceLocation(path: path, line: line < 0 ? nil : line, column: column < 0 ? nil : column)
    }

    mutating func located(in file: String) throws -> Located<String> {
        let value = try text()
        return Located(value, at: try location(in: file))
    }

    mutating func maybeLocated(in file: String) throws -> Located<String>? {
        try flag() ? try located(in: file) : nil
    }

    mutating func locatedList(in file: String) throws -> [Located<String>] {
        var values: [Located<String>] = []
        for _ in 0..<(try count()) { values.append(try located(in: file)) }
        return values
    }

    mutating func param() throws -> ParamValue {
        switch try value() {
        case 0: return .string(try text())
        case 1: return .int(try signed())
        case 2: return .double(Double(bitPattern: try value()))
        case 3: return .bool(try flag())
        case 4: return .null
        case 5:
            var values: [ParamValue] = []
            for _ in 0..<(try count()) { values.append(try param()) }
            return .list(values)
        case 6:
            var pairs: [(key: String, value: ParamValue)] = []
            for _ in 0..<(try count()) { pairs.append((try text(), try param())) }
            return .map(pairs)
        default: throw Unreadable()
        }
    }
}
