"""Speed: articles per second per core for ``analyze --jsonl``, next to the floor (a bare
regex scan of the same text in the same run), and where the time goes, stage by stage.
Then the same articles as web pages (bench/_pages.py wraps each text in a news site's
page): extraction + analysis per core next to text, and the rate at which a CC-NEWS-like
WARC archive of those pages is read.

    python bench/speed.py [--limit N] [--write]

One process, one core. Corpora: IndoSum (Indonesian) and FA-KES (English) from ../shared.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import time
from collections import defaultdict
from contextlib import redirect_stdout
from dataclasses import replace
from pathlib import Path

from _pages import corpus_pages, write_warc
from _results import write_section

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOOR = re.compile(r"\d[\d.,]*|[\"“”«»]")
CORPORA = {
    "indosum": SHARED / "corpus" / "indosum" / "indosum_dev_union.jsonl",
    "fakes": SHARED / "corpus" / "fakes" / "fakes_articles.jsonl",
}


def records(path: Path, limit: int) -> list[dict[str, str]]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                out.append({"id": str(rec["id"]), "text": rec["text"]})
            if len(out) >= limit:
                break
    return out


def per_stage(recs: list[dict[str, str]]) -> dict[str, float]:
    """Seconds spent in each stage over ``recs``."""
    from claimtrail.analyzer import default_pipeline
    from claimtrail.model import Analysis, Article

    spent: dict[str, float] = defaultdict(float)
    stages = default_pipeline().stages
    for r in recs:
        a = Analysis(article=Article(r["id"], r["text"]))
        for st in stages:
            t0 = time.perf_counter()
            a = replace(a, **st.run(a))
            spent[st.name] += time.perf_counter() - t0
    return spent


def html_rates(name: str, recs: list[dict[str, str]], tmp: Path) -> tuple[str, str]:
    """A row of the HTML table and one of the WARC table for one corpus.

    Text and page of each article are timed one after the other, in CPU seconds of this
    process, so that both see the same machine: other jobs sharing the cores change the
    wall time of one more than the other's, but not the ratio."""
    from claimtrail.analyzer import analyse
    from claimtrail.errors import InputError
    from claimtrail.ingest.html import Page, page_article
    from claimtrail.ingest.warc import read_warc_stream, warc_pages
    from claimtrail.model import Article

    pages = corpus_pages(recs)
    n, mb = len(pages), sum(len(h) for _, h in pages) / 1e6
    text_s = extract_s = page_s = 0.0
    extracted = kept = 0
    clock = time.process_time
    for r, (url, html) in zip(recs, pages, strict=True):
        t0 = clock()
        analyse(Article(r["id"], r["text"]))
        t1 = clock()
        try:
            art = page_article(Page(html, url, url=url))
        except InputError:  # a page that yields nothing is counted below
            extract_s += clock() - t1
            continue
        t2 = clock()
        analyse(art)
        t3 = clock()
        text_s, extract_s, page_s = text_s + t1 - t0, extract_s + t2 - t1, page_s + t3 - t1
        extracted += 1
        kept += len(art.text)
    share = kept / max(1, sum(len(r["text"]) for r in recs))
    html_row = (f"| {name} | {n} | {mb:.1f} | {n / text_s:,.0f} | {n / extract_s:,.0f} | {n / page_s:,.0f} | "
                f"{text_s / page_s:.0%} | {extracted}/{n} | {share:.0%} |")
    warc = tmp / f"speed-{name}.warc.gz"
    size = write_warc(pages, warc) / 1e6
    t0 = clock()
    with warc.open("rb") as f:
        got = sum(1 for _ in warc_pages(f, str(warc)))
    read = clock() - t0
    t0 = clock()
    with warc.open("rb") as f:
        articles = sum(1 for _ in read_warc_stream(f, str(warc)))
    read_extract = clock() - t0
    warc_row = (f"| {name} | {2 * n} ({got} HTML) | {size:.1f} | {2 * n / read:,.0f} | {size / read:,.1f} | "
                f"{articles / read_extract:,.0f} |")
    return html_row, warc_row


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--write", action="store_true", help="update the tables in bench/RESULTS.md")
    args = ap.parse_args()
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article
    from claimtrail.serve.cli import main as cli

    t0 = time.perf_counter()
    analyse(Article("warm-up", "Teks pemanasan untuk memuat model bahasa."))
    startup = time.perf_counter() - t0

    rows = [
        "| corpus | articles | MB | analyze articles/s/core | floor articles/s | analyze / floor |",
        "|---|---|---|---|---|---|",
    ]
    stage_rows: list[str] = []
    html_rows = [
        "| corpus | pages | MB of HTML | text: analysis articles/s/core | HTML: extraction alone pages/s/core | "
        "HTML: extraction + analysis articles/s/core | HTML / text | pages with text | text kept |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    warc_rows = [
        "| corpus | WARC records | MB (gzip) | read records/s | read MB/s | read + extract pages/s |",
        "|---|---|---|---|---|---|",
    ]
    tmp = ROOT / "bench" / "out"
    tmp.mkdir(exist_ok=True)
    for name, path in CORPORA.items():
        recs = records(path, args.limit)
        src = tmp / f"speed-{name}.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
        t0 = time.perf_counter()
        for r in recs:
            FLOOR.findall(r["text"])
        floor = time.perf_counter() - t0
        t0 = time.perf_counter()
        with redirect_stdout(io.StringIO()):
            cli(["analyze", "--jsonl", str(src)])
        took = time.perf_counter() - t0
        n, mb = len(recs), sum(len(r["text"].encode()) for r in recs) / 1e6
        rows.append(f"| {name} | {n} | {mb:.1f} | {n / took:,.0f} | {n / floor:,.0f} | {took / floor:,.0f}x |")
        html_row, warc_row = html_rates(name, recs, tmp)
        html_rows.append(html_row)
        warc_rows.append(warc_row)
        spent = per_stage(recs)
        total = sum(spent.values())
        stage_rows.append(f"| {name} | " + " | ".join(
            f"{spent[s]/n*1000:.2f} ({spent[s]/total:.0%})" for s in spent) + f" | {total/n*1000:.2f} |")
        header = list(spent)
    md = "\n".join(rows) + f"\n\nStart-up (packs, outlets, language model): {startup:.2f} s.\n\n"
    md += "Milliseconds per article in each stage (share of the total):\n\n"
    md += "| corpus | " + " | ".join(header) + " | total |\n|---|" + "---|" * (len(header) + 1) + "\n"
    md += "\n".join(stage_rows)
    load = os.getloadavg()[0]
    html_md = ("Web pages made from the same articles (bench/_pages.py: head with meta tags and JSON-LD, "
               "navigation, a 'Baca juga' box, related links, comments, footer), one core, in CPU seconds of "
               "the process, each article's text and page timed one after the other (load average "
               f"{load:.1f} at the end of the run); 'text kept' is the "
               "extracted text's length over the corpus text's:\n\n" + "\n".join(html_rows)
               + "\n\nA CC-NEWS-like WARC of those pages (a request and a response record per page, one gzip "
               "member a record), one core:\n\n" + "\n".join(warc_rows))
    print(md)
    print()
    print(html_md)
    if args.write:
        write_section("speed", md)
        write_section("speed-html", html_md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
