"""``units.yaml``: the units a figure can carry, as written before or after the number.

Units are ``percent``, ISO 4217 currency codes, durations (``year`` ... ``second``),
measure symbols (``km``, ``kg``, ``ha``), ``magnitude`` and ``times``. Phrases are
matched case-insensitively token by token.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Word


class Whole(BaseModel):
    """A single word that is a number and its unit at once ("setahun", "twice", "вдвое")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    unit: str


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: units written after the number ("persen", "tahun", "rupiah", "km")
    after: dict[Word, str] = Field(default_factory=dict)
    #: units after the number matched only as written, before ``after``: abbreviations whose other
    #: case is another unit or a word ("450 Nm" newton metres, "450 nm" nanometres; "15.3 ppg")
    after_cased: dict[Word, str] = Field(default_factory=dict)
    #: letters read as a scale ("$37m" is millions) unless a conversion in brackets with a measure unit
    #: follows, which makes them this unit ("a 37m (121ft) skeleton")
    scale_or_unit: dict[Word, str] = Field(default_factory=dict)
    #: units written before the number ("Rp", "$", "magnitudo")
    before: dict[Word, str] = Field(default_factory=dict)
    #: word stems joined to a number by a hyphen ("31-летний": "летн" -> year)
    hyphen_stems: dict[Word, str] = Field(default_factory=dict)
    #: words that hold a number and a unit
    whole: dict[Word, Whole] = Field(default_factory=dict)
    #: duration units written before a bare number to mean "about" ("лет 20")
    inverted_approx: dict[Word, str] = Field(default_factory=dict)
    #: words before a bare number that make it an age, unit ``year`` ("aged 45", "berusia 45", "в возрасте 45")
    age_before: list[Word] = Field(default_factory=list)
    #: a person and a verb of being before a bare number make it an age when the number ends the clause or one
    #: of ``age_followers`` comes next ("Maria, who was 10, ...", "he will be 35 by then"; not "he was 3 under par")
    age_copulas: list[Word] = Field(default_factory=list)
    #: people before a bound on a bare number make it an age ("people over 60", "children under five",
    #: "warga di atas 60"): the bound stays the qualifier
    age_holders: list[Word] = Field(default_factory=list)
    age_followers: list[Word] = Field(default_factory=list)
    #: units that are durations or ages: a year-like number before one is a date
    year_units: list[Word] = Field(default_factory=list)
