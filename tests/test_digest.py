"""The digest: conflicting figure groups, republication clusters and cited outlets of a
period, sent over SMTP to a real aiosmtpd server on 127.0.0.1, or written to a file."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.ingest.readers import read_paths
from claimtrail.serve import digest
from claimtrail.serve.cli import main
from claimtrail.store.ledger import Ledger
from web_helpers import SAMPLE_FILES, SAMPLES, build_corpus_ledger

pytest.importorskip("jinja2")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The cross-article texts (a report of 15 December 2016, its copies and translation,
    reports of the 16th that disagree, a hostile copy) and the samples, the English Aleppo
    report dated as its dateline says (14 December 2016)."""
    path = tmp_path_factory.mktemp("digest") / "ledger.db"
    ids = build_corpus_ledger(path)
    with Ledger(path) as led:
        for item in read_paths([str(SAMPLES / name) for name in SAMPLE_FILES]):
            assert not isinstance(item, Exception)
            if item.id == "en-aleppo-corridor":
                item = replace(item, published="2016-12-14")
            ids[item.id], _ = led.add(analyse(item))
    return path, ids


@pytest.fixture(scope="module")
def db(ledger: tuple[Path, dict[str, int]]) -> Path:
    return ledger[0]


def test_the_digest_lists_the_groups_that_disagree_and_the_new_clusters(ledger: tuple[Path, dict[str, int]]) -> None:
    db, ids = ledger
    d = digest.build(db, date(2016, 12, 15), date(2016, 12, 21))
    assert d.cross_ready and d.article_count == 9  # the cross-article texts; the samples are of the 13th and 14th
    found = {(c.group.concept, c.group.event): c for c in d.conflicts}
    # 2,700 children (the report, its copy and translation) against 2,900 (the edited copy) and 2,462 (Russia)
    children = found[("child", None)]
    assert {f.text for f in children.figures} == {"2,700", "2.700", "2,900", "2,462"}
    assert children.spread == 438 and children.articles == 5
    # 25,000 to 37,500 trapped (the U.N. in the report) against 25,000 and 50,000 (reports of the 16th)
    trapped = found[("person", "trapped")]
    assert {"25,000", "50,000", "between 25,000 and 37,500"} <= {f.text for f in trapped.figures}
    assert trapped.spread == 25_000 and trapped.relative_spread == 0.5
    assert ("civilian", "evacuated") not in found  # 7,796 fits "more than 7,000"
    assert ("fighter", "wounded") not in found  # 300 everywhere
    # the clusters: the report with its two copies and its translation, origin first; the Russian pair; the hostile copy
    clusters = {s.id: s for s in d.clusters}
    report = clusters[ids["origin"]]
    assert report.articles[0].article_id == ids["origin"]
    assert {a.article_id for a in report.articles} == {ids[k] for k in ("origin", "copy", "edited", "translation")}
    assert {a.link.split()[0] for a in report.articles} == {"origin", "copy", "translation"}
    assert {a.article_id for a in clusters[ids["other"]].articles} == {ids["other"], ids["ru"]}
    assert set(clusters) == {ids["origin"], ids["other"], ids["trapped-high"]}
    text = digest.plain_text(d)
    assert "CONFLICTING FIGURE GROUPS (2)" in text and "NEW REPUBLICATION CLUSTERS (3)" in text
    assert "child in Aleppo, 5 articles disagree; spread 438" in text
    assert "How this was computed" in text and "no value fits them all" in text


def test_a_period_without_copies_or_disagreement_says_so(ledger: tuple[Path, dict[str, int]]) -> None:
    d = digest.build(ledger[0], date(2016, 12, 8), date(2016, 12, 14))
    assert d.article_count == 2  # the two Aleppo samples; the Bekasi flood is from 2024
    assert not d.conflicts and not d.clusters
    assert [o.name for o in d.outlets][:1] in (["RIA Novosti"], ["TASS"], ["Antara"])
    tass = next(o for o in d.outlets if o.name == "TASS")
    assert tass.state_affiliated and tass.state_reference
    text = digest.plain_text(d)
    assert "- none: the figures of the period's articles agree" in text
    assert "- none: no article of the period is a copy or translation" in text


