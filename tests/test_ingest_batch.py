"""The local pool: workers analyse, the parent stores in input order, a bounded number of
jobs in flight, bad inputs reported in place, a rerun skips what is stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrail.batch.local import process
from claimtrail.errors import InputError
from claimtrail.ingest.html import Page
from claimtrail.ingest.readers import Job
from claimtrail.model import Article
from claimtrail.serve.cli import main
from claimtrail.store.ledger import Ledger
from ingest_web import BEKASI, page

DISTRICTS = ["Bekasi Timur", "Bekasi Barat", "Jatiasih", "Bantargebang", "Mustikajaya", "Rawalumbu",
             "Pondok Gede", "Jatisampurna", "Medan Satria", "Bekasi Utara", "Bekasi Selatan", "Pondok Melati"]


def jobs() -> list[Job]:
    """Articles, pages and bad inputs, mixed, each article distinct."""
    out: list[Job] = []
    for n, district in enumerate(DISTRICTS):
        text = (f"Bekasi - Banjir merendam {100 + n * 10} rumah di Kecamatan {district}, Sabtu (3/2/2024). "
                f"\"Kami mengevakuasi {20 + n} keluarga,\" kata camat {district} kepada wartawan.")
        if n % 3 == 0:
            paras = [text, *BEKASI[1:]]
            out.append(Page(page(paras, title=f"Banjir di {district}").encode(), f"pages/{n}.html",
                            url=f"https://wartacontoh.example/{n}"))
        else:
            out.append(Article(f"a{n}", text, origin=f"in.jsonl:{n}"))
        if n == 4:
            out.append(InputError("in.jsonl:bad", "not valid JSON (Expecting value at column 1)"))
        if n == 7:
            out.append(Page(b"<html><body><nav>Indeks</nav></body></html>", "pages/empty.html"))
    return out


def test_pool_stores_in_input_order_and_reports_bad_inputs_in_place(tmp_path: Path) -> None:
    db = tmp_path / "pool.db"
    given = jobs()
    pulled = 0

    def feed() -> Iterator[Job]:
        nonlocal pulled
        for job in given:
            pulled += 1
            yield job

    ahead = []
    with Ledger(db) as ledger:
        outcomes = []
        for o in process(feed(), ledger, workers=2, in_flight=4):
            outcomes.append(o)
            ahead.append(pulled - len(outcomes))
    # never more than in_flight jobs read ahead of what is stored (the first batch fills the pool)
    assert max(ahead) <= 4
    assert [o.status for o in outcomes].count("failed") == 2
    assert [o.where for o in outcomes if o.status == "failed"] == ["in.jsonl:bad", "pages/empty.html"]
    with sqlite3.connect(db) as conn:
        origins = [r[0] for r in conn.execute("SELECT origin FROM articles ORDER BY id")]
        failures = [r[0] for r in conn.execute("SELECT origin FROM failures ORDER BY id")]
    expected = [o.where for o in outcomes if o.status == "added"]
    assert origins == expected and len(origins) == len(DISTRICTS)
    assert origins[:3] == ["pages/0.html", "in.jsonl:1", "in.jsonl:2"]
    assert failures == ["in.jsonl:bad", "pages/empty.html"]

    # a rerun stores nothing new and analyses nothing already stored
    with Ledger(db) as ledger:
        again = list(process(iter(jobs()), ledger, workers=2))
    assert [o.status for o in again].count("seen") == len(DISTRICTS)
    assert [o.status for o in again].count("added") == 0

    # one process stores the very same ledgers
    serial = tmp_path / "serial.db"
    with Ledger(serial) as ledger:
        list(process(jobs(), ledger, workers=1))
    records = []
    for path in (db, serial):
        with sqlite3.connect(path) as conn:
            records.append([r[0] for r in conn.execute("SELECT record FROM articles ORDER BY id")])
    assert records[0] == records[1]


def test_cli_ingest_with_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, district in enumerate(DISTRICTS):
        (folder / f"{n:02d}.txt").write_text(
            f"Bekasi - Genangan setinggi {30 + n} sentimeter menutup jalan di {district}, Minggu (4/2/2024).",
            encoding="utf-8")
    (folder / "05b.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    db = tmp_path / "l.db"
    assert main(["ingest", str(folder), "--db", str(db), "--quiet", "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert "05b.txt: not text" in err
    assert f"{len(DISTRICTS)} new, 0 already stored, 1 failed" in err and "articles/s" in err
    assert main(["ingest", str(folder), "--db", str(db), "--quiet", "--workers", "0"]) == 2
