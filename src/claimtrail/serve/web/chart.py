"""A figure group as a chart: server-rendered inline SVG, one row per figure.

Each figure is drawn as what its hedge allows (the intervals of
:mod:`claimtrail.link.figure_groups`): an exact value as a point, "about" as a bar of
±10 % with the point at its middle, a range as a bar, "more than"/"at least" as a bar from
the value that fades out to the right and ends in an arrow (an open bound), "less than"/"at
most" the same towards zero. Figures that cannot hold together with another of the group
are marked as conflicting; when all agree, the values they share are shaded behind them.

No script and no style attribute (the pages' Content-Security-Policy allows neither):
colours come from classes in ``static/style.css`` and presentation attributes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from claimtrail.link.figure_groups import Interval, intersect, interval
from claimtrail.store.queries import GroupMember, GroupSummary

WIDTH = 760
LABEL = 240  # the left column: day and outlet
ROW = 26
TOP = 14
AXIS = 30
OPEN = ("more_than", "at_least")
BELOW = ("less_than", "at_most")


@dataclass(frozen=True)
class Mark:
    """One figure as the chart draws it."""

    member: GroupMember
    interval: Interval | None
    conflict: bool


def marks(members: Sequence[GroupMember]) -> list[Mark]:
    """Each figure with its interval, and whether some other figure of the group cannot hold with it."""
    ivs = [interval(m.value, m.low, m.high, m.qualifier, m.unit) for m in members]
    out = []
    for i, (m, iv) in enumerate(zip(members, ivs, strict=True)):
        conflict = iv is not None and any(
            other is not None and j != i and intersect([iv, other]) is None for j, other in enumerate(ivs))
        out.append(Mark(m, iv, conflict))
    return out


#: mark colours (also in style.css): gradients take their colour where they are defined, not where used
COLOURS = {"fits": "#3f6fb0", "conflict": "#b3261e"}


def _gradients() -> str:
    out = ["<defs>"]
    for name, colour in COLOURS.items():
        for side, (x1, x2) in (("right", (0, 1)), ("left", (1, 0))):
            out.append(f'<linearGradient id="fade-{side}-{name}" x1="{x1}" x2="{x2}" y1="0" y2="0">'
                       f'<stop offset="0" stop-color="{colour}" stop-opacity="0.85"/>'
                       f'<stop offset="1" stop-color="{colour}" stop-opacity="0"/></linearGradient>')
    out.append("</defs>")
    return "".join(out)


def _nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1.0
    mag = float(10 ** math.floor(math.log10(raw)))
    return next(k * mag for k in (1, 2, 2.5, 5, 10) if k * mag >= raw)


def _num(x: float) -> str:
    if abs(x) >= 1_000_000:
        return f"{x / 1_000_000:g}M"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"


def _label(m: GroupMember, heads: dict[int, str]) -> str:
    who = m.outlet or m.claimant or heads.get(m.article_id) or m.doc_id
    label = f"{m.day or '?'} · {who}"
    return label if len(label) <= 34 else label[:33] + "…"


def render(group: GroupSummary, ms: Sequence[Mark], heads: dict[int, str] | None = None) -> Markup:
    """The chart of a group's figures as an ``<svg>`` element; each row is labelled with its
    day and outlet, else claimant, else the article's headline (``heads``), else document id."""
    finite = [x for mk in ms if mk.interval is not None
              for x in (mk.interval.low, mk.interval.high) if math.isfinite(x)]
    finite += [x for mk in ms for x in (mk.member.value, mk.member.low, mk.member.high) if x is not None]
    hi = max(finite, default=1.0) * 1.15 or 1.0
    lo = min(0.0, min(finite, default=0.0))
    plot_w = WIDTH - LABEL - 20
    height = TOP + ROW * len(ms) + AXIS

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return round(LABEL + (v - lo) / (hi - lo) * plot_w, 1)

    right = x(hi)
    parts: list[str] = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(group.concept)} {escape(group.event or "")} in {escape(group.place)}: '
        f"{len(ms)} figures</title>",
        _gradients(),
    ]
    bottom = TOP + ROW * len(ms)
    if group.consistent and group.low is not None:
        band_hi = x(group.high) if group.high is not None else right
        band_lo = x(group.low) - (3 if band_hi - x(group.low) < 6 else 0)  # a single value: a visible strip
        parts.append(f'<rect class="agree-band" x="{round(band_lo, 1)}" y="{TOP - 4}" '
                     f'width="{round(max(band_hi - x(group.low), 6), 1)}" height="{bottom - TOP + 8}">'
                     "<title>values every figure allows</title></rect>")
    step = _nice_step(hi - lo)
    t = math.ceil(lo / step) * step
    while t <= hi:
        parts.append(f'<line class="grid" x1="{x(t)}" x2="{x(t)}" y1="{TOP - 4}" y2="{bottom}"/>'
                     f'<text class="tick" x="{x(t)}" y="{bottom + 16}" text-anchor="middle">{_num(t)}</text>')
        t += step
    for i, mk in enumerate(ms):
        parts.append(_row(mk, TOP + ROW * i + ROW / 2, x, right, heads or {}))
    parts.append("</svg>")
    return Markup("".join(parts))


