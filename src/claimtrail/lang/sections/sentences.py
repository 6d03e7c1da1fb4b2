"""``sentences.yaml``: where sentences do not end."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Word


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: words after which a full stop does not end a sentence, without the stop ("Jl", "dkk")
    abbreviations: list[Word] = Field(default_factory=list)
