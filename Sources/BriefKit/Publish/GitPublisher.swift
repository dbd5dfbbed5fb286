import Foundation

/// `brief publish --git REPO --branch B`: builds strictly into a temporary folder and commits
/// that tree as one new commit on branch B of REPO (local path or remote), on top of the
/// branch's history, with git plumbing in a private scratch repository — the user's own
/// working tree and index are never touched.
public struct GitPublisher: Sendable {
    public var siteRoot: String
    public var repository: String
    public var branch: String
    public var message: String?
    public var baseURL: String?

    public init(
        siteRoot: String, repository: String, branch: String, message: String? = nil, baseURL: String? = nil
    ) {
        self.siteRoot = siteRoot
        self.repository = repository
        self.branch = branch
        self.message = message
        self.baseURL = baseURL
    }

    /// The result of running git.
    struct Run {
        var status: Int32
        var output: String
    }

    static func git(_ arguments: [String], environment: [String: String] = [:], in folder: String? = nil)
        -> Run
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { env[key] = nil }
        // Transports that run commands (ext::, fd::) are never allowed, whatever the user's config.
        env["GIT_ALLOW_PROTOCOL"] = "file:git:http:https:ssh"
        process.environment = env.merging(environment) { _, new in new }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return Run(status: 127, output: "cannot run git: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Why a repository or branch value cannot be handed to git, or nil. A value that starts
    /// with `-` would be read as an option (`--upload-pack=…` runs a command).
    public static func refusal(repository: String, branch: String) -> String? {
        if repository.isEmpty { return "--git is empty; name a repository (a path or a URL)" }
        if repository.hasPrefix("-") {
            return
                "--git '\(repository)' starts with '-', which git would read as an option; write a path like ./\(repository)"
        }
        if repository.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "--git contains a control character"
        }
        let forbidden = CharacterSet(charactersIn: " ~^:?*[\\").union(.controlCharacters)
        if branch.isEmpty || branch.hasPrefix("-") || branch.hasPrefix("/") || branch.hasSuffix("/")
            || branch.hasSuffix(".lock") || branch.hasSuffix(".") || branch.contains("..")
            || branch.contains("@{")
            || branch.contains("//") || branch.unicodeScalars.contains(where: forbidden.contains)
        {
            return "--branch '\(branch)' is not a valid branch name"
        }
        return nil
    }

    public func publish() -> DirectoryPublisher.Report {
        if let refused = Self.refusal(repository: repository, branch: branch) {
            return .init(diagnostics: [.error(SourceLocation(path: repository), refused)], summary: nil)
        }
        let scratch = NSTemporaryDirectory() + "brief-publish-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let site = scratch + "/site"
        let result = SiteBuilder.buildForPublishing(siteRoot: siteRoot, output: site, baseURL: baseURL)
        guard let summary = result.summary else {
            return .init(diagnostics: result.printedDiagnostics, summary: nil)
        }
        func fail(_ message: String) -> DirectoryPublisher.Report {
            .init(
                diagnostics: result.printedDiagnostics + [.error(SourceLocation(path: repository), message)],
                summary: nil)
        }
        let gitDir = scratch + "/git"
        guard Self.git(["init", "-q", "--bare", "--", gitDir]).status == 0 else {
            return fail("cannot create a scratch git repository")
        }
        let env = ["GIT_DIR": gitDir, "GIT_WORK_TREE": site, "GIT_INDEX_FILE": scratch + "/index"]
        let ref = "refs/heads/\(branch)"
        let fetch = Self.git(
            ["fetch", "-q", "--", repository, "+\(ref):refs/brief/parent"], environment: env)
        let hasParent = fetch.status == 0
        if !hasParent && Self.git(["ls-remote", "--", repository], environment: env).status != 0 {
            return fail("cannot read the git repository: \(fetch.output)")
        }
        let add = Self.git(["add", "-A", "--", "."], environment: env, in: site)
        guard add.status == 0 else { return fail("git add failed: \(add.output)") }
        let tree = Self.git(["write-tree"], environment: env)
        guard tree.status == 0 else { return fail("git write-tree failed: \(tree.output)") }
        var report = DirectoryPublisher.Report(diagnostics: result.printedDiagnostics, summary: summary)
        if hasParent,
            Self.git(["rev-parse", "refs/brief/parent^{tree}"], environment: env).output == tree.output
        {
            report.messages = ["Nothing changed: \(branch) of \(repository) already holds this site."]
            return report
        }
        var commitArguments = ["commit-tree", tree.output, "-m", message ?? "Publish \(summary.counts)"]
        if hasParent { commitArguments += ["-p", "refs/brief/parent"] }
        let identity = Self.identity()
        let commit = Self.git(commitArguments, environment: env.merging(identity) { _, new in new })
        guard commit.status == 0 else { return fail("git commit-tree failed: \(commit.output)") }
        let push = Self.git(["push", "-q", "--", repository, "\(commit.output):\(ref)"], environment: env)
        guard push.status == 0 else { return fail("git push failed: \(push.output)") }
        report.messages = ["Committed \(commit.output.prefix(12)) to \(branch) of \(repository)."]
        return report
    }

    /// The committer: the user's git identity, or "brief" when none is configured.
    static func identity() -> [String: String] {
        let name = git(["config", "user.name"]).output
        let email = git(["config", "user.email"]).output
        var env: [String: String] = [:]
        if name.isEmpty {
            env["GIT_AUTHOR_NAME"] = "brief"
            env["GIT_COMMITTER_NAME"] = "brief"
        }
        if email.isEmpty {
            env["GIT_AUTHOR_EMAIL"] = "brief@localhost"
            env["GIT_COMMITTER_EMAIL"] = "brief@localhost"
        }
        return env
    }
}
