"""Figures: every numeric quantity in the article body, with its hedge, range, unit and
what it counts.

The language pack gives the words (``numbers``, ``units``, ``concepts`` sections); this
module gives the rules. A number is read by :mod:`claimtrail.extract.numbers`; then its
context decides whether it is a figure at all (dates, times of day, years, ordinals,
codes, law and phone numbers, scores and numbers inside names are not), and what hedge,
range, unit and counted noun it has. ``Figure.attributed_to`` is left to a later stage.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from claimtrail.extract.numbers import Numbers, PhraseTable, Reading, Token, tokenize
from claimtrail.lang import load_pack
from claimtrail.lang.sections.concepts import Section as ConceptWords
from claimtrail.lang.sections.numbers import Section as NumberWords
from claimtrail.lang.sections.units import Section as UnitWords
from claimtrail.model import Analysis, Figure, Qualifier, Span
from claimtrail.pipeline import stage

#: a line longer than this with fewer letters than LETTER_SHARE is a table or noise, not prose
LONG_LINE = 5000
LETTER_SHARE = 0.3
#: ... or with more number tokens than this share of its tokens
NUMBER_SHARE = 0.2
#: the largest integer read as an age in "CB (32)"
MAX_AGE = 120
#: "by X to Y" with the unit on both ends is a change and the level it reaches when the level is more than
#: this many times the change ("by $19bn to $419.3bn"); closer ends are a range ("cut by $3.8m to $4.9m")
CHANGE_TO_LEVEL = 2.0
YEARS = range(1800, 2200)
_DIGIT = re.compile(r"\d")
#: a list of numbered names ("1 Yoo Jae Hoon; 21 Yustinus Pae, 4 Ricardo Salampessy", a squad
#: with shirt numbers, or "2 Dani Carvajal\n\n3 Vallejo\n\n4 Sergio Ramos"): three items or more,
#: each a number and capitalised words, apart by commas, semicolons or line breaks
_NAME_WORD = r"[A-Z][\w'’.-]*"
_LIST_ITEM = rf"\d{{1,3}}[ \t]+{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|[a-z]{{1,3}}(?=[ \t]+[A-Z])))*"
_NUMBERED_NAMES = re.compile(rf"(?<![\w.,]){_LIST_ITEM}(?:(?:[ \t]*[,;][ \t]*|[ \t]*\n\s*){_LIST_ITEM}){{2,}}")
_ITEM_START = re.compile(rf"(?<![\w.,])(\d{{1,3}})[ \t]+({_NAME_WORD})")
#: a digit, blanks and a capital (r"\d[ \t]+[A-Z]"): where a list item's number can end. Found at the blank
#: right after the digit, one pattern for a space and one for a tab: a pattern that opens with one literal
#: character is searched for by a plain character loop, where a class ("\d", "[ \t]") costs a call for
#: every character of the text
_MAYBE_ITEMS = (re.compile(r" (?<=\d )[ \t]*[A-Z]"), re.compile(r"\t(?<=\d\t)[ \t]*[A-Z]"))
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_DIGITS = "0123456789"
_ROUGH_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_SENTENCE_END = frozenset('.!?"“”«»:;')
_NP_BREAK = frozenset(",.;:!?()[]\"“”«»")
_NP_SKIP = frozenset("-'’")
#: the guidelines' duration units: after a time rate word they make a count a count per that time
DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
#: tokens that end a clause: "cut by a fifth." is a fraction where "a fifth term" is an ordinal
_CLAUSE_END = frozenset(".,;:!?)")
_SENTENCE_STOP = frozenset(".!?;:")
#: tokens after which a number opens a sentence (a list item's number follows one of these or the line start)
_LIST_OPENERS = frozenset(".!?:;")


@dataclass(frozen=True)
class Concepts:
    nouns: PhraseTable[str]
    stems: tuple[tuple[tuple[str, ...], str], ...]
    slack: int
    suffixes: tuple[tuple[str, str], ...]
    stop: frozenset[str]
    links: PhraseTable[bool]
    fraction_links: PhraseTable[bool]
    conjunctions: frozenset[str]
    max_gap: int
    look_back: int
    head_first: bool
    classifiers: frozenset[str]
    surface_words: int
    plural_endings: tuple[str, ...]
    change_verbs: PhraseTable[bool]
    holder_reach: int
    holder_skip: frozenset[str]
    holder_links: PhraseTable[bool]
    change_after: frozenset[str]
    restate: frozenset[str]
    person_verbs: frozenset[str]
    person_numerals: frozenset[str]
    restate_by: frozenset[str]
    modifiers: frozenset[str]
    adjective_endings: tuple[str, ...] = ()
    verb_endings: tuple[str, ...] = ()
    #: the stems' positions in ``stems`` by their first word, so a token looks up only its own prefixes
    stem_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: the endings of ``suffixes``, tested at once
    suffix_ends: tuple[str, ...] = ()

    def match(self, toks: Sequence[Token], k: int) -> tuple[str, int] | None:
        """The concept of the longest lexicon phrase starting at token ``k``."""
        nouns = self.nouns
        if k >= len(toks):
            return None
        if toks[k].low in nouns.firsts:  # (a lexicon phrase opens here; most words open none)
            hit = nouns.forward(toks, k)
            if hit is not None:
                return hit
        # a phrase of several words starts with a lexicon phrase's first word; only a single word can
        # change its first form by losing a suffix
        words = [t.low for t in toks[k : k + nouns.longest]] if toks[k].low in nouns.firsts else [toks[k].low]
        for n in range(len(words), 0, -1):
            last = words[n - 1]
            if not last.endswith(self.suffix_ends):
                continue
            for end, add in self.suffixes:
                if last.endswith(end) and len(last) > len(end) + 2:
                    key = (*words[: n - 1], last[: len(last) - len(end)] + add)
                    if key in nouns.table:
                        return nouns.table[key], k + n
        if not self.stem_index or k >= len(toks) or toks[k].kind != "word":
            return None
        low = toks[k].low
        found: list[int] = []
        for size in range(max(1, len(low) - self.slack), len(low) + 1):
            found.extend(self.stem_index.get(low[:size], ()))
        for at in sorted(found):  # the stems' own order: the longest first
            stems, concept = self.stems[at]
            n = len(stems)
            if k + n > len(toks):
                continue
            if all(
                toks[k + x].kind == "word" and toks[k + x].low.startswith(st)
                and len(toks[k + x].low) - len(st) <= self.slack
                for x, st in enumerate(stems)
            ):
                return concept, k + n
        return None


@dataclass(frozen=True)
class Rules:
    numbers: Numbers
    qualifiers: PhraseTable[Qualifier]
    qualifiers_after: PhraseTable[Qualifier]
    range_links: PhraseTable[bool]
    alternative_links: PhraseTable[bool]
    rate_words: PhraseTable[bool]
    time_rate_words: PhraseTable[bool]
    noun_rate_words: PhraseTable[bool]
    time_rate_not_before: frozenset[str]
    bound_joiners: frozenset[tuple[str, ...]]
    ratio_words: PhraseTable[bool]
    ratio_words_at_end: PhraseTable[bool]
    range_pairs: PhraseTable[tuple[tuple[str, ...], ...]]
    months: frozenset[str]
    year_cues: frozenset[str]
    time_before: frozenset[str]
    time_after: PhraseTable[bool]
    hyphen_prefixes: frozenset[str]
    ordinal_endings: frozenset[str]
    code_before: frozenset[str]
    code_after: frozenset[str]
    ordinal_prefixes: frozenset[str]
    letter_codes: frozenset[str]
    street_words: frozenset[str]
    change_by: frozenset[str]
    eras: PhraseTable[bool]
    not_counts: tuple[tuple[str, ...], ...]
    after: PhraseTable[str]
    after_cased: PhraseTable[str]
    scale_or_unit: dict[str, str]
    before: PhraseTable[str]
    hyphen_stems: tuple[tuple[str, str], ...]
    whole: dict[str, tuple[float, str]]
    inverted_approx: dict[str, str]
    year_units: frozenset[str]
    age_before: PhraseTable[bool]
    age_copulas: PhraseTable[bool]
    age_holders: frozenset[str]
    age_followers: frozenset[str]
    concepts: Concepts
    #: words that can open a figure
    starts: frozenset[str]
    #: finds those of ``starts`` that can be a whole word, ending where the word ends (see ``_can_hold``)
    start_words: re.Pattern[str] | None = None


def _fold(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=16)
def rules_for(language: str | None) -> Rules:
    pack = load_pack(language)
    return compile_rules(pack.section("numbers", NumberWords), pack.section("units", UnitWords),
                         pack.section("concepts", ConceptWords))


def _first_words(stems: Sequence[tuple[tuple[str, ...], str]]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for at, (words, _) in enumerate(stems):
        index.setdefault(words[0], []).append(at)
    return {w: tuple(ats) for w, ats in index.items()}


def _word_search(words: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of ``words`` (whole letter runs) where no letter follows it; the words
    are merged into a tree by their letters ("s(?:atu|e(?:ribu|...))"), so a search tries a position
    once per letter instead of once per word."""
    if not words:
        return None
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(branch(tree) + r"(?![^\W\d_])")


def compile_rules(n: NumberWords, u: UnitWords, c: ConceptWords) -> Rules:
    from claimtrail.extract.numbers import phrase_key

    stems = tuple(sorted(((tuple(s.casefold().split()), v) for s, v in c.stems.items()),
                         key=lambda e: (-len(e[0]), -sum(len(x) for x in e[0]))))
    concepts = Concepts(
        nouns=PhraseTable(c.nouns),
        stems=stems,
        slack=c.stem_slack,
        suffixes=tuple(c.suffixes.items()),
        stop=_fold(c.stop),
        links=PhraseTable({w: True for w in c.links}),
        fraction_links=PhraseTable({w: True for w in c.fraction_links}),
        conjunctions=_fold(c.conjunctions),
        max_gap=c.max_gap,
        look_back=c.look_back,
        head_first=c.head == "first",
        classifiers=_fold(c.classifiers),
        surface_words=c.surface_words,
        plural_endings=tuple(c.plural_endings),
        change_verbs=PhraseTable({w: True for w in c.change_verbs}),
        holder_reach=c.holder_reach,
        holder_skip=_fold(c.holder_skip) | _fold(c.stop),
        holder_links=PhraseTable({w: True for w in c.holder_links}),
        change_after=_fold(c.change_after),
        restate=_fold(c.restate),
        person_verbs=_fold(c.person_verbs),
        person_numerals=_fold(c.person_numerals),
        restate_by=_fold(c.restate_by),
        modifiers=_fold(c.modifiers),
        adjective_endings=tuple(c.adjective_endings),
        verb_endings=tuple(c.verb_endings),
        stem_index=_first_words(stems),
        suffix_ends=tuple(c.suffixes),
    )
    numbers = Numbers(n)
    starts = numbers.starts() | frozenset(w.casefold() for w in u.whole)
    if numbers.fraction_articles:
        starts |= frozenset(numbers.denominators) | numbers.scale_starts()
    return Rules(
        numbers=numbers,
        starts=starts,
        start_words=_word_search([w for w in starts if _WORD.fullmatch(w)]),
        qualifiers=PhraseTable(n.qualifiers),
        qualifiers_after=PhraseTable(n.qualifiers_after),
        range_links=PhraseTable({w: True for w in n.range_links}),
        alternative_links=PhraseTable({w: True for w in n.alternative_links}),
        rate_words=PhraseTable({w: True for w in n.rate_words}),
        time_rate_words=PhraseTable({w: True for w in n.time_rate_words}),
        noun_rate_words=PhraseTable({w: True for w in n.noun_rate_words}),
        time_rate_not_before=_fold(n.time_rate_not_before),
        bound_joiners=frozenset(phrase_key(w) for w in n.bound_joiners),
        ratio_words=PhraseTable({w: True for w in n.ratio_words}),
        ratio_words_at_end=PhraseTable({w: True for w in n.ratio_words_at_end}),
        range_pairs=PhraseTable({k: tuple(phrase_key(x) for x in ([v] if isinstance(v, str) else v))
                                 for k, v in n.range_pairs.items()}),
        months=_fold(n.months),
        year_cues=_fold(n.year_cues),
        time_before=_fold(n.time_before),
        time_after=PhraseTable({w: True for w in n.time_after}),
        hyphen_prefixes=_fold(n.hyphen_prefixes),
        ordinal_endings=_fold(n.ordinal_endings),
        code_before=_fold(n.code_before),
        code_after=_fold(n.code_after),
        ordinal_prefixes=_fold(n.ordinal_prefixes),
        letter_codes=frozenset(n.letter_codes),
        street_words=_fold(n.street_words),
        change_by=_fold(n.change_by),
        eras=PhraseTable({w: True for w in n.eras}, exact=True),
        not_counts=tuple(phrase_key(p) for p in n.not_counts),
        after=PhraseTable(u.after, letters_exact=True),
        after_cased=PhraseTable(u.after_cased, exact=True),
        scale_or_unit=dict(u.scale_or_unit),
        before=PhraseTable(u.before, letters_exact=True),
        hyphen_stems=tuple((k.casefold(), v) for k, v in u.hyphen_stems.items()),
        whole={k.casefold(): (w.value, w.unit) for k, w in u.whole.items()},
        inverted_approx={k.casefold(): v for k, v in u.inverted_approx.items()},
        year_units=_fold(u.year_units),
        age_before=PhraseTable({w: True for w in u.age_before}),
        age_copulas=PhraseTable({w: True for w in u.age_copulas}),
        age_holders=_fold(u.age_holders),
        age_followers=_fold(u.age_followers),
        concepts=concepts,
    )


