from __future__ import annotations

from claimtrail.model import Span
from claimtrail.normalise.sentences import split

ABBR = ["Jl", "dkk", "Mayjen", "Dr"]


def _texts(text: str, **kw: object) -> list[str]:
    return [s.span.of(text) for s in split(text, ABBR, **kw)]  # type: ignore[arg-type]


def test_sentences_split_at_stops_but_not_after_abbreviations_or_initials() -> None:
    text = "Kantor itu berada di Jl. Merdeka No. 5. Mayjen. Budi S. Hartono tiba pukul sembilan. Ia langsung rapat."
    got = _texts(text)
    assert got[0].startswith("Kantor itu berada di Jl. Merdeka")
    assert got[-1] == "Ia langsung rapat."
    assert any(s.startswith("Mayjen. Budi S. Hartono") for s in got)


def test_a_stop_inside_closing_quotes_ends_the_sentence_and_paragraphs_are_counted() -> None:
    text = '"Semua warga sudah keluar." Kata dia kemudian.\nParagraf kedua dimulai di sini.'
    sents = split(text, ABBR)
    assert [s.span.of(text) for s in sents] == ['"Semua warga sudah keluar."', "Kata dia kemudian.", "Paragraf kedua dimulai di sini."]
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_lower_case_after_a_stop_does_not_split() -> None:
    text = "Harga naik 5.5 persen. dan itu belum final."
    assert len(split(text, ABBR)) == 1


def test_only_the_body_is_split() -> None:
    text = "Isi berita di sini. Kalimat kedua.\nBerlangganan newsletter kami!"
    got = _texts(text, within=[Span(0, 34)])
    assert got == ["Isi berita di sini.", "Kalimat kedua."]


def test_the_word_before_a_stop_is_what_the_plain_regex_finds() -> None:
    import re

    from claimtrail.normalise.sentences import _word_before

    plain = re.compile(r"(\w+)\W*$")
    text = "Ia tiba pk. 10.30 WIB, bersama Prof. Dr. Ir. H. Budi_S. (ketua), dll.) … «Итак» ж.-д. "
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 3):
            m = plain.search(text, start, end)
            assert _word_before(text, start, end) == (m.group(1) if m else ""), (start, end)
    assert _word_before(text, 0, text.index("WIB") + 4) == "WIB"
