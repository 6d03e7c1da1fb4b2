from __future__ import annotations

import pytest

from claimtrail.analyzer import analyse
from claimtrail.model import Article


def _sources(text: str, lang: str, url: str | None = None) -> set[tuple[str, str]]:
    a = analyse(Article("t", text, language=lang, url=url))
    for s in a.sources:
        assert s.span.of(text), "every source has a span in the text"
    return {(s.outlet, s.relation) for s in a.sources}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jakarta, CNN Indonesia -- Polisi menangkap dua tersangka pada Rabu (5/7).", ("CNN Indonesia", "publisher")),
        ("Merdeka.com - Harga cabai naik tajam menjelang Lebaran.", ("Merdeka.com", "publisher")),
        ("DEPOK (Pos Kota) – Seorang mahasiswi ditemukan selamat.", ("Pos Kota", "publisher")),
        ("Surabaya, Kabar Timur -- Banjir merendam tiga kecamatan.", ("Kabar Timur", "publisher")),
    ],
)
def test_indonesian_datelines_name_the_publisher(text: str, expected: tuple[str, str]) -> None:
    assert expected in _sources(text, "id")


def test_indonesian_citations_and_copyright() -> None:
    text = (
        "Menteri itu membantah tuduhan tersebut, demikian dikabarkan Sputnik, Selasa (13/12).\n"
        "Sementara itu, seperti dilansir dari Boldsky, kebiasaan itu berbahaya.\n"
        "Warga merayakan kemenangan di jalan raya. Sumber: RT / YouTube\n"
        "Korban masih dirawat di rumah sakit. (Antara)\n"
        "Hak cipta milik Rossiyskaya Gazeta.\n"
    )
    got = _sources(text, "id")
    assert {("Sputnik", "cites"), ("Boldsky", "cites"), ("RT", "cites"), ("YouTube", "cites"),
            ("Antara", "cites"), ("Rossiyskaya Gazeta", "copyright")} <= got


def test_a_government_body_after_menurut_is_a_speaker_not_a_source() -> None:
    text = "Menurut Kementerian Pertahanan, lebih dari 7.000 warga telah dievakuasi dari kota itu."
    assert _sources(text, "id") == set()


def test_english_credits() -> None:
    text = (
        "BEIRUT (Reuters) - At least 20 people were killed in air strikes, according to AFP.\n"
        "A resident told The New Arab the shelling lasted all night.\n"
        "Footage posted on YouTube showed the damage. - REUTERS\n"
        "© 2016 Example Wire Service"
    )
    got = _sources(text, "en")
    assert {("Reuters", "cites"), ("AFP", "cites"), ("The New Arab", "cites"), ("YouTube", "cites"),
            ("Example Wire Service", "copyright")} <= got
    assert not any(name == "New Arab" for name, _ in got)


def test_russian_credits() -> None:
    text = (
        "Как сообщает ТАСС, в городе эвакуировали почти 18 тыс. человек.\n"
        "Согласно The Hollywood Reporter, съёмки начнутся летом.\n"
        "Бывший министр написал в Twitter: «Это большая потеря»."
    )
    got = _sources(text, "ru")
    assert {("TASS", "cites"), ("The Hollywood Reporter", "cites"), ("Twitter", "cites")} <= got


def test_a_platform_named_in_passing_is_not_a_source() -> None:
    text = "Девушку обвинили за призывы к насилию в Telegram, сообщила полиция."
    assert ("Telegram", "cites") not in _sources(text, "ru")


def test_an_agency_dateline_on_its_own_site_is_the_publisher() -> None:
    text = "Jakarta, Antara -- Harga beras naik di 12 provinsi."
    assert ("Antara", "publisher") in _sources(text, "id", url="https://www.antaranews.com/berita/1")
    assert ("Antara", "cites") in _sources(text, "id")


def test_an_outlet_someone_spoke_to_is_the_publisher_only_when_no_other_is_known() -> None:
    alone = "A police source told SANA that two rockets hit the Midan neighbourhood on Friday."
    assert _sources(alone, "en") == {("SANA", "publisher")}
    dated = "Jakarta, CNN Indonesia -- Guardiola berbicara kepada Marca soal kontraknya."
    assert _sources(dated, "id") == {("CNN Indonesia", "publisher"), ("Marca", "cites")}


def test_a_wire_dateline_names_the_publisher_unless_the_url_says_otherwise() -> None:
    text = "DAMASCUS (Sputnik) - At least 45 people were killed in a blast near Idlib."
    assert _sources(text, "en") == {("Sputnik", "publisher")}
    assert _sources(text, "en", url="https://www.rt.com/news/1") == {("Sputnik", "cites")}


def test_an_article_does_not_cite_its_own_outlet() -> None:
    text = 'DEPOK (Pos Kota) – Mahasiswi itu ditemukan. "Dia sehat," ujarnya kepada Poskota.'
    assert _sources(text, "id") == {("Pos Kota", "publisher")}


def test_closing_credits_and_wire_datelines_match_as_their_plain_forms() -> None:
    """The pack writes the closing credit and the wire dateline class first (for the search to skip
    to dashes and capitals); they must find what "(?:^|\\s)(?:-{1,2}|—|–)" and "\\b[A-Z]" find."""
    import re

    from claimtrail.extract.sources import cues_for

    cues = cues_for("en")
    plain_credit = re.compile(r"(?:^|\s)(?:-{1,2}|—|–)\s*(?P<outlet>[A-Z][\w.]{1,15})\s*$", re.M)
    plain_wire = re.compile(
        r"\b[A-Z][A-Z]{2,}(?:[ ,][A-Z]{2,}){0,3},?\s+[(\[](?P<outlet>[A-Za-z][\w .&-]{1,30})[)\]]", re.M)
    credit = next(p.pattern for p in cues.credit if "[-—–]" in p.pattern.pattern)
    wire = cues.wire[0].pattern
    texts = [
        "--AFP\nThe talks ended.\n— Reuters \n\n\n-- Antara\nA well-known anti-AFP group met.\n",
        "Officials said the road was closed -Xinhua\nnon-Reuters sources ---AP\n –Tass",
        "BEIRUT (Reuters) - Strikes hit. xDAMASCUS (Sputnik) no; NEW YORK, (AP) yes; DEPOK [Pos Kota] –",
    ]
    for text in texts:
        for new, old in ((credit, plain_credit), (wire, plain_wire)):
            assert [m.span("outlet") for m in new.finditer(text)] == [m.span("outlet") for m in old.finditer(text)]
    assert [m.group("outlet") for m in credit.finditer(texts[0])] == ["AFP", "Reuters", "Antara"]
    assert [m.group("outlet") for m in wire.finditer(texts[2])] == ["Reuters", "AP", "Pos Kota"]
