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
    #: number words for ``since`` ("empat": 4)
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

    @field_validator("weekdays")
    @classmethod
    def _weekday_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 0 <= n <= 6]
        if bad:
            raise ValueError(f"weekday numbers must be 0 (Monday)..6 (Sunday): {bad}")
        return v
