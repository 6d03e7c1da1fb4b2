"""Sources: the outlets an article names as its publisher, the origin of its content or
the holder of its rights, each resolved against the outlets data file where it can be.

Cues come from the language pack's ``sources.yaml`` and the ``xx`` pack's (credits such
as "(Reuters)" and "©" hold in any language). The whole text is searched, furniture
included: a copyright line is furniture and still names the rights holder.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from claimtrail.lang import with_fallback
from claimtrail.lang.literals import Prefilter, lowered
from claimtrail.lang.sections.sources import Section as Cues
from claimtrail.model import Analysis, Relation, Source, Span
from claimtrail.outlets import OutletEntry, Outlets, load_outlets
from claimtrail.pipeline import stage

_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.id|id|ru|co\.uk|info|tv)\b", re.I)
_SPLIT = re.compile(r"\s*(?:/|,|;|&|\+|\bdan\b|\band\b|\bи\b)\s*", re.I)
_NAME = re.compile(r"^[A-ZА-ЯЁ0-9][\w.'’&-]*(?:\s+(?:[A-ZА-ЯЁ0-9][\w.'’&-]*|de|of|al|the))*$")


@dataclass(frozen=True)
class CompiledCues:
    dateline: tuple[re.Pattern[str], ...]
    #: cues around an outlet's name (with the literals one of which each match holds)
    before: Prefilter | None
    interview: Prefilter | None
    after: Prefilter | None
    open_before: tuple[Prefilter, ...]
    credit: tuple[Prefilter, ...]
    wire: tuple[Prefilter, ...]
    labelled: tuple[Prefilter, ...]
    copyright: tuple[Prefilter, ...]
    platform: Prefilter | None


def _either(patterns: Iterable[str], template: str) -> Prefilter | None:
    ps = list(patterns)
    if not ps:
        return None
    return Prefilter(re.compile(template.format("|".join(f"(?:{p})" for p in ps)), re.I))


@lru_cache(maxsize=16)
def cues_for(language: str | None) -> CompiledCues:
    """The language's source cues together with the ``xx`` pack's."""
    return compile_cues(*(p.section("sources", Cues) for p in with_fallback(language)))


def compile_cues(*sections: Cues) -> CompiledCues:
    def allof(attr: str) -> list[str]:
        return [p for s in sections for p in getattr(s, attr)]

    name = r"(?P<outlet>[A-ZА-ЯЁ][\w.'’&!-]*(?:[ \t]+[A-ZА-ЯЁ][\w.'’&!-]*){0,3})"
    return CompiledCues(
        dateline=tuple(re.compile(p) for p in allof("dateline")),
        before=_either(allof("before"), r"(?<!\w)(?P<cue>{})[ \t:,]*[\"“«]?[ \t]*"),
        interview=_either(allof("interview"), r"(?<!\w)(?P<cue>{})[ \t:,]*"),
        after=_either(allof("after"), r"[\"”»]?[ \t]*(?P<cue>{})\b"),
        open_before=tuple(Prefilter(re.compile(rf"(?:{p})\s+{name}", re.I)) for p in allof("open_before")),
        credit=tuple(Prefilter(re.compile(p, re.M)) for p in allof("credit")),
        wire=tuple(Prefilter(re.compile(p, re.M)) for p in allof("wire")),
        labelled=tuple(Prefilter(re.compile(p, re.M | re.I)) for p in allof("labelled")),
        copyright=tuple(Prefilter(re.compile(p, re.I | re.M)) for p in allof("copyright")),
        platform=_either(allof("platform_cues"), r"(?<!\w)(?P<cue>{})[ \t]*"),
    )


def find(text: str, cues: CompiledCues, outlets: Outlets, url: str | None = None,
         site_name: str | None = None) -> list[Source]:
    found: list[Source] = []
    low = lowered(text)
    found.extend(_dateline(text, cues, outlets, url))
    found.extend(_copyright(text, low, cues, outlets))
    found.extend(_credits(text, low, cues, outlets))
    found.extend(_open_cues(text, low, cues, outlets))
    own = list(_wire(text, low, cues, outlets))
    for is_own, src in _cued_mentions(text, low, cues, outlets):
        (own if is_own else found).append(src)
    return _dedupe(_settle_own(found, own, outlets, url, site_name))


def _settle_own(found: list[Source], own: list[Source], outlets: Outlets, url: str | None,
                site_name: str | None = None) -> list[Source]:
    """Wire datelines and "told X" (``own``) name the article's own outlet when nothing
    else does: the outlet of the URL or of a dateline is the publisher; without one, a
    single outlet so named is; the rest are cited. An outlet the article publishes is not
    also cited by it. A web page's own site name counts as its URL does."""
    home = home_outlet(outlets, url, site_name)
    publishers = {s.outlet_key or s.outlet for s in found if s.relation == "publisher"}
    if home is not None:
        publishers.add(home.key)
    named = {s.outlet_key or s.outlet for s in own}
    if not publishers and len(named) == 1:
        publishers = named
    out = [replace(s, relation="publisher") if (s.outlet_key or s.outlet) in publishers else s for s in own]
    out += [s for s in found if not (s.relation == "cites" and (s.outlet_key or s.outlet) in publishers)]
    return out


