"""The outlets data file: media outlets, agencies and platforms with their aliases,
domains, country, owner and, only with a public reference, state affiliation."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimtrail.lang.packs import validate_file
from claimtrail.model import Outlet

DATA = Path(__file__).resolve().parent / "data" / "outlets.yaml"


class StateAffiliation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    affiliated: bool
    #: a public source that says so (a URL or a citation); required
    reference: str = Field(min_length=8)


class OutletEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    kind: Literal["newspaper", "agency", "broadcaster", "online", "platform", "magazine"]
    aliases: list[str] = Field(default_factory=list)
    #: aliases matched with case as written (short acronyms: "RT", "AP")
    exact_case: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    country: str | None = None
    owner: str | None = None
    state: StateAffiliation | None = None


class OutletsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    outlets: list[OutletEntry]

    @model_validator(mode="after")
    def _unique(self) -> OutletsFile:
        seen: dict[str, str] = {}
        for o in self.outlets:
            for name in [o.key, o.name, *o.aliases, *o.exact_case, *o.domains]:
                k = name.casefold()
                if k in seen and seen[k] != o.key:
                    raise ValueError(f"{name!r} names both {seen[k]!r} and {o.key!r}")
                seen[k] = o.key
        return self


class Outlets:
    """Lookup of outlets by any name, alias or domain, and a pattern finding them in text."""

    def __init__(self, entries: list[OutletEntry]) -> None:
        self.entries = {o.key: o for o in entries}
        self._by_name: dict[str, str] = {}
        folded: list[str] = []
        exact: list[str] = []
        for o in entries:
            cased = {x.casefold() for x in o.exact_case}
            for name in [o.name, *o.aliases, *o.domains]:
                self._by_name[_norm(name)] = o.key
                # a name also listed in exact_case ("Antara") matches only as written
                (exact if name.casefold() in cased else folded).append(name)
            for name in o.exact_case:
                self._by_name[_norm(name)] = o.key
                exact.append(name)
        def alt(names: list[str]) -> str:
            return trie_regex(sorted(set(names)))

        parts = [f"(?i:{alt(folded)})"] if folded else []
        if exact:
            parts.append(alt(exact))
        # not inside a word or a domain, and not a code before a number ("RT 05/RW 03")
        self.pattern = re.compile(r"(?<![\w@.])(?:" + "|".join(parts) + r")(?![\w]|\.\w|\s?\d)")

    def lookup(self, name: str) -> OutletEntry | None:
        key = self._by_name.get(_norm(name))
        if key is None:
            bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().casefold()).rstrip("/")
            key = self._by_name.get(_norm(bare))
        return self.entries.get(key) if key else None

    def by_domain(self, url: str) -> OutletEntry | None:
        host = re.sub(r"^(?:[a-z]+://)?", "", url.casefold()).split("/")[0]
        parts = host.split(".")
        for i in range(len(parts) - 1):
            hit = self._by_name.get(_norm(".".join(parts[i:])))
            if hit:
                return self.entries[hit]
        return None

    def record(self, key: str) -> Outlet:
        o = self.entries[key]
        return Outlet(
            key=o.key,
            name=o.name,
            country=o.country,
            owner=o.owner,
            state_affiliated=o.state.affiliated if o.state else None,
            state_reference=o.state.reference if o.state else None,
        )


def trie_regex(words: list[str]) -> str:
    """One regular expression matching any of ``words``, built as a character trie so
    that a long list of names costs about as much as one name to search for."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _norm(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


@lru_cache(maxsize=1)
def load_outlets(path: Path = DATA) -> Outlets:
    return Outlets(validate_file(path, OutletsFile).outlets)
