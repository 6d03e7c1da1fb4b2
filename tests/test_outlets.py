from __future__ import annotations

from pathlib import Path

import pytest

from claimtrail.errors import PackError
from claimtrail.lang.packs import validate_file
from claimtrail.outlets import OutletsFile, load_outlets


def test_outlets_file_validates_and_state_claims_carry_references() -> None:
    outlets = load_outlets()
    assert len(outlets.entries) > 40
    for o in outlets.entries.values():
        if o.state is not None:
            assert o.state.reference.startswith("http")


def test_lookup_by_alias_and_domain() -> None:
    outlets = load_outlets()
    assert outlets.lookup("Russia Today").key == "rt"  # type: ignore[union-attr]
    assert outlets.lookup("ИТАР-ТАСС").key == "tass"  # type: ignore[union-attr]
    assert outlets.by_domain("https://www.cnnindonesia.com/internasional/2018").key == "cnn_indonesia"  # type: ignore[union-attr]
    assert outlets.lookup("Kementerian Pertahanan") is None


def test_a_state_claim_without_reference_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.yaml"
    bad.write_text(
        "outlets:\n  - {key: x, name: X News, kind: online, state: {affiliated: true}}\n", encoding="utf-8"
    )
    with pytest.raises(PackError, match=r"outlets.0.state.reference"):
        validate_file(bad, OutletsFile)


def test_one_alias_for_two_outlets_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.yaml"
    bad.write_text(
        "outlets:\n  - {key: a, name: Daily, kind: online}\n  - {key: b, name: Other, kind: online, aliases: [daily]}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="names both"):
        validate_file(bad, OutletsFile)


def test_outlet_names_that_are_common_words_match_only_as_written() -> None:
    pattern = load_outlets().pattern
    text = "antara lain dengan tempo yang cepat di sana, warga RT 05 ikut; ANTARA dan Tempo melaporkan."
    assert [m.group() for m in pattern.finditer(text)] == ["ANTARA", "Tempo"]


def test_names_in_finds_what_the_single_pattern_finds() -> None:
    """Two scans (folded names over the lower-cased text, cased acronyms over the text) give
    the spans of the one case-insensitive pattern, the longer folded name first at a start."""
    outlets = load_outlets()
    samples = Path(__file__).resolve().parents[1] / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    texts += [
        # folded names at the very start, one character apart, and after characters that forbid one
        "Reuters/AFP,BBC (Kompas)Tempo\nDetik x.Reuters @kompas Reuters.com reuters",
        "kompas",
        # names matched as written, right after characters that may or may not stand before a name
        "Antara: xAntara, @Antara, .Antara, (ANTARA), -SANA, 5AFP, Antara5 dan\nTASS",
        "JAKARTA, CNN Indonesia -- Kata RT 05/RW 03, menurut cnn indonesia dan RT.",
        "Kantor berita ANTARA News melaporkan, seperti dikutip AP dan ap.org.",
        "İstanbul (Reuters) - RIA Novosti and РИА Новости said, citing Sputnik.",
    ]
    found = 0
    for text in texts:
        spans = outlets.names_in(text)
        assert spans == [m.span() for m in outlets.pattern.finditer(text)], text[:50]
        found += len(spans)
    assert found > 10
    assert "CNN Indonesia" in [texts[-3][s:e] for s, e in outlets.names_in(texts[-3])]


def test_a_trie_with_a_test_after_the_first_character_refuses_empty_words() -> None:
    from claimtrail.outlets import trie_regex

    assert trie_regex(["ab", "ac", "b"], after_first="(?!x)") == "(?:a(?!x)(?:b|c)|b(?!x))"
    with pytest.raises(ValueError):
        trie_regex(["", "a"], after_first="(?!x)")
