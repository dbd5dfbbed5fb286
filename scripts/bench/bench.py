#!/usr/bin/env python3
"""brief's benchmark (`make bench`): full builds, cached builds and serve reloads.

  bench.py [--sizes 1000 10000 100000] [--runs 3] [--brief .build/release/brief]

For each size it writes a corpus with corpus.py (once; kept under .build/bench/) and
measures, side by side in one run:

  cold     `brief build --no-cache` into an empty folder, and Hugo on the same
           corpus (../shared/bench/hugo-baseline.sh) when hugo is installed,
           alternating A B A B after one warm-up each: median wall, peak RSS, ratios;
  edits    `brief build` into an existing output with the build cache, on a copy of the
           corpus: one body, one title, one date edited, and nothing changed; median wall,
           peak RSS and the ratio to the cold median, against the budgets of issue #21;
  reload   `brief serve`, then one entry's body edited: the time from the write
           to the `reload` event on /__brief/events (10,000 entries or fewer);
  search   the index's size, its build time (BRIEF_TIMINGS' `search:` stages) against
           the cold median, and the bytes Chromium fetches for five queries
           (scripts/search-check.py measure; needs `make gates` to have run once).

Outputs go to a temporary folder ($TMPDIR decides which filesystem is measured).
"""
import argparse, hashlib, json, os, platform, shutil, socket, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
HUGO_BASELINE = os.path.join(REPO, "..", "shared", "bench", "hugo-baseline.sh")


