import Foundation

/// The places no command may replace or delete, whatever the flags: the site itself and every
/// folder above it, its `Content/` and `Templates/` (an output there would be copied into the
/// next build), the user's home and the folders above it, the build cache, and brief's own
/// state and staging folders. Checked by real path, so no symlink or `..` gets around it.
public struct ProtectedPlaces: Sendable {
    let siteRoot: String
    let home: String?
    let cacheFolder: String?

    /// `siteRoot` is absolute; `home` is `$HOME` (nil when unset).
    public init(
        siteRoot: String, home: String? = ProcessInfo.processInfo.environment["HOME"],
        cacheFolder: String? = BuildCache.folder()
    ) {
        self.siteRoot = RealPath.of(siteRoot)
        self.home = home.flatMap { $0.isEmpty ? nil : RealPath.of(UserPath.normalize($0)) }
        self.cacheFolder = cacheFolder.map { RealPath.of(UserPath.normalize($0)) }
    }

    /// Why `target` (absolute) may not be written as an output or publish destination, or nil.
    /// `what` names it in the message ("the output folder", "the destination").
    public func refusal(_ target: String, what: String) -> String? {
        let real = RealPath.of(target)
        let shown = real == target ? "" : " (\(real))"
        if real == "/" { return "\(what) is the filesystem's root\(shown); refusing to replace it" }
        if real == siteRoot { return "\(what) is the site itself\(shown); refusing to replace it" }
        if RealPath.isInside(siteRoot, real) {
            return "\(what) contains the site\(shown); refusing to replace it"
        }
        for folder in ["Content", "Templates"] where RealPath.isInside(real, siteRoot + "/" + folder) {
            return
                "\(what) is inside the site's \(folder)/ folder\(shown); it would be copied into every later build; choose a folder outside \(folder)/"
        }
        if let home, RealPath.isInside(home, real) {
            return "\(what) is your home folder or contains it\(shown); refusing to replace it"
        }
        if let cacheFolder, RealPath.isInside(real, cacheFolder) || RealPath.isInside(cacheFolder, real) {
            return "\(what) holds brief's build cache (\(cacheFolder)); choose another folder"
        }
        let names = real.split(separator: "/")
        if names.contains(where: {
            $0.hasPrefix(".") && ($0.hasSuffix(".brief") || $0.contains(".brief-staging-"))
        }) {
            return "\(what) is inside one of brief's own state folders\(shown); choose another folder"
        }
        return nil
    }
}