# ---------------------------------------------------------------------- the stage


def find(text: str, rules: Rules, regions: Sequence[Span] | None = None) -> list[Figure]:
    """Every figure in ``regions`` of ``text`` (the whole text when none are given)."""
    spans = regions if regions is not None else (Span(0, len(text)),)
    found: list[Figure] = []
    for region in spans:
        pos = region.start
        while pos < region.end:
            nl = text.find("\n", pos, region.end)
            line_end = region.end if nl < 0 else nl
            if (_can_hold(text, pos, line_end, rules) and _is_prose(text, pos, line_end)
                    and (line_end - pos <= LONG_LINE or not _is_list(text, pos, line_end, rules))):
                toks = tokenize(text, pos, line_end, space_groups=rules.numbers.space_groups)
                figures = _compound(text, _line(text, toks, rules), rules)
                found.extend(_bounds(text, _elided(text, _of_a_base(text, toks, _share(text, figures, rules), rules)),
                                     rules))
            pos = line_end + 1
    codes = _numbered_names(text)
    return [f for f in found if f.span.start not in codes] if codes else found


def _numbered_names(text: str) -> set[int]:
    """Where the numbers of lists of numbered names start: shirt numbers or places in a list, not
    counts. A list counts when its names differ ("2 Piala Super Spanyol, 3 Liga Champions" repeats
    words: trophies counted) and a number is above twelve or they run one by one (2, 3, 4)."""
    ends = [m.start() - 1 for p in _MAYBE_ITEMS for m in p.finditer(text)]  # the last digits of item numbers
    if len(ends) < 3:
        return set()
    out: set[int] = set()
    for m in _lists_at(text, ends):
        items = [(int(i.group(1)), i.group(2), i.start(1)) for i in _ITEM_START.finditer(m.group())]
        numbers = [n for n, _, _ in items]
        distinct = len({w for _, w, _ in items}) == len(items)
        running = all(b == a + 1 for a, b in pairwise(numbers))
        if distinct and (max(numbers) > 12 or running):
            out.update(m.start() + at for _, _, at in items)
    return out


