"""The weekly digest: an e-mail (HTML with a plain-text part) of a period's conflicting
figure groups, its new republication clusters, the outlets its articles cite most, and its
articles.

Both come from the ledger's cross-article tables: a figure group is in the digest when the
figures of the period's articles in it cannot all hold (their hedged intervals share no
value), with the spread between the largest and smallest number; a story (copies and
translations of one article) is in it when one of its members is among the period's
articles. A ledger stored before those tables has neither, and the digest says so.
"""

from __future__ import annotations

import smtplib
import sqlite3
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimtrail.errors import ClaimtrailError
from claimtrail.link.figure_groups import agreement
from claimtrail.serve.export import writable
from claimtrail.serve.render import amount, number
from claimtrail.store import corpus, queries

TEMPLATES = Path(__file__).resolve().parent / "web" / "templates"

METHOD = (
    "An article is in the period when its publication date (else the day it was stored) is. Figure groups are the "
    "ledger's: figures counting the same thing (concept, unit, event) at the same place within three days. A group "
    "is listed when the figures of the period's articles in it cannot all hold: each is read as the values it "
    "allows (exact as itself, 'about' as within 10 %, 'more than' and 'at least' open above, 'less than' and 'at "
    "most' open below, a range as its bounds) and no value fits them all. Spread is the largest stated number "
    "minus the smallest. Figures of one story (copies and translations) repeat each other; they do not confirm. "
    "Republication clusters are the stories with a member among the period's articles, origin first (the earliest "
    "published). Cited outlets are counted once per article that cites them."
)
NO_TABLES = ("This ledger has no cross-article tables (it was stored before claimtrail linked articles): open it "
             "once for writing, e.g. 'claimtrail stories --db LEDGER', to fill them in.")


@dataclass(frozen=True)
class Conflict:
    """A figure group whose figures in the period disagree."""

    group: queries.GroupSummary
    figures: list[queries.GroupMember]
    articles: int
    spread: float
    relative_spread: float


@dataclass(frozen=True)
class Digest:
    db: str
    start: date
    end: date
    article_count: int
    articles: list[queries.ArticleRow]
    outlets: list[queries.CitedOutlet]
    conflicts: list[Conflict]
    clusters: list[corpus.Story]
    cross_ready: bool
    base_url: str | None = None  # where 'claimtrail serve' runs, for links to the articles
    method: str = METHOD

    @property
    def name(self) -> str:
        return Path(self.db).name

    def link(self, article_id: int) -> str | None:
        return f"{self.base_url.rstrip('/')}/article/{article_id}" if self.base_url else None

    def page(self, kind: str, ref: int) -> str | None:
        """The web page of a group (``groups``) or story (``stories``)."""
        return f"{self.base_url.rstrip('/')}/{kind}/{ref}" if self.base_url else None


def conflicts(conn: sqlite3.Connection, start: str, end: str, most: int = 12) -> list[Conflict]:
    """The groups whose figures from the period's articles (two or more) cannot all hold, widest spread first."""
    members = queries.period_group_members(conn, start, end)
    summaries = queries.groups_by_id(conn, list(members))
    out = []
    for gid, figs in members.items():
        articles = len({f.article_id for f in figs})
        if articles < 2 or gid not in summaries:
            continue
        ag = agreement((f.value, f.low, f.high, f.qualifier, f.unit) for f in figs)
        if not ag.consistent:
            out.append(Conflict(summaries[gid], figs, articles, ag.spread, ag.relative_spread))
    out.sort(key=lambda c: (-c.relative_spread, -c.articles, c.group.id))
    return out[:most]


def build(db: str | Path, start: date, end: date, base_url: str | None = None) -> Digest:
    conn = queries.open_readonly(db)
    try:
        s, e = start.isoformat(), end.isoformat()
        ready = queries.has_cross_tables(conn)
        clusters = [st for sid in queries.period_story_ids(conn, s, e)[:20]
                    if (st := corpus.story(conn, sid)) is not None] if ready else []
        return Digest(
            db=str(db), start=start, end=end, article_count=queries.count_between(conn, s, e),
            articles=queries.articles_between(conn, s, e, limit=50), outlets=queries.cited_outlets(conn, s, e),
            conflicts=conflicts(conn, s, e) if ready else [], clusters=clusters, cross_ready=ready,
            base_url=base_url,
        )
    finally:
        conn.close()


