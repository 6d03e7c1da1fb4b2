"""``boilerplate.yaml``: page furniture, as line patterns with a kind."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Regex


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    #: a case-insensitive regular expression searched in one line
    pattern: Regex
    #: ``line``: the line from the match to its end; ``block``: that and every short line
    #: after it to the end of the text (a newsletter box at the foot of a page);
    #: ``with_next``: the line, and the next non-blank line when nothing follows the cue
    #: ("Baca juga:" on a line of its own, the linked title on the next)
    scope: Literal["line", "block", "match", "with_next"] = "line"
    #: a line longer than this many characters is article text, not furniture
    max_line: int = 200


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[Rule] = Field(default_factory=list)
