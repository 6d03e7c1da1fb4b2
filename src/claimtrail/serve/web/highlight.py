"""An article's text as HTML with every ledger item marked at its span.

Items may nest (a figure inside a quote) or cross (a quote running into a furniture
block); the marks are written as properly nested elements, and an item that crosses
another is cut into pieces that carry the same ``data-item``, so the text of all the
pieces of an item, joined, is exactly its span. The text itself is escaped, and Unicode
bidirectional controls are wrapped so they cannot reorder the text around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

#: kinds of mark, outermost first when two start at the same place and end at the same place
KINDS = ("boilerplate", "quote", "speaker", "source", "date", "figure")

# embeddings, overrides, isolates and marks: shown as a visible tag, their effect contained
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BIDI_NAMES = {
    "\u061c": "ALM", "\u200e": "LRM", "\u200f": "RLM", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
    "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # one of KINDS
    ref: str  # the element id the side ledger links to ("f0", "q2", ...)
    label: str  # a short description shown on hover


def inert(text: str) -> Markup:
    """Escaped text with bidirectional controls shown as tags and kept from acting."""
    out = escape(text, quote=True)
    if _BIDI.search(out):
        out = _BIDI.sub(lambda m: f'<span class="ctl" data-cp="{_BIDI_NAMES[m.group()]}">{m.group()}</span>', out)
    return Markup(out)


def _open(m: Mark, first: bool) -> str:
    ident = f' id="{m.ref}"' if first else ""
    label = escape(m.label, quote=True)
    if m.kind == "boilerplate":
        return (f'<span class="bp-stub" data-kind="{label}"></span>' if first else "") + (
            f'<span class="hl bp"{ident} data-item="{m.ref}" title="furniture: {label}">')
    return f'<mark class="hl {m.kind}"{ident} data-item="{m.ref}" title="{label}">'


def _close(m: Mark) -> str:
    return "</span>" if m.kind == "boilerplate" else "</mark>"


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` as HTML with each mark's span wrapped in an element (pieces when they cross)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    rank = {k: i for i, k in enumerate(KINDS)}
    marks.sort(key=lambda m: (m.start, -m.end, rank.get(m.kind, len(KINDS))))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    for i, pos in enumerate(bounds):
        # close what ends here; marks opened after one that ends are closed and reopened
        if any(m.end == pos for m in stack):
            keep = [m for m in stack if m.end != pos]
            depth = next(j for j, m in enumerate(stack) if m.end == pos)
            for m in reversed(stack[depth:]):
                out.append(_close(m))
            stack = stack[:depth]
            for m in keep[depth:]:
                out.append(_open(m, first=False))
                stack.append(m)
        for m in starts.get(pos, []):
            # a mark that outlives one already open is cut at that mark's end: open it inside
            out.append(_open(m, first=True))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(str(inert(text[pos : bounds[i + 1]])))
    for m in reversed(stack):
        out.append(_close(m))
    return Markup("".join(out))
