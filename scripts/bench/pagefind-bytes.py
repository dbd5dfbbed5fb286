#!/usr/bin/env python3
"""Bytes Chromium fetches for one Pagefind query, to set beside brief's search.

  pagefind-bytes.py SITE_FOLDER QUERY...

SITE_FOLDER must hold a Pagefind index (`pagefind --site SITE_FOLDER`, PyPI pagefind-bin).
For each query a fresh page loads /pagefind/pagefind.js, searches, and loads the first five
results' data, as Pagefind's own UI shows five. Pagefind fetches from a Web Worker, which
the page's resource timing does not see, so the bytes are counted where they are sent: every
byte (headers and body) the server writes for /pagefind/ (the scripts, the WebAssembly, the
index chunks, the fragments).
"""
import functools, http.server, json, os, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from chromium import chromium  # noqa: E402  (scripts/chromium.py)

PAGE = """<!doctype html><meta charset="utf-8"><title>pagefind</title>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.init();
const search = await pagefind.search(new URLSearchParams(location.search).get("q"));
await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
document.title = "done " + search.results.length;
</script>"""


class Counting(http.server.SimpleHTTPRequestHandler):
    sent = 0
    requests = 0

    def setup(self):
        super().setup()
        raw = self.wfile

        class Writer:
            def write(_, data):
                if self.path.startswith("/pagefind/"):
                    Counting.sent += len(data)
                return raw.write(data)

            def __getattr__(_, name):
                return getattr(raw, name)

        self.wfile = Writer()

    def do_GET(self):
        if self.path.startswith("/pagefind/"):
            Counting.requests += 1
        super().do_GET()

    def log_message(self, *args):
        pass


def main():
    folder, queries = sys.argv[1], sys.argv[2:]
    open(os.path.join(folder, "pagefind-bytes.html"), "w").write(PAGE)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = chromium()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        for query in queries:
            Counting.sent = Counting.requests = 0
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/pagefind-bytes.html?q={query}")
            for _ in range(600):
                if driver.title.startswith("done"):
                    break
                time.sleep(0.05)
            print(json.dumps({"query": query, "results": driver.title, "bytes": Counting.sent,
                              "requests": Counting.requests}))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
