"""Speakers: who a quote is attributed to.

A speaker phrase ("Juru bicara Kementerian Pertahanan Rusia Mayjen Igor Konashenkov",
"kata dia", "the UNICEF director") is read into a :class:`Speaker` with the person's or
organisation's name as written and the title in front of it folded into ``role``.
Pronouns, enclitics ("tambahnya") and described mentions ("jenderal bintang dua itu")
are resolved to the last fitting named speaker; a surname alone is linked to the full
name used earlier. All words come from the language pack's ``speakers.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from claimtrail.lang import with_fallback
from claimtrail.lang.sections.dates import Section as DateWords
from claimtrail.lang.sections.speakers import Section as SpeakerWords
from claimtrail.model import Entity, Span, Speaker
from claimtrail.outlets import load_outlets

#: the most words a speaker phrase is read over
MAX_WORDS = 14
_WORD_CHAR = r"[^\s,;:()\[\]\"“”«»„]"
_TOKEN = re.compile(rf"{_WORD_CHAR}+|[,;:()]")
_EDGE = "\"'“”‘’«»„.!?…"
_WORD_CHAR_RE = re.compile(_WORD_CHAR)
#: what stands between two tokens with no punctuation token between them
_WORD_GAP = r"[\s\[\]\"“”«»„]++"
#: the dots at the end of a word, one word a line
_TRAILING_DOTS = re.compile(r"\.+(?=\n)")
#: a word character that is no quotation mark and no dot
_NOT_EDGE = r"[^\s,;:()\[\]\"“”«»„'‘’.!?…]"
_POSSESSIVE = ("'s", "’s")


class Token:
    """A word or punctuation mark of a text with its offsets; ``key`` is the folded form
    words are compared by ("Mayjen." -> "mayjen"). A plain slotted class: texts are
    tokenised whole for the name index, and a dataclass costs twice as much to build."""

    __slots__ = ("end", "key", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.key = text.casefold().strip(".")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True)
class Lexicon:
    pronouns: frozenset[str]
    group_pronouns: frozenset[str]  # pronouns that may stand for an organisation ("it", "they")
    indefinites: frozenset[str]
    naming: tuple[tuple[str, ...], ...]  # each naming phrase as its words ("known", "as")
    enclitic: re.Pattern[str] | None
    demonstratives: frozenset[str]
    titles: frozenset[str]  # single words and first words of multi-word titles
    ranks: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    particle_prefixes: tuple[str, ...]  # "al-": "al-Assad" goes on a name
    not_names: frozenset[str]
    org_words: frozenset[str]
    stop_words: frozenset[str]
    leading: frozenset[str]
    between: frozenset[str]
    source_nouns: re.Pattern[str] | None
    inflected_names: bool  # names change their ending ("Вэнсом" for "Вэнс")
    documents: frozenset[str] = frozenset()  # "the statement said": its issuer, named before
    #: words that are never a name word: titles, ranks, honorifics, not_names,
    #: demonstratives and pronouns
    never_names: frozenset[str] = frozenset()
    #: words that end a speaker phrase or stand around it: stop_words, leading, between
    function_words: frozenset[str] = frozenset()
    #: capitalised words already judged by :func:`_index_word`, by their text
    index_words: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: a stretch of words that may hold a name: a capitalised word, then more capitalised
    #: words or name particles ("Abu Bakar al Baghdadi"); built from ``particles``
    name_stretch: re.Pattern[str] | None = None
    #: the first words of ``naming``: a word that is none opens no naming phrase
    naming_first: frozenset[str] = frozenset()
    #: words between a person's name and the body they belong to ("of", "dari")
    affiliation_words: frozenset[str] = frozenset()
    #: words that join a title to its field before a name ("of" in "Secretary of State John Kerry")
    title_links: frozenset[str] = frozenset()
    #: the titles and their plurals (``title_plural_endings``): a word that ends a description
    title_forms: frozenset[str] = frozenset()
    described_titles: bool = False
    #: a title's field comes after it ("Menteri Perhubungan Budi", "президент Болгарии Бойко
    #: Борисов"), not before it as in English ("director Rami Abdel Rahman" is all name)
    field_after_title: bool = False
    expletives: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()
    #: month and weekday names and year words of the dates section: a date that opens or ends a
    #: speaker phrase ("13 апреля 2016 года ВАДА признала") is no part of the speaker
    date_words: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()  # "года", "tahun": inside such a date, no date alone


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(w.casefold().strip(".") for item in items for w in [item])


def _first_words(items: list[str]) -> frozenset[str]:
    return frozenset(w for item in items for w in item.casefold().split())


@lru_cache(maxsize=16)
def lexicon_for(language: str | None) -> Lexicon:
    sections = [p.section("speakers", SpeakerWords) for p in with_fallback(language)]

    def allof(attr: str) -> list[str]:
        return [w for s in sections for w in getattr(s, attr)]

    enclitic = next((s.enclitic for s in sections if s.enclitic), None)
    nouns = allof("source_nouns")
    lex = Lexicon(
        pronouns=_words(allof("pronouns")),
        group_pronouns=_words(allof("group_pronouns")),
        indefinites=_words(allof("indefinites")),
        naming=tuple(sorted({tuple(w.casefold().split()) for w in allof("naming")}, key=len, reverse=True)),
        enclitic=re.compile(rf"(?:{enclitic})$", re.I) if enclitic else None,
        demonstratives=_words(allof("demonstratives")),
        titles=_first_words(allof("titles")),
        ranks=_first_words(allof("ranks")),
        honorifics=_words(allof("honorifics")),
        particles=_words(allof("name_particles")),
        particle_prefixes=tuple(sorted({w.casefold() for w in allof("particle_prefixes")})),
        not_names=_words(allof("not_names")),
        org_words=_words(allof("org_words")),
        stop_words=_words(allof("stop_words")),
        leading=_first_words(allof("leading")),
        between=_first_words(allof("between")),
        inflected_names=any(s.inflected_names for s in sections),
        described_titles=any(s.described_titles for s in sections),
        field_after_title=any(s.field_after_title for s in sections),
        expletives=_words(allof("expletives")) | _words(allof("laws")),
        adjective_endings=tuple(allof("adjective_endings")),
        documents=_words(allof("documents")),
        source_nouns=re.compile(r"(?:" + "|".join(f"(?:{n})" for n in nouns) + r")\s+", re.I) if nouns else None,
        name_stretch=_name_stretch(_words(allof("name_particles"))),
        affiliation_words=_words(allof("affiliation_words")),
        title_links=_words(allof("title_links")),
    )
    dates = [p.section("dates", DateWords) for p in with_fallback(language)]
    date_words = frozenset(w.casefold() for d in dates for w in [*d.months, *d.weekdays])
    year_words = frozenset(w.casefold() for d in dates for w, unit in d.units.items() if unit == "year")
    return replace(lex, date_words=date_words, year_words=year_words,
                   title_forms=lex.titles | {w + e for w in lex.titles for e in allof("title_plural_endings")},
                   never_names=lex.titles | lex.ranks | lex.honorifics | lex.not_names | lex.demonstratives
                   | lex.pronouns, function_words=lex.stop_words | lex.leading | lex.between,
                   naming_first=frozenset(p[0] for p in lex.naming if p))


#: any character past the Basic Multilingual Plane
_ASTRAL = r"\U00010000-\U0010ffff"


@lru_cache(maxsize=1)
def _case_classes() -> tuple[str, str]:
    """Regex classes of the characters of the Basic Multilingual Plane that are upper case
    and lower case by ``str.isupper`` and ``str.islower``, each with every character past
    it: a class with many ranges there is tried range by range, ten times slower, so
    those characters are checked again by whoever uses them."""

    def char_class(test: Callable[[str], bool]) -> str:
        ranges: list[list[int]] = []
        for cp in range(0x10000):
            if test(chr(cp)):
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1][1] = cp
                else:
                    ranges.append([cp, cp])
        return "[" + "".join(rf"\U{a:08x}-\U{b:08x}" for a, b in ranges) + _ASTRAL + "]"

    return char_class(str.isupper), char_class(str.islower)


@lru_cache(maxsize=16)
def _name_stretch(particles: frozenset[str]) -> re.Pattern[str]:
    """A capitalised word, then more words, each capitalised or a name particle, with
    only spaces or quotation marks between them: the stretches of a text that may hold a
    run of name words, read word by word by :func:`_name_index`. Group ``more`` is None
    for a word alone. A match starts at the capital letter, past the quotation marks and
    dots before it (the class of capitals comes first, so that the search skips to them);
    its word may start further back ("d'Alembert"). A particle is matched ignoring case as
    ``re`` does, letter by letter: a particle with a letter that folds to two ("ß") would
    need its folded spellings listed too."""
    upper, _ = _case_classes()
    edge = "".join(re.escape(c) for c in _EDGE if re.fullmatch(_WORD_CHAR, c))
    capitalised = rf"[{edge}]*{upper}{_WORD_CHAR}*+"
    alternatives = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    particle = rf"\.*(?i:{alternatives})[.!?]*+(?!{_WORD_CHAR})" if particles else None
    word = f"(?:{capitalised}|{particle})" if particle else capitalised
    return re.compile(rf"{upper}(?<!{_NOT_EDGE}.){_WORD_CHAR}*+(?P<more>{_WORD_GAP}{word})*")


@lru_cache(maxsize=1)
def _lower_start() -> re.Pattern[str]:
    """Words that start with a lower-case letter, or with any letter past the Basic
    Multilingual Plane (the class comes first, for the search to skip to it)."""
    return re.compile(rf"{_case_classes()[1]}(?<!{_WORD_CHAR}.){_WORD_CHAR}*")


def lower_keys(text: str) -> frozenset[str]:
    """The folded forms (:attr:`Token.key`) of the words of ``text`` that start with a
    lower-case letter: each distinct word folded once, all of them in one string."""
    words = set(_lower_start().findall(text))
    if words and max(words) >= "\U00010000":  # a word that starts past the BMP: its letter checked
        words = {w for w in words if w[0].islower()}
    keys = set(_TRAILING_DOTS.sub("", "\n".join(words).casefold() + "\n").split("\n"))
    keys.discard("")
    return frozenset(keys)


#: the most keys :class:`LowerWords` answers one by one, and the most places it looks at for one,
#: before it folds every word of the text once (its cost then stays linear in the text)
LOWER_LOOKUPS = 64
LOWER_PLACES = 64


class LowerWords:
    """``key in lower_keys(text)``, answered key by key. The text is folded once; a key is in
    when, at one of the places it is written in the folded text, a word starts in lower case
    and holds the key and nothing after it but dots. A text asks about a few dozen keys, each
    written a few times: cheaper than folding every word. Where folding changes the text's
    length (positions no longer shared), or past :data:`LOWER_LOOKUPS` keys or
    :data:`LOWER_PLACES` places of one key, :func:`lower_keys` answers."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text.casefold()
        self._folded = folded if len(folded) == len(text) else None
        self._all: frozenset[str] | None = None
        self._known: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        known = self._known.get(key)
        if known is not None:
            return known
        if self._all is None and self._folded is not None and len(self._known) < LOWER_LOOKUPS:
            found = self._written_lower(key, self._folded)
            if found is not None:
                self._known[key] = found
                return found
        if self._all is None:
            self._all = lower_keys(self.text)
        return key in self._all

    def _written_lower(self, key: str, folded: str) -> bool | None:
        """Whether a word of the text that starts in lower case folds to ``key`` (its trailing
        dots aside); None when the key is written in too many places to look at each."""
        if not key or key.endswith("."):
            return False  # lower_keys holds no empty key and none with a trailing dot
        text, size = self.text, len(self.text)
        at, places = folded.find(key), 0
        while at >= 0:
            places += 1
            if places > LOWER_PLACES:
                return None
            if text[at].islower() and (at == 0 or not _WORD_CHAR_RE.match(text, at - 1)):
                stop = at + len(key)
                while stop < size and folded[stop] == ".":
                    stop += 1
                if stop == size or not _WORD_CHAR_RE.match(text, stop):
                    return True  # the whole word, from its first letter
            at = folded.find(key, at + 1)
        return False


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def iter_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    """The :func:`tokens` one by one, for readers that stop early."""
    for m in _TOKEN.finditer(text, start, end):
        yield Token(m.group(), m.start(), m.end())


