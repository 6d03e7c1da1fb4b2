"""Read-only questions to the ledger: one article, full-text search with filters, the rows
the exports write, and the period summaries of the digest.

Everything here opens the database read-only (``mode=ro`` and ``query_only``) and never
writes; the write path stays in :mod:`claimtrail.store.ledger`. Functions take a
connection from :func:`open_readonly` so a web server can keep one per thread.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrail.errors import StoreError
from claimtrail.model import Analysis, analysis_from_record

#: the tables a ledger has to have for the readers here to work
REQUIRED_TABLES = ("articles", "sources", "quotes", "figures", "dates", "boilerplate", "outlets", "articles_fts")

#: search terms longer than this are refused with a message (FTS5 parses every byte)
MAX_QUERY = 500

# snippet() markers: private-use code points, never in news text, turned into <mark> later
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to a ledger, or a :class:`StoreError` naming the file and why."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"{p}: no such ledger database (create one with 'claimtrail ingest')")
    if not p.is_file():
        raise StoreError(f"{p}: not a file")
    try:
        conn = sqlite3.connect(f"file:{p.resolve()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{p}: not a usable ledger database ({e})") from None
    missing = [t for t in REQUIRED_TABLES if t not in have]
    if missing:
        conn.close()
        raise StoreError(f"{p}: not a claimtrail ledger (no table {', '.join(missing)})")
    return conn


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True)
class ArticleRow:
    id: int
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    language: str | None
    analysed_at: str


@dataclass(frozen=True)
class OutletInfo:
    """An outlet an article names, with what the outlets table says of it."""

    name: str
    relation: str
    key: str | None
    owner: str | None
    country: str | None
    state_affiliated: bool | None
    state_reference: str | None
    mentions: int


def resolve(conn: sqlite3.Connection, ref: str) -> int | None:
    """The row id for a row id or a document id; None when neither is stored."""
    if ref.isdigit() and len(ref) < 19:
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchone()
        if row is not None:
            return int(row[0])
    row = conn.execute("SELECT id FROM articles WHERE doc_id = ? ORDER BY id LIMIT 1", (ref,)).fetchone()
    return int(row[0]) if row is not None else None


def article_row(conn: sqlite3.Connection, row_id: int) -> ArticleRow | None:
    r = conn.execute(
        "SELECT id, doc_id, title, url, published, language, analysed_at FROM articles WHERE id = ?", (row_id,)
    ).fetchone()
    return ArticleRow(**dict(r)) if r is not None else None


def load_analysis(conn: sqlite3.Connection, row_id: int) -> Analysis | None:
    """The stored ledger of one article, rebuilt from its JSON record and text."""
    r = conn.execute("SELECT text, record FROM articles WHERE id = ?", (row_id,)).fetchone()
    if r is None:
        return None
    return analysis_from_record(json.loads(r["record"]), r["text"])


def article_outlets(conn: sqlite3.Connection, row_id: int) -> list[OutletInfo]:
    """Each outlet the article names, once per relation, with owner and state affiliation."""
    rows = conn.execute(
        """SELECT COALESCE(o.name, s.outlet) AS name, s.relation, s.outlet_key AS key, o.owner, o.country,
                  o.state_affiliated, o.state_reference, COUNT(*) AS mentions
           FROM sources s LEFT JOIN outlets o ON o.key = s.outlet_key
           WHERE s.article_id = ?
           GROUP BY COALESCE(s.outlet_key, s.outlet), s.relation
           ORDER BY CASE s.relation WHEN 'publisher' THEN 0 WHEN 'cites' THEN 1 ELSE 2 END, MIN(s.start)""",
        (row_id,),
    ).fetchall()
    return [_outlet(r) for r in rows]


def _outlet(r: sqlite3.Row) -> OutletInfo:
    sa = r["state_affiliated"]
    return OutletInfo(
        name=r["name"], relation=r["relation"], key=r["key"], owner=r["owner"], country=r["country"],
        state_affiliated=None if sa is None else bool(sa), state_reference=r["state_reference"],
        mentions=int(r["mentions"]),
    )


def recent_articles(conn: sqlite3.Connection, limit: int = 30) -> list[ArticleRow]:
    rows = conn.execute(
        "SELECT id, doc_id, title, url, published, language, analysed_at FROM articles ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [ArticleRow(**dict(r)) for r in rows]


def article_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


# --------------------------------------------------------------------------- search


class SearchError(ValueError):
    """A search that cannot run as asked; the message is shown to the person searching."""


@dataclass(frozen=True)
class Filters:
    query: str = ""
    language: str = ""
    outlet: str = ""  # an outlet key from the outlets table, or a name as written
    date_from: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD; compared as text against ``published``
    date_to: str = ""
    speaker: str = ""
    concept: str = ""

    def empty(self) -> bool:
        return not any((self.query, self.language, self.outlet, self.date_from, self.date_to, self.speaker,
                        self.concept))


@dataclass(frozen=True)
class FigureHit:
    ordinal: int
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    concept: str | None
    counted: str | None
    attributed_to: str | None


@dataclass(frozen=True)
class QuoteHit:
    ordinal: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_role: str | None
    stance: str


@dataclass(frozen=True)
class SearchHit:
    article: ArticleRow
    snippet: str  # article text around the match, MARK_OPEN/MARK_CLOSE around the matched terms
    figures: list[FigureHit] = field(default_factory=list)
    quotes: list[QuoteHit] = field(default_factory=list)
    items_match: bool = False  # whether the figures and quotes shown match the terms (else: the first ones)


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    offset: int
    more: bool


# errors of the database itself, not of the search terms
_NOT_THE_QUERY = ("database is locked", "disk I/O error", "unable to open", "no such table", "attempt to write",
                  "interrupted", "out of memory")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_FTS_WORDS = {"AND", "OR", "NOT", "NEAR"}


def query_terms(query: str) -> list[str]:
    """The plain words of an FTS5 query, case-folded, without operators and column names."""
    words = re.findall(r"\w+", re.sub(r"\b\w+\s*:", " ", query))
    return [w.casefold() for w in words if w not in _FTS_WORDS]


def check_filters(f: Filters) -> None:
    if len(f.query) > MAX_QUERY:
        raise SearchError(f"the search terms are {len(f.query):,} characters long; at most {MAX_QUERY} are read")
    for name, v in (("from", f.date_from), ("to", f.date_to)):
        if v and not _DATE.fullmatch(v):
            raise SearchError(f"the date '{name}' must be YYYY, YYYY-MM or YYYY-MM-DD, not {v[:40]!r}")
    for name, v in (("speaker", f.speaker), ("outlet", f.outlet), ("concept", f.concept), ("language", f.language)):
        if len(v) > 200:
            raise SearchError(f"the {name} filter is too long (at most 200 characters)")


def search(conn: sqlite3.Connection, f: Filters, limit: int = 20, offset: int = 0) -> SearchPage:
    """Articles matching the FTS5 query and every filter, best match first, each with the
    figures and quotes that match the terms (or the speaker and concept asked for)."""
    check_filters(f)
    where: list[str] = []
    args: list[Any] = []
    if f.query.strip():
        sql = ("SELECT a.id, a.doc_id, a.title, a.url, a.published, a.language, a.analysed_at, "
               f"snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', ' … ', 32) AS snip "
               "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid")
        where.append("articles_fts MATCH ?")
        args.append(f.query)
        order = "ORDER BY articles_fts.rank"
    else:
        sql = ("SELECT a.id, a.doc_id, a.title, a.url, a.published, a.language, a.analysed_at, "
               "substr(a.text, 1, 240) AS snip FROM articles a")
        order = "ORDER BY a.id DESC"
    if f.language:
        where.append("a.language = ?")
        args.append(f.language)
    if f.date_from:
        where.append("a.published >= ?")
        args.append(f.date_from)
    if f.date_to:
        # '2016-12' as an upper bound takes in every day of that month
        where.append("a.published <= ?")
        args.append(f.date_to + "\uffff")
    if f.outlet:
        where.append("a.id IN (SELECT s.article_id FROM sources s WHERE s.outlet_key = ? OR s.outlet = ?)")
        args += [f.outlet, f.outlet]
    if f.speaker:
        # the names are matched on the speaker index (small), then their quotes looked up by name
        where.append("a.id IN (SELECT q.article_id FROM quotes q WHERE q.speaker IN "
                     "(SELECT DISTINCT speaker FROM quotes WHERE speaker LIKE ? ESCAPE '\\'))")
        args.append(f"%{_like(f.speaker)}%")
    if f.concept:
        where.append("a.id IN (SELECT g.article_id FROM figures g WHERE g.concept = ?)")
        args.append(f.concept)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" {order} LIMIT ? OFFSET ?"
    args += [limit + 1, offset]
    try:
        rows = conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as e:
        msg = str(e)
        if msg.startswith(_NOT_THE_QUERY):
            raise
        # anything else the statement refuses comes from the MATCH expression the person typed
        raise SearchError(f"the search terms are not a valid full-text query ({msg or 'not understood'}); "
                          'put a phrase in double quotes to search it as written: "warga sipil"') from None
    terms = query_terms(f.query)
    hits = []
    for r in rows[:limit]:
        art = ArticleRow(r["id"], r["doc_id"], r["title"], r["url"], r["published"], r["language"],
                         r["analysed_at"])
        figs, quotes, matched = _matching_items(conn, art.id, terms, f)
        hits.append(SearchHit(art, r["snip"] or "", figs, quotes, matched))
    return SearchPage(hits, offset, len(rows) > limit)


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def article_figures(conn: sqlite3.Connection, row_id: int) -> list[FigureHit]:
    """The article's figures in text order; ``ordinal`` is the place in the stored ledger
    (insertion order), which names its anchor ``f<ordinal>`` on the article page."""
    rows = conn.execute(
        """SELECT start, "end", text, value, low, high, qualifier, unit, concept, counted, attributed_to
           FROM figures WHERE article_id = ? ORDER BY rowid""", (row_id,)).fetchall()
    return sorted((FigureHit(i, *r) for i, r in enumerate(rows)), key=lambda h: (h.start, h.ordinal))


def article_quotes(conn: sqlite3.Connection, row_id: int) -> list[QuoteHit]:
    """The article's quotes in text order, with their anchors' ordinals as for figures."""
    rows = conn.execute(
        """SELECT start, "end", text, kind, speaker, speaker_role, stance FROM quotes
           WHERE article_id = ? ORDER BY rowid""", (row_id,)).fetchall()
    return sorted((QuoteHit(i, *r) for i, r in enumerate(rows)), key=lambda h: (h.start, h.ordinal))


def _fold(s: str | None) -> str:
    return (s or "").casefold()


def _matching_items(
    conn: sqlite3.Connection, row_id: int, terms: list[str], f: Filters, most: int = 4
) -> tuple[list[FigureHit], list[QuoteHit], bool]:
    figs = article_figures(conn, row_id)
    quotes = article_quotes(conn, row_id)

    def quote_ok(q: QuoteHit) -> bool:
        hay = _fold(q.text) + " " + _fold(q.speaker) + " " + _fold(q.speaker_role)
        return (not terms or any(t in hay for t in terms)) and (not f.speaker or _fold(f.speaker) in _fold(q.speaker))

    good_quotes = [q for q in quotes if quote_ok(q)]

    def figure_ok(g: FigureHit) -> bool:
        hay = " ".join(_fold(x) for x in (g.text, g.counted, g.concept, g.attributed_to))
        inside = any(q.start <= g.start and g.end <= q.end for q in good_quotes)
        by_terms = not terms or inside or any(t in hay for t in terms)
        return by_terms and (not f.concept or g.concept == f.concept) and (
            not f.speaker or _fold(f.speaker) in _fold(g.attributed_to))

    good_figs = [g for g in figs if figure_ok(g)]
    if good_figs or good_quotes:
        return good_figs[:most], good_quotes[:most], True
    return figs[:2], quotes[:2], False


@dataclass(frozen=True)
class Choices:
    """Values offered in the search form's filters."""

    languages: list[str]
    outlets: list[tuple[str, str]]  # (key, name)
    concepts: list[str]


