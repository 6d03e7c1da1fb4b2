"""Figures about the same quantity across articles: their keys, and whether they agree.

A figure's key is its concept (``civilian``), its unit, the event around it (``evacuated``:
the nearest event word of the pack's ``events`` section within its sentence), its place and
its day. The place is the nearest listed place in the figure's sentence (a city or region
before a country), else the article's most named listed place: without a gazetteer, only
the places in ``data/places.yaml`` are seen, and a figure with no place joins no group. The
day is the nearest resolved calendar date in the sentence, else the article's published
date; a figure with neither joins no group. Figures whose keys match and whose days are
within ``WINDOW_DAYS`` of a group's first day form a group.

Each hedge implies an interval: exact ``[v, v]``, approx ``[0.9v, 1.1v]``, more_than
``(v, inf)``, at_least ``[v, inf)``, less_than ``[0, v)``, at_most ``[0, v]``, a range
``[low, high]`` (widened by 10% when approximate). A group is consistent when the intervals
of all its figures intersect: "more than 7,000" and "7,796" agree; "25,000" and "37,500"
do not. A figure someone denies is kept in its group and marked, but it takes no part in
the agreement: it is not a claim of that value.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.lang import with_fallback
from claimtrail.lang.sections.events import Section as Events
from claimtrail.link.places import PlaceMention, body_places, load_places
from claimtrail.model import Analysis, Figure, Span

WINDOW_DAYS = 3
APPROX = 0.10
COUNTRY = "country"

_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class FigureKey:
    """One figure with everything needed to group it and to show it in its group."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    concept: str
    event: str | None
    place: str | None
    place_from: str | None  # "sentence" or "article"
    day: str | None
    day_from: str | None  # "sentence" or "published"
    claimant: str | None
    outlet: str | None
    #: "deny" for a figure inside a denial ("menolak laporan bahwa 250 ribu warga sipil
    #: terkurung"): shown in its group, but it is the figure denied, not one claimed
    stance: str = "assert"

    @property
    def groupable(self) -> bool:
        return self.place is not None and self.day is not None


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def empty(self) -> bool:
        return self.low > self.high or (self.low == self.high and (self.low_open or self.high_open))


def interval(value: float | None, low: float | None, high: float | None, qualifier: str,
             unit: str = "count") -> Interval | None:
    """The interval of values a hedged figure allows; None when it has no number."""
    floor = 0.0 if unit == "count" else -math.inf
    if value is None:
        if low is None or high is None:
            return None
        if qualifier == "approx":
            return Interval(low * (1 - APPROX), high * (1 + APPROX))
        return Interval(low, high)
    v = value
    match qualifier:
        case "approx":
            a, b = sorted((v * (1 - APPROX), v * (1 + APPROX)))
            return Interval(a, b)
        case "more_than":
            return Interval(v, math.inf, low_open=True)
        case "at_least":
            return Interval(v, math.inf)
        case "less_than":
            return Interval(floor, v, high_open=True)
        case "at_most":
            return Interval(floor, v)
        case _:
            return Interval(v, v)


def intersect(intervals: Iterable[Interval]) -> Interval | None:
    """The common part of the intervals; None when they share no value."""
    lo, hi, lo_open, hi_open = -math.inf, math.inf, False, False
    for i in intervals:
        if i.low > lo:
            lo, lo_open = i.low, i.low_open
        elif i.low == lo:
            lo_open = lo_open or i.low_open
        if i.high < hi:
            hi, hi_open = i.high, i.high_open
        elif i.high == hi:
            hi_open = hi_open or i.high_open
    out = Interval(lo, hi, lo_open, hi_open)
    return None if out.empty() else out


@dataclass(frozen=True)
class Agreement:
    consistent: bool
    low: float | None  # the values every figure allows, when consistent
    high: float | None
    spread: float  # largest stated number minus smallest
    relative_spread: float  # spread over the largest stated number


def agreement(members: Iterable[tuple[float | None, float | None, float | None, str, str]]) -> Agreement:
    """Whether figures ``(value, low, high, qualifier, unit)`` agree, and how far apart they are."""
    rows = list(members)
    ivs = [iv for r in rows if (iv := interval(*r)) is not None]
    points = [p for v, lo, hi, _, _ in rows for p in ((v,) if v is not None else (lo, hi)) if p is not None]
    spread = (max(points) - min(points)) if points else 0.0
    top = max((abs(p) for p in points), default=0.0)
    common = intersect(ivs) if ivs else None
    return Agreement(
        consistent=common is not None or not ivs,  # no stated values: nothing disagrees
        low=common.low if common else None,
        high=None if common is None or math.isinf(common.high) else common.high,
        spread=spread,
        relative_spread=spread / top if top else 0.0,
    )


# ---------------------------------------------------------------- keys of one article


@lru_cache(maxsize=16)
def _event_lexicon(language: str | None) -> tuple[dict[str, str], tuple[tuple[str, str], ...], int]:
    """Event words, stems longest first, and the window, of a language's pack and the fallback."""
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    window = 12
    for pack in reversed(with_fallback(language)):
        ev = pack.section("events", Events)
        words.update(ev.words)
        stems.update(ev.stems)
        window = ev.window
    return words, tuple(sorted(stems.items(), key=lambda kv: len(kv[0]), reverse=True)), window


