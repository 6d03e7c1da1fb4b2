"""Web pages to articles: decode the page, take its main text and its own metadata.

A :class:`Page` is the raw bytes of one HTML document and where it came from (a file, a
WARC record ``file:offset``, or a URL). :func:`page_article` decodes it (the HTTP
charset, then the page's ``<meta charset>``, then detection), hands it to trafilatura for
the main text, title, author, date, site name and canonical URL, and returns an
:class:`~claimtrail.model.Article` whose text is the extracted main text: every span of
the analysis points into it, and ``origin`` (file, ``file:offset`` or URL), ``url``,
``fetched_url`` and ``page_sha256`` (of the page's bytes) lead back to the very page.

Extraction is kept out of the readers' loop on purpose: a page is cheap to move to a
worker process and costly to extract, so the local pool extracts in its workers.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimtrail.errors import InputError
from claimtrail.ingest.encoding import decode, repair_text
from claimtrail.ingest.files import read_bounded
from claimtrail.model import Article, Repair

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: a page larger than this is refused: news pages are well under it, and trafilatura's
#: memory and time grow with the tree
MAX_HTML_BYTES = 8 * 1024 * 1024
#: pages shorter than this after extraction hold no article (a gallery, an index page)
MIN_TEXT_CHARS = 40



@lru_cache(maxsize=1)
def _trafilatura() -> tuple[Any, Any]:
    """trafilatura and its settings, loaded on the first page (a quarter of a second that
    commands reading no page should not pay)."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura falls back to a cruder whole-page extraction when its main pass finds fewer than
    # MIN_EXTRACTED_SIZE (250) characters; that fallback joins the headline, byline and paragraphs
    # into one line, which loses the dateline and the paragraph structure of a short wire story
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_TEXT_CHARS))
    # htmldate's extensive search reads any date-like text of the page, down to the footer's
    # "(c) 2024", which it turns into 2024-01-01: the page's date comes from its metadata and URL
    # only, and the analysis finds datelines in the text itself
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return trafilatura, config

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    """One HTML document as fetched or archived, not yet extracted."""

    data: bytes
    where: str  # file path, ``file.warc.gz:offset`` or the URL fetched
    url: str | None = None  # the URL the page was fetched from (WARC target URI, final URL)
    charset: str | None = None  # from the HTTP Content-Type header, when there was one
    published: str | None = None  # the date a feed gives the item: used when the page has none


def read_html_file(path: Path) -> Page | InputError:
    data = read_bounded(path, MAX_HTML_BYTES, "page too large")
    return data if isinstance(data, InputError) else Page(data, str(path))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or the XML prolog)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "replace").lower() if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_page(data: bytes, where: str, http_charset: str | None = None) -> tuple[str, str, tuple[Repair, ...]]:
    """The page as text, its encoding and what was done to get it.

    The HTTP header's charset wins, then the page's own declaration; a declared charset
    that Python does not know, or that does not fit the bytes, falls back to detection
    (:func:`claimtrail.ingest.encoding.decode`) with a repair note saying so.
    """
    if not data.strip():
        raise InputError(where, "empty page")
    notes: list[Repair] = []
    for label, name in (("HTTP header", http_charset), ("page", declared_charset(data))):
        if not name:
            continue
        codec = _codec(name)
        if codec is None:
            notes.append(Repair("encoding", f"the {label} declares charset {name!r}, which is unknown"))
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            notes.append(Repair("encoding", f"the {label} declares charset {name!r}, but the bytes do not fit it"))
            continue
        if codec.replace("_", "-") not in ("utf-8", "ascii"):
            notes.append(Repair("encoding", f"decoded as {codec} (declared by the {label})"))
        return text, codec, tuple(notes)
    text, encoding, repairs = decode(data, where)
    return text, encoding, tuple(notes) + repairs


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def page_article(page: Page) -> Article:
    """Extract the article of a page; raises :class:`InputError` naming the page."""
    where = page.where
    if len(page.data) > MAX_HTML_BYTES:
        raise InputError(where, f"page too large ({len(page.data):,} bytes; the limit is {MAX_HTML_BYTES:,})")
    html, encoding, repairs = decode_page(page.data, where, page.charset)
    try:
        trafilatura, config = _trafilatura()
        doc = trafilatura.bare_extraction(html, url=page.url, with_metadata=True, include_comments=False,
                                          include_tables=False, config=config)
    except Exception as e:  # lxml and trafilatura raise many kinds; a page they choke on is a bad input
        raise InputError(where, f"cannot parse the page as HTML ({e})") from None
    if doc is None or isinstance(doc, dict):
        raise InputError(where, "no main text found in the page")
    title = _clean(doc.title)
    text = doc.text or ""
    lines = text.split("\n")
    if title and lines and " ".join(lines[0].split()) == title:
        # trafilatura repeats the headline as the first line; the dateline must come first
        text = "\n".join(lines[1:])
    text = text.strip()
    if len(text) < MIN_TEXT_CHARS:
        raise InputError(where, f"no article text in the page ({len(text)} characters extracted)")
    text, fixed = repair_text(text)
    url = _clean(doc.url) or page.url
    published, origin = _clean(doc.date), "page"
    if published is None and page.published:
        published, origin = page.published, "feed"
    return Article(
        id=url or where,
        text=text,
        url=url,
        title=title,
        published=published,
        published_origin=origin if published else "input",
        language=None,
        origin=where,
        encoding=encoding,
        repairs=repairs + fixed,
        site_name=_clean(doc.sitename),
        author=_clean(doc.author),
        fetched_url=page.url,
        page_sha256=hashlib.sha256(page.data).hexdigest(),
    )
