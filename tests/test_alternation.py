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


@pytest.mark.parametrize("patterns", [
    ["kata|katanya|ujar|ungkap", "menurut|mengatakan|Me"],  # few first letters: the fast form
    ["said|Says|told|added|kata", "is|sit"],
    ["заявил|сказал|по словам"],  # letters past ASCII
    ["(?:hal|info) itu|kata"],  # a group first: the plain form
    [c + "x" for c in "abcdefghijkl"],  # many first letters: the plain form
])
def test_word_pattern_matches_what_the_plain_pattern_matches(patterns: list[str]) -> None:
    from claimtrail.lang.alternation import word_pattern

    text = ("Kata dia, KATANYA ujar; Menurut mereka mengatakan ME me. ſaid SAID Says told tOLD added "
            "İs is sit Kata KATA (kata) заявил Сказал по словам hal itu info itu ax bx lx Ax "
            "akata kata_ kata1 ḱata ungkap!")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?P<tail>nya)?(?!\w)", re.I)
    fast = re.compile(word_pattern(patterns, "(?P<tail>nya)?") or "")
    found = [(m.span(), m.group("tail")) for m in fast.finditer(text)]
    assert found and found == [(m.span(), m.group("tail")) for m in plain.finditer(text)]
    for i in range(len(text)):
        for j in (i + 3, i + 8, len(text)):
            a, b = plain.match(text, i, j), fast.match(text, i, j)
            assert (a and a.span()) == (b and b.span())
    for word in text.split():
        assert bool(plain.fullmatch(word)) == bool(fast.fullmatch(word))


def test_a_letter_matched_ignoring_case_matches_its_cases_and_the_extra_folds() -> None:
    from claimtrail.lang.alternation import _ALSO_FOLDS

    every = "".join(map(chr, range(0x110000)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = set(re.findall(f"(?i:{letter})", every))
        assert found == {letter, letter.upper(), *_ALSO_FOLDS.get(letter, "")}, letter
