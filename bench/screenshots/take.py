"""Screenshots of each page of ``claimtrail serve`` over a ledger of the project's samples,
taken with headless Debian Chromium through Playwright (no browser download).

    PYTHONPATH=src python bench/screenshots/take.py     # writes bench/screenshots/*.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from web_helpers import build_corpus_ledger, build_ledger, live_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ledger.db"
        ids = build_ledger(db, hostile=False)
        with live_server(db) as site, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900})
            shots = {
                "index": "/",
                "article-id-aleppo": f"/article/{ids['id-aleppo-evakuasi']}",
                "article-en-aleppo": f"/article/{ids['en-aleppo-corridor']}#q2",
                "article-id-banjir-furniture": f"/article/{ids['id-banjir-bekasi']}#b1",
                "search-konashenkov": "/search?q=Konashenkov",
                "search-filters": "/search?q=warga+sipil&lang=id&concept=civilian",
                "search-error": "/search?q=%22warga+sipil",
                "not-found": "/article/424242",
                "exports": "/exports",
            }
            for name, path in shots.items():
                page.goto(site + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(HERE / f"{name}.png"), full_page=name.startswith(("article", "search")))
                print(f"{name}.png  {path}")
            # figure groups and stories over the cross-article texts of the tests
            corpus_db = Path(tmp) / "corpus.db"
            cids = build_corpus_ledger(corpus_db)
            with live_server(corpus_db) as csite:
                gid = group_of(corpus_db, cids["origin"], "More than 7,000")
                conflict = group_of(corpus_db, cids["origin"], "2,700")
                for name, path in {"figure-groups": "/groups", "figure-group-open-bounds": f"/groups/{gid}",
                                   "figure-group-conflict": f"/groups/{conflict}", "stories": "/stories",
                                   "story": f"/stories/{cids['origin']}",
                                   "article-story-links": f"/article/{cids['edited']}#f2"}.items():
                    page.goto(csite + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(HERE / f"{name}.png"), full_page=True)
                    print(f"{name}.png  {path}")
            # the digest e-mail's HTML part, over the samples with the English report dated by its dateline
            digest_html = Path(tmp) / "digest.html"
            digest_html.write_text(digest_of_samples(Path(tmp) / "dated.db"), encoding="utf-8")
            page.goto(digest_html.as_uri())
            page.screenshot(path=str(HERE / "digest.png"), full_page=True)
            print("digest.png  claimtrail digest --since 7d --until 2016-12-18")
            browser.close()


def group_of(db: Path, article_id: int, text: str) -> int:
    from claimtrail.store.queries import open_readonly

    conn = open_readonly(db)
    try:
        row = conn.execute("SELECT group_id FROM figure_keys WHERE article_id = ? AND text = ?",
                           (article_id, text)).fetchone()
        return int(row[0])
    finally:
        conn.close()


def digest_of_samples(db: Path) -> str:
    from dataclasses import replace
    from datetime import date

    from claimtrail.analyzer import analyse
    from claimtrail.ingest.readers import read_paths
    from claimtrail.serve import digest
    from claimtrail.store.ledger import Ledger

    build_corpus_ledger(db)
    with Ledger(db) as led:
        for item in read_paths([str(ROOT / "samples")]):
            if not isinstance(item, Exception):
                led.add(analyse(replace(item, published="2016-12-14") if item.id == "en-aleppo-corridor" else item))
    return digest.html(digest.build(db, date(2016, 12, 12), date(2016, 12, 18), base_url="http://127.0.0.1:8000"))


if __name__ == "__main__":
    main()
