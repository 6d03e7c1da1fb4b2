"""The web app on a real server over a real ledger: pages, search, hostile text, bad input."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

from claimtrail.errors import StoreError
from claimtrail.serve.web.app import create_app
from claimtrail.serve.web.highlight import Mark, highlight
from claimtrail.store import queries
from claimtrail.store.ledger import Ledger
from web_helpers import LONG_LINE, ROOT, build_ledger, get, live_server


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    db = tmp_path_factory.mktemp("web") / "ledger.db"
    return db, build_ledger(db)


@pytest.fixture(scope="module")
def site(ledger: tuple[Path, dict[str, int]]) -> Iterator[str]:
    with live_server(ledger[0]) as url:
        yield url


class ItemText(HTMLParser):
    """Collects the text inside each element with a ``data-item``, pieces joined."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.items: dict[str, str] = {}
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        self.stack.append(a.get("data-item"))

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for ref in {r for r in self.stack if r}:
            self.items[ref] = self.items.get(ref, "") + data


def test_marks_that_nest_and_cross_keep_every_item_text_whole() -> None:
    text = "Kata Budi: 250 ribu warga mengungsi. Bagikan: Facebook"
    marks = [
        Mark(5, 36, "quote", "q0", "quote"),
        Mark(11, 19, "figure", "f0", "250 ribu"),
        Mark(30, 54, "boilerplate", "b0", "share"),  # crosses the quote's end
        Mark(0, 4, "source", "s0", "<b>&"),
    ]
    html = str(highlight(text, marks))
    p = ItemText()
    p.feed(html)
    for m in marks:
        assert p.items[m.ref] == text[m.start : m.end], m
    assert html.count('id="b0"') == 1 and html.count('data-item="b0"') == 2  # cut in two pieces, one anchor
    assert "&lt;b&gt;&amp;" in html


def test_article_page_highlights_every_item_on_its_span(ledger: tuple[Path, dict[str, int]], site: str) -> None:
    db, ids = ledger
    page = get(f"{site}/article/{ids['id-aleppo-evakuasi']}")
    assert page.status == 200
    with Ledger(db, readonly=True) as led:
        a = led.load(ids["id-aleppo-evakuasi"])
    p = ItemText()
    p.feed(page.body)
    text = a.article.text
    for prefix, items in (("f", a.figures), ("q", a.quotes), ("s", a.sources), ("d", a.dates), ("b", a.boilerplate)):
        assert items
        for i, it in enumerate(items):
            assert p.items[f"{prefix}{i}"] == it.span.of(text)
            assert f'href="#{prefix}{i}"' in page.body  # the side ledger links to it
            assert f"{prefix}{i}" in p.ids
    # outlets with owner and the reference of their state affiliation
    assert "TASS" in page.body and "Government of the Russian Federation" in page.body
    assert 'href="https://en.wikipedia.org/wiki/TASS"' in page.body
    # the same page by document id
    assert get(f"{site}/article/id-aleppo-evakuasi").status == 200