def is_stop(tok: Token, lex: Lexicon, also: frozenset[str] = frozenset()) -> bool:
    """A word that ends a speaker phrase (a stop word, or one of ``also``); an acronym
    never does ("WHO" is not "who")."""
    return (tok.key in lex.stop_words or tok.key in also) and not _all_caps(tok)


def _capitalised(tok: Token) -> bool:
    first = tok.text.lstrip(_EDGE)[:1]
    return bool(first) and first.isupper()


def capitalised(tok: Token) -> bool:
    """Whether a word starts with a capital letter (quotation marks and dots aside)."""
    return _capitalised(tok)


def _all_caps(tok: Token) -> bool:
    return _all_caps_word(tok.text)


@lru_cache(maxsize=1 << 14)
def _all_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Mention:
    """A speaker phrase as read, before resolution."""

    text: str  # the phrase as written
    span: Span | None
    name: str | None = None  # the name inside it
    name_span: Span | None = None
    role: str | None = None
    refers_back: bool = False  # a pronoun, enclitic or described mention
    head: str | None = None  # "the ministry", "kementerian itu": the organisation word it refers back by


def read_phrase(text: str, toks: list[Token], lex: Lexicon, cue: str | None = None) -> Mention | None:
    """The speaker named by ``toks`` (already cut to the phrase)."""
    toks = _trim(toks, lex)
    if not toks or toks[0].key in lex.expletives:
        return None  # ("undang-undang baru", "закону": a law names no one who speaks)
    span = Span(toks[0].start, toks[-1].end)
    phrase = span.of(text)
    if len(toks) <= 4 and load_outlets().lookup(phrase) is not None:
        return Mention(phrase, span, phrase, span)  # an outlet by its name ("РИА Новости", "The New York Times")
    if len(toks) == 1 and (toks[0].key in lex.pronouns or toks[0].key in lex.demonstratives):
        return Mention(phrase, span, refers_back=True)  # "he said"; "ungkap [pernyataan] tersebut"
    if len(toks) == 2 and ((toks[0].key in lex.demonstratives and toks[1].key in lex.documents)
                           or (toks[0].key in lex.documents and toks[1].key in lex.demonstratives)):
        return Mention(phrase, span, refers_back=True)  # "the statement said", "ungkap pernyataan tersebut"
    if lex.source_nouns is not None:
        m = lex.source_nouns.match(phrase + " ")
        if m and m.end() > len(phrase) and any(w.strip(",") in lex.documents for w in phrase.casefold().split()):
            # "говорится в пресс-релизе": a document with no issuer named speaks for whoever
            # issued it, as "the statement said" does
            return Mention(phrase, span, refers_back=True)
        if m and m.end() < len(phrase):
            rest = [t for t in toks if t.start >= span.start + m.end()]
            return read_phrase(text, rest, lex, cue)
    closed = span.end + 1 if text[span.end : span.end + 1] in ("»", '"', "”", "“") else span.end
    marked = _MARKED_NAME.search(text, span.start, closed)
    before = [t for t in toks if t.end <= (marked.start() if marked is not None else 0)]
    if marked is not None and marked.end() == closed and before and not any(_is_name_token(t, lex) for t in before):
        # 'секретарь президиума "Единой России"', 'Источник «Интерфакса»': a description whose body is
        # named in marks, not a person
        inner = Span(marked.start(1), marked.end(1))
        if load_outlets().lookup(inner.of(text)) is not None:
            return Mention(inner.of(text), inner, inner.of(text), inner)  # 'газета «Коммерсантъ»': the outlet
        whole = Span(span.start, closed)
        return Mention(whole.of(text), whole, whole.of(text), whole)
    appositive = _apposition(text, toks, lex)
    if appositive is not None:
        return appositive
    words = [t for t in toks if t.text not in ",;:()"]
    keys = [t.key for t in words]
    head = _definite_head(words, lex)
    if head is not None:
        # "the ministry", "kementerian itu", "министерство": the last speaker named by that word
        return Mention(phrase, span, head=head)
    naming = naming_at(words, lex)
    if naming is not None:
        # "a trader named Siti Aminah", "the group known as the Syrian Observatory": the
        # name after the naming words, the description before them its role
        desc, after = words[: naming[0]], words[naming[1] :]
        name_toks = _name_of(after, lex)
        if not name_toks:
            return Mention(phrase, span, phrase, span)
        nspan = Span(name_toks[0].start, name_toks[-1].end)
        determiners = lex.demonstratives | lex.indefinites
        role = desc + [t for t in after if (t.end <= nspan.start and t.key not in determiners) or t.start >= nspan.end]
        return Mention(phrase, span, nspan.of(text), nspan, _role_text(role, lex))
    if keys[0] in lex.indefinites or " ".join(keys[:2]) in lex.indefinites:
        return Mention(phrase, span, phrase, span)  # unnamed: as written ("a source", "salah satu warga")
    has_title = any(k in lex.titles for k in keys)
    if has_title and len(keys) > 1 and keys[-1] in lex.demonstratives and keys[0] in lex.titles:
        # "jenderal bintang dua itu", "manajer Manchester City ini": the speaker before
        return Mention(phrase, span, role=phrase, refers_back=True)
    if has_title and keys[-1] in lex.titles and (keys[0] in lex.demonstratives or not any(map(_capitalised, words))):
        # "the UNICEF director", "the organization's head", "прокурор": the last speaker
        # who held the title, else the title as written
        return Mention(phrase, span, role=phrase)
    if (len(words) > 1 and lex.adjective_endings and _capitalised(words[0])
            and words[0].key.endswith(lex.adjective_endings) and all(t.text.islower() for t in words[1:])):
        return Mention(phrase, span, phrase, span)  # "Местная полиция": a description
    if (len(words) > 1 and words[0].key.endswith(_POSSESSIVE) and all(t.text.islower() for t in words[1:])
            and not any(t.key in lex.title_forms for t in words[1:])):
        return Mention(phrase, span, phrase, span)  # "BT's competitors": whose, not who
    name_toks = _name_of(words, lex)
    if len(name_toks) == 1 and name_toks[0] is words[0] and len(words) > 2:
        # "Популярный британский певец Элтон Джон", "Nationwide economist Alex Bannister": one
        # capitalised word that opens the sentence, a description, then the name that ends
        # the phrase: that name is the speaker's (not past a stop word: "Johari kepada Berita
        # Harian" names whom he told; not an outlet)
        for i in range(2, len(words) - 1):
            if is_stop(words[i - 1], lex):
                break
            tail = _run(words, i, lex)
            if len(tail) >= 2 and tail[-1] is words[-1]:
                if load_outlets().lookup(" ".join(t.text for t in tail)) is None:
                    name_toks = tail
                break
    at = words.index(name_toks[0]) if len(name_toks) >= 3 and all(map(_capitalised, name_toks)) else 0
    if at >= 2 and _title_link(words[at - 2 : at], lex) and not any(len(t.text.rstrip(".")) == 1 for t in name_toks):
        # "Secretary of Defense Ashton Carter", "Head of Kolla Education Budi Utomo": the title's field first
        name_toks = _past_field(name_toks, lex)
    holder = _title_holder(text, words, name_toks, lex)
    if holder is not None:
        return Mention(holder.of(text), holder, holder.of(text), holder)
    if name_toks:
        nspan = Span(name_toks[0].start, name_toks[-1].end)
        role = [t for t in words if t.end <= nspan.start or t.start >= nspan.end]
        return Mention(phrase, span, nspan.of(text), nspan, _role_text(role, lex))
    if has_title and keys[0] not in lex.demonstratives and any(_capitalised(t) for t in words):
        return Mention(phrase, span, role=phrase)
    return Mention(phrase, span, phrase, span)