def _row(mk: Mark, y: float, xf: Callable[[float], float], right: float, heads: dict[int, str]) -> str:
    m = mk.member
    q = m.qualifier
    state = "conflict" if mk.conflict else "fits"
    kind = "range" if m.value is None else ("open-high" if q in OPEN else "open-low" if q in BELOW else
                                            "approx" if q == "approx" else "point")
    cls = f"mark {kind} {state}"
    tip = f"{m.text} ({q.replace('_', ' ')}) · {m.outlet or m.claimant or m.doc_id} · {m.day or 'no day'}"
    out = [f'<g class="{cls}" data-article="{m.article_id}" data-qualifier="{escape(q)}">',
           f"<title>{escape(tip)}</title>",
           f'<text class="row-label" x="{LABEL - 8}" y="{y + 4}" text-anchor="end">{escape(_label(m, heads))}</text>',
           f'<line class="row-line" x1="{LABEL}" x2="{right}" y1="{y}" y2="{y}"/>']
    iv = mk.interval
    if iv is None:
        pass
    elif kind == "open-high":
        x0 = xf(iv.low)
        out.append(f'<rect class="bound" x="{x0}" y="{y - 5}" width="{round(max(right - x0, 2), 1)}" height="10" '
                   f'fill="url(#fade-right-{state})"/>')
        out.append(f'<path class="arrow" d="M{right - 8},{y - 6} L{right},{y} L{right - 8},{y + 6}"/>')
        out.append(f'<circle class="end {"open" if iv.low_open else "closed"}" cx="{x0}" cy="{y}" r="5"/>')
    elif kind == "open-low":
        x1 = xf(iv.high)
        left = xf(iv.low)
        out.append(f'<rect class="bound" x="{left}" y="{y - 5}" width="{round(max(x1 - left, 2), 1)}" height="10" '
                   f'fill="url(#fade-left-{state})"/>')
        out.append(f'<path class="arrow" d="M{left + 8},{y - 6} L{left},{y} L{left + 8},{y + 6}"/>')
        out.append(f'<circle class="end {"open" if iv.high_open else "closed"}" cx="{x1}" cy="{y}" r="5"/>')
    elif kind in ("range", "approx"):
        x0, x1 = xf(iv.low), xf(iv.high)
        out.append(f'<rect class="bar" x="{x0}" y="{y - 6}" width="{round(max(x1 - x0, 2), 1)}" height="12" rx="2"/>')
        if kind == "approx" and m.value is not None:
            out.append(f'<circle class="point" cx="{xf(m.value)}" cy="{y}" r="3.5"/>')
            out.append(f'<line class="tick-end" x1="{x0}" x2="{x0}" y1="{y - 8}" y2="{y + 8}"/>'
                       f'<line class="tick-end" x1="{x1}" x2="{x1}" y1="{y - 8}" y2="{y + 8}"/>')
    else:
        out.append(f'<circle class="point" cx="{xf(iv.low)}" cy="{y}" r="6"/>')
    out.append("</g>")
    return "".join(out)
