/// The inputs a build record holds, found by path: first at the place asked, as a site read in
/// the same order (nothing added or removed) has each file where the record has it; else
/// through a table of paths, made once when first needed.
struct RecordedInputs: Sendable {
    let inputs: [BuildCache.RecordedInput]
    private let places: Lazy<[String: Int]>

    init(_ inputs: [BuildCache.RecordedInput]) {
        self.inputs = inputs
        places = Lazy { Dictionary(inputs.enumerated().map { ($1.path, $0) }) { first, _ in first } }
    }

    /// The recorded input with `path`, looked for first at `place`.
    func input(_ path: String, at place: Int) -> BuildCache.RecordedInput? {
        if place < inputs.count, inputs[place].path == path { return inputs[place] }
        return places.value[path].map { inputs[$0] }
    }
}
