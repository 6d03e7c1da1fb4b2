"""A ledger as text a person reads in a terminal."""

from __future__ import annotations

from claimtrail.model import Analysis, Figure, Quote, Span

_QUAL = {
    "exact": "",
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}


def _snip(text: str, span: Span, width: int = 90) -> str:
    s = " ".join(span.of(text).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def number(x: float | None) -> str:
    """A number as readers write it: "7,796", "5.71", "?" when there is none."""
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


def amount(qualifier: str, value: float | None, low: float | None, high: float | None, unit: str = "count") -> str:
    """A figure's amount with its hedge and unit: "about 10,000–13,000", "more than 7,000", "5.71 percent"."""
    shown = f"{number(low)}–{number(high)}" if value is None and low is not None else number(value)
    return _QUAL.get(qualifier, "") + shown + ("" if unit == "count" else f" {unit}")


def figure_line(f: Figure, text: str) -> str:
    what = f.concept or f.counted or ""
    who = f"  (per {f.attributed_to})" if f.attributed_to else ""
    head = f"{amount(f.qualifier, f.value, f.low, f.high, f.unit)} {what}".rstrip()
    return head + f'  «{_snip(text, f.span, 40)}»{who}'


def quote_line(q: Quote, text: str) -> str:
    who = q.speaker.name if q.speaker else "(unknown speaker)"
    role = f" ({q.speaker.role})" if q.speaker and q.speaker.role else ""
    via = f" [from «{q.speaker.resolved_from}»]" if q.speaker and q.speaker.resolved_from else ""
    deny = " DENIES" if q.stance == "deny" else ""
    return f"{who}{role}{via}{deny}, {q.kind}: «{_snip(text, q.span)}»"


def render(a: Analysis) -> str:
    art, text = a.article, a.article.text
    out = [f"== {art.id}" + (f"  {art.title}" if art.title else "")]
    meta = [f"language {a.language or '?'}"]
    if a.published:
        how = f"{a.published_from}: {a.published_note}" if a.published_note else a.published_from
        meta.append(f"published {a.published} ({how})")
    if art.url:
        meta.append(art.url)
    out.append("   " + " · ".join(meta))
    for r in art.repairs:
        out.append(f"   repaired: {r.detail}")
    sections: list[tuple[str, list[str]]] = [
        ("sources", [f"{s.relation:<9} {s.outlet}  ({s.cue})" for s in a.sources]),
        ("figures", [figure_line(f, text) for f in a.figures]),
        ("quotes", [quote_line(q, text) for q in a.quotes]),
        ("dates", [f"{d.value or 'unresolved'}  «{_snip(text, d.span, 40)}»" + (f"  ({d.note})" if d.note else "")
                   for d in a.dates]),
        ("furniture removed", [f"{b.kind:<12} «{_snip(text, b.span, 70)}»" for b in a.boilerplate]),
    ]
    for title, lines in sections:
        out.append(f"   {title} ({len(lines)})")
        out.extend(f"     - {line}" for line in lines)
    return "\n".join(out)
