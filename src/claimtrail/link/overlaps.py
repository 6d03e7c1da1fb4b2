"""Items that two extractors both claim: a number inside a date expression ("3 hari lalu",
"two days ago") belongs to the date, not to the figures."""

from __future__ import annotations

from typing import Any

from claimtrail.model import Analysis, DateMention, Figure
from claimtrail.pipeline import stage


def drop_figures_in_dates(figures: tuple[Figure, ...], dates: tuple[DateMention, ...]) -> tuple[Figure, ...]:
    """Figures wholly inside a resolved date's span are part of that date."""
    spans = sorted(d.span for d in dates if d.value is not None)
    return tuple(f for f in figures if not any(s.contains(f.span) for s in spans))


@stage("figures_vs_dates", requires={"figures", "dates"}, provides={"figures"})
def figures_vs_dates_stage(a: Analysis) -> dict[str, Any]:
    return {"figures": drop_figures_in_dates(a.figures, a.dates)}
