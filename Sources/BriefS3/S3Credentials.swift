import Foundation

/// An access key for S3: from the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
/// `AWS_SESSION_TOKEN`), else from `~/.aws/credentials` for `AWS_PROFILE` (default `default`).
public struct S3Credentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The credentials the environment gives, or why there are none.
    public static func find(environment: [String: String], home: String) -> Result<S3Credentials, S3Error> {
        if let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"],
            !id.isEmpty, !secret.isEmpty
        {
            return .success(
                S3Credentials(
                    accessKeyID: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"]))
        }
        let profile = environment["AWS_PROFILE"] ?? "default"
        let path = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
        let values = iniSection(path: path, section: profile)
        if let id = values["aws_access_key_id"], let secret = values["aws_secret_access_key"] {
            return .success(
                S3Credentials(
                    accessKeyID: id, secretAccessKey: secret, sessionToken: values["aws_session_token"]))
        }
        return .failure(
            .credentials(
                "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give profile '\(profile)' a key in \(path)"
            ))
    }

    /// The region: `AWS_REGION`, `AWS_DEFAULT_REGION`, else the profile's in `~/.aws/config`.
    public static func region(environment: [String: String], home: String) -> String? {
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"], !region.isEmpty {
            return region
        }
        let profile = environment["AWS_PROFILE"] ?? "default"
        let path = environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config"
        return iniSection(path: path, section: profile == "default" ? "default" : "profile \(profile)")[
            "region"]
            ?? iniSection(path: path, section: profile)["region"]
    }

    /// The `key = value` lines of `[section]` in an INI file.
    static func iniSection(path: String, section: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        var inSection = false
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                inSection = line == "[\(section)]"
                continue
            }
            guard inSection, !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=")
            else {
                continue
            }
            values[line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return values
    }
}

/// Why an S3 request failed, in one line for the user.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    case credentials(String)
    case unreachable(String)
    case noSuchBucket(String)
    case denied(String)
    case failed(String)

    public var description: String {
        switch self {
        case .credentials(let message), .unreachable(let message), .noSuchBucket(let message),
            .denied(let message), .failed(let message):
            message
        }
    }
}
