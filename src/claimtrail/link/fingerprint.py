"""A fingerprint of what an article reports, comparable across languages.

A translated copy (a Russian or English original, an Indonesian copy) shares no words with
its origin, but it shares its figures, its dates, the outlets it credits, the places and the
people it names. Each is written as a language-free item: ``fig count 7796``,
``fig count 25000-37500``, ``date 2016-12-15``, ``outlet reuters``, ``place aleppo``,
``name egeland`` (a surname in Latin letters, case-folded, doubled letters collapsed: "Асад"
and "Assad" are both ``asad``). Quotes are compared through the figures and names inside
them: their words differ from one language to the other.

Two articles in different languages are linked when they share enough items, weighted by
kind (a figure says more than a date): see :func:`compare`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from claimtrail.lang import available_languages, load_pack
from claimtrail.lang.sections.transliteration import Section as Transliteration
from claimtrail.link.places import PlaceMention, body_places
from claimtrail.model import Analysis, Figure

WEIGHTS = {"fig": 3.0, "name": 2.0, "date": 1.0, "outlet": 1.0, "place": 1.0}
#: counts below this are too common to tell two articles apart ("two children")
MIN_COUNT = 10
MIN_SCORE = 0.6
MIN_SHARED_FIGURES = 2
#: the shared items must weigh at least this much (two figures and a date or a name)
MIN_SHARED_WEIGHT = 7.0
#: an item held by more stored articles than this is not evidence ("fig percent 10")
MAX_ARTICLES_PER_ITEM = 50


@lru_cache(maxsize=1)
def _letters() -> dict[str, str]:
    out: dict[str, str] = {}
    for code in available_languages():
        out.update(load_pack(code).section("transliteration", Transliteration).letters)
    return out


def name_key(name: str) -> str | None:
    """A surname in Latin letters for comparing names across scripts; None when too short."""
    parts = [p for p in re.split(r"[\s.]+", name) if p]
    if not parts:
        return None
    letters = _letters()
    word = "".join(letters.get(ch, ch) for ch in parts[-1].casefold())
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if ch.isalpha() and ch.isascii())
    word = re.sub(r"(.)\1+", r"\1", word)
    return word if len(word) >= 3 else None


def _num(x: float) -> str:
    return f"{x:.6g}"


def figure_item(f: Figure) -> str | None:
    if f.value is not None:
        if f.unit == "count" and abs(f.value) < MIN_COUNT:
            return None
        return f"fig {f.unit} {_num(f.value)}"
    if f.low is not None and f.high is not None:
        return f"fig {f.unit} {_num(f.low)}-{_num(f.high)}"
    return None


def items(a: Analysis, places: list[PlaceMention] | None = None) -> set[str]:
    """The fingerprint items of an analysed article's own text; ``places`` its
    :func:`body_places` when the caller has them."""
    out: set[str] = set()
    for f in a.figures:
        if a.in_body(f.span) and (item := figure_item(f)):
            out.add(item)
    for d in a.dates:
        if d.value and len(d.value) == 10 and a.in_body(d.span):
            out.add(f"date {d.value}")
    for s in a.sources:
        if s.outlet_key:
            out.add(f"outlet {s.outlet_key}")
    for n in {e.name for e in a.entities if e.label == "PER"}:
        if key := name_key(n):
            out.add(f"name {key}")
    out.update(f"place {p.key}" for p in (body_places(a) if places is None else places))
    return out


def kind(item: str) -> str:
    return item.split(" ", 1)[0]


def weight(fp: AbstractSet[str]) -> float:
    return sum(WEIGHTS.get(kind(i), 1.0) for i in fp)


@dataclass(frozen=True)
class Link:
    score: float
    shared: tuple[str, ...]

    @property
    def linked(self) -> bool:
        figs = sum(1 for i in self.shared if kind(i) == "fig")
        anchors = sum(1 for i in self.shared if kind(i) in ("date", "name"))
        return (self.score >= MIN_SCORE and figs >= MIN_SHARED_FIGURES and anchors >= 1
                and weight(set(self.shared)) >= MIN_SHARED_WEIGHT)


def compare(a: AbstractSet[str], b: AbstractSet[str], common: frozenset[str] = frozenset()) -> Link:
    """The weight of the shared items over the weight of the smaller fingerprint; items in
    ``common`` (held by too many articles to tell them apart) count on neither side. Linked
    when the score is at least ``MIN_SCORE`` with at least two shared figures and a shared
    date or name, weighing ``MIN_SHARED_WEIGHT`` together."""
    a, b = a - common, b - common
    shared = a & b
    small = min(weight(a), weight(b))
    score = weight(shared) / small if small else 0.0
    return Link(round(score, 3), tuple(sorted(shared)))
