import CBriefSystem
import Foundation

/// brief's version, and an identity of this very binary for the build cache: a cache written
/// by another build of brief (even with the same version number) is never reused.
public enum BriefVersion {
    public static let string = "0.2.0"

    /// The version and the linker's build ID of the running executable (a hash of its bytes),
    /// else a hash of the executable file itself.
    public static let identity: String = {
        var buffer = [CChar](repeating: 0, count: 128)
        if brief_build_id(&buffer, Int32(buffer.count)) > 0 {
            let hex = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return "brief \(string) build \(String(decoding: hex, as: UTF8.self))"
        }
        let executable = FileBytes.read("/proc/self/exe") ?? Data()
        return "brief \(string) \(ContentHash(executable))"
    }()
}
