"""Pack patterns factored into one alternation match what the plain alternation matches."""

from __future__ import annotations

import re

import pytest

from claimtrail.lang.alternation import alternation, alternatives, factored

PATTERNS = ["kata|katanya|ujar|ucap|ungkap|ungkapnya", "menurut|menyatakan|mengatakan|(?:hal|info) itu|me",
            "ſaid|said|SAYS|[|]x|a?b|ıs|is"]
TEXT = ("Menurut dia, katanya ujar ungkapnya; mengatakan hal itu, info itu me. ſaid SAID says |x b ab İS is "
        "ungkap menyatakanlah kata")


def test_alternatives_split_at_the_top_level_only() -> None:
    assert alternatives(r"a|(?:b|c)|[|]|\||[]|]") == ["a", "(?:b|c)", "[|]", r"\|", "[]|]"]


def test_alternatives_with_the_same_first_letter_are_grouped() -> None:
    assert factored(["kata", "katanya", "ujar", "kita"]) == "k(?:ata(?:|nya)|ita)|ujar"
    # a group keeps its place: "(?:b|c)" stays between the two "a" words
    assert factored(["ab", "(?:b|c)", "ac"]) == "ab|(?:b|c)|ac"
    # letters whose case forms do not map to each other stay apart; a quantified letter too
    assert factored(["ſa", "sa", "a?b", "ab"]) == "ſa|sa|a?b|ab"


@pytest.mark.parametrize("ignorecase", [True, False])
def test_factored_alternation_finds_the_same_matches(ignorecase: bool) -> None:
    flags = re.I if ignorecase else 0
    plain = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in PATTERNS) + r")(?!\w)", flags)
    fast = re.compile(rf"(?<!\w)(?:{alternation(PATTERNS, ignorecase)})(?!\w)", flags)
    assert fast.pattern != plain.pattern
    assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    prefix = re.compile("|".join(f"(?:{p})" for p in PATTERNS), flags)
    fast_prefix = re.compile(alternation(PATTERNS, ignorecase) or "", flags)
    for i in range(len(TEXT)):
        a, b = prefix.match(TEXT, i), fast_prefix.match(TEXT, i)
        assert (a and a.span()) == (b and b.span())


def test_no_patterns_no_alternation() -> None:
    assert alternation([]) is None