def test_every_page_forbids_inline_script(site: str) -> None:
    for path in ("/", "/article/1", "/search?q=Aleppo", "/nope", "/exports", "/groups"):
        csp = get(site + path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert "<script>" not in get(site + "/article/1").body.replace('<script src="/static/app.js" defer></script>', "")


def test_hostile_text_is_shown_inert_and_readable(ledger: tuple[Path, dict[str, int]], site: str) -> None:
    page = get(f"{site}/article/{ledger[1]['hostile']}")
    assert page.status == 200
    body = page.body
    assert "<script>alert" not in body and "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in body
    assert 'href="javascript:' not in body.lower() and "<img" not in body
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in body  # the title, as text
    assert "Tom &amp;amp; Jerry" in body  # an entity in the text stays the characters it is
    assert '<span class="ctl" data-cp="RLO">\u202e</span>teks terbalik' in body
    assert LONG_LINE[:5000] in body and len(body) > 1_000_000
    assert "javascript:alert(document.cookie)" in body  # the URL is shown, not linked


def test_search_finds_the_article_and_shows_its_figures_and_quotes(ledger: tuple[Path, dict[str, int]],
                                                                    site: str) -> None:
    aid = ledger[1]["id-aleppo-evakuasi"]
    for q in ("Konashenkov", "warga sipil", '"warga sipil"'):
        page = get(f"{site}/search?q={quote(q)}")
        assert page.status == 200
        assert f'href="/article/{aid}"' in page.body, q
    page = get(f"{site}/search?q=Konashenkov")
    assert "250 ribu" in page.body and "Igor Konashenkov" in page.body and "Matching" in page.body
    assert '<mark class="term">Konashenkov</mark>' in page.body


def test_search_filters(ledger: tuple[Path, dict[str, int]], site: str) -> None:
    ids = ledger[1]
    aleppo_id, aleppo_en, banjir = ids["id-aleppo-evakuasi"], ids["en-aleppo-corridor"], ids["id-banjir-bekasi"]

    def found(qs: str) -> set[int]:
        page = get(f"{site}/search?{qs}")
        assert page.status == 200, page.body
        return {i for i in ids.values() if f'href="/article/{i}"' in page.body.split('class="results"')[-1]}

    assert found("q=Aleppo&lang=en") == {aleppo_en}
    assert aleppo_id in found("q=Aleppo&lang=id")
    assert found("outlet=tass") == {aleppo_id}
    assert found("speaker=Sedky") == {aleppo_en}
    assert found("concept=militant") == {aleppo_id}
    assert found("from=2024-01-01&to=2024-12") == {banjir}
    assert aleppo_id not in found("q=warga&to=2016-12-12")


@pytest.mark.parametrize("q", [
    "x" * 10_000, '"warga', "warga AND", "NEAR(", "'; DROP TABLE articles; --", "title:", "*", "a OR OR b",
    "\u202e<script>", "(((", "content:warga",
])
def test_odd_searches_get_a_message_never_a_500(ledger: tuple[Path, dict[str, int]], site: str, q: str) -> None:
    page = get(f"{site}/search?q={quote(q)}")
    assert page.status in (200, 400), page.body[:2000]
    if page.status == 400:
        assert 'class="message"' in page.body
    with Ledger(ledger[0], readonly=True) as led:
        assert led.count() == len(ledger[1])


def test_bad_filter_values_get_a_message(site: str) -> None:
    page = get(f"{site}/search?q=warga&from=yesterday")
    assert page.status == 400 and "YYYY" in page.body
    assert get(f"{site}/search?q=warga&start=-5").status == 200


def test_malformed_parameters_get_a_400_page(site: str) -> None:
    for path in ("/export/figures.csv?article=abc", "/search?q=%00", "/search?q=a&start=99999999999999999999"):
        page = get(site + path)
        assert page.status in (200, 400), path
        assert page.headers["content-type"].startswith("text/html") and "Traceback" not in page.body


def test_unknown_ids_and_paths_get_a_404_page(site: str) -> None:
    for path in ("/article/999999", "/article/no-such-doc", "/article/" + "9" * 40, "/nothing/here",
                 "/export/passwords.txt", "/export/figures.csv?article=424242"):
        page = get(site + path)
        assert page.status == 404, path
        assert "<h1>" in page.body and "Traceback" not in page.body


def test_cross_article_pages_are_ready_and_say_what_they_wait_for(site: str) -> None:
    for path, table in (("/groups", "figure_groups"), ("/stories", "stories")):
        page = get(site + path)
        assert page.status == 200 and f"no <code>{table}</code> table yet" in page.body
        missing = get(f"{site}{path}/1")
        assert missing.status == 404 and f"&#x27;{table}&#x27; table" in missing.body


def test_downloads(site: str) -> None:
    page = get(f"{site}/export/figures.csv")
    assert page.status == 200 and page.body.startswith("article_id,doc_id,url,published,language,start,end,text")
    assert "attachment" in page.headers["content-disposition"]
    assert get(f"{site}/exports").status == 200


def test_an_articles_downloads_hold_only_that_article(ledger: tuple[Path, dict[str, int]], site: str) -> None:
    import csv
    import io
    import json

    aid = ledger[1]["id-aleppo-evakuasi"]
    rows = list(csv.DictReader(io.StringIO(get(f"{site}/export/quotes.csv?article={aid}").body)))
    assert rows and {r["article_id"] for r in rows} == {str(aid)}
    reviews = json.loads(get(f"{site}/export/claimreview.json?article={aid}").body)
    assert reviews and all(f"/article/{aid}#q" in r["url"] for r in reviews)
    assert reviews[0]["url"].startswith(site)  # the ClaimReview urls point at this server's pages
    records = [json.loads(x) for x in get(f"{site}/export/analyses.jsonl?article={aid}").body.splitlines()]
    assert [r["id"] for r in records] == ["id-aleppo-evakuasi"]


def test_a_missing_or_broken_database_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such ledger database"):
        create_app(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"definitely not sqlite " * 200)
    with pytest.raises(StoreError, match="not a usable ledger database"):
        create_app(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a claimtrail ledger"):
        create_app(other)
    out = subprocess.run([sys.executable, "-m", "claimtrail", "serve", "--db", str(junk), "--port", "1"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 1
    assert "junk.db: not a usable ledger database" in out.stderr and "Traceback" not in out.stderr


def test_the_server_cannot_write_the_ledger(ledger: tuple[Path, dict[str, int]]) -> None:
    conn = queries.open_readonly(ledger[0])
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    conn.close()


def test_the_publisher_comes_from_the_url_when_the_text_names_none(tmp_path: Path) -> None:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    db = tmp_path / "l.db"
    text = "Sebanyak 1.200 warga mengungsi setelah tanggul jebol di Karawang, Minggu (5/1/2025)."
    with Ledger(db) as led:
        aid, _ = led.add(analyse(Article("k1", text, language="id", url="https://www.antaranews.com/berita/1")))
    with live_server(db) as site:
        body = get(f"{site}/article/{aid}").body
    assert "publisher (by its URL)" in body and "<strong>Antara</strong>" in body


def test_serve_binds_this_machine_only_unless_told() -> None:
    from claimtrail.serve.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_any_mix_of_fts_syntax_is_a_result_or_a_message(ledger: tuple[Path, dict[str, int]]) -> None:
    import random

    rng = random.Random(2016)
    pieces = ['"', "*", "(", ")", ":", "^", "-", "+", "{", "}", ",", " AND ", " OR ", " NOT ", " NEAR", "NEAR(",
              "warga", "sipil", "Konashenkov", "title", "text", " ", "'", ";", "\\", "%", "_", "\u202e", "0", "'--"]
    conn = queries.open_readonly(ledger[0])
    outcomes = {"results": 0, "message": 0}
    for _ in range(400):
        q = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        try:
            queries.search(conn, queries.Filters(query=q))
            outcomes["results"] += 1
        except queries.SearchError as e:
            assert "not a valid full-text query" in str(e)
            outcomes["message"] += 1
    assert outcomes["results"] and outcomes["message"]


def test_an_empty_ledger_is_served_with_a_hint(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Ledger(db).close()
    with live_server(db) as site:
        home = get(site + "/")
        assert home.status == 200 and "The ledger is empty" in home.body
        found = get(site + "/search?q=warga")
        assert found.status == 200 and "Nothing in the ledger matches" in found.body
