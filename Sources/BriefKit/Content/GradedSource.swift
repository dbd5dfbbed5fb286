/// A source of reporting from `Content/sources/*.md`, graded on the Admiralty scale.
public struct GradedSource: Sendable {
    /// What kind of outlet or body a source is; the source index shows it.
    public enum Kind: String, Sendable, CaseIterable {
        case news, government, agency, ngo, social, other
    }

    /// Admiralty source reliability, A (completely reliable) to F (cannot be judged).
    public enum Reliability: String, Sendable, CaseIterable, Comparable {
        case a = "A"
        case b = "B"
        case c = "C"
        case d = "D"
        case e = "E"
        case f = "F"

        /// The grade's meaning in the Admiralty system.
        public var meaning: String {
            switch self {
            case .a: "completely reliable"
            case .b: "usually reliable"
            case .c: "fairly reliable"
            case .d: "not usually reliable"
            case .e: "unreliable"
            case .f: "reliability cannot be judged"
            }
        }

        public static func < (a: Reliability, b: Reliability) -> Bool { a.rawValue < b.rawValue }
    }

    /// Admiralty information credibility, 1 to 6: what each number means.
    public static func credibilityMeaning(_ credibility: Int) -> String {
        switch credibility {
        case 1: "confirmed by other sources"
        case 2: "probably true"
        case 3: "possibly true"
        case 4: "doubtful"
        case 5: "improbable"
        default: "truth cannot be judged"
        }
    }

    public var path: String
    public var name: String
    public var aliases: [Located<String>]
    public var kind: Kind?
    /// F (cannot be judged) when the file gives no grade.
    public var reliability: Reliability
    public var url: String?
    public var slug: Located<String>
    public var params: ParamValue
    /// Why the grade: shown on the source's page.
    public var body: String
    public var bodyFirstLine: Int
}