def home_outlet(outlets: Outlets, url: str | None, site_name: str | None = None) -> OutletEntry | None:
    """The outlet that publishes the article: the one of its URL's domain, else the one
    its page names as its site (``og:site_name``)."""
    home = outlets.by_domain(url) if url else None
    if home is None and site_name:
        home = outlets.lookup(site_name)
    return home


def _resolved(name: str, span: Span, relation: Relation, cue: str, outlets: Outlets,
              allow_unknown: bool) -> Source | None:
    name = name.strip(" \t.,:;\"'“”«»()[]")
    if not name:
        return None
    entry = outlets.lookup(name)
    if entry is not None:
        return Source(entry.name, relation, span, cue, entry.key)
    if allow_unknown and (_NAME.match(name) or _DOMAIN.fullmatch(name)) and len(name) <= 50:
        return Source(name, relation, span, cue, None)
    return None


def _dateline(text: str, cues: CompiledCues, outlets: Outlets, url: str | None) -> Iterator[Source]:
    head = text[:200]
    first = head.split("\n", 1)[0]
    for pat in cues.dateline:
        m = pat.search(first)
        if not m:
            continue
        region_start, region = m.start("outlet"), m.group("outlet")
        names = [(region[s:e], Span(region_start + s, region_start + e)) for s, e in outlets.names_in(region)]
        if not names:
            names = [(d.group(), Span(region_start + d.start(), region_start + d.end()))
                     for d in _DOMAIN.finditer(region)]
        if not names and "," in region:
            # "Place, Outlet Name --": an outlet not in the file, named after the place
            tail = region.rsplit(",", 1)[1].strip()
            if _NAME.match(tail) and not tail.isupper() and len(tail.split()) <= 4:
                at = region_start + region.rindex(tail)
                names = [(tail, Span(at, at + len(tail)))]
        home = home_outlet(outlets, url)
        for name, span in names:
            entry = outlets.lookup(name)
            relation: Relation = "publisher"
            if entry is not None and entry.kind == "agency" and (home is None or home.key != entry.key):
                relation = "cites"
            src = _resolved(name, span, relation, "dateline", outlets, allow_unknown=True)
            if src:
                yield src
        if names:
            return