def _title_holder(text: str, words: list[Token], name_toks: list[Token], lex: Lexicon) -> Span | None:
    """Where names are inflected, one capitalised word right after a title with no other name
    word is whom or what the title holder serves, in the genitive ("адвокат Насира", "представитель
    Тегерана", "жена Кинчева"): the speaker is the unnamed holder, the title and that word as
    written (with lower-case words after it: "директор Большого московского цирка"), unless the
    word is a base form the text also writes with an ending ("президент Путин", "Путина")."""
    if not lex.inflected_names or len(name_toks) != 1:
        return None
    word = name_toks[0]
    i = next((n for n, t in enumerate(words) if t is word), -1)
    if i <= 0 or words[i - 1].key not in lex.titles or words[i - 1].end + 1 != word.start:
        return None
    if any(_capitalised(t) for t in words[i + 1 :]):
        return None
    bare = word.text.strip(_EDGE)
    if len(bare) < 3 or re.search(rf"(?<!\w){re.escape(bare)}\w{{1,3}}(?!\w)", text):
        return None
    return Span(words[i - 1].start, words[-1].end)


#: a name in quotation marks inside a speaker phrase (an organisation, a newspaper, a prison)
_MARKED_NAME = re.compile(r"[«\"“„]([^«»\"“”„]{2,60})[»\"”“]")


