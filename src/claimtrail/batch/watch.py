"""Watching feeds: poll RSS/Atom feeds, fetch the items not fetched before, store them.

The ledger's ``fetched`` table remembers every item fetched, by its feed id (or link), with
what came of it, so an item is fetched once (a link another feed listed under another id
counts as fetched too): a stored or already-known article is never
fetched again; an item whose fetch failed is tried again on later polls, at most
:data:`MAX_ATTEMPTS` times in all, so that a timeout does not lose it and a dead link is
not asked for forever.

A feed is asked for with the validators of its last answer (``ETag``, ``Last-Modified``),
kept in the ``feeds`` table, so an unchanged feed costs the site a 304 and nothing else. The
items' pages are fetched only where the site's robots.txt allows it (see
:mod:`claimtrail.ingest.robots`); an item it disallows is recorded as such and not asked for
again, one whose robots.txt cannot be read waits for the next poll.
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
from claimtrail.ingest.robots import Robots
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

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        """The ``ETag`` and ``Last-Modified`` of the feed's last answer."""
        row = self.conn.execute("SELECT etag, last_modified FROM feeds WHERE feed = ?", (feed,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def polled(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        self.conn.execute(
            """INSERT INTO feeds(feed, etag, last_modified, polled_at) VALUES (?,?,?,?) ON CONFLICT(feed)
               DO UPDATE SET etag=excluded.etag, last_modified=excluded.last_modified, polled_at=excluded.polled_at""",
            (feed, etag, last_modified, _now()))

    def disallowed(self, feed: str, item: FeedItem, why: str) -> None:
        """An item the site's robots.txt keeps claimtrail from: recorded, never asked for."""
        self.conn.execute(
            """INSERT INTO fetched(key, feed, link, status, problem, attempts, article_id, at)
               VALUES (?,?,?,'disallowed',?,0,NULL,?) ON CONFLICT(key) DO UPDATE SET status='disallowed',
               problem=excluded.problem, at=excluded.at""",
            (item.key, feed, item.link, why, _now()))

    def record(self, feed: str, item: FeedItem, outcome: Outcome) -> None:
        now = _now()
        self.conn.execute(
            """INSERT INTO fetched(key, feed, link, status, problem, attempts, article_id, at)
               VALUES (?,?,?,?,?,1,?,?) ON CONFLICT(key) DO UPDATE SET status=excluded.status,
               problem=excluded.problem, attempts=fetched.attempts + 1, article_id=excluded.article_id,
               at=excluded.at""",
            (item.key, feed, item.link, outcome.status, outcome.problem, outcome.row_id, now),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class PollReport:
    feeds: int = 0
    unchanged: int = 0  # feeds that answered 304 to their validators
    disallowed: int = 0  # items robots.txt keeps claimtrail from
    waiting: list[str] = field(default_factory=list)  # items whose site's robots.txt could not be read, why
    items: int = 0  # items listed by the feeds
    fetched: int = 0  # items fetched in this poll
    added: int = 0
    seen: int = 0
    failed: int = 0  # items and feeds that failed
    problems: list[str] = field(default_factory=list)


def read_feed(feed: str, log: FetchLog | None = None) -> list[FeedItem] | None:
    """The items of a feed given as a URL or a local file, or ``None`` when the feed says it
    has not changed since the poll ``log`` remembers; raises :class:`InputError`."""
    if is_url(feed):
        etag, last_modified = log.validators(feed) if log else (None, None)
        got = fetch(feed, accept=FEED_ACCEPT, etag=etag, last_modified=last_modified)
        if got.not_modified:
            return None
        items = parse_feed(got.data, feed)
        if log is not None:  # remembered only once the feed has been read
            log.polled(feed, got.etag, got.last_modified)
        return items
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
    robots = Robots()
    report = PollReport(feeds=len(feeds))
    # (feed, item) per job handed to the batch, in order; None for a feed that failed
    order: deque[tuple[str, FeedItem | None]] = deque()

    def jobs() -> Iterator[Job]:
        taken: set[str] = set()
        for feed in feeds:
            try:
                items = read_feed(feed, log)
            except InputError as e:
                order.append((feed, None))
                yield e
                continue
            if items is None:
                report.unchanged += 1
                continue
            report.items += len(items)
            for item in items:
                if item.key in taken or item.link in taken or not log.wants(item):
                    continue
                verdict, why = robots.verdict(item.link)
                if verdict == "disallowed":
                    log.disallowed(feed, item, why or "robots.txt disallows it")
                    report.disallowed += 1
                    continue
                if verdict == "unreachable":
                    report.waiting.append(f"{item.link}: {why}")
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
