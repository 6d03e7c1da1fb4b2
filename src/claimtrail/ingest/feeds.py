"""RSS and Atom feeds to the items they list, parsed with feedparser.

An item is known by its ``key``: the feed's own id (RSS ``guid``, Atom ``id``) when it has
one, else its link; ``claimtrail watch`` remembers keys so that no item is fetched twice.
A document that is not a feed (an HTML page, JSON, broken XML with no items) is an
:class:`InputError` naming where it came from.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from claimtrail.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's id, else its link
    link: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD, UTC) from the feed, when it gives one


def _iso(entry: Mapping[str, Any]) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date().isoformat()


def parse_feed(data: bytes, where: str) -> list[FeedItem]:
    """The items of an RSS or Atom document, in feed order; items without a link are left out."""
    if not data.strip():
        raise InputError(where, "empty feed")
    import feedparser  # loaded by the commands that read feeds only

    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise InputError(where, f"not an RSS or Atom feed{detail}")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not isinstance(link, str) or not link.strip():
            continue
        key = entry.get("id") if isinstance(entry.get("id"), str) and entry.get("id") else link
        title = entry.get("title")
        items.append(FeedItem(key=str(key), link=link.strip(), title=title if isinstance(title, str) else None,
                              published=_iso(entry)))
    return items
