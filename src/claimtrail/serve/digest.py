"""The weekly digest: an e-mail (HTML with a plain-text part) of a period's contested
figures, the outlets its articles cite most, and its articles.

Until the cross-article tables (figure groups, republication clusters) exist, a figure is
*contested* when two of the period's articles give figures for the same concept and unit
that cannot both hold: their ranges do not overlap, reading "about" as within 10 %,
"more than"/"at least" as open above and "less than"/"at most" as open below. The
digest says so in its text.
"""

from __future__ import annotations

import re
import smtplib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimtrail.errors import ClaimtrailError
from claimtrail.serve.render import _QUAL
from claimtrail.store import queries

TEMPLATES = Path(__file__).resolve().parent / "web" / "templates"

METHOD = (
    "Figure groups and republication clusters are not in this ledger yet, so this digest computes its own: a "
    "concept is contested when two of the period's articles give figures for it (same concept, same unit) that "
    "cannot both hold. Each figure is read as a range: exact values as themselves, 'about' as within 10 %, "
    "'more than' and 'at least' as open above, 'less than' and 'at most' as open below; two figures disagree when "
    "their ranges do not overlap. Beside each concept are the names (words capitalised inside a sentence) that "
    "two or more of its articles share, a hint that they report the same events; concepts with such names come "
    "first. Cited outlets are counted once per article that cites them."
)
NO_CLUSTERS = "New republication clusters: not available until the ledger has its cross-article 'stories' table."


@dataclass(frozen=True)
class Contested:
    concept: str
    unit: str
    articles: int
    figures: list[queries.ConceptFigure]
    low: float
    high: float
    shared_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Digest:
    db: str
    start: date
    end: date
    article_count: int
    articles: list[queries.ArticleRow]
    outlets: list[queries.CitedOutlet]
    contested: list[Contested]
    clusters_ready: bool
    base_url: str | None = None  # where 'claimtrail serve' runs, for links to the articles
    method: str = METHOD

    @property
    def name(self) -> str:
        return Path(self.db).name

    def link(self, article_id: int) -> str | None:
        return f"{self.base_url.rstrip('/')}/article/{article_id}" if self.base_url else None


def _range(f: queries.ConceptFigure) -> tuple[float, float] | None:
    inf = float("inf")
    if f.low is not None and f.high is not None:
        lo, hi = f.low, f.high
    elif f.value is not None:
        lo = hi = f.value
    else:
        return None
    if f.qualifier == "approx":
        return lo * 0.9, hi * 1.1
    if f.qualifier in ("more_than", "at_least"):
        return lo, inf
    if f.qualifier in ("less_than", "at_most"):
        return 0.0, hi
    return lo, hi


def contested(groups: dict[tuple[str, str], list[queries.ConceptFigure]], most: int = 12) -> list[Contested]:
    """Concepts on which two different articles give figures whose ranges do not overlap."""
    out: list[Contested] = []
    for (concept, unit), figs in groups.items():
        ranged = [(f, r) for f in figs if (r := _range(f)) is not None]
        if len({f.article_id for f, _ in ranged}) < 2:
            continue
        involved: dict[tuple[int, str], queries.ConceptFigure] = {}
        for i, (f, (lo, hi)) in enumerate(ranged):
            for g, (lo2, hi2) in ranged[i + 1 :]:
                if g.article_id != f.article_id and (hi < lo2 or hi2 < lo):
                    involved[(f.article_id, f.text)] = f
                    involved[(g.article_id, g.text)] = g
        if involved:
            shown = sorted(involved.values(), key=lambda f: (f.value if f.value is not None else f.low or 0.0))
            values = [x for f in shown for x in (f.value, f.low, f.high) if x is not None]
            out.append(Contested(concept, unit, len({f.article_id for f in shown}), shown, min(values), max(values)))
    out.sort(key=lambda c: (-c.articles, -(c.high / c.low if c.low > 0 else c.high), c.concept))
    return out[:most]


_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def proper_names(text: str) -> set[str]:
    """Words capitalised inside a sentence (not its first word, not all capitals)."""
    names = set()
    for sentence in _SENTENCE.split(text):
        for i, m in enumerate(_WORD.finditer(sentence)):
            w = m.group()
            if i > 0 and w[0].isupper() and not w.isupper():
                names.add(w)
    return names


def with_shared_names(found: list[Contested], texts: dict[int, str], most: int = 6) -> list[Contested]:
    """Each contested concept with the names two or more of its articles share; those
    with shared names first (stable otherwise)."""
    names = {aid: proper_names(t) for aid, t in texts.items()}
    out = []
    for c in found:
        counts = Counter(n for aid in {f.article_id for f in c.figures} for n in names.get(aid, ()))
        shared = sorted((n for n, k in counts.items() if k >= 2), key=lambda n: (-counts[n], n))[:most]
        out.append(replace(c, shared_names=tuple(shared)))
    out.sort(key=lambda c: not c.shared_names)
    return out


