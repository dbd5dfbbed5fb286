import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP/1.1 client over a POSIX socket, so tests can send the exact bytes of hostile
/// paths (`..%2f`, backslashes) that URL libraries would clean up first.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func connect(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// One request with `Connection: close`; the raw path is sent as it is.
    static func request(port: Int, _ path: String, method: String = "GET") -> Response? {
        guard let fd = connect(port: port) else { return nil }
        defer { close(fd) }
        send(fd, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else {
            return nil
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }

    /// An open Server-Sent-Events connection, read incrementally.
    final class EventStream {
        let fd: Int32
        private(set) var received = ""

        init?(port: Int) {
            guard let fd = RawHTTP.connect(port: port) else { return nil }
            self.fd = fd
            RawHTTP.send(fd, "GET /__brief/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        }

        /// Reads until `text` has arrived (after what was seen before) or `seconds` pass.
        func wait(for text: String, after previous: Int = 0, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 65536)
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            while Date() < deadline {
                if received.utf8.count > previous,
                    String(received.utf8.dropFirst(previous)).map({ $0.contains(text) }) == true
                {
                    return true
                }
                let count = recv(fd, &buffer, buffer.count, 0)
                if count == 0 { return false }
                if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
            }
            return false
        }

        deinit { close(fd) }
    }
}
