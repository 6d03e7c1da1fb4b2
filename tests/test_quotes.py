"""Quotes: direct and reported speech, on sentences written for these tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.model import Article, Quote

SHARED = Path(__file__).parents[1] / ".." / "shared"


def quotes(text: str, lang: str = "id") -> list[Quote]:
    return list(analyse(Article(id="t", text=text, language=lang)).quotes)


def content(text: str, q: Quote) -> str:
    return q.span.of(text)


ID_TEXT = (
    "Kepala Dinas Pemadam Kebakaran Kota Bogor Kolonel Ahmad Rasyid membantah bahwa petugasnya terlambat "
    "datang ke lokasi kebakaran pasar.\n\n"
    "\"Kami tiba dua belas menit setelah laporan masuk, dan itu sesuai \"standar\" yang berlaku di kota ini,\" "
    "kata Rasyid di Bogor, Senin.\n\n"
    "\"Warga diminta tidak mendekati bangunan yang masih berasap sampai tim selesai memeriksa,\" tambahnya.\n\n"
    "Seorang pedagang bernama Siti Aminah mengatakan bahwa api pertama kali terlihat dari kios penjual kain.\n\n"
    "Menurut Siti, kerugian para pedagang di lantai dua mencapai ratusan juta rupiah."
)


def test_indonesian_direct_quotes_with_inner_marks_and_enclitic() -> None:
    qs = quotes(ID_TEXT)
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 2
    assert content(ID_TEXT, direct[0]).startswith("Kami tiba")
    assert "\"standar\" yang berlaku" in content(ID_TEXT, direct[0])
    assert direct[0].speaker is not None and direct[0].speaker.name == "Ahmad Rasyid"
    assert direct[1].speaker is not None and direct[1].speaker.name == "Ahmad Rasyid"
    assert direct[1].speaker.resolved_from == "tambahnya"


def test_indonesian_reported_speech_and_denial() -> None:
    qs = quotes(ID_TEXT)
    indirect = [q for q in qs if q.kind == "indirect"]
    texts = [content(ID_TEXT, q) for q in indirect]
    assert texts[0].startswith("petugasnya terlambat")
    assert indirect[0].stance == "deny"
    assert indirect[0].speaker is not None and indirect[0].speaker.name == "Ahmad Rasyid"
    assert indirect[0].speaker.role is not None and "Kolonel" in indirect[0].speaker.role
    assert any(t.startswith("api pertama kali") for t in texts)
    siti = [q for q in indirect if content(ID_TEXT, q).startswith("kerugian")]
    assert siti and siti[0].speaker is not None and siti[0].speaker.name == "Siti Aminah"


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = "Film \"Hujan Bulan Juni\" diputar di bioskop, dan penonton menyebutnya \"ajaib\" saja."
    assert quotes(text) == []


def test_english_said_that_and_trailing_attribution() -> None:
    text = (
        "The flood barrier failed overnight, the regional water authority said on Tuesday. "
        "Mayor Linda Hart said that repairs would take at least three weeks to finish.\n"
        "\"We will rebuild the barrier higher than before,\" she added."
    )
    qs = quotes(text, "en")
    assert [q.kind for q in qs] == ["indirect", "indirect", "direct"]
    assert qs[0].speaker is not None and qs[0].speaker.name.endswith("authority")
    assert qs[1].speaker is not None and qs[1].speaker.name == "Linda Hart"
    assert qs[2].speaker is not None and qs[2].speaker.name == "Linda Hart"
    assert qs[2].speaker.resolved_from is not None


def test_russian_guillemets_colon_and_denial() -> None:
    text = (
        "Губернатор области Павел Соколов опроверг сообщения о закрытии местного аэропорта зимой.\n"
        "«Аэропорт будет работать круглый год, как и раньше», — заявил Соколов журналистам.\n"
        "Директор аэропорта Ирина Лебедева рассказала:\n"
        "Мы уже закупили новую технику для уборки снега на взлётной полосе."
    )
    qs = quotes(text, "ru")
    assert qs[0].stance == "deny" and qs[0].speaker is not None and qs[0].speaker.name == "Павел Соколов"
    assert qs[1].kind == "direct" and qs[1].speaker is not None and qs[1].speaker.name == "Павел Соколов"
    assert qs[2].kind == "direct" and content(text, qs[2]).startswith("Мы уже закупили")
    assert qs[2].speaker is not None and qs[2].speaker.name == "Ирина Лебедева"


def test_quote_running_over_paragraphs() -> None:
    text = (
        "\"Pembangunan jembatan ini sudah selesai sembilan puluh persen.\n\n"
        "\"Sisanya tinggal pengaspalan dan pemasangan lampu jalan,\" kata Budi Santoso."
    )
    qs = quotes(text)
    assert len(qs) == 1
    assert "pemasangan lampu" in content(text, qs[0])
    assert qs[0].speaker is not None and qs[0].speaker.name == "Budi Santoso"


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = (
        "\"Kami belum menerima surat resmi dari kementerian soal itu, kata Dewi Lestari.\n\n"
        "Rapat dewan kota dilanjutkan pekan depan untuk membahas anggaran sekolah dasar."
    )
    qs = quotes(text)
    assert qs and all("\n" not in content(text, q) for q in qs)
    assert not any("Rapat dewan" in content(text, q) for q in qs)


@pytest.mark.parametrize("mark", ['"', "“", "«", "'"])
def test_a_hundred_thousand_marks_stay_linear(mark: str) -> None:
    text = "Warga berkumpul di alun-alun. " + mark * 100_000 + " Hujan turun sore itu.\n\nRapat selesai pukul lima."
    t0 = time.perf_counter()
    qs = quotes(text)
    assert time.perf_counter() - t0 < 5
    assert not any("Rapat selesai" in content(text, q) for q in qs)


def test_many_unbalanced_quotes_in_a_long_article_stay_linear() -> None:
    para = "\"Kata pembuka yang tidak pernah ditutup oleh penulisnya di paragraf ini, ujar seorang warga.\n\n"
    small, large = para * 200, para * 2000
    t0 = time.perf_counter()
    quotes(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    qs = quotes(large)
    t_large = time.perf_counter() - t0
    assert len(qs) == 2000
    assert t_large < max(1.0, t_small * 30)


def test_seed_article_quotes() -> None:
    seed = SHARED / "seeds" / "000_ffeec86feabfe786.txt"
    if not seed.is_file():
        pytest.skip("../shared is not present")
    text = seed.read_text(encoding="utf-8")
    qs = quotes(text)
    by_start = {content(text, q)[:25]: q for q in qs}
    expect = {
        "dugaan terjebaknya 250 ri": "Igor Konashenkov",
        "Operasi tentara Suriah un": "Igor Konashenkov",
        "sebelumnya teroris telah ": "Igor Konashenkov",
        "Mereka semua meninggalkan": "Igor Konashenkov",
        "Dalam waktu 24 jam, pusat": "pusat rekonsiliasi",
    }
    for head, name in expect.items():
        q = by_start.get(head)
        assert q is not None, head
        assert q.speaker is not None and q.speaker.name == name
    assert by_start["dugaan terjebaknya 250 ri"].stance == "deny"


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "golden").glob("*/quotes.yaml")), ids=str)
def test_golden_quotes(path: Path) -> None:
    import yaml

    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = gold["text"]
    qs = quotes(text, path.parent.name)
    assert len(qs) == len(gold["quotes"])
    for q, want in zip(qs, gold["quotes"], strict=True):
        assert content(text, q).startswith(want["start"])
        assert q.speaker is not None and q.speaker.name == want["speaker"]
        assert q.stance == want.get("stance", "assert")
