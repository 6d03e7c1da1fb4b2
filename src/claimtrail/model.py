"""The shared model: frozen records for everything claimtrail reads and extracts.

Every extracted item carries a :class:`Span` into ``Article.text``, the text exactly as
the pipeline analysed it (after decoding and any repair listed in ``Article.repairs``).
Offsets are Unicode code points, ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

Relation = Literal["publisher", "cites", "copyright"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most"]
Stance = Literal["assert", "deny"]
QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Repair:
    """A change made to the input while turning it into text."""

    kind: str  # "encoding", "mojibake", "control"
    detail: str


@dataclass(frozen=True)
class Article:
    """One input document after decoding: the text every span points into."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date from the input record, when given
    language: str | None = None  # language code from the input record, when given
    origin: str | None = None  # file path, URL or "stdin"
    encoding: str = "utf-8"
    repairs: tuple[Repair, ...] = ()
    # a web page's own metadata (ingest/html.py); None for plain text and JSON Lines
    published_origin: str = "input"  # where ``published`` came from: "input" (the record), "page" or "feed"
    site_name: str | None = None  # the page's site name (og:site_name, else its host)
    author: str | None = None  # the page's byline
    fetched_url: str | None = None  # the URL the page was fetched from, when ``url`` is its canonical URL
    page_sha256: str | None = None  # SHA-256 of the page's bytes: ties the extracted text to that page version


@dataclass(frozen=True)
class Boilerplate:
    span: Span
    kind: str  # newsletter, share, related, comments, copyright, tags, photo_credit, ...


@dataclass(frozen=True)
class Sentence:
    span: Span
    paragraph: int


@dataclass(frozen=True)
class Outlet:
    """A media outlet from the outlets data file."""

    key: str
    name: str
    country: str | None = None
    owner: str | None = None
    state_affiliated: bool | None = None
    state_reference: str | None = None


@dataclass(frozen=True)
class Source:
    """An outlet the article names as publisher, cited origin or rights holder."""

    outlet: str  # canonical name when known, else the surface form
    relation: Relation
    span: Span
    cue: str  # the cue that made it a source ("dateline", "demikian dikabarkan", ...)
    outlet_key: str | None = None  # key in the outlets data file, None when unknown


@dataclass(frozen=True)
class Entity:
    span: Span
    label: Literal["PER", "ORG", "LOC", "OUTLET"]
    name: str


@dataclass(frozen=True)
class Speaker:
    name: str
    span: Span | None = None  # where the name stands; None when resolved from a pronoun
    role: str | None = None
    resolved_from: str | None = None  # the cue it was resolved from ("tambahnya", "he said")


@dataclass(frozen=True)
class Quote:
    kind: QuoteKind
    span: Span  # the quoted or reported content, not the attribution
    speaker: Speaker | None
    cue: str | None = None
    cue_span: Span | None = None
    stance: Stance = "assert"


@dataclass(frozen=True)
class Figure:
    span: Span  # the numeric expression with qualifier and scale words
    value: float | None
    qualifier: Qualifier = "exact"
    unit: str = "count"
    low: float | None = None
    high: float | None = None
    concept: str | None = None  # English singular noun, None when unknown
    counted: str | None = None  # the counted noun phrase as written
    counted_span: Span | None = None
    attributed_to: str | None = None
    note: str | None = None  # e.g. "too large for a float"


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; None when unresolvable
    note: str | None = None


@dataclass(frozen=True)
class Analysis:
    """The ledger of one article. Stages fill the fields in pipeline order."""

    article: Article
    language: str | None = None
    language_note: str | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    body: tuple[Span, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    published: str | None = None
    published_from: str | None = None  # "input", "dateline", "url", "inferred"
    published_note: str | None = None  # why an inferred date's year was chosen, and what else fits

    @classmethod
    def field_names(cls) -> frozenset[str]:
        return frozenset(f.name for f in fields(cls))

    def in_body(self, span: Span) -> bool:
        return any(b.overlaps(span) for b in self.body)

    def publisher(self) -> str | None:
        """The outlet that published the article: its publisher, else its rights holder; never
        an outlet it only cites (a copy citing TASS is not TASS's article)."""
        for relation in ("publisher", "copyright"):
            for s in self.sources:
                if s.relation == relation:
                    return s.outlet
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, Span):
        return value.to_list()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


