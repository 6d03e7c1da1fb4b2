"""HTML pages: main text and the page's own metadata, which feeds the analysis."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.errors import InputError
from claimtrail.ingest.html import MAX_HTML_BYTES, Page, decode_page, page_article
from claimtrail.ingest.readers import read_paths
from claimtrail.model import analysis_from_record, analysis_record
from claimtrail.serve.cli import main
from ingest_web import BEKASI, MOSCOW, PORT, page


def test_main_text_title_author_date_site_and_canonical_url() -> None:
    html = page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi",
                canonical="https://wartacontoh.example/berita/2024/02/banjir-bekasi")
    art = page_article(Page(html.encode(), "pages/bekasi.html"))
    assert art.page_sha256 == hashlib.sha256(html.encode()).hexdigest()
    assert art.title == "Banjir rendam 3.000 rumah di Bekasi"
    assert art.author == "Rina Puspita"
    assert art.site_name == "Warta Contoh"
    assert art.url == "https://wartacontoh.example/berita/2024/02/banjir-bekasi"
    assert art.origin == "pages/bekasi.html"
    assert art.published == "2024-02-03" and art.published_origin == "page"
    # the dateline leads (the headline is the title, not the first line); navigation, related links
    # and the footer are gone
    assert art.text.startswith("Bekasi - Banjir merendam sedikitnya 3.000 rumah")
    for furniture in ("Olahraga", "Harga cabai rawit", "Pedoman Media Siber", "Hak cipta"):
        assert furniture not in art.text


def test_baca_juga_left_in_by_trafilatura_is_marked_as_furniture() -> None:
    art = page_article(Page(page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi").encode(), "p.html"))
    assert "Baca juga: Hujan Deras" in art.text
    a = analyse(art)
    related = [b.span.of(art.text) for b in a.boilerplate if b.kind == "related"]
    assert related == ["Baca juga: Hujan Deras, Jalan Tol Cikampek Tergenang"]
    assert not any(f.span.of(art.text) == "Cikampek" for f in a.figures)
    assert {f.value for f in a.figures} >= {3000.0, 1200.0}


def test_read_more_line_in_an_english_page_is_furniture() -> None:
    html = page(PORT, title="Surabaya port traffic up 8% in January", site=None, lang="en")
    art = page_article(Page(html.encode(), "port.html"))
    a = analyse(art)
    assert a.language == "en"
    assert any(b.span.of(art.text).startswith("Read more: Shipping rates") for b in a.boilerplate)


def test_the_page_date_is_the_publication_date_and_survives_storage() -> None:
    # the text's own dateline has no year: the page's date settles it
    paras = ["Jakarta - Harga beras medium naik menjadi Rp 13.500 per kilogram di 12 provinsi, kata pedagang, "
             "Senin (5/2).", "Kenaikan itu terjadi menjelang panen raya, kata Ketua Perpadi Sutarto Alimoeso."]
    html = page(paras, title="Harga beras naik di 12 provinsi", published="2024-02-05T10:00:00+07:00")
    a = analyse(page_article(Page(html.encode(), "beras.html")))
    assert (a.published, a.published_from) == ("2024-02-05", "page")
    back = analysis_from_record(analysis_record(a), a.article.text)
    assert back.article.published == "2024-02-05" and back.article.published_origin == "page"
    assert back.article.site_name == "Warta Contoh" and back.article.author == "Rina Puspita"


def test_the_site_name_names_the_publisher() -> None:
    html = page(PORT, title="Surabaya port traffic up 8% in January", site="Associated Press", lang="en",
                canonical="https://news.example/port-traffic")
    a = analyse(page_article(Page(html.encode(), "port.html")))
    by_name = {s.outlet: s.relation for s in a.sources}
    # the page is the Associated Press's own: Reuters, which the port official spoke to, is cited
    assert by_name.get("Reuters") == "cites"
    assert by_name.get("Associated Press") != "cites"
    without = analyse(page_article(Page(page(PORT, title="t", site=None, lang="en").encode(), "port.html")))
    assert {s.outlet: s.relation for s in without.sources}.get("Associated Press") == "cites"


def test_http_charset_wins_over_detection_for_cp1251() -> None:
    html = page(MOSCOW, title="Пассажиропоток метро вырос на 4%", charset=None, lang="ru", site="Городские новости")
    art = page_article(Page(html.encode("cp1251"), "metro", charset="windows-1251"))
    assert art.encoding == "cp1251"
    assert "210 млн человек" in art.text
    assert any("declared by the HTTP header" in r.detail for r in art.repairs)


def test_unknown_declared_charset_falls_back_to_detection_and_says_so() -> None:
    html = page(MOSCOW, title="Пассажиропоток метро вырос на 4%", charset="x-made-up-8", lang="ru")
    art = page_article(Page(html.encode("cp1251"), "metro.html"))
    assert "пассажиров московского метро" in art.text
    assert any("'x-made-up-8', which is unknown" in r.detail for r in art.repairs)


def test_bytes_in_an_unknown_encoding_are_an_error_naming_the_page() -> None:
    junk = bytes(range(256)) * 40
    with pytest.raises(InputError) as e:
        decode_page(b"<html><head><meta charset='x-made-up-8'></head><body>" + junk, "odd.html")
    assert e.value.where == "odd.html"
    assert "not text" in e.value.problem or "undecodable" in e.value.problem


def test_a_page_with_no_article_is_an_error() -> None:
    html = "<html><head><title>Indeks</title></head><body><nav><a href='/a'>A</a></nav></body></html>"
    with pytest.raises(InputError, match=r"index\.html: no (main|article) text"):
        page_article(Page(html.encode(), "index.html"))


def test_a_50_mb_page_is_refused_and_the_run_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a-bekasi.html").write_text(page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi"), encoding="utf-8")
    big = page(BEKASI, title="Besar").replace("</article>", "<p>" + "lorem ipsum " * 4_400_000 + "</p></article>")
    assert len(big) > 50_000_000 > MAX_HTML_BYTES
    (folder / "b-huge.html").write_text(big, encoding="utf-8")
    (folder / "c-port.html").write_text(page(PORT, title="Port traffic", lang="en"), encoding="utf-8")
    items = list(read_paths([str(folder)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert str(items[1]).startswith(f"{folder / 'b-huge.html'}: page too large")
    db = tmp_path / "l.db"
    assert main(["ingest", str(folder), "--db", str(db), "--quiet", "--workers", "1"]) == 1
    assert "2 new, 0 already stored, 1 failed" in capsys.readouterr().err


def test_the_page_date_comes_from_its_markup_not_from_the_copyright_footer() -> None:
    plain = page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi", published=None)  # footer: "Hak cipta 2024"
    assert page_article(Page(plain.encode(), "p.html")).published is None
    timed = plain.replace('<div class="byline">',
                          '<div class="byline"><time datetime="2024-02-05T09:00:00+07:00">5 Februari 2024</time>')
    assert page_article(Page(timed.encode(), "p.html")).published == "2024-02-05"
    by_url = Page(plain.encode(), "p.html", url="https://wartacontoh.example/2024/02/07/banjir-bekasi")
    assert page_article(by_url).published == "2024-02-07"
