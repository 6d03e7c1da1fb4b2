"""The ``claimtrail`` command line."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from claimtrail import __version__
from claimtrail.analyzer import analyse
from claimtrail.batch import spark as spark_job
from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.ingest.readers import Item, read_jsonl_file, read_jsonl_lines, read_paths
from claimtrail.model import analysis_record
from claimtrail.serve.render import render
from claimtrail.store.ledger import Ledger
from claimtrail.store.parquet import load_parquet


def _err(msg: str) -> None:
    print(f"claimtrail: {msg}", file=sys.stderr, flush=True)


def _items(args: argparse.Namespace) -> Iterator[Item]:
    if args.jsonl:
        if args.jsonl == "-":
            yield from read_jsonl_lines(sys.stdin, "stdin")
        else:
            path = Path(args.jsonl)
            if not path.is_file():
                yield InputError(args.jsonl, "no such file")
                return
            yield from read_jsonl_file(path)
    yield from read_paths(args.inputs)


def cmd_analyze(args: argparse.Namespace) -> int:
    if not args.inputs and not args.jsonl:
        _err("analyze: give FILE..., '-' for stdin, or --jsonl IN.jsonl")
        return 2
    fmt = args.format or ("json" if args.jsonl else "text")
    failed = ok = 0
    out = sys.stdout
    for item in _items(args):
        if isinstance(item, InputError):
            failed += 1
            _err(str(item))
            continue
        try:
            a = analyse(item)
        except ClaimtrailError as e:
            failed += 1
            _err(f"{item.origin}: {e}")
            continue
        ok += 1
        if fmt == "json":
            out.write(json.dumps(analysis_record(a), ensure_ascii=False) + "\n")
        else:
            out.write(render(a) + "\n\n")
        out.flush()
    if failed:
        _err(f"{ok} analysed, {failed} failed")
    return 1 if failed else 0


@contextmanager
def _progress(enabled: bool) -> Iterator[object]:
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=True) as p:
        yield p


def cmd_ingest(args: argparse.Namespace) -> int:
    if not args.inputs and not args.jsonl:
        _err("ingest: give PATH... (files, folders, JSONL) or --jsonl IN.jsonl")
        return 2
    added = seen = failed = 0
    start = time.perf_counter()
    with Ledger(args.db) as ledger, _progress(sys.stderr.isatty() and not args.quiet) as progress:
        task = progress.add_task("ingesting", total=None) if progress is not None else None  # type: ignore[attr-defined]
        try:
            for item in _items(args):
                if isinstance(item, InputError):
                    failed += 1
                    _err(str(item))
                    ledger.record_failure(item.where, item.problem)
                elif ledger.has(item.text):
                    seen += 1
                else:
                    try:
                        _, new = ledger.add(analyse(item))
                    except ClaimtrailError as e:
                        failed += 1
                        _err(f"{item.origin}: {e}")
                        ledger.record_failure(item.origin or item.id, str(e))
                    else:
                        added += int(new)
                        seen += int(not new)
                if progress is not None:
                    progress.update(task, advance=1)  # type: ignore[attr-defined]
        except KeyboardInterrupt:
            _err(f"interrupted: {added} new articles are stored in {args.db}; run the same command to resume")
            return 130
        total = ledger.count()
    secs = time.perf_counter() - start
    rate = (added + seen) / secs if secs > 0 else 0.0
    print(f"{args.db}: {added} new, {seen} already stored, {failed} failed; "
          f"{total} articles in the ledger ({secs:.1f} s, {rate:.1f} articles/s)", file=sys.stderr)
    return 1 if failed else 0


def cmd_show(args: argparse.Namespace) -> int:
    with Ledger(args.db, readonly=True) as ledger:
        if args.all:
            ids = ledger.ids()
        else:
            ids = []
            for ref in args.ids:
                found = ledger.find(ref)
                if not found:
                    _err(f"{args.db}: no article {ref!r} (give a row id, a document id or a hash prefix)")
                    return 1
                ids.extend(found)
        for row_id in ids:
            a = ledger.load(row_id)
            if args.format == "json":
                print(json.dumps(analysis_record(a), ensure_ascii=False))
            else:
                print(f"[{row_id}] " + render(a) + "\n")
    return 0


def cmd_load_parquet(args: argparse.Namespace) -> int:
    with Ledger(args.db) as ledger:
        counts = load_parquet(Path(args.dir), ledger, lambda e: _err(str(e)))
        total = ledger.count()
    print(f"{args.db}: {counts.added} new, {counts.seen} already stored, {counts.bad} bad rows; "
          f"{total} articles in the ledger", file=sys.stderr)
    return 1 if counts.bad else 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="claimtrail", description="A ledger of who claims what in news articles.")
    ap.add_argument("--version", action="version", version=f"claimtrail {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", aliases=["analyse"], help="print the ledger of articles")
    p.add_argument("inputs", nargs="*", metavar="FILE", help="text files, folders, .jsonl files, or - for stdin")
    p.add_argument("--jsonl", metavar="IN.jsonl",
                   help="records with id, text and optional url, title, published, language")
    p.add_argument("--format", choices=["text", "json"], help="text (default) or one JSON record a line")
    p.set_defaults(fn=cmd_analyze)

    p = sub.add_parser("ingest", help="analyse articles into a SQLite ledger")
    p.add_argument("inputs", nargs="*", metavar="PATH")
    p.add_argument("--jsonl", metavar="IN.jsonl")
    p.add_argument("--db", default="ledger.db", help="ledger database (default: ledger.db)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(fn=cmd_ingest)

    p = sub.add_parser("show", help="print stored ledgers")
    p.add_argument("ids", nargs="*", metavar="ID", help="row id, document id or text-hash prefix")
    p.add_argument("--all", action="store_true", help="every stored article")
    p.add_argument("--db", default="ledger.db")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(fn=cmd_show)

    p = sub.add_parser("spark", help="analyse inputs on Spark into Parquet (needs the 'spark' extra and Java 17+)")
    spark_job.add_arguments(p)
    p.set_defaults(fn=spark_job.run_cli)

    p = sub.add_parser("load-parquet", help="store the analyses of a 'spark' output folder in a SQLite ledger")
    p.add_argument("dir", metavar="DIR", help="the spark command's --out folder, or Parquet files of analyses")
    p.add_argument("--db", default="ledger.db", help="ledger database (default: ledger.db)")
    p.set_defaults(fn=cmd_load_parquet)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = build_parser().parse_args(argv)
    if args.command == "show" and not args.ids and not args.all:
        _err("show: give an ID or --all")
        return 2
    try:
        return int(args.fn(args))
    except ClaimtrailError as e:
        _err(str(e))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
