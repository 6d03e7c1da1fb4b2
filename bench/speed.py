"""Speed: articles per second per core for ``analyze --jsonl``, next to the floor (a bare
regex scan of the same text in the same run), and where the time goes, stage by stage.

    python bench/speed.py [--limit N] [--write]

One process, one core. Corpora: IndoSum (Indonesian) and FA-KES (English) from ../shared.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from collections import defaultdict
from contextlib import redirect_stdout
from dataclasses import replace
from pathlib import Path

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
        spent = per_stage(recs)
        total = sum(spent.values())
        stage_rows.append(f"| {name} | " + " | ".join(
            f"{spent[s]/n*1000:.2f} ({spent[s]/total:.0%})" for s in spent) + f" | {total/n*1000:.2f} |")
        header = list(spent)
    md = "\n".join(rows) + f"\n\nStart-up (packs, outlets, language model): {startup:.2f} s.\n\n"
    md += "Milliseconds per article in each stage (share of the total):\n\n"
    md += "| corpus | " + " | ".join(header) + " | total |\n|---|" + "---|" * (len(header) + 1) + "\n"
    md += "\n".join(stage_rows)
    print(md)
    if args.write:
        write_section("speed", md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
