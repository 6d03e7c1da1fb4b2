"""Analyses as Parquet rows: the schema follows the record, rows read back are the record,
and load-parquet stores them in the ledger, skipping what is stored and reporting bad rows."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimtrail.analyzer import analyse
from claimtrail.errors import InputError
from claimtrail.ingest.readers import read_text_file, record_to_article
from claimtrail.model import Figure, Quote, analysis_record
from claimtrail.serve.cli import main
from claimtrail.store.ledger import Ledger
from claimtrail.store.parquet import (
    analysis_schema,
    figure_rows,
    load_parquet,
    read_rows,
    record_to_row,
    row_to_record,
)
from conftest import ROOT

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

BPS = ("Jakarta - Badan Pusat Statistik (BPS) mencatat jumlah penduduk miskin pada Maret 2023 sebanyak "
       "25,90 juta orang, turun 0,46 juta orang dibandingkan September 2022. \"Persentase penduduk miskin "
       "turun menjadi 9,36 persen,\" kata Kepala BPS Margo Yuwono di Jakarta, Senin (17/7/2023).")


def _records() -> list[tuple[dict[str, Any], str]]:
    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        item = read_text_file(path)
        assert not isinstance(item, InputError)
        a = analyse(item)
        out.append((analysis_record(a), a.article.text))
    a = analyse(record_to_article({"id": "bps-miskin", "text": BPS, "language": "id"}, "mem:1"))
    out.append((analysis_record(a), a.article.text))
    return out


@pytest.fixture(scope="module")
def records() -> list[tuple[dict[str, Any], str]]:
    return _records()


def _write(path: Path, rows: list[dict[str, Any]], schema: Any = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema or analysis_schema()), path)
    return path


def test_schema_columns_are_the_record_keys_and_the_text(records: list[tuple[dict[str, Any], str]]) -> None:
    rec, _ = records[0]
    schema = analysis_schema()
    assert schema.names == [*rec.keys(), "text"]
    figures = schema.field("figures").type.value_type
    assert [f.name for f in figures] == [f.name for f in dataclasses.fields(Figure)]
    assert figures.field("value").type == pa.float64()
    quote = schema.field("quotes").type.value_type
    assert [f.name for f in quote.field("speaker").type] == ["name", "span", "role", "resolved_from"]
    assert [f.name for f in quote] == [f.name for f in dataclasses.fields(Quote)]


def test_rows_written_and_read_back_are_the_records(tmp_path: Path,
                                                  records: list[tuple[dict[str, Any], str]]) -> None:
    _write(tmp_path / "out" / "analyses" / "part-0.parquet", [record_to_row(r, t) for r, t in records])
    back = [row for _, row in read_rows(tmp_path / "out")]
    assert len(back) == len(records)
    for (rec, text), row in zip(records, back, strict=True):
        assert not isinstance(row, InputError)
        got, got_text = row_to_record(row)
        assert got_text == text
        assert json.dumps(got, ensure_ascii=False) == json.dumps(rec, ensure_ascii=False)


def test_figure_rows_carry_the_article_outlet_language_and_claimant(
        records: list[tuple[dict[str, Any], str]]) -> None:
    rec, text = next((r, t) for r, t in records if r["id"] == "bps-miskin")
    rows = figure_rows(rec, text)
    assert len(rows) == len(rec["figures"])
    poor = next(r for r in rows if r["text"].startswith("25,90 juta"))
    assert poor["value"] == pytest.approx(25.9e6)
    assert poor["article_id"] == "bps-miskin" and poor["language"] == "id"
    pct = next(r for r in rows if r["unit"] == "percent")
    assert pct["value"] == pytest.approx(9.36) and pct["claimant"] == "Margo Yuwono"
    assert text[pct["start"]:pct["end"]] == pct["text"]


def test_load_parquet_stores_skips_the_stored_and_reports_bad_rows(
        tmp_path: Path, records: list[tuple[dict[str, Any], str]]) -> None:
    good = [record_to_row(r, t) for r, t in records]
    broken_span = json.loads(json.dumps(good[-1]))
    broken_span["id"] = "broken"
    broken_span["text"] = broken_span["text"][:40]
    broken_span["length"] = 40
    no_text = {**good[0], "id": "hollow", "text": "  "}
    folder = tmp_path / "job"
    _write(folder / "analyses" / "part-0.parquet", good[:2])
    _write(folder / "analyses" / "part-1.parquet", [broken_span, *good[2:], no_text])
    _write(folder / "analyses" / "part-2.parquet", [{"x": 1}], schema=pa.schema([("x", pa.int64())]))
    reported: list[InputError] = []
    db = tmp_path / "l.db"
    with Ledger(db) as ledger:
        counts = load_parquet(folder, ledger, reported.append)
        assert (counts.added, counts.seen, counts.bad) == (len(good), 0, 3)
        problems = {e.where.rsplit("/", 1)[-1]: e.problem for e in reported}
        assert "lies outside the text" in problems["part-1.parquet:row 1"]
        assert problems[f"part-1.parquet:row {len(good)}"] == "the row has no text"
        assert "not an analyses table" in problems["part-2.parquet"]
        row_id = ledger.find("bps-miskin")[0]
        stored = ledger.conn.execute("SELECT record FROM articles WHERE id = ?", (row_id,)).fetchone()[0]
        assert json.loads(stored) == records[-1][0]  # the sentence count too, which a rebuilt analysis lacks
        assert analysis_record(ledger.load(row_id))["figures"] == records[-1][0]["figures"]
    with Ledger(db) as ledger:
        again = load_parquet(folder, ledger, reported.append)
        assert (again.added, again.seen) == (0, len(good))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM figures").fetchone()[0] == sum(len(r["figures"]) for r, _ in records)
        assert conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 6


def test_load_parquet_command(tmp_path: Path, records: list[tuple[dict[str, Any], str]],
                              capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "job" / "analyses" / "part-0.parquet", [record_to_row(r, t) for r, t in records])
    db = str(tmp_path / "l.db")
    assert main(["load-parquet", str(tmp_path / "job"), "--db", db]) == 0
    assert f"{len(records)} new, 0 already stored, 0 bad rows" in capsys.readouterr().err
    assert main(["load-parquet", str(tmp_path / "job"), "--db", db]) == 0
    assert f"0 new, {len(records)} already stored" in capsys.readouterr().err
    assert main(["load-parquet", str(tmp_path / "nowhere"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "nowhere: no such file or folder" in err and "Traceback" not in err