def _event_at(text: str, sentence: Span, fig: Span, others: list[Span], language: str | None) -> str | None:
    """The nearest event word to the figure in its sentence, not past another figure (in
    "2,700 children and 300 wounded fighters", "wounded" is the 300's)."""
    words, stems, window = _event_lexicon(language)
    lo = max([o.end for o in others if o.end <= fig.start and o.end > sentence.start], default=sentence.start)
    hi = min([o.start for o in others if o.start >= fig.end and o.start < sentence.end], default=sentence.end)
    tokens = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text, lo, hi)]
    if not tokens:
        return None
    # the figure's own position among the tokens: the first token at or after its start
    pos = next((i for i, t in enumerate(tokens) if t[0] >= fig.start), len(tokens))
    best: tuple[int, str] | None = None
    for i in range(len(tokens)):
        if fig.start <= tokens[i][0] < fig.end:
            continue  # the figure's own words
        dist = abs(i - pos)
        if dist > window or (best is not None and dist >= best[0]):
            continue
        event = None
        for n in (3, 2, 1):
            phrase = " ".join(t[2] for t in tokens[i : i + n])
            if len(tokens[i : i + n]) == n and phrase in words:
                event = words[phrase]
                break
        if event is None:
            w = tokens[i][2]
            event = next((ev for stem, ev in stems if w.startswith(stem)), None)
        if event is not None:
            best = (dist, event)
    return best[1] if best else None


def _nearest_place(text: str, mentions: list[PlaceMention], fig: Span) -> str | None:
    """The nearest place to the figure: a city or region before a country, and a place in the
    sentence before its dateline ("BEIRUT, Dec 16 - ... in Aleppo": where the reporter is)."""
    kinds = load_places().kinds
    mentions = [m for m in mentions if not _dateline(text, m)] or mentions
    specific = [m for m in mentions if kinds.get(m.key) != COUNTRY] or mentions
    if not specific:
        return None
    return min(specific, key=lambda m: min(abs(m.start - fig.end), abs(fig.start - m.end))).key


_DATELINE_END = re.compile(r"\s*(?:\(|,|-|--|—|–)")


def _dateline(text: str, m: PlaceMention) -> bool:
    """A place opening a line and followed by a comma, a dash or a bracket: the dateline
    ("BEIRUT (Reuters) -", "Moskow, Warta Contoh --", "МОСКВА, 13 декабря"), where the
    reporter is rather than where the figures are."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip() and _DATELINE_END.match(text, m.end) is not None


def dominant_place(a: Analysis, mentions: list[PlaceMention] | None = None) -> str | None:
    """The listed place the article's own text names most (cities before countries);
    ``mentions`` its :func:`body_places` when the caller has them."""
    places = load_places()
    text = a.article.text
    mentions = body_places(a) if mentions is None else mentions
    mentions = [m for m in mentions if not _dateline(text, m)] or mentions
    if not mentions:
        return None
    kinds = places.kinds
    specific = [m for m in mentions if kinds.get(m.key) != COUNTRY] or mentions
    counts = Counter(m.key for m in specific)
    first = {m.key: m.start for m in reversed(specific)}
    return max(counts, key=lambda k: (counts[k], -first[k]))


def _sentence_of(a: Analysis, span: Span) -> Span:
    for s in a.sentences:
        if s.span.start <= span.start < s.span.end:
            return s.span
    return next((b for b in a.body if b.start <= span.start < b.end), Span(0, len(a.article.text)))


def figure_keys(a: Analysis, body: list[PlaceMention] | None = None) -> list[FigureKey]:
    """Keys of the article's figures that count something known (a concept) in its own text;
    ``body`` the article's :func:`body_places` when the caller has them."""
    text = a.article.text
    places = load_places()
    article_place: str | None = None
    article_place_done = False
    published = a.published if a.published and len(a.published) == 10 else None
    outlet = a.publisher()
    spans = [f.span for f in a.figures]
    in_sentence: dict[Span, list[PlaceMention]] = {}
    out = []
    for f in a.figures:
        if f.concept is None or not a.in_body(f.span) or (f.value is None and (f.low is None or f.high is None)):
            continue
        sent = _sentence_of(a, f.span)
        if sent not in in_sentence:  # figures share sentences: each is read for places once
            in_sentence[sent] = places.find(text, sent.start, sent.end)
        place = _nearest_place(text, in_sentence[sent], f.span)
        place_from: str | None = "sentence" if place else None
        if place is None or places.kinds.get(place) == COUNTRY:
            if not article_place_done:
                article_place, article_place_done = dominant_place(a, body), True
            # a country in the sentence gives way to the article's place inside that country
            inside = article_place is not None and (
                place is None or places.countries.get(article_place) == places.countries.get(place))
            if inside:
                place, place_from = article_place, "article"
        day = _day(a, sent, f)
        day_from: str | None = "sentence"
        if day is None:
            day, day_from = published, ("published" if published else None)
        out.append(FigureKey(
            start=f.span.start, end=f.span.end, text=f.span.of(text), value=f.value, low=f.low, high=f.high,
            qualifier=f.qualifier, unit=f.unit, concept=f.concept,
            event=_event_at(text, sent, f.span, spans, a.language),
            place=place, place_from=place_from, day=day, day_from=day_from, claimant=f.attributed_to, outlet=outlet,
            stance=_stance(a, f.span),
        ))
    return out


def _stance(a: Analysis, span: Span) -> str:
    """The stance of the quote the figure stands in ("deny" when it is what someone denies)."""
    for q in a.quotes:
        if q.span.contains(span):
            return q.stance
    return "assert"


def _day(a: Analysis, sent: Span, f: Figure) -> str | None:
    near = [d for d in a.dates if d.value and len(d.value) == 10 and sent.contains(d.span)]
    if not near:
        return None
    return min(near, key=lambda d: min(abs(d.span.start - f.span.end), abs(f.span.start - d.span.end))).value
