"""Quotes: direct speech in quotation marks and reported speech, with their speakers.

Direct quotes come from :mod:`quote_marks`; their speaker is read from the cue after the
closing mark (", kata Konashenkov", "tambahnya", "the source said", "— заявил он") or
before the opening one ("X said:"), else it is the speaker of the quote before. Reported
speech is a reporting verb with a content clause ("X mengatakan bahwa ...", "menurut X,
...", "... the ministry said"). All cue words come from the language pack's
``quotes.yaml``; speakers are read and resolved by :mod:`speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise
from typing import Any

from claimtrail.extract.quote_marks import pair_marks
from claimtrail.extract.speakers import (
    MAX_WORDS,
    Lexicon,
    Mention,
    Resolver,
    Token,
    capitalised,
    is_org_word,
    is_stop,
    iter_tokens,
    lexicon_for,
    naming_at,
    read_phrase,
    same_stem,
    tokens,
)
from claimtrail.lang import with_fallback
from claimtrail.lang.alternation import alternation, word_pattern
from claimtrail.lang.sections.quotes import Section as QuoteCues
from claimtrail.model import Analysis, Entity, Quote, QuoteKind, Span, Speaker, Stance
from claimtrail.pipeline import stage

#: how far after a closing mark its speech cue may stand, in characters
AFTER_WINDOW = 160
#: how far after the last speaker's quote an uncued quote still takes that speaker
FOLLOW_WINDOW = 300
_LINE = re.compile(r"[^\n]+")
#: a dash standing alone between words: a dateline's end ("Moskow, Warta Contoh -- ...") or
#: a parenthetical; a speaker phrase never crosses it
_DASHES = "-–—"


def _separator(tok: Token) -> bool:
    return tok.text in (",", ";", ":") or (tok.text != "" and not tok.text.strip(_DASHES))
_WORDS = re.compile(r"\w+")
#: the sentence a position lies in
SentenceAt = Callable[[int], Span]

#: a word next, past blanks on the line
_WORD_NEXT = re.compile(r"[ \t]*\w")


def _has_words(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` words (counted no further)."""
    return sum(1 for _ in islice(_WORDS.finditer(text), n)) >= n


@dataclass(frozen=True)
class Cues:
    double_open: str
    double_close: str
    single_open: str
    single_close: str
    min_chars: int
    min_words_uncued: int
    after: re.Pattern[str] | None  # a speech verb right after a closing mark
    adjunct: re.Pattern[str] | None  # "said blaming ...": the report ends at the verb
    passive_after: re.Pattern[str] | None  # "claimed by IS": a participle, no report
    title_noun: re.Pattern[str] | None  # 'орденом «...»', 'the film "..."': a title follows
    infinitive: re.Pattern[str] | None  # "untuk melaporkan", "to say": no report
    relatives: frozenset[str]  # "who", "which", "yang": subordinators that open a relative clause
    post: re.Pattern[str] | None  # the after-quote verbs alone: 'said X', 'kata X' name X after the verb
    verb: re.Pattern[str] | None  # any reporting verb, anywhere
    before: re.Pattern[str] | None  # a verb right before an opening mark
    deny: re.Pattern[str] | None
    complement: re.Pattern[str] | None
    according: re.Pattern[str] | None
    self_cue: re.Pattern[str] | None
    back: re.Pattern[str] | None
    subordinators: frozenset[str]
    passive: re.Pattern[str] | None  # an auxiliary that makes the verb after it passive
    participle: re.Pattern[str] | None  # ", adding that ...": more words of the same speaker
    joiner: re.Pattern[str] | None  # "X said A, while Y said B": a second report joined on
    listener: re.Pattern[str] | None  # "told": the words after it are the listener
    participle_subject: re.Pattern[str] | None  # ", with spokesman X saying,": the participle's own subject
    needs_complementiser: re.Pattern[str] | None  # "meminta maaf" is no report, "meminta agar ..." is
    credit: re.Pattern[str] | None  # ", seperti dilansir TASS": an outlet credit after the content
    determiners: frozenset[str]
    objects: re.Pattern[str] | None  # "menolak laporan bahwa", "told reporters that": an object, then the clause
    #: any reporting verb, self cue or "according to" cue: a sentence without one (and
    #: without a ``back`` cue) holds no reported speech
    any_cue: re.Pattern[str] | None = None
    impersonal: re.Pattern[str] | None = None  # "заявили": a plural verb with no subject of its own
    locatives: frozenset[str] = frozenset()  # "в", "на": before the organisation an impersonal verb reports


def _alt(patterns: list[str]) -> str | None:
    """The pack's ``patterns`` as one alternation, factored on first letters (matched
    ignoring case): a search tries a few letters at each position, not every pattern."""
    return alternation(patterns)


@lru_cache(maxsize=16)
def cues_for(language: str | None) -> Cues:
    sections = [p.section("quotes", QuoteCues) for p in with_fallback(language)]

    def allof(attr: str) -> list[str]:
        return [w for s in sections for w in getattr(s, attr)]

    def first(attr: str) -> Any:
        return next((getattr(s, attr) for s in sections if getattr(s, attr)), getattr(sections[-1], attr))

    lex = lexicon_for(language)
    encl = lex.enclitic.pattern[:-1] if lex.enclitic is not None else None
    after = allof("after_verbs") + allof("report_verbs") + allof("deny_verbs")
    verbs = allof("report_verbs") + allof("deny_verbs")
    encl_group = f"(?P<encl>{encl})?" if encl else ""

    def words(patterns: list[str], extra: str = "") -> re.Pattern[str] | None:
        """The patterns as whole words, ignoring case, written for fast searches; not before a dot
        and a lower-case letter, where the word is part of a domain or a name ("Kata.ai")."""
        pattern = word_pattern(patterns, extra + r"(?-i:(?!\.[a-zа-яё]))")
        return re.compile(pattern) if pattern else None

    return Cues(
        double_open="".join(dict.fromkeys("".join(allof("double_open")))),
        double_close="".join(dict.fromkeys("".join(allof("double_close")))),
        single_open="".join(dict.fromkeys("".join(allof("single_open")))),
        single_close="".join(dict.fromkeys("".join(allof("single_close")))),
        min_chars=first("min_chars"),
        min_words_uncued=first("min_words_uncued"),
        after=words(after, encl_group),
        post=words(allof("after_verbs")),
        adjunct=words(allof("adjunct_participles")),
        relatives=frozenset(w.casefold() for w in allof("relatives")),
        infinitive=re.compile(rf"(?:{_alt(allof('infinitive_markers'))})", re.I)
        if allof("infinitive_markers") else None,
        title_noun=re.compile(rf"(?:{_alt(allof('title_nouns'))})\s*$", re.I) if allof("title_nouns") else None,
        passive_after=re.compile(rf"\s+(?:{_alt(allof('passive_after'))})(?!\w)", re.I)
        if allof("passive_after") else None,
        verb=words(verbs),
        before=words(allof("before_verbs") + allof("report_verbs") + allof("deny_verbs")),
        deny=words(allof("deny_verbs")),
        complement=re.compile(rf"[\s,:]*(?:{_alt(allof('complementisers'))})(?!\w)[\s,:]*", re.I)
        if allof("complementisers")
        else None,
        according=words(allof("according_to")),
        self_cue=words(allof("self_cues")),
        back=words(allof("back_reference")),
        subordinators=frozenset(w.casefold() for p in allof("subordinators") for w in p.split("|")),
        passive=re.compile(rf"(?:{_alt(allof('passive'))})", re.I) if allof("passive") else None,
        participle=words(allof("participles")),
        joiner=words(allof("joiners")),
        listener=words(allof("listener_verbs")),
        participle_subject=words(allof("participle_subjects")),
        needs_complementiser=words(allof("needs_complementiser")),
        credit=words(allof("credits")),
        determiners=lex.demonstratives | lex.indefinites,
        objects=re.compile(rf"\s*(?:{_alt(allof('report_objects'))})(?!\w)", re.I) if allof("report_objects") else None,
        any_cue=words(allof("self_cues") + allof("according_to") + allof("report_verbs") + allof("deny_verbs")),
        impersonal=re.compile(rf"(?:{_alt(allof('impersonal_verbs'))})", re.I) if allof("impersonal_verbs") else None,
        locatives=frozenset(w.casefold() for w in allof("locatives")),
    )


class Quoted:
    """The text already inside quotes, for look-ups in logarithmic time."""

    def __init__(self, spans: list[Span]) -> None:
        merged: list[Span] = []
        for sp in sorted(spans):
            if merged and sp.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, sp.end))
            else:
                merged.append(sp)
        self.spans = merged
        self.starts = [sp.start for sp in merged]

    def _before(self, pos: int) -> Span | None:
        i = bisect_right(self.starts, pos) - 1
        return self.spans[i] if i >= 0 else None

    def at(self, pos: int) -> bool:
        sp = self._before(pos)
        return sp is not None and sp.start <= pos < sp.end

    def contains(self, span: Span) -> bool:
        sp = self._before(span.start)
        return sp is not None and sp.contains(span)

    def overlaps(self, span: Span) -> bool:
        sp = self._before(span.end - 1) if span.end > span.start else None
        return sp is not None and sp.overlaps(span)

    def first_start_in(self, start: int, end: int) -> int | None:
        i = bisect_right(self.starts, start - 1)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < end else None


@dataclass
class Candidate:
    kind: QuoteKind
    span: Span
    mention: Mention | None
    cue: str | None
    cue_span: Span | None
    stance: Stance = "assert"
    follow: bool = False  # no cue: the speaker of the quote before


