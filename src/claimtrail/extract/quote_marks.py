"""Pairing quotation marks, paragraph by paragraph, in one pass over the text.

Marks nest: inner marks inside an outer quote stay part of it ("yang "terjebak" demi").
A character that both opens and closes (the straight ``"``) is read by the spaces around
it. A quote that does not close ends at its paragraph, unless the next paragraph opens
with a quotation mark (the convention for a quote running over several paragraphs). The
work is linear in the text's length: each mark is pushed or popped once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimtrail.model import Span

_OPENING_PUNCT = "([{—–-/"
_CLOSING_PUNCT = ",.;:!?)]}—–-…"


def _space(c: str) -> bool:
    return c.isspace() or unicodedata.category(c) == "Cf"


def pair_marks(text: str, lines: Iterable[Span], opens: str, closes: str) -> list[tuple[Span, bool]]:
    """Outermost quotes as (content span, closed) pairs.

    ``lines`` are the paragraphs in text order. A quote that does not close ends at its
    paragraph's end (closed is then False).
    """
    marks = set(opens) | set(closes)
    if not marks:
        return []
    finder = re.compile("[" + re.escape("".join(sorted(marks))) + "]")
    out: list[tuple[Span, bool]] = []
    # a quote left open at a paragraph's end whose next paragraph opens with a mark:
    # (its opening mark, the spans of the paragraphs it has run over so far)
    chain: list[Span] = []
    for line in lines:
        stack: list[tuple[int, str]] = []
        skip = -1
        if chain:
            first = line.start
            while first < line.end and _space(text[first]):
                first += 1
            if first < line.end and text[first] in opens:
                stack.append((chain[0].start - 1, text[chain[0].start - 1]))
                skip = first
            else:
                out.extend((s, False) for s in chain)  # never closed: each part ends at its paragraph
                chain = []
        for m in finder.finditer(text, line.start, line.end):
            i = m.start()
            if i == skip:
                continue
            c = text[i]
            prev = text[i - 1] if i > line.start else " "
            nxt = text[i + 1] if i + 1 < line.end else " "
            can_open, can_close = c in opens, c in closes
            if can_open and can_close:
                if c in "'’‘" and prev.isalnum() and nxt.isalnum():
                    continue  # an apostrophe
                left = (_space(prev) or prev in _OPENING_PUNCT or prev in marks) and (
                    nxt.isalnum() or nxt in "([" or nxt in marks or nxt in "…."
                )
                right = not _space(prev) and (_space(nxt) or nxt in _CLOSING_PUNCT or nxt in marks)
                if stack and (right or not left):
                    can_open = False
                else:
                    can_close = False
                    if not left and not stack and right:
                        continue  # a stray closer
            if can_close and stack:
                start, _ = stack.pop()
                if not stack:
                    out.append((Span(start + 1, i), True))
                    chain = []
            elif can_open:
                stack.append((i, c))
        if stack:
            bottom = stack[0][0]
            same = [p for p, ch in stack[1:] if ch == text[bottom] or ch in closes]
            if same:
                # an inner opener never closed was the outer quote's closing mark
                out.append((Span(bottom + 1, same[-1]), True))
                chain = []
            elif chain:
                chain.append(Span(skip + 1, line.end))
            else:
                chain = [Span(bottom + 1, line.end)]
    out.extend((s, False) for s in chain)
    return out
