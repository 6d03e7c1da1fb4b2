"""Page furniture out of the body: newsletter prompts, share and related-link lines,
comment widgets, copyright and photo-credit lines, each kept with its kind.

Rules come from the language pack and the ``xx`` pack (patterns that hold in any
language). A rule matches inside one line; its scope says how much it takes:
``match`` the matched text only, ``line`` from the match to the end of the line, and
``block`` that line and every short line after it to the end of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from claimtrail.lang.sections.boilerplate import Rule
from claimtrail.model import Boilerplate, Span

#: a line after a block rule's match stays furniture while it is at most this long
BLOCK_LINE = 120


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


def find(text: str, rules: Sequence[Rule]) -> list[Boilerplate]:
    found: list[Boilerplate] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for i, (ls, le) in enumerate(lines):
        for rule in rules:
            m = _compiled(rule.pattern).search(text, ls, le)
            if not m:
                continue
            if rule.scope == "match":
                found.append(Boilerplate(Span(m.start(), m.end()), rule.kind))
                continue
            if le - m.start() > rule.max_line:
                continue  # a long run of text after the cue is article text
            start = ls if rule.scope == "block" else m.start()
            end = le
            if rule.scope == "block":
                for ns, ne in lines[i + 1 :]:
                    if ne - ns > BLOCK_LINE:
                        break
                    end = ne
            found.append(Boilerplate(Span(start, end), rule.kind))
            break
    return _merge(found)


def _merge(items: list[Boilerplate]) -> list[Boilerplate]:
    items.sort(key=lambda b: (b.span.start, -b.span.end))
    out: list[Boilerplate] = []
    for b in items:
        if out and out[-1].span.end >= b.span.start:
            last = out[-1]
            if b.span.end > last.span.end:
                out[-1] = Boilerplate(Span(last.span.start, b.span.end), last.kind)
            continue
        out.append(b)
    return out


def body_spans(text: str, furniture: Sequence[Boilerplate]) -> list[Span]:
    """The text minus furniture, as spans trimmed of surrounding whitespace."""
    out: list[Span] = []
    pos = 0
    for b in sorted(furniture, key=lambda b: b.span.start):
        _add_trimmed(out, text, pos, b.span.start)
        pos = max(pos, b.span.end)
    _add_trimmed(out, text, pos, len(text))
    return out


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))