def choices(conn: sqlite3.Connection) -> Choices:
    # DISTINCT over indexed columns walks the index, not the table
    langs = [r[0] for r in conn.execute("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL")]
    outlets = [(r[0], r[1]) for r in conn.execute("SELECT key, name FROM outlets ORDER BY name")]
    concepts = [r[0] for r in conn.execute(
        "SELECT DISTINCT concept FROM figures WHERE concept IS NOT NULL ORDER BY concept LIMIT 500")]
    return Choices(sorted(langs), outlets, concepts)


# --------------------------------------------------------------------------- exports

FIGURE_COLUMNS = ("article_id", "doc_id", "url", "published", "language", "start", "end", "text", "value", "low",
                  "high", "qualifier", "unit", "concept", "counted", "attributed_to")
QUOTE_COLUMNS = ("article_id", "doc_id", "url", "published", "language", "start", "end", "kind", "text", "speaker",
                 "speaker_role", "stance", "cue")


def figure_rows(conn: sqlite3.Connection, article_id: int | None = None) -> Iterator[tuple[Any, ...]]:
    """Every figure with its article's id, URL, date and language, in ``FIGURE_COLUMNS`` order."""
    sql = """SELECT f.article_id, a.doc_id, a.url, a.published, a.language, f.start, f."end", f.text, f.value,
                    f.low, f.high, f.qualifier, f.unit, f.concept, f.counted, f.attributed_to
             FROM figures f JOIN articles a ON a.id = f.article_id"""
    yield from _rows(conn, sql, article_id, "f")