def _lists_at(text: str, ends: list[int]) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBERED_NAMES.finditer(text)``, trying only where a match can start: an item's
    number of one to three digits ends at one of ``ends``. Tried left to right, each past the previous
    match, as ``finditer`` does (the lookbehind still sees the text before a start)."""
    after = 0
    for start in sorted({at for end in ends for at in range(max(0, end - 2), end + 1)}):
        if start >= after:
            m = _NUMBERED_NAMES.match(text, start)
            if m is not None:
                after = m.end()
                yield m


def _can_hold(text: str, start: int, end: int, r: Rules) -> bool:
    """Whether a line can hold a figure: a digit, or a word that opens a number. The start words are
    searched for as one pattern (a tree of their letters) over the folded line, which builds no string
    per word as a set test of all its words would; the pattern checks that no letter follows a word,
    and a hit counts when no letter comes before it either. A hit inside a word ("dua" in "kedua")
    is passed over whole: no word can start inside it, since all its characters are letters."""
    if start == end:
        return False
    line = text[start:end]
    if text.isascii():
        # only ASCII digits to look for: ten scans of the line by ``memchr`` cost less than a class search,
        # which calls a look-up for every character
        if any(map(line.__contains__, _ASCII_DIGITS)):
            return True
    elif _DIGIT.search(line) is not None:
        return True
    if r.start_words is None:
        return False
    line = line.casefold()
    for m in r.start_words.finditer(line):
        at = m.start()
        if at == 0 or _LETTER.match(line, at - 1) is None:
            return True
    return False


def _is_prose(text: str, start: int, end: int) -> bool:
    if end - start <= LONG_LINE:
        return True
    letters = sum(map(len, _WORD.findall(text, start, end)))
    return letters >= LETTER_SHARE * (end - start)


def _is_list(text: str, start: int, end: int, r: Rules) -> bool:
    """A long line that is mostly numbers (digit runs and number words among its tokens) is a
    table or noise; counted in one regex pass, without building tokens."""
    starts = r.starts
    counts = Counter(_ROUGH_TOKEN.findall(text, start, end))  # each distinct token is then looked at once
    numeric = sum(n for word, n in counts.items() if word[0].isdigit() or word.casefold() in starts)
    return numeric > NUMBER_SHARE * sum(counts.values())


@dataclass(slots=True)
class _Draft:
    """A figure being built, by token indexes."""

    first: int
    after: int
    value: float | None
    note: str | None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    unit: str = "count"
    concept: str | None = None
    counted: tuple[int, int] | None = None


def _line(text: str, toks: list[Token], r: Rules) -> list[Figure]:
    out: list[Figure] = []
    starts = r.starts
    resume = 0
    # the tokens that can open a figure, found in one pass; those inside a figure already read are passed over
    for i in [i for i, tok in enumerate(toks) if tok.kind == "num" or tok.low in starts]:
        if i < resume:
            continue
        chain = _date_chain(toks, i)
        if chain:
            resume = chain  # "3/4/2017", "10:15:30": a date or a clock time, read by the dates stage
            continue
        draft, resume = _figure_at(toks, i, r)
        if draft is not None:
            out.append(_to_figure(text, toks, draft))
    return out


def _date_chain(toks: Sequence[Token], i: int) -> int:
    """After three plain digit runs joined by attached "/" or ":" from ``i`` ("3/4/2017",
    "10:15:30"), the index past them; else 0."""
    k = i + 4
    if k >= len(toks):
        return 0
    a, m1, b, m2, c = toks[i : i + 5]
    if (a.kind == "num" and b.kind == "num" and c.kind == "num" and m1.text in "/:" and m1.text == m2.text
            and a.end == m1.start and m1.end == b.start and b.end == m2.start and m2.end == c.start
            and a.text.isdigit() and b.text.isdigit() and c.text.isdigit()):
        return k + 1
    return 0


def _reading_at(toks: Sequence[Token], i: int, r: Rules) -> Reading | bool | None:
    """The number at ``i``; False when the token is a digit run that is not a number."""
    tok = toks[i]
    if tok.kind == "num":
        values = r.numbers.digit_values(tok)
        if values is None or len(values) != 1:
            return False
        _, _, value, note, plain = values[0]
        rd = Reading(i, i + 1, value, note, None, True, plain)
        scale = r.numbers.scale_abbr.forward(toks, i + 1)
        if scale is not None:
            unit = r.after.forward(toks, i + 1)
            if unit is not None and unit[1] > scale[1]:
                return rd  # "32m2", "80 m.p.h.": the unit, not the scale "m"
            if toks[i + 1].text in r.scale_or_unit and _measure_in_brackets(toks, scale[1], r):
                return rd  # "37m (121ft)": metres, as the conversion says, not millions
        return r.numbers.with_scale(toks, rd)
    return r.numbers.read(toks, i)


def _measure_in_brackets(toks: Sequence[Token], k: int, r: Rules) -> bool:
    """A conversion in brackets at ``k`` whose unit is a measure ("(121ft)", "(3 miles)"): the number before
    it is a measure too. A currency (an ISO code) or a share says nothing of the kind."""
    if k + 2 >= len(toks) or toks[k].text != "(" or toks[k + 1].kind != "num":
        return False
    hit = r.after.forward(toks, k + 2)
    return hit is not None and hit[0] not in _NOT_MEASURES and not (len(hit[0]) == 3 and hit[0].isupper())


#: units that are no measure: shares, multipliers, durations
_NOT_MEASURES = frozenset({"percent", "percentage point", "times", "ratio", "basis point"}) | {
    "year", "month", "week", "day", "hour", "minute", "second"}


def _figure_at(toks: list[Token], i: int, r: Rules) -> tuple[_Draft | None, int]:
    tok = toks[i]
    if tok.kind == "word" and tok.low in r.whole:
        if _in_phrase(toks, i, r.not_counts):
            return None, i + 1  # "double-digit victories"
        value, unit = r.whole[tok.low]
        d = _Draft(i, i + 1, value, None, unit=unit)
        _qualify(toks, d, r)
        return d, i + 1
    reading = _plain_alone(toks, i, r) if tok.kind == "num" else None
    if reading is None:
        reading = _number_at(toks, i, r)
        if reading is None:
            return None, i + 1
    ratio = _ratio(toks, reading, r)
    if ratio is not None:
        d = _Draft(ratio.first, ratio.after, ratio.value, None, unit="ratio")
        _qualify(toks, d, r)
        _count(toks, d, r)
        return d, d.after
    if _era(toks, reading, r):
        k = reading.after
        if k + 1 < len(toks) and toks[k + 1].kind == "num" and (
                toks[k].low in r.concepts.conjunctions or r.range_links.forward(toks, k) == (True, k + 1)):
            return None, k + 2  # "between A.D. 1000 and 1260": the other year too
        return None, k
    if _not_a_figure(toks, reading, r):
        link = r.range_links.forward(toks, reading.after)
        if link is not None and link[1] < len(toks) and toks[link[1]].kind == "num":
            return None, link[1] + 1  # "abad 16 sampai dengan 18": the range's other end is a code too
        return None, reading.after
    d = _Draft(reading.first, reading.after, reading.value, reading.note)
    year_like = reading.plain is not None and len(reading.plain) == 4 and int(reading.plain) in YEARS
    end = _range(toks, d, reading, r)
    if end is False:
        return None, _skip_past(toks, reading.after)
    _unit_after(toks, d, r)
    if d.unit == "hour" and d.low is None and r.time_after.forward(toks, d.after) is not None:
        return None, d.after  # "15 часов по местному времени": a time of day
    _unit_before(toks, d, r)
    _qualify(toks, d, r)
    if d.qualifier == "exact" and r.numbers.approx_scales and any(
            t.low in r.numbers.approx_scales for t in toks[reading.first : d.after]):
        d.qualifier = "approx"  # "Rp 49 jutaan": about 49 million
    if d.unit in ("count", "percent"):
        _count(toks, d, r)
    else:
        _rate(toks, d, r)
    if (d.unit == "count" and (d.concept is None or (d.counted is not None and d.counted[1] <= d.first))
            and r.age_before.backward(toks, d.first) is not None):
        # "aged 45", "aged 18 to 34"; "17 players over the age of 21": the age cue, not the noun before it
        d.unit, d.concept, d.counted = "year", None, None
    if d.unit == "count" and d.concept is None and d.low is None:
        _age_or_inverted(toks, d, reading, r)
    if d.unit == "count" and d.counted is None and d.low is None and _age_after_copula(toks, d, r):
        d.unit = "year"  # "Maria, who was 10, ..."
    if (d.unit == "count" and d.qualifier != "exact" and d.low is None and d.first > 0
            and toks[d.first - 1].low in r.age_holders and (d.counted is None or d.counted[1] <= d.first)
            and d.value is not None and 0 < d.value <= MAX_AGE):
        d.unit, d.concept, d.counted = "year", None, None  # "people over 60"
    if year_like and reading.scale is None and (
        (d.unit == "count" and (d.concept is None or (d.counted is not None and d.counted[0] < d.first)))
        or _after_year_cue(toks, d.first, r)
        or (reading.first > 0 and toks[reading.first - 1].kind == "num")
        or (reading.after < len(toks) and toks[reading.after].low in r.year_units)
    ):
        if d.high is not None and not (d.high.is_integer() and int(d.high) in YEARS):
            return None, reading.after  # "rose 60% in 2018 to 3.9 million": the year ends no range
        return None, d.after
    if d.unit == "count" and d.concept is None and (_inside_name(toks, reading, r) or _model_name(toks, d, r)
                                                    or _address(toks, reading, r)):
        return None, d.after
    if _bare_in_brackets(toks, d):
        return None, d.after
    if d.counted is not None and any(t.kind == "num" for t in toks[d.counted[0] : d.counted[1]]):
        return d, max(d.after, d.counted[1])  # "63000 Model 3 sedans": the name's digits are no figure
    if (d.counted is not None and d.counted[0] >= d.after
            and any(t.low in r.whole for t in toks[d.counted[0] : d.counted[1]])):
        return d, d.counted[1]  # "баррелей в сутки": the rate's duration is no figure of its own
    return d, d.after


def _number_at(toks: Sequence[Token], i: int, r: Rules) -> Reading | None:
    """The number at ``i`` with what reads it further (a fraction, a leading mark, a power of ten, a sign);
    None when there is none."""
    reading = _reading_at(toks, i, r)
    if reading is None and toks[i].low in r.numbers.denominators:
        reading = _article_fraction(toks, i, r)
    if reading is None or isinstance(reading, bool):
        return None
    reading = _fraction_or_mark(toks, reading, r)
    if (not reading.digits and reading.after == reading.first + 1 and reading.first > 0
            and _article_fraction_alone(toks, replace(reading, first=reading.first - 1), r)):
        reading = replace(reading, first=reading.first - 1)  # "cut by a half."
    reading = _power_of_ten(toks, reading)
    return _signed(toks, reading, r)


#: tokens before plain digits that ``_fraction_or_mark`` (a leading decimal mark) or ``_signed`` read into them
_MARKS_BEFORE = frozenset({".", ",", "-", "\u2212"})
#: tokens after plain digits that ``_fraction_or_mark`` (a fraction) or ``_power_of_ten`` (with ``_TIMES``)
#: read into them
_SLASHES = frozenset({"/", "\u2044"})


def _plain_alone(toks: Sequence[Token], i: int, r: Rules) -> Reading | None:
    """Plain digits at ``i`` that nothing around them reads further: no scale or other word that goes on the
    number, no decimal mark or sign before it, no fraction slash ("1/5", "2 1/4") or "x 10" after it. The
    reading is then the one the steps of ``_figure_at`` up to ``_signed`` leave as ``digit_values`` made it;
    None when one of them may change it (read the long way)."""
    if i > 0 and (toks[i - 1].text in _MARKS_BEFORE or toks[i - 1].low in r.numbers.negative):
        return None
    if (i + 1 < len(toks) and toks[i + 1].text in _MARKS_AFTER) or (i + 2 < len(toks) and toks[i + 2].text in _SLASHES):
        return None
    return r.numbers.plain_digits(toks, i)


def _article_fraction(toks: Sequence[Token], i: int, r: Rules) -> Reading | None:
    """"a third of": an article for the numerator one, and a word after that makes it a fraction
    rather than an ordinal ("a third term")."""
    n = r.numbers
    scale = n.scales.forward(toks, i + 1) if i + 1 < len(toks) else None
    if scale is not None:  # "a quarter million", "quarter million"
        first = i - 1 if i > 0 and toks[i - 1].low in n.fraction_articles else i
        return Reading(first, scale[1], scale[0] / n.denominators[toks[i].low], None, scale[0], False)
    if i == 0 or toks[i - 1].low not in n.fraction_articles:
        return None
    # "a fifth of", "by a fifth." -- an ambiguous denominator ("a quarter") only before "of"
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    hedged = i > 1 and toks[i - 2].low in n.fraction_before and (
        nxt is None or nxt.text in _CLAUSE_END or nxt.low in r.concepts.stop)
    if not hedged and not (nxt is not None and nxt.low in n.fraction_after) and (
            toks[i].low in n.ambiguous_denominators or (nxt is not None and nxt.text not in _CLAUSE_END)):
        return None
    of_a = n.of_a_scale(toks, i + 1)
    if of_a is not None:  # "a quarter of a million"
        return Reading(i - 1, of_a[1], of_a[0] / n.denominators[toks[i].low], None, None, False)
    return Reading(i - 1, i + 1, 1 / n.denominators[toks[i].low], None, None, False)


def _ratio(toks: Sequence[Token], rd: Reading, r: Rules) -> Reading | None:
    """"one in five", "2 out of 3", "satu dari lima", "двое из трёх", "one over three": a part
    and its whole, both plain numbers with no unit, the part smaller; value part / whole."""
    j = rd.after
    if rd.value is None or rd.value == 0 or rd.scale is not None or rd.fraction or j >= len(toks):
        return None
    if toks[j].low not in r.ratio_words.firsts and toks[j].low not in r.ratio_words_at_end.firsts:
        return None  # (no ratio word after most numbers: two table look-ups saved)
    at_end = False
    hit = r.ratio_words.forward(toks, j)
    if hit is None:
        hit, at_end = r.ratio_words_at_end.forward(toks, j), True
    if hit is None or hit[1] >= len(toks):
        return None
    if r.before.backward(toks, rd.first) is not None or (rd.first > 0 and toks[rd.first - 1].attached_to(toks[rd.first])
                                                          and toks[rd.first - 1].kind != "punct"):
        return None
    whole = _reading_at(toks, hit[1], r)
    if not isinstance(whole, Reading) or whole.value is None or whole.value == 0 or whole.fraction:
        return None
    if not abs(rd.value) < whole.value and not at_end:
        return None  # a part larger than its whole is no ratio, except written as "2000 over 3"
    k = whole.after
    nxt = toks[k] if k < len(toks) else None
    if whole.plain is not None and len(whole.plain) == 4 and int(whole.plain) in YEARS:
        return None  # "3 in 2020"
    if nxt is not None and (r.after.forward(toks, k) is not None or nxt.low in r.months
                            or r.time_after.forward(toks, k) is not None
                            or ((nxt.kind == "punct" and nxt.attached_to(toks[k - 1]) and nxt.text in "/:-.")
                            and k + 1 < len(toks) and toks[k + 1].kind == "num")):
        return None  # "5 in 10 minutes", "2 of 10:30"
    if at_end and nxt is not None and nxt.text not in _CLAUSE_END:
        return None  # "won 3 over 10 years" is a hedge
    if _not_a_figure(toks, whole, r):
        return None
    return Reading(rd.first, whole.after, rd.value / whole.value, None, None, rd.digits and whole.digits, None, True)


_TIMES = frozenset({"×", "x", "X", "*"})
_MARKS_AFTER = _SLASHES | _TIMES
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _power_of_ten(toks: Sequence[Token], rd: Reading) -> Reading:
    """Scientific notation: "2.998×10−8", "3 x 10^8", "6.02×10²³", "1.5 × 10⁻⁹"."""
    k = rd.after
    if not rd.digits or rd.value is None or rd.scale is not None or k + 2 >= len(toks):
        return rd
    if toks[k].text not in _TIMES or toks[k + 1].text != "10" or not toks[k + 1].attached_to(toks[k + 2]):
        return rd
    j = k + 2
    if toks[j].text == "^" and j + 1 < len(toks) and toks[j].attached_to(toks[j + 1]):
        j += 1
    sign = 1
    if toks[j].text in "-−⁻" and j + 1 < len(toks) and toks[j].attached_to(toks[j + 1]):
        sign, j = -1, j + 1
    exp = toks[j].text.translate(_SUPERSCRIPTS)
    if not exp.isdigit() or len(exp) > 3:
        return rd
    value = rd.value * 10.0 ** (sign * int(exp))
    return replace(rd, after=j + 1, value=value, plain=None)


def _plain(tok: Token) -> int | None:
    return int(tok.text) if tok.kind == "num" and tok.text.isdigit() and len(tok.text) <= 6 else None


def _fraction_or_mark(toks: Sequence[Token], rd: Reading, r: Rules) -> Reading:
    """Digits read further: a leading decimal mark (".77", ",5"), a fraction ("1/5", "2 1/4",
    "1⁄32") when it cannot be a date or its context says it is a quantity."""
    f = rd.first
    if not rd.digits or rd.value is None:
        return rd
    prev = toks[f - 1] if f > 0 else None
    prev2 = toks[f - 2] if f > 1 else None
    if (rd.plain is not None and prev is not None and prev.text in ".," and prev.attached_to(toks[f])
            and (prev2 is None or not prev2.attached_to(prev) or prev2.text in "$-−(")
            and (prev2 is None or prev2.kind != "num")):
        lead = replace(rd, first=f - 1, value=float("0." + rd.plain) * (rd.scale or 1.0))
        if rd.scale is None and rd.after == f + 1:
            lead = r.numbers.with_scale(toks, replace(lead, plain=None))  # ",0012G"
        return lead
    if rd.after != f + 1:
        return rd
    if rd.plain is not None and f + 3 < len(toks) and not toks[f].attached_to(toks[f + 1]):
        mixed = _digit_fraction(toks, f + 1, r, mixed=True)
        if mixed is not None and mixed[0] < 1:
            return Reading(f, mixed[1], int(rd.plain) + mixed[0], None, None, True)  # "2 1/4"
    frac = _digit_fraction(toks, f, r, mixed=False)
    if frac is None:
        return rd
    return Reading(f, frac[1], frac[0], None, None, True)


def _digit_fraction(toks: Sequence[Token], f: int, r: Rules, *, mixed: bool) -> tuple[float, int] | None:
    """"1/5" at ``f``: (value, index after it) when it is a fraction, not a date: written with the
    fraction slash, part of a mixed number, followed by "of" or a unit, after a hedge, or with
    numbers no date has."""
    if f + 2 >= len(toks):
        return None
    slash, den_tok = toks[f + 1], toks[f + 2]
    if slash.text not in "/\u2044":
        return None
    num, den = _plain(toks[f]), _plain(den_tok)
    if num is None or den is None or not toks[f].attached_to(slash) or not slash.attached_to(den_tok) or den == 0:
        return None
    k = f + 3
    if k < len(toks) and toks[k].text in "/\u2044" and den_tok.attached_to(toks[k]):
        return None  # "5/17/2018"
    after_ok = k < len(toks) and (r.concepts.links.forward(toks, k) is not None or r.after.forward(toks, k) is not None)
    # "2016/2017" is a season, not a fraction
    never_date = num < den and den not in YEARS and (num == 0 or den > 31 or (num > 12 and den > 12))
    prev = toks[f - 1] if f > 0 else None
    signed = (prev is not None and prev.text in "-−" and prev.attached_to(toks[f])
              and (f < 2 or not toks[f - 2].attached_to(prev)))  # "-4/5": no date has a sign
    if not (slash.text == "\u2044" or (mixed and num < den) or after_ok or never_date or signed
            or r.qualifiers.backward(toks, f) is not None):
        return None
    return num / den, k


def _signed(toks: Sequence[Token], rd: Reading, r: Rules) -> Reading:
    """A minus sign attached to the number ("-504", "$-50.8bn", "minus-5") or a negative word
    before it ("minus 5", "negatif", "минус"): the value turns negative and the figure starts there."""
    f = rd.first
    if rd.value is None or f == 0:
        return rd
    prev = toks[f - 1]
    first = None
    if prev.text in "-−" and prev.attached_to(toks[f]):
        before = toks[f - 2] if f > 1 else None
        if before is not None and before.low in r.numbers.negative and before.attached_to(prev):
            first = f - 2
        elif (before is None or not before.attached_to(prev) or r.before.backward(toks, f - 1) is not None
              or r.qualifiers.backward(toks, f - 1) is not None):
            first = f - 1  # "-504", "$-50.8bn", "<-30"
    elif prev.low in r.numbers.negative:
        first = f - 1
    if first is None:
        return rd
    return replace(rd, first=first, value=-rd.value)


def _skip_past(toks: Sequence[Token], k: int) -> int:
    """After a rejected range, skip its second number too."""
    while k < len(toks) and (toks[k].kind == "num" or toks[k].text in "-–"):
        k += 1
    return k


# ---------------------------------------------------------------------- what is not a figure


def _not_a_figure(toks: Sequence[Token], rd: Reading, r: Rules) -> bool:
    f = rd.first
    tok = toks[f]
    prev = toks[f - 1] if f > 0 else None
    prev2 = toks[f - 2] if f > 1 else None
    nxt = toks[f + 1] if f + 1 < len(toks) else None
    if _list_marker(toks, rd):
        return True
    if (f == 1 and len(toks) <= 3 and prev is not None and prev.kind == "word" and prev.text[:1].isupper()
            and (rd.after == len(toks) or (rd.after == len(toks) - 1 and toks[-1].text in ":."))):
        return True  # a heading line "Fakta 4", "Cara 2:": the number of a section
    if (tok.kind == "word" and tok.text[:1].isupper() and prev is not None and prev.kind == "word"
            and prev.text[:1].isupper() and tok.start - prev.end == 1
            and (nxt is None or nxt.kind == "punct") and rd.after == f + 1):
        # a number word that ends a name: "Pedagang Kaki Lima (PKL)", "Kepulauan Seribu, Jakarta";
        # not a sentence whose full stop a flattened page lost ("... in Aleppo Two people were killed")
        return True
    if tok.kind == "word" and _capitalised(tok) and _names_a_thing(toks, rd, r):
        return True
    if prev is not None and prev.attached_to(tok):
        if prev.kind == "word" and r.before.backward(toks, f) is None:
            return True  # "A320", "ke3"
        if prev.text in "/:#№" or (prev.text == "+" and r.after.forward(toks, rd.after) is None):
            return True  # "13/12", "10:00", "+62"; not "Dow +0.2%"
        if (prev.text in "-–" and prev2 is not None and prev2.attached_to(prev) and prev2.kind != "punct"
                and prev2.low not in r.hyphen_prefixes):
            return True  # "F-16", "ke-3", "COVID-19"; not "sub-300 sq m"
        if prev.text == "." and prev2 is not None and prev2.kind == "num" and prev2.attached_to(prev):
            return True
    if tok.kind == "num" and nxt is not None and tok.attached_to(nxt):
        after = toks[f + 2] if f + 2 < len(toks) else None
        if nxt.text in "/:" and after is not None and after.kind == "num" and rd.after == f + 1:
            return True
        if (nxt.kind == "word" and rd.after == f + 1 and not _unit_or_scale_at(toks, f + 1, r)
                and not 0 < r.numbers.words.get(nxt.low, 1) < 1):
            return True  # "3rd", "5G"; not "2½"
        if (nxt.text in "-–" and after is not None and after.kind == "word" and nxt.attached_to(after)
                and (after.low in r.ordinal_endings
                     or (not _unit_or_scale_at(toks, f + 2, r) and not _hyphen_stem(after, r)))):
            return True  # "2-й", "1-го", "73-м километре"
        if nxt.text == "." and after is not None and after.kind == "num" and nxt.attached_to(after):
            return True
    if (tok.kind == "num" and tok.text.isdigit() and nxt is not None and rd.after == f + 1
            and nxt.text in r.letter_codes and not (f + 2 < len(toks) and nxt.attached_to(toks[f + 2]))):
        return True  # "jaringan 4 G", "Windows 10 S", "film 3 D": a code with its letter apart; not "12 C", "10 A320"
    if tok.kind == "num" and tok.text[0] == "0" and len(tok.text) > 1 and tok.text[1].isdigit():
        return True  # "021", "05": codes and phone numbers
    if _lap_time(toks, f):
        return True  # "1 m 28.386s", "1m 28.386s": a lap time in a results table, not a metre or a million
    if (tok.kind == "num" and len(tok.text) >= 3 and tok.text.isdigit() and prev is not None and prev.kind == "num"
            and prev.text.isdigit() and nxt is not None and nxt.text in "-–" and tok.attached_to(nxt)
            and f + 2 < len(toks) and toks[f + 2].kind == "num" and nxt.attached_to(toks[f + 2])):
        return True  # "the sale of 10 737-800 planes": the model of what the count before it counts
    if (tok.kind == "num" and prev is not None and prev.kind == "num" and prev.text.isdigit()
            and not (len(prev.text) == 4 and int(prev.text) in YEARS)
            and (prev.text[0] == "0" or (prev2 is not None and prev2.kind == "num" and prev2.text.isdigit()))):
        return True  # "0800 555 111": the groups of a phone number
    if (prev is not None and prev.text == ":" and prev2 is not None and prev2.kind == "num"
            and prev2.attached_to(prev) and len(prev2.text) < 4):
        return True  # the second side of a ratio, score or clock time with a space: "rasio 18: 9", "55: 45"
    last = toks[rd.after - 1]
    if prev is not None and prev.text == "." and prev2 is not None and prev2.low in r.months:
        return True  # "Oct. 31"
    if prev is not None and (prev.low in r.months or (_code_cue(toks, f, r) and not _measure_after(toks, rd.after, r))):
        return True  # "Pasal 45", "Jalan 5", "UU No 1 Tahun 2012"; not "lebar jalan delapan meter"
    if (prev is not None and prev.low in r.concepts.conjunctions and prev2 is not None and f >= 3
            and (prev2.kind == "num" or prev2.low in r.numbers.words) and _code_cue(toks, f - 2, r)
            and _ends_phrase(toks, rd.after, r)):
        return True  # "Pasal 5 dan 6 UU ITE", "di posisi tiga dan empat": the second of two codes
    if (prev is not None and prev.low in r.time_before and _clock_like(rd) and r.after.forward(toks, rd.after) is None
            and not _noun_follows(toks, rd.after, r)):
        return True  # "at 10" is a time; "at 5%" and "looked at two viruses" are not
    follow = toks[rd.after] if rd.after < len(toks) else None
    if follow is not None and (follow.low in r.months or (follow.low in r.time_after.firsts
                                                          and r.time_after.forward(toks, rd.after) is not None)):
        return True
    if tok.kind == "word" and not rd.fraction and _in_phrase(toks, f, r.not_counts) and not _article_fraction_alone(
            toks, rd, r):
        return True
    if follow is not None and follow.text in "'’" and last.attached_to(follow) and rd.after + 1 < len(toks) and (
            toks[rd.after + 1].low == "s" and follow.attached_to(toks[rd.after + 1])):
        return True  # "Apple One's plan", "Channel 4's", "one's own": a name, a pronoun or a decade
    return bool(last.kind == "num" and follow is not None and follow.text in ":" and follow.attached_to(last)
                and rd.after + 1 < len(toks) and toks[rd.after + 1].kind == "num")


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and not tok.text.isupper()


def _names_a_thing(toks: Sequence[Token], rd: Reading, r: Rules) -> bool:
    """A capitalised number word inside running text that opens a capitalised name: "the Six-Day
    War", "the Six Nations", "the Thirty Years' War", "the Three Gorges Dam", "kebijakan Satu China".
    Only after a word in lower case (or a year after one) that does not itself follow a capitalised
    word, so a sentence or a title-case headline with a number word ("Four people were killed",
    "Civilians Killed in One Week") keeps its figure."""
    f = rd.first
    j = f - 2 if f > 1 and toks[f - 1].kind == "num" and len(toks[f - 1].text) == 4 else f - 1
    if j < 0 or not (toks[j].kind == "word" and toks[j].text.islower()):
        return False  # "11 August 2016 Ten Russian raids hit"
    if j > 0 and toks[j - 1].kind == "word" and _capitalised(toks[j - 1]):
        return False  # a title-case headline: "Killed in One Week", "Bisa Lebih dari Satu Orang"
    if any(t.kind == "word" and not _capitalised(t) for t in toks[f + 1:rd.after]):
        return False  # the number's own words in lower case
    k = rd.after
    while (k + 1 < len(toks) and toks[k].text in "-–" and toks[k - 1].attached_to(toks[k])
           and toks[k].attached_to(toks[k + 1]) and toks[k + 1].kind == "word"):
        if not _capitalised(toks[k + 1]):
            return False  # "Six-day"
        k += 2  # "Six-Day"
    unit = r.after.forward(toks, k)
    if unit is not None and all(_capitalised(t) for t in toks[k:unit[1]] if t.kind == "word"):
        k = unit[1]  # "Six Day War"; not "in One Week in"
    if k + 1 < len(toks) and toks[k].text in "'’" and toks[k - 1].attached_to(toks[k]):
        k += 1  # "Years' War"
    return k < len(toks) and toks[k].kind == "word" and _capitalised(toks[k])


def _article_fraction_alone(toks: Sequence[Token], rd: Reading, r: Rules) -> bool:
    """An article and a denominator that end the clause or come before ``fraction_after`` ("cut by a half.",
    "a half of the students") are a fraction, as "a fifth" is, even when a ``not_counts`` phrase holds them
    ("a half-hour", "a half-brother"); at a clause end not after a connector ("a year and a half": half a year)."""
    n, f = r.numbers, rd.first
    if rd.after != f + 2 or toks[f].low not in n.fraction_articles or toks[f + 1].low not in n.denominators:
        return False
    nxt = toks[rd.after] if rd.after < len(toks) else None
    if nxt is not None and nxt.low in n.fraction_after:
        return True
    return (nxt is None or nxt.text in _CLAUSE_END) and not (f > 0 and toks[f - 1].low in n.connectors)


def _era(toks: Sequence[Token], rd: Reading, r: Rules) -> bool:
    """Plain digits next to an era mark, or a year word and an era mark, are a year: "A.D. 1000", "500 BC",
    "в 300 году до н. э."."""
    eras = r.eras
    if rd.plain is None or not eras.table:
        return False
    # (the tokens each side are tested before the look-ups: they are seldom an era mark's)
    k = rd.after
    if ((rd.first > 0 and toks[rd.first - 1].text in eras.lasts and eras.backward(toks, rd.first) is not None)
            or (k < len(toks) and toks[k].text in eras.firsts and eras.forward(toks, k) is not None)):
        return True
    return (k < len(toks) and toks[k].low in r.year_units
            and r.eras.forward(toks, _absorb_stop(toks, k + 1)) is not None)


def _absorb_stop(toks: Sequence[Token], k: int) -> int:
    """Past the full stop of an abbreviated year word ("г.")."""
    return k + 1 if k < len(toks) and toks[k].text == "." and toks[k - 1].attached_to(toks[k]) else k


def _list_marker(toks: Sequence[Token], rd: Reading) -> bool:
    """"1. Edriana Noerdin, ...", "2) The ...": a small plain number that opens its line or
    sentence, with a full stop or closing bracket attached and a capitalised word after it, numbers a
    list item. ("2.500 orang" is one digit run, so it never reaches this.)"""
    f = rd.first
    if rd.plain is None or len(rd.plain) > 3 or rd.after != f + 1 or f + 2 >= len(toks):
        return False
    mark, word = toks[f + 1], toks[f + 2]
    if (mark.text == ")" and toks[f].attached_to(mark) and not mark.attached_to(word) and word.kind == "word"
            and f > 0 and toks[f - 1].text in ":;,"
            and not any(t.text == "(" for t in toks[max(0, f - 8) : f])):
        return True  # "... dengan SSD: 1) risiko kerusakan ..., 2) lebih cepat": items of a run-in list
    if f > 0 and toks[f - 1].text not in _LIST_OPENERS:
        return False
    return (mark.text in ".)" and toks[f].attached_to(mark) and not mark.attached_to(word)
            and word.kind == "word" and word.text[0].isupper())


def _measure_after(toks: Sequence[Token], k: int, r: Rules) -> bool:
    """A unit right after a number that is not a duration (durations follow law numbers: "No 1 Tahun 2012")."""
    hit = r.after.forward(toks, k)
    return hit is not None and toks[k].low not in r.year_units and hit[0] not in DURATIONS




def _noun_follows(toks: Sequence[Token], k: int, r: Rules) -> bool:
    """A content word (no stop word, month or time word) right after a number: what it counts."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    t = toks[k]
    return (t.low not in r.concepts.stop and t.low not in r.months and r.time_after.forward(toks, k) is None
            and t.text[:1].islower())


