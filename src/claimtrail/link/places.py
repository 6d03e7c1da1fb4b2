"""Places named in a text, from the small places list in ``data/places.yaml``.

This is not a gazetteer: a place missing from the list is not seen. Names match as whole
words, case as written for the first letter (a place name is capitalised), any case after.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimtrail.lang.packs import validate_file
from claimtrail.model import Analysis

DATA = Path(__file__).resolve().parents[1] / "data" / "places.yaml"


class PlaceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    country: str | None = None
    kind: str
    aliases: list[str] = Field(default_factory=list)


class PlacesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    places: list[PlaceEntry]

    @model_validator(mode="after")
    def _unique(self) -> PlacesFile:
        seen: dict[str, str] = {}
        for p in self.places:
            for name in [p.name, *p.aliases]:
                k = name.casefold()
                if k in seen and seen[k] != p.key:
                    raise ValueError(f"{name!r} names both {seen[k]!r} and {p.key!r}")
                seen[k] = p.key
        return self


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    key: str


_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
# the start of a word with a capital letter in it: the only places a name can begin
_CAPITAL = re.compile(r"(?<![\w'’-])(?=[\w'’-]*[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ])\w")


class Places:
    """Finds listed places in text and names them by key."""

    def __init__(self, data: PlacesFile) -> None:
        self.names = {p.key: p.name for p in data.places}
        self.kinds = {p.key: p.kind for p in data.places}
        self.countries = {p.key: p.country for p in data.places}
        self._by_name: dict[str, str] = {}
        for p in data.places:
            for name in [p.name, *p.aliases]:
                self._by_name[" ".join(_TOKEN.findall(name.casefold()))] = p.key
        self._longest = max((k.count(" ") + 1 for k in self._by_name), default=1)
        #: the first words of the names: a capitalised word that is none of them (and no hyphen
        #: compound) starts no mention, which most capitalised words of a text are
        self._first = frozenset(k.split(" ")[0] for k in self._by_name)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Listed names as whole words, the longest first; a mention starts with a word that
        has a capital letter ("Aleppo", "al-Bab"), so "turkey" the bird does not count."""
        stop = len(text) if end is None else end
        out = []
        pos = start
        while (m := _CAPITAL.search(text, pos, stop)) is not None:
            first = _TOKEN.match(text, m.start(), stop)
            if first is not None and "-" not in first.group(0) and first.group(0).casefold() not in self._first:
                pos = first.end()
                continue
            toks = list(itertools.islice(_TOKEN.finditer(text, m.start(), stop), self._longest))
            found = False
            for n in range(len(toks), 0, -1):
                run = toks[:n]
                if any(not text[a.end() : b.start()].isspace() for a, b in itertools.pairwise(run)):
                    continue
                key = self._by_name.get(" ".join(t.group(0).casefold() for t in run))
                if key is not None:
                    out.append(PlaceMention(run[0].start(), run[-1].end(), key))
                    pos, found = run[-1].end(), True
                    break
            if not found and toks:
                # a hyphenated compound: "Aleppo-based", "Beirut-Damascus highway", "pro-Damascus"
                at = toks[0].start()
                for part in toks[0].group(0).split("-"):
                    key = self._by_name.get(part.casefold())
                    if key is not None and part[:1].isupper():
                        out.append(PlaceMention(at, at + len(part), key))
                    at += len(part) + 1
            if not found:
                pos = toks[0].end() if toks else stop
        return out

    def keys_for(self, query: str) -> set[str]:
        """The keys of the places a user's filter names ("aleppo", "Алеппо", "eastern Aleppo"),
        else the filter itself folded, so an unlisted name still matches a stored key."""
        return {m.key for m in self.find(query[:1].upper() + query[1:])} or {query.casefold()}

    def name(self, key: str) -> str:
        return self.names.get(key, key)


def body_places(a: Analysis) -> list[PlaceMention]:
    """The listed places the article's own text names (furniture left out), in text order."""
    places = load_places()
    return [m for s in a.body for m in places.find(a.article.text, s.start, s.end)]


@lru_cache(maxsize=1)
def load_places(path: Path = DATA) -> Places:
    return Places(validate_file(path, PlacesFile))
