import Foundation

/// A build that changes a few inputs and output files (bodies edited) writes what changed
/// beside the record file, in its journal (`<record>.journal`), instead of the whole record:
/// the changed inputs, folders and files by their place in the record file, and the build's
/// key, summary and diagnostics. The journal names the record file it changes (the number
/// the file's first line ends with) and ends with a hash of what it holds; a journal of
/// another record file is not read, and a damaged one makes the record unreadable. A build
/// about to change the output folder first writes a journal that says so ("open"): the record
/// is then unreadable until the build saves it, so a build killed part-way leaves none.
extension BuildCache {
    /// What a journal changes in its record file, by place.
    struct Journal: Sendable {
        var inputs: [Int: RecordedInput] = [:]
        var folders: [Int: Stamp] = [:]
        var files: [Int: (stamp: Stamp, hash: UInt64)] = [:]

        var count: Int { inputs.count + folders.count + files.count }

        init() {}

        /// The changes from the record file `previous` was read from to `record`: the ones
        /// `previous`'s journal made, and those from `previous` to `record`. Nil when they are
        /// not changes in place (an input, folder or file added, removed or moved) or are too
        /// many to pay (the record file is then written whole).
        init?(from previous: Record, to record: Record) {
            guard previous.nonce != 0, previous.inputs.count == record.inputs.count,
                previous.folders.count == record.folders.count, previous.files.count == record.files.count,
                record.hashes.count == record.files.count
            else { return nil }
            self = previous.journal
            for i in record.inputs.indices where record.inputs[i] != previous.inputs[i] {
                guard record.inputs[i].path == previous.inputs[i].path else { return nil }
                inputs[i] = record.inputs[i]
            }
            for i in record.folders.indices where record.folders[i] != previous.folders[i] {
                guard record.folders[i].path == previous.folders[i].path else { return nil }
                folders[i] = record.folders[i]
            }
            for i in record.files.indices
            where record.files[i] != previous.files[i] || record.hashes[i] != previous.hashes[i] {
                guard record.files[i].path == previous.files[i].path else { return nil }
                files[i] = (record.files[i], record.hashes[i])
            }
            guard count <= Self.limit(record) else { return nil }
        }

        /// The most changes a journal holds before the record file is written whole: reading
        /// them costs each build a little, and writing them whole costs one build once.
        static func limit(_ record: Record) -> Int {
            max(1_024, (record.inputs.count + record.files.count) / 16)
        }
    }

    var journalPath: String { path + ".journal" }

    private static let journalFormat = "brief-build-journal 1"

    /// Writes `journal` with `record`'s key, summary and diagnostics, for the record file
    /// numbered `nonce`; false when it could not be written.
    func writeJournal(_ journal: Journal, of record: Record, nonce: UInt64) -> Bool {
        var text = RecordWriter()
        text.append("\(Self.journalFormat) \(String(nonce, radix: 16))\n")
        guard text.outcome(of: record) else { return false }
        text.append("inputs \(journal.inputs.count)\n")
        for (i, input) in journal.inputs.sorted(by: { $0.key < $1.key }) {
            text.number(i)
            text.input(input)
        }
        text.append("folders \(journal.folders.count)\n")
        for (i, stamp) in journal.folders.sorted(by: { $0.key < $1.key }) {
            text.number(i)
            text.stamp(stamp, hash: nil)
        }
        text.append("files \(journal.files.count)\n")
        for (i, file) in journal.files.sorted(by: { $0.key < $1.key }) {
            text.number(i)
            text.stamp(file.stamp, hash: file.hash)
        }
        // "end", the hash of every byte before it, and a space.
        let seal = ContentHash(text.bytes).value
        text.append("end ")
        text.hex(seal)
        text.append("\n")
        return
            (try? Data(adopting: text.bytes).write(to: URL(fileURLWithPath: journalPath), options: .atomic))
            != nil
    }

    /// Writes the journal that makes the record file numbered `nonce` unreadable; false when
    /// it could not be written.
    func writeOpenJournal(nonce: UInt64) -> Bool {
        let text = "\(Self.journalFormat) \(String(nonce, radix: 16)) open\n"
        return (try? Data(text.utf8).write(to: URL(fileURLWithPath: journalPath), options: .atomic)) != nil
    }

    /// Makes the changes of the journal of `record`'s file, if it has one; false when the
    /// record must not be trusted (a build was writing the output, or the journal is damaged).
    func applyingJournal(to record: inout Record) -> Bool {
        guard let data = FileBytes.read(journalPath) else { return true }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var reader = LineReader(bytes: bytes)
            let prefix = Self.journalFormat + " "
            guard let first = reader.text(), first.hasPrefix(prefix) else { return false }
            let rest = first.dropFirst(prefix.count).split(separator: " ")
            // Another record file's journal, left when this one replaced it.
            guard let nonce = rest.first.flatMap({ UInt64($0, radix: 16) }), nonce == record.nonce else {
                return true
            }
            guard rest.count == 1 else { return false }
            // The last line: "end ", the hash of every byte before it, a space.
            var last = FieldReader(bytes: UnsafeBufferPointer(rebasing: bytes[max(0, bytes.count - 18)...]))
            guard bytes.count > 22, bytes[bytes.count - 1] == UInt8(ascii: "\n"), let seal = last.hex(),
                bytes[(bytes.count - 22)..<(bytes.count - 18)].elementsEqual("end ".utf8),
                ContentHash(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 22)])).value == seal
            else { return false }
            guard let (key, summary, diagnostics) = reader.outcome() else { return false }
            var journal = Journal()
            /// A line's place, and the rest of it.
            func placed(below limit: Int) -> (Int, FieldReader)? {
                guard let line = reader.line() else { return nil }
                var fields = FieldReader(bytes: line)
                guard let i = fields.number(), i < limit else { return nil }
                return (i, fields)
            }
            guard let inputCount = reader.count("inputs") else { return false }
            for _ in 0..<inputCount {
                guard let (i, fields) = placed(below: record.inputs.count), let input = fields.input(),
                    input.path == record.inputs[i].path
                else { return false }
                journal.inputs[i] = input
            }
            guard let folderCount = reader.count("folders") else { return false }
            for _ in 0..<folderCount {
                guard let (i, fields) = placed(below: record.folders.count),
                    let (stamp, _) = fields.stamp(hashed: false), stamp.path == record.folders[i].path
                else { return false }
                journal.folders[i] = stamp
            }
            guard let fileCount = reader.count("files") else { return false }
            for _ in 0..<fileCount {
                guard let (i, fields) = placed(below: record.files.count),
                    let (stamp, hash) = fields.stamp(hashed: true), stamp.path == record.files[i].path
                else { return false }
                journal.files[i] = (stamp, hash)
            }
            (record.key, record.summary, record.diagnostics) = (key, summary, diagnostics)
            for (i, input) in journal.inputs { record.inputs[i] = input }
            for (i, stamp) in journal.folders { record.folders[i] = stamp }
            for (i, file) in journal.files { (record.files[i], record.hashes[i]) = (file.stamp, file.hash) }
            record.journal = journal
            return true
        }
    }
}