def _clock_like(rd: Reading) -> bool:
    """A value that can be a time of day ("10", "10.30"), after a time cue ("pukul", "at")."""
    v = rd.value
    if v is None or rd.scale is not None or not 0 <= v <= 24:
        return False
    return round((v - int(v)) * 100, 6) < 60


def _code_cue(toks: Sequence[Token], f: int, r: Rules) -> bool:
    """A code word right before the number, or before a stop, colon or bracket ("No. 5", "ayat (3)"), or
    before a spaced dash when the number is in digits ("ke - 10"; "per episode - half the amount" is no
    code)."""
    k = f - 1
    if k > 0 and (toks[k].text in ".:(" or (toks[k].text in "-–" and not toks[k].attached_to(toks[f])
                                           and (toks[f].kind == "num" or toks[k - 1].low in r.ordinal_prefixes))):
        k -= 1
    if toks[k].low in r.code_before:
        return True
    j = f + 1
    return j < len(toks) and toks[j].low in r.code_after


def _lap_time(toks: Sequence[Token], f: int) -> bool:
    """Whether minutes and seconds written with their symbols start at ``f``: digits, "m", then
    digits with a decimal part and "s" written on to them."""
    if f + 3 >= len(toks):
        return False
    num, m, sec, s = toks[f : f + 4]
    return (num.kind == "num" and num.text.isdigit() and m.text == "m" and sec.kind == "num" and not sec.text.isdigit()
            and s.text == "s" and sec.attached_to(s))


