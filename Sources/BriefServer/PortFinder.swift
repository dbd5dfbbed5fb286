import Foundation

/// Finds a free port: the one asked for, or the next free one with a message saying so.
enum PortFinder {
    static func available(host: String, from port: Int, log: (String) -> Void) throws -> Int {
        if port == 0 { return 0 }
        for candidate in port..<(port + 20) where canBind(host: host, port: candidate) {
            if candidate != port { log("port \(port) is busy; using \(candidate) instead") }
            return candidate
        }
        throw ServeError.busy(port)
    }

    static func canBind(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return false }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
    }
}

/// Why `serve` could not start.
public enum ServeError: Error, CustomStringConvertible {
    case busy(Int)

    public var description: String {
        switch self {
        case .busy(let port): "ports \(port) to \(port + 19) are all busy; choose another with --port"
        }
    }
}
