"""The pages in a real browser: Playwright driving Debian's /usr/bin/chromium (never a
downloaded one) against the web app on 127.0.0.1, over a ledger of the project's samples
and a hostile article written for the tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrail.store.ledger import Ledger
from web_helpers import LONG_LINE, build_ledger, live_server

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    db = tmp_path_factory.mktemp("browser") / "ledger.db"
    return db, build_ledger(db)


@pytest.fixture(scope="module")
def site(ledger: tuple[Path, dict[str, int]]) -> Iterator[str]:
    with live_server(ledger[0]) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.problems = []  # console errors (a CSP violation is one), page errors, dialogs
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))

    def dialog(d: Any) -> None:
        pg.problems.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", dialog)
    yield pg
    ctx.close()


def _item_texts(page: Any) -> dict[str, str]:
    """The text of each highlighted item, its pieces joined in document order."""
    return dict(page.evaluate("""() => {
        const out = {};
        for (const el of document.querySelectorAll('.text [data-item]')) {
            let nested = false;
            for (let p = el.parentElement; p && !p.classList.contains('text'); p = p.parentElement) {
                if (p.dataset.item === el.dataset.item) { nested = true; break; }
            }
            if (!nested) out[el.dataset.item] = (out[el.dataset.item] || '') + el.textContent;
        }
        return Object.entries(out);
    }"""))


def test_the_seed_like_article_highlights_every_item_on_the_right_characters(
        ledger: tuple[Path, dict[str, int]], site: str, page: Any, tmp_path: Path) -> None:
    db, ids = ledger
    aid = ids["id-aleppo-evakuasi"]
    with Ledger(db, readonly=True) as led:
        a = led.load(aid)
    page.goto(f"{site}/article/{aid}")
    got = _item_texts(page)
    text = a.article.text
    expected = {f"f{i}": x.span.of(text) for i, x in enumerate(a.figures)}
    expected |= {f"q{i}": x.span.of(text) for i, x in enumerate(a.quotes)}
    expected |= {f"s{i}": x.span.of(text) for i, x in enumerate(a.sources)}
    expected |= {f"d{i}": x.span.of(text) for i, x in enumerate(a.dates)}
    assert len(a.figures) >= 5 and len(a.quotes) >= 5 and len(a.sources) >= 3 and a.dates
    for ref, want in expected.items():
        assert got.get(ref) == want, ref
    # the legend names every kind, the side ledger links each item to its place
    for kind in ("figure", "quote", "source", "date", "furniture"):
        assert page.locator(".legend").get_by_text(kind, exact=True).count() == 1
    assert page.locator(".side a.item").count() == sum(map(len, (a.figures, a.quotes, a.sources, a.dates,
                                                                  a.boilerplate)))
    page.locator('.side a[href="#f0"]').click()
    assert page.evaluate("location.hash") == "#f0"
    assert page.locator("#f0").evaluate("e => e.classList.contains('flash')")
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert not page.problems, page.problems


def test_furniture_is_greyed_and_collapsed_until_asked_for(ledger: tuple[Path, dict[str, int]], site: str,
                                                           page: Any) -> None:
    page.goto(f"{site}/article/{ledger[1]['id-aleppo-evakuasi']}")
    share = page.locator("#b1")
    assert not share.is_visible()
    page.locator(".side a[href='#b1']").click()  # a link into the furniture opens it
    assert share.is_visible()
    assert share.evaluate("e => getComputedStyle(e).color") != page.locator("#q0").evaluate(
        "e => getComputedStyle(e).color")
    page.locator("label.bp-label").click()
    assert not share.is_visible()
    assert not page.problems, page.problems


@pytest.mark.parametrize("words", ["Konashenkov", "warga sipil"])
def test_search_finds_the_article(ledger: tuple[Path, dict[str, int]], site: str, page: Any, words: str) -> None:
    page.goto(site + "/")
    page.locator(".filters input[name=q]").fill(words)
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**/search?**")
    aid = ledger[1]["id-aleppo-evakuasi"]
    hit = page.locator(f'.results a[href="/article/{aid}"]')
    assert hit.count() == 1
    assert page.locator(".hit-items li").count() >= 1  # the matching figures and quotes, not only a title
    hit.click()
    page.wait_for_url(f"**/article/{aid}")
    assert not page.problems, page.problems


def test_hostile_text_does_not_run_and_stays_readable(ledger: tuple[Path, dict[str, int]], site: str,
                                                      page: Any) -> None:
    page.goto(f"{site}/article/{ledger[1]['hostile']}")
    text = page.locator(".text")
    assert '<script>alert("pwned")</script>' in text.inner_text()
    assert page.locator(".text script, .text a, .text img").count() == 0
    assert page.locator("h1").inner_text().startswith('<img src=x onerror="alert(2)">')
    # the right-to-left override is shown as a tag and the text after it keeps its order
    assert page.locator(".text .ctl").count() == 2
    assert page.evaluate("document.title").startswith('<img src=x onerror="alert(2)">')
    assert LONG_LINE[:200] in text.text_content()
    page.wait_for_timeout(200)
    assert not [p for p in page.problems if "dialog" in p], page.problems


def test_odd_search_and_unknown_ids_show_a_message(site: str, page: Any) -> None:
    resp = page.goto(f"{site}/search?q=" + "x" * 10_000)
    assert resp is not None and resp.status == 400
    assert "at most 500" in page.locator(".message").inner_text()
    resp = page.goto(f"{site}/search?q=%22warga")
    assert resp is not None and resp.status == 400 and page.locator(".message").is_visible()
    resp = page.goto(f"{site}/article/999999")
    assert resp is not None and resp.status == 404 and "No such article" in page.locator("h1").inner_text()


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    from web_helpers import build_corpus_ledger

    db = tmp_path_factory.mktemp("browser-corpus") / "ledger.db"
    ids = build_corpus_ledger(db)
    with live_server(db) as url:
        yield url, ids


def test_the_figure_chart_renders_one_mark_per_figure(corpus_site: tuple[str, dict[str, int]], page: Any,
                                                      tmp_path: Path) -> None:
    site = corpus_site[0]
    page.goto(f"{site}/groups")
    rows = page.locator("table.groups tbody tr")
    assert rows.count() >= 3
    assert "conflicting" in rows.first.inner_text()  # conflicts first
    page.locator("table.groups tbody tr", has_text="civilian").locator("a").first.click()
    page.wait_for_url("**/groups/*")
    svg = page.locator("svg.chart")
    assert svg.count() == 1
    box = svg.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    marks = page.locator("svg.chart g.mark")
    assert marks.count() == page.locator("table.members tbody tr").count() >= 6
    # "more than 7,000" drawn as open bounds: a bar that fades out and an arrow, each really painted
    opens = page.locator("svg.chart g.mark.open-high")
    assert opens.count() == 4
    for i in range(opens.count()):
        bar = opens.nth(i).locator("rect.bound").bounding_box()
        assert bar is not None and bar["width"] > 50
    assert page.locator("svg.chart g.mark.point circle.point").count() >= 2  # 7,796 as points
    fill = page.locator("svg.chart g.mark.open-high rect.bound").first.evaluate("e => getComputedStyle(e).fill")
    assert "url(" in fill and "fade-right" in fill
    page.screenshot(path=str(tmp_path / "group.png"), full_page=True)
    # a row's link goes to the figure in its article page
    page.locator("table.members tbody tr").first.locator('a[href*="#f"]').click()
    page.wait_for_url("**/article/*#f*")
    assert page.locator(":target").count() == 1
    assert not page.problems, page.problems


def test_the_story_page_in_the_browser(corpus_site: tuple[str, dict[str, int]], page: Any) -> None:
    site, ids = corpus_site
    page.goto(f"{site}/stories/{ids['origin']}")
    members = page.locator(".story-members > li")
    assert members.count() == 4
    assert members.first.get_attribute("data-article") == str(ids["origin"])
    dropped = page.locator("q.dropped").all_inner_texts()
    assert any(t.startswith("We hope the operation continues") for t in dropped), dropped
    page.goto(f"{site}/stories/{ids['trapped-high']}")
    assert page.locator("img, script:not([src])").count() == 0
    assert '<img src=x onerror="alert(3)">' in page.locator(".story-members").inner_text()
    page.wait_for_timeout(200)
    assert not page.problems, page.problems
