from __future__ import annotations

from claimtrail.analyzer import analyse
from claimtrail.model import Article
from linear import assert_linear

ID_PAGE = """Bogor, Warta Contoh - Sebanyak 1.250 warga mengungsi setelah tanggul jebol pada Senin (4/3) malam.
Baca juga:
Tanggul Serupa Pernah Jebol pada 2019
Petugas gabungan masih memompa air dari permukiman. (Baca: Warga Diminta Waspada Hujan Susulan)
Bagikan artikel ini
Hak cipta milik Warta Contoh.
Berlanggananlah
dengan newsletter kami!
Dapatkan berita pilihan langsung ke email Anda
"""

EN_PAGE = """More than 300 families were moved to shelters on Sunday, officials said.
Read more:
Floods hit the north of the country for a third week
Sign up for our morning newsletter to get the top stories straight to your inbox
© 2023 Example Daily News. All rights reserved.
"""


def _removed(text: str, lang: str) -> dict[str, list[str]]:
    a = analyse(Article("t", text, language=lang))
    out: dict[str, list[str]] = {}
    for b in a.boilerplate:
        out.setdefault(b.kind, []).append(b.span.of(text))
    body = " ".join(s.of(text) for s in a.body)
    out["_body"] = [body]
    return out


def test_indonesian_furniture_leaves_the_body_with_its_kind() -> None:
    got = _removed(ID_PAGE, "id")
    body = got["_body"][0]
    assert "Baca juga" not in body and "Tanggul Serupa Pernah Jebol" not in body
    assert "(Baca:" not in body
    assert "Hak cipta" not in body and "newsletter" not in body and "Dapatkan berita" not in body
    assert "Bagikan" not in body
    assert "Sebanyak 1.250 warga mengungsi" in body
    assert "Petugas gabungan masih memompa air dari permukiman." in body
    assert {"related", "share", "copyright", "newsletter"} <= set(got)


def test_english_furniture_leaves_the_body() -> None:
    got = _removed(EN_PAGE, "en")
    body = got["_body"][0]
    assert body.startswith("More than 300 families") and body.endswith("officials said.")
    assert "newsletter" in got and "copyright" in got and "related" in got


def test_a_long_paragraph_mentioning_a_cue_word_stays_in_the_body() -> None:
    para = (
        "Dalam newsletter internal yang dibaca wartawan, direksi menyebut bahwa perusahaan merugi "
        "Rp 2,1 triliun tahun lalu dan berencana menutup 14 cabang di Jawa Barat serta Banten, "
        "sebuah langkah yang akan berdampak pada sekitar 900 karyawan tetap dan kontrak di seluruh wilayah."
    )
    a = analyse(Article("t", para, language="id"))
    assert a.boilerplate == ()
    assert [s.of(para) for s in a.body] == [para]


def test_an_also_read_line_and_its_headline_are_related_links() -> None:
    text = ("Rescue teams reached the last flooded village on Sunday, the district office said.\n"
            "Also read:\nDam Inspections Were Skipped for Three Years\n"
            "Residents were allowed back into their homes by evening.\n")
    got = _removed(text, "en")
    assert "Dam Inspections" in " ".join(got["related"]) and "Also read" not in " ".join(got["_body"])
    assert "Residents were allowed back" in " ".join(got["_body"])


def test_a_flattened_photo_credit_and_related_headline_leave_the_body() -> None:
    text = ("At least 12 people were killed when a car bomb went off near the market, local officials "
            "said. Sputnik Olga Petrova Government Forces Retake Two Villages Near Hama After Heavy "
            "Fighting MOSCOW (Sputnik) The blast also damaged a school and three shops, a medic said. "
            "AP Photo Rescue Teams Search Rubble in al-Bab The Red Crescent sent four ambulances.")
    a = analyse(Article("t", text, language="en"))
    removed = [b.span.of(text) for b in a.boilerplate if b.kind == "photo_credit"]
    assert removed == ["Sputnik Olga Petrova Government Forces Retake Two Villages Near Hama After Heavy Fighting",
                       "AP Photo Rescue Teams Search Rubble in al-Bab"]
    body = " ".join(s.of(text) for s in a.body)
    assert "MOSCOW (Sputnik) The blast also damaged a school" in body and "four ambulances" in body
    assert [f.value for f in a.figures] == [12, 3, 4]


def test_a_flattened_gallery_widget_leaves_the_body_and_its_count_is_no_figure() -> None:
    text = "Fighters seized two oil fields in July. Slideshow (4 Images) A resident said 40 families had fled."
    a = analyse(Article("t", text, language="en"))
    assert [(b.kind, b.span.of(text)) for b in a.boilerplate] == [("photo_credit", "Slideshow (4 Images)")]
    assert [f.value for f in a.figures] == [2, 40]


def test_a_tag_list_between_the_standfirst_and_the_story_leaves_the_body() -> None:
    text = ("Shelling hit a market in the north of the province on Sunday, rescuers said. Tags Syria Idlib "
            "shelling civilians White Helmets At least 14 civilians were killed when shells hit a crowded "
            "market on Sunday, rescuers said. Tags are sold at the market too, a trader said.")
    a = analyse(Article("t", text, language="en"))
    assert [b.span.of(text) for b in a.boilerplate if b.kind == "tags"] == [
        "Tags Syria Idlib shelling civilians White Helmets "]
    body = " ".join(s.of(text) for s in a.body)
    assert "At least 14 civilians were killed" in body and "Tags are sold at the market" in body


def test_the_rest_of_an_image_tag_is_furniture_and_its_sizes_no_figures() -> None:
    text = ('Pelatih itu memuji pemainnya.\n\nRadja Nainggolan "src="https://cdn.example.id/2017/05/radja.jpg" '
            'style="height: 234 px; width: 468 px; "/>\n\nIa mencetak dua gol dalam 5 laga.')
    a = analyse(Article("t", text, language="id"))
    assert [b.span.of(text)[:12] for b in a.boilerplate] == ['"src="https:']
    assert [f.value for f in a.figures] == [2, 5]


def test_a_rule_anchored_at_line_starts_finds_what_a_search_finds() -> None:
    import re

    from claimtrail.normalise.boilerplate import _NEWLINE, _at_line_starts, _line_anchored

    def anchored(p: str) -> bool:
        return _line_anchored(re.compile(p, re.I | re.M))

    assert anchored(r"^\s*(?:tags?|topik)\s*:") and anchored(r"(?m)^\s*foto\b")
    # an alternative without ^, a match that may be empty, no multi-line flag: searched as written
    assert not anchored(r"^\s*tags:|\bfoto:") and not anchored(r"^\s*") and not anchored(r"(?:^|x)tags")
    assert not _line_anchored(re.compile(r"^tags", re.I))
    text = "Tags: a\n\n\n  © 2020 X\nfoo © 2021\n©\n\n© 2022 Y"
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    for p in (r"^\s*(?:©|\(c\)|copyright\b)", r"^\s*tags?\s*:", r"^\s*©[^\n]*\n?"):
        pattern = re.compile(p, re.I | re.M)
        assert anchored(p)
        assert [m.span() for m in _at_line_starts(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_a_megabyte_of_image_tag_attributes_stays_linear() -> None:
    assert_linear(lambda text: analyse(Article("t", text, language="id")), 'src="x" ', 20_000)
