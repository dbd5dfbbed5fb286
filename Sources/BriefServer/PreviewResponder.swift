import BriefKit
import Foundation
import Hummingbird

/// Answers every request of `serve` from the in-memory site: the right Content-Type, folders
/// by their index.html (301 to add the slash), the site's 404 page, HEAD, `no-store` caching,
/// live reload at `/__brief/events`, and refusal of any path that tries to leave the site.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let state: PreviewState
    /// The address `serve` listens on (`--host`), which requests must name in `Host`.
    let boundHost: String

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served.\n", head: false)
        }
        let head = request.method == .head
        guard HostCheck.allows(request.head.authority, boundHost: boundHost) else {
            return plain(
                .misdirectedRequest, "This preview answers only to its own address (\(boundHost)).\n",
                head: head)
        }
        let path = request.uri.path
        if path == LiveReload.eventsPath { return await events(head: head) }
        let basePath = await state.basePath
        if path == "/" && basePath != "/" { return redirect(basePath) }
        guard let site = await state.site else {
            let failure = await state.failure ?? []
            let page =
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>brief</title></head><body></body></html>"
            return html(
                .serviceUnavailable, LiveReload.inject(into: page, overlay: LiveReload.overlay(failure)),
                head: head)
        }
        switch RequestPath.resolve(request.uri.string, basePath: basePath, exists: { site.files[$0] != nil })
        {
        case .refused:
            return plain(.badRequest, "Refused: this path tries to leave the site.\n", head: head)
        case .redirect(let location):
            return redirect(location)
        case .notFound:
            let overlay = await overlay()
            let page =
                site.data(at: "404.html").map { String(decoding: $0, as: UTF8.self) } ?? "<h1>Not found</h1>"
            return html(.notFound, LiveReload.inject(into: page, overlay: overlay), head: head)
        case .file(let file):
            guard let data = site.data(at: file) else { return plain(.notFound, "Not found.\n", head: head) }
            if file.hasSuffix(".html") {
                let page = LiveReload.inject(
                    into: String(decoding: data, as: UTF8.self), overlay: await overlay())
                return html(.ok, page, head: head)
            }
            return respond(.ok, ContentTypes.type(for: file), ByteBuffer(bytes: data), head: head)
        }
    }

    private func overlay() async -> String? {
        guard let failure = await state.failure else { return nil }
        return LiveReload.overlay(failure)
    }

    private func events(head: Bool) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if head { return Response(status: .ok, headers: headers) }
        guard let stream = await state.subscribe() else {
            headers[.retryAfter] = "5"
            return Response(status: .serviceUnavailable, headers: headers)
        }
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event))
                }
                try await writer.finish(nil)
            })
    }

    private func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = "0"
        return Response(status: .movedPermanently, headers: headers)
    }

    private func html(_ status: HTTPResponse.Status, _ text: String, head: Bool) -> Response {
        respond(status, "text/html; charset=utf-8", ByteBuffer(string: text), head: head)
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, head: Bool) -> Response {
        respond(status, "text/plain; charset=utf-8", ByteBuffer(string: text), head: head)
    }

    private func respond(_ status: HTTPResponse.Status, _ type: String, _ body: ByteBuffer, head: Bool)
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(body.readableBytes)
        return Response(
            status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }
}
