"""Who asserts a figure: the speaker of the quote, direct or reported, that holds it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimtrail.model import Analysis, Figure, Quote
from claimtrail.pipeline import stage


def attribute(figures: tuple[Figure, ...], quotes: tuple[Quote, ...]) -> tuple[Figure, ...]:
    """Each figure inside a quote with a speaker is attributed to that speaker; the
    innermost quote wins where quotes nest. Figures already attributed keep theirs."""
    out = []
    for f in figures:
        holders = [q for q in quotes if q.speaker is not None and q.span.contains(f.span)]
        if f.attributed_to is None and holders:
            inner = min(holders, key=lambda q: len(q.span))
            assert inner.speaker is not None
            f = replace(f, attributed_to=inner.speaker.name)
        out.append(f)
    return tuple(out)


@stage("attribution", requires={"figures", "quotes"}, provides={"figures"})
def attribution_stage(a: Analysis) -> dict[str, Any]:
    return {"figures": attribute(a.figures, a.quotes)}
