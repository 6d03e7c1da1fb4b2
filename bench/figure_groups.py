"""Figure groups on FA-KES: the casualty figures claimtrail extracts against the crowd's
numbers, and whether the groups line up reports of the same event.

    python bench/figure_groups.py [--write]

FA-KES (../shared/corpus/fakes): 790 English reports on the Syrian war from 15 outlets,
with crowd-annotated location, cause of death and counts of civilians, children, women and
non-civilians killed per article. All are stored through ``Ledger.add`` with their dates.

Per article: is any crowd count (civilians, children, women, non-civilians, or civilians +
non-civilians) inside the interval of a death figure claimtrail keyed (event ``killed``,
or concept death/casualty/victim)? Per group of two or more articles: do the crowd's
annotations of its members agree with the group's place (the crowd's location) and with
each other on the cause of death, the dates being within the group's window by design?
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from _results import write_section
from claimtrail.analyzer import analyse
from claimtrail.link.figure_groups import figure_keys, interval
from claimtrail.link.places import load_places
from claimtrail.model import Article
from claimtrail.store import corpus
from claimtrail.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fakes" / "fakes_articles.jsonl"
DEATH_CONCEPTS = {"death", "casualty", "victim"}


def crowd_counts(rec: dict[str, object]) -> set[int]:
    out: set[int] = set()
    for ann in rec["crowd_annotations"]:  # type: ignore[attr-defined]
        nums = {k: int(float(ann.get(k) or 0)) for k in ("nb_civilians", "nb_children", "nb_women",
                                                         "nb_noncivilians")}
        out |= {v for v in nums.values() if v > 0}
        if nums["nb_civilians"] + nums["nb_noncivilians"] > 0:
            out.add(nums["nb_civilians"] + nums["nb_noncivilians"])
    return out


def place_key(name: str) -> str | None:
    found = load_places().find(name.title())
    return found[0].key if found else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    recs = [json.loads(line) for line in FAKES.open(encoding="utf-8") if line.strip()]
    per_article = Counter[str]()
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "fakes.db") as ledger:
        row_of: dict[int, dict[str, object]] = {}
        start = time.perf_counter()
        for rec in recs:
            a = analyse(Article(rec["id"], rec["text"], title=rec.get("title"), published=rec.get("date_if_known"),
                                language="en"))
            row, _ = ledger.add(a)
            row_of[row] = rec
            crowd = crowd_counts(rec)
            deaths = [k for k in figure_keys(a) if k.event == "killed" or k.concept in DEATH_CONCEPTS]
            per_article["articles"] += 1
            if not crowd:
                per_article["crowd counts none"] += 1
                continue
            per_article["crowd counts some"] += 1
            if deaths:
                per_article["with a keyed death figure"] += 1
            ivs = [iv for k in deaths if (iv := interval(k.value, k.low, k.high, k.qualifier, k.unit))]
            if any(iv.low <= c <= iv.high for iv in ivs for c in crowd):
                per_article["a crowd count inside a death figure"] += 1
            elif len(misses) < 8:
                got = ", ".join(k.text for k in deaths) or "none"
                misses.append(f"{rec['id']}: crowd {sorted(crowd)}; death figures keyed: {got}")
        secs = time.perf_counter() - start
        gs = corpus.groups(ledger.conn, min_articles=2)
        n_keys = ledger.conn.execute("SELECT COUNT(*), COUNT(group_id) FROM figure_keys").fetchone()
    judged = Counter[str]()
    wrong: list[str] = []
    for g in gs:
        members = {f.article_id for f in g.figures}
        anns = [row_of[m]["crowd_annotations"] for m in members]
        locs = [{place_key(str(x["location"])) for x in ann} for ann in anns]  # type: ignore[attr-defined]
        causes = [{str(x["cause_of_death"]) for x in ann} for ann in anns]  # type: ignore[attr-defined]
        key = next((k for k, v in load_places().names.items() if v == g.place), g.place)
        place_ok = all(key in loc for loc in locs)
        cause_ok = bool(set.intersection(*causes))
        judged["groups"] += 1
        judged["consistent"] += int(g.consistent)
        judged["place agrees with the crowd"] += int(place_ok)
        judged["place and cause agree"] += int(place_ok and cause_ok)
        if not (place_ok and cause_ok) and len(wrong) < 10:
            why = [] if place_ok else [f"crowd locations {sorted(str(x) for loc in locs for x in loc)}"]
            why += [] if cause_ok else [f"causes {sorted({c for cs in causes for c in cs})}"]
            wrong.append(f"group {g.id} ({g.concept} {g.event or '-'} in {g.place}, {g.first_day}): "
                         f"{len(members)} articles; " + "; ".join(why))
    inconsistent = [g for g in gs if not g.consistent][:6]
    n = per_article["crowd counts some"]
    lines = [
        f"{per_article['articles']} articles stored in {secs:.0f} s (analysis included); "
        f"{n_keys[0]} figures keyed, {n_keys[1]} of them in a group.",
        "",
        "| articles with a crowd count | with a keyed death figure | a crowd count inside a death figure's interval |",
        "|---|---|---|",
        f"| {n} | {per_article['with a keyed death figure']} ({per_article['with a keyed death figure'] / n:.0%}) | "
        f"{per_article['a crowd count inside a death figure']} "
        f"({per_article['a crowd count inside a death figure'] / n:.0%}) |",
        "",
        "Articles where no keyed death figure holds a crowd count (first 8):",
        "",
        *[f"- {m}" for m in misses],
        "",
        "| groups of 2+ articles | consistent | place agrees with the crowd's location | place and cause agree |",
        "|---|---|---|---|",
        f"| {judged['groups']} | {judged['consistent']} | {judged['place agrees with the crowd']} | "
        f"{judged['place and cause agree']} |",
        "",
        "Groups the crowd disagrees with (first 10):",
        "",
        *[f"- {w}" for w in wrong],
        "",
        "Inconsistent groups (first 6):",
        "",
        *[f"- group {g.id} {g.concept} {g.event or '-'} in {g.place} {g.first_day}..{g.last_day}: "
          + "; ".join(f"{f.doc_id} {f.text!r} ({f.qualifier})" for f in g.figures[:6]) for g in inconsistent],
    ]
    md = "\n".join(lines)
    print(md)
    if args.write:
        write_section("figure_groups", "### FA-KES (`python bench/figure_groups.py --write`)\n\n" + md)


if __name__ == "__main__":
    main()
