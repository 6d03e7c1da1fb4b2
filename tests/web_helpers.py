"""Shared by the web, export, digest and browser tests: a ledger of the project's samples
(and a hostile article written for the tests), and the web app on a real uvicorn server
on 127.0.0.1 in a thread."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from claimtrail.analyzer import analyse
from claimtrail.ingest.readers import read_paths
from claimtrail.model import Article
from claimtrail.store.ledger import Ledger

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
#: the three samples these tests were written against: two Aleppo reports that are no copies of
#: each other, and a flood; the samples' copy and translation are in the cross-article ledger's tests
SAMPLE_FILES = ("id-aleppo-evakuasi.txt", "en-aleppo-corridor.txt", "id-banjir-bekasi.txt")

LONG_LINE = ("airnya naik pelan-pelan sepanjang malam " * 30000)[:1_000_000]
HOSTILE = (
    'Jakarta, Warta Contoh -- <script>alert("pwned")</script> Warga <a href="javascript:alert(1)">klik di sini</a> '
    "melaporkan Tom &amp; Jerry &lt;b&gt;tebal&lt;/b&gt; serta \u202eteks terbalik\u202c di sini.\n"
    '"Sebanyak 300 orang mengungsi ke balai desa," kata Budi Santoso.\n' + LONG_LINE + "\nSelesai."
)


def build_ledger(db: Path, hostile: bool = True) -> dict[str, int]:
    """The samples (and the hostile article) stored in ``db``; document id -> row id."""
    ids: dict[str, int] = {}
    with Ledger(db) as ledger:
        for item in read_paths([str(SAMPLES / name) for name in SAMPLE_FILES]):
            assert not isinstance(item, Exception), item
            ids[item.id], _ = ledger.add(analyse(item))
        if hostile:
            art = Article("hostile", HOSTILE, url="javascript:alert(document.cookie)", language="id",
                          title='<img src=x onerror="alert(2)"> Judul \u202eterbalik')
            ids["hostile"], _ = ledger.add(analyse(art))
    return ids


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    body: str


def get(url: str) -> Page:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return Page(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return Page(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read().decode("utf-8"))


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """The claimtrail web app over ``db`` on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    from claimtrail.serve.web.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


# ------------------------------------------------------------------ a ledger with stories and figure groups

def _edited_copy() -> str:
    """The Reuters report republished with a new headline, one figure changed (2,700 -> 2,900
    children) and Mardini's direct quote cut."""
    from corpus_texts import ORIGIN

    quote = (' "We hope the operation continues through the night, because people can\'t wait any longer," he '
             "said.")
    assert quote in ORIGIN
    body = ORIGIN.split("\n", 1)[1].replace(quote, "").replace("2,700 children", "2,900 children")
    return "Red Cross says thousands taken out of Aleppo\n" + body


HOSTILE_TITLE = '<img src=x onerror="alert(3)"> UN <script>alert(4)</script>'


def build_corpus_ledger(db: Path) -> dict[str, int]:
    """The cross-article texts of tests/corpus_texts.py (a report, its copy, an edited copy,
    its Indonesian translation, a Russian report and its English source, two reports that
    disagree), and a hostile copy of one of them; document id -> row id."""
    from corpus_texts import COPY, ORIGIN, OTHER_REPORT, RUSSIAN, TRANSLATION, TRAPPED_HIGH, TRAPPED_LOW

    hostile = TRAPPED_HIGH.replace("after buses", '<script>alert("x")</script> after buses')
    docs = [("origin", ORIGIN, "2016-12-15", "en", None), ("copy", COPY, "2016-12-15", "en", None),
            ("edited", _edited_copy(), "2016-12-15", "en", None),
            ("translation", TRANSLATION, "2016-12-16", "id", None),
            ("other", OTHER_REPORT, "2016-12-16", "en", None), ("ru", RUSSIAN, "2016-12-16", "ru", None),
            ("trapped-low", TRAPPED_LOW, "2016-12-16", "en", None),
            ("trapped-high", TRAPPED_HIGH, "2016-12-16", "en", None),
            ("hostile-copy", hostile, "2016-12-16", "en", HOSTILE_TITLE)]
    ids: dict[str, int] = {}
    with Ledger(db) as ledger:
        for doc, text, published, language, title in docs:
            ids[doc], _ = ledger.add(analyse(Article(doc, text, published=published, language=language,
                                                     title=title)))
    return ids