def naming_at(words: list[Token], lex: Lexicon) -> tuple[int, int] | None:
    """Where the last naming phrase in ``words`` starts and ends ("named", "known as")
    that names a description: a lower-case word before it, a name after it (past a
    determiner): "a group known as the White Helmets", not "Rudskoy called the downing"
    nor an alias after a name ("Fatah al-Sham Front, formerly known as Nusra Front")."""
    found: tuple[int, int] | None = None
    determiners = lex.demonstratives | lex.indefinites
    i = 1
    first = lex.naming_first
    while i < len(words) - 1:
        if words[i].key not in first:
            i += 1
            continue
        # the longest naming phrase at ``i`` ("formerly known as" before "known as")
        n = next((len(p) for p in lex.naming
                  if i + len(p) < len(words) and all(words[i + k].key == w for k, w in enumerate(p))), 0)
        if not n:
            i += 1
            continue
        j = i + n
        while j < len(words) - 1 and words[j].key in determiners:
            j += 1
        if words[i - 1].text[:1].islower() and _capitalised(words[j]):
            found = (i, i + n)
        i += n
    return found


def _role_text(words: list[Token], lex: Lexicon) -> str | None:
    """The words around a name that describe it, without a leading determiner ("The")."""
    determiners = lex.demonstratives | lex.indefinites
    while words and words[0].key in determiners:
        words = words[1:]
    return " ".join(t.text for t in words).strip(" ,") or None


def _definite_head(words: list[Token], lex: Lexicon) -> str | None:
    """The organisation word of a definite description ("the ministry", "kementerian itu",
    "министерство"): lower-case words around one organisation word, no name."""
    keys = [t.key for t in words]
    if any(_capitalised(t) and t.key not in lex.demonstratives and t.key not in lex.not_names for t in words[1:]):
        return None
    if len(keys) >= 2 and keys[0] in lex.demonstratives and is_org_word(keys[-1], lex):
        return keys[-1]  # "the ministry", "the Russian ministry"
    if len(keys) >= 2 and keys[-1] in lex.demonstratives and is_org_word(keys[0], lex):
        return keys[0]  # "kementerian itu"
    if len(keys) == 1 and is_org_word(keys[0], lex) and not _all_caps(words[0]):
        return keys[0]  # "министерство"
    return None


def _apposition(text: str, toks: list[Token], lex: Lexicon) -> Mention | None:
    """"Juru bicara kementerian, Mayjen Igor Konashenkov" and "Seorang warga Jatiasih,
    Rahmat": a description, a comma, then the name; the description folds into the role."""
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    if len(commas) != 1 or commas[0] == 0 or commas[0] == len(toks) - 1:
        return None
    desc, named = toks[: commas[0]], toks[commas[0] + 1 :]
    first = desc[0].key
    if named[0].key in lex.indefinites or named[0].key in lex.demonstratives or (
            named[0].key in lex.titles and not _capitalised(named[0])):
        # "Maria Lopez, a nurse at the clinic": the name, then its description
        desc, named = named, desc
        if not all(_is_name_token(t, lex) or t.key in lex.particles for t in named):
            return None
    elif first not in lex.titles and first not in lex.indefinites:
        return None
    lead = named[0]
    if not (_is_name_token(lead, lex) or lead.key in lex.ranks or lead.key in lex.honorifics or lead.key in lex.titles):
        return None
    inner = read_phrase(text, named, lex)
    if inner is None or inner.name is None or inner.name_span is None or inner.refers_back:
        return None
    if _org_head([t for t in named if inner.name_span.start <= t.start < inner.name_span.end], lex):
        return None
    role = " ".join(filter(None, [_role_text(desc, lex), inner.role]))
    span = Span(toks[0].start, toks[-1].end)
    return Mention(span.of(text), span, inner.name, inner.name_span, role or None)


def _trim(toks: list[Token], lex: Lexicon) -> list[Token]:
    """``toks`` without the linking words, punctuation and dates around the speaker phrase."""
    i = _past_leading(toks, _past_date(toks, _past_leading(toks, 0, lex), 1, lex), lex)
    toks = toks[i:]
    j = _before_between(toks, len(toks), lex)
    return toks[: _before_between(toks, _past_date(toks, j - 1, -1, lex) + 1, lex)]


def _past_leading(toks: list[Token], i: int, lex: Lexicon) -> int:
    while i < len(toks) and (toks[i].key in lex.leading or toks[i].text in ",;:"):
        i += 1
    return i


def _before_between(toks: list[Token], j: int, lex: Lexicon) -> int:
    while j > 0 and (toks[j - 1].key in lex.between or toks[j - 1].text in ",;:("):
        j -= 1
    return j


def _past_date(toks: list[Token], i: int, step: int, lex: Lexicon) -> int:
    """From ``i`` in direction ``step``, past a date written with a month name ("13 апреля 2016
    года", "Monday 5 June", "1 мая"): the index after it (before it, going back), or ``i``."""
    j, month, digits = i, False, False
    while 0 <= j < len(toks):
        t = toks[j]
        if t.key in lex.date_words:
            month = True
        elif t.key in lex.year_words:
            pass
        elif t.text.isdigit() and len(t.text) <= 4:
            digits = True
        elif not (t.text == "." and j > 0):
            break
        j += step
    if not (month and digits):
        return i  # "Brian May", "Lei Jun": a month name alone may be a name
    while 0 <= j < len(toks) and (toks[j].key in lex.stop_words or toks[j].text in ",;:"):
        j += step  # "в понедельник 13 августа"
    return j


def _is_name_token(tok: Token, lex: Lexicon) -> bool:
    return tok.key not in lex.never_names and _capitalised(tok) and not _all_caps_word(tok.text)


