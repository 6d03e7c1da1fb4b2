"""What one article brings to the cross-article tables, computed from its analysis alone.

The store's cross-article update only runs SQL with these; computing them is most of the
work, and it can be done wherever the article was analysed (a worker of the local pool), so
the single process that writes the ledger is not the bottleneck.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrail.link.figure_groups import FigureKey, figure_keys
from claimtrail.link.fingerprint import items
from claimtrail.link.minhash import signature
from claimtrail.link.places import body_places
from claimtrail.link.shingles import own_text, shingles, words
from claimtrail.model import Analysis


@dataclass(frozen=True)
class LinkKeys:
    shingle_count: int  # shingles of the article's own text (furniture left out)
    signature: bytes | None  # their MinHash signature; None for no shingles
    items: frozenset[str]  # language-free fingerprint items (figures, dates, outlets, places, names)
    figures: tuple[FigureKey, ...]  # the keys of its figures for the figure groups


def copy_keys(text: str) -> tuple[int, bytes | None]:
    """Shingle count and signature of an article's own text."""
    sh = shingles(words(text))
    return len(sh), signature(sh)


def link_keys(a: Analysis) -> LinkKeys:
    count, sig = copy_keys(own_text(a.article.text, a.body))
    places = body_places(a)  # read once for the fingerprint and the figures' article place
    return LinkKeys(count, sig, frozenset(items(a, places)), tuple(figure_keys(a, places)))
