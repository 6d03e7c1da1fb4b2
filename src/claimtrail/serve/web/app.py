"""The ledger in a browser: server-rendered pages over a read-only ledger database.

``create_app(db)`` checks the database before it serves anything (a missing or broken file
is a :class:`StoreError` at start), then answers:

- ``/``                      recent articles and the search form
- ``/article/{ref}``         the text with every item highlighted, a side ledger, the outlets
- ``/search``                full-text search with filters; results list the matching figures and quotes
- ``/groups``, ``/groups/{id}``    figure groups: one quantity across articles, charted, conflicts first
- ``/stories``, ``/stories/{id}``  republication clusters: origin first, each copy's changes, the evidence of each link

A ledger without the cross-article tables (one stored before them, opened read-only) gets a
page that says so on those addresses, never an error.
- ``/exports`` and ``/export/...``  the exports of :mod:`claimtrail.serve.export` as downloads

Every page carries a Content-Security-Policy that allows no inline script and nothing
from another origin; the only script is ``static/app.js``.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimtrail.errors import StoreError
from claimtrail.model import Analysis
from claimtrail.outlets import load_outlets
from claimtrail.serve import export
from claimtrail.serve.render import amount, figure_line, number
from claimtrail.serve.web import chart, story_diff
from claimtrail.serve.web.highlight import Mark, highlight, inert
from claimtrail.store import corpus, queries

HERE = Path(__file__).resolve().parent

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")

#: the cross-article pages: navigation title, table, what they show
PENDING = {
    "groups": ("Figure groups", "figure_groups",
               "the same figure (concept, unit and value) reported across articles, and who disagrees"),
    "stories": ("Stories", "stories", "republication clusters: the same story carried by several outlets"),
}


def safe_url(url: str | None) -> str | None:
    """A URL fit for an ``href``: only http and https; anything else is shown as text."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url.strip()):
        return url.strip()
    return None


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["inert"] = inert
    env.filters["safe_url"] = safe_url
    env.filters["number"] = number
    env.filters["figure_value"] = _member_value
    env.globals["search_url"] = search_url
    return env


def search_url(f: queries.Filters, start: int = 0) -> str:
    """The address of a search with these filters, from result ``start`` on."""
    pairs = {"q": f.query, "lang": f.language, "outlet": f.outlet, "from": f.date_from, "to": f.date_to,
             "speaker": f.speaker, "concept": f.concept, "start": str(start) if start else ""}
    return "/search?" + urlencode({k: v for k, v in pairs.items() if v})


#: rows on one page of /groups and /stories
PER_PAGE = 100


@dataclass(frozen=True)
class Pages:
    """Where one page of a long list stands: rows ``first``-``last`` of ``total``, and the
    addresses of the pages before and after it (None at either end)."""

    first: int
    last: int
    total: int
    previous: str | None
    next: str | None


def _start(text: str) -> int:
    """The ``start`` parameter of a list page: a row number, 0 when missing or not one."""
    return min(int(text), 10**9) if text.isdigit() and len(text) < 12 else 0


def _pages(path: str, f: dict[str, str], start: int, shown: int, total: int) -> Pages:
    def at(n: int) -> str:
        pairs = {**{k: v for k, v in f.items() if v}, **({"start": str(n)} if n else {})}
        return path + ("?" + urlencode(pairs) if pairs else "")

    return Pages(start + 1 if shown else 0, start + shown, total,
                 at(max(0, start - PER_PAGE)) if start > 0 else None,
                 at(start + PER_PAGE) if start + shown < total else None)


def _member_value(m: queries.GroupMember) -> str:
    return amount(m.qualifier, m.value, m.low, m.high, m.unit)


class Reader:
    """One read-only connection per server thread."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._local = threading.local()
        self._choices: tuple[float, queries.Choices] | None = None
        queries.open_readonly(db).close()  # fails now, with a message, when the file is not a ledger

    def choices(self, ttl: float = 60.0) -> queries.Choices:
        """The search form's filter values, read at most once a minute (they scan the articles)."""
        now = time.monotonic()
        cached = self._choices
        if cached is None or now - cached[0] > ttl:
            cached = (now, queries.choices(self.conn()))
            self._choices = cached
        return cached[1]

    def conn(self) -> sqlite3.Connection:
        c: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if c is None:
            c = queries.open_readonly(self.db)
            self._local.conn = c
        return c


