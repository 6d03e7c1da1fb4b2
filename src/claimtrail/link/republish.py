"""When two articles are copies of one another, and which of a cluster of copies came first.

Two articles are copies when the estimated Jaccard similarity of their shingle sets is at
least ``MIN_JACCARD``, or when most of the smaller one is inside the larger one (a trimmed
copy: containment at least ``MIN_CONTAINMENT``, with a Jaccard of at least
``MIN_JACCARD_CONTAINED`` so that a short text is not called a copy on noise alone).
Containment is derived from the Jaccard estimate and the two set sizes:
``|A ∩ B| = J (|A| + |B|) / (1 + J)``.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
MIN_JACCARD_CONTAINED = 0.2
#: a text with fewer shingles is too short to be called a copy by containment
MIN_SHINGLES_CONTAINED = 20


@dataclass(frozen=True)
class Verdict:
    copy: bool
    jaccard: float
    containment: float


def containment(j: float, n_a: int, n_b: int) -> float:
    """Estimated share of the smaller set inside the larger, capped at 1."""
    small = min(n_a, n_b)
    if small == 0:
        return 0.0
    return min(1.0, j * (n_a + n_b) / (1 + j) / small)


def judge(j: float, n_a: int, n_b: int) -> Verdict:
    c = containment(j, n_a, n_b)
    copy = j >= MIN_JACCARD or (
        c >= MIN_CONTAINMENT and j >= MIN_JACCARD_CONTAINED and min(n_a, n_b) >= MIN_SHINGLES_CONTAINED
    )
    return Verdict(copy, j, c)


@dataclass(frozen=True)
class Member:
    article_id: int
    published: str | None


def origin(members: list[Member]) -> tuple[Member, str]:
    """The earliest member and how it was chosen: by published date where members have one
    (a member without a date cannot be placed), else the first stored."""
    dated = [m for m in members if m.published]
    if dated:
        first = min(dated, key=lambda m: (m.published or "", m.article_id))
        return first, "earliest published date"
    return min(members, key=lambda m: m.article_id), "first stored (no published dates)"
