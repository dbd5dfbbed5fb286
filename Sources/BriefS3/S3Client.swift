import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One bucket of an S3-compatible service, addressed path-style (`ENDPOINT/BUCKET/KEY`), with
/// every request signed. Requests block until answered; call them from several threads to
/// run them in parallel.
public final class S3Client: Sendable {
    public let endpoint: URL
    public let bucket: String
    let signer: SigV4
    let session: URLSession

    public init(endpoint: URL, bucket: String, region: String, credentials: S3Credentials) {
        self.endpoint = endpoint
        self.bucket = bucket
        signer = SigV4(credentials: credentials, region: region)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        configuration.httpMaximumConnectionsPerHost = 8
        session = URLSession(configuration: configuration)
    }

    /// The default endpoint of AWS S3 in `region`.
    public static func awsEndpoint(region: String) -> URL {
        URL(string: "https://s3.\(region).amazonaws.com")!
    }

    /// An answer: status, headers (lower-case names) and body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data

        /// The `<Code>` of an S3 error document.
        public var errorCode: String? {
            let text = String(decoding: body, as: UTF8.self)
            guard let start = text.range(of: "<Code>"),
                let end = text.range(of: "</Code>", range: start.upperBound..<text.endIndex)
            else { return nil }
            return String(text[start.upperBound..<end.lowerBound])
        }
    }

    /// Sends one signed request for `key` (nil: the bucket itself).
    public func send(
        _ method: String, key: String?, query: [(String, String)] = [], body: Data = Data(),
        headers extra: [String: String] = [:], date: Date = Date()
    ) -> Result<Response, S3Error> {
        let base =
            endpoint.absoluteString.hasSuffix("/")
            ? String(endpoint.absoluteString.dropLast()) : endpoint.absoluteString
        let basePath = endpoint.path == "/" ? "" : endpoint.path
        let path =
            basePath + "/" + SigV4.encode(bucket) + (key.map { "/" + SigV4.encode($0, slash: false) } ?? "")
        let queryString = query.map { SigV4.encode($0.0) + "=" + SigV4.encode($0.1) }.joined(separator: "&")
        guard
            let url = URL(
                string: base.dropLast(basePath.count) + path + (queryString.isEmpty ? "" : "?" + queryString))
        else { return .failure(.failed("cannot make a URL for '\(key ?? bucket)'")) }
        let amzDate = SigV4.amzDate(date)
        let payloadHash = SigV4.hash(body)
        var host = endpoint.host ?? ""
        if let port = endpoint.port { host += ":\(port)" }
        var headers = extra
        headers["host"] = host
        headers["x-amz-date"] = amzDate
        headers["x-amz-content-sha256"] = payloadHash
        if let token = signer.credentials.sessionToken { headers["x-amz-security-token"] = token }
        let authorization = signer.authorization(
            method: method, path: path, query: query, headers: headers, payloadHash: payloadHash,
            amzDate: amzDate)
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers where name != "host" {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        if !body.isEmpty || method == "PUT" { request.httpBody = body }
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, error in
            answer.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }.resume()
        done.wait()
        return answer.result(endpoint: endpoint)
    }

    /// The bucket exists and the credentials may use it; else the one-line reason.
    public func checkBucket() -> Result<Void, S3Error> {
        switch send("GET", key: nil, query: [("list-type", "2"), ("max-keys", "1")]) {
        case .failure(let error): return .failure(error)
        case .success(let response) where response.status == 200: return .success(())
        case .success(let response): return .failure(error(response, "the bucket"))
        }
    }

    /// The object at `key`, or nil when there is none.
    public func get(_ key: String) -> Result<Data?, S3Error> {
        switch send("GET", key: key) {
        case .failure(let error): return .failure(error)
        case .success(let response) where response.status == 200: return .success(response.body)
        case .success(let response) where response.status == 404 && response.errorCode != "NoSuchBucket":
            return .success(nil)
        case .success(let response): return .failure(error(response, key))
        }
    }

    public func put(_ key: String, body: Data, headers: [String: String]) -> Result<Void, S3Error> {
        switch send("PUT", key: key, body: body, headers: headers) {
        case .failure(let error): return .failure(error)
        case .success(let response) where (200..<300).contains(response.status): return .success(())
        case .success(let response): return .failure(error(response, key))
        }
    }

    public func delete(_ key: String) -> Result<Void, S3Error> {
        switch send("DELETE", key: key) {
        case .failure(let error): return .failure(error)
        case .success(let response) where (200..<300).contains(response.status) || response.status == 404:
            return .success(())
        case .success(let response): return .failure(error(response, key))
        }
    }

    /// What an error answer means, in one line.
    func error(_ response: Response, _ what: String) -> S3Error {
        let code = response.errorCode ?? "HTTP \(response.status)"
        if code == "NoSuchBucket" || (response.status == 404 && what == "the bucket") {
            return .noSuchBucket("bucket '\(bucket)' does not exist at \(endpoint.absoluteString)")
        }
        if ["InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken"].contains(code) {
            return .credentials(
                "\(endpoint.absoluteString) refused the credentials (\(code)): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the profile in ~/.aws/credentials"
            )
        }
        if response.status == 403 {
            return .denied("access to bucket '\(bucket)' was denied (\(code)) for \(what)")
        }
        return .failed("\(what): \(code) from \(endpoint.absoluteString)")
    }
}

/// The answer of one request, handed from URLSession's thread to the waiting one.
private final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: Error?

    func set(data: Data?, response: HTTPURLResponse?, error: Error?) {
        lock.lock()
        defer { lock.unlock() }
        (self.data, self.response, self.error) = (data, response, error)
    }

    func result(endpoint: URL) -> Result<S3Client.Response, S3Error> {
        lock.lock()
        defer { lock.unlock() }
        if let error {
            return .failure(
                .unreachable("cannot reach \(endpoint.absoluteString): \(error.localizedDescription)"))
        }
        guard let response else { return .failure(.unreachable("no answer from \(endpoint.absoluteString)")) }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            headers["\(name)".lowercased()] = "\(value)"
        }
        return .success(.init(status: response.statusCode, headers: headers, body: data ?? Data()))
    }
}
