from __future__ import annotations

import pytest

from claimtrail.errors import InputError
from claimtrail.ingest.encoding import decode

RU = "Министр заявил, что более 7 тысяч жителей покинули город «в течение суток»."
ID = "“Kami sudah mengevakuasi 7.796 warga,” kata juru bicara itu."


def test_utf8_is_taken_as_is_and_curly_quotes_survive() -> None:
    text, enc, repairs = decode(ID.encode("utf-8"), "a.txt")
    assert text == ID and enc == "utf-8" and repairs == ()


def test_a_bom_is_removed_and_said() -> None:
    text, _, repairs = decode(b"\xef\xbb\xbf" + ID.encode("utf-8"), "a.txt")
    assert text == ID
    assert [r.kind for r in repairs] == ["encoding"]


def test_cp1251_russian_is_detected() -> None:
    text, enc, repairs = decode(RU.encode("cp1251"), "ru.txt")
    assert text == RU
    assert enc.replace("_", "").lower() in {"cp1251", "windows1251"}
    assert "not UTF-8" in repairs[0].detail


def test_mojibake_is_repaired_and_reported() -> None:
    original = "Kafé di Jl. Braga — ramai sejak pagi, kata pemiliknya."
    broken = original.encode("utf-8").decode("cp1252")
    assert broken != original
    text, _, repairs = decode(broken.encode("utf-8"), "m.txt")
    assert text == original
    assert repairs and repairs[-1].kind == "mojibake"


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text")],
)
def test_bad_input_is_named(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data, "photo.png")
    assert str(err.value).startswith("photo.png: ") and problem in str(err.value)