def create_app(db: str | Path) -> FastAPI:
    """The web app over the ledger at ``db``; raises :class:`StoreError` when it is not one."""
    reader = Reader(Path(db))
    env = _environment()
    app = FastAPI(title="claimtrail", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(db_name=reader.db.name, pending=PENDING, **ctx)
        return HTMLResponse(html, status_code=status)

    def error(status: int, title: str, message: str) -> HTMLResponse:
        return page("error.html", status=status, title=title, message=message)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        if exc.status_code == 404:
            return error(404, "Not found", f"There is no page at {request.url.path}.")
        return error(exc.status_code, "Request not understood", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> HTMLResponse:
        where = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors())
        return error(400, "Request not understood", f"{request.url.path}: {where}")

    @app.exception_handler(sqlite3.DatabaseError)
    async def db_error(request: Request, exc: sqlite3.DatabaseError) -> HTMLResponse:
        return error(503, "The ledger cannot be read",
                     f"{reader.db}: the database could not be read ({exc}). Check the file, or run 'claimtrail "
                     "ingest' again to rebuild it.")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> HTMLResponse:
        return error(503, "The ledger cannot be read", str(exc))

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        c = reader.conn()
        return page("index.html", articles=queries.recent_articles(c), total=queries.article_count(c),
                    choices=reader.choices(), f=queries.Filters())

    @app.get("/article/{ref}", response_class=HTMLResponse)
    def article(ref: str) -> HTMLResponse:
        c = reader.conn()
        row_id = queries.resolve(c, ref)
        a = queries.load_analysis(c, row_id) if row_id is not None else None
        row = queries.article_row(c, row_id) if row_id is not None else None
        if a is None or row is None or row_id is None:
            return error(404, "No such article", f"The ledger has no article {ref[:200]!r} (give a row id or a "
                         "document id).")
        outlets = queries.article_outlets(c, row_id)
        if row.url and not any(o.relation == "publisher" for o in outlets):
            outlets[:0] = _publisher_by_url(row.url)
        return page("article.html", row=row, a=a, body=highlight(a.article.text, marks_of(a)),
                    items=side_ledger(a), outlets=outlets, links=queries.article_links(c, row_id))

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request) -> HTMLResponse:
        p = request.query_params
        f = queries.Filters(query=p.get("q", ""), language=p.get("lang", ""), outlet=p.get("outlet", ""),
                            date_from=p.get("from", ""), date_to=p.get("to", ""), speaker=p.get("speaker", ""),
                            concept=p.get("concept", ""))
        offset = int(p.get("start", "0")) if p.get("start", "0").isdigit() else 0
        c = reader.conn()
        ch = reader.choices()
        if f.empty():
            return page("search.html", f=f, choices=ch, result=None, message=None)
        try:
            result = queries.search(c, f, offset=min(offset, 10_000))
        except queries.SearchError as e:
            return page("search.html", status=400, f=f, choices=ch, result=None, message=str(e))
        return page("search.html", f=f, choices=ch, result=result, message=None, mark=mark_snippet)

    def no_tables(title: str) -> HTMLResponse:
        return page("no_tables.html", title=title, tables=queries.CROSS_TABLES)

    @app.get("/groups", response_class=HTMLResponse)
    def groups(request: Request) -> HTMLResponse:
        c = reader.conn()
        if not queries.has_cross_tables(c):
            return no_tables(PENDING["groups"][0])
        p = request.query_params
        f = {"concept": p.get("concept", "")[:80], "place": p.get("place", "")[:80], "since": p.get("since", "")[:10]}
        message = None
        if f["since"] and not _is_date(f["since"]):
            message = f"'since' must be a date like 2016-12-01, not {f['since']!r}"
            f["since"] = ""
        start = _start(p.get("start", ""))
        found = queries.group_summaries(c, f["concept"], f["place"], f["since"], limit=PER_PAGE, offset=start)
        total = queries.group_total(c, f["concept"], f["place"], f["since"])
        concepts, places = queries.group_choices(c)
        return page("groups.html", status=400 if message else 200, groups=found, f=f, concepts=concepts,
                    places=places, message=message, pages=_pages("/groups", f, start, len(found), total))

    @app.get("/groups/{ref}", response_class=HTMLResponse)
    def group(ref: str) -> HTMLResponse:
        c = reader.conn()
        if not queries.has_cross_tables(c):
            return no_tables(PENDING["groups"][0])
        found = queries.group_detail(c, int(ref)) if ref.isdigit() and len(ref) < 19 else None
        if found is None:
            return error(404, "No such figure group", f"The ledger has no figure group {ref[:200]!r}; see /groups.")
        g, members = found
        ms = chart.marks(members)
        heads = queries.headlines(c, sorted({m.article_id for m in members}))
        return page("group.html", g=g, marks=ms, svg=chart.render(g, ms, heads), heads=heads)

    @app.get("/stories", response_class=HTMLResponse)
    def stories(request: Request) -> HTMLResponse:
        c = reader.conn()
        if not queries.has_cross_tables(c):
            return no_tables(PENDING["stories"][0])
        start = _start(request.query_params.get("start", ""))
        ids = queries.story_ids(c, limit=PER_PAGE, offset=start)
        found = [s for sid in ids if (s := corpus.story(c, sid)) is not None]
        return page("stories.html", stories=found, heads=queries.headlines(c, [s.origin for s in found]),
                    pages=_pages("/stories", {}, start, len(ids), queries.story_total(c)))

    @app.get("/stories/{ref}", response_class=HTMLResponse)
    def story(ref: str) -> HTMLResponse:
        c = reader.conn()
        if not queries.has_cross_tables(c):
            return no_tables(PENDING["stories"][0])
        s = corpus.story(c, int(ref)) if ref.isdigit() and len(ref) < 19 else None
        if s is None:
            return error(404, "No such story", f"The ledger has no story {ref[:200]!r}; see /stories.")
        ids = [a.article_id for a in s.articles]
        diffs = story_diff.differences(s, queries.member_texts(c, ids), queries.story_links(c, ids))
        return page("story.html", s=s, diffs=diffs)

    @app.get("/exports", response_class=HTMLResponse)
    def exports() -> HTMLResponse:
        return page("exports.html", formats=EXPORTS)

    @app.get("/export/{name}")
    def download(name: str, request: Request, article: int | None = None) -> Response:
        if name not in EXPORTS:
            return error(404, "No such export", f"There is no export {name[:80]!r}; see /exports.")
        fmt, what, media, _ = EXPORTS[name]
        base = str(request.base_url).rstrip("/")
        c = reader.conn()
        if article is not None and queries.article_row(c, article) is None:
            return error(404, "No such article", f"The ledger has no article with row id {article}.")
        if fmt == "parquet":
            data = export.parquet_bytes(c, what)
            return Response(data, media_type=media, headers=_attachment(name))

        def chunks() -> Iterator[bytes]:
            # a fresh connection: the response streams from another thread than the handler's
            conn = queries.open_readonly(reader.db)
            try:
                for text in export.stream(conn, fmt, what, base_url=base, article_id=article):
                    yield text.encode("utf-8")
            finally:
                conn.close()

        return StreamingResponse(chunks(), media_type=media, headers=_attachment(name))

    return app


