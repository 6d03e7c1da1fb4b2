"""Word shingles of an article's own text, normalised so that copies compare equal.

A republished copy differs from its origin in ways that do not change what it says:
furniture around it (newsletter lines, share buttons: the analysis' boilerplate spans, left
out here), its headline, its tokenisation ("don't" or "do n't", "U.S." or "U.S ."), case,
Unicode forms and punctuation. Words are the runs of letters and digits after NFKC and case
folding, with apostrophes dropped and a detached English clitic ("n't", "'s") joined back to
its word, so every tokenisation of a sentence gives the same words. A shingle is
``SHINGLE_WORDS`` consecutive words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimtrail.model import Span

SHINGLE_WORDS = 5

# tokenisers split "don't" into "do n't" and "it's" into "it 's" (Penn Treebank); the
# space before the clitic goes, then every apostrophe
_DETACHED = re.compile(r"\s+(?=(?:n['’]t|['’](?:s|re|ve|ll|d|m))\b)", re.IGNORECASE)
_APOSTROPHE = re.compile(r"['’`´]")
_WORD = re.compile(r"\w+")


def own_text(text: str, body: Iterable[Span]) -> str:
    """The article's own text: its body spans, furniture left out, one per line."""
    return "\n".join(s.of(text) for s in body)


def words(text: str) -> list[str]:
    """Normalised words of a text, the same for any tokenisation of it."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = _APOSTROPHE.sub("", _DETACHED.sub("", t))
    return _WORD.findall(t)


def shingles(ws: list[str], k: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``k``-word shingles; a text shorter than ``k`` words is one shingle."""
    if not ws:
        return set()
    if len(ws) <= k:
        return {" ".join(ws)}
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}
