/// The build cache's key for a site as read: it belongs to the build, not to Content (which
/// knows nothing of build options).
extension SiteInputs {
    /// The build key: brief's own identity, the options that shape output, and every input's
    /// path and content hash. Equal keys mean byte-identical output.
    public func key(options: BuildOptions) -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(BriefVersion.identity)
        hasher.combine("drafts=\(options.drafts) strict=\(options.strict) links=\(options.checkLinks)")
        hasher.combine("base-url=\(options.baseURL ?? "")")
        for file in [config].compactMap({ $0 }) + content + templates {
            hasher.combine(file.relativePath)
            hasher.combine(file.hash)
        }
        return hasher.finalize()
    }
}
