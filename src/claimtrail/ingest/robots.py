"""robots.txt for the pages claimtrail fetches on its own (the items of watched feeds).

A URL a user names (``claimtrail ingest https://...``) is fetched as asked, like a browser
would; the links a feed lists are fetched by the tool, so it asks each site's robots.txt
first, once per host and poll, under its own user agent's name. Following RFC 9309: a
robots.txt that does not exist (4xx) allows everything; one that cannot be read (a 5xx, a
timeout, a refused connection) allows nothing for now, and the items wait for a later poll.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from claimtrail.errors import InputError
from claimtrail.ingest.fetch import Fetched, HTTPStatusError, fetch

#: the name claimtrail's rules are looked up under ("User-agent: claimtrail")
AGENT = "claimtrail"
#: a robots.txt is small; more than this is read no further (RFC 9309 asks for at least 500 KiB)
MAX_ROBOTS_BYTES = 512 * 1024
ROBOTS_TIMEOUT_S = 10.0

Verdict = Literal["allowed", "disallowed", "unreachable"]


@dataclass(frozen=True)
class _Rules:
    parser: RobotFileParser | None  # None: the file could not be read
    problem: str | None = None


class Robots:
    """The robots.txt rules of each host asked about, each fetched once."""

    def __init__(self, fetcher: Callable[..., Fetched] = fetch) -> None:
        self._fetch = fetcher
        self._hosts: dict[str, _Rules] = {}

    def verdict(self, url: str) -> tuple[Verdict, str | None]:
        """Whether claimtrail may fetch ``url``, and why not when it may not."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return "allowed", None
        root = f"{parts.scheme}://{parts.netloc}"
        rules = self._hosts.get(root)
        if rules is None:
            rules = self._hosts[root] = self._read(root + "/robots.txt")
        if rules.parser is None:
            return "unreachable", rules.problem
        if rules.parser.can_fetch(AGENT, url):
            return "allowed", None
        return "disallowed", f"{root}/robots.txt disallows it for {AGENT}"

    def _read(self, robots_url: str) -> _Rules:
        parser = RobotFileParser(robots_url)
        try:
            got = self._fetch(robots_url, timeout=ROBOTS_TIMEOUT_S, max_bytes=MAX_ROBOTS_BYTES, accept="text/plain")
        except HTTPStatusError as e:
            if 400 <= e.status < 500:  # no robots.txt: no rules
                parser.parse([])
                return _Rules(parser)
            return _Rules(None, f"{robots_url} could not be read ({e.problem}); tried again on the next poll")
        except InputError as e:
            return _Rules(None, f"{robots_url} could not be read ({e.problem}); tried again on the next poll")
        parser.parse(got.data.decode(got.charset or "utf-8", errors="replace").splitlines())
        return _Rules(parser)
