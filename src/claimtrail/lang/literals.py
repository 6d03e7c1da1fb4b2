"""Literal prefilters for the packs' patterns: strings one of which every match must hold.

Most of a pack's patterns match in few articles ("newsletter", "hak cipta", "lansir"), yet a
case-insensitive pattern scans the whole text character by character. Looking first for the
literal a match cannot do without ("hak cipta" in ``\\bhak cipta (?:milik|dilindungi)\\b``) is
a substring search in C, and a text without it is not scanned at all.

The literals are read from the pattern's parse tree: runs of literal characters in the
sequence every match goes through, through groups and repeats of at least one, and across an
alternation when every branch has its own. Anything the reader does not know gives no
literal, so a pattern without one is always scanned: the filter can only skip texts the
pattern cannot match, never change what it finds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: a literal shorter than this filters too little to be worth a look
MIN_LENGTH = 3

# re's own parser, opcodes and case table (private modules of 3.11+): the filter reads patterns
# as re does. Should a later Python move them, no pattern gets a filter and every text is scanned.
try:
    from re import _casefix, _parser  # type: ignore[attr-defined]
    from re import _constants as C  # type: ignore[attr-defined]

    #: letters that re.IGNORECASE equates with another one that lower-casing does not give
    #: ("ſ" with "s", "ı" with "i"): a text holding one is always scanned
    _SPECIAL: re.Pattern[str] | None = re.compile("[" + "".join(sorted(
        {re.escape(chr(c)) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127})) + "]")
except (ImportError, AttributeError):  # pragma: no cover - only on a Python whose re differs
    _SPECIAL = None


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains, or ``None``
    when no such set is found (then the pattern must always be run)."""
    if _SPECIAL is None:
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # an unreadable pattern gets no filter; re.compile reports it
        return None
    found = _of_sequence(list(tree))
    if not found or min(len(s) for s in found) < MIN_LENGTH:
        return None
    return frozenset(found)


def _of_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best requirement of a sequence: its longest run of literal characters, or the
    best requirement of one of its required parts (the one whose shortest literal is longest)."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av).lower())
            continue
        consider({"".join(run)} if run else None)
        run = []
        consider(_of_item(op, av))
    consider({"".join(run)} if run else None)
    return best


def _of_item(op: Any, av: Any) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _of_sequence(list(av[-1]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _of_sequence(list(av[2]))
    if op is C.ATOMIC_GROUP:
        return _of_sequence(list(av))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            part = _of_sequence(list(branch))
            if not part:
                return None
            out |= part
        return out
    return None


class Prefilter:
    """A compiled pattern with its required literals: ``can_match(lowered)`` is false only
    when the text cannot hold a match."""

    __slots__ = ("literals", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required_literals(pattern.pattern, pattern.flags)

    def can_match(self, lowered: str | None) -> bool:
        """``lowered`` is the text lower-cased, or ``None`` when lower-casing changed its
        length (a letter such as "İ"): then the pattern is always run."""
        if self.literals is None or lowered is None:
            return True
        for s in self.literals:  # a loop, not any(): this runs for every pattern and text
            if s in lowered:
                return True
        return False


def lowered(text: str, low: str | None = None) -> str | None:
    """``text`` lower-cased for :meth:`Prefilter.can_match`, or ``None`` when that changes its
    length or the text holds a letter ``re`` folds otherwise (the filter's literals would no
    longer say what ``re`` compares). ``low`` is ``text.lower()`` when the caller has it."""
    if low is None:
        return _lowered(text)
    return low if len(low) == len(text) and _SPECIAL is not None and not _SPECIAL.search(text) else None


@lru_cache(maxsize=4)
def lower_of(text: str) -> str:
    """``text.lower()``, kept for the last few texts: the stages of one article (boilerplate,
    sources, outlets, dates) each lower the same text."""
    return text.lower()


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    return lowered(text, lower_of(text))


def starts_a_digit_run(pattern: str, flags: int = 0) -> bool:
    """Whether every match of ``pattern`` starts where a run of digits starts: the pattern opens
    with look-behinds, ``(?<!\\d)`` among them, and the first character it consumes is always a
    decimal digit. A search for it need only try the starts of digit runs. Anything the reader
    does not know says no."""
    if _SPECIAL is None:
        return False
    try:
        items = list(_parser.parse(pattern, flags))
    except Exception:  # an unreadable pattern: re.compile reports it
        return False
    i, guarded = 0, False
    while i < len(items) and items[i][0] is C.ASSERT_NOT and items[i][1][0] == -1:
        guarded = guarded or list(items[i][1][1]) == [(C.IN, [(C.CATEGORY, C.CATEGORY_DIGIT)])]
        i += 1
    digit, empty = _digit_first(items[i:])
    return guarded and digit and not empty


def _digit_first(items: list[tuple[Any, Any]]) -> tuple[bool, bool]:
    """(every first character the sequence can consume is a decimal digit, it can match empty)."""
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # no width
        digit, empty = _digit_first_item(op, av)
        if not digit:
            return False, False
        if not empty:
            return True, False
    return True, True


def _digit_first_item(op: Any, av: Any) -> tuple[bool, bool]:
    if op is C.LITERAL:
        return chr(av).isdecimal(), False
    if op is C.IN:
        return all(_digit_set_item(o, a) for o, a in av), False
    if op is C.SUBPATTERN:
        return _digit_first(list(av[-1]))
    if op is C.ATOMIC_GROUP:
        return _digit_first(list(av))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        digit, empty = _digit_first(list(av[2]))
        return digit, empty or av[0] == 0
    if op is C.BRANCH:
        found = [_digit_first(list(branch)) for branch in av[1]]
        return all(d for d, _ in found), any(e for _, e in found)
    return False, False


def _digit_set_item(op: Any, av: Any) -> bool:
    if op is C.LITERAL:
        return chr(av).isdecimal()
    if op is C.RANGE:
        return all(chr(c).isdecimal() for c in range(av[0], av[1] + 1))
    return op is C.CATEGORY and av is C.CATEGORY_DIGIT
