#!/usr/bin/env python3
"""Search the built site in headless Chromium, as a reader does, and count what it fetches.

  search-check.py fixture SITE_FOLDER        the fixture site's checks (fails on any miss)
  search-check.py expect SITE_FOLDER Q N [TITLE]
                                             query Q finds N briefings, TITLE first, the
                                             first result marking a word of the query
  search-check.py measure SITE_FOLDER Q... [--files]
                                             bytes fetched per query, as JSON lines
                                             (--files: and each file with its bytes)

SITE_FOLDER is served on a loopback port at the path of the site's base_url (read from
search/index.html). A query Q is what follows "?" in /search/?…, e.g. "q=troops&year=2024".
Bytes are what the page fetched for the query (PerformanceResourceTiming.transferSize of
every fetch() the search script made: index parts and, for snippets, briefing pages).
"""
import functools, http.server, json, re, sys, threading, time, urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from chromium import chromium


class Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        path = urllib.parse.urlsplit(path).path
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def serve(folder):
    page = open(f"{folder}/search/index.html", encoding="utf-8").read()
    script = re.search(r'data-index="([^"]*)search/index\.json"', page)
    Handler.prefix = script.group(1) if script else "/"
    handler = functools.partial(Handler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{Handler.prefix}"


def browser():
    driver = chromium()
    driver.set_script_timeout(60)
    return driver


def settled(driver, timeout=60):
    """Waits until the search has shown its results and their snippets."""
    end = time.time() + timeout
    while time.time() < end:
        state = driver.execute_script(
            "var r = document.getElementById('results');"
            "return [document.getElementById('search-status').textContent, r.getAttribute('aria-busy')];")
        if state[0] and state[1] == "false":
            return state[0]
        time.sleep(0.05)
    raise AssertionError("the search never settled")


def open_query(driver, base, query):
    driver.get(f"{base}search/?{query}")
    return settled(driver)


def fetched(driver):
    """(bytes, requests) of every fetch() the page made."""
    entries = driver.execute_script(
        "return performance.getEntriesByType('resource').filter(function (e) {"
        " return e.initiatorType === 'fetch'; }).map(function (e) { return [e.name, e.transferSize]; });")
    return sum(size for _, size in entries), len(entries)


def fetched_files(driver):
    return driver.execute_script(
        "return performance.getEntriesByType('resource').filter(function (e) {"
        " return e.initiatorType === 'fetch'; }).map(function (e) {"
        " return [e.name.replace(location.origin, ''), e.transferSize]; });")


def results(driver):
    return [(li.find_element(By.CSS_SELECTOR, "h2 a").text,
             li.find_element(By.CSS_SELECTOR, ".snippet").get_attribute("innerHTML"))
            for li in driver.find_elements(By.CSS_SELECTOR, "#results li")]


def facet(driver, name, value):
    return driver.find_element(By.CSS_SELECTOR, f'#facets input[name="{name}"][value="{value}"]')


def check(condition, message, failures):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def fixture(folder):
    base = serve(folder)
    driver = browser()
    failures = []
    try:
        # A word only the body has ("We deny everything." is a quote in the first briefing).
        status = open_query(driver, base, "q=everything")
        found = results(driver)
        check(status == "1 briefing found." and [t for t, _ in found] == ["First: troops reported"],
              f"a body-only word finds its briefing ({status} {[t for t, _ in found]})", failures)
        check(bool(found) and "<mark>everything</mark>" in found[0][1],
              "its snippet comes from the body with the word marked", failures)
        # The last word, typed in part, stands for the words it begins.
        status = open_query(driver, base, "q=deny+everyth")
        found = results(driver)
        check(status == "1 briefing found." and bool(found) and "<mark>everything</mark>" in found[0][1],
              f"a word typed in part finds the words it begins ({status})", failures)
        # Folding as the name normaliser: "Erdoğan" finds the briefing that lists "Erdogan".
        open_query(driver, base, "q=Erdo%C4%9Fan")
        check([t for t, _ in results(driver)] == ["Second </script> entry"],
              "Erdoğan finds the briefing about Erdogan", failures)
        # Facets with an empty query, combined with each other, each value with a count.
        status = open_query(driver, base, "actor=kim-jong-un")
        check(status == "2 briefings found.", f"an actor alone filters ({status})", failures)
        label = facet(driver, "topic", "troop-deployments").find_element(By.XPATH, "..").text
        check(label in ("Troop deployments 1", "Troop deployments (1)"), f"a facet value shows its count ({label!r})", failures)
        facet(driver, "topic", "troop-deployments").click()
        status = settled(driver)
        url = driver.current_url
        check(status == "1 briefing found." and "actor=kim-jong-un" in url and "topic=troop-deployments" in url,
              f"two facets combine and the address holds both ({status} {url})", failures)
        # The address reproduces the results and the checked facets.
        driver.get(url)
        status = settled(driver)
        check(status == "1 briefing found." and facet(driver, "topic", "troop-deployments").is_selected()
              and facet(driver, "actor", "kim-jong-un").is_selected(),
              "the shared address reproduces the results and facets", failures)
        # A facet with a query, by keyboard only: type, Enter, then a year.
        driver.get(f"{base}search/")
        settled(driver)
        box = driver.find_element(By.ID, "q")
        box.send_keys("troops", Keys.ENTER)
        status = settled(driver)
        check(status == "3 briefings found.", f"typing and Enter search ({status})", failures)
        facet(driver, "year", "2024").send_keys(Keys.SPACE)
        status = settled(driver)
        check("year=2024" in driver.current_url and status == "3 briefings found.",
              f"a year facet is a real control the keyboard reaches ({status})", failures)
        status = open_query(driver, base, "q=nothing-like-this-word")
        check(status == "No briefings found.", f"no match says so ({status})", failures)
    finally:
        driver.quit()
    if failures:
        sys.exit(f"{len(failures)} search check(s) failed")


def expect(folder, query, count, title):
    base = serve(folder)
    driver = browser()
    failures = []
    try:
        status = open_query(driver, base, query)
        found = results(driver)
        wanted = f"{count} briefing{'' if count == 1 else 's'} found." if count else "No briefings found."
        check(status == wanted, f"{query}: {status}", failures)
        if title:
            check(bool(found) and found[0][0] == title, f"{query}: first result {found[:1]}", failures)
        if "q=" in query and found:
            # A word the title or summary has is marked there; one only the text has, in a
            # snippet of the text.
            title_html = driver.find_element(By.CSS_SELECTOR, "#results li h2 a").get_attribute("innerHTML")
            check("<mark>" in found[0][1] or "<mark>" in title_html,
                  f"{query}: the first result marks the word", failures)
    finally:
        driver.quit()
    if failures:
        sys.exit(f"{len(failures)} search check(s) failed")


def measure(folder, queries):
    base = serve(folder)
    driver = browser()
    # Every query as a first visit: nothing from an earlier query's cache.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        for query in queries:
            status = open_query(driver, base, query)
            size, requests = fetched(driver)
            line = {"query": query, "status": status, "bytes": size, "requests": requests}
            if "--files" in sys.argv:
                line["files"] = fetched_files(driver)
            print(json.dumps(line))
    finally:
        driver.quit()


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "fixture":
        fixture(sys.argv[2])
    elif len(sys.argv) in (5, 6) and sys.argv[1] == "expect":
        expect(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] if len(sys.argv) == 6 else None)
    elif len(sys.argv) >= 4 and sys.argv[1] == "measure":
        measure(sys.argv[2], [q for q in sys.argv[3:] if q != "--files"])
    else:
        sys.exit(__doc__)
