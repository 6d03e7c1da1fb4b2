"""Field types shared by section schemas."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as e:
        raise ValueError(f"regular expression does not compile: {e}") from None
    return pattern


def _nonblank(s: str) -> str:
    if not s.strip():
        raise ValueError("must not be blank")
    return s


Regex = Annotated[str, AfterValidator(_compiles)]
Word = Annotated[str, AfterValidator(_nonblank)]
