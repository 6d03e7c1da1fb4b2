"""WARC archives (the Common Crawl CC-NEWS layout) to pages and articles.

Records are streamed with fastwarc, gzip (one member a record, as Common Crawl writes
them) or plain, told apart by their first bytes. HTML responses with status 200 become
:class:`~claimtrail.ingest.html.Page` records named ``file:offset`` (the record's offset
in the file as stored, so ``dd``/range requests find it), with the record's target URI as
their URL and the HTTP header's charset; every other record is skipped and counted. A
record cut short (a truncated download, a broken gzip member) or an archive that stops
parsing is reported with its offset, and the records before it are kept.

:func:`read_warc_stream` is the entry point for callers that hold a stream of their own
(a Spark task reading one file of a crawl): it extracts each page as it goes.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from claimtrail.errors import InputError
from claimtrail.ingest.html import MAX_HTML_BYTES, Page, page_article
from claimtrail.model import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

Item = Article | InputError


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _mime(record: WarcRecord) -> str:
    value = record.http_headers.get("Content-Type") if record.http_headers is not None else None
    return (value or "").split(";", 1)[0].strip().lower()


def warc_pages(stream: BinaryIO, where: str, skipped: Counter[str] | None = None) -> Iterator[Page | InputError]:
    """The HTML responses of a WARC stream as pages, in file order.

    ``skipped`` (when given) counts the records left out, by reason ("request",
    "response not HTML", "response status 301", ...).
    """
    skipped = skipped if skipped is not None else Counter()
    last = 0
    records = 0
    try:
        for record in ArchiveIterator(stream, parse_http=True, record_types=WarcRecordType.any_type):
            last = record.stream_pos
            records += 1
            at = f"{where}:{record.stream_pos}"
            if record.record_type != WarcRecordType.response:
                skipped[str(record.record_type).removeprefix("WarcRecordType.")] += 1
                continue
            uri = record.headers.get("WARC-Target-URI")
            if not uri:
                yield InputError(at, "WARC response record without a target URI (its header is cut short?)")
                continue
            if record.http_headers is None:
                skipped["response without HTTP headers"] += 1
                continue
            status = record.http_headers.status_code
            if status != 200:
                skipped[f"response status {status}"] += 1
                continue
            if _mime(record) not in HTML_TYPES:
                skipped["response not HTML"] += 1
                continue
            size = record.content_length
            if size > MAX_HTML_BYTES:
                yield InputError(at, f"{uri}: page too large ({size:,} bytes; the limit is {MAX_HTML_BYTES:,})")
                continue
            data = record.reader.read(size)
            if len(data) < size:
                yield InputError(at, f"{uri}: record cut short ({len(data):,} of {size:,} bytes); "
                                     "the archive is truncated or a gzip member is broken")
                continue
            yield Page(data, at, url=uri, charset=record.http_charset)
        if not records:
            yield InputError(where, "no WARC records (an empty file, a broken gzip stream, or not a WARC archive)")
    except OSError as e:
        place = f"{where}:{last}" if last else where
        after = " after the record at this offset" if last else ""
        yield InputError(place, f"the WARC archive stops parsing{after} ({e}); the records before it are kept")


def read_warc_stream(stream: BinaryIO, where: str) -> Iterator[Item]:
    """Articles (or errors naming ``where:offset``) from one WARC stream, gzip or plain."""
    for page in warc_pages(stream, where):
        if isinstance(page, InputError):
            yield page
            continue
        try:
            yield page_article(page)
        except InputError as e:
            yield e


def read_warc_file(path: Path, skipped: Counter[str] | None = None) -> Iterator[Page | InputError]:
    try:
        with path.open("rb") as f:
            yield from warc_pages(f, str(path), skipped)
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")


def response_record(url: str, html: bytes, *, content_type: str = "text/html; charset=utf-8", status: int = 200,
                    date: str = "2024-01-01T00:00:00Z") -> bytes:
    """One WARC/1.0 response record holding an HTTP response (for archiving fetched pages,
    and for tests and benchmarks that need archives of their own)."""
    reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}.get(status, "Status")
    http = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(html)}\r\n\r\n").encode("latin-1") + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode("utf-8") + http + b"\r\n\r\n"


def request_record(url: str, date: str = "2024-01-01T00:00:00Z") -> bytes:
    """The WARC request record a crawler writes before each response."""
    http = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\nUser-Agent: claimtrail\r\n\r\n".encode()
    head = (f"WARC/1.0\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=request\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode("utf-8") + http + b"\r\n\r\n"
