"""``events.yaml``: the verbs that say what happened to the people a figure counts.

A figure group is keyed by concept, place, date and the event around the figure
("7,000 civilians were evacuated", "7.000 warga dievakuasi", "эвакуированы 7 тысяч"):
``words`` maps a word as written (lower case) to an English event name; ``stems`` maps a
word beginning (for inflected forms: "эвакуир", "dievakuasi") to one. ``window`` is how
many words either side of the figure, within its sentence, are searched for the verb.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Word


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    words: dict[Word, Word] = Field(default_factory=dict)
    stems: dict[Word, Word] = Field(default_factory=dict)
    window: int = Field(default=12, ge=1)
