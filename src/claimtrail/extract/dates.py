"""Dates: every calendar date, month or year an article names, resolved to ISO form, and
the article's own publication date.

Names, relative words and patterns come from the language pack's ``dates.yaml`` and the
``xx`` pack's (numeric dates and dates in URLs). The publication date is taken from the
URL, else a dateline near the top of the text, else the input record, else inferred from
a dated weekday ("Selasa (13/12)") and the years the article names. Relative dates
("kemarin", "last Thursday", "в прошлом году") resolve against it; without it they are
left out, because only outside knowledge could date them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from claimtrail.extract import calendar_math as cal
from claimtrail.lang import load_pack
from claimtrail.lang.alternation import alternatives, factored, structural
from claimtrail.lang.literals import lower_of, lowered, required_literals, starts_a_digit_run
from claimtrail.lang.packs import FALLBACK
from claimtrail.lang.sections.dates import Section as DateRules
from claimtrail.lang.sections.dates import fill
from claimtrail.model import Analysis, DateMention, Span
from claimtrail.pipeline import stage

#: a dateline stands within this many characters of the start of the body
HEAD = 400
#: how far before a date a future cue ("akan", "will") may stand, in characters
FUTURE_BEFORE = 60
#: a date expression starts at most this many characters before its first name or number
#: ("pertengahan Mei", "tanggal 19 Juli") and ends at most this many after its last one
LEAD = 48
TAIL = 48
#: what each placeholder is found near: names of its kind, or digits; rarest first
_ANCHOR_OF = {"weekday": "weekday", "month": "month", "unit": "unit", "day": "digit", "day0": "digit",
              "mon": "digit", "year": "digit", "year2": "digit"}
_RARITY = ("weekday", "month", "unit", "digit")
#: the placeholders that match digits only: a pattern that holds one matches nowhere without a digit
_DIGIT_PLACEHOLDERS = frozenset(p for p, kind in _ANCHOR_OF.items() if kind == "digit")
#: a digit as the patterns' ``\d`` reads one (any Unicode decimal digit), and a run of them
_ANY_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
#: the first word every match of a shift pattern holds: after its boundary, lookbehinds and
#: an optional first group ("\bkemarin\b", "\b(?:в\s+)?прошлом\s+году\b"); words shorter
#: than four letters ("the") are everywhere and would make anchors of half the text
_LEADING_WORD = re.compile(
    r"(?:\\b|\(\?<!?[^()]*\)|\(\?:[^()]*\)\?)*([^\W\d_]{4,})(?![^\W\d_]|[?*+{])")
_GAP = re.compile(r"[\s,.;:()\-–—]{0,3}")
#: a run of digits and date separators ("12", "13/12/2016"): the stretches of runs at most
#: LEAD + TAIL characters apart touch, and are merged as the names' are
_DIGIT_RUNS = re.compile(r"[0-9][\d/.\-]*")
#: a year 19xx, and one 20xx: the look-behind comes after the first two digits, so that a search
#: skips in C to them (a search for either pair tries every 1 and 2 of the text); no two matches
#: of either overlap, so the two searches find what one for both would
_YEARS = tuple(re.compile(rf"{century}(?<![\d.,]..)\d\d(?!\d)") for century in ("19", "20"))
_SENTENCE_END = re.compile(r"[.!?\n]")
#: a year and a dash at the end of what comes before another year ("RPJMD 2018 - ")
_YEAR_DASH = re.compile(r"((?:19|20)\d\d)\s*[-–—]\s*$")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Kind = Literal["date", "month", "year", "weekday", "relative", "anaphoric"]
Unit = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Grammar:
    patterns: tuple[re.Pattern[str], ...]
    #: lower-case names, leading words of shifts and digits: the places a date can be near
    anchor: re.Pattern[str]
    #: lower-case name or word found by ``anchor`` -> its keys ("month", "weekday", "word:kemarin");
    #: digits are anchors of their own (:data:`_DIGIT_RUNS`)
    anchor_keys: dict[str, tuple[str, ...]]
    #: for patterns, relative, anaphoric and since in turn: the anchor key every match is near,
    #: or None when the pattern has none (it scans the whole text)
    keys: tuple[str | None, ...]
    relative: tuple[tuple[re.Pattern[str], Unit, int], ...]
    anaphoric: tuple[tuple[re.Pattern[str], Unit, int], ...]
    #: counted shifts: pattern, direction (-1, +1), anaphoric
    counted: tuple[tuple[re.Pattern[str], int, bool], ...]
    units: dict[str, Unit]
    vague: frozenset[str]
    inexact: re.Pattern[str] | None
    day_words: dict[str, int]
    day_tens: dict[str, int]
    future: re.Pattern[str] | None
    not_year_after: tuple[re.Pattern[str], ...]
    not_year_before: tuple[re.Pattern[str], ...]
    not_weekday_before: tuple[re.Pattern[str], ...]
    since: tuple[re.Pattern[str], ...]
    not_dateline: tuple[re.Pattern[str], ...]
    dateline_reach: int
    numbers: dict[str, int]
    months: dict[str, int]
    weekdays: dict[str, int]
    short_forms: frozenset[str]
    match_case: bool
    url: tuple[re.Pattern[str], ...]
    #: aligned with ``keys``: lower-cased strings one of which every match holds (a text, or an
    #: anchor's stretch, without any is not searched), or None
    literals: tuple[frozenset[str] | None, ...] = ()
    #: aligned with ``keys``: whether every match holds a digit placeholder (``day``, ``year``, ...),
    #: so that a stretch with no digit need not be searched
    digits: tuple[bool, ...] = ()
    #: aligned with ``keys``: whether every match starts where a run of digits starts
    #: (:func:`~claimtrail.lang.literals.starts_a_digit_run`), so that only those places are tried
    at_runs: tuple[bool, ...] = ()
    #: anchor name -> key -> where in the name a name of that key ends, for the keys whose
    #: names patterns take only before a non-word character (months, units): "sep" in
    #: "seperti" is no month anchor
    word_ends: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    #: ``anchor_keys`` of a name written lower case where case counts (``match_case``): a word or a
    #: unit, never a month or weekday ("jangan", "desa")
    lower_case_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Raw:
    """A date expression as found, before resolution."""

    span: Span
    kind: Kind
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    shift: int = 0  # -1 "lalu/last", +1 "depan/next"
    bracketed: bool = False  # "Selasa (13/12/2016)": names an event, seldom the article's own date
    unit: Unit = "day"
    offset: int = 0
    future: bool = False
    #: a counted shift whose count the rules do not resolve ("beberapa tahun lalu")
    vague: bool = False
    #: the year was set from the publication year by a relative year after it ("26 Juni tahun depan")
    year_from_publication: bool = False
    #: the first day of a range ("5" in "5-9 Mei", "3" in "с 3 на 4 июня"): never a dateline (the range's
    #: last day stands where a dateline would)
    range_start: bool = False


@dataclass
class _Candidate:
    span: Span
    order: int
    raws: list[Raw] = field(default_factory=list)


def _alternation(names: Iterable[str], ignorecase: bool = True) -> str:
    """The names as one alternation, longest first, factored on their first letters (a date
    pattern tries its month names at every position of a stretch it searches)."""
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    return factored([re.escape(n) for n in ordered], ignorecase) or "(?!)"


def _groups(src: str) -> list[tuple[int, int]]:
    """(open, close) of every group of a regular expression's source."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, c in structural(src):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i))
    return out