def _matches(patterns: Iterable[Prefilter], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """The matches of each pattern in turn, skipping those whose literals ``low`` lacks."""
    for p in patterns:
        if p.can_match(low):
            yield from p.pattern.finditer(text)


def _copyright(text: str, low: str | None, cues: CompiledCues, outlets: Outlets) -> Iterator[Source]:
    for m in _matches(cues.copyright, text, low):
        raw = m.group("outlet")
        start = m.start("outlet")
        hits = outlets.names_in(raw)
        if hits:
            s, e = hits[0]
            src = _resolved(raw[s:e], Span(start + s, start + e), "copyright", "copyright", outlets,
                            allow_unknown=False)
        else:
            src = _resolved(raw, Span(start, start + len(raw.rstrip())), "copyright", "copyright",
                            outlets, allow_unknown=True)
        if src:
            yield src


def _credits(text: str, low: str | None, cues: CompiledCues, outlets: Outlets) -> Iterator[Source]:
    for group, labelled in ((cues.credit, False), (cues.labelled, True)):
        for m in _matches(group, text, low):
            raw, base = m.group("outlet"), m.start("outlet")
            pos = 0
            for piece in _SPLIT.split(raw):
                at = raw.find(piece, pos)
                pos = at + len(piece)
                if not piece.strip():
                    continue
                # a bare credit must name a known outlet; a labelled one ("Sumber:") may not
                src = _resolved(piece, Span(base + at, base + at + len(piece)), "cites", "credit",
                                outlets, allow_unknown=labelled)
                if src:
                    yield src


def _wire(text: str, low: str | None, cues: CompiledCues, outlets: Outlets) -> Iterator[Source]:
    for m in _matches(cues.wire, text, low):
        entry = outlets.lookup(m.group("outlet"))
        if entry is not None:
            yield Source(entry.name, "cites", Span(m.start("outlet"), m.end("outlet")), "wire dateline", entry.key)


def _cued_mentions(text: str, low: str | None, cues: CompiledCues,
                   outlets: Outlets) -> Iterator[tuple[bool, Source]]:
    """Known outlets with a cue right around them; ``True`` marks one someone spoke to."""
    spans = [Span(s, e) for s, e in outlets.names_in(text)]
    if not spans:
        return
    mentions = [outlets.lookup(text[s.start : s.end]) for s in spans]
    before = _Cues(cues.before, text, low, spans)
    interview = _Cues(cues.interview, text, low, spans)
    # platform cues are asked about only for platforms ("on Twitter"): not looked for without one
    platform = (_Cues(cues.platform, text, low, spans)
                if any(e is not None and e.kind == "platform" for e in mentions) else None)
    after = _Cues(cues.after, text, low, spans)
    for entry, span in zip(mentions, spans, strict=True):
        if entry is None:
            continue
        if cue := before.leading(span):
            yield False, Source(entry.name, "cites", span, cue, entry.key)
        elif cue := interview.leading(span):
            yield True, Source(entry.name, "cites", span, cue, entry.key)
        elif cue := after.trailing(span):
            yield False, Source(entry.name, "cites", span, cue, entry.key)
        elif entry.kind == "platform" and platform is not None and (cue := platform.leading(span)):
            yield False, Source(entry.name, "cites", span, cue, entry.key)


#: how far from an outlet's name its cue may reach, in characters
REACH = 80
#: with more mentions than this, one scan of the whole text is cheaper than windows
MANY = 64


class _Cues:
    """The matches of a cue pattern near the outlet mentions, for asking whether a cue
    leads into a name or follows it. A few mentions are searched in windows around them;
    many are served by one scan of the whole text, so the work stays linear. A window
    (``low`` is the text lower-cased, see :func:`lowered`) without any of the cue's literals
    is not searched."""

    def __init__(self, cue: Prefilter | None, text: str, low: str | None, near: list[Span]) -> None:
        found: set[tuple[int, int, str]] = set()
        if cue is not None:
            if len(near) > MANY:
                windows = [(0, len(text))]
            else:
                windows = [(max(0, s.start - REACH), min(len(text), s.end + REACH)) for s in near]
            pattern = cue.pattern
            for lo, hi in windows:
                if low is not None and not cue.can_match(low[lo:hi]):
                    continue
                found.update((m.start(), m.end(), m.group("cue").strip()) for m in pattern.finditer(text, lo, hi))
        self.found = sorted(found)
        self.starts = [f[0] for f in self.found]

    def leading(self, name: Span) -> str | None:
        """The cue that ends where the name starts; a cue may take the name's first word
        with it ("told the" before "The New Arab")."""
        i = bisect_left(self.starts, name.start) - 1
        if i < 0:
            return None
        _, end, cue = self.found[i]
        return cue if name.start <= end < name.end else None

    def trailing(self, name: Span) -> str | None:
        """The cue that starts where the name ends; a cue may share the name's last words
        ("SANA news agency" before "news agency reported")."""
        i = bisect_right(self.starts, name.end) - 1
        if i < 0:
            return None
        start, end, cue = self.found[i]
        return cue if name.start < start <= name.end < end else None


def _open_cues(text: str, low: str | None, cues: CompiledCues, outlets: Outlets) -> Iterator[Source]:
    for m in _matches(cues.open_before, text, low):
        name = m.group("outlet")
        dom = _DOMAIN.match(text, m.start("outlet"))
        if dom:
            name = dom.group()
        src = _resolved(name, Span(m.start("outlet"), m.start("outlet") + len(name)), "cites",
                        text[m.start() : m.start("outlet")].strip(), outlets, allow_unknown=True)
        if src:
            yield src


_PRIORITY = {"dateline": 0, "copyright": 1}


def _dedupe(items: list[Source]) -> list[Source]:
    """One source per outlet and relation; where two readings claim the same characters,
    the dateline and copyright readings win over credits, and known outlets over names
    taken from an open cue ("told The New Arab" is The New Arab, not "New Arab")."""
    ranked = sorted(items, key=lambda s: (_PRIORITY.get(s.cue, 2), s.outlet_key is None, s.span.start))
    kept: list[Source] = []
    seen: set[tuple[str, str]] = set()
    for s in ranked:
        key = (s.outlet_key or s.outlet.casefold(), s.relation)
        if key in seen or any(k.span.overlaps(s.span) for k in kept):
            continue
        seen.add(key)
        kept.append(s)
    return sorted(kept, key=lambda s: s.span.start)


@stage("sources", requires={"language"}, provides={"sources"})
def sources_stage(a: Analysis) -> dict[str, Any]:
    art = a.article
    return {"sources": tuple(find(art.text, cues_for(a.language), load_outlets(), art.url, art.site_name))}
