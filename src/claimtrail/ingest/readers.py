"""Reading inputs into :class:`~claimtrail.model.Article` records.

A reader yields, per input record, either an ``Article`` or an :class:`InputError`
naming where the record came from and what is wrong with it, so that a batch can report
the bad record and go on.

:func:`read_jobs` is the lazy form a process pool wants: web pages (``.html`` files, the
HTML responses of ``.warc``/``.warc.gz`` archives) come out as unextracted
:class:`~claimtrail.ingest.html.Page` records and URLs as :class:`Fetch` records, so that
fetching and extraction run in the workers. :func:`read_paths` does both in place.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimtrail.errors import InputError
from claimtrail.ingest.encoding import decode
from claimtrail.ingest.fetch import fetch, is_url
from claimtrail.ingest.files import read_bounded
from claimtrail.ingest.html import HTML_SUFFIXES, Page, page_article, read_html_file
from claimtrail.ingest.warc import WARC_SUFFIXES, is_warc, read_warc_file, read_warc_stream
from claimtrail.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: a single input larger than this is refused rather than read into memory
MAX_BYTES = 64 * 1024 * 1024

Item = Article | InputError


@dataclass(frozen=True)
class Fetch:
    """A URL still to fetch (in a worker, so that many fetches wait on the network at once)."""

    url: str
    published: str | None = None  # the date a feed gives the item, for a page that has none


#: what a reader hands a batch: an article, a page still to extract, a URL still to fetch, or an error
Job = Article | Page | Fetch | InputError


def article_from_bytes(data: bytes, where: str, doc_id: str | None = None, **meta: Any) -> Article:
    text, encoding, repairs = decode(data, where)
    return Article(
        id=doc_id or content_id(text),
        text=text,
        origin=where,
        encoding=encoding,
        repairs=repairs,
        **meta,
    )


def content_id(text: str) -> str:
    """A stable id from the text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_text_file(path: Path) -> Item:
    where = str(path)
    data = read_bounded(path, MAX_BYTES)
    if isinstance(data, InputError):
        return data
    try:
        return article_from_bytes(data, where, doc_id=path.stem)
    except InputError as e:
        return e


_FIELDS = {"url": str, "title": str, "published": str, "language": str}


def record_to_article(rec: Any, where: str) -> Article:
    """One JSON Lines record (``id``, ``text``, optional ``url``, ``title``, ``published``,
    ``language``) as an article; its text is taken exactly as given."""
    if not isinstance(rec, dict):
        raise InputError(where, "a record must be a JSON object")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(where, "the record has no string field 'text'")
    if not text.strip():
        raise InputError(where, "empty text")
    doc_id = rec.get("id")
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        raise InputError(where, "field 'id' must be a string or a number")
    meta: dict[str, Any] = {}
    for name, kind in _FIELDS.items():
        value = rec.get(name)
        if value is None:
            continue
        if not isinstance(value, kind):
            raise InputError(where, f"field {name!r} must be a string")
        meta[name] = value
    return Article(id=str(doc_id) if doc_id is not None else content_id(text), text=text, origin=where, **meta)


def read_jsonl_lines(lines: Iterable[str | bytes], name: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        where = f"{name}:{n}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield InputError(where, "line is not UTF-8")
                continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(where, f"not valid JSON ({e.msg} at column {e.colno})")
            continue
        try:
            yield record_to_article(rec, where)
        except InputError as e:
            yield e


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        with path.open("rb") as f:
            yield from read_jsonl_lines(f, str(path))
    except OSError as e:
        yield InputError(str(path), f"cannot read: {e.strerror or e}")


def read_paths(paths: Iterable[str], skipped: Counter[str] | None = None) -> Iterator[Item]:
    """Files, folders (recursively: text, JSONL, HTML and WARC files), http(s) URLs and
    ``-`` for stdin, as articles or errors, in order."""
    for job in read_jobs(paths, skipped):
        yield job_item(job)


def job_item(job: Job) -> Item:
    """A job as an item: a URL is fetched and a page extracted here, a failure returned as the error."""
    if isinstance(job, Fetch):
        got = fetch_job(job.url)
        job = replace(got, published=job.published) if isinstance(got, Page) and job.published else got
    if not isinstance(job, Page):
        return job
    try:
        return page_article(job)
    except InputError as e:
        return e


def read_jobs(paths: Iterable[str], skipped: Counter[str] | None = None) -> Iterator[Job]:
    """As :func:`read_paths`, leaving pages unextracted; ``skipped`` counts the WARC
    records that are not HTML responses."""
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            try:
                yield article_from_bytes(data, "stdin")
            except InputError as e:
                yield e
            continue
        if is_url(p):
            yield Fetch(p)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and _wanted(f))
            if not files:
                yield InputError(str(path), "folder holds no .txt, .jsonl, .html or .warc files")
            for f in files:
                yield from _read_file(f, skipped)
        elif path.exists():
            yield from _read_file(path, skipped)
        else:
            yield InputError(str(path), "no such file or folder")


_TEXT_TYPES = frozenset({"text/plain"})
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})


def fetch_job(url: str) -> Article | Page | InputError:
    """Fetch one URL: a web page to extract, a plain-text article, or the error."""
    try:
        got = fetch(url)
        if got.content_type in _PAGE_TYPES:
            return Page(got.data, url, url=got.final_url, charset=got.charset)
        if got.content_type in _TEXT_TYPES:
            return article_from_bytes(got.data, url, doc_id=got.final_url, url=got.final_url)
        if got.content_type in _FEED_TYPES:
            return InputError(url, f"a feed ({got.content_type}), not a page: use claimtrail watch {url}")
        return InputError(url, f"not a web page or text (content type {got.content_type})")
    except InputError as e:
        return e


def file_kind(name: str) -> str | None:
    """Which reader a file name calls for: ``text``, ``jsonl``, ``warc``, ``html``, or None to leave it."""
    low = name.lower()
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = Path(low).suffix
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def items_from_bytes(data: bytes, where: str) -> Iterator[Item]:
    """The articles (or errors) of one whole file's bytes, read as its name ``where`` says
    (a job that is handed files whole, as Spark's ``binaryFiles`` does; text by default)."""
    kind = file_kind(where) or "text"
    if kind == "jsonl":
        yield from read_jsonl_lines(io.BytesIO(data), where)
    elif kind == "warc":
        yield from read_warc_stream(io.BytesIO(data), where)
    elif kind == "html":
        yield job_item(Page(data, where))
    elif len(data) > MAX_BYTES:
        yield InputError(where, f"too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    else:
        try:
            yield article_from_bytes(data, where, doc_id=Path(where).stem)
        except InputError as e:
            yield e


def _wanted(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES or is_warc(path)


def _read_file(path: Path, skipped: Counter[str] | None = None) -> Iterator[Job]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path)
    elif is_warc(path):
        yield from read_warc_file(path, skipped)
    else:
        yield read_text_file(path)
