"""Page furniture out of the body: newsletter prompts, share and related-link lines,
comment widgets, copyright and photo-credit lines, each kept with its kind.

Rules come from the language pack and the ``xx`` pack (patterns that hold in any
language). A rule matches inside one line; its scope says how much it takes:
``match`` the matched text only, ``line`` from the match to the end of the line, and
``block`` that line and every short line after it to the end of the text, ``with_next``
the line and the next one when the cue stands alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache

from claimtrail.lang.literals import Prefilter, lowered
from claimtrail.lang.sections.boilerplate import Rule
from claimtrail.model import Boilerplate, Span

# re's own parser and opcodes, as claimtrail.lang.literals reads patterns: should a later Python
# move them, no rule is taken for anchored and every rule scans the whole text
try:
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - only on a Python whose re differs
    _parser = None

#: a line after a block rule's match stays furniture while it is at most this long
BLOCK_LINE = 120
_NEWLINE = re.compile("\n")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> tuple[Prefilter, bool]:
    """The rule's pattern with its literal prefilter, and whether it is anchored at line starts."""
    compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    return Prefilter(compiled), _line_anchored(compiled)


def _line_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` is non-empty and starts where a line starts: it is
    multi-line and opens with ``^`` outside any alternation ("^\\s*(?:tags?|topik)\\s*:")."""
    if _parser is None or not pattern.flags & re.MULTILINE:
        return False
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unreadable pattern: re.compile reports it
        return False
    return len(tree) > 0 and tree[0] == (C.AT, C.AT_BEGINNING) and tree.getwidth()[0] > 0


def _at_line_starts(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds for a pattern whose matches are non-empty and start
    at line starts (``starts``, every one): tried only there, where a search tries every
    character of the text."""
    end = 0
    for at in starts:
        if at >= end and (m := pattern.match(text, at)) is not None:
            yield m
            end = m.end()


def find(text: str, rules: Sequence[Rule]) -> list[Boilerplate]:
    lines = [m.span() for m in _LINE.finditer(text)]
    starts = [ls for ls, _ in lines]
    line_starts: list[int] | None = None  # where "^" matches, blank lines too: found when needed
    low = lowered(text)
    # each rule that can match scans the whole text once; its matches are sorted into the
    # lines they start in, by line and then by rule
    matches: dict[int, dict[int, list[re.Match[str]]]] = {}
    for r, rule in enumerate(rules):
        compiled, anchored = _compiled(rule.pattern)
        if not compiled.can_match(low):
            continue
        scanned: Iterator[re.Match[str]]
        if anchored:
            if line_starts is None:
                line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
            scanned = _at_line_starts(compiled.pattern, text, line_starts)
        else:
            scanned = compiled.pattern.finditer(text)
        for m in scanned:
            at = m.start()
            while at < m.end() and text[at].isspace():
                at += 1
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < lines[i][1]:
                matches.setdefault(i, {}).setdefault(r, []).append(m)
    hits: list[list[tuple[Rule, re.Match[str]]]] = []
    for i, (_, le) in enumerate(lines):
        per_rule = matches.get(i)
        if not per_rule:
            hits.append([])
            continue
        here: list[tuple[Rule, re.Match[str]]] = []
        first: tuple[Rule, re.Match[str]] | None = None  # the earliest line-taking match
        for r in sorted(per_rule):
            rule = rules[r]
            for m in per_rule[r]:
                if rule.scope == "match":
                    here.append((rule, m))
                elif le - m.start() <= rule.max_line:  # a long run after the cue is article text
                    if first is None or m.start() < first[1].start():
                        first = (rule, m)
                    break
        hits.append(here + ([first] if first else []))
    found: list[Boilerplate] = []
    for i, ((ls, le), here) in enumerate(zip(lines, hits, strict=True)):
        for rule, m in here:
            if rule.scope == "match":
                found.append(Boilerplate(Span(max(ls, m.start()), m.end()), rule.kind))
                continue
            start, end = (ls if rule.scope == "block" else max(ls, m.start())), le
            if rule.scope == "with_next" and not text[m.end() : le].strip() and i + 1 < len(lines):
                ns, ne = lines[i + 1]
                if ne - ns <= rule.max_line:
                    end = ne
            if rule.scope == "block":
                # short lines after a newsletter box belong to it, up to furniture of another kind
                for j in range(i + 1, len(lines)):
                    ns, ne = lines[j]
                    if ne - ns > BLOCK_LINE or any(r.kind != rule.kind for r, _ in hits[j]):
                        break
                    end = ne
            found.append(Boilerplate(Span(start, end), rule.kind))
            break
    return _merge(found)


def _merge(items: list[Boilerplate]) -> list[Boilerplate]:
    items.sort(key=lambda b: (b.span.start, -b.span.end))
    out: list[Boilerplate] = []
    for b in items:
        if out and out[-1].span.end > b.span.start:
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
