from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.errors import StoreError
from claimtrail.model import Article
from claimtrail.store.ledger import Ledger

TEXT = (
    "Jakarta, Warta Contoh -- Lebih dari 4.500 warga mengungsi akibat banjir, demikian dikabarkan Antara.\n"
    "Hak cipta milik Warta Contoh."
)


def test_an_article_is_stored_once_with_its_items(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        first, new = ledger.add(analyse(Article("a1", TEXT, language="id")))
        assert new
        # the same text again, with other whitespace and another id, adds nothing
        again, new2 = ledger.add(analyse(Article("a2", TEXT.replace(" ", "  "), language="id")))
        assert (again, new2) == (first, False)
        assert ledger.count() == 1
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = conn.execute('SELECT outlet, relation, start, "end" FROM sources ORDER BY start').fetchall()
    assert ("Antara", "cites") in [(r[0], r[1]) for r in rows]
    for outlet, _, start, end in rows:
        assert TEXT[start:end] in {outlet, "Warta Contoh"} or outlet in TEXT[start:end]
    assert conn.execute("SELECT state_reference FROM outlets WHERE key = 'antara'").fetchone()[0].startswith("http")
    assert conn.execute("SELECT kind FROM boilerplate").fetchall() == [("copyright",)]
    hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'mengungsi'").fetchall()
    assert hits == [(first,)]
    assert conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] >= 1


def test_a_stored_ledger_loads_back_equal(tmp_path: Path) -> None:
    a = analyse(Article("a1", TEXT, language="id"))
    with Ledger(tmp_path / "l.db") as ledger:
        row, _ = ledger.add(a)
        back = ledger.load(row)
        assert ledger.find("a1") == [row]
    assert back.sources == a.sources
    assert back.boilerplate == a.boilerplate
    assert back.body == a.body


def test_a_failed_article_leaves_committed_ones_intact(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    with Ledger(db) as ledger:
        ledger.add(analyse(Article("ok", TEXT, language="id")))
        broken = analyse(Article("bad", "Banjir lagi di Bekasi, demikian dikabarkan Antara.", language="id"))
        assert broken.sources
        ledger.conn.execute("DROP TABLE sources")  # the next insert fails half-way through its items
        with pytest.raises(sqlite3.OperationalError):
            ledger.add(broken)
        assert ledger.count() == 1


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable ledger database"):
        Ledger(junk)
    with pytest.raises(StoreError, match="no such ledger"):
        Ledger(tmp_path / "missing.db", readonly=True)


def test_an_older_ledger_is_migrated_on_open_and_keeps_its_articles(tmp_path: Path) -> None:
    from claimtrail.store import migrations

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrations.applied(conn)  # the migrations table
    for statement in migrations._statements(migrations.MIGRATIONS[0][1]):
        conn.execute(statement)
    conn.execute("INSERT INTO migrations VALUES (1, 'first', '2026-01-01T00:00:00+00:00')")
    conn.execute("INSERT INTO articles(doc_id, hash, text, analysed_at, record) VALUES ('old', 'h', 'Teks.', 'x', '{}')")
    conn.close()
    with Ledger(db) as ledger:
        cols = {r[1] for r in ledger.conn.execute("PRAGMA table_info(articles)")}
        versions = [r[0] for r in ledger.conn.execute("SELECT version FROM migrations ORDER BY version")]
        assert "published_note" in cols
        assert versions == list(range(1, len(migrations.MIGRATIONS) + 1))
        assert ledger.find("old")
