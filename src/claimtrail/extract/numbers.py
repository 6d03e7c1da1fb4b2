"""The number engine: tokens, digit groups and number words, driven by a language's
``numbers`` pack section.

Every pattern here is linear: a digit run is matched by a regular expression whose
alternatives start with different characters, and everything after that walks tokens
left to right, each step consuming at least one token.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Generic, NamedTuple, TypeVar

from claimtrail.lang.sections.numbers import Section as NumberWords

#: digits with ".", "," or space marks between groups, and detokenised " . " marks
_TOKEN = re.compile(
    r"(?P<num>\d+(?:(?:[.,]|[ \u00a0\u202f][.,] |[ \u00a0\u202f])\d+)*)|(?P<word>[^\W\d_]+)|(?P<punct>\S)"
)
#: the same for languages that do not group with spaces: only a no-break space before three digits
#: ("40\u202f000"), or two or more plain-space groups of three ("1 234 567") join a number
_TOKEN_NO_SPACE = re.compile(
    r"(?P<num>\d{1,3}(?: \d{3}(?!\d)){2,}(?:[.,]\d+)?"
    r"|\d+(?:(?:[.,]|[ \u00a0\u202f][.,] |[\u00a0\u202f](?=\d{3}(?!\d)))\d+)*)"
    r"|(?P<word>[^\W\d_]+)|(?P<punct>\S)"
)
#: the same patterns with the blank before each token and plain groups, for ``findall``
_SPACED = {p: re.compile(r"(\s*)(?:" + re.sub(r"\(\?P<\w+>", "(", p.pattern) + ")") for p in (_TOKEN, _TOKEN_NO_SPACE)}


def _ascii_classes(pattern: str) -> str:
    """``pattern`` with each Unicode class spelled as the ASCII characters it holds: the same matches on an
    ASCII text, and the regex engine tests such a class on a bitmap instead of looking each character up in
    the Unicode database (a tenth of the tokenizer's time on Indonesian news). ``\\s`` holds \\x1c-\\x1f."""
    return (pattern.replace(r"[^\W\d_]", "[A-Za-z]").replace(r"\d", "[0-9]")
            .replace(r"\S", r"[^\t-\r\x1c- ]").replace(r"\s", r"[\t-\r\x1c- ]"))


#: ``_SPACED`` for ASCII texts
_SPACED_ASCII = {p: re.compile(_ascii_classes(q.pattern)) for p, q in _SPACED.items()}
_GROUP = re.compile(r"\d{3}(?:[.,]\d+)?")
_SPACES = re.compile(r"[ \u00a0\u202f]")
#: the largest digit count whose value still fits a float
MAX_DIGITS = 308
TOO_LARGE = "too large for a float"


class Token(NamedTuple):
    kind: str  # "num", "word", "punct"
    start: int
    end: int
    text: str
    low: str

    def attached_to(self, nxt: Token) -> bool:
        return self.end == nxt.start


_new_tuple = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None, *, space_groups: bool = True) -> list[Token]:
    pattern = (_SPACED_ASCII if text.isascii() else _SPACED)[_TOKEN if space_groups else _TOKEN_NO_SPACE]
    # ``findall`` gives each token with the blank before it as strings, no match objects: the
    # positions follow from their lengths (12% less time than ``finditer`` and four match methods).
    # tuple.__new__ skips the named tuple's Python-level constructor: a third of the cost of a long line
    out: list[Token] = []
    add = out.append
    pos = start
    for blank, num, word, punct in pattern.findall(text, start, len(text) if end is None else end):
        first = pos + len(blank)
        if num:
            kind, g = "num", num
        elif word:
            kind, g = "word", word
        else:
            kind, g = "punct", punct
        pos = first + len(g)
        add(_new_tuple(Token, (kind, first, pos, g, g.casefold())))
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


V = TypeVar("V")


