"""``transliteration.yaml``: letters of a non-Latin script written in Latin letters.

Used to compare names across languages ("Лавров" and "Lavrov" give the same key): each
key is one lower-case letter, each value its Latin spelling (possibly empty, as for the
soft sign).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    letters: dict[str, str] = Field(default_factory=dict)

    @field_validator("letters")
    @classmethod
    def _one_letter_keys(cls, v: dict[str, str]) -> dict[str, str]:
        for k in v:
            if len(k) != 1:
                raise ValueError(f"{k!r}: a key must be one letter")
        return v
