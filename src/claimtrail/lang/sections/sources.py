"""``sources.yaml``: the cues that make an outlet the article's publisher, a cited
source or the rights holder.

Cue patterns are case-insensitive regular expressions. ``before`` cues stand right before
an outlet's name ("demikian dikabarkan", "according to"), ``after`` cues right after it
("melaporkan", "reported"); ``interview`` cues name an outlet someone spoke to.
``open_before`` cues are strong enough to take a name that is not in the outlets file
("dilansir dari Boldsky"). ``credit``, ``wire``, ``dateline``, ``labelled`` and
``copyright`` patterns carry a named group ``outlet``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimtrail.lang.sections._types import Regex


def _has_outlet_group(patterns: list[str]) -> list[str]:
    for p in patterns:
        if "(?P<outlet>" not in p:
            raise ValueError(f"pattern {p!r} has no named group (?P<outlet>...)")
    return patterns


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: searched in the first line of the text; the outlet publishes the article
    dateline: list[Regex] = Field(default_factory=list)
    before: list[Regex] = Field(default_factory=list)
    #: cues before an outlet that someone spoke to ("told", "kepada", "в интервью"): the
    #: article's own outlet when no other publisher is known, else a cited one
    interview: list[Regex] = Field(default_factory=list)
    after: list[Regex] = Field(default_factory=list)
    open_before: list[Regex] = Field(default_factory=list)
    #: a credit that names an outlet in any position ("(Reuters)", "Sumber: RT / YouTube")
    credit: list[Regex] = Field(default_factory=list)
    #: a wire dateline ("BEIRUT (Reuters) -"): the publisher unless another is known
    wire: list[Regex] = Field(default_factory=list)
    #: a labelled credit that may name an outlet not in the file ("Sumber: X", "Source: X")
    labelled: list[Regex] = Field(default_factory=list)
    copyright: list[Regex] = Field(default_factory=list)
    #: words that, before a platform's name, say content was taken from it ("akun")
    platform_cues: list[Regex] = Field(default_factory=list)

    @field_validator("dateline", "credit", "wire", "labelled", "copyright")
    @classmethod
    def _outlet_group(cls, v: list[str]) -> list[str]:
        return _has_outlet_group(v)
