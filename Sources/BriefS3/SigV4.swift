import Crypto
import Foundation

/// AWS Signature Version 4: signs one request with an access key, for a region and service.
/// S3's flavour: the path is encoded once, as written, never normalised.
public struct SigV4: Sendable {
    public var credentials: S3Credentials
    public var region: String
    public var service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The hex SHA-256 of `data`: the payload hash the signature covers.
    public static func hash(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// `20150830T123600Z` for `date`.
    public static func amzDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// AWS's URI encoding: unreserved characters (A-Z a-z 0-9 - _ . ~) kept, every other byte
    /// as %XX in capitals; '/' kept when `slash` is false (paths), encoded otherwise (query).
    public static func encode(_ text: String, slash: Bool = true) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-_.~".contains(c)) || (!slash && c == "/") {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// The canonical request of a request: `path` is the encoded path, `query` the decoded
    /// name-value pairs, `headers` the headers to sign (names in any case).
    public static func canonicalRequest(
        method: String, path: String, query: [(String, String)], headers: [String: String],
        payloadHash: String
    ) -> (request: String, signedHeaders: String) {
        let encoded: [(name: String, value: String)] = query.map { (encode($0.0), encode($0.1)) }
        let sorted = encoded.sorted { a, b in a.name != b.name ? a.name < b.name : a.value < b.value }
        let canonicalQuery = sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
        let lowered = headers.map { (key: $0.key.lowercased(), value: $0.value) }.sorted { $0.key < $1.key }
        let canonicalHeaders = lowered.map { header in
            // Values trimmed, inner runs of spaces made one.
            let value = header.value.split(separator: " ", omittingEmptySubsequences: true).joined(
                separator: " ")
            return "\(header.key):\(value)\n"
        }.joined()
        let signedHeaders = lowered.map(\.key).joined(separator: ";")
        let request = [
            method, path.isEmpty ? "/" : path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        return (request, signedHeaders)
    }

    /// The `Authorization` header for a request signed at `amzDate` (`x-amz-date`, which
    /// `headers` must hold, with `host`).
    public func authorization(
        method: String, path: String, query: [(String, String)], headers: [String: String],
        payloadHash: String,
        amzDate: String
    ) -> String {
        let (request, signedHeaders) = Self.canonicalRequest(
            method: method, path: path, query: query, headers: headers, payloadHash: payloadHash)
        let day = String(amzDate.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Data(request.utf8))),
        ].joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        return
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
