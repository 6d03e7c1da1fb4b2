"""WARC archives (CC-NEWS layout): HTML responses in, the rest counted, damage reported
with its offset, and nothing before the damage lost."""

from __future__ import annotations

import gzip
import io
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from claimtrail.errors import InputError
from claimtrail.ingest.readers import read_paths
from claimtrail.ingest.warc import read_warc_stream, response_record, warc_pages
from claimtrail.model import Article
from claimtrail.serve.cli import main
from ingest_web import BEKASI, MOSCOW, PORT, page, warc_of

PAGES = [
    ("https://wartacontoh.example/banjir-bekasi", page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi").encode()),
    ("https://portnews.example/traffic", page(PORT, title="Port traffic up 8%", site="Port News", lang="en").encode()),
    ("https://gorod.example/metro", page(MOSCOW, title="Метро", site="Город", lang="ru").encode()),
]


def _offsets(data: bytes) -> list[int]:
    return [p.where for p in warc_pages(io.BytesIO(data), "x")]  # type: ignore[union-attr, misc]


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_articles_named_by_file_and_offset(gz: bool) -> None:
    extra = [response_record("https://portnews.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
                             content_type="image/png"),
             response_record("https://portnews.example/old", b"", status=301)]
    data = warc_of(PAGES, gz=gz, extra=extra)
    items = list(read_warc_stream(io.BytesIO(data), "crawl.warc"))
    assert all(isinstance(i, Article) for i in items)
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in arts] == [u for u, _ in PAGES]
    assert arts[0].text.startswith("Bekasi - Banjir")
    assert arts[2].text.startswith("МОСКВА, 5 марта")
    offsets = [int(a.origin.rsplit(":", 1)[1]) for a in arts if a.origin]
    assert offsets[0] > 0 and offsets == sorted(offsets)
    # the offset is where the record starts in the file as stored
    start = offsets[1]
    if gz:
        assert data[start:start + 2] == b"\x1f\x8b"
        assert gzip.decompress(data[start:]).startswith(b"WARC/1.0\r\nWARC-Type: response")
    else:
        assert data[start:].startswith(b"WARC/1.0\r\nWARC-Type: response")
    skipped: Counter[str] = Counter()
    list(warc_pages(io.BytesIO(data), "crawl.warc", skipped))
    assert skipped == Counter({"request": 3, "response not HTML": 1, "response status 301": 1})


def test_the_http_header_charset_is_used() -> None:
    html = page(MOSCOW, title="Метро", charset=None, lang="ru").encode("cp1251")
    rec = response_record("https://gorod.example/metro", html, content_type="text/html; charset=windows-1251")
    [art] = list(read_warc_stream(io.BytesIO(gzip.compress(rec)), "ru.warc.gz"))
    assert isinstance(art, Article) and art.encoding == "cp1251" and "210 млн человек" in art.text


def test_a_truncated_gzip_keeps_the_records_before_and_names_the_cut_record() -> None:
    data = warc_of(PAGES)
    cut = data[: len(data) - 400]
    items = list(read_warc_stream(io.BytesIO(cut), "cc-news.warc.gz"))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    err = items[2]
    assert isinstance(err, InputError)
    last = str(items[1].origin).rsplit(":", 1)[1]  # type: ignore[union-attr]
    assert err.where.startswith("cc-news.warc.gz:") and int(err.where.rsplit(":", 1)[1]) > int(last)
    assert "https://gorod.example/metro: record cut short" in err.problem


def test_a_record_cut_in_half_in_a_plain_warc() -> None:
    data = warc_of(PAGES, gz=False)
    half = data.index(b"WARC-Target-URI: https://gorod.example/metro\r\nContent-Type: application/http")
    items = list(read_warc_stream(io.BytesIO(data[: half + 900]), "plain.warc"))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert "record cut short" in str(items[2])


def test_a_broken_gzip_member_stops_the_file_with_its_offset() -> None:
    members = [gzip.compress(r) for r in [response_record(u, h) for u, h in PAGES]]
    bad = bytearray(members[1])
    bad[20:60] = b"\xff" * 40  # the deflate stream of the second record is garbage
    data = members[0] + bytes(bad) + members[2]
    items = list(read_warc_stream(io.BytesIO(data), "broken.warc.gz"))
    assert isinstance(items[0], Article)
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors and all(e.where.startswith("broken.warc.gz") for e in errors)


def test_not_a_warc_is_reported() -> None:
    items = list(read_warc_stream(io.BytesIO(b"<html>this is a page, not an archive</html>" * 10), "x.warc"))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].where == "x.warc" and "stops parsing" in items[0].problem


def test_ingest_routes_warc_files_and_a_rerun_skips_what_is_stored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "CC-NEWS-1.warc.gz").write_bytes(warc_of(PAGES))
    truncated = warc_of(PAGES[:2], gz=True)
    (folder / "CC-NEWS-2.warc.gz").write_bytes(truncated[: len(truncated) - 300])
    (folder / "CC-NEWS-3.warc").write_bytes(warc_of(PAGES[1:], gz=False))
    db = tmp_path / "l.db"
    assert main(["ingest", str(folder), "--db", str(db), "--quiet", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'CC-NEWS-2.warc.gz'}:" in err and "record cut short" in err
    assert "3 new, " in err and "1 failed" in err and "WARC records skipped: 7 request" in err
    with sqlite3.connect(db) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT url FROM articles"))
        failures = conn.execute("SELECT origin, problem FROM failures").fetchall()
    assert urls == sorted(u for u, _ in PAGES)
    assert len(failures) == 1 and failures[0][0].startswith(str(folder / "CC-NEWS-2.warc.gz"))
    assert main(["ingest", str(folder), "--db", str(db), "--quiet", "--workers", "1"]) == 1
    assert "0 new, 6 already stored, 1 failed; 3 articles in the ledger" in capsys.readouterr().err


def test_read_paths_takes_warc_and_html_files(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(warc_of(PAGES[:1], gz=False))
    (tmp_path / "b.htm").write_bytes(PAGES[1][1])
    got = list(read_paths([str(tmp_path / "a.warc"), str(tmp_path / "b.htm")]))
    assert [a.url for a in got if isinstance(a, Article)] == [PAGES[0][0], None]


def test_a_50_mb_page_in_an_archive_is_refused_and_the_next_record_is_read() -> None:
    huge = PAGES[0][1].replace(b"</article>", b"<p>" + b"lorem ipsum " * 4_400_000 + b"</p></article>")
    assert len(huge) > 50_000_000
    data = warc_of([PAGES[1], ("https://wartacontoh.example/huge", huge), PAGES[2]])
    items = list(read_warc_stream(io.BytesIO(data), "big.warc.gz"))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert isinstance(items[1], InputError)
    assert items[1].where.startswith("big.warc.gz:")
    assert "https://wartacontoh.example/huge: page too large (5" in items[1].problem


@pytest.mark.parametrize("data", [b"", b"\x1f\x8b\x08\x00not really gzip", b"<html>a page saved as .warc</html>"])
def test_a_stream_with_no_warc_record_is_reported_not_silently_empty(data: bytes) -> None:
    items = list(read_warc_stream(io.BytesIO(data), "crawl/part-0001.warc.gz"))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].where.startswith("crawl/part-0001.warc.gz")
