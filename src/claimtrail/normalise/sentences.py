"""Sentence splitting by rule, with each language's abbreviations from its pack.

Paragraphs are the text's non-blank lines. Inside a paragraph a sentence ends at ``.``,
``!``, ``?`` or ``…`` (with any closing quotes or brackets after it) when whitespace and
an upper-case letter, digit or opening quote follow, unless the word before the stop is
an abbreviation or a single initial.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimtrail.model import Sentence, Span

_LINE = re.compile(r"[^\n]+")
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[\w])")
_NEXT_LOWER = re.compile(r"\s*[^\W\d_]")


def split(text: str, abbreviations: Iterable[str] = (), within: Iterable[Span] | None = None) -> list[Sentence]:
    """Sentences of ``text``, or of the parts of it in ``within`` (the body)."""
    abbrev = _folded(tuple(abbreviations))
    parts = list(within) if within is not None else [Span(0, len(text))]
    out: list[Sentence] = []
    lines = [m for part in parts for m in _LINE.finditer(text, part.start, part.end)]
    for para, line in enumerate(lines):
        start = line.start()
        for m in _END.finditer(text, line.start(), line.end()):
            nxt = _NEXT_LOWER.match(text, m.end())
            if nxt and text[nxt.end() - 1].islower():  # "... dll. dan" goes on
                continue
            if m.group().startswith("."):
                w = _word_before(text, max(line.start(), m.start() - 40), m.start())
                if w and (w.casefold() in abbrev or (len(w) == 1 and w.isupper())):
                    continue
            _add(out, text, start, m.end(), para)
            start = m.end()
        _add(out, text, start, line.end(), para)
    return out


@lru_cache(maxsize=16)
def _folded(abbreviations: tuple[str, ...]) -> frozenset[str]:
    """The abbreviations as compared: case-folded, without a stop (a pack's list, folded once)."""
    return frozenset(a.casefold().rstrip(".") for a in abbreviations)


def _word_before(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]`` with only non-word characters after it ("" for none):
    what ``(\\w+)\\W*$`` finds there, read back from the end (the regex, tried at every start, reads
    each word again to its end)."""
    # a word character is re's \w: ``c.isalnum() or c == "_"``, inline (this runs for every character)
    j = end
    while j > start and not ((c := text[j - 1]).isalnum() or c == "_"):
        j -= 1
    i = j
    while i > start and ((c := text[i - 1]).isalnum() or c == "_"):
        i -= 1
    return text[i:j]


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(Span(start, end), para))
