"""The Spark job in local mode: its rows are the records `claimtrail analyze` prints for the same
input, its figures table follows them, and bad inputs land in errors without failing the job."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from claimtrail.batch.spark import JobResult, read_file, run_job, spark_session
from claimtrail.serve.cli import main
from claimtrail.store.parquet import figure_rows, row_to_record
from conftest import ROOT

pytest.importorskip("pyspark")
pq = pytest.importorskip("pyarrow.parquet")
if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
    pytest.skip("Spark needs Java", allow_module_level=True)


RECORDS = [
    {"id": "bps-miskin", "language": "id", "published": "2023-07-17",
     "text": "Jakarta - Badan Pusat Statistik (BPS) mencatat jumlah penduduk miskin pada Maret 2023 sebanyak "
             "25,90 juta orang, turun 0,46 juta orang dibandingkan September 2022.\n\n\"Persentase penduduk "
             "miskin turun menjadi 9,36 persen,\" kata Kepala BPS Margo Yuwono di Jakarta, Senin (17/7/2023)."},
    {"id": "gdp-2022", "url": "https://example.org/2023/02/06/indonesia-gdp",
     "text": "JAKARTA (Reuters) - Indonesia's economy grew 5.31% in 2022, the fastest pace since 2013, "
             "Statistics Indonesia said on Monday.\n\nHousehold consumption, which makes up more than half of "
             "gross domestic product, rose 4.93%, the agency said."},
    {"id": "rosstat-2023",
     "text": "Годовая инфляция в России по итогам 2023 года составила 7,42%, сообщил Росстат в пятницу. "
             "«Цены на продовольственные товары выросли на 8,16%», — говорится в сообщении ведомства."},
]


N_SAMPLES = len(list((ROOT / "samples").glob("*.txt")))


@dataclass
class Run:
    inputs: list[str]
    out: Path
    result: JobResult


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = spark_session("local[2]", app="claimtrail-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def run(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("spark")
    src = base / "in"
    src.mkdir()
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines[1:1] = ["{\"id\": \"broken\", \"text\": \"Harga cabai", '{"id": "blank", "text": "   "}']
    (src / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        shutil.copy(sample, src / sample.name)
    (src / "scan.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (src / "empty.txt").write_bytes(b"")
    (src / "gone.txt").symlink_to(base / "deleted.txt")
    inputs = [str(src), str(base / "missing.jsonl")]
    out = base / "out"
    return Run(inputs, out, run_job(spark, inputs, str(out), partitions=2))


def _analyze_jsonl(inputs: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    main(["analyze", "--format", "json", *inputs])
    return {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}


def _rows(folder: Path) -> list[dict[str, Any]]:
    return list(pq.read_table(folder).to_pylist())


def test_rows_equal_what_analyze_prints(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _analyze_jsonl(run.inputs, capsys)
    assert len(expected) == len(RECORDS) + N_SAMPLES
    got = {}
    for row in _rows(run.out / "analyses"):
        rec, text = row_to_record(row)
        assert len(text) == rec["length"]
        got[rec["id"]] = rec
    assert sorted(got) == sorted(expected)
    for key, rec in expected.items():
        assert json.dumps(got[key], ensure_ascii=False, sort_keys=True) == json.dumps(rec, ensure_ascii=False,
                                                                                     sort_keys=True), key
    assert run.result.articles == len(RECORDS) + N_SAMPLES


def test_bad_inputs_are_counted_and_written_to_errors(run: Run) -> None:
    errors = [json.loads(line) for f in sorted((run.out / "errors").glob("part-*.json"))
              for line in f.read_text(encoding="utf-8").splitlines()]
    found = {(e["stage"], Path(e["where"]).name): e["problem"] for e in errors}
    assert found[("read", "news.jsonl:2")].startswith("not valid JSON")
    assert found[("read", "news.jsonl:3")] == "empty text"
    assert found[("read", "scan.txt")].startswith("not text")
    assert found[("read", "empty.txt")] == "empty input"
    assert found[("list", "gone.txt")] == "cannot read: a link to nothing"
    assert found[("list", "missing.jsonl")] == "no such file or folder"
    assert len(errors) == 6
    assert run.result.errors == {"list": 2, "read": 4, "analyse": 0}


def test_figures_table_has_one_row_per_figure(run: Run) -> None:
    figures = _rows(run.out / "figures")
    expected = [f for row in _rows(run.out / "analyses") for f in figure_rows(*row_to_record(row))]
    key = lambda r: (r["article_id"], r["start"])  # noqa: E731
    assert sorted(figures, key=key) == sorted(expected, key=key)
    assert run.result.figures == len(figures)
    growth = next(f for f in figures if f["article_id"] == "gdp-2022" and f["text"] == "5.31%")
    assert growth["value"] == pytest.approx(5.31) and growth["unit"] == "percent"
    assert growth["outlet"] == "Reuters" and growth["language"] == "en"
    poor = next(f for f in figures if f["article_id"] == "bps-miskin" and f["text"].startswith("25,90 juta"))
    assert poor["value"] == pytest.approx(25.9e6) and poor["published"] == "2023-07-17"


def test_spark_command_reads_uris_refuses_to_overwrite_and_loads_into_sqlite(
        spark: Any, run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = Path(run.inputs[0]) / "news.jsonl"
    out = tmp_path / "job"
    assert main(["spark", jsonl.as_uri(), "--out", str(out), "--partitions", "2"]) == 1
    err = capsys.readouterr().err
    assert f"{out}: 3 articles" in err and "2 errors (2 read)" in err
    origins = {r["id"]: r["origin"] for r in _rows(out / "analyses")}
    assert origins["gdp-2022"] == f"file:{jsonl}:4"
    assert main(["spark", str(jsonl), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists; give a new folder or --overwrite" in err and "Traceback" not in err

    db = str(tmp_path / "l.db")
    assert main(["load-parquet", str(run.out), "--db", db]) == 0
    assert f"{len(RECORDS) + N_SAMPLES} new, 0 already stored, 0 bad rows" in capsys.readouterr().err
    assert main(["load-parquet", str(out), "--db", db]) == 0
    assert "0 new, 3 already stored" in capsys.readouterr().err
    assert main(["show", "bps-miskin", "--db", db, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {f["value"] for f in shown["figures"]} >= {25.9e6, 9.36}


def test_a_damaged_warc_and_a_page_without_text_are_errors_of_their_files() -> None:
    items = list(read_file("file:/data/cc-news.warc.gz", b"\x1f\x8b\x08\x00broken", {}))
    assert items and all(i[0] == "error" and i[2].startswith("file:/data/cc-news.warc.gz") for i in items)
    page = list(read_file("file:/data/empty.html", b"<html><body><nav>Home</nav></body></html>", {}))
    assert [i[:3] for i in page] == [("error", "read", "file:/data/empty.html")]


def _warc_response(url: str, html: str) -> bytes:
    body = html.encode("utf-8")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:7d3c1f2e-8a41-4d6b-9a8e-2f6b1c0d9e11>\r\n"
            f"WARC-Date: 2023-02-06T08:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def test_warc_records_become_analyses(spark: Any, tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in RECORDS[1]["text"].split("\n\n"))
    html = (f"<html><head><title>Indonesia's economy grew 5.31% in 2022</title></head><body><article>"
            f"<h1>Indonesia's economy grew 5.31% in 2022</h1>{paragraphs}</article></body></html>")
    warc = tmp_path / "news.warc"
    warc.write_bytes(_warc_response("https://example.org/2023/02/06/indonesia-gdp", html))
    result = run_job(spark, [str(warc)], str(tmp_path / "out"), partitions=1)
    assert result.articles == 1, result.errors
    (row,) = _rows(tmp_path / "out" / "analyses")
    assert "Statistics Indonesia said on Monday" in row["text"]
    assert str(warc) in (row["origin"] or "")
    assert any(f["unit"] == "percent" and f["value"] == pytest.approx(5.31) for f in row["figures"])
