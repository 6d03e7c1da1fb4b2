"""Places named in a text, from the small places list in ``data/places.yaml``.

This is not a gazetteer: a place missing from the list is not seen. Names match as whole
words, case as written for the first letter (a place name is capitalised), any case after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimtrail.lang.packs import validate_file

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


class Places:
    """Finds listed places in text and names them by key."""

    def __init__(self, data: PlacesFile) -> None:
        self.names = {p.key: p.name for p in data.places}
        self.kinds = {p.key: p.kind for p in data.places}
        self.countries = {p.key: p.country for p in data.places}
        self._by_name: dict[str, str] = {}
        for p in data.places:
            for name in [p.name, *p.aliases]:
                self._by_name[name.casefold()] = p.key
        alts = sorted(self._by_name, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alts) + r")(?!\w)", re.IGNORECASE)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        out = []
        for m in self._pattern.finditer(text, start, len(text) if end is None else end):
            if not m.group(0)[:1].isupper():
                continue
            out.append(PlaceMention(m.start(), m.end(), self._by_name[m.group(0).casefold()]))
        return out

    def name(self, key: str) -> str:
        return self.names.get(key, key)


@lru_cache(maxsize=1)
def load_places(path: Path = DATA) -> Places:
    return Places(validate_file(path, PlacesFile))
