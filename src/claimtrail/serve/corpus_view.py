"""The ``stories`` and ``figures`` commands: copies of one story, and figure groups, as
text tables, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path

from claimtrail.errors import InputError, StoreError
from claimtrail.serve.render import amount, number
from claimtrail.store.corpus import Group, Story, groups, stories
from claimtrail.store.ledger import Ledger


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(out)


STORY_COLUMNS = ["story", "article", "doc_id", "published", "language", "outlet", "link", "title"]


def _story_rows(ss: list[Story]) -> list[list[str]]:
    return [[str(s.id), str(a.article_id), a.doc_id, a.published or "", a.language or "", a.outlet or "", a.link,
             (a.title or "")[:60]] for s in ss for a in s.articles]


def render_stories(ss: list[Story], fmt: str) -> str:
    if fmt == "json":
        return "\n".join(json.dumps(asdict(s), ensure_ascii=False) for s in ss)
    if fmt == "csv":
        return _csv(STORY_COLUMNS, _story_rows(ss))
    parts = []
    for s in ss:
        parts.append(f"story {s.id}: {len(s.articles)} articles, origin {s.origin} ({s.origin_by})")
        parts.append(_table(STORY_COLUMNS[1:], [r[1:] for r in _story_rows([s])]))
        parts.append("")
    parts.append(f"{len(ss)} stories of two or more articles")
    return "\n".join(parts)


FIGURE_COLUMNS = ["group", "concept", "event", "place", "article", "doc_id", "story", "day", "value", "qualifier",
                  "text", "claimant", "outlet"]


def _figure_rows(gs: list[Group]) -> list[list[str]]:
    return [[str(g.id), g.concept, g.event or "", g.place, str(f.article_id), f.doc_id,
             "" if f.story is None else str(f.story), f.day or "",
             amount("exact", f.value, f.low, f.high),  # the hedge has its own column
             f.qualifier + (" (denied)" if f.stance == "deny" else ""), f.text, f.claimant or "", f.outlet or ""]
            for g in gs for f in g.figures]


def _verdict(g: Group) -> str:
    if g.consistent:
        hi = "inf" if g.high is None else number(g.high)
        agree = f"consistent (every figure allows {number(g.low)}..{hi})"
    else:
        agree = "NOT consistent (no value fits every figure)"
    return f"{agree}; spread {number(g.spread)} ({g.relative_spread:.0%} of the largest)"


def render_groups(gs: list[Group], fmt: str) -> str:
    if fmt == "json":
        return "\n".join(json.dumps(asdict(g), ensure_ascii=False) for g in gs)
    if fmt == "csv":
        return _csv(FIGURE_COLUMNS, _figure_rows(gs))
    parts = []
    for g in gs:
        days = g.first_day if g.first_day == g.last_day else f"{g.first_day}..{g.last_day}"
        parts.append(f"group {g.id}: {g.concept} {g.event or '(no event)'} in {g.place}, {days}, "
                     f"{g.articles} articles: {_verdict(g)}")
        cols = FIGURE_COLUMNS[4:]
        parts.append(_table(cols, [r[4:] for r in _figure_rows([g])]))
        parts.append("")
    parts.append(f"{len(gs)} figure groups (articles with the same story number are copies or translations of "
                 "one another: they repeat a figure, they do not confirm it)")
    return "\n".join(parts)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().rstrip("\n")


def _open(db: str) -> Ledger:
    """The ledger, opened for writing so that one stored before the cross-article tables
    existed gets them filled in first; a missing file is an error, not a new ledger."""
    if not Path(db).is_file():
        raise StoreError(f"{db}: no such ledger database")
    return Ledger(db)


def cmd_stories(args: argparse.Namespace) -> int:
    with _open(args.db) as ledger:
        print(render_stories(stories(ledger.conn), args.format))
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    if args.since:
        try:
            date.fromisoformat(args.since)
        except ValueError:
            raise InputError("--since", f"{args.since!r} is not a date (give YYYY-MM-DD)") from None
    with _open(args.db) as ledger:
        gs = groups(ledger.conn, args.concept, args.place, args.since, min_articles=args.min_articles)
        print(render_groups(gs, args.format))
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``stories`` and ``figures`` on the command line's subparsers."""
    p = sub.add_parser("stories", help="articles that are copies or translations of one another")
    p.add_argument("--db", default="ledger.db")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(fn=cmd_stories)

    p = sub.add_parser("figures", help="figures about the same quantity across articles, and whether they agree")
    p.add_argument("--db", default="ledger.db")
    p.add_argument("--concept", help="what is counted, in English (civilian, person, child, ...)")
    p.add_argument("--place", help="a listed place, by any of its names (Aleppo, Алеппо)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="groups whose last day is on or after this date")
    p.add_argument("--min-articles", type=int, default=2, help="groups with at least this many articles (default 2)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(fn=cmd_figures)