def _name_of(words: list[Token], lex: Lexicon) -> list[Token]:
    """The person's or organisation's name inside a phrase of words."""
    # after the last rank or honorific: the run of name words that follows it
    last_rank = max((i for i, t in enumerate(words) if t.key in lex.ranks or t.key in lex.honorifics), default=-1)
    if 0 <= last_rank < len(words) - 1:
        run = _run(words, last_rank + 1, lex)
        if run and run[-1] is not words[-1]:
            # "Direktur Jenderal Otonomi Daerah Kemendagri Sumarsono": the rank's field, then,
            # past capitalised words only, no comma or bracket between, the name that ends the
            # phrase ("Gen. Ammar al-Assad in Latakia", "Kompol Yhogi Hadi Setiawan, Kapolsek
            # Dukuh Pakis" keep their names)
            i = last_rank + 1 + len(run)
            while i < len(words) and _capitalised(words[i]) and words[i].start - words[i - 1].end <= 1:
                last = _run(words, i, lex)
                if last and last[-1] is words[-1]:
                    run = last
                    break
                i += 1
        if run:
            return run
    titled = any(t.key in lex.titles and not is_org_word(t.key, lex) for t in words)
    named_last = len(words) > 2 and all(_is_name_token(t, lex) and not is_org_word(t.key, lex) for t in words[-2:])
    if words[0].key in lex.demonstratives and _org_head(words, lex) and not (titled and named_last):
        # ("The Director of the Syrian Observatory for Human Rights Rami Abdel Rahman": a title
        # before the body and a name after it, the person's)
        return _org_run(words, lex)
    # a phrase that starts with a name: the name ("Edi Syahputra asisten pelatih")
    run = _run(words, 0, lex) if _is_name_token(words[0], lex) else []
    if run and lex.described_titles and _described(words, run, lex):
        return []  # "Local officials", "Obama aides", "Trump spokesman": a description, no name
    if run and run[-1].key.endswith(_POSSESSIVE) and len(run) < len(words):
        # "Russia's defence ministry": the possessor names the organisation after it;
        # "Russia's foreign minister Sergei Lavrov": the name after the title
        orgs = [i for i, t in enumerate(words) if i >= len(run) and is_org_word(t.key, lex)]
        if orgs and orgs[0] - len(run) <= 3:
            return words[: orgs[0] + 1]
        run = []
    if run and len(run) == 1:
        # the title after the word, past up to two lower-case modifiers ("Republican
        # presidential nominee Donald Trump")
        j = len(run)
        while j < len(words) and j - len(run) < 2 and words[j].key not in lex.titles and words[j].text.islower():
            j += 1
        after = words[j] if j < len(words) else None
        if after is not None and after.key in lex.titles and (
                (j == len(run) and after.start - run[-1].end <= 1)
                or (j > len(run) and any(len(_run(words, i, lex)) >= 2 for i in range(j + 1, len(words))))):
            # "Foreign Minister Helena Varga", "Museum director Clara Jensen": a title phrase
            # ("Peter Salama Executive Director", "Karim, warga RT 13": a name)
            if _capitalised(after) or any(len(_run(words, i, lex)) >= 2 for i in range(2, len(words))):
                run = []
    if run and 2 <= len(run) <= 3:
        # "Federal Reserve chairman Alan Greenspan": an organisation's name, a lower-case title
        # right after it, then the person's name that ends the phrase ("Rami Abdel Rahman head
        # of the Syrian Observatory" keeps its name: words other than the title come between)
        k = len(run)
        title = words[k] if k < len(words) else None
        if (title is not None and title.key in lex.titles and title.start - run[-1].end <= 1
                and (title.text.islower() or not lex.field_after_title)):
            # ("Frances Foreign Minister Jean-Marc Ayrault": a capitalised title too, where the
            # field does not follow the title)
            tail = _run(words, k + 1, lex)
            if len(tail) >= 2 and tail[-1] is words[-1]:
                return tail
    if run:
        # "Russian Defense Ministry" is an organisation; "Rami Abdel Rahman head of the
        # Syrian Observatory" is a person described after the name
        stretch = 0
        while stretch < len(words) and (_capitalised(words[stretch]) or is_org_word(words[stretch].key, lex)):
            stretch += 1
        if _org_head(words[:stretch], lex):
            return _org_run(words, lex)
        return run
    # an organisation named by its words ("the World Health Organization")
    if _org_head(words, lex) and not any(t.key in lex.titles and not is_org_word(t.key, lex) for t in words):
        return _org_run(words, lex)
    # a title phrase: the last run of name words in it ("Komandan ... Aldo Schellenberg")
    best: list[Token] = []
    i = 0
    while i < len(words):
        run = _run(words, i, lex)
        if run:
            i += len(run)
            initial = any(len(t.text.rstrip(".")) == 1 for t in run)  # "Linda M. Hale" is a person
            if (lex.field_after_title and len(run) >= 3 and not initial and i - len(run) > 0
                    and words[i - len(run) - 1].key in lex.titles):
                run = run[1:]  # the field of the title before it ("Menteri Perhubungan")
            if run:
                best = run
                start = i - len(run)
                if (len(run) >= 2 and start > 0 and i + 1 < len(words) and words[i].key in lex.affiliation_words
                        and _capitalised(words[i + 1]) and words[start - 1].key in lex.titles):
                    # "Detective Inspector Paul Miller of Thames Valley Police": the name after the
                    # title, its affiliation after a lower-case word
                    break
        else:
            i += 1
    if best:
        return best[-3:]
    return []


def _title_link(pair: list[Token], lex: Lexicon) -> bool:
    """A title and the word that links it to its field ("Secretary of"), by the title list or as a pair."""
    title, link = pair
    return (link.key in lex.title_links and title.key in lex.titles) or f"{title.key} {link.key}" in lex.title_links


def _past_field(run: list[Token], lex: Lexicon) -> list[Token]:
    """The name at the end of a title's field joined by a link word ("Defense Ashton Carter" after
    "Secretary of"): one field word before a name of two, more before the last two name words
    with the particles between them ("Product Management Raf Van Nuffel")."""
    if len(run) == 3:
        return run[1:]
    j = len(run) - 2
    while j > 0 and run[j].key in lex.particles:
        j -= 1
    return run[j:]


def _described(words: list[Token], run: list[Token], lex: Lexicon) -> bool:
    """One capitalised word (or a possessive) right before lower-case words that end in a title:
    "Senior officials", "India's finance minister"; not an apposition ("Tarek a police officer"),
    a name before a comma ("Hannes Wittig, telecoms analyst") nor an organisation ("Reuters news
    agency")."""
    rest = words[len(run):]
    if not rest or (len(run) > 1 and not run[-1].key.endswith(_POSSESSIVE)):
        return False
    if rest[0].start - run[-1].end > 1 or any(t.key in lex.indefinites or t.key in lex.demonstratives for t in rest):
        return False  # "Reuters reported a military source": a new phrase after the name
    last = rest[-1].key
    if is_org_word(last, lex) or last in lex.documents:
        return False  # "Reuters news agency", "IS's statement": the organisation speaks
    return last in lex.title_forms and all(t.text.islower() for t in rest)