class PhraseTable(Generic[V]):
    """Phrases (token tuples) to values, matched forward from a token or backward to one."""

    def __init__(self, items: Mapping[str, V] | Iterable[tuple[str, V]], *, exact: bool = False,
                 letters_exact: bool = False) -> None:
        pairs = list(items.items() if isinstance(items, Mapping) else items)
        self.exact = exact
        #: one-letter phrases match only as written ("g" is a gram, "5G" a network)
        self.letters = {p for p, _ in pairs if len(p) == 1 and p.isalpha()} if letters_exact else None
        #: phrases of several tokens with a one-letter token match as written too ("A$" is no "a $3500")
        self.cased: dict[tuple[str, ...], tuple[str, ...]] = {}
        if letters_exact:
            for p, _ in pairs:
                texts = tuple(t.text for t in tokenize(p))
                if len(texts) > 1 and any(len(x) == 1 and x.isalpha() for x in texts):
                    self.cased[phrase_key(p)] = texts
        self.table: dict[tuple[str, ...], V] = {}
        for phrase, value in pairs:
            key = tuple(t.text for t in tokenize(phrase)) if exact else phrase_key(phrase)
            if key:
                self.table[key] = value
        self.longest = max((len(k) for k in self.table), default=0)
        #: first and last tokens of the phrases: most lookups stop at one set test
        self.firsts = frozenset(k[0] for k in self.table)
        self.lasts = frozenset(k[-1] for k in self.table)
        #: the lengths of the phrases each first (last) token opens (closes), longest first: a lookup
        #: builds keys of those lengths only
        self.from_first = _lengths((k[0], len(k)) for k in self.table)
        self.to_last = _lengths((k[-1], len(k)) for k in self.table)

    def __bool__(self) -> bool:
        return bool(self.table)

    def forward(self, toks: Sequence[Token], i: int) -> tuple[V, int] | None:
        """The longest phrase starting at token ``i``: (value, index after it)."""
        if i >= len(toks):
            return None
        exact = self.exact
        first = toks[i].text if exact else toks[i].low
        lengths = self.from_first.get(first)
        if lengths is None:
            return None
        table = self.table
        room = len(toks) - i
        for n in lengths:
            if n > room:
                continue
            key = (first,) if n == 1 else tuple([t.text for t in toks[i : i + n]] if exact
                                                else [t.low for t in toks[i : i + n]])
            if key in table and (self.letters is None or not self._wrong_case(toks, i, n, key)):
                return table[key], i + n
        return None

    def _wrong_case(self, toks: Sequence[Token], i: int, n: int, key: tuple[str, ...]) -> bool:
        if self.letters is None:
            return False
        if n > 1:
            want = self.cased.get(key)
            return want is not None and tuple(t.text for t in toks[i : i + n]) != want
        tok = toks[i]
        return len(tok.text) == 1 and tok.text.isalpha() and tok.text not in self.letters

    def backward(self, toks: Sequence[Token], i: int) -> tuple[V, int] | None:
        """The longest phrase ending just before token ``i``: (value, index of its first token)."""
        if i <= 0 or i > len(toks):
            return None
        exact = self.exact
        last = toks[i - 1].text if exact else toks[i - 1].low
        lengths = self.to_last.get(last)
        if lengths is None:
            return None
        table = self.table
        for n in lengths:
            if n > i:
                continue
            key = (last,) if n == 1 else tuple([t.text for t in toks[i - n : i]] if exact
                                               else [t.low for t in toks[i - n : i]])
            if key in table and (self.letters is None or not self._wrong_case(toks, i - n, n, key)):
                return table[key], i - n
        return None