def run_measured(cmd, env=None):
    """Runs cmd with wait4 so its own peak RSS is known; returns (wall, MiB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"command failed ({code}): {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024.0, out.decode()


def corpus(size, seed):
    generator = open(os.path.join(HERE, "corpus.py"), "rb").read()
    stamp = hashlib.sha256(generator + f"{size} {seed}".encode()).hexdigest()
    path = os.path.join(REPO, ".build", "bench", f"corpus-{size}-{seed}")
    marker = os.path.join(path, ".complete")
    if not os.path.exists(marker) or open(marker).read() != stamp:
        shutil.rmtree(path, ignore_errors=True)
        print(f"writing a {size}-entry corpus into {path} …", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), "--entries", str(size),
                        "--seed", str(seed), "--out", path], check=True)
        open(marker, "w").write(stamp)
    return path


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt(values):
    return "[" + ", ".join(f"{v:.3f}" for v in values) + "]"


def serve_reload(brief, site, runs, env):
    """Median seconds from writing an edited entry to the reload event."""
    proc = subprocess.Popen([brief, "serve", site, "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        line = proc.stdout.readline()
        if "http://" not in line:
            raise RuntimeError(f"serve did not start: {line!r}")
        url = line.split("http://", 1)[1].strip()
        hostport, _, _ = url.partition("/")
        host, port = hostport.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=60)
        sock.sendall(f"GET /__brief/events HTTP/1.1\r\nHost: {hostport}\r\nAccept: text/event-stream\r\n\r\n".encode())
        buffer = b""

        def wait_for(marker, deadline):
            nonlocal buffer
            while marker not in buffer:
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"no {marker!r} within the deadline")
                chunk = sock.recv(65536)
                if not chunk:
                    raise RuntimeError("event stream closed")
                buffer += chunk
            buffer = buffer.split(marker, 1)[1]

        wait_for(b"\r\n\r\n", time.perf_counter() + 60)  # response headers
        entries = sorted(os.listdir(os.path.join(site, "Content", "briefings")))
        target = os.path.join(site, "Content", "briefings", entries[len(entries) // 2])
        original = open(target, encoding="utf-8").read()
        times = []
        try:
            for n in range(runs + 1):
                time.sleep(0.5)  # let the previous rebuild settle
                start = time.perf_counter()
                with open(target, "w", encoding="utf-8") as f:
                    f.write(original + f"\nAn added sentence, edit {n}.\n")
                wait_for(b"event: reload", start + 60)
                if n > 0:  # the first edit warms the server's caches
                    times.append(time.perf_counter() - start)
        finally:
            with open(target, "w", encoding="utf-8") as f:
                f.write(original)
        sock.close()
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def search_figures(brief, site, out, env, cold):
    """The search index of the cold build in `out`: its size, its build time (the build's
    `search:` stages) against the cold median, and the bytes Chromium fetches per query."""
    folder = os.path.join(out, "search")
    files = [os.path.join(d, n) for d, _, names in os.walk(folder) for n in names if n != "index.html"]
    size = sum(os.path.getsize(f) for f in files)
    print(f"  search index        {size / 1048576:7.1f} MB in {len(files)} files")
    timed = os.path.join(os.path.dirname(out), "timed")
    shutil.rmtree(timed, ignore_errors=True)
    proc = subprocess.run([brief, "build", site, "--output", timed, "--no-cache"], env=dict(env, BRIEF_TIMINGS="1"),
                          capture_output=True, text=True, check=True)
    laps = [float(line.split()[2]) for line in proc.stdout.splitlines() + proc.stderr.splitlines()
            if line.startswith("search:")]
    shutil.rmtree(timed, ignore_errors=True)
    print(f"  search index build  {sum(laps):7.3f} s  ({100 * sum(laps) / cold:.1f}% of the cold median; budget 10%)")
    python = os.path.join(REPO, ".venv", "bin", "python")
    if not (os.path.exists(python) and shutil.which("chromium") and shutil.which("chromedriver")):
        print("  search bytes/query  not measured (make gates installs Chromium and selenium)")
        return
    manifest = json.load(open(os.path.join(folder, "index.json")))
    actor, topic = manifest["top"]["actor"][0], manifest["top"]["topic"][0]
    year = manifest["years"][-1][0]
    rare = actor[1].split()[-1].lower()
    queries = ["q=sanctions", f"q={rare}", "q=sanctions+ceasefire", f"q=sanctions&actor={actor[0]}&year={year}",
               f"topic={topic[0]}&year={year}"]
    proc = subprocess.run([python, os.path.join(REPO, "scripts", "search-check.py"), "measure", out] + queries,
                          capture_output=True, text=True, check=True)
    for line in proc.stdout.splitlines():
        row = json.loads(line)
        print(f"  search {row['bytes'] / 1024:7.1f} KB in {row['requests']:2d} requests: {row['query']} "
              f"({row['status']})")


def edit_builds(brief, site, work, env, cold, runs, size):
    """`brief build` into an existing output after each kind of edit (#21's budgets), on a copy
    of the corpus: one body, one title, one date, nothing. Each is the median of `runs`, as a
    ratio to the cold median of this run."""
    copy = os.path.join(work, "edit-site")
    out = os.path.join(work, "edit-out")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(site, copy)
    first, first_rss, _ = run_measured([brief, "build", copy, "--output", out], env)
    print(f"  first build, cache  {first:7.3f} s  peak RSS {first_rss:7.1f} MiB  (writes the build cache)")
    folder = os.path.join(copy, "Content", "briefings")
    names = sorted(os.listdir(folder))

    def rewrite(name, change):
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        changed = change(text)
        assert changed != text, f"the edit of {name} changed nothing"
        open(path, "w", encoding="utf-8").write(changed)

    def title(text, n):
        head, rest = text.split("title: \"", 1)
        return head + f"title: \"Edited {n} " + rest

    def date(text, n):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("date: "):
                year, month, day = line[6:16].split("-")
                lines[i] = f"date: {year}-{month}-{1 + (int(day) + n) % 28:02d}"
                break
        return "\n".join(lines)

    middle = len(names) // 2
    edits = [
        ("one body edited", lambda n: rewrite(names[middle], lambda t: t + f"\nAn added sentence, edit {n}.\n"),
         0.15 if size <= 10000 else None, 3.0 if size > 10000 else None),
        ("one title edited", lambda n: rewrite(names[middle + 1], lambda t: title(t, n)), 0.5, None),
        ("one date edited", lambda n: rewrite(names[middle + 2], lambda t: date(t, n)), 0.5, None),
        ("nothing changed", lambda n: None, 0.1 if size <= 10000 else None, 1.0 if size > 10000 else None),
    ]
    for name, edit, ratio_budget, seconds_budget in edits:
        rows = []
        for n in range(runs):
            edit(n + 1)
            rows.append(run_measured([brief, "build", copy, "--output", out], env))
            expected = "Up to date" if name == "nothing changed" else "Updated "
            assert expected in rows[-1][2], f"{name}: {rows[-1][2]!r}"
        walls = [w for w, _, _ in rows]
        rss = max(m for _, m, _ in rows)
        ratio = median(walls) / cold
        budget = []
        if ratio_budget is not None:
            budget.append(f"budget {ratio_budget:.2f}: {'within' if ratio <= ratio_budget else 'OVER'}")
        if seconds_budget is not None:
            budget.append(f"budget {seconds_budget:.0f} s: {'within' if median(walls) <= seconds_budget else 'OVER'}")
        if name == "nothing changed" and size > 10000:
            budget.append(f"memory budget 400 MiB: {'within' if rss < 400 else 'OVER'}")
        print(f"  {name:18s}  median {median(walls):7.3f} s  {ratio:5.2f} of cold  peak RSS {rss:7.1f} MiB  "
              f"runs {fmt(walls)}  ({'; '.join(budget)})")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--brief", default=os.path.join(REPO, ".build", "release", "brief"))
    ap.add_argument("--no-hugo", action="store_true", help="skip the Hugo side")
    args = ap.parse_args()
    brief = os.path.abspath(args.brief)
    hugo = not args.no_hugo and shutil.which("hugo") and os.path.exists(HUGO_BASELINE)
    work = tempfile.mkdtemp(prefix="brief-bench-")
    env = dict(os.environ, BRIEF_CACHE_DIR=os.path.join(work, "cache"))
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Linux {platform.release()}; outputs under {work}")
    if not hugo:
        print("hugo: not measured (install it with apt-get install -y hugo, and keep ../shared/bench)")
    try:
        for size in args.sizes:
            site = corpus(size, args.seed)
            out = os.path.join(work, "out")

            def ours():
                shutil.rmtree(out, ignore_errors=True)
                return run_measured([brief, "build", site, "--output", out, "--no-cache"], env)

            def peer():
                target = os.path.join(work, "hugo-out")
                shutil.rmtree(target, ignore_errors=True)
                return run_measured([HUGO_BASELINE, site, target], env)

            results = {"brief": [], "hugo": []}
            ours()
            if hugo:
                peer()
            for _ in range(args.runs):
                results["brief"].append(ours())
                if hugo:
                    results["hugo"].append(peer())
            print(f"\n{size} entries ({site})")
            for name, rows in results.items():
                if rows:
                    walls = [w for w, _, _ in rows]
                    print(f"  cold {name:5s}  median {median(walls):7.3f} s  peak RSS {max(m for _, m, _ in rows):7.1f} MiB  runs {fmt(walls)}")
            largest = max(
                ((os.path.getsize(os.path.join(folder, name)), os.path.relpath(os.path.join(folder, name), out))
                 for folder, _, names in os.walk(out) for name in names if name.endswith(".html")))
            budget = 300 * 1024
            print(f"  largest HTML page   {largest[0] / 1024:7.1f} KB  ({largest[1]}; budget 300 KB: "
                  f"{'within' if largest[0] <= budget else 'OVER'})")
            search_figures(brief, site, out, env, median([w for w, _, _ in results["brief"]]))
            if results["hugo"]:
                b, h = results["brief"], results["hugo"]
                print(f"  speed-up hugo/brief {median([w for w, _, _ in h]) / median([w for w, _, _ in b]):.2f}x, "
                      f"memory brief/hugo {max(m for _, m, _ in b) / max(m for _, m, _ in h):.2f}")
            cold = median([w for w, _, _ in results["brief"]])
            if size > 10000:
                budget = "within" if cold < 30 and max(m for _, m, _ in results["brief"]) < 1200 else "OVER"
                print(f"  cold budget         30 s and 1.2 GB: {budget}")
            edit_builds(brief, site, work, env, cold, args.runs, size)
            if size <= 10000:
                times = serve_reload(brief, site, args.runs, env)
                print(f"  serve edit→reload   median {median(times):7.3f} s  runs {fmt(times)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
