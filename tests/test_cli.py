from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimtrail.serve.cli import main
from conftest import ROOT

SAMPLES = ROOT / "samples"


def test_analyze_prints_a_readable_ledger(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SAMPLES / "id-aleppo-evakuasi.txt")]) == 0
    out = capsys.readouterr().out
    assert "sources" in out and "TASS" in out and "furniture removed" in out


def test_analyze_jsonl_streams_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    recs = [
        {"id": "x1", "text": "Merdeka.com - Harga beras naik di 12 provinsi, kata pedagang.", "language": "id"},
        {"id": "x2", "text": "More than 300 families left, according to Reuters.", "url": "https://example.org/a"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    assert main(["analyze", "--jsonl", str(src)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in lines] == ["x1", "x2"]
    for r in lines:
        for key in ("language", "published", "body", "boilerplate", "sources", "quotes", "figures", "dates"):
            assert key in r
    assert lines[1]["language"] == "en" and lines[1]["url"] == "https://example.org/a"


def test_bad_records_are_reported_and_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Teks berita pertama yang baik."}\nnot json\n{"id": "c"}\n'
                   '{"id": "d", "text": "   "}\n{"id": "e", "text": "Another good one."}\n', encoding="utf-8")
    assert main(["analyze", "--jsonl", str(src)]) == 1
    cap = capsys.readouterr()
    assert [json.loads(x)["id"] for x in cap.out.splitlines()] == ["a", "e"]
    assert f"{src}:2: not valid JSON" in cap.err
    assert f"{src}:3: the record has no string field 'text'" in cap.err
    assert f"{src}:4: empty text" in cap.err
    assert "2 analysed, 3 failed" in cap.err
    assert "Traceback" not in cap.err


def test_ingest_counts_failures_and_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((SAMPLES / "id-banjir-bekasi.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    db = tmp_path / "l.db"
    assert main(["ingest", str(folder), "--db", str(db), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty input" in err and "binary.txt: not text" in err
    assert "1 new, 0 already stored, 2 failed" in err
    assert main(["ingest", str(folder / "good.txt"), "--db", str(db), "--quiet"]) == 0
    assert "0 new, 1 already stored, 0 failed" in capsys.readouterr().err
    assert main(["show", "good", "--db", str(db)]) == 0
    assert "Warta Contoh" in capsys.readouterr().out
    assert main(["show", "nope", "--db", str(db)]) == 1
    assert "no article 'nope'" in capsys.readouterr().err


def test_make_run_code_path_ingests_and_shows_every_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ledger.db"
    assert main(["ingest", str(SAMPLES), "--db", str(db), "--quiet"]) == 0
    n = len(list(SAMPLES.glob("*.txt")))
    assert f"{n} new" in capsys.readouterr().err
    assert main(["show", "--all", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("== ") == n


def test_module_and_console_script_both_run(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-m", "claimtrail", "--version"], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and r.stdout.startswith("claimtrail ")
    script = Path(sys.executable).parent / "claimtrail"
    if script.exists():  # the console script pip installs beside the interpreter
        r = subprocess.run([str(script), "--version"], capture_output=True, text=True)
        assert r.returncode == 0 and r.stdout.startswith("claimtrail ")
    r = subprocess.run([sys.executable, "-m", "claimtrail", "show", "1", "--db", str(tmp_path / "none.db")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 1 and "no such ledger database" in r.stderr and "Traceback" not in r.stderr


def test_an_interrupted_ingest_keeps_what_it_stored_and_resumes(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(400):
            text = f"Berita nomor {i}: sebanyak {i + 10} warga mengungsi di desa ke-{i}, demikian dikabarkan Antara."
            f.write(json.dumps({"id": f"n{i}", "text": text, "language": "id"}) + "\n")
    db = tmp_path / "l.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "claimtrail", "ingest", "--jsonl", str(src), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    import sqlite3

    stored = 0
    while time.time() < deadline and stored < 20:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            stored = 0
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the ingest finished before it could be interrupted")
    assert proc.returncode == 130 and "run the same command to resume" in err, err
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert kept >= 20
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert f"{400 - kept} new, {kept} already stored" in done.stderr


def test_show_prints_the_record_analyze_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = str(SAMPLES / "id-aleppo-evakuasi.txt")
    assert main(["analyze", "--format", "json", sample]) == 0
    printed = json.loads(capsys.readouterr().out)
    db = str(tmp_path / "l.db")
    assert main(["ingest", sample, "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["show", "id-aleppo-evakuasi", "--db", db, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == printed and shown["sentences"] > 0