def _lengths(ends: Iterable[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    """For each token that opens (or closes) a phrase, the lengths of those phrases, longest first."""
    found: dict[str, set[int]] = {}
    for token, n in ends:
        found.setdefault(token, set()).add(n)
    return {token: tuple(sorted(ns, reverse=True)) for token, ns in found.items()}


@dataclass(slots=True)
class Reading:
    """A number read from tokens ``[first, after)``. Never changed once made (``replace`` makes a new one);
    not frozen, because a frozen dataclass sets each field through ``object.__setattr__``, and one is made
    for every number read."""

    first: int
    after: int
    value: float | None
    note: str | None = None
    #: the number carried a scale word ("ribu", "million")
    scale: float | None = None
    #: written in digits
    digits: bool = False
    #: an integer written in plain digits with no marks ("2012")
    plain: str | None = None
    #: the words end with a denominator ("two thirds", "fifty-four hundredths")
    fraction: bool = False


class Numbers:
    """A language's number rules, compiled."""

    def __init__(self, s: NumberWords) -> None:
        self.decimal = s.decimal
        self.group: set[str] = set(s.group)
        self.space_groups = s.space_groups
        self.two_digit_groups = s.two_digit_groups
        self.words = {k.casefold(): v for k, v in s.words.items()}
        self.multipliers = {k.casefold(): v for k, v in s.multipliers.items()}
        self.teens = {k.casefold(): v for k, v in s.teens.items()}
        self.one_multipliers = {k.casefold(): v for k, v in s.one_multipliers.items()}
        self.scales = PhraseTable({**s.scales, **s.approx_scales})
        self.approx_scales = frozenset(w.casefold() for w in s.approx_scales)
        self.one_scales = {k.casefold(): v for k, v in s.one_scales.items()}
        self.scale_abbr = PhraseTable(s.scale_abbreviations, exact=True)
        self.decimal_scale_abbr = PhraseTable(s.decimal_scale_abbreviations, exact=True)
        self.connectors = {c.casefold() for c in s.connectors}
        self.negative = {w.casefold() for w in s.negative}
        self.decimal_words = {w.casefold() for w in s.decimal_words}
        self.denominators = {k.casefold(): v for k, v in s.denominators.items()}
        self.compound_denominators = {k.casefold(): v for k, v in s.compound_denominators.items()}
        self.ambiguous_denominators = {w.casefold() for w in s.ambiguous_denominators}
        self.plural_denominators = {w.casefold() for w in s.plural_denominators}
        self.scale_ordinals = {w.casefold() for w in s.scale_ordinals}
        self.fraction_articles = {w.casefold() for w in s.fraction_articles}
        self.fraction_after = {w.casefold() for w in s.fraction_after}
        self.fraction_before = {w.casefold() for w in s.fraction_before}
        self.added = PhraseTable(s.added_fractions)
        #: the (folded) tokens that can go on a number written in digits in ``with_scale``: fraction words
        #: ("2½"), added fractions, decimal words, multipliers, scale words and abbreviations
        self.digit_tails = (frozenset(w for w, v in self.words.items() if 0 < v < 1) | self.added.firsts
                            | frozenset(self.decimal_words) | frozenset(self.multipliers) | self.scales.firsts
                            | frozenset(t.casefold() for t in self.scale_abbr.firsts | self.decimal_scale_abbr.firsts))

    # ------------------------------------------------------------------ digits

    def digit_values(self, tok: Token) -> list[tuple[int, int, float | None, str | None, str | None]] | None:
        """Read a digit run into numbers: ``(start, end, value, note, plain)`` each.

        ``None`` when the run is not a number as written in this language (a date such as
        "21.05.2017", a code, a list of more than two space-separated numbers).
        """
        if tok.text.isdigit():  # plain digits, the common case: no marks or spaces to split on
            value, note = _to_float(tok.text, "")
            return [(tok.start, tok.end, value, note, tok.text)]
        chunks = self._space_chunks(tok)
        if len(chunks) > 2:
            return None
        out = []
        for start, text in chunks:
            compact = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
            read = self._read_marks(compact)
            if read is None:
                return None
            value, note = read
            plain = compact if compact.isdigit() else None
            out.append((start, start + len(text), value, note, plain))
        return out

    def plain_digits(self, toks: Sequence[Token], i: int) -> Reading | None:
        """Digits with no marks at ``i`` that no word after them goes on (most numbers in news): the
        reading that ``digit_values`` and ``with_scale`` give them, made at once; else None."""
        tok = toks[i]
        if tok.kind != "num" or not tok.text.isdigit() or (i + 1 < len(toks) and toks[i + 1].low in self.digit_tails):
            return None
        value, note = _to_float(tok.text, "")
        return Reading(i, i + 1, value, note, None, True, tok.text)

    def _space_chunks(self, tok: Token) -> list[tuple[int, str]]:
        """Split a run at spaces that do not group thousands."""
        text = tok.text
        pieces: list[tuple[int, str]] = []
        pos = 0
        for m in _SPACES.finditer(text):
            # a space inside " . " is a detokenised mark, not a break
            if m.start() + 1 < len(text) and text[m.start() + 1] in ".,":
                continue
            if m.start() > 0 and text[m.start() - 1] in ".,":
                continue
            pieces.append((pos, text[pos : m.start()]))
            pos = m.end()
        pieces.append((pos, text[pos:]))
        if len(pieces) > 1:
            # the tokenizer of a language without space groups joins only "1 234 567" and no-break spaces;
            # spans are merged by offsets, so a long run of groups costs one pass
            spans: list[list[int]] = []
            takes_groups = False
            for start, piece in pieces:
                if spans and takes_groups and _GROUP.fullmatch(piece):
                    spans[-1][1] = start + len(piece)
                    takes_groups = _no_decimal(piece)
                else:
                    spans.append([start, start + len(piece)])
                    takes_groups = _groupable_head(piece) and _no_decimal(piece)
            pieces = [(a, text[a:b]) for a, b in spans]
        return [(tok.start + s, p) for s, p in pieces]

    def _read_marks(self, s: str) -> tuple[float | None, str | None] | None:
        parts = re.split(r"([.,])", s)
        digits, marks = parts[0::2], parts[1::2]
        conventions: list[tuple[str, set[str]]] = [(self.decimal, set(self.group)),
                                                   (_other(self.decimal), {self.decimal})]
        for decimal, group in conventions:
            read = _interpret(digits, marks, decimal, group, self.two_digit_groups and decimal == self.decimal)
            if read is not None:
                return _to_float(*read)
        return None

    # ------------------------------------------------------------------ words

    def starts(self) -> frozenset[str]:
        """Words that can open a number."""
        return frozenset(self.words) | frozenset(self.one_multipliers) | frozenset(self.one_scales)

    def is_word(self, tok: Token) -> bool:
        lw = tok.low
        return tok.kind == "word" and (lw in self.words or lw in self.one_multipliers or lw in self.one_scales)

    def read(self, toks: Sequence[Token], i: int) -> Reading | None:
        """A number starting at token ``i``, digits or words, with any scale words after it."""
        tok = toks[i]
        if tok.kind == "num":
            return None  # digit runs are read by the caller through digit_values
        if self.is_word(tok):
            return self._read_words(toks, i)
        if i > 0 and toks[i - 1].low in self.fraction_articles and self._scale_or_multiplier(toks, i):
            return self._read_words(toks, i, article=True)  # "a hundred", "a thousand", "a million"
        if tok.low in self.multipliers and i + 1 < len(toks) and self._scale_at(toks, i + 1) is not None:
            read = self._read_words(toks, i, article=True)  # "hundred thousand dollars"
            return replace(read, first=i) if read is not None else None
        return None

    def _spoken_hundreds(self, toks: Sequence[Token], j: int) -> tuple[float, int] | None:
        """A tens word and a digit word at ``j`` after a digit word: hundreds said the short way
        ("one twenty two" = 122); both words are needed, so "one twenty" stays two numbers."""
        tens = self.words.get(toks[j].low, 0.0)
        if not (20 <= tens < 100 and tens % 10 == 0):
            return None
        k = j + 1
        if k < len(toks) and toks[k].low in self.connectors and not toks[k].low.isalpha():
            k += 1
        unit = self.words.get(toks[k].low, 0.0) if k < len(toks) and toks[k].kind == "word" else 0.0
        if not (1 <= unit < 10 and unit == int(unit)):
            return None
        return tens + unit, k + 1

    def _tens_denominator(self, toks: Sequence[Token], j: int) -> int | None:
        """The index of a one-digit denominator after the tens word at ``j`` ("twenty-fifth")."""
        v = self.words.get(toks[j].low, 0.0)
        if not (20 <= v < 100 and v % 10 == 0):
            return None
        k = j + 1
        if k < len(toks) and toks[k].low in self.connectors and not toks[k].low.isalpha():
            k += 1
        if k < len(toks) and self._denominator_word(toks[k]):
            den = self.denominators.get(toks[k].low) or self.compound_denominators.get(toks[k].low, 0.0)
            if den < 10:
                return k
        return None

    def _smaller_scale(self, toks: Sequence[Token], k: int, scale: float) -> bool:
        hit = self._scale_at(toks, k)
        return hit is not None and hit[0] < scale

    def _denominator_word(self, tok: Token) -> bool:
        return tok.low in self.denominators or tok.low in self.compound_denominators

    def _scale_or_multiplier(self, toks: Sequence[Token], i: int) -> bool:
        return toks[i].low in self.multipliers or self._scale_at(toks, i) is not None

    def scale_starts(self) -> frozenset[str]:
        """Multipliers and one-word scales, which open a number after an article ("a hundred")."""
        if not self.fraction_articles:
            return frozenset()
        return frozenset(self.multipliers) | frozenset(k[0] for k in self.scales.table if len(k) == 1)

    def fraction_ahead(self, toks: Sequence[Token], k: int) -> tuple[float, int] | None:
        """A fraction that starts at ``k``: number words ending in a denominator ("three fifths",
        "fifty-four hundredths") or an article and a denominator ("a fifth"); (value, index after)."""
        if k >= len(toks):
            return None
        if toks[k].low in self.fraction_articles:
            den = self.fraction_at(toks, k + 1, plain=True)
            return (1 / den[0], den[1]) if den is not None else None
        if not self.is_word(toks[k]):
            return None
        sub = self._read_words(toks, k, nested=True)
        if sub is None or not sub.fraction or sub.value is None:
            return None
        return sub.value, sub.after

    def with_scale(self, toks: Sequence[Token], r: Reading) -> Reading:
        """Apply scale words after a number read from digits ("250 ribu", "17 тис. 971")."""
        j = r.after
        value = r.value
        total_scale = None
        last_scale = math.inf
        after_scale = -1
        if value is not None and j < len(toks):
            j, value = self._digit_tail(toks, r, j, value)
        while j < len(toks):
            hit = self._scale_at(toks, j)
            if hit is None and total_scale is None and r.value is not None and r.value != int(r.value):
                hit = self.decimal_scale_abbr.forward(toks, j)  # "1,2G", not "5G"
            if hit is None:
                break
            scale, k = hit
            stacked = total_scale is not None and j == after_scale and scale > last_scale
            if scale >= last_scale and not stacked:
                break  # "three thousand millions", "3 lakh crore": a larger scale right after one multiplies
            last_scale = scale * last_scale if stacked else scale
            total_scale = scale * (total_scale or 1)
            value = value * scale if value is not None else None
            j = after_scale = _absorb_dot(toks, k)
            # "17 тис. 971": three digits below the scale add to it
            if (j < len(toks) and toks[j].kind == "num" and len(toks[j].text) == 3 and toks[j].text.isdigit()
                    and int(toks[j].text) < scale and value is not None):
                value += int(toks[j].text)
                j += 1
            elif (j + 1 < len(toks) and toks[j].kind == "num" and toks[j].text.isdigit() and value is not None
                  and (toks[j + 1].low in self.multipliers or self._smaller_scale(toks, j + 1, scale))):
                # "4 thousand 3 hundred and 21": digits with a smaller multiplier or scale add to it
                part = self.with_scale(toks, Reading(j, j + 1, float(toks[j].text), None, None, True, toks[j].text))
                if part.value is not None and part.value < scale:
                    value += part.value
                    j = part.after
        if total_scale is not None and value is not None:
            # "3 million and a half"
            added = self.added.forward(toks, j)
            if added is not None:
                value += added[0] * last_scale
                j = added[1]
        if value is not None and not math.isfinite(value):
            return Reading(r.first, j, None, TOO_LARGE, total_scale, r.digits)
        if j == r.after:
            return r
        return Reading(r.first, j, value, r.note, total_scale, r.digits)

    def _digit_tail(self, toks: Sequence[Token], r: Reading, j: int, value: float) -> tuple[int, float]:
        """Words that finish a number written in digits: "2½", "2 and a half", "1 point 5",
        "3 hundred and 21"."""
        tok = toks[j]
        if tok.kind == "word" and toks[j - 1].attached_to(tok) and 0 < self.words.get(tok.low, 1) < 1:
            return j + 1, value + self.words[tok.low]
        added = self.added.forward(toks, j)
        if added is not None and r.plain is not None:
            return added[1], value + added[0]
        if (tok.low in self.decimal_words and r.plain is not None and j + 1 < len(toks)
                and toks[j + 1].kind == "num" and toks[j + 1].text.isdigit()):
            return j + 2, float(f"{r.plain}.{toks[j + 1].text}")
        if tok.low in self.multipliers and r.digits:
            m = self.multipliers[tok.low]
            value *= m
            j += 1
            if r.plain is None or not (j + 1 < len(toks) and toks[j].low in self.connectors and toks[j].low.isalpha()):
                return j, value
            nxt = toks[j + 1]
            if nxt.kind == "num" and nxt.text.isdigit() and 0 < int(nxt.text) < m and not (
                    j + 2 < len(toks) and (toks[j + 2].low in self.multipliers or self._scale_at(toks, j + 2))):
                value += int(nxt.text)  # "3 hundred and 21", not "3 hundred and 2 hundred"
                j += 2
            elif self.is_word(nxt):
                sub = self._read_words(toks, j + 1, nested=True)
                if sub is not None and sub.value is not None and 0 < sub.value < m and not sub.fraction:
                    value += sub.value  # "3 hundred and one"
                    j = sub.after
        return j, value

    def fraction_digits(self, toks: Sequence[Token], j: int) -> tuple[str, int] | None:
        """The digits after a decimal word: digit words one by one ("zero three" -> "03"), or one
        number below a hundred ("seventy-one" -> "71"); and the index after them."""
        digits = ""
        k = j
        while k < len(toks) and toks[k].kind == "word" and toks[k].low in self.words:
            v = self.words[toks[k].low]
            if v != int(v) or not 0 <= v < 10:
                break
            digits += str(int(v))
            k += 1
        if digits:
            return digits, k
        if j < len(toks) and toks[j].low in self.words:
            v = self.words[toks[j].low]
            if v == int(v) and 10 <= v < 100:
                k = j + 1
                if (v % 10 == 0 and k + 1 < len(toks) and toks[k].low in self.connectors
                        and not toks[k].low.isalpha() and 0 < self.words.get(toks[k + 1].low, 0) < 10):
                    v += self.words[toks[k + 1].low]
                    k += 2
                return str(int(v)), k
        return None

    def fraction_at(self, toks: Sequence[Token], j: int, *, plain: bool = False) -> tuple[float, int] | None:
        """A denominator word at ``j`` ("thirds"): (denominator, index after it); an ambiguous one
        ("quarters") only with a ``fraction_after`` word after it, or when ``plain`` (after "and")."""
        if j >= len(toks) or toks[j].low not in self.denominators:
            return None
        if not plain and toks[j].low in self.ambiguous_denominators and not (
                j + 1 < len(toks) and toks[j + 1].low in self.fraction_after):
            return None
        return self.denominators[toks[j].low], j + 1

    def _scale_at(self, toks: Sequence[Token], j: int) -> tuple[float, int] | None:
        if j >= len(toks) or (toks[j].low not in self.scales.firsts and toks[j].text not in self.scale_abbr.firsts):
            return None  # (most tokens open no scale: two table look-ups saved)
        hit = self.scales.forward(toks, j)
        if hit is None and self.scale_abbr.table:
            hit = self.scale_abbr.forward(toks, j)
        return hit

    def _read_words(self, toks: Sequence[Token], i: int, *, article: bool = False,
                    nested: bool = False) -> Reading | None:
        """Number words from token ``i``. ``article``: an article before ``i`` stands for one ("a
        hundred"); ``nested``: reading the fraction after "and", which reads no further "and" fraction."""
        total = group = pending = 0.0
        last_unit_place = math.inf
        last_mult = math.inf
        last_scale = math.inf
        last_kind = ""
        first = i
        if article:
            pending, last_unit_place, last_kind, first = 1.0, 1.0, "unit", i - 1
        j = i
        end = i
        any_scale: float | None = None
        fraction = False
        while j < len(toks):
            tok = toks[j]
            lw = tok.low
            if last_kind in ("unit", "teen", "mult", "scale") and lw in self.connectors and lw.isalpha() and not nested:
                ahead = self.fraction_ahead(toks, j + 1)
                if ahead is not None and abs(ahead[0]) < 1:
                    # "twenty and three fifths", "two hundred and fifty-four hundredths", "six million and two thirds"
                    was_scale = last_kind == "scale"
                    last_kind, fraction = "frac", True
                    j = end = ahead[1]
                    smaller = self._scale_at(toks, j) if was_scale else None
                    if smaller is not None and smaller[0] < last_scale:
                        total += ahead[0] * smaller[0]  # "one billion and a half million"
                        j = end = _absorb_dot(toks, smaller[1])
                    elif was_scale:
                        total += ahead[0] * last_scale
                    else:
                        pending += ahead[0]
                    continue
            if last_kind in ("unit", "teen", "mult", "scale") and self.added:
                added = self.added.forward(toks, j)
                if added is not None:
                    # "one and a half", "три с половиной", "one million and a half"
                    if last_kind == "scale":
                        smaller = self._scale_at(toks, added[1])
                        if smaller is not None and smaller[0] < last_scale:
                            # "one billion and a half million": the half is of the smaller scale
                            total += added[0] * smaller[0]
                            last_kind, j = "frac", smaller[1]
                            end = _absorb_dot(toks, j)
                            j = end
                            continue
                        total += added[0] * last_scale
                    else:
                        pending += added[0]
                    last_kind = "frac"
                    j = end = added[1]
                    continue
            if last_kind in ("unit", "teen", "mult") and lw in self.decimal_words:
                frac = self.fraction_digits(toks, j + 1)
                if frac is None:
                    break
                pending = group + pending + float("0." + frac[0])
                group = 0.0
                last_kind = "frac"
                j = end = frac[1]
                continue
            joined = j > first and toks[j - 1].low in self.connectors and not toks[j - 1].low.isalpha()
            hedged = first > 0 and toks[first - 1].low in self.fraction_before  # "rose by three quarters"
            if last_kind in ("unit", "teen", "mult", "scale") and (
                    self.fraction_at(toks, j, plain=nested or joined or hedged) is not None
                    or lw in self.compound_denominators):
                read = self._fraction(toks, first, j, total + group + pending)
                if isinstance(read, Reading):
                    return read
                if read is False:
                    return None  # an ordinal: "seventy-fifth"
                break
            if (last_kind == "unit" and 0 < pending < 1 and group == total == 0 and lw in self.fraction_articles
                    and j + 1 < len(toks) and self._scale_or_multiplier(toks, j + 1)):
                j += 1  # "half a million", "half a dozen"
                continue
            if last_kind == "frac" and self._scale_at(toks, j) is None:
                break
            if tok.kind == "punct" or lw in self.connectors:
                # a connector only joins when a number word follows ("twenty-five", "hundred and five")
                if lw in self.connectors and last_kind and j + 1 < len(toks) and (
                        self.is_word(toks[j + 1]) or (not lw.isalpha() and self._denominator_word(toks[j + 1]))):
                    if lw.isalpha() and last_kind not in ("mult", "scale"):
                        break
                    j += 1
                    continue
                break
            if tok.kind != "word":
                break
            if lw in self.words:
                v = self.words[lw]
                if last_kind == "unit" and not v < last_unit_place:
                    den_at = self._tens_denominator(toks, j)
                    spoken = self._spoken_hundreds(toks, j) if group == total == 0 and 0 < pending < 10 else None
                    if spoken is not None and den_at is None:  # "one twenty two" = 122
                        pending, last_kind, last_unit_place = pending * 100 + spoken[0], "unit", 1.0
                        j = end = spoken[1]
                        continue
                    if den_at is not None:  # "one twenty-fifth", "three twenty firsts"
                        read = self._fraction(toks, first, den_at, total + group + pending + v)
                        return read if isinstance(read, Reading) else None
                    break
                if last_kind == "teen":
                    break
                pending += v
                last_unit_place = _place(v)
                last_kind = "unit"
            elif lw in self.teens and last_kind == "unit" and 0 < pending < 10:
                group += pending + self.teens[lw]
                pending = 0
                last_kind = "teen"
            elif lw in self.multipliers and last_kind == "unit" and 0 < pending and self.multipliers[lw] < last_mult:
                m = self.multipliers[lw]
                if pending >= m:
                    break
                group += pending * m
                pending = 0
                last_mult = m
                last_kind = "mult"
            elif lw in self.one_multipliers and last_kind in ("", "scale") and self.one_multipliers[lw] < last_mult:
                m = self.one_multipliers[lw]
                group += m
                last_mult = m
                last_kind = "mult"
            elif (last_kind == "scale" and group + pending == 0 and self._scale_at(toks, j) is not None
                  and (self._scale_at(toks, j) or (0.0, j))[0] > last_scale):
                scale, k = self._scale_at(toks, j) or (1.0, j + 1)
                total *= scale  # "three thousand millions", "three lakh crore"
                last_scale *= scale
                any_scale = last_scale
                end = _absorb_dot(toks, k)
                j = end
                continue
            elif self._scale_at(toks, j) is not None and last_kind and (group + pending) > 0:
                scale, k = self._scale_at(toks, j) or (1.0, j + 1)
                if scale >= last_scale:
                    break
                if scale < last_mult < math.inf and pending:
                    # "three hundred and two dozens" = 300 + 24: a scale below the multiplier counts its own part
                    total += group + pending * scale
                else:
                    total += (group + pending) * scale
                group = pending = 0
                last_scale = scale
                last_mult = math.inf
                any_scale = scale
                last_kind = "scale"
                end = _absorb_dot(toks, k)
                j = end
                continue
            elif lw in self.one_scales and last_kind == "" and self.one_scales[lw] < last_scale:
                total += self.one_scales[lw]
                last_scale = self.one_scales[lw]
                any_scale = self.one_scales[lw]
                last_kind = "scale"
            else:
                break
            j += 1
            end = j
        if end == i:
            return None
        value = total + group + pending
        return Reading(first, end, value, None, any_scale, False, None, fraction)

    def _fraction(self, toks: Sequence[Token], first: int, j: int, numerator: float) -> Reading | bool:
        """Number words from ``first`` up to a denominator at ``j``. A tens word right before a
        one-digit denominator joins it when a numerator is left ("one twenty-fifth" = 1/25, "three
        twenty firsts" = 3/21); with none left the words are an ordinal ("seventy-fifth"): False.
        True when the word at ``j`` is no denominator here ("one first-time voter")."""
        den = self.denominators.get(toks[j].low) or self.compound_denominators[toks[j].low]
        k = j - 1
        if k > first and toks[k].low in self.connectors and not toks[k].low.isalpha():
            k -= 1
        tens = self.words.get(toks[k].low, 0.0) if k >= first else 0.0
        after_and = k > first and toks[k - 1].low in self.connectors and toks[k - 1].low.isalpha()
        if (den < 10 and 20 <= tens < 100 and tens % 10 == 0 and not after_and
                and not (numerator == tens and toks[j].low in self.plural_denominators)):
            if numerator - tens <= 0:
                return False
            numerator, den = numerator - tens, den + tens
        elif toks[j].low not in self.denominators:
            return True
        elif numerator > 1 and toks[j].low in self.scale_ordinals:
            return False  # "the two millionth visitor": an ordinal
        value, after = numerator / den, j + 1
        of_a = self.of_a_scale(toks, after)
        if of_a is not None:  # "two thirds of a million"
            value, after = value * of_a[0], of_a[1]
        return Reading(first, after, value, None, None, False, None, True)

    def of_a_scale(self, toks: Sequence[Token], k: int) -> tuple[float, int] | None:
        """"of a million" after a fraction: (the scale, index after it)."""
        if not (k + 2 < len(toks) and toks[k].low in self.fraction_after and toks[k + 1].low in self.fraction_articles):
            return None
        hit = self._scale_at(toks, k + 2)
        if hit is None and toks[k + 2].low in self.multipliers:
            hit = (self.multipliers[toks[k + 2].low], k + 3)
        return hit


def _groupable_head(s: str) -> bool:
    head = s.replace("\u00a0", " ").replace("\u202f", " ").split(" ")[0]
    return head.isdigit() and 1 <= len(head) <= 3


def _no_decimal(s: str) -> bool:
    return "," not in s and "." not in s


def _other(mark: str) -> str:
    return "." if mark == "," else ","


def _interpret(digits: list[str], marks: list[str], decimal: str, group: set[str],
               two_digit: bool = False) -> tuple[str, str] | None:
    """(integer digits, fraction digits) if the marks fit this convention, else None; with ``two_digit``,
    Indian grouping fits too ("12,34,567": groups of two before the last three digits)."""
    if not marks:
        return digits[0], ""
    frac = ""
    if marks[-1] == decimal:
        frac = digits[-1]
        digits, marks = digits[:-1], marks[:-1]
    if not marks:
        return digits[0], frac
    if any(m not in group for m in marks) or not 1 <= len(digits[0]) <= 3:
        return None
    if any(len(d) != 3 for d in digits[1:]) and not (
            two_digit and len(digits) > 2 and len(digits[-1]) == 3 and len(digits[0]) <= 2
            and all(len(d) == 2 for d in digits[1:-1])):
        return None
    if len(set(marks)) != 1:
        return None
    return "".join(digits), frac


def _to_float(integer: str, frac: str) -> tuple[float | None, str | None]:
    stripped = integer.lstrip("0")
    if len(stripped) > MAX_DIGITS:
        return None, TOO_LARGE
    value = float(f"{integer}.{frac}" if frac else integer)
    if not math.isfinite(value):
        return None, TOO_LARGE
    return value, None


def _place(v: float) -> float:
    if v < 1:
        return 1.0
    return float(10 ** (len(str(int(v))) - 1))


def _absorb_dot(toks: Sequence[Token], k: int) -> int:
    """Take the full stop of an abbreviation ("тыс.", "jt.") into the number, unless it ends
    the sentence ("exceeded $3 billion." keeps its stop out): a stop counts as the
    abbreviation's only when a number or a lower-case word follows it."""
    if 0 < k < len(toks) and toks[k].text == "." and toks[k - 1].attached_to(toks[k]) and toks[k - 1].kind == "word":
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and (nxt.kind == "num" or nxt.text[:1].islower()):
            return k + 1
    return k