def _is_date(s: str) -> bool:
    try:
        date.fromisoformat(s)
    except ValueError:
        return False
    return True


def _publisher_by_url(url: str) -> list[queries.OutletInfo]:
    """The outlet whose domain the article's URL is on, when the text names no publisher."""
    o = load_outlets().by_domain(url) if safe_url(url) else None
    if o is None:
        return []
    rec = load_outlets().record(o.key)
    return [queries.OutletInfo(name=rec.name, relation="publisher (by its URL)", key=rec.key, owner=rec.owner,
                               country=rec.country, state_affiliated=rec.state_affiliated,
                               state_reference=rec.state_reference, mentions=0)]


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


#: download name -> (format, what, media type, description)
EXPORTS: dict[str, tuple[str, str, str, str]] = {
    "figures.csv": ("csv", "figures", "text/csv; charset=utf-8", "every figure, one row each, with its article"),
    "quotes.csv": ("csv", "quotes", "text/csv; charset=utf-8", "every quote with its speaker, one row each"),
    "analyses.jsonl": ("jsonl", "figures", "application/x-ndjson",
                       "one analysis record a line, as 'claimtrail show --format json'"),
    "claimreview.json": ("claimreview", "quotes", "application/ld+json",
                         "schema.org ClaimReview JSON-LD per attributed quote (no rating: that is the reviewer's)"),
    "figures.parquet": ("parquet", "figures", "application/vnd.apache.parquet", "figures as a Parquet table"),
    "quotes.parquet": ("parquet", "quotes", "application/vnd.apache.parquet", "quotes as a Parquet table"),
    "datasette-metadata.json": ("datasette-metadata", "figures", "application/json",
                                "Datasette metadata describing the ledger's tables"),
}