def test_an_empty_period_says_so(db: Path) -> None:
    d = digest.build(db, date(2020, 1, 1), date(2020, 1, 7))
    assert d.article_count == 0 and not d.conflicts and not d.clusters
    assert "No articles in this period" in digest.html(d)


def test_a_ledger_without_cross_article_tables_gets_a_digest_that_says_so(db: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    old = tmp_path / "old.db"
    shutil.copy(db, old)
    conn = sqlite3.connect(old)
    for t in ("figure_keys", "figure_groups", "story_links", "story_members"):
        conn.execute(f"DROP TABLE {t}")
    conn.commit()
    conn.close()
    d = digest.build(old, date(2016, 12, 15), date(2016, 12, 21))
    assert not d.cross_ready and not d.conflicts and not d.clusters and d.article_count == 9
    assert "no cross-article tables" in digest.plain_text(d) and "no cross-article tables" in digest.html(d)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))  # type: ignore[attr-defined]
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_digest_is_sent_over_smtp(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    inbox = Inbox()
    port = _free_port()
    controller = controller_mod.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        rc = main(["digest", "--db", str(db), "--since", "7d", "--until", "2016-12-21", "--to", "desk@example.org",
                   "--from", "ledger@example.org", "--smtp", f"127.0.0.1:{port}",
                   "--base-url", "http://127.0.0.1:8000"])
    finally:
        controller.stop()
    assert rc == 0, capsys.readouterr().err
    assert len(inbox.messages) == 1
    sender, rcpts, raw = inbox.messages[0]
    assert sender == "ledger@example.org" and rcpts == ["desk@example.org"]
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    body = html.get_content()
    assert "2016-12-15..2016-12-21" in str(msg["Subject"]) and "2 conflicting figure groups" in str(msg["Subject"])
    assert "Conflicting figure groups (2)" in body and "New republication clusters (3)" in body
    assert '<a href="http://127.0.0.1:8000/groups/' in body and '<a href="http://127.0.0.1:8000/stories/' in body
    assert "«2,900»" in body and "«2,462»" in body and "per Russia&#39;s defence ministry" in body
    assert '<span class="spread">438</span>' in body
    assert "<img src=x" not in body and "&lt;img src=x onerror=" in body  # the hostile copy's title, as text
    assert "How this was computed" in body
    assert '<a href="http://127.0.0.1:8000/article/' in body  # each article links to its page
    assert "id-banjir-bekasi" not in body
    assert "CONFLICTING FIGURE GROUPS" in plain.get_content()


def test_the_digest_is_written_to_a_file(db: Path, tmp_path: Path) -> None:
    for name in ("digest.html", "digest.txt", "digest.eml"):
        out = tmp_path / name
        assert main(["digest", "--db", str(db), "--since", "2016-12-01", "--until", "2016-12-31", "--out", str(out)]) == 0
        assert "child in Aleppo" in out.read_text(encoding="utf-8")
    eml = message_from_bytes((tmp_path / "digest.eml").read_bytes(), policy=policy.default)
    assert str(eml["Subject"]).strip().startswith("claimtrail digest 2016-12-01..2016-12-31")


def test_digest_mistakes_get_a_message(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--db", str(db)]) == 1
    assert "give --out FILE" in capsys.readouterr().err
    assert main(["digest", "--db", str(db), "--since", "last week", "--out", str(tmp_path / "d.html")]) == 1
    assert "--since must be like 7d" in capsys.readouterr().err
    port = _free_port()  # nothing listens there
    assert main(["digest", "--db", str(db), "--to", "a@example.org", "--smtp", f"127.0.0.1:{port}"]) == 1
    assert f"could not send through 127.0.0.1:{port}" in capsys.readouterr().err
    assert main(["digest", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "d.html")]) == 1
    assert "no such ledger database" in capsys.readouterr().err
    assert main(["digest", "--db", str(db), "--out", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
