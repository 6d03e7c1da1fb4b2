"""The web app on a real server over a real ledger: pages, search, hostile text, bad input."""

from __future__ import annotations

import html
import re
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
from web_helpers import LONG_LINE, ROOT, build_corpus_ledger, build_ledger, get, live_server


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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A report, its copy, an edited copy, its translation, reports that disagree, a hostile copy."""
    db = tmp_path_factory.mktemp("corpus") / "ledger.db"
    return db, build_corpus_ledger(db)


@pytest.fixture(scope="module")
def corpus_site(corpus: tuple[Path, dict[str, int]]) -> Iterator[str]:
    with live_server(corpus[0]) as url:
        yield url


def _group_of(db: Path, aid: int, text: str) -> int:
    conn = queries.open_readonly(db)
    try:
        row = conn.execute("SELECT group_id FROM figure_keys WHERE article_id = ? AND text = ?", (aid, text)).fetchone()
        assert row is not None and row[0] is not None, (aid, text)
        return int(row[0])
    finally:
        conn.close()


def _members(db: Path, gid: int) -> int:
    conn = queries.open_readonly(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM figure_keys WHERE group_id = ?", (gid,)).fetchone()[0])
    finally:
        conn.close()


def _marks(body: str) -> list[str]:
    """The class of each figure's mark in the chart."""
    return re.findall(r'<g class="(mark [^"]*)"', body)


def test_groups_list_conflicting_groups_first_and_filters(corpus: tuple[Path, dict[str, int]],
                                                         corpus_site: str) -> None:
    db, ids = corpus
    children = _group_of(db, ids["origin"], "2,700")
    evacuated = _group_of(db, ids["origin"], "More than 7,000")
    page = get(f"{corpus_site}/groups")
    assert page.status == 200
    order = [int(g) for g in re.findall(r'<a href="/groups/(\d+)">', page.body)]
    assert order.index(children) < order.index(evacuated)  # 2,700 / 2,900 / 2,462 disagree; 7,796 fits "more than 7,000"
    assert "conflicting" in page.body and "consistent" in page.body
    only = get(f"{corpus_site}/groups?concept=child&place={quote('Алеппо')}&since=2016-12-01").body
    assert re.findall(r'<a href="/groups/(\d+)">', only) == [str(children)]
    assert 'href="/groups/' not in get(f"{corpus_site}/groups?since=2017-01-01").body.split("<tbody>")[1]
    bad = get(f"{corpus_site}/groups?since=yesterday")
    assert bad.status == 400 and "must be a date" in bad.body


