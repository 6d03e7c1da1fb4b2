"""Feeds: RSS and Atom parsed with feedparser; ``claimtrail watch`` fetches each item once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimtrail.batch.watch import parse_interval
from claimtrail.errors import ClaimtrailError, InputError
from claimtrail.ingest.feeds import parse_feed
from claimtrail.serve.cli import main
from ingest_web import BEKASI, MOSCOW, PORT, Route, page, serve


def rss(base: str, items: list[tuple[str, str, str | None]]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>" + (f"<guid>{guid}</guid>" if guid else "")
        + "<pubDate>Sat, 03 Feb 2024 08:00:00 +0700</pubDate></item>"
        for path, title, guid in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Warta Contoh</title>'
            f"<link>{base}/</link><description>Berita terbaru</description>{body}</channel></rss>").encode()


def atom(base: str, path: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port News'
            f"</title><id>tag:portnews.example,2024:feed</id><updated>2024-02-05T01:00:00Z</updated>"
            f"<entry><id>tag:portnews.example,2024:traffic</id><title>Port traffic up 8%</title>"
            f'<link href="{base}{path}"/><updated>2024-02-05T01:00:00Z</updated></entry></feed>').encode()


def test_rss_and_atom_items() -> None:
    items = parse_feed(rss("http://h", [("/a", "Banjir", "warta-1"), ("/b", "Beras", None)]), "feed.xml")
    assert [(i.key, i.link, i.published) for i in items] == [
        ("warta-1", "http://h/a", "2024-02-03"), ("http://h/b", "http://h/b", "2024-02-03")]
    [entry] = parse_feed(atom("http://h", "/port"), "atom.xml")
    assert entry.key == "tag:portnews.example,2024:traffic" and entry.link == "http://h/port"


@pytest.mark.parametrize("data", [b"<html><body><p>Bukan feed</p></body></html>", b'{"items": []}', b"\x00\x01"])
def test_a_document_that_is_not_a_feed_is_an_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^news\.example/rss: not an RSS or Atom feed"):
        parse_feed(data, "news.example/rss")


def test_intervals() -> None:
    assert [parse_interval(x) for x in ("15m", "30s", "2h", "90")] == [900, 30, 7200, 90]
    with pytest.raises(ClaimtrailError, match="--every 'soon'"):
        parse_interval("soon")


def test_watch_fetches_new_items_once_and_goes_on_past_a_bad_feed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    routes = {
        "/berita/banjir": Route(page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi").encode()),
        "/en/port": Route(page(PORT, title="Port traffic up 8%", site="Port News", lang="en").encode()),
        "/ru/metro": Route(page(MOSCOW, title="Метро", site="Город", lang="ru", published=None).encode()),
        "/broken.xml": Route(b"<html><body>Situs sedang dalam perbaikan</body></html>"),
    }
    with serve(routes) as site:
        site.routes["/rss.xml"] = Route(rss(site.base, [("/berita/banjir", "Banjir", "warta-1"),
                                                        ("/hilang", "Hilang", "warta-2")]),
                                        content_type="application/rss+xml")
        site.routes["/atom.xml"] = Route(atom(site.base, "/en/port"), content_type="application/atom+xml")
        # a second feed lists the same story under an id of its own
        site.routes["/mirror.xml"] = Route(rss(site.base, [("/berita/banjir", "Banjir", "mirror-77")]))
        db = tmp_path / "watch.db"
        feeds = [site.url("/rss.xml"), site.url("/broken.xml"), site.url("/atom.xml"), site.url("/mirror.xml")]
        assert main(["watch", *feeds, "--db", str(db), "--once"]) == 1
        err = capsys.readouterr().err
        assert f"{site.url('/broken.xml')}: not an RSS or Atom feed" in err
        assert f"{site.url('/hilang')}: HTTP 404" in err
        assert "fetched 3: 2 new, 0 already stored, 2 failed" in err

        # a new item appears; the stored ones are not fetched again
        site.routes["/rss.xml"] = Route(rss(site.base, [("/ru/metro", "Метро", "warta-3"),
                                                        ("/berita/banjir", "Banjir", "warta-1"),
                                                        ("/hilang", "Hilang", "warta-2")]))
        assert main(["watch", feeds[0], feeds[2], "--db", str(db), "--once"]) == 1
        assert "fetched 2: 1 new, 0 already stored, 1 failed" in capsys.readouterr().err
        assert main(["watch", feeds[0], feeds[2], feeds[3], "--db", str(db), "--once"]) == 1  # the mirror again
        assert main(["watch", feeds[0], feeds[2], "--db", str(db), "--once"]) == 0
        assert "fetched 0: 0 new" in capsys.readouterr().err
        assert site.hits["/berita/banjir"] == 1 and site.hits["/en/port"] == 1 and site.hits["/ru/metro"] == 1
        assert site.hits["/hilang"] == 3  # a failed item is tried again, three times in all
        assert site.hits["/rss.xml"] == 4
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT key, status FROM fetched").fetchall())
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    assert rows == {"warta-1": "added", "warta-2": "failed", "warta-3": "added",
                    "tag:portnews.example,2024:traffic": "added"}
    # the metro page has no date of its own, and its text names none with a year: the feed's date is used
    with sqlite3.connect(db) as conn:
        dates = dict(conn.execute("SELECT url, published || ' ' || published_from FROM articles").fetchall())
    assert dates[site.url("/ru/metro")] == "2024-02-03 feed"
    assert dates[site.url("/berita/banjir")] == "2024-02-03 page"


def test_watch_asks_for_an_unchanged_feed_with_its_etag_and_follows_robots_txt(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    routes = {
        "/berita/banjir": Route(page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi").encode()),
        "/privat/metro": Route(page(MOSCOW, title="Метро", site="Город", lang="ru").encode()),
        "/robots.txt": Route(b"User-agent: *\nDisallow: /privat/\n", content_type="text/plain"),
    }
    with serve(routes) as site:
        site.routes["/rss.xml"] = Route(rss(site.base, [("/berita/banjir", "Banjir", "warta-1"),
                                                        ("/privat/metro", "Metro", "warta-9")]),
                                        content_type="application/rss+xml", etag='"v1"')
        db = tmp_path / "watch.db"
        feed = site.url("/rss.xml")
        assert main(["watch", feed, "--db", str(db), "--once"]) == 0
        err = capsys.readouterr().err
        assert "fetched 1: 1 new" in err and "robots.txt: 1 disallowed, 0 waiting" in err
        assert site.hits["/privat/metro"] == 0 and site.hits["/robots.txt"] == 1

        # the feed has not changed: asked for with its ETag, answered 304, nothing fetched
        assert main(["watch", feed, "--db", str(db), "--once"]) == 0
        assert "polled 1 feeds (1 unchanged) listing 0 items; fetched 0" in capsys.readouterr().err
        assert [sent for path, sent in site.conditional if path == "/rss.xml"] == [None, '"v1"']

        # a new version of the feed is read again; the disallowed item is not asked about again
        site.routes["/rss.xml"] = Route(rss(site.base, [("/privat/metro", "Metro", "warta-9")]),
                                        content_type="application/rss+xml", etag='"v2"')
        assert main(["watch", feed, "--db", str(db), "--once"]) == 0
        assert "listing 1 items; fetched 0" in capsys.readouterr().err
        assert site.hits["/privat/metro"] == 0
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT key, status FROM fetched").fetchall())
        assert conn.execute("SELECT etag FROM feeds").fetchone()[0] == '"v2"'
    assert rows == {"warta-1": "added", "warta-9": "disallowed"}


def test_items_wait_while_their_robots_txt_cannot_be_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    routes = {
        "/berita/banjir": Route(page(BEKASI, title="Banjir rendam 3.000 rumah di Bekasi").encode()),
        "/robots.txt": Route(b"busy", status=503, content_type="text/plain"),
    }
    with serve(routes) as site:
        site.routes["/rss.xml"] = Route(rss(site.base, [("/berita/banjir", "Banjir", "warta-1")]))
        db = tmp_path / "watch.db"
        assert main(["watch", site.url("/rss.xml"), "--db", str(db), "--once"]) == 0
        err = capsys.readouterr().err
        assert f"{site.url('/berita/banjir')}: {site.url('/robots.txt')} could not be read (HTTP 503" in err
        assert site.hits["/berita/banjir"] == 0
        site.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
        assert main(["watch", site.url("/rss.xml"), "--db", str(db), "--once"]) == 0
        assert "fetched 1: 1 new" in capsys.readouterr().err
        assert site.hits["/berita/banjir"] == 1
