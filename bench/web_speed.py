"""Web speed: response times of the article page and of search on a large ledger.

    python bench/web_speed.py [--articles 20000] [--db PATH] [--write]

Builds (or reuses) a ledger of ``--articles`` articles made from the ../shared corpora
(IndoSum, FA-KES, BBC, NEREL): each corpus article is stored once as it is and then again
with one line varied (an "updated" line with a running number appended), so that every
stored text is distinct and every copy is analysed for real. Then it starts
``claimtrail serve`` in its own process on 127.0.0.1 and times complete HTTP responses
(status and body) from this process: article pages of random articles, and searches with
and without filters. A bounded number of requests, all to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from _results import write_section

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = [
    SHARED / "corpus" / "indosum" / "indosum_dev_union.jsonl",
    SHARED / "corpus" / "fakes" / "fakes_articles.jsonl",
    SHARED / "corpus" / "bbc" / "bbc_articles.jsonl",
    SHARED / "corpus" / "nerel" / "nerel_v1.1_texts.jsonl",
]
UPDATED = {"id": "Diperbarui", "en": "Updated", "ru": "Обновлено"}

SEARCHES: list[dict[str, str]] = [
    {"q": "pemerintah"},
    {"q": "warga"},
    {"q": "Jakarta"},
    {"q": '"Joko Widodo"'},
    {"q": "banjir OR gempa"},
    {"q": "menteri*"},
    {"q": "Syria"},
    {"q": "government"},
    {"q": "Путин"},
    {"q": "pemerintah", "lang": "id"},
    {"q": "warga", "concept": "person"},
    {"q": "said", "from": "2017-01-01", "to": "2017-06-30"},
    {"q": "presiden", "speaker": "Jokowi"},
    {"q": "Syria", "outlet": "reuters"},
    {"concept": "person"},
    {"speaker": "Widodo"},
]


def base_records() -> Iterator[dict[str, str]]:
    for path in CORPORA:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text", "").strip():
                    yield {"id": str(rec["id"]), "text": rec["text"], "lang": rec.get("lang") or "",
                           "title": rec.get("title") or ""}


def build(db: Path, n: int) -> tuple[int, float]:
    """Store ``n`` articles in ``db`` (what is there already counts); (articles added, seconds)."""
    sys.path.insert(0, str(ROOT / "src"))
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article
    from claimtrail.store.ledger import Ledger

    bases = list(base_records())
    rng = random.Random(7)
    t0 = time.perf_counter()
    with Ledger(db) as ledger:
        have = start = ledger.count()
        i = 0
        while have < n:
            rec = bases[i % len(bases)]
            copy = i // len(bases)
            varied = f"{UPDATED.get(rec['lang'], 'Updated')}: {copy}"
            text = rec["text"] if copy == 0 else f"{rec['text'].rstrip()}\n{varied}"
            day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            i += 1
            if ledger.has(text):
                continue
            art = Article(f"{rec['id']}#{copy}", text, title=rec["title"] or None, published=day,
                          language=rec["lang"] if rec["lang"] in ("id", "en", "ru") else None)
            ledger.add(analyse(art))
            have += 1
            if have % 2000 == 0:
                print(f"  {have} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
        added = have - start
    return added, time.perf_counter() - t0


ITEM_TABLES = ("figures", "quotes", "sources", "dates", "entities", "boilerplate")


def replicate(db: Path, times: int) -> tuple[int, float]:
    """Copy every stored article and its items ``times - 1`` more times, in SQL, each copy with
    its own hash and document id (full-text indexed by the ledger's trigger): a ledger ``times``
    as large for timing reads, built in minutes instead of hours. The cross-article tables are
    not copied (the copies join no story or group), so this ledger is for reading only."""
    import sqlite3

    t0 = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    n, top = conn.execute("SELECT COUNT(*), MAX(id) FROM articles").fetchone()
    if n != top:
        raise SystemExit(f"{db}: article ids are not 1..{n}; replicate a freshly built ledger")
    cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] not in ("id", "doc_id", "hash")]
    for k in range(1, times):
        off = k * n
        conn.execute("BEGIN")
        conn.execute(f"INSERT INTO articles(id, doc_id, hash, {', '.join(cols)}) SELECT id + ?, doc_id || '~r{k}', "
                     f"hash || ':r{k}', {', '.join(cols)} FROM articles WHERE id <= ?", (off, n))
        for table in ITEM_TABLES:
            item_cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "article_id"]
            quoted = ", ".join(f'"{c}"' for c in item_cols)
            conn.execute(f"INSERT INTO {table}(article_id, {quoted}) SELECT article_id + ?, {quoted} FROM {table} "
                         "WHERE article_id <= ?", (off, n))
        conn.execute("COMMIT")
        print(f"  {off + n} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    conn.close()
    return n * (times - 1), time.perf_counter() - t0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, float, int]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return status, (time.perf_counter() - t0) * 1000, len(body)


def summary(ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=10, method="inclusive") if len(ms) >= 2 else ms * 9
    return f"{statistics.median(ms):.1f} | {q[8]:.1f} | {max(ms):.1f}"


def time_cross_pages(base: str, rng: random.Random, group_ids: list[int], story_ids: list[int],
                     repeat: int) -> list[str]:
    """Median times of the figure group and story pages (lists, filtered list, random items)."""
    if not group_ids and not story_ids:
        return []
    cases: list[tuple[str, list[str]]] = [
        ("/groups (conflicting first, first 200)", ["/groups"] * repeat),
        ("/groups?concept=person&since=2016-01-01", ["/groups?concept=person&since=2016-01-01"] * repeat),
        ("/stories (largest first, first 200)", ["/stories"] * repeat),
        ("group page (random groups: chart and table)",
         [f"/groups/{g}" for g in rng.sample(group_ids, min(100, len(group_ids)))]),
        ("story page (random stories: differences and evidence)",
         [f"/stories/{s}" for s in rng.sample(story_ids, min(100, len(story_ids)))]),
    ]
    out = []
    for name, paths in cases:
        if not paths:
            continue
        fetch(base + paths[0])
        times = []
        for path in paths:
            status, ms, _ = fetch(base + path)
            assert status == 200, (path, status)
            times.append(ms)
        out.append(f"| {name} | {len(times)} | {summary(times)} |")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/claimtrail-web-speed.db"))
    ap.add_argument("--pages", type=int, default=300, help="article pages to time")
    ap.add_argument("--repeat", type=int, default=7, help="times each search is run")
    ap.add_argument("--write", action="store_true", help="write the RESULTS.md section")
    ap.add_argument("--replicate", type=int, default=1, metavar="K",
                    help="after building, copy the ledger's articles in SQL to K times as many (reads only)")
    args = ap.parse_args()
    if not CORPORA[0].is_file():
        print(f"{CORPORA[0]} is missing: this benchmark needs ../shared", file=sys.stderr)
        return 2

    added, built = build(args.db, args.articles)
    how = f"{added:,} added in this run in {built:.0f} s" if added else "reused from an earlier run of this script"
    if args.replicate > 1:
        copied, secs = replicate(args.db, args.replicate)
        how += (f"; then every article and its items copied {args.replicate - 1} more times in SQL ({copied:,} rows "
                f"of articles, {secs:.0f} s), each copy with its own hash and document id and full-text indexed, "
                f"not linked across articles (the group and story pages are timed on the {args.articles:,} "
                f"analysed ones)")
    import sqlite3

    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("figures", "quotes", "sources")}
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    cross = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'figure_groups'").fetchone() is not None
    group_ids = [r[0] for r in conn.execute("SELECT id FROM figure_groups WHERE articles >= 2")] if cross else []
    story_ids = [r[0] for r in conn.execute("SELECT DISTINCT story FROM story_members")] if cross else []
    conn.close()
    size_mb = args.db.stat().st_size / 1e6

    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    server = subprocess.Popen([sys.executable, "-m", "claimtrail", "serve", "--db", str(args.db), "--port", str(port)],
                              env=env, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        load = os.getloadavg()[0]
        rng = random.Random(11)
        for i in rng.sample(ids, 20):  # warm-up: imports, templates, the page cache
            fetch(f"{base}/article/{i}")
        page_ms, sizes = [], []
        for i in rng.sample(ids, min(args.pages, len(ids))):
            status, ms, size = fetch(f"{base}/article/{i}")
            assert status == 200, (i, status)
            page_ms.append(ms)
            sizes.append(size)
        rows, all_search = [], []
        for s in SEARCHES:
            url = f"{base}/search?{urlencode(s)}"
            fetch(url)
            times = []
            for _ in range(args.repeat):
                status, ms, _ = fetch(url)
                assert status == 200, (s, status)
                times.append(ms)
            all_search += times
            rows.append(f"| `{urlencode(s)}` | {statistics.median(times):.1f} | {max(times):.1f} |")
        cross_rows = time_cross_pages(base, rng, group_ids, story_ids, args.repeat)
    finally:
        server.terminate()
        server.wait(timeout=30)

    md = [
        f"Ledger: {total:,} articles ({counts['figures']:,} figures, {counts['quotes']:,} quotes, "
        f"{counts['sources']:,} sources; {size_mb:,.0f} MB), built from the ../shared corpora with one line varied "
        f"per copy ({how}).",
        "",
        "`claimtrail serve` in its own process; times are complete HTTP responses seen by a client on "
        f"127.0.0.1, in milliseconds. Machine load (1-minute average over 2 cores) when timing began: {load:.1f}; "
        "other jobs share the machine, and runs under a load of 6-7 measured 2-5x these times.",
        "",
        "| request | n | median | p90 | max |",
        "|---|---|---|---|---|",
        f"| article page (random articles, median {statistics.median(sizes) / 1000:.0f} KB) | {len(page_ms)} | "
        f"{summary(page_ms)} |",
        f"| search (all {len(SEARCHES)} searches below) | {len(all_search)} | {summary(all_search)} |",
        "",
        "| search | median | max |",
        "|---|---|---|",
        *rows,
    ]
    if cross_rows:
        md += ["", f"Cross-article pages ({len(group_ids):,} figure groups of two or more articles, "
               f"{len(story_ids):,} stories):", "", "| request | n | median | p90 | max |", "|---|---|---|---|---|",
               *cross_rows]
    text = "\n".join(md)
    print(text)
    if args.write:
        write_section("web_speed", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
