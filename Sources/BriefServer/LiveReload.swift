import BriefKit
import Foundation

/// The script `serve` adds to every HTML page it serves (never to files on disk): it listens
/// to `/__brief/events`, reloads on `reload`, and shows the diagnostics of a failed rebuild
/// in an overlay on `error`.
enum LiveReload {
    static let eventsPath = "/__brief/events"

    static let script = """
        <script>(function(){var s=new EventSource("\(eventsPath)");\
        s.addEventListener("reload",function(){location.reload()});\
        s.addEventListener("error",function(e){if(e.data===undefined)return;\
        var o=document.getElementById("__brief_overlay");\
        if(!o){o=document.createElement("pre");o.id="__brief_overlay";document.body.appendChild(o)}\
        o.setAttribute("role","alert");o.style.cssText="\(overlayStyle)";o.textContent=e.data})})();</script>
        """

    static let overlayStyle =
        "position:fixed;inset:0;margin:0;padding:2rem;background:rgba(40,0,0,.94);color:#fff;"
        + "font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;overflow:auto;z-index:2147483647"

    /// The overlay as served with every page while the last rebuild failed.
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let text =
            (["brief: the last rebuild failed; this is the last good version of the site."]
            + diagnostics.map(\.description) + [diagnostics.summary]).joined(separator: "\n")
        return "<pre id=\"__brief_overlay\" role=\"alert\" style=\"\(overlayStyle)\">"
            + HTMLText.escape(text) + "</pre>"
    }

    /// Inserts the script (and the overlay, if any) before `</body>`, or at the end.
    static func inject(into html: String, overlay: String?) -> String {
        let addition = (overlay ?? "") + script
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: addition)
    }

    /// The `error` event: the diagnostics and their count, one per line.
    static func errorEvent(_ diagnostics: [Diagnostic]) -> String {
        event("error", data: (diagnostics.map(\.description) + [diagnostics.summary]).joined(separator: "\n"))
    }

    /// A Server-Sent Event: every line of `data` on its own `data:` line.
    static func event(_ name: String, data: String) -> String {
        "event: \(name)\n"
            + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }
            .joined() + "\n"
    }
}
