#!/usr/bin/env python3
"""Judge built pages the way readers' browsers do: axe-core in headless Chromium, no horizontal
scrolling on a phone, and a screenshot of every page at both widths.

  page-gates.py SITE_FOLDER ARTIFACTS_FOLDER

Serves SITE_FOLDER on a loopback port, opens each page at desktop width in light mode and at
phone width (390 px) in dark mode, runs axe, and fails on any serious or critical violation
or on a page wider than the phone. Screenshots go to ARTIFACTS_FOLDER (not committed).
"""
import functools, http.server, json, os, sys, threading, time

from axe_selenium_python import Axe

from chromium import chromium

PAGES = {
    "home": "",
    "briefing": "briefings/yoon-support-ukraine-in-stages/",
    "actor": "actors/yoon-suk-yeol/",
    "topic": "topics/north-korean-troops-in-russia/",
    "actors": "actors/",
    "topics": "topics/",
    "timeline": "timeline/",
    "search": "search/?q=troops",
    "search-facets": "search/?q=troops&actor=north-korea&year=2024",
    "claims": "claims/?actor=north-korea",
    "claim": "claims/nk-troops-in-russia/",
    "sources": "sources/",
    "source": "sources/national-intelligence-service/",
    "briefing-analysis": "briefings/nis-troop-estimates/",
    "judgements": "judgements/",
    "indicators": "indicators/",
    "corrections": "corrections/",
}
VIEWS = {"desktop-light": (1280, 900, "light"), "phone-dark": (390, 844, "dark")}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(width, height, scheme):
    driver = chromium(width, height, ["--hide-scrollbars"])
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return driver


def main():
    site, artifacts = sys.argv[1], sys.argv[2]
    os.makedirs(artifacts, exist_ok=True)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failures = []
    for view, (width, height, scheme) in VIEWS.items():
        driver = browser(width, height, scheme)
        try:
            for name, path in PAGES.items():
                driver.get(base + path)
                # The search page is judged with its results, facets and snippets shown.
                for _ in range(200):
                    if driver.execute_script(
                            "var r = document.getElementById('results');"
                            "return !r || r.getAttribute('aria-busy') === 'false';"):
                        break
                    time.sleep(0.05)
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                for violation in results["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        nodes = ", ".join(n["target"][0] for n in violation["nodes"][:3])
                        failures.append(f"{view} {name}: {violation['impact']} {violation['id']}: "
                                        f"{violation['help']} ({nodes})")
                overflow = driver.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if width < 600 and overflow > 0:
                    failures.append(f"{view} {name}: the page scrolls sideways by {overflow} px")
                # The whole page in one picture: grow the emulated screen to the page's height.
                driver.execute_script("window.scrollTo(0, 0)")
                full_height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": min(full_height, 8000), "deviceScaleFactor": 1, "mobile": width < 600})
                driver.save_screenshot(os.path.join(artifacts, f"{name}-{view}.png"))
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        finally:
            driver.quit()
    server.shutdown()
    for failure in failures:
        print(failure)
    checked = len(PAGES) * len(VIEWS)
    failed = len({f.split(":")[0] for f in failures})
    print(f"axe and layout on {checked} page views; screenshots in {artifacts}")
    print(f"pages: {checked - failed} passed, {failed} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