def _run(words: list[Token], i: int, lex: Lexicon) -> list[Token]:
    out: list[Token] = []
    while i < len(words) and len(out) < 5:
        t = words[i]
        if out and t.start - out[-1].end > 1:
            break  # a comma or a bracket between: "Tbk, Desi Arryani" is not one name
        if _is_name_token(t, lex) or (out and (t.key in lex.particles or t.key.startswith(lex.particle_prefixes))):
            if is_org_word(t.key, lex):
                break
            out.append(t)
            i += 1
        else:
            break
    while out and out[-1].key in lex.particles:
        out.pop()
    return out


def is_org_word(key: str, lex: Lexicon) -> bool:
    """An organisation word, inflected forms included ("комитета" for "комитет"); a title that
    starts like one is a person's ("commander", not "command")."""
    return key in lex.org_words or (key not in lex.titles and _org_stem_of(key, lex.org_words))


@lru_cache(maxsize=1 << 14)
def _org_stem_of(key: str, words: frozenset[str]) -> bool:
    """Whether ``key`` starts with an organisation word of six letters or more and goes on."""
    return any(key[:n] in stems for n, stems in _org_stems(words) if len(key) > n)


@lru_cache(maxsize=16)
def _org_stems(words: frozenset[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Organisation words of six letters or more, by length, for prefix look-ups."""
    by_len: dict[int, set[str]] = {}
    for w in words:
        if len(w) >= 6:
            by_len.setdefault(len(w), set()).add(w)
    return tuple((n, frozenset(ws)) for n, ws in sorted(by_len.items()))


def _org_head(words: list[Token], lex: Lexicon) -> bool:
    return any(is_org_word(t.key, lex) for t in words)


def _org_run(words: list[Token], lex: Lexicon) -> list[Token]:
    """The organisation's name: from its first capitalised or organisation word on
    ("Russian Defense Ministry", "kementerian pertahanan Swiss")."""
    skip = lex.demonstratives | lex.leading
    for i, t in enumerate(words):
        if (t.key in skip or (t.key in lex.not_names and not _capitalised(t))) and t.key not in lex.org_words:
            continue
        if _capitalised(t) or is_org_word(t.key, lex):
            out = _org_words(words, i, lex)
            k = i + len(out)
            if k < len(words) and words[k].start - out[-1].end > 1:
                # "tim Mercedes, Toto Wolff": a name set off after the organisation, ending the phrase
                run = _run(words, k, lex)
                if len(run) >= 2 and run[-1] is words[-1]:
                    return run
            return out
    return words


def _org_words(words: list[Token], i: int, lex: Lexicon) -> list[Token]:
    """Up to six words of an organisation's name from ``words[i]``: no comma or bracket
    between two, and once two are capitalised and an organisation word is among them, a
    lower-case word only before a capitalised one or a name particle, at most two words on
    ("Syrian Observatory for Human Rights" without "monitoring group"; "International
    Committee of the Red Cross", "the London-based Syrian opposition organization" whole)."""
    def named(t: Token) -> bool:
        return _capitalised(t) or t.key in lex.particles or t.key.startswith(lex.particle_prefixes)

    out = [words[i]]
    caps = int(_capitalised(words[i]))
    head = is_org_word(words[i].key, lex)
    for j in range(i + 1, min(len(words), i + 6)):
        w = words[j]
        if w.start - out[-1].end > 1:
            break
        if not named(w) and caps >= 2 and head and not any(named(x) for x in words[j + 1 : j + 3]):
            break
        if w.key in lex.indefinites and not _capitalised(w):
            break  # "Syrian Observatory for Human Rights a Britain-based monitoring group": an apposition
        out.append(w)
        caps += _capitalised(w)
        head = head or is_org_word(w.key, lex)
    return out


#: how far back a pronoun's speaker is looked for among sentence subjects
SUBJECT_WINDOW = 600
#: where a sentence starts: after a line break or a full stop, before a capital letter
_SENTENCE_START = re.compile(r"(?:\n|[.!?][\"”’]?[ \t]+)\s*(?=[^\W\d_])")


@dataclass
class Resolver:
    """Speakers in text order: resolves references back and links surnames.

    With the article's ``text``, a surname alone is linked to the last full name written
    before it anywhere in the text ("Mayjen Igor Konashenkov, menolak ..." then "kata
    Konashenkov"), not only to earlier speakers."""

    lex: Lexicon
    text: str = ""
    named: list[Speaker] = field(default_factory=list)
    entities: dict[tuple[int, int], Entity] = field(default_factory=dict)
    _names: NameReader | None = None
    last_at: int = 0  # where the last speaker phrase read ends
    _lower: LowerWords | None = None

    def resolve(self, mention: Mention | None, cue: str | None = None) -> Speaker | None:
        if mention is None:
            if cue and self.lex.enclitic is not None and self.lex.enclitic.search(cue):
                return self._back(None, cue, person=True)
            return None
        floor, self.last_at = self.last_at, max(self.last_at, mention.span.end if mention.span else 0)
        if mention.refers_back:
            said = mention.text if cue is None or mention.text.casefold() in cue.casefold() else f"{cue} {mention.text}"
            group = any(w in self.lex.group_pronouns or w in self.lex.documents
                        for w in mention.text.casefold().split())
            if not group and mention.role is None and mention.span is not None:
                # "Moore launched his film last week. '...,' he said": a person who is the
                # subject of a sentence after the last speaker phrase
                subject = self.subject_before(mention.span.start, floor)
                if subject is not None:
                    self.named.append(Speaker(subject[0], None, subject[1]))
                    return Speaker(subject[0], None, subject[1], said)
            return self._back(mention.role, said, person=not group)
        if mention.head is not None:
            found = self._by_head(mention.head)
            if found is not None:
                return Speaker(found.name, None, found.role, mention.text)
            # none: the description as written, without its determiner ("army" for "the army")
            words = mention.text.split()
            if len(words) > 1 and words[0].casefold() in self.lex.demonstratives:
                words = words[1:]
            return self._remember(Speaker(" ".join(words), mention.span))
        if mention.name is None:
            # a title without a name: the last speaker who held it, else as written
            found = self._by_role(mention.role or mention.text)
            if found is not None:
                return Speaker(found.name, None, found.role, mention.text)
            titled = self._titled_before(mention.role or mention.text, mention.span)
            if titled is not None:
                return Speaker(titled[0], None, titled[1], mention.text)
            return self._remember(Speaker(mention.text, mention.span, mention.role))
        name, role = self._full(mention.name, mention.name_span)
        speaker = Speaker(name, mention.name_span, mention.role or self._role_of(name) or role)
        if mention.name_span is not None and any(c.isupper() for c in mention.name[:1]):
            label = "ORG" if not self._person(name) else "PER"
            key = (mention.name_span.start, mention.name_span.end)
            self.entities.setdefault(key, Entity(mention.name_span, label, name))  # type: ignore[arg-type]
        return self._remember(speaker)

    def subject_before(self, pos: int, floor: int) -> tuple[str, str | None] | None:
        """The person named first in the last sentence that starts with a name, between
        ``floor`` and ``pos``, in the cue's paragraph or the one before it (at most
        :data:`SUBJECT_WINDOW` characters back); the name in full when a surname was
        written in full earlier. A name of one word alone is not taken."""
        if not self.text:
            return None
        lo = max(floor, pos - SUBJECT_WINDOW, 0)
        # no further back than the paragraph before the cue's own
        own = self.text.rfind("\n", lo, pos)
        end = own
        while end > lo and self.text[end - 1].isspace():
            end -= 1
        before = self.text.rfind("\n", lo, end) if own >= 0 else -1
        lo = max(lo, before + 1) if before >= 0 else lo
        starts = [m.end() for m in _SENTENCE_START.finditer(self.text, lo, pos)]
        if lo == 0 or self.text[lo - 1] == "\n":
            starts.insert(0, lo)
        skip = self.lex.leading | self.lex.stop_words | self.lex.pronouns | self.lex.demonstratives
        for st in reversed(starts):
            lead: list[Token] = []
            for t in iter_tokens(self.text, st, min(pos, st + 120)):
                k = t.key
                if _capitalised(t) or k in self.lex.titles or k in self.lex.ranks or k in self.lex.particles:
                    lead.append(t)
                    initial = len(t.text.rstrip(".")) == 1  # "Carolyn B. Maloney"
                    titled = k in self.lex.ranks or k in self.lex.honorifics
                    if t.text.endswith((".", "!", "?")) and not initial and not titled:
                        break
                    continue
                break
            while lead and lead[0].key in self.lex.leading:
                lead = lead[1:]  # "Even Mike Pence"
            if not lead or lead[0].key in skip or lead[0].key in self.lex.indefinites or len(lead) > 8:
                continue
            if lead[0].key in self._lower_words() and lead[0].key not in self.lex.titles:
                continue  # "Although Shenefield ...", "Among them": a word also written in lower case
            mention = read_phrase(self.text, lead, self.lex)
            if mention is None or mention.name is None or mention.name_span is None or mention.refers_back:
                continue
            if not self._person(mention.name) or mention.name.casefold() in skip:
                continue
            name, role = self._full(mention.name, mention.name_span)
            if len(name.split()) < 2:
                continue  # one capitalised word is no sure name ("Diduga", "Tempo")
            return name, mention.role or role
        return None

    def _lower_words(self) -> LowerWords:
        if self._lower is None:
            self._lower = LowerWords(self.text)
        return self._lower

    def _remember(self, s: Speaker) -> Speaker:
        self.named.append(s)
        return s

    def _person(self, name: str) -> bool:
        """Whether a speaker's name is a person's: capitalised, no organisation word, not
        a place or an acronym alone ("Russia", "TASS")."""
        words = name.split()
        keys = [w.casefold().strip(".") for w in words]
        if not words or not (words[0][:1].isupper() or (keys[0] in self.lex.titles and len(words) > 1)):
            return False  # ("адвокат Насира": the holder of a title, named by whom they serve)
        if any(is_org_word(k, self.lex) or k.endswith(_POSSESSIVE) for k in keys):
            return False
        if all(k in self.lex.not_names for k in keys):
            return False
        return not (len(words) == 1 and _all_caps(Token(words[0], 0, len(words[0]))))

    def _back(self, role: str | None, cue: str, person: bool = False) -> Speaker | None:
        if role:
            found = self._by_role(role)
            if found is not None:
                return Speaker(found.name, None, found.role, cue)
        # the last person with a proper name ("Glen Caplin", not the organisation named in
        # between), else the last speaker with a proper name ("campaign records" last)
        named: Speaker | None = None
        fallback: Speaker | None = None
        for s in reversed(self.named):
            if s.span is not None or s.resolved_from is None:
                if any(w[:1].isupper() for w in s.name.split()):
                    if not person or self._person(s.name):
                        return Speaker(s.name, None, s.role, cue)
                    named = named or s
                fallback = fallback or s
        chosen = named or fallback
        return Speaker(chosen.name, None, chosen.role, cue) if chosen is not None else None

    def _by_role(self, role: str) -> Speaker | None:
        words = {w for w in role.casefold().split() if w in self.lex.titles}
        if not words:
            return None
        for s in reversed(self.named):
            # "генерал" for a "генерал-майор", "general" for a "Major General"
            if s.role and words & set(s.role.casefold().replace("-", " ").split()):
                return s
            unnamed = s.span is not None and not any(c.isupper() for c in s.name[1:])
            if unnamed and words & set(s.name.casefold().split()):
                return s  # "the source" after "a source" (unnamed, as written)
        return None

    def _by_head(self, head: str) -> Speaker | None:
        """The last named speaker whose name holds the organisation word ``head``
        ("Russia's defence ministry" for "the ministry"), inflection allowed."""
        for s in reversed(self.named):
            if s.resolved_from is None and any(same_stem(head, w.casefold()) for w in s.name.split()):
                return s
        return None

    def _full(self, name: str, at: Span | None) -> tuple[str, str | None]:
        """A surname or first name alone becomes the full name written earlier, with the
        role written with it."""
        parts = name.split()
        if len(parts) != 1:
            return name, None
        key = parts[0].casefold()
        if self.text and at is not None:
            found = self._written_before(key, at.start)
            if found is not None:
                for s in reversed(self.named):
                    read = s.name.split()
                    if (len(read) > 1 and len(read[0].rstrip(".")) > 1 and found[0].endswith(" " + s.name)
                            and key in s.name.casefold().split()):
                        # "Head of Kolla Education Prayudi Utomo": the speaker read without the title's field
                        return s.name, s.role
                return found
        for s in reversed(self.named):
            full = s.name.split()
            if len(full) > 1 and key in (w.casefold() for w in full):
                return s.name, None
        return name, None

    def _index(self, pos: int) -> NameIndex:
        """The name index as far as ``pos``; all of it where names are inflected (a word in
        no run is then looked for by its stem, so a run after ``pos`` counts too)."""
        if self._names is None:
            self._names = NameReader(self.text, self.lex, self._lower_words())
        return self._names.upto(len(self.text) if self.lex.inflected_names else pos)

    def _titled_before(self, role: str, at: Span | None) -> tuple[str, str | None] | None:
        """"прокурор", "the director" with no earlier speaker holding the title: the last
        name written with that title before ("окружной прокурор Манхэттена Сайрус Вэнс")."""
        titles = {w for w in role.casefold().split() if w in self.lex.titles}
        if not titles or at is None or not self.text:
            return None
        runs = self._index(at.start).runs
        i = bisect_right(runs, at.start, key=lambda r: r[0]) - 1
        for start, run in reversed(runs[max(0, i - 30) : i + 1]):
            if run[-1].end > at.start:
                continue
            described = _described_before(self.text, start, self.lex)
            if titles & {t.key for t in described}:
                mention = read_phrase(self.text, described + run, self.lex)
                if mention is not None and mention.name is not None and self._person(mention.name):
                    return mention.name, mention.role
        return None

    def _written_before(self, key: str, pos: int) -> tuple[str, str | None] | None:
        index = self._index(pos)
        runs = index.by_word.get(key) or []
        if not runs and self.lex.inflected_names:
            runs = next((index.by_word[k] for k in index.by_prefix.get(key[:3], []) if same_stem(key, k)), [])
        i = bisect_right(runs, pos, key=lambda r: r[0]) - 1
        while i >= 0 and runs[i][1][-1].end > pos:
            i -= 1
        for start, run in reversed(runs[max(0, i - 4) : i + 1]):
            # the name as a speaker phrase reads it ("Direktur Utama PDAM Kota Malang Budi
            # Hartono" is Budi Hartono), with the description before it as the role
            described = _described_before(self.text, start, self.lex) + run
            mention = read_phrase(self.text, described, self.lex)
            if mention is None or mention.name is None:
                continue
            words = [p for w in mention.name.casefold().split() for p in (w, *w.split("-"))]
            same = same_stem if self.lex.inflected_names else str.__eq__
            if len(words) >= 2 and any(same(key, w) for w in words) and self._person(mention.name):
                return mention.name, mention.role
        return None

    def _role_of(self, name: str) -> str | None:
        for s in reversed(self.named):
            if s.name == name and s.role:
                return s.role
        return None


def same_stem(a: str, b: str, least: int = 4) -> bool:
    """Two words that differ only in an ending of at most two letters on the shorter one,
    sharing at least ``least`` letters ("министерство", "министерства")."""
    if a == b:
        return True
    short = min(len(a), len(b))
    common = 0
    while common < short and a[common] == b[common]:
        common += 1
    return common >= max(least, short - 2)


@dataclass
class NameIndex:
    """Every run of two to four name words in a text, in text order: all of them, by each
    of their words, and, where names are inflected, those words by their first three
    letters (for the inflected forms)."""

    runs: list[tuple[int, list[Token]]] = field(default_factory=list)
    by_word: dict[str, list[tuple[int, list[Token]]]] = field(default_factory=dict)
    by_prefix: dict[str, list[str]] = field(default_factory=dict)


def _name_index(text: str, lex: Lexicon) -> NameIndex:
    """The whole :class:`NameIndex` of ``text``."""
    return NameReader(text, lex).upto(len(text))


class NameReader:
    """Reads the :class:`NameIndex` of a text as far as it is asked for: every run that
    starts up to a position, the rest later. Only the stretches of two or more capitalised
    words and particles are read word by word, each on its own (a run never crosses two)."""

    def __init__(self, text: str, lex: Lexicon, lower: LowerWords | None = None) -> None:
        self.text, self.lex = text, lex
        self.index = NameIndex()
        self._stretches = (lex.name_stretch or _name_stretch(lex.particles)).finditer(text)
        self._next: tuple[int, int] | None = None  # the next stretch to read: where its first word starts, its end
        self._done = False
        #: the words also written in lower case (read when the first stretch is)
        self._lower = lower

    def upto(self, pos: int) -> NameIndex:
        """The index, with every run that starts at ``pos`` or before."""
        while not self._done:
            if self._next is None:
                stretch = next(self._stretches, None)
                if stretch is None:
                    self._done = True
                    break
                if stretch.group("more") is None:
                    continue  # one word: no run
                start = stretch.start()
                while start > 0 and _WORD_CHAR_RE.match(self.text, start - 1):
                    start -= 1  # the word's start
                self._next = (start, stretch.end())
            start, end = self._next
            if start > pos:
                break
            self._read(start, end)
            self._next = None
        return self.index

    def _read(self, start: int, end: int) -> None:
        """The runs of the stretch ``text[start:end]``."""
        if self._lower is None:
            # a word also written in lower case is no name ("Menurut Daryono" at a sentence start)
            self._lower = LowerWords(self.text)
        lower, lex, particles = self._lower, self.lex, self.lex.particles
        run: list[Token] = []
        for m in _TOKEN.finditer(self.text, start, end):
            text_ = m.group()
            word = text_.rstrip(".!?")
            ends = word != text_ and len(word) > 1
            if not ends:
                word = text_
            if not word.lstrip(_EDGE)[:1].isupper():
                # not capitalised: a name word only as a particle inside a run
                if run and word.casefold().strip(".") in particles:
                    named, tok = True, Token(word, m.start(), m.start() + len(word))
                else:
                    if run:
                        self._close(run)
                    continue
            else:
                tok = Token(word, m.start(), m.start() + len(word))
                named = (_index_word(tok, lex) and tok.key not in lower) or (bool(run) and tok.key in particles)
            if named and not (run and tok.start - run[-1].end > 1):
                run.append(tok)
            else:
                self._close(run)
                if named:
                    run.append(tok)
            if ends:
                self._close(run)
        self._close(run)

    def _close(self, run: list[Token]) -> None:
        """Index ``run`` (its trailing particles dropped) when it has two to four words; empty it."""
        while run and run[-1].key in self.lex.particles:
            run.pop()
        if 2 <= len(run) <= 4:
            out = self.index
            entry = (run[0].start, list(run))
            out.runs.append(entry)
            for t in run:
                for key in {t.key, *t.key.split("-")}:
                    if self.lex.inflected_names and key not in out.by_word:
                        out.by_prefix.setdefault(key[:3], []).append(key)
                    out.by_word.setdefault(key, []).append(entry)
        run.clear()


def _index_word(tok: Token, lex: Lexicon) -> bool:
    """Whether a capitalised word may stand in a run of the name index: a name word, no
    organisation word, no function word. Judged once per word text and lexicon."""
    known = lex.index_words.get(tok.text)
    if known is None:
        known = _is_name_token(tok, lex) and not is_org_word(tok.key, lex) and tok.key not in lex.function_words
        if len(lex.index_words) >= 1 << 16:
            lex.index_words.clear()  # bounded over a long batch
        lex.index_words[tok.text] = known
    return known


def _described_before(text: str, start: int, lex: Lexicon) -> list[Token]:
    """The title, rank and description words right before a name at ``start``
    ("Juru bicara kementerian, Mayjen" before "Igor Konashenkov"), within its sentence."""
    toks = tokens(text, max(text.rfind("\n", 0, start) + 1, start - 160), start)
    out: list[Token] = []
    comma = False
    for t in reversed(toks):
        if t.text.endswith((".", "!", "?")) and t.key not in lex.honorifics and t.key not in lex.ranks:
            break
        if t.text == ",":
            if comma:
                break
            comma = True
            out.insert(0, t)
            continue
        k = t.key
        if _capitalised(t) or k in lex.titles or k in lex.ranks or k in lex.honorifics or is_org_word(k, lex):
            out.insert(0, t)
            continue
        break
    while out and out[0].text == ",":
        out.pop(0)
    return out
