"""``numbers.yaml``: how the language writes numbers, hedges them and joins them into ranges,
and the contexts in which a number is not a figure (dates, times, codes, ordinals).

Words and phrases are matched case-insensitively, token by token (a phrase is split on
spaces and punctuation the way the text is), except ``scale_abbreviations``, which are
matched exactly ("M" is a scale after "Rp 5", "m" is a metre).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Word

QualifierName = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most"]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: the decimal mark ("," in Indonesian and Russian, "." in English)
    decimal: Literal[",", "."] = "."
    #: marks that group thousands ("." in Indonesian, "," in English)
    group: list[Literal[",", "."]] = Field(default_factory=list)
    #: whether a space (or no-break space) groups thousands ("7 796")
    space_groups: bool = False
    #: Indian grouping is read too: two-digit groups before the last three digits ("12,34,567" = 1234567,
    #: as lakh and crore are written)
    two_digit_groups: bool = False

    #: number words and their values, every inflected form listed ("dua", "двум", "twenty")
    words: dict[Word, float] = Field(default_factory=dict)
    #: words that multiply the number word before them ("puluh", "ratus", "hundred")
    multipliers: dict[Word, float] = Field(default_factory=dict)
    #: words that add to the number word before them ("belas": dua belas = 12)
    teens: dict[Word, float] = Field(default_factory=dict)
    #: multipliers that carry their own "one" ("seratus" = 100)
    one_multipliers: dict[Word, float] = Field(default_factory=dict)
    #: scale words ("ribu", "thousand", "тысяч", "млн")
    scales: dict[Word, float] = Field(default_factory=dict)
    #: scale words that make the number before them approximate ("14 ribuan", "Rp 49 jutaan": about 14
    #: thousand, about 49 million); alone they are vague ("ribuan orang") and open no figure
    approx_scales: dict[Word, float] = Field(default_factory=dict)
    #: scale words that carry their own "one" ("seribu", "sejuta")
    one_scales: dict[Word, float] = Field(default_factory=dict)
    #: case-sensitive scale abbreviations ("M", "T", "jt")
    scale_abbreviations: dict[Word, float] = Field(default_factory=dict)
    #: case-sensitive scale abbreviations read only after a number with a decimal part ("1,2G", ".0012Г"),
    #: so that "5G" and "4G" networks stay names
    decimal_scale_abbreviations: dict[Word, float] = Field(default_factory=dict)
    #: tokens that may join number words ("-" in "twenty-five"); "and" only after a multiplier
    connectors: list[Word] = Field(default_factory=list)
    #: words that make the number after them negative ("minus", "negatif", "минус")
    negative: list[Word] = Field(default_factory=list)
    #: words read as a decimal mark between two numbers ("point", "koma", "точка")
    decimal_words: list[Word] = Field(default_factory=list)
    #: fraction denominators after a numerator ("two thirds", "dua pertiga", "две трети"): word -> denominator
    denominators: dict[Word, float] = Field(default_factory=dict)
    #: denominators that are also other nouns ("quarters" of a year): read only before ``fraction_after``
    ambiguous_denominators: list[Word] = Field(default_factory=list)
    #: ordinal words that are denominators only after a tens word ("three twenty-firsts" = 3/21)
    compound_denominators: dict[Word, float] = Field(default_factory=dict)
    #: denominators in a plural form no ordinal takes: after a bare tens word they are a fraction of it
    #: ("twenty fifths" = 20/5), where the singular joins the tens word into an ordinal ("twenty-fifth")
    plural_denominators: list[Word] = Field(default_factory=list)
    #: singular denominators of scale words that after a number above one make an ordinal ("the two millionth
    #: visitor", "its three hundredth game"), a fraction only after one or an article ("a millionth of a second")
    scale_ordinals: list[Word] = Field(default_factory=list)
    #: words that stand for the numerator one before a denominator ("a third of") or a multiplier or
    #: scale ("a hundred", "a million"); a fraction then needs one of ``fraction_after`` or the end of
    #: the clause right after it, so that "a third term" stays an ordinal
    fraction_articles: list[Word] = Field(default_factory=list)
    fraction_after: list[Word] = Field(default_factory=list)
    #: words right before a fraction that make it one even with no ``fraction_after`` word, when the clause
    #: goes on with no noun: a change or a hedge ("fell by a fifth last year", "rose by three quarters in
    #: 2016", "nearly a quarter."; "for three quarters" and "a third party" stay as they are)
    fraction_before: list[Word] = Field(default_factory=list)
    #: fractions added to the whole number before them ("and a half", "с половиной"): phrase -> value
    added_fractions: dict[Word, float] = Field(default_factory=dict)

    #: hedges before a number ("lebih dari": more_than)
    qualifiers: dict[Word, QualifierName] = Field(default_factory=dict)
    #: hedges right after a number ("or more": at_least, "atau lebih", "и более")
    qualifiers_after: dict[Word, QualifierName] = Field(default_factory=dict)
    #: words between two numbers that make a range ("hingga", "to", "-")
    range_links: list[Word] = Field(default_factory=list)
    #: words between two numbers that make a range only when a unit or a counted noun follows the second and
    #: the first is the smaller ("three or four years", "dua atau tiga hari", "два или три дня")
    alternative_links: list[Word] = Field(default_factory=list)
    #: words between a lower and an upper bound that make one range ("more than 10 and less than 20",
    #: "at most 100 and at least 20", "lebih dari 5 namun kurang dari 10", "больше 5, но меньше 10")
    bound_joiners: list[Word] = Field(default_factory=list)
    #: words between an amount and the noun it is a rate of ("$58 per barrel", "Rp 10.000 per kg", "за баррель")
    rate_words: list[Word] = Field(default_factory=list)
    #: words after a counted noun that make it a count per a duration ("800,000 barrels a day",
    #: "1 juta barel per hari", "100 тысяч баррелей в сутки")
    time_rate_words: list[Word] = Field(default_factory=list)
    #: words after a counted noun that make it a count per any noun after them ("61 cents per share",
    #: "15 points per game"); articles are left out here, as "a" before a noun rarely makes a rate
    noun_rate_words: list[Word] = Field(default_factory=list)
    #: words after such a duration that make it a point in time, not a rate ("12 people a day after the march")
    time_rate_not_before: list[Word] = Field(default_factory=list)
    #: words between a part and its whole that make one figure, unit ``ratio``, value part / whole;
    #: ``ratio_words_at_end`` only when the whole ends the clause ("one over three": "over" before a
    #: number with a noun is a hedge). The dev gold reads "1 dari 17 orang" as two counts, so the packs
    #: leave "in", "out of", "dari", "из" out of ``ratio_words``
    ratio_words: list[Word] = Field(default_factory=list)
    ratio_words_at_end: list[Word] = Field(default_factory=list)
    #: an opening word and the link it needs, or the links it takes ("between": "and", "от": "до",
    #: "from": ["to", "up to"])
    range_pairs: dict[Word, Word | list[Word]] = Field(default_factory=dict)

    #: month names and abbreviations: a number next to one is part of a date
    months: list[Word] = Field(default_factory=list)
    #: words before a year that is a date ("tahun", "since", "в")
    year_cues: list[Word] = Field(default_factory=list)
    #: words before a time of day ("pukul")
    time_before: list[Word] = Field(default_factory=list)
    #: words after a time of day ("WIB", "GMT")
    time_after: list[Word] = Field(default_factory=list)
    #: words joined to a number by a hyphen that still leave it a quantity ("sub-300 sq m",
    #: "now-18 month-old"); any other word-hyphen-number is a name or code ("F-16", "COVID-19")
    hyphen_prefixes: list[Word] = Field(default_factory=list)
    #: endings joined to digits by a hyphen that make them an ordinal even where they spell a unit
    #: ("73-м километре" is the 73rd kilometre, not 73 metres; "2-й", "5-го")
    ordinal_endings: list[Word] = Field(default_factory=list)
    #: era marks, matched as written: a number right after or before one is a year, a date ("A.D. 1000",
    #: "500 BC", "300 SM", "1000 г. до н. э."), and so is a number joined to it by a conjunction or range link
    eras: list[Word] = Field(default_factory=list)
    #: words before a number that make it a code, label or rank ("Nomor", "Pasal", "kelas")
    code_before: list[Word] = Field(default_factory=list)
    #: words right after a number that make it a code: the number of an article of a code of law
    #: ("205 УК РФ", "340 KUHP"), also when a code word before it is out of reach ("статьями 205 и 209 УК"),
    #: or a school grade ("8 класса")
    code_after: list[Word] = Field(default_factory=list)
    #: code words that make the number after a spaced dash an ordinal also when it is written in words
    #: ("hari ke - dua", "album ke - lima"); for other code words only digits ("ke - 10", not "per episode -
    #: half the amount")
    ordinal_prefixes: list[Word] = Field(default_factory=list)
    #: capital letters that, set apart after whole digits, make the number a code ("4 G", "Windows 10 S",
    #: "3 D"); unit letters are left out ("12 C", "2.5 F", "0.5 R"); matched as written
    letter_codes: list[Word] = Field(default_factory=list)
    #: street words after a number and capitalised words: the number is a house number ("49 Zorro Ranch Road")
    street_words: list[Word] = Field(default_factory=list)
    #: a word before an amount of change: "by X to Y" with the unit on both ends and Y more than twice X is
    #: the change and the level it reaches, not a range ("rose by $43.6 billion to $419.2 billion"; "by 5 to
    #: 10 percent" and "cut by $3.8m to $4.9m" are ranges)
    change_by: list[Word] = Field(default_factory=list)
    #: phrases with a number word that are not counts ("one of", "salah satu")
    not_counts: list[Word] = Field(default_factory=list)
