"""Exports of a real ledger: CSV, JSON lines, ClaimReview JSON-LD, Parquet, Datasette metadata."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.model import Article
from claimtrail.serve import export
from claimtrail.serve.cli import main
from claimtrail.store.ledger import Ledger
from web_helpers import build_ledger

# the Indonesian sample's denial, carried again a day later by another outlet (a republication)
REPUBLISHED = (
    "Jakarta, Kabar Kedua -- Juru bicara Kementerian Pertahanan Rusia, Mayjen Igor Konashenkov, menolak laporan "
    "bahwa 250 ribu warga sipil masih terkurung di bagian timur kota itu. (Antara)"
)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    db = tmp_path_factory.mktemp("export") / "ledger.db"
    ids = build_ledger(db, hostile=False)
    with Ledger(db) as led:
        ids["republished"], _ = led.add(analyse(Article("republished", REPUBLISHED, language="id",
                                                        published="2016-12-14", url="https://kabar.example/a1")))
    return db, ids


def _run(*argv: str) -> int:
    return main(list(argv))


def test_figures_csv_has_the_right_columns_and_rows(ledger: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    db = ledger[0]
    out = tmp_path / "figures.csv"
    assert _run("export", "--db", str(db), "--format", "csv", "--what", "figures", "--out", str(out)) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["article_id", "doc_id", "url", "published", "language", "start", "end", "text", "value",
                             "low", "high", "qualifier", "unit", "concept", "counted", "attributed_to"]
    n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    assert len(rows) == n
    ribu = next(r for r in rows if r["text"] == "250 ribu" and r["doc_id"] == "id-aleppo-evakuasi")
    assert float(ribu["value"]) == 250000 and ribu["concept"] == "civilian"
    assert ribu["attributed_to"] == "Igor Konashenkov" and ribu["published"] == "2016-12-13"
    text = (Path(__file__).resolve().parents[1] / "samples" / "id-aleppo-evakuasi.txt").read_text(encoding="utf-8")
    assert text[int(ribu["start"]) : int(ribu["end"])] == "250 ribu"
    ranged = next(r for r in rows if r["text"] == "sekitar 10 ribu hingga 13 ribu")
    assert (ranged["value"], float(ranged["low"]), float(ranged["high"])) == ("", 10000, 13000)


def test_quotes_csv_names_the_speakers(ledger: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    assert _run("export", "--db", str(ledger[0]), "--format", "csv", "--what", "quotes", "--out", str(out)) == 0
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert {"speaker", "speaker_role", "stance", "kind", "text", "cue"} <= set(rows[0])
    deny = [r for r in rows if r["speaker"] == "Igor Konashenkov" and r["stance"] == "deny"]
    assert deny and deny[0]["text"].startswith("250 ribu warga sipil")
    assert any(r["speaker"] == "Ingy Sedky" and r["kind"] == "direct" for r in rows)


def test_jsonl_is_the_same_as_show_json(ledger: tuple[Path, dict[str, int]], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.jsonl"
    assert _run("export", "--db", str(ledger[0]), "--format", "jsonl", "--out", str(out)) == 0
    capsys.readouterr()
    assert _run("show", "--all", "--db", str(ledger[0]), "--format", "json") == 0
    assert out.read_text(encoding="utf-8") == capsys.readouterr().out


def test_claimreview_has_the_required_fields_and_no_invented_rating(ledger: tuple[Path, dict[str, int]],
                                                                    tmp_path: Path) -> None:
    db, ids = ledger
    out = tmp_path / "claims.json"
    assert _run("export", "--db", str(db), "--format", "claimreview", "--out", str(out),
                "--base-url", "https://ledger.example.org", "--reviewer", "Desk Cek Fakta") == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM quotes WHERE speaker IS NOT NULL").fetchone()[0]
    assert len(reviews) == n > 0
    for r in reviews:
        # schema.org ClaimReview as Google's fact-check markup reads it
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert isinstance(r["claimReviewed"], str) and r["claimReviewed"].strip()
        assert r["url"].startswith("https://ledger.example.org/article/") and "#q" in r["url"]
        assert r["author"] == {"@type": "Organization", "name": "Desk Cek Fakta"}
        claim = r["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["author"]["@type"] in ("Person", "Organization") and claim["author"]["name"].strip()
        for key in ("appearance", "firstAppearance"):
            assert claim[key]["@type"] == "NewsArticle" and claim[key]["url"].startswith("http")
        assert "reviewRating" not in r  # the ledger has no verdict to give
    deny = [r for r in reviews if r["claimReviewed"].startswith("250 ribu warga sipil masih terkurung")]
    assert len(deny) == 2
    original = next(r for r in deny if "#q" in r["url"] and f"/article/{ids['id-aleppo-evakuasi']}#" in r["url"])
    later = next(r for r in deny if r is not original)
    assert original["itemReviewed"]["author"]["name"] == "Igor Konashenkov"
    assert original["itemReviewed"]["datePublished"] == "2016-12-13"
    assert later["itemReviewed"]["appearance"]["url"] == "https://kabar.example/a1"
    # the republication's first appearance is the earlier article
    assert later["itemReviewed"]["firstAppearance"]["url"] == f"https://ledger.example.org/article/{ids['id-aleppo-evakuasi']}"
    assert later["itemReviewed"]["firstAppearance"]["datePublished"] == "2016-12-13"
    # the anchor in url is the quote's place on the article page
    aid = ids["id-aleppo-evakuasi"]
    with Ledger(db, readonly=True) as led:
        a = led.load(aid)
    q = int(original["url"].rsplit("#q", 1)[1])
    assert a.quotes[q].span.of(a.article.text).startswith("250 ribu warga sipil")


def test_parquet_reads_back(ledger: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for what in ("figures", "quotes"):
        out = tmp_path / f"{what}.parquet"
        assert _run("export", "--db", str(ledger[0]), "--format", "parquet", "--what", what, "--out", str(out)) == 0
        table = pq.read_table(out)
        n = sqlite3.connect(ledger[0]).execute(f"SELECT COUNT(*) FROM {what}").fetchone()[0]
        assert table.num_rows == n
    figs = pq.read_table(tmp_path / "figures.parquet").to_pylist()
    assert any(r["text"] == "7.796" and r["value"] == 7796.0 and r["concept"] == "civilian" for r in figs)


def test_datasette_metadata_describes_the_real_tables_and_columns(ledger: tuple[Path, dict[str, int]],
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "metadata.json"
    assert _run("export", "--db", str(ledger[0]), "--format", "datasette-metadata", "--out", str(out)) == 0
    meta = json.loads(out.read_text(encoding="utf-8"))
    tables = meta["databases"][ledger[0].stem]["tables"]
    conn = sqlite3.connect(ledger[0])
    real = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name, spec in tables.items():
        assert name in real, name
        cols = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
        assert set(spec.get("columns", {})) <= cols, name
        assert spec["description"]
    # every table a person would browse is described
    assert {"articles", "figures", "quotes", "sources", "outlets", "dates", "entities", "boilerplate"} <= set(tables)
    assert tables["articles"]["fts_table"] == "articles_fts"


def test_bad_export_requests_get_a_message(ledger: tuple[Path, dict[str, int]], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("export", "--db", str(tmp_path / "none.db"), "--format", "csv", "--out", str(tmp_path / "x")) == 1
    assert "no such ledger database" in capsys.readouterr().err
    assert _run("export", "--db", str(ledger[0]), "--format", "csv", "--out", str(tmp_path / "no" / "x.csv")) == 1
    assert "does not exist" in capsys.readouterr().err
    assert _run("export", "--db", str(ledger[0]), "--format", "parquet", "--out", "-") == 1
    for fmt in ("parquet", "csv"):
        for out in (tmp_path, tmp_path / "missing" / "figures.out"):
            assert _run("export", "--db", str(ledger[0]), "--format", fmt, "--out", str(out)) == 1
            err = capsys.readouterr().err
            assert ("is a folder" in err or "does not exist" in err) and "Traceback" not in err
    assert not list(tmp_path.glob("*.part"))
    with pytest.raises(SystemExit):
        _run("export", "--db", str(ledger[0]), "--format", "xml", "--out", "-")


def test_stream_writes_csv_that_the_csv_module_reads_back_with_odd_text(tmp_path: Path) -> None:
    db = tmp_path / "odd.db"
    text = 'Jakarta, Warta Contoh -- "Ada 1.200 warga, kata; saya \'tidak\' tahu",\nujar Budi Santoso.'
    with Ledger(db) as led:
        led.add(analyse(Article("odd", text, language="id")))
    from claimtrail.store.queries import open_readonly

    body = "".join(export.stream(open_readonly(db), "csv", "quotes"))
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and all(text[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)
