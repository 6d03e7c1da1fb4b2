"""The digest: contested figures and cited outlets of a period, sent over SMTP to a real
aiosmtpd server on 127.0.0.1, or written to a file."""

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
from web_helpers import SAMPLES

pytest.importorskip("jinja2")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, the English Aleppo report dated as its dateline says (14 December 2016)."""
    path = tmp_path_factory.mktemp("digest") / "ledger.db"
    with Ledger(path) as led:
        for item in read_paths([str(SAMPLES)]):
            assert not isinstance(item, Exception)
            if item.id == "en-aleppo-corridor":
                item = replace(item, published="2016-12-14")
            led.add(analyse(item))
    return path


def test_contested_figures_are_those_two_articles_disagree_on(db: Path) -> None:
    d = digest.build(db, date(2016, 12, 8), date(2016, 12, 14))
    assert d.article_count == 2  # the two Aleppo reports; the Bekasi flood is from 2024
    civ = next(c for c in d.contested if c.concept == "civilian")
    texts = {f.text for f in civ.figures}
    # 7,796 evacuated (Indonesian report) cannot hold with "more than 8,000" (English report)
    assert {"7.796", "More than 8,000"} <= texts and civ.articles == 2
    assert "250 ribu" not in texts  # 250,000 fits "more than 8,000": no disagreement
    assert "Aleppo" in civ.shared_names  # a hint that the two report the same events
    assert [o.name for o in d.outlets][:1] in (["RIA Novosti"], ["TASS"], ["Antara"])
    tass = next(o for o in d.outlets if o.name == "TASS")
    assert tass.state_affiliated and tass.state_reference
    text = digest.plain_text(d)
    assert "How this was computed" in text and "ranges do not overlap" in text
    assert "republication clusters: not available" in text


def test_an_empty_period_says_so(db: Path) -> None:
    d = digest.build(db, date(2020, 1, 1), date(2020, 1, 7))
    assert d.article_count == 0 and not d.contested
    assert "No articles in this period" in digest.html(d)


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
        rc = main(["digest", "--db", str(db), "--since", "7d", "--until", "2016-12-14", "--to", "desk@example.org",
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
    assert "2016-12-08..2016-12-14" in str(msg["Subject"])
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    body = html.get_content()
    assert '<strong class="concept">civilian</strong>' in body
    assert "«7.796»" in body and "«More than 8,000»" in body and "per pusat rekonsiliasi Rusia" in body
    assert "TASS" in body and "state-affiliated" in body
    assert "How this was computed" in body and "id-aleppo-evakuasi" in body
    assert '<a href="http://127.0.0.1:8000/article/' in body  # each article links to its page
    assert '<a href="https://en.wikipedia.org/wiki/TASS">' in body
    assert "id-banjir-bekasi" not in body
    assert "CONTESTED FIGURES" in plain.get_content()


def test_the_digest_is_written_to_a_file(db: Path, tmp_path: Path) -> None:
    for name in ("digest.html", "digest.txt", "digest.eml"):
        out = tmp_path / name
        assert main(["digest", "--db", str(db), "--since", "2016-12-01", "--until", "2016-12-31", "--out", str(out)]) == 0
        assert "civilian" in out.read_text(encoding="utf-8")
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


def test_proper_names_are_capitalised_words_inside_sentences() -> None:
    text = ("Warga sipil keluar dari Aleppo timur. Menurut Komite Palang Merah, BEIRUT tenang.\n"
            "Kota itu sepi, kata Igor Konashenkov.")
    assert digest.proper_names(text) == {"Aleppo", "Komite", "Palang", "Merah", "Igor", "Konashenkov"}
