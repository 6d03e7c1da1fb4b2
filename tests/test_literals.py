"""Literal prefilters: a text is skipped only when the pattern cannot match it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from claimtrail.lang.literals import Prefilter, lowered, required_literals

PACKS = Path(__file__).resolve().parents[1] / "src" / "claimtrail" / "lang"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    (r"\bhak cipta (?:milik|dilindungi)\b", re.I, {"hak cipta "}),
    (r"(?:baca|lihat|simak)\s+(?:juga|pula)", re.I, {"baca", "lihat", "simak"}),
    (r"(?-i:\bTags [A-Za-z]).{0,250}?", re.I, {"tags "}),
    (r"a?bcd", 0, {"bcd"}),  # an optional letter ends the run before it
    (r"(?:ab)+cde", 0, {"cde"}),
    (r"x{0,3}Newsletter", 0, {"newsletter"}),
    (r"(?:the\s+)?day\s+before", re.I, {"before"}),
])
def test_literals_every_match_must_hold(pattern: str, flags: int, expected: set[str]) -> None:
    assert required_literals(pattern, flags) == expected


@pytest.mark.parametrize("pattern", [
    r"(?:share|x)\b",            # one branch too short to filter on
    r"\d+[.,]\d+",               # nothing literal
    r"(?:news)?letter|\w+",      # a branch with no literal
    r"(?=copyright)\w+",         # a look-ahead is not taken as consumed text
    r"(?:abc",                   # not a pattern: no filter, re reports it
])
def test_no_literal_means_always_scanned(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_letters_re_folds_otherwise_turn_the_filter_off() -> None:
    # re.IGNORECASE equates "ſ" with "s"; lower-casing does not, so the text is scanned
    p = Prefilter(re.compile(r"\bnewsletter\b", re.I))
    assert p.pattern.search("the newſletter")
    assert p.can_match(lowered("the newſletter"))
    assert lowered("İstanbul") is None  # lower-casing makes it longer
    assert not p.can_match(lowered("a text with no such word"))


def _pack_patterns() -> list[tuple[str, int]]:
    """Every string in the packs' boilerplate and sources files that compiles, as the
    extractors compile them (case-insensitive)."""
    out: list[tuple[str, int]] = []
    for path in sorted(PACKS.glob("*/boilerplate.yaml")) + sorted(PACKS.glob("*/sources.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        stack: list[object] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                try:
                    re.compile(item)
                except re.error:
                    continue
                out.append((item, re.I | re.M))
    return out


def test_pack_patterns_never_skip_a_text_they_match() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [
        "Baca juga: Banjir di Bekasi\nHak Cipta milik Rossiyskaya Gazeta\nLangganan newsletter kami",
        "Copyright © 2016 Reuters. All rights reserved.\nSign up for our newsletter\nTags Syria",
        "Читайте также: /ТАСС/ сообщил",
    ]
    patterns = _pack_patterns()
    assert len(patterns) > 30
    filtered = 0
    for source, flags in patterns:
        p = Prefilter(re.compile(source, flags))
        for text in texts:
            matches = bool(p.pattern.search(text))
            if not p.can_match(lowered(text)):
                filtered += 1
                assert not matches, (source, text[:60])
    assert filtered > 0  # the filter does skip texts


def test_a_pattern_starts_a_digit_run_only_behind_a_non_digit_and_on_a_digit() -> None:
    from claimtrail.lang.literals import starts_a_digit_run

    assert starts_a_digit_run(r"(?<![\d/.-])(?<!\d)(?P<day>[0-3]?\d)(?!\d)[/.-]\d\d", re.I)
    assert starts_a_digit_run(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)")
    assert not starts_a_digit_run(r"(?P<year>(?:19|20)\d\d)")  # no look-behind: "12016" holds "2016"
    assert not starts_a_digit_run(r"(?<!\d)[0-3]?")  # may match empty
    assert not starts_a_digit_run(r"(?<!\d)(?:x|1)\d")  # may start on a letter
    assert not starts_a_digit_run(r"(?<!\d)[^a]\d")


def test_lowered_kept_for_a_text_is_what_lowering_it_gives() -> None:
    from claimtrail.lang.literals import lower_of

    for text in ("Kata Menteri BUDI di Jakarta.", "İstanbul'da toplantı", "Ein ſchöner Tag", "ТАСС сообщил"):
        for _ in range(2):  # the second time from the cache
            assert lower_of(text) == text.lower()
            assert lowered(text) == lowered(text, text.lower())
    assert lowered("İstanbul") is None and lowered("Ein ſchöner Tag") is None