def marks_of(a: Analysis) -> list[Mark]:
    text = a.article.text
    marks = [Mark(b.span.start, b.span.end, "boilerplate", f"b{i}", b.kind) for i, b in enumerate(a.boilerplate)]
    seen: set[tuple[int, int]] = set()
    for i, q in enumerate(a.quotes):
        who = q.speaker.name if q.speaker else "unknown speaker"
        marks.append(Mark(q.span.start, q.span.end, "quote", f"q{i}",
                          f"quote ({q.kind}{', denial' if q.stance == 'deny' else ''}) by {who}"))
        sp = q.speaker.span if q.speaker else None
        if sp is not None and not sp.overlaps(q.span) and (sp.start, sp.end) not in seen:
            seen.add((sp.start, sp.end))  # several quotes of one speaker name it once
            marks.append(Mark(sp.start, sp.end, "speaker", f"q{i}-who", f"speaker: {who}"))
    for i, s in enumerate(a.sources):
        marks.append(Mark(s.span.start, s.span.end, "source", f"s{i}", f"{s.relation}: {s.outlet}"))
    for i, d in enumerate(a.dates):
        marks.append(Mark(d.span.start, d.span.end, "date", f"d{i}", f"date: {d.value or 'unresolved'}"))
    for i, g in enumerate(a.figures):
        marks.append(Mark(g.span.start, g.span.end, "figure", f"f{i}", figure_line(g, text)))
    return marks


def side_ledger(a: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The items of the side ledger, each with the id of its place in the text."""
    text = a.article.text
    figures = [{"ref": f"f{i}", "text": g.span.of(text),
                "line": " ".join(filter(None, (amount(g.qualifier, g.value, g.low, g.high, g.unit),
                                               g.concept or g.counted))),
                "who": g.attributed_to} for i, g in enumerate(a.figures)]
    quotes = [{"ref": f"q{i}", "text": q.span.of(text), "kind": q.kind, "deny": q.stance == "deny",
               "speaker": q.speaker.name if q.speaker else None, "role": q.speaker.role if q.speaker else None,
               "via": q.speaker.resolved_from if q.speaker else None} for i, q in enumerate(a.quotes)]
    sources = [{"ref": f"s{i}", "text": s.span.of(text), "outlet": s.outlet, "relation": s.relation, "cue": s.cue}
               for i, s in enumerate(a.sources)]
    dates = [{"ref": f"d{i}", "text": d.span.of(text), "value": d.value, "note": d.note}
             for i, d in enumerate(a.dates)]
    furniture = [{"ref": f"b{i}", "text": b.span.of(text), "kind": b.kind} for i, b in enumerate(a.boilerplate)]
    return {"figures": figures, "quotes": quotes, "sources": sources, "dates": dates, "furniture": furniture}


def mark_snippet(snippet: str) -> Markup:
    """An FTS5 snippet as HTML: the text escaped, the matched terms in ``<mark>``."""
    html = str(inert(snippet))
    return Markup(html.replace(queries.MARK_OPEN, '<mark class="term">').replace(queries.MARK_CLOSE, "</mark>"))
