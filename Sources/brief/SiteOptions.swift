import ArgumentParser

/// The options `build` and `check` share: which site, drafts, strictness and base URL.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site root (the folder with site.yml).", completion: .directory)
    var dir: String = "."

    @Flag(name: .long, help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat every warning as an error.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.")
    var baseURL: String?
}