def figure_value(f: queries.GroupMember) -> str:
    return amount(f.qualifier, f.value, f.low, f.high, f.unit)


def subject(d: Digest) -> str:
    return (f"claimtrail digest {d.start}..{d.end}: {len(d.conflicts)} conflicting figure groups, "
            f"{len(d.clusters)} republication clusters, {d.article_count} articles")


def _group_title(g: queries.GroupSummary) -> str:
    return f"{g.concept}{' ' + g.event if g.event else ''} in {g.place}" + ("" if g.unit == "count" else f" ({g.unit})")


def plain_text(d: Digest) -> str:
    lines = [subject(d), "", f"Ledger: {d.name}", f"Period: {d.start} to {d.end}: {d.article_count} articles", ""]
    if not d.cross_ready:
        lines += [NO_TABLES, ""]
    lines.append(f"CONFLICTING FIGURE GROUPS ({len(d.conflicts)})")
    for c in d.conflicts:
        where = f"  {d.page('groups', c.group.id)}" if d.base_url else ""
        lines.append(f"- group {c.group.id}: {_group_title(c.group)}, {c.articles} articles disagree; spread "
                     f"{number(c.spread)} ({c.relative_spread:.0%} of the largest){where}")
        for f in c.figures:
            who = f" per {f.claimant}" if f.claimant else ""
            story = f", story {f.story}" if f.story is not None else ""
            link = f"  {d.link(f.article_id)}" if d.base_url else ""
            lines.append(f"    {figure_value(f)}  «{f.text}»{who}  — {f.title or f.doc_id}"
                         f" ({f.day or 'no date'}, #{f.article_id}{story}){link}")
    if not d.conflicts:
        lines.append("- none: the figures of the period's articles agree within every group")
    lines += ["", f"NEW REPUBLICATION CLUSTERS ({len(d.clusters)})"]
    for s in d.clusters:
        where = f"  {d.page('stories', s.id)}" if d.base_url else ""
        lines.append(f"- story {s.id}: {len(s.articles)} articles, origin #{s.origin} ({s.origin_by}){where}")
        for m in s.articles:
            lines.append(f"    {m.link:<16} {m.title or m.doc_id}  ({m.published or 'no date'}, {m.language or '?'}, "
                         f"#{m.article_id})")
    if not d.clusters:
        lines.append("- none: no article of the period is a copy or translation of another")
    lines += ["", f"MOST-CITED OUTLETS ({len(d.outlets)})"]
    for o in d.outlets:
        state = "; state-affiliated" + (f" ({o.state_reference})" if o.state_reference else "") if o.state_affiliated \
            else ""
        owner = f"; owner {o.owner}" if o.owner else ""
        lines.append(f"- {o.name}: cited by {o.articles} articles{owner}{state}")
    if not d.outlets:
        lines.append("- none cited")
    lines += ["", f"ARTICLES ({d.article_count}{', the first 50' if d.article_count > 50 else ''})"]
    for a in d.articles:
        lines.append(f"- {a.published or a.analysed_at[:10]}  {a.title or a.doc_id}  (#{a.id}, {a.language or '?'})")
    lines += ["", "How this was computed: " + METHOD, ""]
    return "\n".join(lines)


def html(d: Digest) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["value"] = figure_value
    env.filters["group_title"] = _group_title
    env.filters["ref_url"] = lambda ref: (ref or "").split(" ")[0] if (ref or "").startswith(("http://", "https://")) \
        else None
    return env.get_template("digest.html").render(d=d, subject=subject(d), no_tables=NO_TABLES)


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
    path = writable(out)
    try:
        if path.suffix.lower() in (".html", ".htm"):
            path.write_text(html(d), encoding="utf-8")
        elif path.suffix.lower() == ".txt":
            path.write_text(plain_text(d), encoding="utf-8")
        else:
            path.write_bytes(msg.as_bytes())
    except OSError as e:
        raise ClaimtrailError(f"{out}: cannot write ({e.strerror or e})") from None


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
