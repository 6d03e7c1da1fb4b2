from __future__ import annotations

import pytest

from claimtrail.normalise.language import identify

CASES = [
    ("id", "Pemerintah kota mengatakan bahwa ribuan warga yang mengungsi akibat banjir sudah kembali ke rumah masing-masing pada Selasa pagi."),
    ("ms", "Kerajaan negeri akan memperkenalkan dasar baharu bagi membantu rakyat yang terjejas akibat banjir, kata Menteri Besar semalam."),
    ("en", "The ministry said on Tuesday that more than seven thousand civilians had left the eastern districts of the city."),
    ("ru", "Министерство обороны сообщило во вторник, что более семи тысяч мирных жителей покинули восточные районы города."),
]


@pytest.mark.parametrize(("code", "text"), CASES)
def test_languages_are_told_apart(code: str, text: str) -> None:
    got, confidence = identify(text)
    assert got == code
    assert confidence > 0.3


def test_text_without_letters_is_undetermined() -> None:
    assert identify("12.345 -- 67,8 / 90") == ("xx", 0.0)


def test_a_text_written_only_in_a_script_no_other_pack_uses_is_told_without_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimtrail.normalise.language as language

    calls: list[str] = []
    real = language._confidences

    def counted(sample: str) -> list[tuple[str, float]]:
        calls.append(sample)
        return real(sample)

    monkeypatch.setattr(language, "_confidences", counted)
    ru = "Президент заявил журналистам, что переговоры о прекращении огня продолжатся в пятницу. " * 5
    assert language.identify(ru) == ("ru", 1.0) and calls == []
    # a Latin letter in the first look leaves it to lingua, which reads it as before
    mixed = "Президент Trump заявил журналистам, что переговоры продолжатся. " * 5
    assert language.identify(mixed)[0] == "ru" and calls
