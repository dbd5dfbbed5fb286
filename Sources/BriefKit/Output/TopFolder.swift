import CBriefSystem

/// The ext4 "top of a directory hierarchy" attribute (`chattr +T`): folders made in a folder
/// that has it are spread over the filesystem's block groups. Other filesystems lack it.
enum TopFolder {
    /// Sets or clears the attribute; false when the folder's filesystem does not have it.
    @discardableResult
    static func set(_ path: String, _ on: Bool) -> Bool { brief_set_top_folder(path, on ? 1 : 0) == 0 }

    /// Whether the folder has the attribute; nil when that cannot be told.
    static func isSet(_ path: String) -> Bool? {
        switch brief_is_top_folder(path) {
        case 1: true
        case 0: false
        default: nil
        }
    }
}