def build(db: str | Path, start: date, end: date, base_url: str | None = None) -> Digest:
    conn = queries.open_readonly(db)
    try:
        s, e = start.isoformat(), end.isoformat()
        found = contested(queries.figures_by_concept(conn, s, e))
        ids = sorted({f.article_id for c in found for f in c.figures})
        found = with_shared_names(found, queries.article_texts(conn, ids))
        return Digest(
            db=str(db), start=start, end=end, article_count=queries.count_between(conn, s, e),
            articles=queries.articles_between(conn, s, e, limit=50), outlets=queries.cited_outlets(conn, s, e),
            contested=found,
            clusters_ready=queries.has_table(conn, "stories"), base_url=base_url,
        )
    finally:
        conn.close()


def _number(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,}"


def figure_value(f: queries.ConceptFigure) -> str:
    v = f"{_number(f.low)}–{_number(f.high)}" if f.low is not None and f.high is not None else _number(f.value)
    unit = "" if f.unit == "count" else f" {f.unit}"
    return f"{_QUAL.get(f.qualifier, '')}{v}{unit}"


def subject(d: Digest) -> str:
    return f"claimtrail digest {d.start}..{d.end}: {len(d.contested)} contested figures, {d.article_count} articles"


def plain_text(d: Digest) -> str:
    lines = [subject(d), "", f"Ledger: {d.name}", f"Period: {d.start} to {d.end}: {d.article_count} articles", ""]
    lines.append(f"CONTESTED FIGURES ({len(d.contested)})")
    for c in d.contested:
        shared = f"; they share: {', '.join(c.shared_names)}" if c.shared_names else "; no shared names"
        lines.append(f"- {c.concept} ({c.unit}): {c.articles} articles disagree{shared}")
        for f in c.figures:
            who = f" per {f.attributed_to}" if f.attributed_to else ""
            where = f"  {d.link(f.article_id)}" if d.base_url else ""
            lines.append(f"    {figure_value(f)}  «{f.text}»{who}  — {f.title or f.doc_id}"
                         f" ({f.published or 'no date'}, #{f.article_id}){where}")
    if not d.contested:
        lines.append("- none: no two articles of the period disagree on a counted concept")
    lines += ["", f"MOST-CITED OUTLETS ({len(d.outlets)})"]
    for o in d.outlets:
        state = "; state-affiliated" + (f" ({o.state_reference})" if o.state_reference else "") if o.state_affiliated \
            else ""
        owner = f"; owner {o.owner}" if o.owner else ""
        lines.append(f"- {o.name}: cited by {o.articles} articles{owner}{state}")
    if not d.outlets:
        lines.append("- none cited")
    lines += ["", NO_CLUSTERS if not d.clusters_ready else "New republication clusters: see the 'stories' table.", ""]
    lines.append(f"ARTICLES ({d.article_count}{', the first 50' if d.article_count > 50 else ''})")
    for a in d.articles:
        lines.append(f"- {a.published or a.analysed_at[:10]}  {a.title or a.doc_id}  (#{a.id}, {a.language or '?'})")
    lines += ["", "How this was computed: " + METHOD, ""]
    return "\n".join(lines)


def html(d: Digest) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["value"] = figure_value
    env.filters["ref_url"] = lambda ref: (ref or "").split(" ")[0] if (ref or "").startswith(("http://", "https://")) \
        else None
    return env.get_template("digest.html").render(d=d, subject=subject(d), no_clusters=NO_CLUSTERS)


def message(d: Digest, sender: str, to: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject(d)
    msg["From"] = sender
    if to:
        msg["To"] = to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="claimtrail.local")
    msg.set_content(plain_text(d))
    msg.add_alternative(html(d), subtype="html")
    return msg


def write(msg: EmailMessage, d: Digest, out: str | Path) -> None:
    """The digest to a file: ``.html`` the HTML part, ``.txt`` the text part, else the whole message."""
    path = Path(out)
    if not path.parent.is_dir():
        raise ClaimtrailError(f"{out}: the folder {path.parent} does not exist")
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(html(d), encoding="utf-8")
    elif path.suffix.lower() == ".txt":
        path.write_text(plain_text(d), encoding="utf-8")
    else:
        path.write_bytes(msg.as_bytes())


def parse_smtp(spec: str) -> tuple[str, int]:
    host, _, port = spec.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ClaimtrailError(f"digest: --smtp must be HOST:PORT, not {spec!r}")
    return host.strip("[]"), int(port)


def send(msg: EmailMessage, host: str, port: int, timeout: float = 30.0) -> None:
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            smtp.send_message(msg)
    except (TimeoutError, OSError, smtplib.SMTPException) as e:
        raise ClaimtrailError(f"digest: could not send through {host}:{port} ({e})") from None
