"""``meta.yaml``: what the language is and how to recognise it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Word


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Word
    #: lingua-language-detector's name for this language (``INDONESIAN``), if it has one
    lingua: str | None = None
    #: other languages this pack serves, code to lingua name (Malay is read with the
    #: Indonesian pack, but reported as Malay)
    also_for: dict[str, str] = Field(default_factory=dict)
    #: the script the language is written in when no other pack's language is written in it
    #: ("Cyrillic" for Russian): a text whose letters are all in it is this language
    script: Literal["Cyrillic"] | None = None
