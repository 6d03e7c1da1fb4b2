"""Watching feeds: poll RSS/Atom feeds, fetch the items not fetched before, store them.

The ledger's ``fetched`` table remembers every item fetched, by its feed id (or link), with
what came of it, so an item is fetched once (a link another feed listed under another id
counts as fetched too): a stored or already-known article is never
fetched again; an item whose fetch failed is tried again on later polls, at most
:data:`MAX_ATTEMPTS` times in all, so that a timeout does not lose it and a dead link is
not asked for forever.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from claimtrail.batch.local import Outcome, process
from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.ingest.feeds import FeedItem, parse_feed
from claimtrail.ingest.fetch import fetch, is_url
from claimtrail.ingest.readers import Fetch, Job
from claimtrail.store.ledger import Ledger

MAX_ATTEMPTS = 3
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``2h`` or a bare number of seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not m or float(m.group(1)) <= 0:
        raise ClaimtrailError(f"--every {text!r}: give a positive interval such as 30s, 15m or 1h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


class FetchLog:
    """The ``fetched`` table of a ledger: which feed items were fetched and how it went."""

    def __init__(self, ledger: Ledger) -> None:
        self.conn = ledger.conn

    def wants(self, item: FeedItem) -> bool:
        """Whether to fetch the item: not fetched before, under its id or (from another feed,
        under another id) its link, or failed fewer than MAX_ATTEMPTS times."""
        row = self.conn.execute("SELECT status, attempts FROM fetched WHERE key = ?", (item.key,)).fetchone()
        if row is not None:
            return row["status"] == "failed" and int(row["attempts"]) < MAX_ATTEMPTS
        done = self.conn.execute("SELECT 1 FROM fetched WHERE link = ? AND status != 'failed'", (item.link,))
        return done.fetchone() is None

    def record(self, feed: str, item: FeedItem, outcome: Outcome) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.execute(
            """INSERT INTO fetched(key, feed, link, status, problem, attempts, article_id, at)
               VALUES (?,?,?,?,?,1,?,?) ON CONFLICT(key) DO UPDATE SET status=excluded.status,
               problem=excluded.problem, attempts=fetched.attempts + 1, article_id=excluded.article_id,
               at=excluded.at""",
            (item.key, feed, item.link, outcome.status, outcome.problem, outcome.row_id, now),
        )


@dataclass
class PollReport:
    feeds: int = 0
    items: int = 0  # items listed by the feeds
    fetched: int = 0  # items fetched in this poll
    added: int = 0
    seen: int = 0
    failed: int = 0  # items and feeds that failed
    problems: list[str] = field(default_factory=list)


def read_feed(feed: str) -> list[FeedItem]:
    """The items of a feed given as a URL or a local file; raises :class:`InputError`."""
    if is_url(feed):
        data = fetch(feed, accept=FEED_ACCEPT).data
    else:
        try:
            data = Path(feed).read_bytes()
        except OSError as e:
            raise InputError(feed, f"cannot read: {e.strerror or e}") from None
    return parse_feed(data, feed)


def poll(feeds: list[str], ledger: Ledger, workers: int | None = None,
         on_outcome: Callable[[Outcome], None] | None = None) -> PollReport:
    """One poll of every feed: fetch, analyse and store the items not fetched before."""
    log = FetchLog(ledger)
    report = PollReport(feeds=len(feeds))
    # (feed, item) per job handed to the batch, in order; None for a feed that failed
    order: deque[tuple[str, FeedItem | None]] = deque()

    def jobs() -> Iterator[Job]:
        taken: set[str] = set()
        for feed in feeds:
            try:
                items = read_feed(feed)
            except InputError as e:
                order.append((feed, None))
                yield e
                continue
            report.items += len(items)
            for item in items:
                if item.key in taken or item.link in taken or not log.wants(item):
                    continue
                taken.update((item.key, item.link))
                order.append((feed, item))
                report.fetched += 1
                yield Fetch(item.link, item.published)

    for outcome in process(jobs(), ledger, workers):
        feed, item = order.popleft()
        if item is not None:
            log.record(feed, item, outcome)
        if outcome.status == "added":
            report.added += 1
        elif outcome.status == "seen":
            report.seen += 1
        else:
            report.failed += 1
            report.problems.append(f"{outcome.where}: {outcome.problem}")
        if on_outcome is not None:
            on_outcome(outcome)
    return report
