"""Pack patterns joined into one alternation, factored on their first letters.

Python's ``re`` tries the alternatives of ``a|b|c`` one after the other at every position
of a search. A pack's reporting verbs are fifty alternatives, most of them starting with
"me" or "s", so a scan spends its time failing on first letters. Grouping the alternatives
that start with the same letter ("mengatakan|menyatakan" -> "me(?:ngatakan|nyatakan)")
makes a position cost a few comparisons.

The factored pattern matches what the plain alternation matches, at each position with the
same alternative first: an alternative is only grouped with others that start with the
same letter and keeps its order among them, alternatives that start with different letters
never match at the same position, and an alternative that does not start with a plain
letter (a group, a class, an escape, a letter with a quantifier) keeps its place: none is
moved across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: what may follow an atom and repeat it
_QUANTIFIERS = "?*+{"
#: a class of more first letters than this stops a search at most characters of a text,
#: and costs more than it saves (measured on English reporting verbs: sixteen letters)
MAX_FIRST_LETTERS = 10


def structural(src: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, str]]:
    """The characters of a regular expression's source that shape it, with their positions:
    those outside escapes and character classes ("[]...]" and "[^]...]" begin with a literal
    "]")."""
    hi = len(src) if hi is None else hi
    i, in_class = lo, False
    while i < hi:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if src[i + 1 : i + 2] == "^" else 0
            i += 1 if src[i + 1 : i + 2] == "]" else 0
        else:
            yield i, c
        i += 1


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``: ``a|(?:b|c)|[|]`` gives ``a``,
    ``(?:b|c)`` and ``[|]``."""
    out: list[str] = []
    depth, start = 0, 0
    for i, c in structural(pattern):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _first_letter(alternative: str, ignorecase: bool) -> str | None:
    """The letter ``alternative`` starts with, to group it by (lower case when matching
    ignores case), or None when it starts otherwise. Ignoring case, only a letter with one
    upper-case and one lower-case form that map to each other is taken ("ı", "ſ" and "ς"
    match letters other than their own upper case)."""
    c = alternative[:1]
    if not c.isalpha() or (alternative[1:2] != "" and alternative[1] in _QUANTIFIERS):
        return None
    if not ignorecase:
        return c
    low, up = c.lower(), c.upper()
    if len(low) != 1 or len(up) != 1 or low.upper() != up or up.lower() != low:
        return None
    return low


def factored(alts: list[str], ignorecase: bool = True) -> str:
    """``alts`` as one alternation, those that start with the same letter grouped under it,
    the rests factored the same way."""
    pieces: list[str] = []
    groups: dict[str, list[str]] = {}  # first letter -> the rests after it, in order

    def close_groups() -> None:
        for letter, rests in groups.items():
            inner = factored(rests, ignorecase)
            pieces.append(letter + (inner if len(alternatives(inner)) == 1 else f"(?:{inner})"))
        groups.clear()

    for alt in alts:
        letter = _first_letter(alt, ignorecase)
        if letter is None:
            close_groups()
            pieces.append(alt)
        else:
            groups.setdefault(letter, []).append(alt[1:])
    close_groups()
    return "|".join(pieces)


#: the characters past its own two cases that an ASCII letter matches ignoring case ("K", the
#: Kelvin sign, for "k"); tests/test_alternation.py checks this against every character
_ALSO_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _with_cases(alternative: str) -> str:
    """``alternative`` (of a pattern matched ignoring case) with its first letter, when an ASCII
    one, as a class of every character it matches, itself matched with case: ``re`` passes over
    a branch that opens with a class the text's character is not in without trying it, where a
    letter matched ignoring case is tried branch by branch."""
    letter = _first_letter(alternative, ignorecase=True)
    if letter is None or not letter.isascii():
        return f"(?i:{alternative})"
    return f"[{letter}{letter.upper()}{_ALSO_FOLDS.get(letter, '')}](?i:{alternative[1:]})"


def alternation(patterns: list[str], ignorecase: bool = True) -> str | None:
    """The pack ``patterns`` as one factored alternation (None for none)."""
    if not patterns:
        return None
    return factored([a for p in patterns for a in alternatives(p)], ignorecase)


def word_pattern(patterns: list[str], extra: str = "") -> str | None:
    """``(?<!\\w)(?:patterns){extra}(?!\\w)`` matched ignoring case, not inside a word joined
    by a hyphen ("kata" is no match in "kata-kata", words, nor in "so-called"), written for fast
    searches. When every alternative starts with a letter, and they start with at most
    :data:`MAX_FIRST_LETTERS` letters, the pattern starts with a class that holds those
    letters in both cases and every character past ASCII, matched with case: a search
    skips in C to the characters in it. Behind it the letter is checked
    again ignoring case, and each letter leads to the alternatives that start with it, so
    the pattern matches where, and what, the plain one does."""
    if not patterns:
        return None
    alts = [a for p in patterns for a in alternatives(p)]
    groups: dict[str, list[str]] = {}  # first letter -> the rests after it, in order
    # the plain form: each first letter a class matched with case (:func:`_with_cases`)
    branches = "|".join(_with_cases(a) for a in alternatives(factored(alts)))
    plain = rf"(?<!\w)(?<!\w-)(?:{branches})(?i:{extra}(?!\w|-\w))"
    for alt in alts:
        letter = _first_letter(alt, ignorecase=True)
        if letter is None:
            return plain
        groups.setdefault(letter, []).append(alt[1:])
    if len(groups) > MAX_FIRST_LETTERS:
        return plain
    ascii_cases = sorted({c for letter in groups for c in (letter, letter.upper()) if c.isascii()})
    first = "[" + "".join(re.escape(c) for c in ascii_cases) + "\\x80-\\U0010ffff]"
    branches = "|".join(f"(?<={re.escape(letter)})(?:{factored(rests)})" for letter, rests in groups.items())
    return rf"{first}(?<!\w.)(?<!\w-.)(?i:(?:{branches}){extra}(?!\w|-\w))"