#: the field names of each record class, in order (``fields()`` builds a tuple on every call)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
#: values written as they are
_SCALARS = frozenset({str, int, float, bool, type(None)})


def item_record(item: Any) -> dict[str, Any]:
    """A frozen record as plain JSON-ready data, spans as ``[start, end]``."""
    cls = type(item)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(item))
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(item, name)
        if type(value) in _SCALARS:
            out[name] = value
        elif isinstance(value, Span):
            out[name] = value.to_list()
        elif hasattr(value, "__dataclass_fields__"):
            out[name] = item_record(value)
        else:
            out[name] = _plain(value)
    return out


def analysis_record(a: Analysis) -> dict[str, Any]:
    """The analysis record of ``shared/eval/OUTPUT.md`` (a superset of it)."""
    art = a.article
    return {
        "id": art.id,
        "language": a.language,
        "language_note": a.language_note,
        "published": a.published,
        "published_from": a.published_from,
        "published_note": a.published_note,
        "url": art.url,
        "title": art.title,
        "origin": art.origin,
        "fetched_url": art.fetched_url,
        "site_name": art.site_name,
        "author": art.author,
        "page_sha256": art.page_sha256,
        "encoding": art.encoding,
        "repairs": [asdict(r) for r in art.repairs],
        "length": len(art.text),
        "body": [s.to_list() for s in a.body],
        "boilerplate": [item_record(b) for b in a.boilerplate],
        "sentences": len(a.sentences),
        "sources": [item_record(s) for s in a.sources],
        "entities": [item_record(e) for e in a.entities],
        "quotes": [item_record(q) for q in a.quotes],
        "figures": [item_record(f) for f in a.figures],
        "dates": [item_record(d) for d in a.dates],
    }




def _span(v: Any) -> Span | None:
    return Span(int(v[0]), int(v[1])) if v is not None else None


def _build(cls: type, rec: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in rec:
            continue
        v = rec[f.name]
        if f.name in ("span", "cue_span", "counted_span"):
            v = _span(v)
        elif f.name == "speaker" and v is not None:
            v = _build(Speaker, v)
        kwargs[f.name] = v
    return cls(**kwargs)


def analysis_from_record(rec: dict[str, Any], text: str) -> Analysis:
    """Rebuild an :class:`Analysis` from :func:`analysis_record` output and the text."""
    article = Article(
        id=rec["id"],
        text=text,
        url=rec.get("url"),
        title=rec.get("title"),
        published=rec.get("published") if rec.get("published_from") in ("input", "page", "feed") else None,
        published_origin=rec["published_from"] if rec.get("published_from") in ("page", "feed") else "input",
        language=rec.get("language") if rec.get("language_note") == "given in the input" else None,
        origin=rec.get("origin"),
        encoding=rec.get("encoding", "utf-8"),
        repairs=tuple(Repair(**r) for r in rec.get("repairs", [])),
        site_name=rec.get("site_name"),
        author=rec.get("author"),
        fetched_url=rec.get("fetched_url"),
        page_sha256=rec.get("page_sha256"),
    )
    return Analysis(
        article=article,
        language=rec.get("language"),
        language_note=rec.get("language_note"),
        boilerplate=tuple(_build(Boilerplate, b) for b in rec.get("boilerplate", [])),
        body=tuple(Span(s[0], s[1]) for s in rec.get("body", [])),
        sources=tuple(_build(Source, s) for s in rec.get("sources", [])),
        entities=tuple(_build(Entity, e) for e in rec.get("entities", [])),
        quotes=tuple(_build(Quote, q) for q in rec.get("quotes", [])),
        figures=tuple(_build(Figure, f) for f in rec.get("figures", [])),
        dates=tuple(_build(DateMention, d) for d in rec.get("dates", [])),
        published=rec.get("published"),
        published_from=rec.get("published_from"),
        published_note=rec.get("published_note"),
    )
