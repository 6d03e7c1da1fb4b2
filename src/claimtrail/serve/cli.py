"""The ``claimtrail`` command line."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from claimtrail import __version__
from claimtrail.analyzer import analyse
from claimtrail.batch import spark as spark_job
from claimtrail.batch.local import default_workers, process
from claimtrail.batch.watch import parse_interval, poll
from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.ingest.readers import Item, Job, job_item, read_jobs, read_jsonl_file, read_jsonl_lines
from claimtrail.model import analysis_record
from claimtrail.serve import corpus_view
from claimtrail.serve.render import render
from claimtrail.serve.web_cli import add_commands as add_web_commands
from claimtrail.store.ledger import Ledger
from claimtrail.store.parquet import load_parquet, parquet_files


def _err(msg: str) -> None:
    print(f"claimtrail: {msg}", file=sys.stderr, flush=True)


def _jobs(args: argparse.Namespace, skipped: Counter[str]) -> Iterator[Job]:
    if args.jsonl:
        if args.jsonl == "-":
            yield from read_jsonl_lines(sys.stdin, "stdin")
        else:
            path = Path(args.jsonl)
            if not path.is_file():
                yield InputError(args.jsonl, "no such file")
                return
            yield from read_jsonl_file(path)
    yield from read_jobs(args.inputs, skipped)


def _items(args: argparse.Namespace) -> Iterator[Item]:
    for job in _jobs(args, Counter()):
        yield job_item(job)


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


def _skipped_note(skipped: Counter[str]) -> str:
    if not skipped:
        return ""
    parts = ", ".join(f"{n} {why}" for why, n in skipped.most_common())
    return f"; WARC records skipped: {parts}"


def cmd_ingest(args: argparse.Namespace) -> int:
    if not args.inputs and not args.jsonl:
        _err("ingest: give PATH... (files, folders, JSONL, HTML, WARC, URLs) or --jsonl IN.jsonl")
        return 2
    if args.workers is not None and args.workers < 1:
        _err("ingest: --workers must be at least 1")
        return 2
    added = seen = failed = 0
    skipped: Counter[str] = Counter()
    start = time.perf_counter()
    with Ledger(args.db) as ledger, _progress(sys.stderr.isatty() and not args.quiet) as progress:
        task = progress.add_task("ingesting", total=None) if progress is not None else None  # type: ignore[attr-defined]
        try:
            for outcome in process(_jobs(args, skipped), ledger, args.workers):
                if outcome.status == "failed":
                    failed += 1
                    _err(f"{outcome.where}: {outcome.problem}")
                elif outcome.status == "added":
                    added += 1
                else:
                    seen += 1
                if progress is not None:
                    progress.update(task, advance=1)  # type: ignore[attr-defined]
        except KeyboardInterrupt:
            _err(f"interrupted: {added} new articles are stored in {args.db}; run the same command to resume")
            return 130
        total = ledger.count()
    secs = time.perf_counter() - start
    rate = (added + seen) / secs if secs > 0 else 0.0
    print(f"{args.db}: {added} new, {seen} already stored, {failed} failed; "
          f"{total} articles in the ledger ({secs:.1f} s, {rate:.1f} articles/s){_skipped_note(skipped)}",
          file=sys.stderr)
    return 1 if failed else 0


def cmd_watch(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        _err("watch: --workers must be at least 1")
        return 2
    every = parse_interval(args.every)
    failed_any = False
    with Ledger(args.db) as ledger:
        while True:
            t0 = time.perf_counter()
            report = poll(args.feeds, ledger, args.workers,
                          on_outcome=lambda o: _err(f"{o.where}: {o.problem}") if o.status == "failed" else None)
            secs = time.perf_counter() - t0
            failed_any = failed_any or report.failed > 0
            for waiting in report.waiting:
                _err(waiting)
            unchanged = f" ({report.unchanged} unchanged)" if report.unchanged else ""
            robots = (f"; robots.txt: {report.disallowed} disallowed, {len(report.waiting)} waiting"
                      if report.disallowed or report.waiting else "")
            print(f"{args.db}: polled {report.feeds} feeds{unchanged} listing {report.items} items; "
                  f"fetched {report.fetched}: {report.added} new, {report.seen} already stored, "
                  f"{report.failed} failed{robots} ({secs:.1f} s); {ledger.count()} articles in the ledger",
                  file=sys.stderr, flush=True)
            if args.once:
                return 1 if failed_any else 0
            time.sleep(max(0.0, every - secs))


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
            if args.format == "json":
                print(json.dumps(ledger.record(row_id), ensure_ascii=False))
            else:
                print(f"[{row_id}] " + render(ledger.load(row_id)) + "\n")
    return 0


def cmd_load_parquet(args: argparse.Namespace) -> int:
    parquet_files(Path(args.dir))  # a missing or empty input is reported before any database is made
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
    p.add_argument("inputs", nargs="*", metavar="PATH",
                   help="text, JSONL, HTML and WARC (.warc, .warc.gz) files, folders, http(s) URLs, - for stdin")
    p.add_argument("--jsonl", metavar="IN.jsonl")
    p.add_argument("--db", default="ledger.db", help="ledger database (default: ledger.db)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=int, metavar="N",
                   help=f"processes analysing in parallel (default: all {default_workers()} cores)")
    p.set_defaults(fn=cmd_ingest)

    p = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest their new items")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs (or feed files)")
    p.add_argument("--db", default="ledger.db", help="ledger database (default: ledger.db)")
    p.add_argument("--every", default="15m", help="time between polls: 30s, 15m, 1h (default: 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.add_argument("--workers", type=int, metavar="N", help="processes analysing in parallel")
    p.set_defaults(fn=cmd_watch)

    p = sub.add_parser("show", help="print stored ledgers")
    p.add_argument("ids", nargs="*", metavar="ID", help="row id, document id or text-hash prefix")
    p.add_argument("--all", action="store_true", help="every stored article")
    p.add_argument("--db", default="ledger.db")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(fn=cmd_show)

    add_web_commands(sub)  # serve, export, digest
    corpus_view.add_commands(sub)  # stories, figures
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
