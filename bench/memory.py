"""Memory: peak resident memory while ``ingest`` stores many articles through the local pool.

    python bench/memory.py [--size 100000] [--every 1000] [--workers N] [--write]

The articles are IndoSum texts from ../shared repeated with a varying last line, so every
one is distinct and is analysed and stored. They stream from a JSON Lines file through
the same path as ``claimtrail ingest in.jsonl --db ledger.db``; every ``--every`` articles
the resident memory of the parent, of the workers (and the forkserver that starts them)
and of the whole is read from /proc. A flat curve is the point: the input is read as it
is consumed and only a bounded number of jobs is in flight.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from _results import write_section

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "indosum" / "indosum_dev_union.jsonl"


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parent[int(entry)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        kids = [p for p, pp in parent.items() if pp == pid]
        out += kids
        todo += kids
    return out


def rss_mb() -> tuple[float, float]:
    """(parent, parent + every descendant) resident memory in MB."""
    me = os.getpid()
    own = _rss_kb(me)
    return own / 1024, (own + sum(_rss_kb(p) for p in _descendants(me))) / 1024


def articles(size: int) -> Iterator[str]:
    base = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                base.append(rec["text"])
    for i in range(size):
        note = f"(Artikel ini diperbarui untuk ke-{i + 1} kalinya pada pukul 09.{i % 60:02d} WIB.)"
        text = base[i % len(base)] + "\n\n" + note
        yield json.dumps({"id": f"mem-{i}", "text": text}, ensure_ascii=False) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--every", type=int, default=1_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--write", action="store_true", help="update the section in bench/RESULTS.md")
    args = ap.parse_args()
    from claimtrail.batch.local import process
    from claimtrail.ingest.readers import read_jsonl_file
    from claimtrail.store.ledger import Ledger

    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    src, db = out / "memory-in.jsonl", out / "memory.db"
    with src.open("w", encoding="utf-8") as f:
        f.writelines(articles(args.size))
    for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        p.unlink(missing_ok=True)

    first: tuple[int, float, float] | None = None
    last: tuple[int, float, float] = (0, 0.0, 0.0)
    rows = ["| articles stored | parent RSS MB | parent + workers RSS MB | articles/s so far |", "|---|---|---|---|"]
    peak_parent = peak_all = 0.0
    done = failed = 0
    t0 = time.perf_counter()
    with Ledger(db) as ledger:
        for outcome in process(read_jsonl_file(src), ledger, args.workers):
            done += 1
            failed += outcome.status == "failed"
            if done % args.every == 0 or done == args.size:
                parent, total = rss_mb()
                peak_parent, peak_all = max(peak_parent, parent), max(peak_all, total)
                first = first or (done, parent, total)
                last = (done, parent, total)
                rate = done / (time.perf_counter() - t0)
                rows.append(f"| {done:,} | {parent:.0f} | {total:.0f} | {rate:.1f} |")
                print(rows[-1], flush=True)
    secs = time.perf_counter() - t0
    md = (f"`bench/memory.py --size {args.size} --workers {args.workers}`: {done:,} distinct articles "
          f"(IndoSum texts with a varying last line) from JSON Lines into a new ledger through the local pool, "
          f"{failed} failed, {secs:.0f} s ({done / secs:.1f} articles/s on a machine shared with other jobs); "
          f"database {db.stat().st_size / 1e6:.0f} MB. Peak resident memory: parent {peak_parent:.0f} MB, "
          f"parent + workers {peak_all:.0f} MB.")
    if first is not None and last[0] > first[0]:
        md += (f" From the first sample to the last: parent {last[1] - first[1]:+.0f} MB, parent + workers "
               f"{last[2] - first[2]:+.0f} MB over {last[0] - first[0]:,} articles.")
    md += "\n\n" + "\n".join(rows)
    print(md)
    if args.write:
        write_section("memory", md)
    src.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