def quote_rows(conn: sqlite3.Connection, article_id: int | None = None) -> Iterator[tuple[Any, ...]]:
    """Every quote with its article's id, URL, date and language, in ``QUOTE_COLUMNS`` order."""
    sql = """SELECT q.article_id, a.doc_id, a.url, a.published, a.language, q.start, q."end", q.kind, q.text,
                    q.speaker, q.speaker_role, q.stance, q.cue
             FROM quotes q JOIN articles a ON a.id = q.article_id"""
    yield from _rows(conn, sql, article_id, "q")


def _rows(conn: sqlite3.Connection, sql: str, article_id: int | None, alias: str) -> Iterator[tuple[Any, ...]]:
    if article_id is not None:
        cur = conn.execute(sql + f" WHERE {alias}.article_id = ? ORDER BY {alias}.start", (article_id,))
    else:
        cur = conn.execute(sql + f" ORDER BY {alias}.article_id, {alias}.start")
    for r in cur:
        yield tuple(r)


def records(conn: sqlite3.Connection, article_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Each stored analysis record exactly as stored (what ``analyze --format json`` printed), in row order."""
    if article_id is not None:
        cur = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,))
    else:
        cur = conn.execute("SELECT record FROM articles ORDER BY id")
    for r in cur:
        rec: dict[str, Any] = json.loads(r[0])
        yield rec


def analyses(conn: sqlite3.Connection, article_id: int | None = None) -> Iterator[tuple[int, Analysis]]:
    """Each stored ledger with its row id, in row order."""
    if article_id is not None:
        cur = conn.execute("SELECT id, text, record FROM articles WHERE id = ?", (article_id,))
    else:
        cur = conn.execute("SELECT id, text, record FROM articles ORDER BY id")
    for r in cur:
        yield int(r["id"]), analysis_from_record(json.loads(r["record"]), r["text"])


@dataclass(frozen=True)
class ClaimRow:
    """A quote as a claim: who said it, where, and where the same words were seen first."""

    article_id: int
    doc_id: str
    ordinal: int  # the quote's place among its article's quotes (its anchor ``q<ordinal>``)
    start: int
    end: int
    text: str
    kind: str
    speaker: str
    speaker_role: str | None
    speaker_label: str | None  # PER or ORG when the article's entities say which
    stance: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    publisher: str | None
    first_article_id: int
    first_url: str | None
    first_published: str | None


def claim_rows(conn: sqlite3.Connection, article_id: int | None = None) -> Iterator[ClaimRow]:
    """Every quote with a speaker, with the article it appears in and the earliest stored
    article (by publication date, then row id) holding the same words from the same speaker."""
    first: dict[tuple[str, str], tuple[str, int, str | None, str | None]] = {}
    cur = conn.execute(
        """SELECT q.text, q.speaker, a.id, a.url, a.published FROM quotes q JOIN articles a ON a.id = q.article_id
           WHERE q.speaker IS NOT NULL""")
    for text, speaker, aid, url, published in cur:
        k = (_claim_key(text), speaker.casefold())
        rank = (published or "9999", aid, url, published)
        old = first.get(k)
        if old is None or rank[:2] < old[:2]:
            first[k] = rank
    sql = """SELECT q.article_id, a.doc_id,
                    (SELECT COUNT(*) FROM quotes p WHERE p.article_id = q.article_id AND p.rowid < q.rowid) AS ordinal,
                    q.start, q."end", q.text, q.kind, q.speaker, q.speaker_role,
                    (SELECT e.label FROM entities e WHERE e.article_id = q.article_id AND e.name = q.speaker
                     LIMIT 1) AS speaker_label,
                    q.stance, a.url, a.title, a.published, a.language,
                    (SELECT COALESCE(o.name, s.outlet) FROM sources s LEFT JOIN outlets o ON o.key = s.outlet_key
                     WHERE s.article_id = a.id AND s.relation = 'publisher' ORDER BY s.start LIMIT 1) AS publisher
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker IS NOT NULL"""
    if article_id is not None:
        rows = conn.execute(sql + " AND q.article_id = ? ORDER BY q.start", (article_id,))
    else:
        rows = conn.execute(sql + " ORDER BY q.article_id, q.start")
    for r in rows:
        _, fid, furl, fpub = first[(_claim_key(r["text"]), r["speaker"].casefold())]
        yield ClaimRow(**dict(r), first_article_id=fid, first_url=furl, first_published=fpub)


def _claim_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


# --------------------------------------------------------------------------- digest


@dataclass(frozen=True)
class CitedOutlet:
    name: str
    key: str | None
    owner: str | None
    state_affiliated: bool | None
    state_reference: str | None
    articles: int


@dataclass(frozen=True)
class ConceptFigure:
    article_id: int
    doc_id: str
    title: str | None
    published: str | None
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    counted: str | None
    attributed_to: str | None


# an article's day: its publication date, else the day it was analysed
_DAY = "COALESCE(published, substr(analysed_at, 1, 10))"
_PERIOD = f"SELECT id FROM articles WHERE {_DAY} BETWEEN ? AND ?"


def articles_between(conn: sqlite3.Connection, start: str, end: str, limit: int = 1000) -> list[ArticleRow]:
    """Articles published in ``[start, end]`` (ISO dates), at most ``limit``; an article
    with no publication date counts on the day it was analysed."""
    rows = conn.execute(
        f"""SELECT id, doc_id, title, url, published, language, analysed_at FROM articles
           WHERE {_DAY} BETWEEN ? AND ? ORDER BY {_DAY}, id LIMIT ?""",
        (start, end + "\uffff", limit),
    ).fetchall()
    return [ArticleRow(**dict(r)) for r in rows]


def count_between(conn: sqlite3.Connection, start: str, end: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM ({_PERIOD})", (start, end + "\uffff")).fetchone()[0])


def cited_outlets(conn: sqlite3.Connection, start: str, end: str, limit: int = 10) -> list[CitedOutlet]:
    """The outlets that the period's articles cite most, counted once per article."""
    rows = conn.execute(
        f"""SELECT COALESCE(o.name, s.outlet) AS name, s.outlet_key AS key, o.owner, o.state_affiliated,
                   o.state_reference, COUNT(DISTINCT s.article_id) AS n
            FROM sources s LEFT JOIN outlets o ON o.key = s.outlet_key
            WHERE s.relation = 'cites' AND s.article_id IN ({_PERIOD})
            GROUP BY COALESCE(s.outlet_key, s.outlet) ORDER BY n DESC, name LIMIT ?""",
        (start, end + "\uffff", limit),
    ).fetchall()
    return [CitedOutlet(r["name"], r["key"], r["owner"], None if r["state_affiliated"] is None
                        else bool(r["state_affiliated"]), r["state_reference"], int(r["n"])) for r in rows]


def article_texts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """The texts of these articles (a few at a time: the ids go into the statement)."""
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        q = f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        out.update((int(r[0]), r[1]) for r in conn.execute(q, chunk))
    return out


def figures_by_concept(conn: sqlite3.Connection, start: str, end: str) -> dict[tuple[str, str], list[ConceptFigure]]:
    """The figures of the period's articles that have a concept, grouped by (concept, unit)."""
    out: dict[tuple[str, str], list[ConceptFigure]] = {}
    rows = conn.execute(
        f"""SELECT f.concept, f.article_id, a.doc_id, a.title, a.published, f.text, f.value, f.low, f.high, f.qualifier,
                   f.unit, f.counted, f.attributed_to
            FROM figures f JOIN articles a ON a.id = f.article_id
            WHERE f.concept IS NOT NULL AND f.article_id IN ({_PERIOD})
            ORDER BY f.concept, f.unit, f.article_id, f.start""",
        (start, end + "\uffff"),
    ).fetchall()
    for r in rows:
        out.setdefault((r["concept"], r["unit"]), []).append(ConceptFigure(*tuple(r)[1:]))
    return out


# --------------------------------------------------------------------------- across articles

#: the tables the figure group and story pages read; a ledger stored before them has none
CROSS_TABLES = ("figure_groups", "figure_keys", "story_members", "story_links")


def has_cross_tables(conn: sqlite3.Connection) -> bool:
    return all(has_table(conn, t) for t in CROSS_TABLES)


@dataclass(frozen=True)
class GroupSummary:
    """One figure group: what is counted, where and when, and whether its figures agree."""

    id: int
    concept: str
    unit: str
    event: str | None
    place: str  # the place's name
    first_day: str | None
    last_day: str | None
    figures: int
    articles: int
    consistent: bool
    low: float | None  # the values every figure allows, when consistent
    high: float | None
    spread: float
    relative_spread: float


@dataclass(frozen=True)
class GroupMember:
    """One figure of a group, with its article and the anchor of its place in the article page."""

    article_id: int
    doc_id: str
    title: str | None
    language: str | None
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    event: str | None
    day: str | None
    day_from: str | None
    claimant: str | None
    outlet: str | None
    story: int | None
    anchor: str | None  # "f3": the figure's id in its article page


_GROUP_COLUMNS = """id, concept, unit, event, place, first_day, last_day, figures, articles, consistent, low, high,
                    spread, relative_spread"""


def _group(r: sqlite3.Row) -> GroupSummary:
    from claimtrail.link.places import load_places

    return GroupSummary(int(r["id"]), r["concept"], r["unit"], r["event"], load_places().name(r["place"]),
                        r["first_day"], r["last_day"], int(r["figures"] or 0), int(r["articles"] or 0),
                        bool(r["consistent"]), r["low"], r["high"], float(r["spread"] or 0),
                        float(r["relative_spread"] or 0))


def _group_filter(concept: str, place: str, since: str, min_articles: int) -> tuple[str, list[Any]]:
    where: list[str] = ["articles >= ?"]
    args: list[Any] = [min_articles]
    if concept:
        where.append("concept = ?")
        args.append(concept.strip().casefold())
    if place:
        from claimtrail.link.places import load_places

        keys = load_places().keys_for(place.strip())
        where.append(f"place IN ({','.join('?' * len(keys))})")
        args.extend(keys)
    if since:
        where.append("last_day >= ?")
        args.append(since)
    return " AND ".join(where), args


def group_summaries(conn: sqlite3.Connection, concept: str = "", place: str = "", since: str = "",
                    min_articles: int = 2, limit: int = 200, offset: int = 0) -> list[GroupSummary]:
    """Groups of at least ``min_articles`` articles, filtered by concept, place (any listed
    name of it) and last day; groups whose figures disagree first, the widest spread first;
    ``limit`` of them from ``offset`` on."""
    where, args = _group_filter(concept, place, since, min_articles)
    rows = conn.execute(
        f"""SELECT {_GROUP_COLUMNS} FROM figure_groups WHERE {where}
            ORDER BY consistent, relative_spread DESC, last_day DESC, id LIMIT ? OFFSET ?""",
        (*args, limit, offset)).fetchall()
    return [_group(r) for r in rows]


def group_total(conn: sqlite3.Connection, concept: str = "", place: str = "", since: str = "",
                min_articles: int = 2) -> int:
    """How many groups :func:`group_summaries` lists in all, over every page."""
    where, args = _group_filter(concept, place, since, min_articles)
    return int(conn.execute(f"SELECT COUNT(*) FROM figure_groups WHERE {where}", args).fetchone()[0])


def group_choices(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The concepts and place names of the groups of two or more articles, for the filters."""
    from claimtrail.link.places import load_places

    concepts = [str(r[0]) for r in conn.execute(
        "SELECT DISTINCT concept FROM figure_groups WHERE articles >= 2 ORDER BY concept")]
    places = sorted({load_places().name(str(r[0])) for r in conn.execute(
        "SELECT DISTINCT place FROM figure_groups WHERE articles >= 2")})
    return concepts, places


def group_detail(conn: sqlite3.Connection, gid: int) -> tuple[GroupSummary, list[GroupMember]] | None:
    """One group and its figures, by day then article; None when there is no such group."""
    r = conn.execute(f"SELECT {_GROUP_COLUMNS} FROM figure_groups WHERE id = ?", (gid,)).fetchone()
    if r is None:
        return None
    rows = conn.execute(
        """SELECT k.article_id, a.doc_id, a.title, a.language, k.start, k."end", k.text, k.value, k.low, k.high,
                  k.qualifier, k.unit, k.event, k.day, k.day_from, k.claimant, k.outlet, m.story
           FROM figure_keys k JOIN articles a ON a.id = k.article_id
           LEFT JOIN story_members m ON m.article_id = k.article_id
           WHERE k.group_id = ? ORDER BY k.day, k.article_id, k.start""", (gid,)).fetchall()
    anchors: dict[int, dict[tuple[int, int], str]] = {}
    for aid in {int(x["article_id"]) for x in rows}:
        spans = conn.execute('SELECT start, "end" FROM figures WHERE article_id = ? ORDER BY rowid', (aid,))
        anchors[aid] = {(int(s[0]), int(s[1])): f"f{i}" for i, s in enumerate(spans)}
    members = [GroupMember(*(*tuple(x), anchors[int(x["article_id"])].get((int(x["start"]), int(x["end"])))))
               for x in rows]
    return _group(r), members


@dataclass(frozen=True)
class ArticleLinks:
    """Where one article stands across articles: its story, and the groups of its figures."""

    story: int | None
    story_size: int
    role: str | None  # "origin" or how it is linked to the story
    groups: dict[str, GroupSummary]  # figure anchor ("f3") -> its group, for groups of two or more articles


def article_links(conn: sqlite3.Connection, row_id: int) -> ArticleLinks | None:
    """The article's story and its figures' groups; None when the ledger has no cross-article tables."""
    if not has_cross_tables(conn):
        return None
    from claimtrail.store.corpus import story

    row = conn.execute("SELECT story FROM story_members WHERE article_id = ?", (row_id,)).fetchone()
    sid = int(row[0]) if row is not None else None
    s = story(conn, sid) if sid is not None else None
    role = next((a.link for a in s.articles if a.article_id == row_id), None) if s else None
    spans = conn.execute('SELECT start, "end" FROM figures WHERE article_id = ? ORDER BY rowid', (row_id,))
    anchor = {(int(x[0]), int(x[1])): f"f{i}" for i, x in enumerate(spans)}
    groups: dict[str, GroupSummary] = {}
    for g in conn.execute(
        f"""SELECT DISTINCT k.start, k."end", {', '.join('g.' + c.strip() for c in _GROUP_COLUMNS.split(','))}
            FROM figure_keys k JOIN figure_groups g ON g.id = k.group_id
            WHERE k.article_id = ? AND g.articles >= 2""", (row_id,)).fetchall():
        ref = anchor.get((int(g["start"]), int(g["end"])))
        if ref:
            groups[ref] = _group(g)
    return ArticleLinks(sid, len(s.articles) if s else 0, role, groups)


def story_ids(conn: sqlite3.Connection, limit: int = 200, offset: int = 0) -> list[int]:
    """Stories, the largest and then the latest first; ``limit`` of them from ``offset`` on."""
    rows = conn.execute(
        """SELECT story FROM story_members GROUP BY story ORDER BY COUNT(*) DESC, story DESC LIMIT ? OFFSET ?""",
        (limit, offset))
    return [int(r[0]) for r in rows]


def story_total(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(DISTINCT story) FROM story_members").fetchone()[0])


@dataclass(frozen=True)
class MemberText:
    """What a story page compares: an article's headline, text, figures and quotes."""

    article_id: int
    language: str | None
    headline: str
    text: str
    figures: list[tuple[str, str]]  # (value key, text as written)
    quotes: list[str]


def headline(title: str | None, text: str) -> str:
    """The article's title, else its first line when that reads as a headline (short, no full stop)."""
    if title and title.strip():
        return title.strip()
    first = text.strip().split("\n", 1)[0].strip()
    return first if first and len(first) <= 200 and not first.endswith(".") else ""


def headlines(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Each article's headline (:func:`headline`), for lists where most articles have no title."""
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in conn.execute(f"SELECT id, title, substr(text, 1, 400) AS head FROM articles WHERE id IN "
                              f"({','.join('?' * len(chunk))})", chunk):
            out[int(r["id"])] = headline(r["title"], r["head"])
    return out


def member_texts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, MemberText]:
    out: dict[int, MemberText] = {}
    for aid in ids:
        r = conn.execute("SELECT title, text, language FROM articles WHERE id = ?", (aid,)).fetchone()
        if r is None:
            continue
        figs = [(_value_key(f), str(f["text"])) for f in conn.execute(
            'SELECT text, value, low, high, qualifier, unit FROM figures WHERE article_id = ? ORDER BY start', (aid,))]
        quotes = [str(q[0]) for q in conn.execute("SELECT text FROM quotes WHERE article_id = ? ORDER BY start",
                                                  (aid,))]
        out[aid] = MemberText(aid, r["language"], headline(r["title"], r["text"]), r["text"], figs, quotes)
    return out


def _value_key(f: sqlite3.Row) -> str:
    def n(x: float | None) -> str:
        return "" if x is None else f"{x:.6g}"

    return f"{n(f['value'])}|{n(f['low'])}|{n(f['high'])}|{f['qualifier']}|{f['unit']}"


@dataclass(frozen=True)
class StoryLink:
    a: int
    b: int
    kind: str
    score: float
    evidence: dict[str, Any]


def story_links(conn: sqlite3.Connection, ids: list[int]) -> list[StoryLink]:
    """The links between these articles, with the evidence each was made on."""
    marks = ",".join("?" * len(ids))
    out = []
    for r in conn.execute(f"SELECT a, b, kind, score, evidence FROM story_links WHERE a IN ({marks}) AND b IN ({marks})"
                          " ORDER BY a, b", (*ids, *ids)):
        try:
            ev = json.loads(r["evidence"])
        except ValueError:
            ev = {"unreadable": str(r["evidence"])[:200]}
        out.append(StoryLink(int(r["a"]), int(r["b"]), str(r["kind"]), float(r["score"]),
                             ev if isinstance(ev, dict) else {"evidence": ev}))
    return out


def period_group_members(conn: sqlite3.Connection, start: str, end: str) -> dict[int, list[GroupMember]]:
    """The grouped figures of the period's articles, by group (for the digest)."""
    out: dict[int, list[GroupMember]] = {}
    rows = conn.execute(
        f"""SELECT k.group_id, k.article_id, a.doc_id, a.title, a.language, k.start, k."end", k.text, k.value, k.low,
                   k.high, k.qualifier, k.unit, k.event, k.day, k.day_from, k.claimant, k.outlet, m.story
            FROM figure_keys k JOIN articles a ON a.id = k.article_id
            LEFT JOIN story_members m ON m.article_id = k.article_id
            WHERE k.group_id IS NOT NULL AND k.article_id IN ({_PERIOD})
            ORDER BY k.group_id, k.day, k.article_id, k.start""", (start, end + "\uffff")).fetchall()
    for r in rows:
        out.setdefault(int(r[0]), []).append(GroupMember(*(*tuple(r)[1:], None)))
    return out


def groups_by_id(conn: sqlite3.Connection, ids: list[int]) -> dict[int, GroupSummary]:
    out: dict[int, GroupSummary] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in conn.execute(f"SELECT {_GROUP_COLUMNS} FROM figure_groups WHERE id IN ({','.join('?' * len(chunk))})",
                              chunk):
            out[int(r["id"])] = _group(r)
    return out


def period_story_ids(conn: sqlite3.Connection, start: str, end: str) -> list[int]:
    """Stories with a member among the period's articles, the largest first."""
    rows = conn.execute(
        f"""SELECT story FROM story_members WHERE story IN
                (SELECT story FROM story_members WHERE article_id IN ({_PERIOD}))
            GROUP BY story ORDER BY COUNT(*) DESC, story""", (start, end + "\uffff"))
    return [int(r[0]) for r in rows]
