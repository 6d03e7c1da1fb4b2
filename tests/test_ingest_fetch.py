"""URLs: fetched from a real HTTP server on 127.0.0.1 with timeouts, a size cap, redirects
and a user agent naming the tool; each failure names the URL and the run goes on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimtrail import __version__
from claimtrail.errors import InputError
from claimtrail.ingest import fetch as fetch_module
from claimtrail.ingest.fetch import fetch
from claimtrail.serve.cli import main
from ingest_web import BEKASI, PORT, Route, page, serve

BEKASI_HTML = page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi",
                   canonical="https://wartacontoh.example/berita/banjir-bekasi").encode()
PORT_HTML = page(PORT, title="Port traffic up 8%", site="Port News", lang="en").encode()


def test_ingest_a_url_stores_the_page_with_its_canonical_and_fetched_urls(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with serve({"/berita/banjir": Route(BEKASI_HTML), "/old": Route(b"", status=301, location="/berita/banjir")}) \
            as site:
        db = tmp_path / "l.db"
        assert main(["ingest", site.url("/old"), "--db", str(db), "--quiet"]) == 0
        assert site.hits["/old"] == 1 and site.hits["/berita/banjir"] == 1
        assert all(a.startswith(f"claimtrail/{__version__} ") for a in site.agents)
    assert "1 new, 0 already stored, 0 failed" in capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        url, origin, record = conn.execute("SELECT url, origin, record FROM articles").fetchone()
    assert url == "https://wartacontoh.example/berita/banjir-bekasi"
    assert origin == site.url("/old")
    assert f'"fetched_url": "{site.url("/berita/banjir")}"' in record


def test_a_url_that_times_out_is_reported_and_the_run_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "TIMEOUT_S", 0.5)
    with serve({"/slow": Route(PORT_HTML, delay=2.0), "/port": Route(PORT_HTML)}) as site:
        db = tmp_path / "l.db"
        assert main(["ingest", site.url("/slow"), site.url("/port"), site.url("/missing"),
                     "--db", str(db), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{site.url('/slow')}: timed out after 0.5 s" in err
    assert f"{site.url('/missing')}: HTTP 404" in err
    assert "1 new, 0 already stored, 2 failed" in err
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT origin FROM failures ORDER BY id")] == \
            [site.url("/slow"), site.url("/missing")]


def test_size_limit_and_content_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "MAX_FETCH_BYTES", 1000)
    with serve({"/big": Route(PORT_HTML), "/pdf": Route(b"%PDF-1.7 ...", content_type="application/pdf")}) as site:
        with pytest.raises(InputError, match=r"too large \(\d[\d,]* bytes; the limit is 1,000\)") as e:
            fetch(site.url("/big"))
        assert e.value.where == site.url("/big")
        from claimtrail.ingest.readers import fetch_job
        err = fetch_job(site.url("/pdf"))
        assert isinstance(err, InputError) and "content type application/pdf" in err.problem


def test_a_refused_connection_names_the_url() -> None:
    with serve({}) as site:
        url = site.url("/x")
    with pytest.raises(InputError) as e:  # the server is gone: nothing listens on the port
        fetch(url, timeout=2)
    assert e.value.where == url and "cannot fetch" in e.value.problem


def test_many_urls_are_fetched_by_the_workers_and_stored_in_order(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kecamatan = ["Jatiasih", "Bantargebang", "Mustikajaya", "Rawalumbu", "Medan Satria"]
    routes = {f"/berita/{n}": Route(page([BEKASI[0].replace("lima kecamatan", f"Kecamatan {k}"), *BEKASI[1:]],
                                         title=f"Banjir di {k}").encode())
              for n, k in enumerate(kecamatan)}
    with serve(routes) as site:
        urls = [site.url(f"/berita/{n}") for n in range(len(kecamatan))]
        urls.insert(3, site.url("/berita/hilang"))
        db = tmp_path / "l.db"
        assert main(["ingest", *urls, "--db", str(db), "--quiet", "--workers", "2"]) == 1
        assert all(site.hits[f"/berita/{n}"] == 1 for n in range(len(kecamatan)))
    err = capsys.readouterr().err
    assert f"{site.url('/berita/hilang')}: HTTP 404" in err and "5 new, 0 already stored, 1 failed" in err
    with sqlite3.connect(db) as conn:
        origins = [r[0] for r in conn.execute("SELECT origin FROM articles ORDER BY id")]
    assert origins == [u for u in urls if not u.endswith("hilang")]