def _ends_phrase(toks: Sequence[Token], k: int, r: Rules) -> bool:
    """Whether no noun follows at ``k``: the end, punctuation, a capitalised word or a stop word."""
    if k >= len(toks):
        return True
    t = toks[k]
    return t.kind == "punct" or t.text[:1].isupper() or t.low in r.concepts.stop


def _in_phrase(toks: Sequence[Token], f: int, phrases: Sequence[tuple[str, ...]]) -> bool:
    word = toks[f].low
    for p in phrases:
        for at, w in enumerate(p):
            if w == word and f - at >= 0 and f - at + len(p) <= len(toks):
                if tuple(t.low for t in toks[f - at : f - at + len(p)]) == p:
                    return True
    return False


def _unit_or_scale_at(toks: Sequence[Token], k: int, r: Rules) -> bool:
    return (r.after.forward(toks, k) is not None or r.after_cased.forward(toks, k) is not None
            or r.numbers.scales.forward(toks, k) is not None
            or r.numbers.scale_abbr.forward(toks, k) is not None)


def _hyphen_stem(tok: Token, r: Rules) -> str | None:
    for stem, unit in r.hyphen_stems:
        if tok.low.startswith(stem):
            return unit
    return None


def _after_year_cue(toks: Sequence[Token], f: int, r: Rules) -> bool:
    return f > 0 and toks[f - 1].low in r.year_cues


def _inside_name(toks: Sequence[Token], rd: Reading, r: Rules) -> bool:
    """A number right after a capitalised word that does not open a sentence ("Liga 1")."""
    f = rd.first
    if f == 0 or toks[f - 1].kind != "word":
        return False
    prev = toks[f - 1]
    if not any(ch.isupper() for ch in prev.text) or r.qualifiers.backward(toks, f) is not None:
        return False
    if toks[f].kind == "word" and toks[f].text[:1].isupper() and prev.text[:1].isupper():
        return True  # "Nusa Dua", "Formula One": a capitalised number word inside a name
    if f - 2 < 0 or (toks[f - 2].text in _SENTENCE_END and toks[f - 2].text != ":"):
        return False
    return not prev.text.isupper() or len(prev.text) <= 4


def _model_name(toks: Sequence[Token], d: _Draft, r: Rules) -> bool:
    """"Boeing's 787 Dreamliner", "the 90049 ZIP Code", "iPhone 11 Pro": digits (no hedge, more than
    one) before a capitalised singular word that ends the phrase name a model or code, in a language
    whose plurals show ("63000 Model 3 sedans" counts sedans)."""
    c = r.concepts
    if (not c.plural_endings or c.head_first or d.counted is None or d.value in (None, 1) or d.qualifier != "exact"
            or d.low is not None or not toks[d.first].text.isdigit()):
        return False  # plain digits only: "63,150 Model 3s" and "0.5 WAR" are quantities
    phrase = [t for t in toks[d.counted[0] : d.counted[1]] if t.kind == "word"]
    if not phrase or not phrase[0].text[:1].isupper() or (phrase[0].text.isupper() and len(phrase[0].text) <= 3):
        return False  # "2 TDs", "300 PS", "18 R": abbreviations of what is counted
    nxt = toks[d.counted[1]] if d.counted[1] < len(toks) else None
    if nxt is not None and (nxt.low in c.conjunctions or nxt.kind == "num" or nxt.text[:1].isupper()):
        return False  # "27000 Model S and Model X vehicles"
    return not any(t.low.endswith(e) and len(t.low) > len(e) + 2 for t in phrase for e in c.plural_endings)


def _address(toks: Sequence[Token], rd: Reading, r: Rules) -> bool:
    """"49 Zorro Ranch Road", "9 E 71st St": plain digits before up to four capitalised words (or an
    ordinal) and a ``street_words`` word are a house number."""
    if not r.street_words or not toks[rd.first].text.isdigit() or rd.after != rd.first + 1:
        return False
    for k in range(rd.after, min(len(toks), rd.after + 5)):
        t = toks[k]
        if t.kind == "word" and t.low in r.street_words and (k > rd.after or (
                t.text[:1].isupper() and len(t.text) <= 4 and k + 1 < len(toks) and toks[k + 1].kind == "word"
                and toks[k + 1].text[:1].isupper())):
            return True  # "49 Zorro Ranch Road"; "22 Ave Foch": an abbreviated street word before the name
        if not ((t.kind == "word" and t.text[:1].isupper()) or (t.kind == "num" and k + 1 < len(toks)
                                                               and t.attached_to(toks[k + 1]))):
            return False
        if t.kind == "word" and t.text.islower():
            return False
    return False


def _bare_in_brackets(toks: Sequence[Token], d: _Draft) -> bool:
    """"(2)" alone in brackets, not an age: a list number or a note mark."""
    if d.unit != "count" or d.concept is not None or d.first == 0 or d.after >= len(toks):
        return False
    return toks[d.first - 1].text == "(" and toks[d.after].text == ")"


# ---------------------------------------------------------------------- range, units, hedge


def _range(toks: Sequence[Token], d: _Draft, first: Reading, r: Rules) -> bool | None:
    """Read "X hingga Y" into ``d``; False when the pair is a score, not a figure."""
    j = first.after
    link = r.range_links.forward(toks, j)
    unit_before = r.before.backward(toks, first.first)
    head = unit_before[1] if unit_before is not None else first.first
    # (range openers and alternative links are seldom there: their tables are called only when a token fits)
    opener = r.range_pairs.backward(toks, head) if head > 0 and toks[head - 1].low in r.range_pairs.lasts else None
    closed = _closer_at(toks, j, opener[0]) if opener is not None else None
    if closed is not None:
        link = (True, closed)
    alternative = (link is None and first.scale is None and j < len(toks) and toks[j].low in r.alternative_links.firsts
                   and r.alternative_links.forward(toks, j) is not None)
    if alternative:
        link = r.alternative_links.forward(toks, j)
    unit_first = r.after.forward(toks, j) if link is None else None
    if unit_first is not None:
        # "5% to 10%", "between 5% and 6%": the unit on both ends
        k = unit_first[1]
        link = r.range_links.forward(toks, k)
        closed = _closer_at(toks, k, opener[0]) if opener is not None else None
        if closed is not None:
            link = (True, closed)
        if link is not None:
            j = k
    if link is None or link[1] >= len(toks):
        return None
    hyphen = toks[j].text in "-–"
    if hyphen and not toks[j - 1].attached_to(toks[j]) and j + 1 < len(toks) and toks[j].attached_to(toks[j + 1]):
        return None  # "50 -1.3%": a minus sign, not a range
    at = link[1]
    unit_again = r.before.forward(toks, at)
    if unit_again is not None and unit_again[1] < len(toks) and unit_before is not None:
        at = unit_again[1]
    second = _reading_at(toks, at, r)
    if not isinstance(second, Reading) or second.value is None or first.value is None:
        return None
    if unit_first is not None:
        unit_second = r.after.forward(toks, second.after)
        if unit_second is None or unit_second[0] != unit_first[0]:
            return None
    if _not_a_figure(toks, second, r) and not hyphen:
        return None
    low, high = first.value, second.value
    if alternative and not (
            low < high and second.scale is None and at == link[1] and r.before.forward(toks, at) is None
            and (r.after.forward(toks, second.after) is not None or _noun_follows(toks, second.after, r))):
        return None  # "one or two", "5 or 6 of them", "$39 atau Rp 520 ribu": two numbers, no range
    if (closed is None and not hyphen and (unit_first is not None or at != link[1]) and high > CHANGE_TO_LEVEL * low > 0
            and _after_change_by(toks, unit_before[1] if unit_before is not None else first.first, r)):
        return None  # "rose by $43.6 billion to $419.2 billion": a change and the level it reaches
    if first.scale is None and second.scale is not None and low * second.scale <= high:
        low *= second.scale
    if hyphen and first.scale is None and second.scale is None and high < 100 and low < 100:
        if r.after.forward(toks, second.after) is None:
            return False  # "2-1": a score
    if not low < high:
        return False if hyphen and unit_first is None else None
    d.low, d.high, d.value, d.after = low, high, None, second.after
    return True


def _after_change_by(toks: Sequence[Token], k: int, r: Rules) -> bool:
    """A ``change_by`` word ("by", "на") right before token ``k``: the number after it is an amount of change."""
    return k > 0 and toks[k - 1].low in r.change_by


def _closer_at(toks: Sequence[Token], j: int, closers: tuple[tuple[str, ...], ...]) -> int | None:
    """The index after the range opener's closing link ("and" of "between", "to" or "up to" of "from") at ``j``."""
    for pair in closers:
        if tuple(t.low for t in toks[j : j + len(pair)]) == pair:
            return j + len(pair)
    return None


def _unit_after(toks: Sequence[Token], d: _Draft, r: Rules) -> None:
    j = d.after
    if j >= len(toks):
        return
    if toks[j].text in "-–" and j + 1 < len(toks) and toks[j - 1].attached_to(toks[j]):
        later = _suspended(toks, j, r)
        if later is not None:  # "a 7- or 8-inch screen": the unit is the later compound's
            hit = r.after.forward(toks, later)
            if hit is not None:
                d.unit = hit[0]
            return
        stem = _hyphen_stem(toks[j + 1], r)
        if stem is not None:
            d.unit, d.after = stem, j + 2
            return
        hit = r.after.forward(toks, j + 1)
        if hit is not None:
            d.unit, d.after = hit[0], hit[1]
        return
    # (a cased unit is seldom there: its table is called only when the token opens one)
    hit = (r.after_cased.forward(toks, j) if toks[j].text in r.after_cased.firsts else None) or r.after.forward(toks, j)
    if hit is not None:
        d.unit, d.after = hit
    elif toks[j].text in r.scale_or_unit and _measure_in_brackets(toks, j + 1, r):
        d.unit, d.after = r.scale_or_unit[toks[j].text], j + 1


def _suspended(toks: Sequence[Token], j: int, r: Rules) -> int | None:
    """For a number with a dangling hyphen ("7- or 8-inch", "four-, five- and six-cylinder"): the
    index of the word of the later compound that completes it, or None when the hyphen is attached
    to what follows or no such compound comes before the clause ends."""
    if toks[j].attached_to(toks[j + 1]) and toks[j + 1].kind == "word":
        return None
    for k in range(j + 1, min(len(toks) - 2, j + 12)):
        t = toks[k]
        if t.text in _SENTENCE_STOP or (t.kind == "word" and t.low not in r.concepts.conjunctions
                                        and t.low not in r.starts):
            return None
        if (t.text in "-–" and k > j + 1 and toks[k - 1].attached_to(t) and t.attached_to(toks[k + 1])
                and toks[k + 1].kind == "word"):
            return k + 1
    return None


