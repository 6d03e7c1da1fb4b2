"""``dates.yaml``: month and weekday names, relative words and the patterns of dates.

``patterns`` are case-insensitive regular expressions with placeholders that the
extractor fills in: ``{weekday}`` and ``{month}`` (the names below), ``{day}``,
``{day0}`` (the first day of a range such as "с 3 по 12 октября"), ``{mon}`` (a month
number) and ``{year}`` (a four-digit year). A pattern may also carry a named group
``last`` ("lalu", "last", "прошлый") or ``next`` ("depan", "next"). What a match means
follows from the groups it has: day and month make a date, a month alone a month, a
year alone a year, a weekday alone the weekday nearest the publication date.

``relative`` phrases are shifts of the publication date ("kemarin": one day back,
"tahun lalu": one year back); ``anaphoric`` phrases are shifts of the year last named
in the text ("годом ранее"). With ``match_case`` names count only when written with a
capital (Indonesian "Minggu" is Sunday, "minggu" a week).

``counted`` patterns are shifts by a count of units ("dua tahun lalu", "two days ago",
"через неделю"): ``{unit}`` stands for the names in ``units`` and ``{n}`` for a count, in
digits or a word from ``numbers`` or ``vague_counts``; a pattern without ``{n}``, or whose
``{n}`` is left out of a match, counts one ("sebulan lalu", "через неделю"). Days resolve to
a date, months to a month, years to a year; weeks are found (so "dua pekan lalu" is read as
a whole) but not annotated, and neither is a vague count ("beberapa tahun lalu").

``{dayword}`` stands for a day written as an ordinal word ("восемнадцатое", "тридцать
первое": ``day_words`` after an optional word of ``day_tens``) and ``{year2}`` for a
two-digit year ("31.10.74").
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimtrail.lang.sections._types import Regex, Word

#: what each placeholder stands for when a pattern is checked (the extractor fills in the names)
PLACEHOLDERS = {
    "weekday": r"(?P<weekday>\w+)",
    "month": r"(?P<month>\w+)",
    "day": r"(?P<day>\d{1,2})",
    "day0": r"(?P<day0>\d{1,2})",
    "mon": r"(?P<mon>\d{1,2})",
    "year": r"(?P<year>\d{4})",
    "year2": r"(?P<year2>\d{2})",
    "dayword": r"(?:(?P<tens>\w+)\s+)?(?P<dayword>\w+)",
    "n": r"(?P<n>\w+)",
    "unit": r"(?P<unit>\w+)",
}


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each ``{name}`` placeholder replaced; other braces stay as written."""
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out


def _template_compiles(patterns: list[str]) -> list[str]:
    for p in patterns:
        try:
            re.compile(fill(p, PLACEHOLDERS))
        except re.error as e:
            raise ValueError(f"pattern {p!r} does not compile: {e}") from None
    return patterns


class Shift(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: Regex
    unit: Literal["day", "month", "year"] = "day"
    offset: int


class Counted(BaseModel):
    """A shift by a count of units: ``offset`` is the direction (-1 back, +1 ahead)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    offset: Literal[-1, 1]
    #: a shift of the date last named ("tiga hari kemudian") instead of the publication date
    anaphoric: bool = False

    @field_validator("pattern")
    @classmethod
    def _has_unit(cls, v: str) -> str:
        if "{unit}" not in v:
            raise ValueError(f"counted pattern {v!r} has no {{unit}}")
        return _template_compiles([v])[0]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    match_case: bool = False
    #: name or abbreviation -> month number 1..12 (every inflected form that occurs)
    months: dict[Word, int] = Field(default_factory=dict)
    #: name -> weekday number, Monday 0 .. Sunday 6
    weekdays: dict[Word, int] = Field(default_factory=dict)
    #: abbreviations that count only inside a date with a day ("Sun", "Mar", "Jun")
    short_forms: list[Word] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    relative: list[Shift] = Field(default_factory=list)
    anaphoric: list[Shift] = Field(default_factory=list)
    #: unit names for ``counted`` shifts, every form that occurs ("hari", "days", "недели")
    units: dict[Word, Literal["day", "week", "month", "year"]] = Field(default_factory=dict)
    counted: list[Counted] = Field(default_factory=list)
    #: words that count without a number the rules resolve ("beberapa", "several", "несколько",
    #: and the scale words of compound numbers: "dua puluh"); such a shift is not annotated
    vague_counts: list[Word] = Field(default_factory=list)
    #: context right before a counted shift that makes it no date: an inexact count ("more than
    #: five years ago", "lebih dari dua tahun lalu") or a span ("selama dua tahun sebelumnya")
    not_counted_after: list[Regex] = Field(default_factory=list)
    #: ordinal day words in every case form that dates use, by day ("первое", "первого")
    day_words: dict[int, list[Word]] = Field(default_factory=dict)
    #: tens before an ordinal day word ("двадцать" in "двадцать четвёртое")
    day_tens: dict[Word, int] = Field(default_factory=dict)
    #: words near a date that say it is still to come ("akan", "will", "пройдёт")
    future_cues: list[Regex] = Field(default_factory=list)
    #: words right before a full date that make it an event's date, not the article's own
    #: ("sejak", "since", "с"); a dateline also starts within ``dateline_reach`` of its line
    not_dateline_after: list[Regex] = Field(default_factory=list)
    dateline_reach: int = 80
    #: context right before a bare year that makes it no date ("UU Nomor 19 tahun")
    not_year_after: list[Regex] = Field(default_factory=list)
    #: context right after a bare year that makes it no date ("2000 orang", "1990-an")
    not_year_before: list[Regex] = Field(default_factory=list)
    #: context right after a weekday that makes it no date ("Friday prayers")
    not_weekday_before: list[Regex] = Field(default_factory=list)
    #: "N years since <date>": the article is at least N years after that date; groups n, year
    since: list[str] = Field(default_factory=list)
    #: number words for ``since`` and ``counted`` ("empat": 4)
    numbers: dict[Word, int] = Field(default_factory=dict)
    #: dates in an article's URL; groups year, mon, day
    url: list[Regex] = Field(default_factory=list)

    @field_validator("patterns", "since")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        return _template_compiles(v)

    @field_validator("months")
    @classmethod
    def _month_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 1 <= n <= 12]
        if bad:
            raise ValueError(f"month numbers must be 1..12: {bad}")
        return v

    @field_validator("day_words")
    @classmethod
    def _day_range(cls, v: dict[int, list[str]]) -> dict[int, list[str]]:
        bad = [n for n in v if not 1 <= n <= 31]
        if bad:
            raise ValueError(f"day numbers must be 1..31: {bad}")
        return v

    @field_validator("weekdays")
    @classmethod
    def _weekday_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 0 <= n <= 6]
        if bad:
            raise ValueError(f"weekday numbers must be 0 (Monday)..6 (Sunday): {bad}")
        return v
