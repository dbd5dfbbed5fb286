import ArgumentParser
import BriefKit
import BriefS3
import Foundation

/// `brief publish`: a clean strict build, switched into a folder atomically or committed to a git branch.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Publish a clean strict build to a folder (atomic switch, one rollback), a git branch, or an S3-compatible bucket."
    )

    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String = "."

    @Option(name: .long, help: "The folder to publish into.")
    var to: String?

    @Flag(name: .long, help: "Print what would be added, changed and removed; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Switch back to the previous published version.")
    var rollback = false

    @Flag(
        name: .long, help: "Publish over a folder brief did not publish (its files go to the rollback slot).")
    var force = false

    @Option(name: .long, help: "A git repository (path or URL) to commit the site to.")
    var git: String?

    @Option(name: .long, help: "The branch for --git.")
    var branch: String = "gh-pages"

    @Option(name: .long, help: "The commit message for --git.")
    var message: String?

    @Option(
        name: .long, help: "An S3-compatible bucket and prefix to upload the site to: s3://BUCKET/PREFIX.")
    var s3: String?

    @Option(
        name: .long,
        help: "The S3 endpoint for --s3 (R2, B2, MinIO…; path-style). Default: AWS S3 in the region.")
    var endpoint: String?

    @Option(
        name: .long, help: "The region for --s3. Default: AWS_REGION, the profile's region, or us-east-1.")
    var region: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?

    func validate() throws {
        guard [to, git, s3].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --to DEST, --git REPO or --s3 s3://BUCKET/PREFIX")
        }
        if git != nil && (dryRun || rollback || force) {
            throw ValidationError("--dry-run, --rollback and --force apply to --to only")
        }
        if s3 != nil && (rollback || force) {
            throw ValidationError("--rollback and --force apply to --to only")
        }
        if (endpoint != nil || region != nil) && s3 == nil {
            throw ValidationError("--endpoint and --region apply to --s3 only")
        }
        if let s3, case .failure(let error) = S3Publisher.Location.parse(s3) {
            throw ValidationError(error.description)
        }
        if let endpoint {
            guard let url = URL(string: endpoint),
                ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false
            else {
                throw ValidationError(
                    "--endpoint must be an http(s) URL with a host, like https://ACCOUNT.r2.cloudflarestorage.com; found '\(endpoint)'"
                )
            }
        }
        if dryRun && rollback { throw ValidationError("--dry-run and --rollback cannot be combined") }
        if to?.isEmpty == true { throw ValidationError("--to is empty; name a folder to publish into") }
        if let git, let refused = GitPublisher.refusal(repository: git, branch: branch) {
            throw ValidationError(refused)
        }
    }

    func run() throws {
        if let s3 { return try publishToS3(s3) }
        let report: DirectoryPublisher.Report
        if let git {
            report = GitPublisher(
                siteRoot: dir, repository: git, branch: branch, message: message, baseURL: baseURL
            )
            .publish()
        } else {
            let publisher = DirectoryPublisher(
                siteRoot: dir, destination: to!, force: force, baseURL: baseURL)
            report = rollback ? publisher.rollback() : dryRun ? publisher.dryRun() : publisher.publish()
        }
        try SiteFailure.report(report.diagnostics, succeeded: report.succeeded)
        guard let summary = report.summary else { return }
        if let changes = report.changes {
            print(changes.report)
            return
        }
        if report.messages.isEmpty {
            print("Published \(summary.counts) to \(to ?? "") (\(summary.pages) pages).")
        }
        for message in report.messages { print(message) }
    }

    /// `--s3`: credentials and region from the environment or ~/.aws, then the upload.
    func publishToS3(_ target: String) throws {
        let location = try S3Publisher.Location.parse(target).get()
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        let credentials: S3Credentials
        switch S3Credentials.find(environment: environment, home: home) {
        case .success(let found): credentials = found
        case .failure(let error): throw SiteFailure(report: "\(target): error: \(error)")
        }
        let region = region ?? S3Credentials.region(environment: environment, home: home) ?? "us-east-1"
        let url = endpoint.flatMap(URL.init(string:)) ?? S3Client.awsEndpoint(region: region)
        let client = S3Client(
            endpoint: url, bucket: location.bucket, region: region, credentials: credentials)
        var publisher = S3Publisher(
            siteRoot: dir, location: location, client: client, dryRun: dryRun, baseURL: baseURL)
        publisher.progress = { print($0) }
        let outcome = publisher.publish()
        try SiteFailure.report(outcome.report.diagnostics, succeeded: outcome.report.succeeded)
        if let changes = outcome.report.changes {
            print(changes.report)
            print("\(outcome.unchanged) unchanged; nothing was sent (--dry-run)")
            return
        }
        for message in outcome.report.messages { print(message) }
    }
}