def _unit_before(toks: Sequence[Token], d: _Draft, r: Rules) -> None:
    hit = r.before.backward(toks, d.first)
    if hit is not None and (d.unit == "count" or d.unit == hit[0]):
        d.unit, d.first = hit


def _qualify(toks: Sequence[Token], d: _Draft, r: Rules) -> None:
    k = d.first
    opener = r.range_pairs.backward(toks, k) if d.low is not None else None
    if opener is not None:
        k = opener[1]
        d.first = k
    hit = r.qualifiers.backward(toks, k)
    if hit is not None:
        d.qualifier, d.first = hit
    after = (r.qualifiers_after.forward(toks, d.after) if d.low is None and d.qualifier == "exact"
             and d.after < len(toks) and toks[d.after].low in r.qualifiers_after.firsts else None)
    if after is not None and _runs_past(toks, d.after, after[1], r):
        after = None  # "equal to 5000 or less than 6000": "less than" hedges the next number
    if after is not None:
        d.qualifier, d.after = after  # "10 or more people", "10 orang atau lebih"


def _runs_past(toks: Sequence[Token], start: int, end: int, r: Rules) -> bool:
    """Whether a hedge starting inside ``[start, end)`` ends after ``end`` and hedges a number after
    it ("or less than 6000"; not "200 or greater than")."""
    for k in range(start, end):
        hit = r.qualifiers.forward(toks, k)
        stop = max(end, hit[1]) if hit is not None else end
        if stop < len(toks) and (toks[stop].kind == "num" or toks[stop].low in r.starts):
            return True
    return False


def _age_after_copula(toks: Sequence[Token], d: _Draft, r: Rules) -> bool:
    if d.value is None or not d.value.is_integer() or not 0 < d.value <= MAX_AGE:
        return False
    if r.age_copulas.backward(toks, d.first) is None:
        return False
    return d.after >= len(toks) or toks[d.after].text in _CLAUSE_END or toks[d.after].low in r.age_followers


def _age_or_inverted(toks: Sequence[Token], d: _Draft, rd: Reading, r: Rules) -> None:
    f = d.first
    if (f > 0 and toks[f - 1].low in r.inverted_approx and d.qualifier == "exact"
            and not (f > 1 and toks[f - 2].kind == "num")):  # not "2015 года 2", "12 минут 41 секунду"
        d.unit, d.qualifier, d.first = r.inverted_approx[toks[f - 1].low], "approx", f - 1
        return
    if (rd.plain is not None and f >= 2 and d.after < len(toks) and 0 < int(rd.plain) <= MAX_AGE
            and (toks[f - 1].text, toks[d.after].text) in (("(", ")"), (",", ","))):
        name = toks[f - 2]
        if name.kind == "word" and name.text[0].isupper():
            d.unit = "year"  # "CB (32)", "Maddon, 66, has"


# ---------------------------------------------------------------------- what is counted


def _count(toks: Sequence[Token], d: _Draft, r: Rules) -> None:
    c = r.concepts
    j = d.after
    if (j + 1 < len(toks) and toks[j].text in "-–" and toks[j - 1].attached_to(toks[j]) and d.low is None
            and d.unit == "count"):
        word = _suspended(toks, j, r)
        if word is None and toks[j].attached_to(toks[j + 1]) and toks[j + 1].kind == "word":
            word = j + 1
        if word is not None:  # "a four-cylinder engine", "four-, five- and six-cylinder engines"
            m = c.match(toks, word)
            d.concept = m[0] if m is not None and m[1] == word + 1 else None
            d.counted = (word, word + 1)
            return
    j = _past_measure(toks, j, r)
    link = c.links.forward(toks, j)
    if link is None and d.unit == "count" and d.value is not None and 0 < d.value < 1:
        determiner = c.fraction_links.forward(toks, j)
        if determiner is not None:
            j = determiner[1]  # "half the condos", "half his savings"
    found = _noun_phrase(toks, j, c)
    if found is None and link is not None:
        k = link[1]
        nxt = _reading_at(toks, k, r) if k < len(toks) else None
        if isinstance(nxt, Reading):
            k = nxt.after
        found = _noun_phrase(toks, k, c)
    ends = j >= len(toks) or toks[j].kind == "punct" or toks[j].low in c.stop
    if found is None and d.unit == "count" and (
            (d.first > 0 and toks[d.first - 1].low in c.person_verbs and (ends or toks[j].low in c.stop
                                                                           or toks[j].kind != "word"))
            or any(t.low in c.person_numerals for t in toks[d.first : d.after])):
        d.concept = "person"  # "kills 16 outside a bakery"
        return
    if found is None and d.unit == "count" and d.low is None and ends:
        found = _noun_before(toks, d.first, c)
    if found is not None and (_noun_modifier(toks, d, found, c)
                              or (found[2] == found[1] + 1 and _adjective_of_noun(toks, found[1], c))):
        found = None  # "два взрывных устройства": the devices are counted, not the explosion
    if found is not None:
        d.concept, d.counted = found[0], (found[1], found[2])
        late = r.qualifiers_after.forward(toks, found[2]) if d.qualifier == "exact" and d.low is None else None
        if late is not None and _runs_past(toks, found[2], late[1], r):
            late = None
        if late is not None:
            d.qualifier = late[0]  # "10 orang atau lebih", "10 человек и более"
        _count_rate(toks, d, r)
        return
    # no lexicon noun: keep the noun phrase as written, with a null concept
    plural = d.value > 1 if d.value is not None else True  # "a third of the population": not plural
    surface = None
    if d.unit == "percent" and link is not None:
        surface = _surface(toks, link[1], c, r, plural)  # "1% of their earnings": what it is a share of
    if surface is None and d.unit == "percent":
        surface = _subject(toks, d.first, c, r)
    if (surface is None and d.unit == "percent" and d.after < len(toks) and toks[d.after].low in c.change_after
            and d.first > 0 and toks[d.first - 1].kind == "word"):
        surface = _words_back(toks, d.first, c)  # "pulled the healthcare sector 0.68 percent lower"
    if surface is None:
        surface = _surface(toks, j, c, r, plural, count=d.unit == "count")
        if surface is not None and surface[1] == surface[0] + 1 and r.after.forward(toks, surface[0]) is not None:
            surface = None  # "down 9.2% year over year": a unit word, not what the share is of
    if surface is None and link is not None:
        surface = _surface(toks, link[1], c, r, plural)
        if surface is not None and d.unit == "count" and plural and all(
                t.text[:1].isupper() for t in toks[surface[0] : surface[1]] if t.kind == "word"):
            surface = None  # "dua dari Swedia": a name after the link says where from, not what is counted
            # (a fraction keeps it: "half of Aleppo")
    if surface is not None:
        d.counted = surface
        head = c.match(toks, surface[1] - 1) if d.unit == "count" else None
        if (head is not None and head[1] == surface[1]
                and any(t.low in c.conjunctions for t in toks[surface[0] : surface[1]])):
            d.concept = head[0]  # "70 regime and rebel fighters": the coordinated phrase's head names the concept
        _count_rate(toks, d, r)


def _past_measure(toks: Sequence[Token], j: int, r: Rules) -> int:
    """After a count, a measure that describes what is counted ("eight million 250ml bottles", "2.9 million 9
    liter cases"): the index of the noun after it, else ``j``."""
    if j + 2 >= len(toks) or toks[j].kind != "num":
        return j
    unit = r.after.forward(toks, j + 1)
    if unit is None or unit[0] in _NOT_MEASURES or unit[1] >= len(toks):
        return j
    nxt = toks[unit[1]]
    return unit[1] if nxt.kind == "word" and nxt.low not in r.concepts.stop and nxt.text[:1].islower() else j


def _count_rate(toks: Sequence[Token], d: _Draft, r: Rules) -> None:
    """A count per something: the counted phrase runs on over a time rate word and a duration
    ("800,000 barrels a day", "1 juta barel per hari", "100 тысяч баррелей в сутки") or over a noun
    rate word and its noun ("61 cents per share", "15 points per game"), so what is counted says
    what it is counted against. The concept stays the noun before the rate word."""
    if d.unit != "count" or d.counted is None or d.counted[0] < d.after:
        return
    start, end = d.counted
    per = _per_duration(toks, end, r)
    if per is not None:
        d.counted = (start, per)
        return
    hit = r.noun_rate_words.forward(toks, end)
    if hit is None or hit[1] >= len(toks):
        return
    k = hit[1]
    found = _noun_phrase(toks, k, r.concepts)
    if found is not None and found[1] == k:
        d.counted = (start, found[2])
        return
    unit = r.after.forward(toks, k)
    if unit is not None:
        d.counted = (start, unit[1])  # "12 tablets per kg"
    elif toks[k].kind == "word" and toks[k].low not in r.concepts.stop and toks[k].text[:1].islower():
        d.counted = (start, k + 1)


def _per_duration(toks: Sequence[Token], k: int, r: Rules) -> int | None:
    """The end of a time rate at ``k`` ("a day", "per hari", "в сутки"), or None; not a point in
    time ("10 человек в день выборов": on election day)."""
    hit = r.time_rate_words.forward(toks, k)
    if hit is None or hit[1] >= len(toks):
        return None
    unit = r.after.forward(toks, hit[1])
    nxt = toks[unit[1]] if unit is not None and unit[1] < len(toks) else None
    if unit is None or unit[0] not in DURATIONS or (nxt is not None and nxt.kind == "word" and (
            nxt.low in r.time_rate_not_before or (nxt.low not in r.concepts.stop and nxt.text[:1].islower()))):
        return None
    return unit[1]


def _rate(toks: Sequence[Token], d: _Draft, r: Rules) -> None:
    """An amount per something ("$58.24 per barrel", "Rp 10.000 per kilogram", "50 рублей за литр"): the unit
    stays the amount's, and the noun after the rate word is what the amount is counted against."""
    k = d.after
    if k < len(toks) and toks[k].text == ")" and d.first > 0 and toks[d.first - 1].text == "(":
        k += 1  # the conversion in brackets is the same amount, at the same rate: "(US $4.46) per share"
    hit = r.rate_words.forward(toks, _past_conversion(toks, k))
    if hit is None and d.unit in DURATIONS:
        per = _per_duration(toks, k, r)  # "10 часов в сутки", "8 hours every day"
        word = r.time_rate_words.forward(toks, k)
        if per is not None and word is not None:
            d.counted = (word[1], per)
        return
    if hit is None or hit[1] >= len(toks):
        return
    k = hit[1]
    if (k + 1 < len(toks) and toks[k].text == "-" and toks[k - 1].attached_to(toks[k])
            and toks[k].attached_to(toks[k + 1])):
        k += 1  # "£24 a-year"
    unit = r.after.forward(toks, k)
    if d.unit in DURATIONS and (unit is None or unit[0] not in DURATIONS):
        return  # a duration is a rate of a duration only ("8 hours a day"; not "five days a monitoring
        # group said", "878 дней за пять экспедиций", "три года за хранение")
    found = _noun_phrase(toks, k, r.concepts)
    if found is not None and found[1] == k:
        d.concept, d.counted = found[0], (found[1], found[2])
        return
    if unit is not None:
        d.counted = (k, unit[1])  # "per kg"
    elif toks[k].kind == "word" and toks[k].low not in r.concepts.stop and toks[k].text[:1].islower():
        d.counted = (k, k + 1)


#: how many tokens a bracketed conversion between an amount and its rate word may hold ("(US $4.46)")
CONVERSION_TOKENS = 8