def _titled(text: str, mark: int, cues: Cues) -> bool:
    """Whether the marks before ``mark`` follow a noun that names a work, an award or a law
    ("орденом «За заслуги»", "the film "...""): the words in marks are its title."""
    if cues.title_noun is None:
        return False
    before = text[max(0, mark - 40) : mark].rstrip(cues.double_open + cues.single_open + " \u00a0")
    m = cues.title_noun.search(before)
    return m is not None and (m.start() == 0 or not before[m.start() - 1].isalnum())


def _strip(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    while s < e and (text[s].isspace() or text[s] in ",:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",:"):
        e -= 1
    return Span(s, e)


def _lines(text: str, body: tuple[Span, ...]) -> list[Span]:
    parts = body or (Span(0, len(text)),)
    return [Span(m.start(), m.end()) for p in parts for m in _LINE.finditer(text, p.start, p.end)]


def _phrase_after(text: str, start: int, limit: int, lex: Lexicon) -> list[Token]:
    """Tokens of a speaker phrase that starts at ``start``, cut at a stop word or the sentence end."""
    out: list[Token] = []
    while start < limit and text[start].isspace():
        start += 1
    document = False
    if lex.source_nouns is not None:
        channel = lex.source_nouns.match(text, start, limit)
        if channel:
            start = channel.end()
            document = _names_document(channel.group(), lex)
    bracket = -1  # the tokens read inside a bracket, -1 outside one
    for t in iter_tokens(text, start, limit):
        if document and t.text == ",":
            break  # 'говорится в сообщении Первого канала, опубликованном ...': the issuer, then a participle
        if bracket >= 0:
            # "dosen Universitas Syiah Kuala (Unsyiah) ini": a short bracket inside the
            # phrase (an acronym) is passed over
            bracket = -1 if t.text == ")" else bracket + 1
            if bracket > 3:
                break
            continue
        if t.text == "(" and out and not text[t.end : t.end + 1].isdigit():
            bracket = 0  # an age or a date ("Zul (47), warga ...", "(29/8)") ends it
            continue
        if t.text == "(" or (out and (is_stop(t, lex) or (_separator(t) and t.text != ","))) or len(out) >= MAX_WORDS:
            break
        if len(t.text) == 2 and t.text[0].isupper() and t.text[1] == ".":
            # an initial before a name ("R. Soes Hindharno") ends no sentence
            nxt = next(iter_tokens(text, t.end, limit), None)
            if nxt is not None and capitalised(nxt):
                out.append(t)
                continue
        if t.text.endswith((".", "!", "?")) and t.key not in lex.honorifics and t.key not in lex.ranks:
            stripped = t.text.rstrip(".!?")
            if stripped:
                out.append(Token(stripped, t.start, t.start + len(stripped)))
            break
        out.append(t)
    while out and out[-1].text in ",;:":
        out.pop()
    return out


def _names_document(phrase: str, lex: Lexicon) -> bool:
    """Whether a ``source_nouns`` phrase names the document the words are in ("в заявлении")."""
    return any(w.strip(",") in lex.documents for w in phrase.casefold().split())


def _document_issuer(text: str, start: int, end: int, lex: Lexicon) -> list[Token] | None:
    """The subject place of a verb taken by the document the words are in ('В заявлении МВД,
    опубликованном в Facebook, говорится, что ...', 'В сообщении лейбла говорится:'): the
    document and its issuer, up to a comma or a stop word (the issuer speaks; the document alone
    refers back to whoever issued it); None when no document opens the phrase."""
    if lex.source_nouns is None:
        return None
    while start < end and text[start].isspace():
        start += 1
    m = lex.source_nouns.match(text, start, end)
    if m is None or not _names_document(m.group(), lex):
        return None
    out = tokens(text, start, m.end())
    for t in iter_tokens(text, m.end(), end):
        if t.text in ",;:" or is_stop(t, lex) or _separator(t):
            break
        out.append(t)
    return out


def _clause_end(text: str, start: int, limit: int, lex: Lexicon) -> int:
    """Where the sentence from ``start`` ends: at a full stop that does not close an
    honorific, a rank or an initial ("Mr. Rove", "Charles E. Grassley")."""
    for t in iter_tokens(text, start, limit):
        if t.text.endswith((".", "!", "?")):
            word = t.text.rstrip(".!?")
            if t.text[-1] == "." and (t.key in lex.honorifics or t.key in lex.ranks or len(word) == 1):
                continue
            if t.text[-1] == "." and text[t.end : t.end + 1] == ",":
                continue  # "at IG Ltd., said": an abbreviation
            return t.start + len(word)
    return limit


def _titled_stop(toks: list[Token], i: int) -> bool:
    """A stop word written with a capital between two capitalised words is part of a title
    or name ("Menteri Dalam Negeri")."""
    return (0 < i < len(toks) - 1 and toks[i].text[:1].isupper() and capitalised(toks[i - 1])
            and capitalised(toks[i + 1]))


def _phrase_before(text: str, start: int, end: int, lex: Lexicon, subs: frozenset[str],
                   relatives: frozenset[str] = frozenset()) -> list[Token] | None:
    """Tokens of the subject phrase before a verb at ``end``; None when it is in a subordinate clause."""
    document = _document_issuer(text, start, end, lex)
    if document is not None:
        return document
    toks = tokens(text, start, end)
    appositive = False
    while toks and (toks[-1].key in lex.between or toks[-1].text in ",;:"):
        appositive = toks[-1].text == ","
        toks.pop()
        if appositive:
            break
    dashes = [i for i, t in enumerate(toks) if _separator(t) and t.text not in ",;:"]
    if len(dashes) >= 2 and len(dashes) % 2 == 0:
        # "Clinton has called for tweaks - spending and a wage hike - and has said": a
        # parenthetical between two dashes is left out
        drop = {i for a, b in zip(dashes[::2], dashes[1::2], strict=True) for i in range(a, b + 1)}
        toks = [t for i, t in enumerate(toks) if i not in drop]
    commas = [i for i, t in enumerate(toks) if _separator(t)]
    lead = _name_before_details(toks, commas, lex) if appositive else None
    if lead is not None:
        commas = []  # "Mr Mubanga, 32, from Wembley, London, said": the name before age and home
        toks = lead
    if commas:
        cut = commas[-1]
        prev = commas[-2] + 1 if len(commas) > 1 else 0
        desc = toks[prev:cut]
        after = toks[cut + 1 :]
        described = after and (after[0].key in lex.indefinites or after[0].key in lex.demonstratives
                               or (after[0].key in lex.titles and after[0].text.islower()))
        if appositive and toks[cut].text == "," and described and 0 < len(desc) <= 6 and capitalised(desc[-1]):
            # "Maria Lopez, a nurse at the clinic, said": the name before the apposition
            toks = desc
            cut = -1
        elif (toks[cut].text == "," and desc and len(desc) <= 10 and len(toks) - cut <= 6
                and (desc[0].key in lex.titles or desc[0].key in lex.indefinites)
                and not any(is_stop(t, lex, subs) for t in desc[1:])):
            # "Juru bicara kementerian, Mayjen Igor Konashenkov,": the description folds in
            cut = prev - 1
        toks = toks[cut + 1 :]
    while toks and toks[0].key in lex.leading and toks[0].key not in subs:
        toks = toks[1:]  # "while Russia said", "sementara Rusia menyatakan"
    inner = [i for i, t in enumerate(toks) if i and t.key in subs and t.key in lex.stop_words
             and t.key not in relatives]
    after_sub = toks[inner[-1] + 1 :] if inner else []
    if after_sub and (capitalised(after_sub[0]) or (
            (after_sub[0].key in lex.demonstratives or after_sub[0].key in lex.indefinites)
            and any(t.key not in lex.function_words for t in after_sub[1:]))):
        # (a subject opens the clause; "Iriawan ketika ditanyai wartawan, meminta": a verb, no subject)
        # "The falls were triggered when the EIA said ...": the subject of the clause the verb is in
        toks = toks[inner[-1] + 1 :]
    if not toks:
        return []
    opener = f"{toks[0].key} {toks[1].key}" if len(toks) > 1 else ""
    if (is_stop(toks[0], lex, subs) and toks[0].key in subs) or opener in subs or toks[0].key in lex.expletives:
        return None  # ("после того как он заявил": a subordinate clause; "после боя Матиас сказал" is no such)
    if is_stop(toks[0], lex):
        # "At the same time the ministry", "On December 29 the Russian Defense Ministry"
        dets = [i for i, t in enumerate(toks) if t.key in lex.demonstratives]
        if not dets:
            # "On Monday Abdel Rahman", "On December 29 Lavrov": a time phrase, then a name
            k = 0
            while k < len(toks) and (is_stop(toks[k], lex) or toks[k].key in lex.date_words
                                     or toks[k].text.isdigit()):
                k += 1
            if not (0 < k < len(toks) and capitalised(toks[k])
                    and any(t.key in lex.date_words for t in toks[:k])):
                return _subject_after_adjunct(text, toks, lex)
            return _phrase_before(text, toks[k].start, end, lex, subs, relatives)
        toks = toks[dets[-1] :]
    # "The group based in London known as X": the stop words before a naming phrase are
    # inside the description, and the name after it is the speaker's
    naming = naming_at(toks, lex)
    for i, t in enumerate(toks):
        if i and is_stop(t, lex, subs) and (naming is None or i >= naming[1]) and not _titled_stop(toks, i):
            toks = toks[:i]
            break
    return toks[-MAX_WORDS:]


def _locative_body(text: str, start: int, end: int, lex: Lexicon, cues: Cues) -> list[Token] | None:
    """The organisation in a place phrase that is all the clause has before an impersonal verb ("В МИД
    России", "В Кремле", "в пресс-службе ведомства"), or None: a place or a time ("В Лондоне", "В ходе
    слушаний") names no one who speaks."""
    toks = tokens(text, start, end)
    while toks and toks[0].key in lex.leading:
        toks = toks[1:]
    while toks and (toks[-1].key in lex.between or toks[-1].key in lex.leading):
        toks.pop()  # "В SEC тем временем отмечают"
    if len(toks) < 2 or len(toks) > 7 or toks[0].key not in cues.locatives:
        return None
    body = toks[1:]
    if any(_separator(t) or is_stop(t, lex) for t in body):
        return None
    first = body[0].text
    acronym = len(first) > 1 and first.isupper() and first.isalpha()  # "МИД", "ГИБДД"
    if not (acronym or any(is_org_word(t.key, lex) or _org_form(t.key, lex) is not None for t in body)):
        return None
    return body


def _org_form(key: str, lex: Lexicon) -> str | None:
    """The organisation word that ``key`` inflects ("кремль" for "кремле"), or None."""
    return next((w for w in _in_order(lex.org_words) if len(w) >= 4 and abs(len(w) - len(key)) <= 2
                 and same_stem(key, w)), None)


@lru_cache(maxsize=16)
def _in_order(words: frozenset[str]) -> tuple[str, ...]:
    """A pack's words sorted once (the first match must not depend on the set's order)."""
    return tuple(sorted(words))


def _body_mention(text: str, body: list[Token], lex: Lexicon) -> Mention | None:
    """The speaker an organisation in a place phrase names; one inflected word in the form of the
    organisation word ("В Кремле" is "Кремль", "в комитете образования" "комитет образования"), the
    last such organisation when one word is written in lower case."""
    mention = read_phrase(text, body, lex)
    form = _org_form(body[0].key, lex)
    if mention is None or mention.name is None or mention.span is None or form is None:
        return mention
    if len(body) == 1 and not body[0].text[:1].isupper():
        # "В ведомстве отметили": the last organisation named by that word, as "the ministry" is
        return Mention(form, mention.span, head=body[0].key)
    if mention.name_span is None or mention.name_span.start != body[0].start:
        return mention
    # "в комитете образования" is "комитет образования"
    head = form[:1].upper() + form[1:] if body[0].text[:1].isupper() else form
    return replace(mention, name=head + text[body[0].end : mention.name_span.end])


def _subject_after_adjunct(text: str, toks: list[Token], lex: Lexicon) -> list[Token] | None:
    """The subject right before the verb in a clause that opens with a preposition phrase ("Об этом
    он", "В субботу президент ЮАР Джейкоб Зума", "В интервью CNN Баффет"): a pronoun; else the
    words that end the clause and may be in a name (capitalised words, titles, ranks, honorifics,
    organisation words), less the object of a preposition right before them ("В Москве", "di Dewan
    Keamanan"), from a title on ("president Obama"), or with no title a name of two words or one
    the text writes after a first name; None when there is none ("В своём твиттере", "the
    coastal regions Aleppo Hama and Idlib")."""
    if toks[-1].key in lex.pronouns:
        return toks[-1:]
    tail: list[Token] = []
    for i in range(len(toks) - 1, 0, -1):
        t = toks[i]
        k = t.key
        if is_stop(t, lex) and not _titled_stop(toks, i):
            break
        if not (capitalised(t) or k in lex.titles or k in lex.ranks or k in lex.honorifics or is_org_word(k, lex)):
            break
        tail.insert(0, t)
    if not tail:
        return None
    if is_stop(toks[len(toks) - len(tail) - 1], lex):
        tail = tail[1:]  # the object of the preposition before it
    titled = [i for i, t in enumerate(tail) if t.key in lex.titles or t.key in lex.ranks or t.key in lex.honorifics]
    if titled:
        return tail[titled[0] :]
    name: list[Token] = []
    for t in reversed(tail):
        if not capitalised(t) or t.text.isupper() or t.key in lex.never_names or is_org_word(t.key, lex):
            break
        if name and name[0].start - t.end > 1:
            break  # 'службе «Голоса Америки» Абдинур': a name in marks before it
        name.insert(0, t)
    if 2 <= len(name) <= 4:
        return name  # (a longer run of capitalised words mixes a body's name with a person's)
    if len(name) == 1 and _surname(text, name[0], lex):
        return name
    return None


_QUOTE_EDGE = "\"'“”‘’«»„"


def _surname(text: str, tok: Token, lex: Lexicon) -> bool:
    """Whether ``text`` writes the word ``tok`` elsewhere right after a capitalised word that may be a
    first name."""
    word = tok.text.strip(_QUOTE_EDGE)
    for m in re.finditer(rf"(?<!\w)(\w+)[ \xa0]{re.escape(word)}(?!\w)", text):
        first = m.group(1)
        if tok.start <= m.end() <= tok.end:
            continue
        if first[:1].isupper() and not first.isupper() and first.casefold() not in lex.never_names \
                and first.casefold() not in lex.function_words and not is_org_word(first.casefold(), lex):
            return True
    return False


def find(a: Analysis, language: str | None) -> tuple[list[Quote], list[Entity]]:
    text = a.article.text
    cues = cues_for(language)
    lex = lexicon_for(language)
    lines = _lines(text, a.body)
    sentences = _after_dateline(text, [s.span for s in a.sentences] or lines, lines)
    starts = [s.start for s in sentences]

    def sentence_at(pos: int) -> Span:
        i = bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 and sentences[i].end >= pos else Span(pos, pos)

    line_starts = [ln.start for ln in lines]

    def line_at(pos: int) -> Span:
        i = bisect_right(line_starts, pos) - 1
        return lines[i] if i >= 0 and lines[i].end >= pos else Span(pos, pos)

    def line_before(pos: int) -> Span | None:
        i = bisect_right(line_starts, pos) - 2
        return lines[i] if i >= 0 else None

    cands: list[Candidate] = []
    direct = list(pair_marks(text, lines, cues.double_open, cues.double_close))
    spans = [s for s, _ in direct]
    for single, was_closed in pair_marks(text, lines, cues.single_open, cues.single_close):
        if not any(single.overlaps(d) for d in spans):
            direct.append((single, was_closed))
    ordered = sorted(direct, key=lambda x: x[0].start)
    found: list[tuple[int, Candidate, Candidate | None]] = []  # (index in ordered, quote, added clause)
    for n, (raw, closed) in enumerate(ordered):
        span = _strip(text, raw)
        content = span.of(text)
        if len(content) < cues.min_chars or not _has_words(content, 2):
            continue
        line = line_at(raw.end)
        cand: Candidate = _direct_speaker(text, span, raw.end + (1 if closed else 0), line, cues, lex, sentence_at,
                                          line_before(raw.start))
        if cand.follow and not _has_words(content, cues.min_words_uncued):
            continue
        if cand.cue is None and not content[:1].islower() and _titled(text, raw.start, cues):
            continue  # 'орденом «За заслуги перед Отечеством»': a title ('the film "has received ..."' is none)
        found.append((n, cand, _added_after(text, cand, raw.end, sentence_at, cues, lex)))
    titles = _title_lists(text, ordered, {n: c for n, c, _ in found}, cues)
    for n, cand, added in found:
        if n in titles:
            continue
        cands.append(cand)
        if added is not None:
            cands.append(added)
    cands.extend(_colon_quotes(text, lines, cues, lex, Quoted([c.span for c in cands]), sentence_at))
    quoted = Quoted([c.span for c in cands])
    used = frozenset(c.cue_span.start for c in cands if c.cue_span is not None)
    for i, sent in enumerate(sentences):
        cands.extend(_reported(text, sent, cues, lex, quoted, sentences[i - 1] if i else None, used))
    cands.sort(key=lambda c: c.span.start)
    resolver = Resolver(lex, text)
    out: list[Quote] = []
    seen_end = -1
    last: Speaker | None = None
    last_end = -1  # where the last quote with a speaker ends
    speaker: Speaker | None
    for c in cands:
        if c.span.start < seen_end:
            continue
        if c.follow:
            # an uncued quote that opens its sentence or its clause (after a colon or a comma:
            # 'by saying, "..."') goes on with the last speaker; a phrase in marks inside a
            # sentence does only close after their words: further on it is a phrase the
            # article quotes from someone it does not name there
            sent = sentence_at(c.span.start)
            head = text[sent.start : max(sent.start, c.span.start - 1)].rstrip()
            inside = _WORDS.search(head) is not None and not head.endswith((":", ","))
            speaker = last if not inside or c.span.start - last_end <= FOLLOW_WINDOW else None
        else:
            speaker = resolver.resolve(c.mention, c.cue)
        if speaker is not None:
            last, last_end = speaker, c.span.end
        seen_end = max(seen_end, c.span.end)
        out.append(Quote(c.kind, c.span, speaker, c.cue, c.cue_span, c.stance))
    return out, sorted(resolver.entities.values(), key=lambda e: e.span.start)


#: what stands between two items of a list in marks: a comma, a short lower-case word (a
#: conjunction: "и", "dan", "and", "или") or both ('«A», «B» и «C»', '"A," "B," dan "C"')
#: on one line; two quotes with only a space between are two sentences ('"... rasakan." "Satu ...')
#: unless the comma is inside the marks ('"Cleo from 5 to 7," "Le Bonheur," dan ...')
_LIST_GAP = re.compile(r"[ \t\xa0]*(?P<comma>,)?[ \t\xa0]*(?:(?P<word>[^\W\d_]{1,5})[ \t\xa0]+)?")


def _title_lists(text: str, ordered: list[tuple[Span, bool]], cands: dict[int, Candidate], cues: Cues) -> set[int]:
    """The indices in ``ordered`` of quotes that are items of a list in marks ('фильмы «A», «B» и
    «C»', 'the parties "A" and "B"') whose items mostly open with a capital and none of which has
    a speech cue: a list of titles or names, not of quotes. A list of phrases in lower case ('he
    said it was "embarrassed by ..." and "deeply regrets ..."') stays quoted."""
    out: set[int] = set()
    group: list[int] = []

    def close() -> None:
        members = [n for n in group if n in cands]
        if len(group) >= 2 and members and not any(cands[n].cue is not None for n in members):
            capitals = sum(1 for n in group if not _strip(text, ordered[n][0]).of(text)[:1].islower())
            if 2 * capitals > len(group):
                out.update(members)
        group.clear()

    for n, (raw, _) in enumerate(ordered):
        if group:
            prev, prev_closed = ordered[group[-1]]
            gap = _LIST_GAP.fullmatch(text, prev.end + 1, raw.start - 1) if prev_closed else None
            word = gap.group("word") if gap is not None else None
            joined = gap is not None and (word or gap.group("comma") or text[prev.start : prev.end].endswith(","))
            if not joined or raw.start - 1 <= prev.end or (word is not None and not (
                    word.islower() and (cues.after is None or not cues.after.fullmatch(word)))):
                close()
        group.append(n)
    close()
    return out


#: a dateline at the start of an article: a few words, then a dash ("BEIRUT (Reuters) - ",
#: "Moskow, Warta Contoh -- ")
_DATELINE = re.compile(r"[^\n]{1,80}?(?:\s(?:--|-)\s|\s?[–—]\s?)")


def _after_dateline(text: str, sentences: list[Span], lines: list[Span]) -> list[Span]:
    """The sentences with the article's dateline cut off the first one, so that no
    content or speaker phrase starts in it."""
    if not lines:
        return sentences
    m = _DATELINE.match(text, lines[0].start, lines[0].end)
    words = _WORDS.findall(m.group()) if m is not None else []
    if m is None or len(words) > 8 or any(w[:1].islower() for w in words):
        return sentences  # a dateline names a place and an outlet, each capitalised
    end = m.end()
    return [Span(end, s.end) if s.start < end < s.end else s for s in sentences]


def _stance(cues: Cues, verb: str) -> Stance:
    return "deny" if cues.deny is not None and cues.deny.fullmatch(verb) else "assert"


def _direct_speaker(text: str, span: Span, after: int, line: Span, cues: Cues, lex: Lexicon,
                    sentence_at: SentenceAt, prev: Span | None = None) -> Candidate:
    limit = min(line.end, after + AFTER_WINDOW)
    if cues.after is not None:
        # verb first: '," kata Konashenkov', '," tambahnya', '», — заявил прокурор', '" said X'
        head = re.compile(r"[\s,.]*(?:[—–-]+\s*)?").match(text, after, limit)
        at = head.end() if head else after
        if "." in text[after:at] and text[at : at + 1].isupper():
            # '«...». Согласно документу, ...', '"...". He said: "...': a full stop after the
            # closing mark ends the sentence; the cue after it opens the next one, not this quote's
            limit = at
        verb = cues.after.match(text, at, limit)
        if verb:
            m = verb
            cue_span = Span(m.start(), m.end())
            phrase = _phrase_after(text, m.end(), limit, lex)
            mention = read_phrase(text, phrase, lex) if phrase else None
            if m.groupdict().get("encl"):
                mention = None
            return Candidate("direct", span, mention, m.group(), cue_span, _stance(cues, m.group()))
        # '," according to the statement'
        if cues.according is not None:
            acc = cues.according.match(text, at, limit)
            if acc:
                phrase = _phrase_after(text, acc.end(), limit, lex)
                if phrase:
                    return Candidate("direct", span, read_phrase(text, phrase, lex), acc.group(),
                                     Span(acc.start(), acc.end()))
        # speaker first: '" Lane said', '" the source said', '" Mr. Rove said', '" WHO said in a statement'
        stop = _clause_end(text, at, limit, lex)
        found = cues.after.search(text, at, stop)
        if found and _in_name(text, at, found):
            found = None  # '"...." REUTERS Rodi Said Battle for Raqqa': a photo credit's name, no cue
        if found and cues.complement is not None and cues.complement.match(text, found.end(), stop):
            found = None  # '"...." Donald Trump said that ...': a report of its own, not this quote's cue
        if found and any(c in text[at : found.start()] for c in cues.double_open + cues.double_close):
            found = None  # '"...". "They're on a streak," he told': the verb of the next quote
        if found and "." in text[after:at] and _WORD_NEXT.match(text, found.end()):
            found = None  # '"...". Mr Wolfson said menswear ranges were ...': the next sentence's own report
        between = tokens(text, at, found.start()) if found else []
        commas = [t for t in between if t.text == ","]
        if found and commas and len(between) <= 24:
            # '" Senator Linda M. Hale, a member of the committee, said': the name before the apposition
            named = _phrase_before(text, at, commas[0].start, lex, frozenset())
            mention = read_phrase(text, named, lex) if named and len(named) <= 6 else None
            if mention is not None and mention.name_span is not None:
                return Candidate("direct", span, mention, found.group(), Span(found.start(), found.end()),
                                 _stance(cues, found.group()))
        if found and 0 < len(between) <= 10:
            subject = _phrase_before(text, at, found.start(), lex, frozenset())
            if subject:
                return Candidate("direct", span, read_phrase(text, subject, lex), found.group(),
                                 Span(found.start(), found.end()), _stance(cues, found.group()))
    # before the opening mark: 'X said: "...', 'Ia mengatakan, "...'
    sent = sentence_at(span.start - 1)
    begin = max(line.start, sent.start if sent.end >= span.start - 1 else line.start)
    if cues.participle is not None and begin < span.start - 1:
        # '..., adding, "...': the speaker of the quote before
        pms = list(cues.participle.finditer(text, begin, span.start - 1))
        pm = pms[-1] if pms else None
        if pm is not None and not _WORDS.search(text, pm.end(), span.start - 1):
            own = _participle_subject(text, begin, pm.start(), cues, lex)
            if own is not None:
                return Candidate("direct", span, own, pm.group(), Span(pm.start(), pm.end()))
            return Candidate("direct", span, None, pm.group(), Span(pm.start(), pm.end()), follow=True)
    if cues.according is not None and begin < span.start - 1 and text[begin : span.start - 1].rstrip().endswith(":"):
        # 'Как сообщил глава района Пётр Смирнов: «...»': an according-to cue, then its speaker
        # and a colon before the mark
        colon = begin + len(text[begin : span.start - 1].rstrip()) - 1
        ams = list(cues.according.finditer(text, begin, colon))
        if ams:
            am = ams[-1]
            phrase = _phrase_after(text, am.end(), colon, lex)
            if phrase and not _WORDS.search(text, phrase[-1].end, colon):
                return Candidate("direct", span, read_phrase(text, phrase, lex), am.group(), Span(am.start(), am.end()))
    if cues.before is not None and begin < span.start - 1:
        before = text[begin : span.start - 1]
        ms = list(cues.before.finditer(before))
        if ms and _cue_tail(before, ms[-1].end(), lex, cues, ms[-1].group()):
            m = ms[-1]
            before_phrase = _phrase_before(text, begin, begin + m.start(), lex, cues.subordinators)
            acc = cues.according.match(text, before_phrase[0].start) if cues.according and before_phrase else None
            if acc is not None and acc.end() >= begin + m.end():
                # 'Как отметила министр: «...»': an according-to cue, the speaker after its verb
                before_phrase = _phrase_after(text, acc.end(), span.start - 1, lex)
            if before_phrase:
                return Candidate("direct", span, read_phrase(text, before_phrase, lex), m.group(),
                                 Span(begin + m.start(), begin + m.end()), _stance(cues, m.group()))
        if ms and _reported_clause(before, ms[-1].end(), cues) and _has_words(span.of(text), CLAUSE_QUOTE_WORDS):
            # 'Jan Egeland said that "this may be ...', 'Mr Wolfson said menswear ranges were "a little
            # ...': words in marks inside the clause a report verb opens are its subject's; the verb
            # stays free (no cue span) for the reported clause as a whole, an indirect quote of its own
            m = ms[-1]
            before_phrase = _phrase_before(text, begin, begin + m.start(), lex, cues.subordinators)
            if before_phrase:
                return Candidate("direct", span, read_phrase(text, before_phrase, lex), None, None,
                                 _stance(cues, m.group()))
    if not _WORDS.search(text, line.start, span.start - 1):
        # a quote that opens its paragraph after one that ends in 'X wrote:'
        if prev is not None and text[prev.start : prev.end].rstrip().endswith(":") and cues.before is not None:
            ms = list(cues.before.finditer(text, prev.start, prev.end))
            if ms and _cue_tail(text[: prev.end], ms[-1].end(), lex, cues, ms[-1].group()):
                m = ms[-1]
                sent = sentence_at(m.start())
                start = max(prev.start, sent.start if sent.end >= m.start() else prev.start)
                before_phrase = _phrase_before(text, start, m.start(), lex, cues.subordinators)
                if before_phrase:
                    return Candidate("direct", span, read_phrase(text, before_phrase, lex), m.group(),
                                     Span(m.start(), m.end()), _stance(cues, m.group()))
    else:
        listed = _listed_speaker(text, line.start, span.start - 1, lex)
        if listed is not None:
            return Candidate("direct", span, listed, None, None)
    inner = _inner_speaker(text, span, cues, lex)
    if inner is not None:
        return inner
    return Candidate("direct", span, None, None, None, follow=True)


#: a dash that opens an attribution inside the marks: '«A, — сказал X, — B»', '"A. - заявил он. - B"'
_INNER_DASH = re.compile(r"[,.!?…]\s*(?:[—–]|-(?=\s))\s*")
#: the dash that closes it and goes back to the quoted words
_INNER_BACK = re.compile(r"[,.]\s*(?:[—–]|-(?=\s))\s")


def _inner_speaker(text: str, span: Span, cues: Cues, lex: Lexicon) -> Candidate | None:
    """The speaker named inside the marks between two dashes, where Russian typography puts
    the attribution of a quote that goes on after it: '«A, — сказал X, — B»'. The quote
    is still the whole text between the outer marks."""
    if cues.after is None:
        return None
    for d in _INNER_DASH.finditer(text, span.start, span.end):
        verb = cues.after.match(text, d.end(), span.end)
        if verb is None:
            continue
        back = _INNER_BACK.search(text, verb.end(), min(span.end, verb.end() + AFTER_WINDOW))
        if back is None:
            continue
        phrase = _phrase_after(text, verb.end(), back.start(), lex)
        mention = read_phrase(text, phrase, lex) if phrase else None
        if mention is None and not verb.groupdict().get("encl"):
            continue
        return Candidate("direct", span, None if verb.groupdict().get("encl") else mention, verb.group(),
                         Span(verb.start(), verb.end()), _stance(cues, verb.group()))
    return None


def _participle_subject(text: str, begin: int, end: int, cues: Cues, lex: Lexicon) -> Mention | None:
    """The participle's own subject (", with spokesman Glen Caplin saying,"): a named
    phrase of at most six words between a ``participle_subjects`` word and ``end``."""
    if cues.participle_subject is None:
        return None
    ms = list(cues.participle_subject.finditer(text, max(begin, end - 80), end))
    if not ms:
        return None
    toks = tokens(text, ms[-1].end(), end)
    if not toks or len(toks) > 6 or any(t.text in ",;:" for t in toks):
        return None
    mention = read_phrase(text, toks, lex)
    return mention if mention is not None and mention.name_span is not None else None


#: the most words of a verb's object between it and a colon before the opening mark
COLON_OBJECT_WORDS = 12


def _cue_tail(text: str, end: int, lex: Lexicon, cues: Cues, verb: str = "") -> bool:
    """Whether the words between a verb ending at ``end`` and the opening mark leave it the
    quote's cue: none ("Merrill wrote:"), or one lower-case word that is not a name
    ("Clinton responded awkwardly:", "a woman asked her:") before a colon or a comma, a
    listener too ("сказал журналистам:")."""
    rest = text[end:].rstrip()
    words = _WORDS.findall(rest)
    if not words:
        return True
    listens = cues.listener is not None and cues.listener.fullmatch(verb) is not None
    if (rest.endswith(":") and len(words) <= COLON_OBJECT_WORDS and rest[:1].isspace()
            and (words[0][:1].islower() or listens) and not any(c in rest[:-1] for c in ".!?;:,\"“”«»„()")):
        # 'Врачи сообщили о двух госпитализированных: «...»', 'He told the crowd: "...': the verb's
        # object, then its words ('», сказал Симони: «...': a capital after the verb names its subject)
        return True
    listener = cues.objects is not None and cues.objects.fullmatch(" " + words[0]) is not None
    return (len(words) == 1 and words[0][:1].islower() and rest.endswith((":", ","))
            and (words[0] not in lex.stop_words or listener))


#: the most words between a report verb and an opening mark inside the clause it reports
CLAUSE_WORDS = 10
#: the fewest words of a quote in marks inside a reported clause that is given the clause's
#: speaker; a shorter one ("primary responsibility") stays a phrase of the reported clause
CLAUSE_QUOTE_WORDS = 6


def _reported_clause(before: str, end: int, cues: Cues) -> bool:
    """Whether the words after a report verb ending at ``end`` run into the opening mark as the
    clause it reports: a complementiser, or a few words with no stop, comma or mark between
    ("said that", "said menswear ranges were", "explained that about")."""
    rest = before[end:]
    if not rest[:1].isspace() or any(c in rest for c in ".!?;:,\"“”«»„()"):
        return False
    words = _WORDS.findall(rest)
    if not words or len(words) > CLAUSE_WORDS:
        return False
    return (cues.complement is not None and cues.complement.match(before, end) is not None) or len(words) >= 2


def _listed_speaker(text: str, start: int, end: int, lex: Lexicon) -> Mention | None:
    """'Chris Cillizza, The Washington Post: "...': a paragraph that opens with a short
    name phrase and a colon, no verb, then the quote; the name is the speaker."""
    head = text[start:end].rstrip()
    if not head.endswith(":") or ":" in head[:-1] or len(head) > 100:
        return None
    toks = tokens(text, start, start + len(head) - 1)
    words = [t for t in toks if t.text not in ",;:()"]
    if not words or len(words) > 8 or not capitalised(words[0]):
        return None
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    named = toks[: commas[0]] if commas else toks
    mention = read_phrase(text, named, lex)
    if mention is None or mention.name is None or mention.name_span is None or mention.refers_back:
        return None
    if not all(capitalised(t) or t.key in lex.particles for t in named):
        return None
    described = " ".join(t.text for t in toks[commas[0] + 1 :]) if commas else ""
    return replace(mention, role=mention.role or described or None)


def _colon_quotes(text: str, lines: list[Span], cues: Cues, lex: Lexicon, quoted: Quoted,
                  sentence_at: SentenceAt | None = None) -> list[Candidate]:
    """A paragraph ending in 'X заявил:' makes the next paragraph X's words (marks lost)."""
    out: list[Candidate] = []
    if cues.after is None:
        return out
    for ln, nxt in pairwise(lines):
        line = ln.of(text).rstrip()
        if not line.endswith(":") or quoted.overlaps(nxt):
            continue
        ms = list(cues.after.finditer(text, ln.start, ln.start + len(line)))
        if not ms:
            continue
        m = ms[-1]
        sent = sentence_at(m.start()) if sentence_at is not None else ln
        # the subject of the verb's own sentence ('Причина не установлена. В сообщении лейбла говорится:')
        start = sent.start if ln.start <= sent.start <= m.start() else ln.start
        phrase = _phrase_before(text, start, m.start(), lex, frozenset())
        if not phrase:
            phrase = _phrase_after(text, m.end(), ln.start + len(line) - 1, lex)
        span = _strip(text, nxt)
        if len(span) >= cues.min_chars and phrase:
            out.append(Candidate("direct", span, read_phrase(text, phrase, lex), m.group(), Span(m.start(), m.end()),
                                 _stance(cues, m.group())))
    return out


def _content(text: str, start: int, end: int, cues: Cues, quoted: Quoted) -> Span | None:
    if cues.complement is not None:
        m = cues.complement.match(text, start, end)
        if m:
            start = m.end()
    first = quoted.first_start_in(start, end)
    if first is not None:
        end = first - 1
    span = _strip(text, Span(start, max(start, end)))
    span = _strip(text, Span(span.start, _attribution_start(text, span, cues)))
    body = span.of(text).rstrip(".!?")
    if len(body) < cues.min_chars or not _has_words(body, 4) or body[:1] in "\"“«„'":
        return None
    return Span(span.start, span.start + len(body))


def _attribution_start(text: str, span: Span, cues: Cues) -> int:
    """Where a trailing attribution in a content clause starts (", RIA Novosti reported",
    ", kata polisi", ", seperti dilansir TASS, Selasa"), else the end of ``span``."""
    end = span.end
    if cues.credit is not None:
        credit = cues.credit.search(text, span.start, end)
        if credit is not None and text[span.start : credit.start()].rstrip().endswith(","):
            end = text.rindex(",", span.start, credit.start())
    if cues.verb is None:
        return end
    comma = text.rfind(",", span.start, end)
    if comma < 0:
        return end
    tail = list(islice((t for t in iter_tokens(text, comma + 1, end) if _WORDS.search(t.text)), 8))
    if not tail or len(tail) > 7:
        return end
    verbs = [i for i, t in enumerate(tail) if cues.verb.fullmatch(t.text.rstrip(".!?"))]
    if not verbs:
        return end
    i = verbs[0]
    # ", RIA Novosti reported", ", the ministry said on Sunday", ", сообщил ТАСС"
    named = tail[0].text[:1].isupper() or tail[0].key in cues.determiners
    if len(tail) - i <= 4 and (i == 0 or (i <= 4 and named)):
        return comma
    return end


def _reported(text: str, sent: Span, cues: Cues, lex: Lexicon, quoted: Quoted,
              prev: Span | None, used: frozenset[int] = frozenset()) -> list[Candidate]:
    out = _reported_one(text, sent, cues, lex, quoted, prev, used)
    if out and cues.participle is not None and out[-1].kind == "indirect":
        # "X said ..., adding that ...": a second report of the same speaker
        first = out[-1]
        for pm in cues.participle.finditer(text, first.span.start, sent.end):
            right_after = first.cue_span is not None and not _WORDS.search(text, first.cue_span.end, pm.start())
            if quoted.at(pm.start()) or not (
                    right_after or text[first.span.start : pm.start()].rstrip().endswith(",")):
                continue
            second = _content(text, pm.end(), sent.end, cues, quoted)
            if second is None:
                continue
            if first.span.end > pm.start():
                cut = _strip(text, Span(first.span.start, pm.start()))
                if len(cut) < cues.min_chars:
                    break
                first.span = cut
            out.append(Candidate("indirect", second, first.mention, pm.group(), Span(pm.start(), pm.end()),
                                 first.stance))
            break
    return out


def _reported_one(text: str, sent: Span, cues: Cues, lex: Lexicon, quoted: Quoted,
                  prev: Span | None, used: frozenset[int]) -> list[Candidate]:
    """Reported speech in one sentence; ``used`` holds the cues of direct quotes
    ('"...," said X': the verb is the quote's, not a new report)."""
    out: list[Candidate] = []
    if quoted.contains(sent):
        return out
    # the self, "according to" and verb cues are all among the combined cue: none of them
    # starts before its first match, so their searches start there
    first = _first_cue(text, sent, cues)
    if first is None:
        return out
    # "menurut X, ...", "according to X, ...", "по словам X, ..."
    if cues.self_cue is not None:
        for m in cues.self_cue.finditer(text, first, sent.end):
            if quoted.at(m.start()) or _quote_cue(text, sent.start, m.start(), cues, used):
                continue
            span = _content(text, m.end(), sent.end, cues, quoted)
            if span is None and m.start() - sent.start > 20:
                span = _content(text, sent.start, m.start(), cues, quoted)
            if span is not None:
                out.append(Candidate("indirect", span, Mention(m.group(), None, refers_back=True), m.group(),
                                     Span(m.start(), m.end())))
                return out
    if cues.according is not None:
        found = [m for m in cues.according.finditer(text, first, sent.end)
                 if not quoted.at(m.start()) and not _quote_cue(text, sent.start, m.start(), cues, used)]
        ends = [m.start() for m in found[1:]] + [sent.end] if found else []
        for m, end in zip(found, ends, strict=True):
            # each "menurut X" cue holds the content up to the next one
            head = next(iter_tokens(text, m.end(), end), None)
            if head is not None and head.key in lex.expletives:
                continue  # "Menurut Undang-Undang Nomor 18", "Согласно закону": no one speaks
            comma = text.find(",", m.end(), end)
            phrase_end = comma if 0 <= comma - m.end() <= 120 else -1
            that = _complementiser_after(text, m.end(), end, cues) if phrase_end < 0 else None
            if that is not None:
                # "media reported citing an Ahrar al-Sham statement that ...": the content after "that"
                phrase = _phrase_after(text, m.end(), that, lex)
                span = _content(text, that, end, cues, quoted)
                if span is not None and phrase:
                    out.append(Candidate("indirect", span, read_phrase(text, phrase, lex), m.group(),
                                         Span(m.start(), m.end())))
                    continue
            if phrase_end < 0 and m.start() - sent.start > 20:
                # "..., according to campaign finance records.": the content comes first
                span = _content(text, sent.start, m.start(), cues, quoted)
                phrase = _phrase_after(text, m.end(), end, lex)
                if span is not None and phrase:
                    out.append(Candidate("indirect", span, read_phrase(text, phrase, lex), m.group(),
                                         Span(m.start(), m.end())))
                    continue
            if phrase_end < 0:
                ph = _according_np(_phrase_after(text, m.end(), end, lex), cues, lex)
                if not ph:
                    continue
                phrase_end = ph[-1].end
                while phrase_end < end and text[phrase_end] in cues.double_close + cues.single_close:
                    phrase_end += 1  # 'По данным «Базы» последняя книга ...': the mark closes the name
            else:
                nxt = re.compile(r",\s*((?:[A-ZА-ЯЁ][\w'-]*\s*){1,3}),").match(text, comma, end)
                if nxt:
                    phrase_end = nxt.end() - 1
            phrase = _phrase_after(text, m.end(), phrase_end, lex)
            rest = list(islice(iter_tokens(text, phrase_end + 1, end), 1))
            if (phrase and m.start() - sent.start > 20 and rest
                    and (rest[0].key in cues.subordinators or rest[0].key in lex.leading)):
                # "X happened, according to A, while B said Y": the content comes first,
                # and the clause after it is read on its own
                span = _content(text, sent.start, m.start(), cues, quoted)
                if span is not None:
                    out.append(Candidate("indirect", span, read_phrase(text, phrase, lex), m.group(),
                                         Span(m.start(), m.end())))
                    out.extend(_verb_reports(text, Span(phrase_end + 1, end), cues, lex, quoted, used))
                    continue
            span = _content(text, phrase_end, end, cues, quoted)
            if span is None and m.start() - sent.start > 20:  # "..., menurut X."
                span = _content(text, sent.start, m.start(), cues, quoted)
            if span is not None and phrase:
                out.append(Candidate("indirect", span, read_phrase(text, phrase, lex), m.group(),
                                     Span(m.start(), m.end())))
                continue
        if out:
            return out
    if cues.back is not None:
        bm = cues.back.search(text, sent.start, min(sent.end, sent.start + 60))
        if bm:
            m = bm
            if prev is not None:
                span = _content(text, prev.start, prev.end, cues, quoted)
                # "Об этом он заявил в Twitter": a subject between the cue's words and its verb speaks
                verbs = list(cues.verb.finditer(text, m.start(), m.end())) if cues.verb is not None else []
                phrase = (_phrase_before(text, m.start(), verbs[-1].start(), lex, cues.subordinators)
                          if verbs else None) or _phrase_after(text, m.end(), sent.end, lex)
                if span is not None and phrase:
                    out.append(Candidate("indirect", span, read_phrase(text, phrase, lex), m.group(),
                                         Span(m.start(), m.end())))
                    return out
    return out + _verb_reports(text, sent, cues, lex, quoted, used, first)


#: the most lower-case words a speaker phrase after an "according to" cue without a comma holds
#: besides titles and organisation words ("independent monitors")
ACCORDING_LOWER = 2


def _according_np(toks: list[Token], cues: Cues, lex: Lexicon) -> list[Token]:
    """The speaker phrase of an "according to" cue whose content follows with no comma ("По
    словам Джоли она ...", "According to the Syrian Observatory for Human Rights the ...", "Menurut
    Fadli tindakan ..."): it ends before a new noun phrase (a determiner, a pronoun, a number), a
    lower-case word after a name or a title unless a title or an organisation word follows it
    ("Reuters news agency"), a word with the ending of a nominative adjective, or past
    :data:`ACCORDING_LOWER` other lower-case words."""

    def head(t: Token) -> bool:
        return t.key in lex.title_forms or t.key in lex.documents or is_org_word(t.key, lex)

    out: list[Token] = []
    lower = 0
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if out and (t.key in cues.determiners or t.key in lex.pronouns or t.text[:1].isdigit()):
            break  # "According to the ministry the strikes killed ...": a new phrase
        named = capitalised(t) or t.key in lex.particles or t.key.startswith(lex.particle_prefixes)
        joined = (t.key in lex.affiliation_words and nxt is not None and capitalised(nxt) and bool(out)
                  and capitalised(out[-1]))  # "Observatory for Human Rights"
        if not named and not head(t) and not joined:
            # (where a title's field follows it, "ketua panitia", the title goes on)
            titled = head(out[-1]) and not capitalised(out[-1]) and lex.field_after_title if out else False
            if out and not titled and (capitalised(out[-1]) or head(out[-1]) or out[-1].key in lex.pronouns) and not (
                    nxt is not None and head(nxt) and not capitalised(nxt)):
                break  # "Menurut Fadli tindakan ...", "SANA reporter more than ..."
            if out and lex.adjective_endings and t.key.endswith(lex.adjective_endings):
                break  # "По мнению прокуратуры конечная цена ..."
            lower += t.key not in cues.determiners
            if lower > ACCORDING_LOWER:
                break
        out.append(t)
    return out


#: how far after a quote's speaker a participle still adds to what they said
ADDED_REACH = 80


def _added_after(text: str, cand: Candidate, end: int, sentence_at: SentenceAt, cues: Cues,
                 lex: Lexicon) -> Candidate | None:
    """'"...," said X, adding that Y.': Y is reported speech of the quote's speaker."""
    if cues.participle is None or cand.cue_span is None or cand.cue is None:
        return None
    mention = cand.mention
    if mention is None:
        if lex.enclitic is None or not lex.enclitic.search(cand.cue):
            return None
        mention = Mention(cand.cue, cand.cue_span, refers_back=True)  # '," sebutnya, sembari menambahkan'
    start = max(end, cand.cue_span.end, mention.span.end if mention.span is not None else 0)
    sent = sentence_at(start)
    limit = min(sent.end, start + ADDED_REACH)
    pm = cues.participle.search(text, start, limit)
    if pm is None:
        return None
    # a one-word participle takes a noun object as readily as a clause ("adding fuel"): only with "that"
    one_word = " " not in pm.group().strip()
    if one_word and (cues.complement is None or not cues.complement.match(text, pm.end(), sent.end)):
        return None
    span = _content(text, pm.end(), sent.end, cues, Quoted([cand.span]))
    if span is None:
        return None
    return Candidate("indirect", span, mention, pm.group(), Span(pm.start(), pm.end()), cand.stance)


def _complementiser_after(text: str, start: int, end: int, cues: Cues, commas: bool = False) -> int | None:
    """Where a complementiser stands within eight words after ``start`` ("citing a statement that"),
    or None; past commas too when ``commas`` ("говорил в Госдуме, будто ...")."""
    if cues.complement is None:
        return None
    for n, t in enumerate(iter_tokens(text, start, end)):
        if n >= 8 or t.text in ".;:" or (t.text == "," and not commas):
            return None
        if n and cues.complement.fullmatch(t.text):
            return t.start
    return None


def _first_cue(text: str, sent: Span, cues: Cues) -> int | None:
    """Where the first cue that :func:`_reported_one` reads in ``sent`` starts: a reporting
    verb, a self cue or an "according to" cue (the combined cue's first match), else the
    sentence's end when a ``back`` cue stands near its start, else None: no cue."""
    if cues.any_cue is not None:
        m = cues.any_cue.search(text, sent.start, sent.end)
        if m is not None:
            return m.start()
    if cues.back is not None and cues.back.search(text, sent.start, min(sent.end, sent.start + 60)):
        return sent.end
    return None


def _verb_reports(text: str, sent: Span, cues: Cues, lex: Lexicon, quoted: Quoted,
                  used: frozenset[int], scan_from: int | None = None) -> list[Candidate]:
    """Reported speech cued by a reporting verb: the first one in ``sent`` that has a
    subject and a content clause. No verb starts before ``scan_from`` when it is given."""
    out: list[Candidate] = []
    if cues.verb is None:
        return out
    for m in cues.verb.finditer(text, sent.start if scan_from is None else scan_from, sent.end):
        if quoted.at(m.start()) or _passive(text, sent.start, m.start(), cues, lex):
            continue
        if cues.passive_after is not None and cues.passive_after.match(text, m.end(), sent.end):
            continue  # "a blast claimed by the group killed ..."
        if _in_name(text, sent.start, m):
            continue  # "REUTERS Rodi Said", "No Casualities Reported Amid ...": a name or a headline
        if _quote_cue(text, sent.start, m.start(), cues, used) and not (
                cues.complement is not None and cues.complement.match(text, m.end(), sent.end)):
            continue  # '"Not me," said X': the words in marks are X's (here too short to be a quote);
            # 'замечает, что ... комментарий:' reports its own clause before the quote it opens
        stance = _stance(cues, m.group())
        # the words after the verb, up to thirteen: only whether there are more than twelve matters
        rest = list(islice((t for t in iter_tokens(text, m.end(), sent.end) if _WORDS.search(t.text)), 13))
        # "..., the ministry said." / "... the ministry said in a statement.": a short tail
        # after the verb that opens with a stop word and has no complementiser is no clause
        adjunct = (bool(rest) and len(rest) <= 8 and is_stop(rest[0], lex) and cues.complement is not None
                   and not any(cues.complement.fullmatch(t.text) for t in rest))
        # "... the ministry said adding that ...": the verb ends the first report
        participial = bool(rest) and any(p is not None and p.fullmatch(rest[0].text) is not None
                                         for p in (cues.participle, cues.adjunct))
        before = text[sent.start : m.start()].rstrip()
        comma_first = before.endswith((",", "—", "–"))
        listener = cues.listener is not None and cues.listener.fullmatch(m.group()) is not None
        # only a verb that may stand after its content ("said", "kata") has its speaker after it
        postposed = cues.post is not None and cues.post.fullmatch(m.group()) is not None
        set_off = comma_first and postposed and before.endswith(",") and _set_off_speaker(text, sent, m, lex)
        short = len(rest) <= 6 or adjunct or participial or set_off
        stopped = text[m.end() : sent.end].lstrip().startswith((";", "."))  # "... the Red Cross said; ..."
        trailing = stopped or adjunct or participial or (
            short and comma_first and not _name_between_commas(text, sent.start, m.start(), lex))
        named_after = (_named_after(text, m.end(), sent.end, lex)
                       if len(rest) <= 12 and postposed and not (participial or listener or comma_first) else None)
        if named_after is not None and len(tokens(text, sent.start, m.start())) >= 4:
            # "Among the dead were 20 children said Observatory director Rami Abdel Rahman.": a text
            # that lost its commas, the speaker named after the verb
            span = _content(text, sent.start, m.start(), cues, quoted)
            if span is not None:
                out.append(Candidate("indirect", span, read_phrase(text, named_after, lex), m.group(),
                                     Span(m.start(), m.end()), stance))
                return out
        # the content follows: "X mengatakan bahwa ...", "X said the ...", "X denied reports that ..."
        clause = _object_end(text, m.end(), sent.end, cues)
        if clause == m.end() and rest and is_stop(rest[0], lex):
            late = _complementiser_after(text, m.end(), sent.end, cues)
            if late is not None and len(_WORDS.findall(text, m.end(), late)) <= 3:
                clause = late  # "said on Monday that ...": a time before the content
        span = None if trailing else _content(text, clause, sent.end, cues, quoted)
        needs = cues.needs_complementiser
        if span is not None and needs is not None and needs.fullmatch(m.group()):
            colon = text[clause : sent.end].lstrip().startswith(":")  # 'сообщил: ...': the marks lost
            if not colon and (cues.complement is None or not cues.complement.match(text, clause, sent.end)):
                late = _complementiser_after(text, clause, sent.end, cues, commas=True)
                if late is None:
                    continue  # "menolak desakan mundur": a noun object
                span = _content(text, late, sent.end, cues, quoted)  # "говорил в Госдуме, будто ..."
        if span is not None:
            subject = _phrase_before(text, sent.start, m.start(), lex, cues.subordinators, cues.relatives)
            acc = cues.according.match(text, subject[0].start) if cues.according and subject else None
            if acc is not None and acc.end() >= m.end():
                continue  # 'Как сообщил X: «...»': the verb of an according-to cue, its speaker after it
            body = (_locative_body(text, sent.start, m.start(), lex, cues)
                    if not subject and cues.impersonal is not None and cues.impersonal.fullmatch(m.group()) else None)
            if body is not None and not quoted.overlaps(Span(body[0].start, body[-1].end)):
                # "В МИД России заявили, что ...": the organisation named after the preposition speaks
                first = Candidate("indirect", span, _body_mention(text, body, lex), m.group(),
                                  Span(m.start(), m.end()), stance)
                return [first, *_joined(text, first, sent, cues, lex, quoted, used)]
            if subject and cues.participle is not None and cues.participle.fullmatch(m.group()):
                # "The Coalition strongly condemned these crimes calling on ...": a participle
                # has the subject of the clause it hangs on, the noun phrase that opens it
                subject = _leading_np(subject, lex)
            if subject and not quoted.overlaps(Span(subject[0].start, subject[-1].end)):
                first = Candidate("indirect", span, read_phrase(text, subject, lex), m.group(),
                                  Span(m.start(), m.end()), stance)
                return [first, *_joined(text, first, sent, cues, lex, quoted, used)]
        # the content comes first: "... , сообщил X." / "... the ministry said on Sunday."
        if short:
            if comma_first:
                cut = sent.start + len(before.rstrip(",—– "))
                phrase = _phrase_after(text, m.end(), text.find(",", m.end(), sent.end) if set_off else sent.end, lex)
                if listener:
                    # "..., Mark Heller, a former aide, told The Post": the speaker is before
                    cut, phrase = _speaker_before_comma(text, sent.start, cut, lex)
                span = _content(text, sent.start, cut, cues, quoted)
            elif rest and not (stopped or participial or is_stop(rest[0], lex) or rest[0].text[:1].isupper()
                               or _listener_object(text, m, sent.end, cues)):
                continue  # "... 375 orang milisi mengaku menyerah": the verb has its own complement
            else:
                phrase = _np_back(text, sent.start, m.start(), lex)
                span = _content(text, sent.start, phrase[0].start, cues, quoted) if phrase else None
            # an article or a demonstrative alone names nobody ("... dismissed the reports")
            named = bool(phrase) and not all(t.key in lex.demonstratives or t.key in lex.indefinites for t in phrase)
            mention = read_phrase(text, phrase, lex) if span is not None and named else None
            if span is not None and mention is not None:
                # a content-first report needs someone after the verb ("... dismissed the reports": no one)
                out.append(Candidate("indirect", span, mention, m.group(), Span(m.start(), m.end()), stance))
                return out
    return out


def _name_before_details(toks: list[Token], commas: list[int], lex: Lexicon) -> list[Token] | None:
    """The name that opens comma-separated details of a person (an age, "from Wembley", "also of
    north London", a place), or None."""
    if not commas or any(toks[i].text != "," for i in commas):
        return None  # (one comma left when the one before the verb is taken: "Andrew Beh, of brokers ING,")
    head = toks[: commas[0]]
    if (not head or len(head) > 5 or head[0].key in lex.leading
            or not all(capitalised(t) or t.key in lex.honorifics for t in head)):
        return None
    bounds = [*commas, len(toks)]
    homed = False
    for a, b in pairwise(bounds):
        seg = toks[a + 1 : b]
        words = [t for t in seg if t.key not in lex.leading]
        if not words:
            continue
        age = len(words) == 1 and words[0].text.isdigit()
        home = words[0].key in lex.affiliation_words
        place = homed and len(words) <= 3 and all(capitalised(t) for t in words)  # "from Wembley, London"
        if not (age or home or place):
            return None
        homed = homed or home
    return head


def _in_name(text: str, start: int, verb: re.Match[str]) -> bool:
    """A cue written with a capital inside a sentence, after a capitalised word: part of a name
    ("Rodi Said", "Edward Said") or of a headline in title case ("No Casualties Reported")."""
    if not verb.group()[:1].isupper():
        return False
    before = text[start : verb.start()].rstrip()
    if not before or before[-1] in ".!?:;\"”»'’(\n":
        return False
    word = before.split()[-1]
    return word[:1].isupper()


def _set_off_speaker(text: str, sent: Span, verb: re.Match[str], lex: Lexicon) -> bool:
    """'..., говорит еще один источник, знакомый с ходом обсуждений.': content, a comma, an
    after-quote verb (the caller checks both) and a short speaker phrase that a comma ends (its
    description after it)."""
    head = [t for t in tokens(text, sent.start, verb.start()) if t.key not in lex.leading][:6]
    named = next((i for i, t in enumerate(head) if t.text == ","), 0)
    if 0 < named <= 4 and all(capitalised(t) or t.key in lex.honorifics for t in head[:named]):
        return False  # "Alain Terzian, president of ..., said the changes ...": the speaker comes first
    comma = text.find(",", verb.end(), sent.end)
    return comma > 0 and 0 < len(_WORDS.findall(text, verb.end(), comma)) <= 5


def _name_between_commas(text: str, start: int, verb: int, lex: Lexicon) -> bool:
    """Whether the words before a verb and its comma are a name with its title, set off by commas
    ("Kapolres Boyplali, AKBP Aries Andhi, mengatakan ..."): the speaker, not content before the verb."""
    words = [t for t in tokens(text, start, verb) if _WORDS.search(t.text)]
    cut = start + len(text[start:verb].rstrip().rstrip(",—–").rstrip())
    return 0 < len(words) <= 8 and _named_after(text, start, cut, lex) is not None


def _named_after(text: str, start: int, end: int, lex: Lexicon) -> list[Token] | None:
    """The words from ``start`` to the sentence end when they are only a name with its title
    ("Observatory director Rami Abdel Rahman", "the Syrian Observatory for Human Rights"):
    capitalised words, titles, ranks, organisation words and name particles, a determiner
    first and an affiliation word between; else None ("Russia would respond", "Tuesday")."""
    toks = [t for t in tokens(text, start, end) if _WORDS.search(t.text)]
    if not toks or len(toks) > 12:
        return None
    last = toks[-1]
    if last.text.endswith((".", "!", "?")) and last.key not in lex.honorifics and last.key not in lex.ranks:
        word = last.text.rstrip(".!?")
        toks[-1] = Token(word, last.start, last.start + len(word))
    names = 0
    for i, t in enumerate(toks):
        k = t.key
        if names and k in lex.indefinites:
            return toks[:i] if i <= 8 else None  # "the Syrian Observatory ... a Britain-based monitor"
        if capitalised(t):
            names += k not in lex.never_names and k not in lex.function_words  # "Syrian", "Tuesday": no name
        elif not (k in lex.titles or k in lex.ranks or k in lex.honorifics or k in lex.particles
                  or is_org_word(k, lex) or (i == 0 and k in lex.demonstratives)
                  or (0 < i < len(toks) - 1 and k in lex.affiliation_words and capitalised(toks[i + 1]))):
            return None  # ("Observatory for Human Rights": an affiliation word before a capitalised one)
    return toks if names and len(toks) <= 8 else None


def _leading_np(toks: list[Token], lex: Lexicon) -> list[Token]:
    """The noun phrase that opens ``toks``: a determiner, then names, titles, ranks,
    organisation words and name particles, with up to two other lower-case words before a
    title or an organisation word ("Russian foreign ministry spokeswoman"), up to the first
    other word ("The Coalition" of "The Coalition strongly condemned these crimes")."""
    determiners = lex.demonstratives | lex.indefinites

    def head(t: Token) -> bool:
        k = t.key
        return k in lex.titles or k in lex.ranks or k in lex.honorifics or is_org_word(k, lex)

    end = 0  # the tokens before it are the phrase
    i = 1 if toks and toks[0].key in lex.demonstratives else 0
    while i < len(toks):
        t = toks[i]
        if capitalised(t) or head(t) or (end and t.key in lex.particles):
            i += 1
            end = i
            continue
        gap = toks[i : i + 3]
        j = next((n for n, g in enumerate(gap) if head(g)), -1)
        if end and j > 0 and all(g.text.islower() and g.key not in determiners and not is_stop(g, lex)
                                 for g in gap[:j]):
            i += j  # "foreign" in "Russian foreign ministry"
            continue
        break
    out = toks[:end]
    return out if any(t.key not in lex.demonstratives for t in out) else toks


def _joined(text: str, first: Candidate, sent: Span, cues: Cues, lex: Lexicon, quoted: Quoted,
            used: frozenset[int]) -> list[Candidate]:
    """A second report joined to ``first`` ("X said A, while Y said B"): ``first`` is cut
    before the joiner and the second report returned, else nothing."""
    if cues.joiner is None:
        return []
    for jm in cues.joiner.finditer(text, first.span.start, first.span.end):
        if quoted.at(jm.start()):
            continue
        second = _verb_reports(text, Span(jm.end(), sent.end), cues, lex, quoted, used)
        if not second or second[0].span.start < jm.end():
            continue
        cut = _strip(text, Span(first.span.start, jm.start()))
        cut = Span(cut.start, cut.start + len(cut.of(text).rstrip(",;— ")))
        if len(cut) < cues.min_chars:
            return []
        first.span = cut
        return second
    return []


def _listener_object(text: str, verb: re.Match[str], end: int, cues: Cues) -> bool:
    """Whether a listener verb ends the sentence with its object ("... the clerk told reporters.")."""
    if cues.listener is None or cues.objects is None or not cues.listener.fullmatch(verb.group()):
        return False
    obj = cues.objects.match(text, verb.end(), end)
    return obj is not None and not _WORDS.search(text, obj.end(), end)


def _speaker_before_comma(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, list[Token]]:
    """The speaker phrase that ends at ``end`` after a comma ("..., Mark Heller" or "...,
    Mark Heller, a former aide to the governor") and where the content before it ends."""
    toks = tokens(text, start, end)
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    if not commas:
        return end, []
    last = commas[-1]
    first = last
    if (len(commas) > 1 and last + 1 < len(toks)
            and (toks[last + 1].key in lex.indefinites or toks[last + 1].key in lex.demonstratives)
            and last - commas[-2] <= 6):
        first = commas[-2]  # a name, then its description
    phrase = toks[first + 1 :]
    if not phrase or len(phrase) > 14:
        return end, []
    return toks[first].start, phrase


def _object_end(text: str, verb_end: int, end: int, cues: Cues) -> int:
    """Where the reported clause after a verb starts: after a noun object that a
    complementiser follows ("menolak laporan bahwa ...", "told reporters that ..."), else
    right after the verb."""
    if cues.objects is None or cues.complement is None:
        return verb_end
    obj = cues.objects.match(text, verb_end, end)
    if obj is None or not cues.complement.match(text, obj.end(), end):
        return verb_end
    return obj.end()


def _quote_cue(text: str, start: int, cue: int, cues: Cues, used: frozenset[int]) -> bool:
    """Whether the cue at ``cue`` attributes a quotation in marks ('"...," kata X')."""
    last = text[start:cue].rstrip(" ,—–-")[-1:]
    return cue in used or (last != "" and last in cues.double_close + cues.single_close)


def _passive(text: str, start: int, verb: int, cues: Cues, lex: Lexicon) -> bool:
    """Whether the verb at ``verb`` is passive ("are also believed", "was reported") or an
    infinitive ("untuk melaporkan", "refused to say")."""
    if cues.passive is None and cues.infinitive is None:
        return False
    toks = tokens(text, max(start, verb - 40), verb)
    while toks and toks[-1].key in lex.between:
        toks.pop()
    return bool(toks) and any(p is not None and p.fullmatch(toks[-1].key) is not None
                              for p in (cues.passive, cues.infinitive))


def _np_back(text: str, start: int, end: int, lex: Lexicon) -> list[Token]:
    """The noun phrase right before a verb at the end of a sentence ("a local source")."""
    toks = tokens(text, start, end)
    while toks and toks[-1].key in lex.between:
        toks.pop()
    out: list[Token] = []
    window = toks[-9:]
    for i in range(len(window) - 1, -1, -1):
        t = window[i]
        joined = (t.key in lex.affiliation_words and out and capitalised(out[0]) and i > 0
                  and capitalised(window[i - 1]))  # "the International Committee of the Red Cross"
        if t.text in ",;:" or (is_stop(t, lex) and not joined):
            break
        out.insert(0, t)
        if t.key in lex.demonstratives or t.key in ("a", "an"):
            if i > 1 and window[i - 1].key in lex.affiliation_words and capitalised(window[i - 2]):
                continue  # "of the Red Cross": the name goes on before "of"
            break
    return out


@stage("quotes", requires={"language", "body", "sentences"}, provides={"quotes", "entities"})
def quotes_stage(a: Analysis) -> dict[str, Any]:
    quotes, entities = find(a, a.language)
    return {"quotes": tuple(quotes), "entities": tuple(entities)}
