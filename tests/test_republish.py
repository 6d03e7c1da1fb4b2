"""Copies and translations of one story across stored articles."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.link.fingerprint import compare, items, name_key
from claimtrail.link.minhash import jaccard, signature
from claimtrail.link.republish import judge
from claimtrail.link.shingles import shingles, words
from claimtrail.model import Article
from claimtrail.serve.cli import main
from claimtrail.store.corpus import stories
from claimtrail.store.ledger import Ledger
from corpus_texts import COPY, NO_FIGURES, ORIGIN, OTHER_REPORT, RUSSIAN, TRANSLATION


def _add(ledger: Ledger, doc: str, text: str, published: str, language: str | None = None) -> int:
    return ledger.add(analyse(Article(doc, text, published=published, language=language)))[0]


def test_words_do_not_depend_on_tokenisation() -> None:
    assert words("People can't wait, the U.N. said.") == words("People ca n't wait , the U.N. said .")
    assert words("the ICRC's director") == words("the ICRC 's director")


def test_a_trimmed_retokenised_copy_is_a_copy_and_another_report_is_not() -> None:
    def sig(t: str) -> tuple[bytes, int]:
        sh = shingles(words(t))
        s = signature(sh)
        assert s is not None
        return s, len(sh)

    (o, no), (c, nc), (r, nr) = sig(ORIGIN), sig(COPY), sig(OTHER_REPORT)
    assert judge(jaccard(o, c), no, nc).copy
    assert not judge(jaccard(o, r), no, nr).copy
    assert jaccard(o, r) < 0.1


def test_copies_form_a_story_with_the_earliest_as_origin(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        copy = _add(ledger, "copy", COPY, "2016-12-16")
        other = _add(ledger, "other", OTHER_REPORT, "2016-12-16")
        _add(ledger, "quiet", NO_FIGURES, "2016-12-16")
    # a fresh process: the origin, stored later but published earlier, is checked against
    # the stored index
    with Ledger(db) as ledger:
        origin = _add(ledger, "origin", ORIGIN, "2016-12-15")
        ss = stories(ledger.conn)
    assert len(ss) == 1
    story = ss[0]
    assert story.origin == origin and story.origin_by == "earliest published date"
    assert [a.article_id for a in story.articles] == [origin, copy]
    assert story.articles[1].link.startswith("copy")
    assert other not in [a.article_id for a in story.articles]


def test_a_translation_is_linked_with_its_evidence(tmp_path: Path) -> None:
    with Ledger(tmp_path / "ledger.db") as ledger:
        origin = _add(ledger, "en", ORIGIN, "2016-12-15", "en")
        other = _add(ledger, "ru", RUSSIAN, "2016-12-16", "ru")
        translated = _add(ledger, "id", TRANSLATION, "2016-12-16", "id")
        row = ledger.conn.execute("SELECT a, b, kind, score, evidence FROM story_links").fetchall()
    assert len(row) == 1
    a, b, kind, score, evidence = row[0]
    assert (a, b, kind) == (origin, translated, "translation")
    shared = json.loads(evidence)["shared"]
    assert {"fig count 7000", "fig count 25000-37500", "fig count 2700", "date 2016-12-15", "place aleppo"} <= set(shared)
    assert score >= 0.6
    assert other not in (a, b)


def test_fingerprints_compare_names_across_scripts() -> None:
    assert name_key("Сергей Лавров") == name_key("Sergei Lavrov") == "lavrov"
    assert name_key("Башар Асад") == name_key("Bashar al-Assad".replace("-", " ")) == "asad"
    en = items(analyse(Article("en", ORIGIN, published="2016-12-15", language="en")))
    ru = items(analyse(Article("ru", RUSSIAN, published="2016-12-16", language="ru")))
    assert not compare(en, ru).linked


def test_the_stories_command_lists_clusters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        _add(ledger, "origin", ORIGIN, "2016-12-15")
        _add(ledger, "copy", COPY, "2016-12-16")
    assert main(["stories", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "origin 1 (earliest published date)" in out and "copy" in out
    assert main(["stories", "--db", str(db), "--format", "json"]) == 0
    rec = json.loads(capsys.readouterr().out.splitlines()[0])
    assert [a["doc_id"] for a in rec["articles"]] == ["origin", "copy"]


def test_a_damaged_index_is_rebuilt_with_a_message(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        origin = _add(ledger, "origin", ORIGIN, "2016-12-15")
        _add(ledger, "other", OTHER_REPORT, "2016-12-16")
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM lsh_bands WHERE article_id = ?", (origin,))
    conn.execute("UPDATE minhash SET sig = x'00ff' WHERE article_id = ?", (origin,))
    conn.commit()
    conn.close()
    with caplog.at_level(logging.WARNING, logger="claimtrail.store"), Ledger(db) as ledger:
        assert "rebuilding it from the stored articles" in caplog.text
        copy = _add(ledger, "copy", COPY, "2016-12-16")
        ss = stories(ledger.conn)
    assert [a.article_id for a in ss[0].articles] == [origin, copy]


def test_an_unreadable_index_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        origin = _add(ledger, "origin", ORIGIN, "2016-12-15")
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE lsh_bands")
    conn.commit()
    conn.close()
    with caplog.at_level(logging.WARNING, logger="claimtrail.store"), Ledger(db) as ledger:
        assert "unreadable" in caplog.text
        copy = _add(ledger, "copy", COPY, "2016-12-16")
        assert [a.article_id for a in stories(ledger.conn)[0].articles] == [origin, copy]


def test_a_ledger_stored_before_the_links_is_linked_when_opened(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        _add(ledger, "origin", ORIGIN, "2016-12-15")
        _add(ledger, "copy", COPY, "2016-12-16")
    conn = sqlite3.connect(db)
    for table in ("corpus_meta", "minhash", "lsh_bands", "fingerprints", "fingerprint_counts", "story_links",
                  "story_members", "figure_keys", "figure_groups"):
        conn.execute(f"DELETE FROM {table}")
    conn.commit()
    conn.close()
    with caplog.at_level(logging.WARNING, logger="claimtrail.store"):
        assert main(["stories", "--db", str(db), "--format", "csv"]) == 0
    assert "linking the 2 articles stored before cross-article links" in caplog.text
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("story,article,doc_id") and len(lines) == 3
    assert main(["stories", "--db", str(tmp_path / "missing.db")]) == 1
    assert "no such ledger database" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()