def _past_conversion(toks: Sequence[Token], k: int) -> int:
    """The index after a bracketed conversion at ``k`` ("C $6 (US $4.46) per share", "9 billion shekels
    ($2.408 billion) a year"): a short bracket holding a number and no sentence stop; else ``k``."""
    if k >= len(toks) or toks[k].text != "(":
        return k
    has_number = False
    for j in range(k + 1, min(len(toks), k + 1 + CONVERSION_TOKENS)):
        t = toks[j]
        if t.text == ")":
            return j + 1 if has_number else k
        if t.text in _SENTENCE_STOP or t.text == "(":
            return k
        has_number = has_number or t.kind == "num"
    return k


def _model_code_at(toks: Sequence[Token], k: int, digits: bool = False) -> bool:
    """Whether a model code ("F-16", "T-72", "Su-25": a word, a dash, digits, written together; with
    ``digits``, digits before the dash: "737-800") starts at token ``k``."""
    return (k + 2 < len(toks) and toks[k].kind == ("num" if digits else "word") and toks[k + 1].text == "-"
            and toks[k + 2].kind == "num" and toks[k].attached_to(toks[k + 1]) and toks[k + 1].attached_to(toks[k + 2]))


def _noun_phrase(toks: Sequence[Token], j: int, c: Concepts) -> tuple[str, int, int] | None:
    hits: list[tuple[str, int, int]] = []
    gap = 0
    k = j
    while k < len(toks):
        t = toks[k]
        if t.kind == "num" and not hits and k > j and toks[k - 1].text == "-" and toks[k - 1].attached_to(t):
            k += 1  # "two Belgian F-16 combat jets": a model code inside the phrase
            continue
        if not hits and (_model_code_at(toks, k) or (k == j and _model_code_at(toks, k, digits=True))):
            k += 3  # "two A-10 jets", "10 737-800 planes": the code opens the phrase
            continue
        if t.kind == "num":
            break
        if t.kind == "punct":
            if t.text in _NP_SKIP:
                k += 1
                continue
            break
        if t.low in c.stop:
            if (k == j and t.low in c.modifiers and k + 1 < len(toks) and toks[k + 1].kind == "word"
                    and toks[k + 1].low not in c.stop):
                k += 1  # "three more civilians": a modifier that is also a stop word ("more than")
                continue
            break
        if hits and _marked(t, c.verb_endings):
            break  # "10 мирных жителей погибли": a verb after the noun, though its stem names a concept
        m = c.match(toks, k)
        if m is not None:
            hits.append((m[0], k, m[1]))
            k = m[1]
            continue
        if hits:
            break
        gap += 1
        if gap > c.max_gap:
            break
        k += 1
    if not hits:
        return None
    nouns = [h for h in hits if (toks[h[1]].low if h[2] == h[1] + 1 else " ".join(t.low for t in toks[h[1] : h[2]]))
             not in c.classifiers] or hits if c.classifiers else hits
    if c.adjective_endings:
        # adjectives marked as such stand before the head, nouns in the genitive after it: "двух раненых
        # солдат", "85 работников станции"
        head = next((h for h in nouns if h[2] > h[1] + 1 or not _marked(toks[h[1]], c.adjective_endings)), nouns[-1])
    else:
        head = nouns[0] if c.head_first else nouns[-1]
    return head[0], hits[0][1], hits[-1][2]


def _surface(toks: Sequence[Token], j: int, c: Concepts, r: Rules, plural: bool,
             count: bool = False) -> tuple[int, int] | None:
    """Up to ``surface_words`` words from ``j`` (hyphenated words count as one), ending at a stop
    word or punctuation; in a head-last language with plural endings, at the first word whose
    number agrees with the count, past a coordination of modifiers when ``count`` ("460 Kia and
    Hyundai vehicles")."""
    if c.surface_words <= 0:
        return None
    agree = bool(c.plural_endings) and not c.head_first
    k = j
    words = 0
    first_end = end = None
    while k < len(toks) and words < c.surface_words:
        t = toks[k]
        if (t.kind == "num" and t.text.isdigit() and len(t.text) <= 4 and k + 1 < len(toks)
                and toks[k + 1].kind == "word" and (toks[k - 1].text[:1].isupper() or toks[k + 1].text[:1].isupper())):
            k += 1  # a name with digits: "Model 3 sedans", "new 737 Max jets"
            continue
        if _model_code_at(toks, k):
            k += 3  # a model code: "two F-16 jets", "12 T-72 tanks" count the jets and tanks, not "F"
            continue
        if (t.text in "'’" and k > j and toks[k - 1].attached_to(t) and k + 1 < len(toks) and toks[k + 1].low == "s"
                and t.attached_to(toks[k + 1])):
            k += 2  # "Johnson's deputies": a possessive leads to the head
            continue
        modifier = (t.low in c.modifiers and k + 1 < len(toks) and toks[k + 1].kind == "word"
                    and toks[k + 1].low not in c.stop)
        if t.kind != "word" or (t.low in c.stop and not modifier) or t.low in r.starts or t.low in r.months:
            break
        if _marked(t, c.verb_endings):
            break  # "пять получили ранения": a verb is no counted noun
        if _adjective_of_noun(toks, k, c):
            k += 1  # "двух высокопоставленных сановников": the phrase runs on to its noun
            continue
        if (k == j and t.low in c.classifiers and k + 1 < len(toks) and toks[k + 1].kind == "word"
                and toks[k + 1].text[:1].islower() and toks[k + 1].low not in c.stop):
            j = k = k + 1  # "delapan buah mikrofon": the classifier gives way to the noun after it
            continue
        last = k
        while (last + 2 < len(toks) and toks[last + 1].text == "-" and toks[last].attached_to(toks[last + 1])
               and toks[last + 1].attached_to(toks[last + 2]) and toks[last + 2].kind == "word"):
            last += 2
        words += 1
        single = last == k
        k = end = last + 1
        nxt = toks[k] if k < len(toks) else None
        adjunct = (t.text[:1].isupper() and nxt is not None and nxt.kind == "word" and nxt.text[:1].islower()
                   and nxt.low not in c.stop)
        if single and (t.low in c.modifiers or adjunct):
            continue  # "four different bosses", "the US population": a modifier is not the head
        first_end = first_end or end
        if agree and _plural_word(toks[last], c) == plural:
            return j, end
    if (agree and count and plural and end is not None and end < len(toks) and toks[end].low in c.conjunctions
            and not any(_plural_word(t, c) for t in toks[j:end])):
        # "460 Kia and Hyundai vehicles", "2.7m combined digital and physical sales": coordinated modifiers
        # (none of them plural) before the head that agrees with the count
        k, words = end + 1, 0
        while (k < len(toks) and words < c.surface_words and toks[k].kind == "word" and toks[k].low not in c.stop
               and toks[k].low not in r.starts):
            if _plural_word(toks[k], c):
                return j, k + 1
            k, words = k + 1, words + 1
    if agree:
        end = first_end
    if end is None:
        return None
    return j, end


def _noun_modifier(toks: Sequence[Token], d: _Draft, found: tuple[str, int, int], c: Concepts) -> bool:
    """A lexicon noun in its singular form (the concept as written) before a plural word, after a
    count above one, modifies that word in a head-last language: "50 new pilot areas", "9 ambulance
    drivers", "two award ceremonies"; not "67 children perhaps", "1,313 people suggests"."""
    concept, _, end = found
    if c.head_first or not c.plural_endings or d.value is None or d.value <= 1 or d.first >= end:
        return False
    if toks[end - 1].low != concept:
        return False
    if end >= len(toks) or end < 1:
        return False
    nxt, last = toks[end], toks[end - 1]
    return (nxt.kind == "word" and nxt.text.islower() and last.start >= toks[d.after - 1].end
            and nxt.low not in c.stop and _plural_word(nxt, c) and not _plural_word(last, c))


#: how many marked adjectives may stand before a noun ("двух крупных российских банков")
ADJECTIVES_BEFORE_NOUN = 3


def _adjective_of_noun(toks: Sequence[Token], k: int, c: Concepts) -> bool:
    """Whether the word at ``k`` has an adjective ending (``adjective_endings``) and a noun follows it,
    past up to ``ADJECTIVES_BEFORE_NOUN`` such adjectives in all: a lower-case word that is no stop
    word, no adjective and no verb (``verb_endings``: "трое полицейских окружили" counts the police
    officers), or a word the lexicon knows."""
    if not c.adjective_endings:
        return False
    for n in range(k, min(len(toks) - 1, k + ADJECTIVES_BEFORE_NOUN)):
        if not _marked(toks[n], c.adjective_endings):
            return False
        nxt = toks[n + 1]
        if nxt.kind != "word" or not nxt.text[:1].islower() or nxt.low in c.stop:
            return False
        if c.match(toks, n + 1) is not None:
            return True
        if not _marked(nxt, c.adjective_endings):
            return not _marked(nxt, c.verb_endings)
        after = toks[n + 2] if n + 2 < len(toks) else None
        if after is None or after.kind != "word" or not after.text[:1].islower() or after.low in c.stop:
            return True  # "одного случайного прохожего,": the last adjective is the noun itself
    return False


def _marked(tok: Token, endings: tuple[str, ...]) -> bool:
    """Whether the word ends in one of ``endings`` with at least three letters before it."""
    return tok.kind == "word" and _ends_in(tok.low, endings)


def _ends_in(low: str, endings: tuple[str, ...]) -> bool:
    return any(low.endswith(e) and len(low) > len(e) + 2 for e in endings)


def _plural_word(tok: Token, c: Concepts) -> bool:
    return any(tok.low.endswith(e) and len(tok.low) > len(e) + 2 for e in c.plural_endings)


def _subject(toks: Sequence[Token], first: int, c: Concepts, r: Rules) -> tuple[int, int] | None:
    """"Nvidia advanced 8%", "The S&P 500 is up about 15 percent", "Tesla shares were up nearly
    57%": the nearest change verb up to ``holder_reach`` tokens before the percentage, in its
    sentence; then, past auxiliaries (``holder_skip``), the name or noun phrase before it, digits
    and "&" inside a name kept ("S&P 500")."""
    if c.surface_words <= 0:
        return None
    link = c.holder_links.backward(toks, first)
    if link is not None:  # "an interest rate of 1.38pc", "a dividend yield of 4.1 per cent"
        held = _phrase_back(toks, link[1], c)
        if held is not None:
            return held
    verb = None
    for k in range(first, max(0, first - c.holder_reach - 1), -1):
        if k < first and toks[k].text in _SENTENCE_STOP:
            break
        if k < first and toks[k].kind == "num" and not any(t.low in c.restate for t in toks[k + 1 : first + 1]):
            break  # the verb of another number ("up 0.2% and the sp 500 is poised to drop 0.2%"), unless
            # the percentage restates it ("lost 190 points, or 0.6%")
        verb = c.change_verbs.backward(toks, k)
        if verb is not None:
            break
    if verb is None:
        return _name_before(toks, first, c)
    end = verb[1]
    while end > 0 and end > verb[1] - 6 and (
            (toks[end - 1].kind == "word" and toks[end - 1].low in c.holder_skip)
            or (toks[end - 1].text == "," and end < verb[1] and toks[end].low in c.holder_skip)):
        end -= 1  # "bank stocks, which were up 2.8%"
    if end > 1 and toks[end - 1].text == ")":
        for k in range(end - 2, max(-1, end - 10), -1):
            if toks[k].text == "(":
                end = k  # "Nvidia (NVDA.O) rose 3%": a ticker in brackets sits between the name and its verb
                break
            if toks[k].text == ")":
                break
    return _phrase_back(toks, end, c)


def _phrase_back(toks: Sequence[Token], end: int, c: Concepts) -> tuple[int, int] | None:
    """The noun phrase or name that ends at ``end``: up to ``surface_words`` + 1 words back to a stop
    word or punctuation, digits, "&" and "-" inside a name kept ("S&P 500", "TA-125", "e-minis").
    A time phrase just before the end is passed over ("China's economy in 2022 grew"), and so is an
    appositive between commas ("Healthcare, 2018's best performing sector, dropped")."""
    while end >= 2 and toks[end - 1].kind == "num" and toks[end - 2].low in c.stop:
        end -= 2
    found = _words_back(toks, end, c)
    if found is None and end > 0 and toks[end - 1].text == ",":
        for k in range(end - 2, max(0, end - 10), -1):
            if toks[k].text in _SENTENCE_STOP:
                break
            if toks[k].text == ",":
                return _words_back(toks, k, c)
    return found