def test_long_lists_of_groups_and_stories_come_in_pages(corpus: tuple[Path, dict[str, int]], corpus_site: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from claimtrail.serve.web import app

    whole = re.findall(r'<a href="/groups/(\d+)">', get(f"{corpus_site}/groups").body)
    assert len(whole) >= 3
    monkeypatch.setattr(app, "PER_PAGE", 2)
    seen: list[str] = []
    url: str | None = "/groups?since=2016-01-01"
    while url:
        body = get(corpus_site + html.unescape(url)).body
        rows = re.findall(r'<a href="/groups/(\d+)">', body)
        assert 1 <= len(rows) <= 2
        assert f"<small>{len(whole)}</small>" in body
        seen += rows
        nxt = re.search(r'<a href="([^"]+)">next →</a>', body)
        url = nxt.group(1) if nxt else None
        if url:
            assert "since=2016-01-01" in url and "start=" in url
    assert seen == whole  # every group once, in the same order
    assert "← previous" in body
    first = get(f"{corpus_site}/stories").body
    assert "← previous" not in first
    assert get(f"{corpus_site}/groups?start=-5").status == 200  # not a row number: the first page
    assert get(f"{corpus_site}/groups?start=99999").status == 200


def test_a_group_chart_draws_each_figure_with_its_hedge(corpus: tuple[Path, dict[str, int]],
                                                        corpus_site: str) -> None:
    db, ids = corpus
    gid = _group_of(db, ids["origin"], "More than 7,000")
    body = get(f"{corpus_site}/groups/{gid}").body
    marks = _marks(body)
    assert len(marks) == _members(db, gid) >= 6  # one mark per figure
    # "More than 7,000" (three English copies, the Indonesian translation) as open bounds that fade out
    opens = [m for m in marks if "open-high" in m]
    assert len(opens) == 4
    assert body.count('fill="url(#fade-right-fits)"') == 4 and body.count('class="arrow"') == 4
    assert body.count('class="end open"') == 4  # "more than": the bound itself excluded
    assert [m for m in marks if "point" in m]  # 7,796 as a point
    assert not [m for m in marks if "conflict" in m] and 'class="agree-band"' in body
    assert 'class="verdict fits">consistent' in body and "7,796" in body


def test_a_conflicting_group_marks_its_figures_and_links_them_to_their_place(
        corpus: tuple[Path, dict[str, int]], corpus_site: str) -> None:
    db, ids = corpus
    gid = _group_of(db, ids["origin"], "2,700")
    body = get(f"{corpus_site}/groups/{gid}").body
    marks = _marks(body)
    assert len(marks) == _members(db, gid) == 5
    assert all("conflict" in m for m in marks)  # 2,700, 2,900 and 2,462 each exclude another
    assert 'class="verdict conflict">conflicting' in body and 'class="agree-band"' not in body
    trapped = get(f"{corpus_site}/groups/{_group_of(db, ids['origin'], 'between 25,000 and 37,500')}").body
    assert len([m for m in _marks(trapped) if "range" in m]) == 4  # the ranges as bars
    # each row links to the figure's place in its article page
    links = re.findall(r'href="/article/(\d+)#(f\d+)"', body)
    assert len(links) == 5
    with Ledger(db, readonly=True) as led:
        for aid, ref in links:
            a = led.load(int(aid))
            assert a.figures[int(ref[1:])].span.of(a.article.text) in {"2,700", "2,900", "2.700", "2,462"}
    assert f'href="/stories/{ids["origin"]}"' in body  # copies are marked as one story


def test_a_story_shows_its_origin_first_and_what_each_copy_changed(corpus: tuple[Path, dict[str, int]],
                                                                   corpus_site: str) -> None:
    ids = corpus[1]
    listing = get(f"{corpus_site}/stories").body
    assert re.findall(r'<a href="/stories/(\d+)">', listing)[0] == str(ids["origin"])  # the largest first
    page = get(f"{corpus_site}/stories/{ids['origin']}")
    assert page.status == 200
    order = [int(x) for x in re.findall(r'<li id="m\d+" class="member [a-z]+" data-article="(\d+)"', page.body)]
    assert order[0] == ids["origin"] and set(order) == {ids[k] for k in ("origin", "copy", "edited", "translation")}
    members = {int(re.findall(r'data-article="(\d+)"', part)[0]): part
               for part in page.body.split("</ol>")[0].split('<li id="m')[1:]}
    edited = members[ids["edited"]]
    assert 'class="dropped">We hope the operation continues' in edited
    # the reported speech whose figure changed is no longer in the copy as the origin had it
    assert 'class="dropped">the convoys had carried 2,700 children' in edited
    assert '<span class="fig added">2,900</span>' in edited and '<span class="fig missing">2,700</span>' in edited
    assert "Red Cross says thousands taken out of Aleppo" in edited and "headline changed" in edited
    copy = members[ids["copy"]]  # re-spaced ("ca n't"), a newsletter line added: no quote lost
    assert 'class="dropped"' not in copy and re.search(r"quotes dropped or reworded</dt>\s*<dd>\s*none", copy)
    translation = members[ids["translation"]]
    assert "not compared (another language)" in translation and "headline changed" not in translation
    assert '<span class="link-kind translation">translation</span>' in translation
    assert "<code>fig count 2700</code>" in translation  # the evidence the link was made on
    assert "jaccard" in copy and "containment" in copy


def test_an_article_page_links_to_its_story_and_its_figures_groups(corpus: tuple[Path, dict[str, int]],
                                                                   corpus_site: str) -> None:
    db, ids = corpus
    body = get(f"{corpus_site}/article/{ids['edited']}").body
    assert f'href="/stories/{ids["origin"]}"' in body
    gid = _group_of(db, ids["edited"], "2,900")
    assert f'class="group-link conflict" href="/groups/{gid}"' in body
    lone = get(f"{corpus_site}/article/{ids['trapped-low']}").body
    assert 'class="story-link"' not in lone and 'class="group-link' in lone


def test_hostile_titles_and_text_stay_inert_on_the_cross_article_pages(corpus: tuple[Path, dict[str, int]],
                                                                        corpus_site: str) -> None:
    db, ids = corpus
    gid = _group_of(db, ids["hostile-copy"], "50,000")
    for path in (f"/groups/{gid}", f"/stories/{ids['trapped-high']}", "/stories", f"/article/{ids['hostile-copy']}"):
        page = get(corpus_site + path)
        assert page.status == 200, path
        assert "<img src=x" not in page.body and "<script>alert" not in page.body, path
        if path != "/stories":
            assert "&lt;img src=x onerror=" in page.body, path


def test_unknown_groups_and_stories_get_a_404_page(corpus: tuple[Path, dict[str, int]], corpus_site: str) -> None:
    not_a_story = corpus[1]["copy"]  # a member, but stories are named by their lowest row id
    for path in ("/groups/999999", "/groups/abc", "/groups/" + "9" * 40, "/stories/999999", "/stories/x",
                 f"/stories/{not_a_story}"):
        page = get(corpus_site + path)
        assert page.status == 404, path
        assert "<h1>No such" in page.body and "Traceback" not in page.body


def test_a_ledger_without_cross_article_tables_says_so(corpus: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    import shutil

    old = tmp_path / "old.db"
    shutil.copy(corpus[0], old)
    conn = sqlite3.connect(old)
    for t in ("figure_keys", "figure_groups", "story_links", "story_members"):
        conn.execute(f"DROP TABLE {t}")
    conn.commit()
    conn.close()
    before = old.read_bytes()
    with live_server(old) as site:
        for path in ("/groups", "/groups/1", "/stories", "/stories/1"):
            page = get(site + path)
            assert page.status == 200 and "no cross-article tables" in page.body, path
        art = get(f"{site}/article/{corpus[1]['edited']}")
        assert art.status == 200 and 'class="story-link"' not in art.body and 'class="group-link' not in art.body
    assert old.read_bytes() == before  # served read-only: nothing filled in, nothing written


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


def test_the_chart_draws_every_hedge_as_the_values_it_allows() -> None:
    from claimtrail.serve.web import chart

    def member(aid: int, value: float | None, qualifier: str, low: float | None = None,
               high: float | None = None) -> queries.GroupMember:
        return queries.GroupMember(aid, f"d{aid}", None, "en", 0, 5, "x", value, low, high, qualifier, "count",
                                   "killed", "2016-12-15", "sentence", None, None, None, f"f{aid}")

    members = [member(1, 1000, "approx"), member(2, 1000, "at_least"), member(3, 1500, "less_than"),
               member(4, None, "exact", 800, 1200), member(5, 1000, "exact"), member(6, 2000, "exact")]
    ms = chart.marks(members)
    # 2,000 cannot hold with about 1,000 (900..1,100), less than 1,500, the range or 1,000 itself;
    # "at least 1,000" holds with every one of them
    assert [m.conflict for m in ms] == [True, False, True, True, True, True]
    g = queries.GroupSummary(1, "civilian", "count", "killed", "Aleppo", "2016-12-15", "2016-12-15", 6, 6, False,
                             None, None, 1000.0, 0.5)
    svg = str(chart.render(g, ms))
    assert len(re.findall(r'<g class="mark ', svg)) == 6
    approx = re.search(r'<g class="mark approx[^>]*>.*?<rect class="bar" x="([\d.]+)"[^>]*width="([\d.]+)"', svg)
    rng = re.search(r'<g class="mark range[^>]*>.*?<rect class="bar" x="([\d.]+)"[^>]*width="([\d.]+)"', svg)
    assert approx and rng
    # about 1,000 spans 900..1,100: half as wide as the range 800..1,200
    assert abs(float(approx.group(2)) * 2 - float(rng.group(2))) < 1
    assert 'fill="url(#fade-right-fits)"' in svg and 'fill="url(#fade-left-conflict)"' in svg
    at_least = re.search(r'<g class="mark open-high[^"]*".*?</g>', svg)
    assert at_least and 'class="end closed"' in at_least.group(0)  # "at least" includes its bound
    less = re.search(r'<g class="mark open-low[^"]*".*?</g>', svg)
    assert less and 'class="end open"' in less.group(0) and 'class="arrow"' in less.group(0)
