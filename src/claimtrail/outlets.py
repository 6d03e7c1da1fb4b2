"""The outlets data file: media outlets, agencies and platforms with their aliases,
domains, country, owner and, only with a public reference, state affiliation."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimtrail.lang.literals import lower_of
from claimtrail.lang.packs import validate_file
from claimtrail.model import Outlet

DATA = Path(__file__).resolve().parent / "data" / "outlets.yaml"
#: an outlet's name is not inside a word or a domain, and not a code before a number ("RT 05/RW 03")
_BEFORE = r"(?<![\w@.])"
#: the same test made after a name's first character: a pattern that opens with that character lets
#: a search skip to it, where one that opens with a look-behind is tried at every character
_BEFORE_AFTER_FIRST = r"(?<![\w@.].)"
_AFTER = r"(?![\w]|\.\w|\s?\d)"
#: what names are compared on (their words), and a URL's scheme and "www." taken off a name or host
_WORD = re.compile(r"\w+")
_WEB_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?")
_SCHEME = re.compile(r"^(?:[a-z]+://)?")


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
        self.pattern = re.compile(_BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER)
        # the same names as two scans, the folded ones over the lower-cased text: a trie
        # without IGNORECASE is several times faster to try at every word
        self._folded = re.compile(_BEFORE + "(?:" + alt([n.lower() for n in folded]) + ")" + _AFTER) if folded else None
        # past the start of the text, the same with the character before the name taken instead of
        # looked behind at: a pattern that opens with a class lets a search skip in C to where it
        # can start, where one that opens with a look-behind is tried at every character. The two
        # find the same names when every name opens with a word character: one never starts where
        # the name before it ends (no word character follows a name)
        self._folded_after = (re.compile("[^\\w@.](" + alt([n.lower() for n in folded]) + ")" + _AFTER)
                              if folded and all(_WORD.match(n.lower()) for n in folded) else None)
        # the names matched as written mostly open with a capital: the look-behind goes after the first
        # character, for the search to skip to the capitals (a third of the time; the folded names open
        # with most lower-case letters, and gain nothing from it)
        self._exact = (re.compile("(?:" + trie_regex(sorted(set(exact)), after_first=_BEFORE_AFTER_FIRST) + ")"
                                  + _AFTER) if exact else None)

    def names_in(self, text: str) -> list[tuple[int, int]]:
        """Where outlet names stand in ``text``: (start, end), leftmost first, none
        overlapping (what ``pattern.finditer`` finds)."""
        low = lower_of(text)
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): one scan of the text
            return [m.span() for m in self.pattern.finditer(text)]
        hits: list[tuple[int, int, int]] = []
        if self._folded is not None and self._folded_after is not None:
            # a name at the start has no character before it; a later one has one to take
            first = self._folded.match(low)
            if first is not None:
                hits.append((*first.span(), 0))
            hits += [(*m.span(1), 0) for m in self._folded_after.finditer(low, first.end() if first else 0)]
        elif self._folded is not None:
            hits = [(*m.span(), 0) for m in self._folded.finditer(low)]
        if self._exact is not None and (exact := [(*m.span(), 1) for m in self._exact.finditer(text)]):
            # at one start the folded names win, as they come first in ``pattern``
            hits = sorted(hits + exact, key=lambda h: (h[0], h[2]))
        out: list[tuple[int, int]] = []
        for start, end, _ in hits:
            if not out or start >= out[-1][1]:
                out.append((start, end))
        return out

    def lookup(self, name: str) -> OutletEntry | None:
        key = self._by_name.get(_norm(name))
        if key is None:
            bare = _WEB_PREFIX.sub("", name.strip().casefold()).rstrip("/")
            key = self._by_name.get(_norm(bare))
        return self.entries.get(key) if key else None

    def by_domain(self, url: str) -> OutletEntry | None:
        host = _SCHEME.sub("", url.casefold()).split("/")[0]
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


def trie_regex(words: list[str], after_first: str = "") -> str:
    """One regular expression matching any of ``words``, built as a character trie so
    that a long list of names costs about as much as one name to search for. ``after_first``
    (an assertion) stands after the first character of every word; words must then not be empty."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        if after_first and not w:
            raise ValueError("an empty word has no first character")
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, after: str = "") -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + after + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie, after_first)


def _norm(name: str) -> str:
    return " ".join(_WORD.findall(name.casefold()))


@lru_cache(maxsize=1)
def load_outlets(path: Path = DATA) -> Outlets:
    return Outlets(validate_file(path, OutletsFile).outlets)