def _words_back(toks: Sequence[Token], end: int, c: Concepts) -> tuple[int, int] | None:
    k = end
    words = 0
    while k > 0 and words < c.surface_words + 1:
        t = toks[k - 1]
        if t.kind == "word" and t.low not in c.stop:
            words += 1
        elif not (t.kind == "num" or (t.text in "&'’-" and k - 2 >= 0 and toks[k - 2].attached_to(t)
                                       and t.attached_to(toks[k]))):
            break
        k -= 1
    while k < end and (toks[k].kind != "word" or (k > 0 and toks[k].low == "s" and toks[k - 1].text in "'’"
                                                   and toks[k - 1].attached_to(toks[k]))):
        k += 1  # no phrase opens with punctuation or the "s" of a possessive cut off ("'s benchmark")
    return (k, end) if k < end else None


def _name_before(toks: Sequence[Token], first: int, c: Concepts) -> tuple[int, int] | None:
    """"Dow +0.2% S&P 500 +0.3%", "Burlington by 2.6%": a signed percentage (or one after "by") right
    after a capitalised name, up to three tokens with digits and "&" inside ("S&P 500")."""
    k = first
    signed = toks[k].text in "+-−" or (k > 0 and toks[k - 1].text in "+-−" and toks[k - 1].attached_to(toks[k]))
    if toks[k].text not in "+-−" and k > 0 and toks[k - 1].text in "+-−":
        k -= 1
    if k > 0 and toks[k - 1].low in c.restate_by:
        k -= 1
        signed = True
    if not signed:
        return None
    end = k
    while k > 0 and end - k < 4:
        t = toks[k - 1]
        if t.kind == "word" and t.text[:1].isupper():
            k -= 1
        elif (t.kind == "num" and k == end) or (t.text == "&" and k - 1 > 0 and toks[k - 2].attached_to(t)):
            k -= 1  # "Stoxx 50 -1.3%", "S&P 500 +0.3%"
        else:
            break
    while k < end and toks[k].kind != "word":
        k += 1
    return (k, end) if k < end and toks[k].text[:1].isupper() else None


def _noun_before(toks: Sequence[Token], first: int, c: Concepts) -> tuple[str, int, int] | None:
    k = first - 1
    seen = 0
    while k >= 0 and seen < c.look_back:
        t = toks[k]
        if t.kind == "num" or (t.kind == "punct" and t.text not in _NP_SKIP):
            return None
        if t.kind == "word":
            seen += 1
            m = c.match(toks, k)
            if m is not None and m[1] <= first:
                return m[0], k, m[1]
        k -= 1
    return None


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’»)]*\s")


def _of_a_base(text: str, toks: Sequence[Token], figures: list[Figure], r: Rules) -> list[Figure]:
    """A percentage with nothing of its own is a share of the base a count after a link word names
    earlier in its sentence ("dari 30.336 pengguna Twitter ..., memilih Jokowi sebanyak 55 persen",
    "Of the 1,200 people surveyed, 45% said", "из 1500 опрошенных 40% ..."), and so is the percentage
    right after such a one, in its sentence or the next ("Sisanya, 45 persen, memilih Prabowo")."""
    if not any(f.unit == "percent" and f.concept is None and f.counted is None for f in figures):
        return figures  # (most lines: no token index built)
    out = list(figures)
    base: str | None = None
    shared = False  # the figure before took the base
    at = {t.start: k for k, t in enumerate(toks)}
    for n, f in enumerate(out):
        prev_end = out[n - 1].span.end if n else 0
        if base is not None and not shared and _SENTENCE_BREAK.search(text, prev_end, f.span.start):
            base = None
        shared = False
        k = at.get(f.span.start)
        if (f.unit == "count" and f.concept is not None and f.low is None and k is not None
                and r.concepts.links.backward(toks, k) is not None):
            base = f.concept
        elif f.unit == "percent" and f.concept is None and f.counted is None and base is not None:
            out[n] = replace(f, concept=base)
            shared = True
        elif base is not None and _SENTENCE_BREAK.search(text, prev_end, f.span.start):
            base = None
    return out


#: a duration followed by the next smaller one is one duration: how many of the smaller make the larger
_COMPOUND = {("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60,
             ("minute", "second"): 60}


def _compound(text: str, figures: list[Figure], r: Rules) -> list[Figure]:
    """A duration and the next smaller one right after it, bare or joined by a conjunction, are one
    duration in the smaller unit: "3 tahun 6 bulan" (42 months), "1 menit 28,834 detik" (88.834
    seconds), "2 hours and 5 minutes" (125 minutes)."""
    out: list[Figure] = []
    for f in figures:
        a = out[-1] if out else None
        factor = _COMPOUND.get((a.unit, f.unit)) if a is not None else None
        if (a is None or factor is None or a.value is None or f.value is None or a.low is not None
                or f.low is not None or f.qualifier != "exact" or not 0 <= f.value < factor):
            out.append(f)
            continue
        between = text[a.span.end : f.span.start].strip().casefold()
        if between and between not in r.concepts.conjunctions:
            out.append(f)
            continue
        out[-1] = replace(a, span=Span(a.span.start, f.span.end), value=a.value * factor + f.value, unit=f.unit,
                          counted=None, counted_span=None)
    return out


def _share(text: str, figures: list[Figure], r: Rules) -> list[Figure]:
    """Figures joined by a conjunction share a unit or noun ("27 и 34 лет", "40 дисков и три"); a bare
    number joined by a range link takes the unit of the next ("from 4.8 to 4.7 percent", a change
    that is no range because it falls)."""
    out = list(figures)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        a_end = max(a.counted_span.end, a.span.end) if a.counted_span is not None else a.span.end
        between = text[a_end : b.span.start].strip().casefold()
        verb, _, conj = between.partition(" ")
        if conj in r.concepts.conjunctions and _ends_in(verb, r.concepts.verb_endings):
            between = conj  # "три человека погибли и пять получили ранения": the verb of the first count
        if between not in r.concepts.conjunctions:
            if a.counted is not None:
                continue
            link_toks = tokenize(between)
            linked = r.range_links.forward(link_toks, 0) if link_toks else None
            if linked is None or linked[1] != len(link_toks) or a.counted is not None:
                continue
        if a.unit == "count" and a.concept is None and a.low is None and b.unit != "count":
            out[n] = replace(a, unit=b.unit)
        elif (a.unit == "count" and b.unit == "count" and b.concept is None and a.concept is not None
              and (b.counted is None or _ends_in(b.counted.casefold(), r.concepts.verb_endings))):
            # "40 дисков и три", "три человека погибли и пять получили ранения"; not "14 poin dan 12 rebound"
            out[n + 1] = replace(b, concept=a.concept)
    return out


#: how many figures, and how many characters, a bare number looks at for its elided noun (bounded,
#: so a line of thousands of bare numbers stays linear)
ELIDED_REACH = 4
ELIDED_CHARS = 200
_STOP_AT_SPACE = re.compile(r"[.!?;][\"'”’»)\]]*(?:\s|$)")
#: units a bare number does not take from a sibling: a share, a duration, a multiplier or an age
_NOT_ELIDED = frozenset({"percent", "percentage point", "times", "ratio"}) | DURATIONS


def _bare(f: Figure, text: str) -> bool:
    return (f.unit == "count" and f.concept is None and f.counted is None and f.low is None
            and f.value is not None and f.note is None and (_in_digits(f, text) or _in_words(f, text)))


def _in_digits(f: Figure, text: str) -> bool:
    return text[f.span.start : f.span.start + 1].isdigit()


def _in_words(f: Figure, text: str) -> bool:
    """A number written in words alone, with no hedge ("один", "dua"; not "at most 100")."""
    return f.qualifier == "exact" and not any(ch.isdigit() for ch in text[f.span.start : f.span.end])


def _after_bracket(text: str, start: int) -> bool:
    """Whether an opening bracket is the last thing before ``start`` (spaces aside)."""
    k = start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] in "(["


def _elided(text: str, figures: list[Figure]) -> list[Figure]:
    """A number in digits with nothing counted after it takes the noun or unit of the nearest
    number of the same sentence written alike (both whole or both with decimals, within a factor of
    1000), the earlier one first: "68400 people ... and 95800 who", "84.75 cents, while the lowest
    is 74.07", "lost 162.31 points, or 2.14%, to fall to 7,425.81". A number word alone takes what an
    earlier count in words counts ("трое ..., двое — в США и один — в Канаде")."""
    out = list(figures)
    for n, b in enumerate(figures):
        if not _bare(b, text) or b.value is None or b.value == 0:
            continue
        order = [*range(n - 1, max(-1, n - 1 - ELIDED_REACH), -1),
                 *range(n + 1, min(len(figures), n + 1 + ELIDED_REACH))]
        for m in order:
            a = figures[m]
            lo, hi = (_end_of(a), b.span.start) if m < n else (_end_of(b), a.span.start)
            if hi - lo > ELIDED_CHARS or _STOP_AT_SPACE.search(text, lo, hi) is not None:
                continue
            if (a.value is None or a.value == 0 or a.unit in _NOT_ELIDED
                    or (a.unit == "count" and a.counted is None and (a.concept is None or _in_digits(b, text)))):
                continue
            if not _in_digits(b, text) and not (m < n and a.unit == "count" and _in_words(a, text)):
                continue  # a number word takes only an earlier count in words: "двое — в США и один — в Канаде"
            if _after_bracket(text, a.span.start):
                continue  # "1.356 billion ($1.7 billion)": a conversion in brackets is another currency
            if a.value.is_integer() != b.value.is_integer() or not 1e-3 <= abs(b.value / a.value) <= 1e3:
                continue
            if a.unit == "count":
                out[n] = replace(b, concept=a.concept, counted=a.counted, counted_span=a.counted_span)
            else:
                out[n] = replace(b, unit=a.unit)
            break
    return out


def _end_of(f: Figure) -> int:
    return max(f.span.end, f.counted_span.end) if f.counted_span is not None else f.span.end


_LOWER_BOUNDS = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS = frozenset({"less_than", "at_most"})


def _bounds(text: str, figures: list[Figure], r: Rules) -> list[Figure]:
    """"more than 10 and less than 20", "at most 100 and at least 20": a lower and an upper bound of
    the same unit joined by a ``bound_joiners`` word are one range, low below high."""
    if not r.bound_joiners or len(figures) < 2:
        return figures
    out: list[Figure] = []
    n = 0
    while n < len(figures):
        a = figures[n]
        b = figures[n + 1] if n + 1 < len(figures) else None
        if (b is not None and a.low is None and b.low is None and a.value is not None and b.value is not None
                and {a.qualifier, b.qualifier} in ({"more_than", "less_than"}, {"more_than", "at_most"},
                                                   {"at_least", "less_than"}, {"at_least", "at_most"})
                and (a.unit == b.unit or b.unit == "count")
                and tuple(t.low for t in tokenize(text, _end_of(a), b.span.start)) in r.bound_joiners):
            low, high = (a.value, b.value) if a.qualifier in _LOWER_BOUNDS else (b.value, a.value)
            if low < high:
                out.append(replace(a, span=Span(a.span.start, b.span.end), value=None, low=low, high=high,
                                   qualifier="exact", unit=a.unit, concept=a.concept or b.concept,
                                   counted=a.counted or b.counted, counted_span=a.counted_span or b.counted_span))
                n += 2
                continue
        out.append(a)
        n += 1
    return out


def _to_figure(text: str, toks: Sequence[Token], d: _Draft) -> Figure:
    span = Span(toks[d.first].start, toks[d.after - 1].end)
    counted = counted_span = None
    if d.counted is not None:
        start, end = toks[d.counted[0]].start, toks[d.counted[1] - 1].end
        counted_span, counted = Span(start, end), text[start:end]
    return Figure(span=span, value=d.value, qualifier=d.qualifier, unit=d.unit, low=d.low, high=d.high,
                  concept=d.concept, counted=counted, counted_span=counted_span, note=d.note)


@stage("figures", requires={"language", "body"}, provides={"figures"})
def figures_stage(a: Analysis) -> dict[str, Any]:
    return {"figures": tuple(find(a.article.text, rules_for(a.language), a.body))}
