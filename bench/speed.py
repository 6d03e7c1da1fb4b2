"""Speed: articles per second per core for ``analyze --jsonl`` on IndoSum, next to the
floor, a bare regex scan of the same text in the same run.

    python bench/speed.py [--limit N]

Runs in one process on one core: the analyser's per-article rate, and the rate of a scan
that only finds digit runs and quotation marks in the same strings.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

from _results import write_section

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOOR = re.compile(r"\d[\d.,]*|[\"“”«»]")


def records(limit: int) -> list[dict[str, str]]:
    out = []
    with (SHARED / "corpus" / "indosum" / "indosum_dev_union.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append({"id": rec["id"], "text": rec["text"]})
            if len(out) >= limit:
                break
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--write", action="store_true", help="update the table in bench/RESULTS.md")
    args = ap.parse_args()
    recs = records(args.limit)
    tmp = ROOT / "bench" / "out"
    tmp.mkdir(exist_ok=True)
    src = tmp / "speed-in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")

    t0 = time.perf_counter()
    hits = sum(len(FLOOR.findall(r["text"])) for r in recs)
    floor = time.perf_counter() - t0

    from claimtrail.analyzer import default_pipeline
    from claimtrail.serve.cli import main as cli

    warm = time.perf_counter()
    default_pipeline().run(__import__("claimtrail.model", fromlist=["Article"]).Article("w", "Teks pemanasan."))
    startup = time.perf_counter() - warm
    t0 = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        cli(["analyze", "--jsonl", str(src)])
    took = time.perf_counter() - t0

    n = len(recs)
    mb = sum(len(r["text"].encode()) for r in recs) / 1e6
    md = "\n".join([
        "| corpus | articles | MB | analyze articles/s/core | floor articles/s | analyze / floor | start-up s |",
        "|---|---|---|---|---|---|---|",
        f"| indosum | {n} | {mb:.1f} | {n / took:,.0f} | {n / floor:,.0f} | {took / floor:,.0f}x slower "
        f"| {startup:.2f} |",
    ])
    print(md)
    if args.write:
        write_section("speed", md)
    print(f"(floor found {hits} matches)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
