#!/usr/bin/env python3
"""Reads every Atom feed of the built sites with feedparser, a real feed reader's parser.

  feed-check.py SITE_FOLDER...

Fails on any feed feedparser finds malformed (bozo), that is not Atom 1.0, or whose entries
lack an id, a title, a link or an updated date; and when a site's corrections feed, which
readers subscribe to for corrections alone, is missing or (where the site has corrections)
empty.
"""
import os, sys

import feedparser


def check(path):
    feed = feedparser.parse(path)
    problems = []
    if feed.bozo:
        problems.append(f"malformed: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"not Atom 1.0 ({feed.version or 'unknown'})")
    for entry in feed.entries:
        for key in ["id", "title", "link", "updated"]:
            if not entry.get(key):
                problems.append(f"an entry without {key}: {entry.get('id', '?')}")
    return feed, problems


def main(folders):
    failed = 0
    checked = 0
    for folder in folders:
        corrections = os.path.join(folder, "corrections", "feed.xml")
        if not os.path.exists(corrections):
            print(f"{corrections}: missing")
            failed += 1
        for root, _, names in os.walk(folder):
            for name in names:
                if name != "feed.xml":
                    continue
                path = os.path.join(root, name)
                feed, problems = check(path)
                checked += 1
                if path == corrections and os.path.exists(os.path.join(folder, "corrections", "index.html")):
                    with open(os.path.join(folder, "corrections", "index.html"), encoding="utf-8") as page:
                        listed = page.read().count('class="correction"')
                    if len(feed.entries) != listed:
                        problems.append(f"{len(feed.entries)} entries, but /corrections/ lists {listed}")
                for problem in problems:
                    print(f"{path}: {problem}")
                failed += bool(problems)
    print(f"feeds: {checked} read by feedparser, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