def _top_level_alternation(src: str, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``src[lo:hi]`` holds a ``|`` outside every group and character class."""
    depth = 0
    for _, c in structural(src, lo, hi):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
    return False


def _optional_group(src: str, lo: int, hi: int) -> bool:
    """Whether the group ``src[lo..hi]`` may be left out of a match, or is no part of it."""
    after = src[hi + 1 : hi + 3]
    if after[:1] in ("?", "*") or after.startswith("{0"):
        return True
    head = src[lo + 1 : lo + 3]
    if head in ("?=", "?!") or src[lo + 1 : lo + 4] in ("?<=", "?<!"):
        return True  # a look-around: its text is no part of the match
    inner = lo + 1
    if head == "?:":
        inner = lo + 3
    elif src[lo + 1 : lo + 3] == "?P":
        inner = src.find(">", lo) + 1
    return _top_level_alternation(src, inner, hi)


def required_placeholders(template: str) -> set[str]:
    """The placeholders every match of a pattern template holds: those standing outside any
    optional group (``(...)?``, ``(...)*``, ``(...){0,n}``), alternative or look-around."""
    if _top_level_alternation(template):
        return set()
    groups = _groups(template)
    out: set[str] = set()
    for name in _ANCHOR_OF:
        at = template.find("{" + name + "}")
        while at >= 0:
            if not any(lo < at < hi and _optional_group(template, lo, hi) for lo, hi in groups):
                out.add(name)
                break
            at = template.find("{" + name + "}", at + 1)
    return out


def anchor_key(template: str) -> str | None:
    """The rarest kind of anchor every match of a date pattern lies near, if any."""
    kinds = {_ANCHOR_OF[p] for p in required_placeholders(template)}
    return next((k for k in _RARITY if k in kinds), None)


def leading_word(src: str) -> str | None:
    """The plain word every match of a shift pattern holds near its start ("kemarin" in
    ``\\bkemarin\\b``), or None when there is none to rely on (alternatives, short words)."""
    m = _LEADING_WORD.match(src)
    if m is None or _top_level_alternation(src):
        return None
    return m.group(1).lower()


def compile_grammar(own: DateRules, common: DateRules | None = None) -> Grammar:
    sections = [own] if common is None else [own, common]
    templates = [p for s in sections for p in s.patterns]
    since = [p for s in sections for p in s.since]
    keys: list[str | None] = [anchor_key(t) for t in templates]
    names: dict[str, set[str]] = {}
    for kind, table in (("month", own.months), ("weekday", own.weekdays)):
        for n in table:
            names.setdefault(n.lower(), set()).add(kind)
    for shift in [*own.relative, *own.anaphoric]:
        word = leading_word(shift.pattern)
        keys.append(None if word is None else "word:" + word)
        if word is not None:
            names.setdefault(word, set()).add("word:" + word)
    keys.extend(anchor_key(c.pattern) for c in own.counted)
    for unit in own.units:
        names.setdefault(unit.lower(), set()).add("unit")
    keys.extend(anchor_key(t) for t in since)
    # a name found also stands for the names inside it ("setahun" holds "tahun")
    anchor_keys = {k: tuple(sorted({key for n, ks in names.items() if n in k for key in ks})) for k in names}
    values = {
        "weekday": f"(?P<weekday>{_alternation(own.weekdays)})",
        "month": f"(?P<month>{_alternation(own.months)})(?!\\w)",
        "day": r"(?<!\d)(?P<day>[0-3]?\d)(?!\d)",
        "day0": r"(?<!\d)(?P<day0>[0-3]?\d)(?!\d)",
        "mon": r"(?<!\d)(?P<mon>[01]?\d)(?!\d)",
        "year": r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)",
        "year2": r"(?<!\d)(?P<year2>\d\d)(?!\d)",
        "dayword": (f"(?<!\\w)(?:(?P<tens>{_alternation(own.day_tens)})\\s+)?"
                    f"(?P<dayword>{_alternation(w for ws in own.day_words.values() for w in ws)})(?!\\w)"),
        "n": f"(?<![\\w,.\\-])(?P<n>\\d{{1,3}}|{_alternation([*own.numbers, *own.vague_counts])})(?![\\w,.])",
        "unit": f"(?P<unit>{_alternation(own.units)})(?!\\w)",
    }
    cues = [c for s in sections for c in s.future_cues]
    bounded = {"month": [n.lower() for n in own.months], "unit": [n.lower() for n in own.units]}
    word_ends = {k: {key: tuple(sorted({i + len(n) for n in ns for i in _occurrences(n, k)}))
                     for key, ns in bounded.items() if key in anchor_keys[k]} for k in anchor_keys}
    g = Grammar(
        patterns=tuple(re.compile(fill(p, values), re.I) for p in templates),
        # factored on first letters: the anchor scan reads every character of every text
        anchor=re.compile(_alternation(anchor_keys, ignorecase=False)),
        anchor_keys={k: tuple(sorted(v)) for k, v in anchor_keys.items()},
        keys=tuple(keys),
        relative=tuple((re.compile(r.pattern, re.I), r.unit, r.offset) for r in own.relative),
        anaphoric=tuple((re.compile(r.pattern, re.I), r.unit, r.offset) for r in own.anaphoric),
        counted=tuple((re.compile(fill(c.pattern, values), re.I), c.offset, c.anaphoric) for c in own.counted),
        units={k.casefold(): v for k, v in own.units.items()},
        vague=frozenset(k.casefold() for k in own.vague_counts),
        inexact=re.compile("(?:" + "|".join(f"(?:{p})" for p in own.not_counted_after) + r")\s*$", re.I)
        if own.not_counted_after else None,
        day_words={w.casefold(): d for d, ws in own.day_words.items() for w in ws},
        day_tens={k.casefold(): v for k, v in own.day_tens.items()},
        future=any_of(cues),
        not_year_after=tuple(re.compile(p) for s in sections for p in s.not_year_after),
        not_year_before=tuple(re.compile(p) for s in sections for p in s.not_year_before),
        not_weekday_before=tuple(re.compile(p, re.I) for s in sections for p in s.not_weekday_before),
        since=tuple(re.compile(fill(p, values), re.I) for p in since),
        not_dateline=tuple(re.compile(f"(?:{p})\\s*$", re.I) for s in sections for p in s.not_dateline_after),
        dateline_reach=own.dateline_reach,
        numbers={k.casefold(): v for k, v in own.numbers.items()},
        months={k.casefold(): v for k, v in own.months.items()},
        weekdays={k.casefold(): v for k, v in own.weekdays.items()},
        short_forms=frozenset(k.casefold() for k in own.short_forms),
        match_case=own.match_case,
        url=tuple(re.compile(p) for s in sections for p in s.url),
        word_ends={k: v for k, v in word_ends.items() if v},
        lower_case_keys={n: tuple(k for k in ks if k.startswith("word:") or k == "unit")
                         for n, ks in anchor_keys.items()},
    )
    searched = [*g.patterns, *(p for p, _, _ in g.relative), *(p for p, _, _ in g.anaphoric),
                *(p for p, _, _ in g.counted), *g.since]
    shifts = len(own.relative) + len(own.anaphoric)
    digits = [_needs_digit(t) for t in templates] + [False] * shifts + [
        _needs_digit(c.pattern) for c in own.counted] + [_needs_digit(t) for t in since]
    # a pattern near an anchor is searched only where its anchor is; with literals, only in the
    # stretches that hold one of them
    return replace(g, literals=tuple(required_literals(p.pattern, p.flags) for p in searched), digits=tuple(digits),
                   at_runs=tuple(starts_a_digit_run(p.pattern, p.flags) for p in searched))


def any_of(cues: list[str]) -> re.Pattern[str] | None:
    """The ``cues`` as one pattern, ignoring case, whose search answers whether any of them stands
    in a text (which one, and where, may differ from the plain alternation's: for yes or no only).
    The alternatives that open with ``\\b`` share it, factored on their first letters: the plain
    alternation of eleven English cues tried every ``\\b...`` branch at every character of the
    text searched, this tries the letters only where a word starts or ends."""
    if not cues:
        return None
    alts = [a for c in cues for a in alternatives(c)]
    edged = [a[2:] for a in alts if a.startswith("\\b")]
    rest = [f"(?:{a})" for a in alts if not a.startswith("\\b")]
    return re.compile("|".join(([f"\\b(?:{factored(edged)})"] if edged else []) + rest), re.I)


def _needs_digit(template: str) -> bool:
    """Whether every match of a pattern template holds a digit: one of its required placeholders
    matches digits only."""
    return not _DIGIT_PLACEHOLDERS.isdisjoint(required_placeholders(template))


def _occurrences(needle: str, hay: str) -> list[int]:
    return [i for i in range(len(hay) - len(needle) + 1) if hay.startswith(needle, i)]


@lru_cache(maxsize=16)
def grammar_for(language: str | None) -> Grammar:
    """The language's date rules together with the ``xx`` pack's."""
    pack, fallback = load_pack(language), load_pack(FALLBACK)
    common = fallback.section("dates", DateRules)
    if pack.path_of("dates") == fallback.path_of("dates"):
        return compile_grammar(common)
    return compile_grammar(pack.section("dates", DateRules), common)


# ---------------------------------------------------------------- finding


def _is_future(text: str, span: Span, g: Grammar) -> bool:
    if g.future is None:
        return False
    before = text[max(0, span.start - FUTURE_BEFORE) : span.start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    return bool(g.future.search(before))


def _name_ok(word: str | None, g: Grammar) -> bool:
    return word is None or not g.match_case or word[:1].isupper()


def _year_excluded(text: str, start: int, end: int, g: Grammar) -> bool:
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if before.endswith("/") or after.startswith("/"):
        return True  # a season "2016/2017" or part of a code
    return any(p.search(before) for p in g.not_year_after) or any(p.search(after) for p in g.not_year_before)


def _raws_of(m: re.Match[str], text: str, g: Grammar, today: date) -> list[Raw] | None:
    gd = {k: v for k, v in m.groupdict().items() if v is not None}
    wd_text, mo_text = gd.get("weekday"), gd.get("month")
    if not (_name_ok(wd_text, g) and _name_ok(mo_text, g)):
        return None
    weekday = g.weekdays.get(wd_text.casefold()) if wd_text else None
    month = g.months.get(mo_text.casefold()) if mo_text else None
    if month is None and "mon" in gd:
        month = int(gd["mon"])
    day = int(gd["day"]) if "day" in gd else None
    if "dayword" in gd:
        day = g.day_words[gd["dayword"].casefold()] + (g.day_tens[gd["tens"].casefold()] if "tens" in gd else 0)
    year = int(gd["year"]) if "year" in gd else None
    if "year2" in gd:
        year = cal.full_year(int(gd["year2"]), today.year)
    if day is not None and month is not None and month > 12 >= day and "mon" in gd:
        day, month = month, day  # 12/13/2016 written month first
    shift = -1 if "last" in gd else 1 if "next" in gd else 0
    span = Span(m.start(), m.end())
    kind: Kind
    if day is not None and month is not None:
        kind = "date"
    elif month is not None:
        kind = "month"
    elif weekday is not None:
        kind = "weekday"
    elif year is not None:
        kind = "year"
    else:
        return None
    if kind != "date" and any(w is not None and w.casefold() in g.short_forms for w in (wd_text, mo_text)):
        return None
    if kind == "year" and _year_excluded(text, m.start("year"), m.end("year"), g):
        return None
    if kind == "weekday":
        after = text[m.end("weekday") : m.end("weekday") + 40]
        if any(p.search(after) for p in g.not_weekday_before):
            return None
    future = shift > 0 or (shift == 0 and _is_future(text, span, g))
    main = Raw(span, kind, day, month, year, weekday, shift, future=future, bracketed="(" in m.group())
    if "day0" in gd and kind == "date":
        first = Raw(Span(m.start("day0"), m.end("day0")), "date", int(gd["day0"]), month, year, None,
                    future=future, range_start=True)
        main = Raw(Span(m.start("day"), m.end()), kind, day, month, year, weekday, shift, future=future)
        return [first, main]
    return [main]


class Anchors:
    """Where in a text dates can be: the stretches around each kind of anchor (month names,
    weekday names, digits, the first word of each relative phrase), merged where they touch."""

    def __init__(self, text: str, g: Grammar, everywhere: bool = False) -> None:
        self.text = text
        self.whole = [(0, len(text))]
        #: the stretches of each key that hold a digit, as found by :meth:`near`
        self._with_digit: dict[str | None, list[tuple[int, int]]] = {}
        lower = lower_of(text)
        # everywhere, or when a letter's lower case is longer (no positions to share): scan it all
        self.usable = not everywhere and len(lower) == len(text)
        self.lower = lowered(text) if self.usable else None
        self.parts: dict[str, list[tuple[int, int]]] = {}
        if not self.usable:
            return
        end = len(text)
        digits = self.parts["digit"] = []
        for m in _DIGIT_RUNS.finditer(text):
            lo, hi = max(0, m.start() - LEAD), min(end, m.end() + TAIL)
            if digits and lo <= digits[-1][1]:
                digits[-1] = (digits[-1][0], hi)
            else:
                digits.append((lo, hi))
        for m in g.anchor.finditer(lower):
            found = m.group()
            keys: tuple[str, ...]
            if g.match_case and not text[m.start()].isupper():
                # a name written lower case is no name ("jangan", "desa"): only words and units count
                keys = g.lower_case_keys.get(found, ())
            else:
                keys = g.anchor_keys.get(found, ())
            ends = g.word_ends.get(found)
            if ends:
                # a month or unit name runs on into a word ("Seperti", "Market"): no such anchor
                start = m.start()
                keys = tuple(k for k in keys if k not in ends or any(_word_ends(text, start + e) for e in ends[k]))
            lo, hi = max(0, m.start() - LEAD), min(end, m.end() + TAIL)
            for key in keys:
                parts = self.parts.setdefault(key, [])
                if parts and lo <= parts[-1][1]:
                    parts[-1] = (parts[-1][0], hi)
                else:
                    parts.append((lo, hi))

    def near(self, key: str | None, literals: frozenset[str] | None = None,
             digits: bool = False) -> list[tuple[int, int]]:
        """The stretches every match of a pattern with this anchor key lies in; none when the
        text holds none of the pattern's required ``literals``. :func:`scan` searches each
        stretch alone, so a match lies inside one: of an anchor's stretches, only those with one
        of the ``literals`` in them, and with ``digits`` (every match holds a digit) only those
        with a digit."""
        lower = self.lower
        if key is None or not self.usable:
            if literals is not None and lower is not None and not any(w in lower for w in literals):
                return []
            return self.whole
        parts = self._digit_parts(key) if digits and key != "digit" else self.parts.get(key, [])
        if literals is not None and lower is not None and parts:
            # a match lies inside its stretch: a stretch without any of the literals holds none
            parts = [(lo, hi) for lo, hi in parts if _holds_any(lower, literals, lo, hi)]
        return parts

    def _digit_parts(self, key: str) -> list[tuple[int, int]]:
        found = self._with_digit.get(key)
        if found is None:
            found = self._with_digit[key] = [(lo, hi) for lo, hi in self.parts.get(key, [])
                                             if _ANY_DIGIT.search(self.text, lo, hi) is not None]
        return found


def _holds_any(lower: str, words: frozenset[str], start: int, end: int) -> bool:
    """Whether one of ``words`` stands in ``lower[start:end]``."""
    for w in words:
        if lower.find(w, start, end) >= 0:
            return True
    return False


def _word_ends(text: str, pos: int) -> bool:
    """Whether no word character (``\\w``) is at ``pos``."""
    c = text[pos : pos + 1]
    return not (c.isalnum() or c == "_")


def scan(pat: re.Pattern[str], text: str, parts: Sequence[tuple[int, int]],
         at_runs: bool = False) -> Iterable[re.Match[str]]:
    """What ``pat.finditer(text)`` gives when every match starts inside ``parts``: each part is
    searched alone, and a match found there is taken again from the whole text (it may run on
    past the part, or a look-ahead at the part's end may have let it through). With ``at_runs``
    (every match starts where a run of digits starts) only those places are tried."""
    last = 0
    for lo, hi in parts:
        pos = max(lo, last)
        while pos < hi:
            m = _at_runs(pat, text, pos, hi) if at_runs else pat.search(text, pos, hi)
            if m is None:
                break
            whole = pat.match(text, m.start())
            if whole is None:
                pos = m.start() + 1
                continue
            yield whole
            last = pos = max(whole.end(), whole.start() + 1)


def _at_runs(pat: re.Pattern[str], text: str, pos: int, end: int) -> re.Match[str] | None:
    """``pat.search(text, pos, end)`` for a pattern whose every match starts where a run of digits
    starts: tried at ``pos`` and at the start of each run after it, in turn. (A pattern that opens
    with look-behinds is tried by a search at every character; a run of digits is found in one step.)"""
    for run in _DIGIT_RUN.finditer(text, pos, end):
        m = pat.match(text, run.start(), end)
        if m is not None:
            return m
    return None


def clip(parts: Sequence[tuple[int, int]], body: Sequence[Span]) -> list[tuple[int, int]]:
    """The stretches of ``parts`` inside ``body`` (all of them when it is empty)."""
    if not body:
        return list(parts)
    out: list[tuple[int, int]] = []
    for lo, hi in parts:
        for b in body:
            if b.start < hi and lo < b.end:
                out.append((max(lo, b.start), min(hi, b.end)))
    return sorted(out)


def _counted(m: re.Match[str], text: str, g: Grammar, direction: int, anaphoric: bool) -> Raw:
    """The shift a counted phrase names; vague when its count is no plain number or continues a
    longer one ("dua puluh tahun lalu", "twenty-five years ago" read from "five")."""
    word = (m.group("n") or "").casefold() if "n" in m.re.groupindex else ""
    count = 1 if not word else int(word) if word.isdigit() else g.numbers.get(word)
    before = text[max(0, m.start() - 24) : m.start()].split()
    prev = before[-1].casefold() if before else ""
    if prev.isdigit() or prev in g.numbers or prev in g.vague or text[m.start() - 1 : m.start()] == "-":
        count = None
    elif g.inexact is not None and g.inexact.search(text, max(0, m.start() - 24), m.start()):
        count = None
    unit = g.units[m.group("unit").casefold()]
    return Raw(Span(m.start(), m.end()), "anaphoric" if anaphoric else "relative", unit=unit,
               offset=direction * (count or 0), vague=count is None)


def find(text: str, g: Grammar, body: Sequence[Span] = (), anchors: Anchors | None = None,
         today: date | None = None) -> list[Raw]:
    """The date expressions of ``text`` inside ``body`` (all of it when empty), in order."""
    candidates: list[_Candidate] = []
    order = 0
    today = today or date.today()
    anchors = anchors or Anchors(text, g)
    for pat in g.patterns:
        for m in scan(pat, text, anchors.near(g.keys[order], g.literals[order], g.digits[order]), g.at_runs[order]):
            raws = _raws_of(m, text, g, today)
            if raws:
                candidates.append(_Candidate(Span(m.start(), m.end()), order, raws))
        order += 1
    for shifts, kind in ((g.relative, "relative"), (g.anaphoric, "anaphoric")):
        for pat, unit, offset in shifts:
            for m in scan(pat, text, anchors.near(g.keys[order], g.literals[order], g.digits[order])):
                span = Span(m.start(), m.end())
                raw = Raw(span, "relative" if kind == "relative" else "anaphoric", unit=unit, offset=offset)
                candidates.append(_Candidate(span, order, [raw]))
            order += 1
    for pat, direction, anaphoric in g.counted:
        for m in scan(pat, text, anchors.near(g.keys[order], g.literals[order], g.digits[order])):
            candidates.append(_Candidate(Span(m.start(), m.end()), order, [_counted(m, text, g, direction, anaphoric)]))
        order += 1
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-len(c.span), c.order, c.span.start)):
        if not any(c.span.overlaps(o.span) for o in chosen):
            chosen.append(c)
    raws = [r for c in sorted(chosen, key=lambda c: c.span.start) for r in c.raws]
    if body:
        raws = [r for r in raws if any(b.overlaps(r.span) for b in body)]
    return _drop_ranges_of_names(raws, text, g)


def _drop_ranges_of_names(raws: list[Raw], text: str, g: Grammar) -> list[Raw]:
    """A year that continues a range after a year excluded as part of a name ("RPJMD 2018 - 2022")."""
    out: list[Raw] = []
    for r in raws:
        if r.kind == "year":
            before = text[: r.span.start]
            dash = _YEAR_DASH.search(before[-12:])
            if dash:
                start = r.span.start - len(before[-12:]) + dash.start(1)
                end = start + 4
                if _year_excluded(text, start, end, g):
                    continue
        out.append(r)
    return out


def since_bound(text: str, g: Grammar, body: Sequence[Span] = (), anchors: Anchors | None = None) -> int | None:
    """The earliest year the text (its ``body``) allows for itself ("lebih dari empat tahun sejak
    2012": 2016)."""
    best: int | None = None
    anchors = anchors or Anchors(text, g)
    first = len(g.keys) - len(g.since)
    for i, pat in enumerate(g.since):
        for m in scan(pat, text, clip(anchors.near(g.keys[first + i], g.literals[first + i], g.digits[first + i]),
                                      body)):
            word = m.group("n").casefold()
            n = int(word) if word.isdigit() else g.numbers.get(word)
            if n is None:
                continue
            bound = int(m.group("year")) + n
            best = bound if best is None else max(best, bound)
    return best


# ---------------------------------------------------------------- the publication date


def url_date(url: str | None, g: Grammar) -> date | None:
    if not url:
        return None
    for pat in g.url:
        m = pat.search(url)
        if m:
            d = cal.make(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
            if d is not None:
                return d
    return None


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def infer_year(raw: Raw, named: list[int], bound: int | None, today: date) -> tuple[int, str] | None:
    """The year a dated weekday without one falls in, fitted to the years the article names, and
    a note that says it was chosen, on what evidence, and which other years also fit."""
    if raw.day is None or raw.month is None or raw.weekday is None:
        return None
    years = cal.weekday_years(raw.month, raw.day, raw.weekday, today.year)
    year = cal.likely_year(years, named, bound)
    if year is None:
        return None
    if named or bound is not None:
        note = "year inferred from the weekday and the years the text names"
    else:
        note = "year guessed from the weekday: the latest fitting year, the text names none"
    others = cal.neighbours(years, year, bound)
    if others:
        note += "; also fits " + ", ".join(str(y) for y in others)
    return year, note


@dataclass(frozen=True)
class Published:
    """The article's own date, where it came from, and when its year was chosen among several
    (a dated weekday without a year), the expression it came from and the note that says so."""

    date: date | None
    source: str | None
    guess: str | None = None
    guessed_from: Raw | None = None


def is_dateline(r: Raw, text: str, g: Grammar) -> bool:
    """A full date near the start of its line with no event word before it ("sejak", "since"), not
    the first day of a range."""
    if r.kind != "date" or r.year is None or r.future or r.bracketed or r.range_start:
        return False
    line_start = text.rfind("\n", 0, r.span.start) + 1
    prefix = text[line_start : r.span.start]
    return len(prefix) <= g.dateline_reach and not any(p.search(prefix) for p in g.not_dateline)


def publication(
    raws: Sequence[Raw], *, text: str, url: str | None, given: str | None, head_end: int, g: Grammar,
    named: list[int], bound: int | None, today: date,
) -> Published:
    """The article's own date and where it came from: url, dateline, input or inferred (with
    the reason in ``guess`` when its year is a choice: "year guessed from the weekday ...")."""
    from_url = url_date(url, g)
    if from_url is not None:
        return Published(from_url, "url")
    for r in raws:
        if r.span.start >= head_end:
            break
        if is_dateline(r, text, g) and r.year is not None and r.day is not None and r.month is not None:
            d = cal.make(r.year, r.month, r.day)
            if d is not None and d <= today:
                return Published(d, "dateline")
    given_date = _iso(given)
    if given_date is not None:
        return Published(given_date, "input")
    for r in raws:
        if r.kind != "date" or r.weekday is None or r.day is None or r.month is None or r.future:
            continue
        if r.year is not None:
            d = cal.make(r.year, r.month, r.day)
            if d is not None and d <= today:
                return Published(d, "inferred")
        elif cal.possible(r.month, r.day):
            guess = infer_year(r, named, bound, today)
            if guess is not None:
                d = cal.make(guess[0], r.month, r.day)
                if d is not None:
                    return Published(d, "inferred", guess[1], r)
    return Published(None, None)


# ---------------------------------------------------------------- resolution


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _contradiction(d: date, weekday: int | None) -> str | None:
    if weekday is None or d.weekday() == weekday:
        return None
    return f"weekday contradicts the date: {d.isoformat()} is a {_WEEKDAY_NAMES[d.weekday()]}"


def _resolve_date(r: Raw, pub: date | None, seen: dict[tuple[int, int], int], named: list[int],
                  bound: int | None, today: date) -> tuple[str | None, str | None] | None:
    assert r.day is not None and r.month is not None
    if r.year is not None:
        d = cal.make(r.year, r.month, r.day)
        if d is None:
            return None, f"impossible date: day {r.day} of month {r.month} in {r.year}"
        seen[(r.month, r.day)] = r.year
        return d.isoformat(), _contradiction(d, r.weekday)
    if not cal.possible(r.month, r.day):
        return None, f"impossible date: day {r.day} of month {r.month}"
    if r.weekday is not None:
        if pub is not None:
            near = cal.weekday_dated_near(pub, r.month, r.day, r.weekday)
            if near is not None:
                return near.isoformat(), None
            other = cal.day_month_near(pub, r.month, r.day, r.future)
            return (other.isoformat(), _contradiction(other, r.weekday)) if other else None
        guess = infer_year(r, named, bound, today)
        if guess is None:
            return None, "no year in which the weekday falls on this date"
        return f"{guess[0]:04d}-{r.month:02d}-{r.day:02d}", guess[1]
    if pub is None:
        return None
    if (r.month, r.day) in seen:
        return f"{seen[(r.month, r.day)]:04d}-{r.month:02d}-{r.day:02d}", None
    near_date = cal.day_month_near(pub, r.month, r.day, r.future)
    return (near_date.isoformat(), None) if near_date else None


def resolve_one(r: Raw, pub: date | None, last: str | None, seen: dict[tuple[int, int], int],
                named: list[int], bound: int | None, today: date) -> tuple[str | None, str | None] | None:
    """(value, note) for one expression, or None when it cannot be dated and is left out."""
    if r.kind == "date":
        return _resolve_date(r, pub, seen, named, bound, today)
    if r.kind == "month":
        assert r.month is not None
        if r.year is not None:
            return _ym(r.year, r.month), None
        if pub is None:
            return None
        y, mo = cal.month_near(pub, r.month, future=r.future, strict=r.shift != 0)
        return _ym(y, mo), None
    if r.kind == "year":
        assert r.year is not None
        return f"{r.year:04d}", None
    if r.kind == "weekday":
        assert r.weekday is not None
        if pub is None:
            return None
        if r.shift < 0:
            d = cal.weekday_on_or_before(pub, r.weekday, strict=True)
        elif r.future:
            d = cal.weekday_on_or_after(pub, r.weekday, strict=r.shift > 0)
        else:
            d = cal.weekday_on_or_before(pub, r.weekday)
        return d.isoformat(), None
    if r.vague or r.unit == "week":
        return None  # "beberapa tahun lalu", "dua pekan lalu": not annotated
    if r.kind == "relative":
        if pub is None:
            return None
        if r.unit == "day":
            return (pub + timedelta(days=r.offset)).isoformat(), None
        if r.unit == "month":
            return _ym(*cal.shift_month(pub.year, pub.month, r.offset)), None
        return f"{pub.year + r.offset:04d}", None
    # anaphoric: a shift of the date, month or year last named
    if last is None:
        return None
    if r.unit == "day":
        if len(last) < 10:
            return None
        return (date.fromisoformat(last) + timedelta(days=r.offset)).isoformat(), None
    if r.unit == "month":
        if len(last) < 7:
            return None
        return _ym(*cal.shift_month(int(last[:4]), int(last[5:7]), r.offset)), None
    return f"{int(last[:4]) + r.offset:04d}", None


def _depends_on_publication(r: Raw, seen: dict[tuple[int, int], int]) -> bool:
    """Whether the year of ``r`` comes from the publication date (read before ``r`` is resolved)."""
    if r.kind in ("relative", "weekday") or r.year_from_publication:
        return True
    if r.kind == "month":
        return r.year is None
    if r.kind == "date":
        return r.year is None and (r.weekday is not None or (r.month, r.day) not in seen)
    return False


def _join(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def resolve(raws: Sequence[Raw], pub: date | None, named: list[int], bound: int | None,
            today: date, guess: str | None = None, guessed_from: Raw | None = None) -> list[DateMention]:
    """Every expression resolved; with ``guess`` (the publication year was chosen among several),
    each value whose year follows the publication date says so in its note."""
    out: list[DateMention] = []
    last: str | None = None
    last_guessed = False
    seen: dict[tuple[int, int], int] = {}
    for r in raws:
        guessed = guess is not None and pub is not None and (
            _depends_on_publication(r, seen) or (r.kind == "anaphoric" and last_guessed))
        got = resolve_one(r, pub, last, seen, named, bound, today)
        if got is None:
            continue
        value, note = got
        if guessed and value is not None:
            note = _join(guess if r is guessed_from else f"publication date inferred; {guess}", note)
        out.append(DateMention(r.span, value, note))
        if value is not None:
            last, last_guessed = value, guessed
    return out


def _year_from_next(raws: list[Raw], text: str, pub: date | None) -> list[Raw]:
    """A day or month without a year right before a relative year ("26 Juni tahun depan",
    "in March last year") is in that year: one expression."""
    if pub is None:
        return raws
    out: list[Raw] = []
    for r in raws:
        p = out[-1] if out else None
        if (p is not None and p.kind in ("date", "month") and p.year is None and r.kind == "relative"
                and r.unit == "year" and r.span.start >= p.span.end and not text[p.span.end : r.span.start].strip()):
            out[-1] = replace(p, span=Span(p.span.start, r.span.end), year=pub.year + r.offset,
                              year_from_publication=True)
            continue
        out.append(r)
    return out


def merge_adjacent(mentions: Sequence[DateMention], text: str) -> list[DateMention]:
    """One mention for "hari ini, Sabtu (27/5)" and "Sabtu (28/10) kemarin": same value, side by side."""
    out: list[DateMention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            between = text[prev.span.end : m.span.start]
            if prev.value is not None and prev.value == m.value and m.span.start >= prev.span.end \
                    and _GAP.fullmatch(between):
                out[-1] = DateMention(Span(prev.span.start, m.span.end), prev.value, prev.note or m.note)
                continue
        out.append(m)
    return out


@dataclass(frozen=True)
class DateResult:
    mentions: tuple[DateMention, ...]
    published: str | None
    published_from: str | None
    published_note: str | None = None


def analyse_dates(text: str, g: Grammar, *, body: Sequence[Span] = (), url: str | None = None,
                  given: str | None = None, today: date | None = None) -> DateResult:
    """Find and resolve the dates of ``text`` and its publication date."""
    today = today or date.today()
    anchors = Anchors(text, g)
    raws = find(text, g, body, anchors, today)
    body_text = "\n".join(s.of(text) for s in body) if body else text
    named = [int(y.group()) for p in _YEARS for y in p.finditer(body_text)]  # counted, in no order
    bound = since_bound(text, g, body, anchors)
    head_end = (body[0].start if body else 0) + HEAD
    found = publication(raws, text=text, url=url, given=given, head_end=head_end, g=g, named=named,
                        bound=bound, today=today)
    pub = found.date
    raws = _year_from_next(raws, text, pub)
    mentions = merge_adjacent(resolve(raws, pub, named, bound, today, found.guess, found.guessed_from), text)
    return DateResult(tuple(mentions), pub.isoformat() if pub else None, found.source, found.guess)


@stage("dates", requires={"language", "body"}, provides={"dates", "published", "published_from", "published_note"})
def dates_stage(a: Analysis) -> dict[str, Any]:
    art = a.article
    result = analyse_dates(art.text, grammar_for(a.language), body=a.body, url=art.url, given=art.published)
    # a date taken from a web page's own metadata says so ("page"), not "input"
    published_from = art.published_origin if result.published_from == "input" else result.published_from
    return {"dates": result.mentions, "published": result.published, "published_from": published_from,
            "published_note": result.published_note}
