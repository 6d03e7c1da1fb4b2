from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimtrail.errors import PackError
from claimtrail.lang import available_languages, load_pack, section_names
from claimtrail.lang.packs import PACK_ROOT, Pack
from claimtrail.lang.sections.boilerplate import Section as Boilerplate
from claimtrail.lang.sections.sentences import Section as Sentences
from claimtrail.lang.sections.units import Section as Units


def test_supported_languages_come_from_the_folders() -> None:
    langs = available_languages()
    assert {"id", "en", "ru"} <= set(langs)
    assert langs[-1] == "xx"


@pytest.mark.parametrize("code", available_languages())
def test_every_pack_validates_every_section(code: str) -> None:
    pack = Pack(code)
    pack.validate_all()
    assert section_names(), "no section schemas found"


def _copy_packs(tmp_path: Path) -> Path:
    root = tmp_path / "lang"
    shutil.copytree(PACK_ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__", "sections"))
    return root


def test_a_bad_value_names_file_and_key(tmp_path: Path) -> None:
    root = _copy_packs(tmp_path)
    (root / "id" / "sentences.yaml").write_text("abbreviations: [Jl, dkk, 12]\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        Pack("id", root).section("sentences", Sentences)
    assert "id/sentences.yaml" in str(err.value)
    assert "abbreviations.2" in str(err.value)


def test_a_regex_that_does_not_compile_is_refused(tmp_path: Path) -> None:
    root = _copy_packs(tmp_path)
    (root / "en" / "boilerplate.yaml").write_text(
        "rules:\n  - {kind: share, pattern: '(unclosed'}\n", encoding="utf-8"
    )
    with pytest.raises(PackError) as err:
        Pack("en", root).section("boilerplate", Boilerplate)
    assert "rules.0.pattern" in str(err.value)
    assert "does not compile" in str(err.value)


def test_broken_yaml_and_unknown_keys_are_refused(tmp_path: Path) -> None:
    root = _copy_packs(tmp_path)
    (root / "ru" / "sentences.yaml").write_text("abbreviations: [г, тыс\n", encoding="utf-8")
    with pytest.raises(PackError, match="not valid YAML"):
        Pack("ru", root).section("sentences", Sentences)
    (root / "ru" / "sentences.yaml").write_text("abbreviation: [г]\n", encoding="utf-8")
    with pytest.raises(PackError, match="abbreviation"):
        Pack("ru", root).section("sentences", Sentences)


def test_a_key_given_twice_is_refused_with_both_lines(tmp_path: Path) -> None:
    root = _copy_packs(tmp_path)
    # YAML itself would keep the second meaning silently
    (root / "en" / "units.yaml").write_text("after:\n  miles: mi\n  km: km\n  miles: km\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        Pack("en", root).section("units", Units)
    assert "en/units.yaml" in str(err.value) and "line 4" in str(err.value)
    assert "'miles' given twice (first on line 2)" in str(err.value)


def test_a_missing_section_falls_back_to_xx(tmp_path: Path) -> None:
    root = _copy_packs(tmp_path)
    (root / "ru" / "sentences.yaml").unlink()
    got = Pack("ru", root).section("sentences", Sentences)
    assert got == Pack("xx", root).section("sentences", Sentences)


def test_unknown_language_gets_the_fallback_and_malay_the_indonesian_pack() -> None:
    assert load_pack("fr").code == "xx"
    assert load_pack(None).code == "xx"
    assert load_pack("ms").code == "id"
