#!/usr/bin/env python3
"""Write a synthetic briefing site for benchmarks: brief's own corpus generator.

  corpus.py --entries 10000 --out DIR [--seed 1]

The site has N entries (about 6 KB of Markdown each: paragraphs, headings, lists,
attributed quotes, emphasis, external links, wikilinks to actors and earlier
briefings), N/5 registered actors with aliases and profiles (persons, countries,
organisations), 150 topics of which 100 are registered, and claims. Entries name
2-5 actors and 1-3 topics, skewed so some are very busy, as in real coverage.
Front matter is also what Hugo reads (title, date, actors and topics as
taxonomies), so the same folder serves the Hugo baseline. The output depends on
the arguments only.
"""
import argparse, datetime, os, random

WORDS = ("ministry envoy shipment sanctions border talks ceasefire drills artillery missile "
         "parliament coalition summit deployment frontline analysts statement delegation "
         "negotiations reserves logistics grain corridor pipeline tariffs aid reconstruction "
         "refugees observers inspectors treaty exports satellite drones convoy garrison budget "
         "election cabinet governor council mediator pledge audit hearing verdict").split()
FIRST = "Anna Boris Chen Dara Elif Farid Gita Hana Ivan Jana Kenji Lena Milan Nadia Omar Pavel Rosa Sami Tomas Vera".split()
LAST = "Abe Berg Costa Duarte Eklund Farouk Grant Horvat Ito Jensen Kaur Lind Moreau Novak Okafor Petrov Quinn Rossi Sato Tan".split()
PLACES = "Arvenia Belmora Corvath Delsin Estra Falmoor Gorran Hestia Ilvan Jorvik Kessa Lunor".split()
ORGS = "Council Agency Bureau Alliance Institute Committee Service Fund".split()
THEMES = "Grain Energy Border Cyber Naval Missile Refugee Sanctions Election Water".split()
ASPECTS = "talks exports security supply inspections corridor aid tests reform trials".split()
STATUSES = "alleged confirmed denied disputed retracted".split()


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sentence(rng, lo=8, hi=22, extra=()):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    for name in extra:
        words.insert(rng.randrange(len(words) + 1), name)
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, names):
    picks = [rng.choice(names)] if names and rng.random() < 0.5 else []
    return " ".join(sentence(rng, extra=picks if i == 0 else ()) for i in range(rng.randint(3, 6)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    root = args.out
    for folder in ("briefings", "actors", "topics"):
        os.makedirs(os.path.join(root, "Content", folder), exist_ok=True)
    with open(os.path.join(root, "site.yml"), "w") as f:
        f.write('title: "Bench briefings"\nbase_url: "https://bench.example.org/"\n'
                'description: "A synthetic briefing site for benchmarks."\nlanguage: en\n')

    # Actors: persons, countries, organisations, with aliases that entries also use.
    actors, seen = [], set()
    count = max(20, args.entries // 5)
    while len(actors) < count:
        kind = rng.choices(["person", "country", "organization"], [6, 1, 2])[0]
        if kind == "person":
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
            aliases = [name.split()[-1] + " " + str(len(actors))] if rng.random() < 0.4 else []
        elif kind == "country":
            name = f"Republic of {rng.choice(PLACES)} {len(actors)}"
            aliases = [f"{name.split()[2]} {len(actors)}"]
        else:
            name = f"{rng.choice(PLACES)} {rng.choice(ORGS)} of {rng.choice(THEMES)}"
            aliases = []
        if name in seen:
            continue
        seen.add(name)
        actors.append((name, kind, aliases))
    for i, (name, kind, aliases) in enumerate(actors):
        with open(os.path.join(root, "Content", "actors", f"actor-{i:05d}.md"), "w") as f:
            f.write(f"---\nname: {q(name)}\nkind: {kind}\n")
            if aliases:
                f.write("aliases: [" + ", ".join(q(a) for a in aliases) + "]\n")
            if kind == "person":
                f.write(f"role: {q('Envoy of ' + rng.choice(PLACES))}\n")
            f.write("---\n" + paragraph(rng, []) + "\n")

    topics = []
    for theme in THEMES:
        for aspect in ASPECTS:
            for suffix in ("", " review", " outlook"):
                if len(topics) < 150:
                    topics.append(f"{theme} {aspect}{suffix}")
    for i, name in enumerate(topics[:100]):
        with open(os.path.join(root, "Content", "topics", f"topic-{i:03d}.md"), "w") as f:
            f.write(f"---\nname: {q(name)}\nsummary: {q(sentence(rng, 6, 10))}\n---\n{paragraph(rng, [])}\n")

    # Busy actors and topics: a power law over the registry.
    actor_weights = [1.0 / (i + 1) ** 0.8 for i in range(len(actors))]
    topic_weights = [1.0 / (i + 1) ** 0.7 for i in range(len(topics))]
    day = datetime.date(2015, 1, 1)
    slugs = []
    for i in range(args.entries):
        if rng.random() < 0.6:
            day += datetime.timedelta(days=1)
        named = sorted({actors[j][0] for j in rng.choices(range(len(actors)), actor_weights, k=rng.randint(2, 5))})
        themes = sorted({topics[j] for j in rng.choices(range(len(topics)), topic_weights, k=rng.randint(1, 3))})
        title = sentence(rng, 5, 9).rstrip(".").replace("*", "")
        slug = f"{i:06d}-" + "-".join(title.lower().split()[:5])
        lines = ["---", f"title: {q(title)}", f"date: {day.isoformat()}",
                 f"summary: {q(sentence(rng, 12, 20).replace('*', ''))}",
                 "actors: [" + ", ".join(q(n) for n in named) + "]",
                 "topics: [" + ", ".join(q(t) for t in themes) + "]",
                 "source:", f"  publisher: {q('Wire ' + str(i % 17))}",
                 f"  url: {q('https://news.example.com/' + slug)}"]
        if rng.random() < 0.3:
            lines += ["claims:", f"  - claim: {q(sentence(rng, 6, 12))}", f"    by: [{q(named[0])}]",
                      f"    status: {rng.choice(STATUSES)}"]
        lines.append("---")
        body = [paragraph(rng, named), ""]
        for section in range(rng.randint(3, 5)):
            body += [f"## {themes[section % len(themes)]} {section + 1}", "", paragraph(rng, named), ""]
            roll = rng.random()
            if roll < 0.35:
                body += [f"- {sentence(rng)}" for _ in range(rng.randint(3, 5))] + [""]
            elif roll < 0.6:
                body += [f"> “{sentence(rng, 8, 18)}”", ">", f"> — {rng.choice(named)}", ""]
            elif roll < 0.8:
                body += [paragraph(rng, named) + f" See the [report](https://example.org/reports/{i}-{section}).", ""]
            else:
                target = rng.choice(named)
                link = f" Earlier: [[briefing:{rng.choice(slugs)}]]." if slugs else ""
                body += [f"More on [[{target}]] in this brief.{link}", ""]
            body += [paragraph(rng, named), ""]
        with open(os.path.join(root, "Content", "briefings", slug + ".md"), "w") as f:
            f.write("\n".join(lines) + "\n\n" + "\n".join(body))
        slugs.append(slug)


if __name__ == "__main__":
    main()
