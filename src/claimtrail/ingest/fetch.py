"""Fetching a URL over HTTP(S) with the standard library: a timeout on every read, a cap
on the size of what is read, a bounded number of redirects, and a user agent that names
the tool and its version so that a site's operator knows who is asking.

Every failure (timeout, refused connection, HTTP error status, too large, not a web page
or feed) is an :class:`InputError` naming the URL; an HTTP error status is a
:class:`HTTPStatusError`, which says the status. A poll may send the validators of its last
fetch (``ETag``, ``Last-Modified``): an unchanged resource comes back as ``not_modified``
with no body.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from claimtrail import __version__
from claimtrail.errors import InputError

USER_AGENT = f"claimtrail/{__version__} (a ledger of claims in news articles)"
TIMEOUT_S = 20.0
MAX_FETCH_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    data: bytes
    content_type: str  # the MIME type, lower case, without parameters
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None
    #: the server answered 304 to the validators sent: nothing changed, no body
    not_modified: bool = False


class HTTPStatusError(InputError):
    """The server answered with an error status (4xx, 5xx)."""

    def __init__(self, where: str, status: int, reason: str) -> None:
        super().__init__(where, f"HTTP {status} {reason}")
        self.status = status

    def __reduce__(self) -> tuple[type[HTTPStatusError], tuple[str, int, str]]:  # type: ignore[override]
        return (HTTPStatusError, (self.where, self.status, self.problem.split(" ", 2)[-1]))


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


_OPENER = urllib.request.build_opener(_Redirects())


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None,
          accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
          etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET ``url``; raises :class:`InputError` naming it on any failure. ``timeout`` (seconds,
    for connecting and for each read) and ``max_bytes`` default to the module's limits;
    ``etag`` and ``last_modified`` (from an earlier fetch) make the request conditional."""
    timeout = TIMEOUT_S if timeout is None else timeout
    max_bytes = MAX_FETCH_BYTES if max_bytes is None else max_bytes
    if not is_url(url):
        raise InputError(url, "not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    req = urllib.request.Request(url, headers=headers)
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            got: Message = resp.headers
            declared = got.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(url, f"too large ({int(declared):,} bytes; the limit is {max_bytes:,})")
            data = resp.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError(url, f"too large (more than {max_bytes:,} bytes)")
            final = resp.geturl()
    except urllib.error.HTTPError as e:
        if e.code == 304 and (etag or last_modified):
            return Fetched(url, url, b"", "", None, e.headers.get("ETag") or etag,
                           e.headers.get("Last-Modified") or last_modified, not_modified=True)
        if 300 <= e.code < 400:
            raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
        raise HTTPStatusError(url, e.code, str(e.reason)) from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, f"cannot fetch: {reason}") from None
    except TimeoutError:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as e:  # reset, a bad status line, cut short
        raise InputError(url, f"cannot fetch: {e}") from None
    return Fetched(url, final, data, got.get_content_type().lower(), got.get_content_charset(),
                   got.get("ETag"), got.get("Last-Modified"))
