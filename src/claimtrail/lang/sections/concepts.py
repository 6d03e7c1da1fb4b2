"""``concepts.yaml``: what a figure counts, from the nouns around it to an English concept.

``nouns`` maps a word or phrase as written (lower case) to an English singular noun.
``stems`` maps word beginnings (each word of a phrase a beginning) for inflected
languages ("мирн жител" -> civilian matches "мирных жителей"). ``suffixes`` are endings to
strip before looking a word up again (plural "s"). ``stop`` words end a noun phrase;
``links`` join a number to a noun phrase after another number or an article ("of the",
"dari"); ``conjunctions`` join two figures that share a noun or unit ("27 и 34 лет").
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Word


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    nouns: dict[Word, Word] = Field(default_factory=dict)
    #: which noun of a phrase is its head: the first (Indonesian "warga desa") or the last
    #: (English "village residents")
    head: Literal["first", "last"] = "last"
    #: counting words that give way to a noun after them ("orang" in "375 orang milisi")
    classifiers: list[Word] = Field(default_factory=list)
    stems: dict[Word, Word] = Field(default_factory=dict)
    #: the longest inflectional ending a stem may be followed by
    stem_slack: int = 4
    suffixes: dict[str, str] = Field(default_factory=dict)
    stop: list[Word] = Field(default_factory=list)
    links: list[Word] = Field(default_factory=list)
    #: determiners that join a fraction to what it is a part of with no "of" ("half the condos", "a third
    #: their income")
    fraction_links: list[Word] = Field(default_factory=list)
    conjunctions: list[Word] = Field(default_factory=list)
    #: how many unknown words (adjectives) may stand between a number and its noun
    max_gap: int = 2
    #: how many words before a count to look for its noun when none follows
    look_back: int = 6
    #: when no lexicon noun is found, the counted phrase keeps up to this many words after the
    #: number as written (concept null); 0 turns this off
    surface_words: int = 0
    #: plural endings of a head-last language: for a count other than one, the surface phrase
    #: ends at the first word with one ("four different bosses"), for one at the first without
    plural_endings: list[str] = Field(default_factory=list)
    #: verbs of change before a percentage ("rose", "fell by", "naik"): the words before them
    #: say what the percentage is of ("Nvidia advanced 8%") when no noun follows
    change_verbs: list[Word] = Field(default_factory=list)
    #: how many tokens back from a percentage its change verb may stand ("The S&P 500 is up about
    #: 15 percent", "Tesla shares were up nearly 57%"); 0: right before it only
    holder_reach: int = 0
    #: words (besides ``stop``) between the holder and its change verb ("is also trending up",
    #: "are expected to increase")
    holder_skip: list[Word] = Field(default_factory=list)
    #: words after a percentage that make the noun right before it what changed ("pulled the sector 0.68
    #: percent lower", "saham BBRI 2 persen lebih tinggi")
    change_after: list[Word] = Field(default_factory=list)
    #: words between a noun and its percentage ("an interest rate of 1.38%", "inflasi sebesar 3 persen",
    #: "ставка в размере 16%"): the noun before says what the percentage is
    holder_links: list[Word] = Field(default_factory=list)
    #: verbs whose bare number object is people ("kills 16", "menewaskan 5", "убил 3"): concept ``person``
    person_verbs: list[Word] = Field(default_factory=list)
    #: number words that count people when no noun follows (Russian collectives "трое", "двое")
    person_numerals: list[Word] = Field(default_factory=list)
    #: words that restate the number before as a percentage, which then shares its verb ("lost 190
    #: points, or 0.6%")
    restate: list[Word] = Field(default_factory=list)
    #: words between a name and its percentage in a list of changes ("Burlington by 2.6%")
    restate_by: list[Word] = Field(default_factory=list)
    #: words before a counted noun that describe it ("four different bosses", "one particular
    #: demand"): the surface phrase skips them to find its head
    modifiers: list[Word] = Field(default_factory=list)
    #: endings of adjectives and participles in a language that puts them before the noun and marks
    #: them so ("двух высокопоставленных сановников", "два взрывных устройства"): such a word before a
    #: noun is not what is counted, though its stem may name a concept ("взрыв")
    adjective_endings: list[str] = Field(default_factory=list)
    #: endings of verbs and short participles: the word after a substantive adjective that says it is
    #: the noun itself ("трое полицейских окружили", "двое раненых доставлены")
    verb_endings: list[str] = Field(default_factory=list)
