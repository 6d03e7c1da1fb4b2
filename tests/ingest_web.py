"""Helpers for the ingest tests: news pages written for the project, WARC archives of
them, and a real HTTP server on 127.0.0.1 in a thread that serves them."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from claimtrail.ingest.warc import request_record, response_record

BEKASI = [
    "Bekasi - Banjir merendam sedikitnya 3.000 rumah di lima kecamatan di Kota Bekasi, Sabtu (3/2/2024), "
    "setelah hujan deras mengguyur sejak Jumat malam.",
    "\"Air mulai naik sekitar pukul 02.00 dan sekarang setinggi 1,5 meter,\" kata Kepala BPBD Kota Bekasi "
    "Agus Suryadi kepada wartawan.",
    "Baca juga: Hujan Deras, Jalan Tol Cikampek Tergenang",
    "Menurut Agus, sebanyak 1.200 warga telah dievakuasi ke 14 posko pengungsian yang disiapkan pemerintah kota.",
]

PORT = [
    "SURABAYA - Container traffic at Tanjung Perak port rose 8 percent in January to 312,000 units, "
    "the port operator said on Monday.",
    "\"We expect more than 3.5 million units this year,\" operations director Budi Santoso told Reuters.",
    "Read more: Shipping rates ease as Red Sea detours continue",
    "According to the Associated Press, two new berths will open in March.",
]

MOSCOW = [
    "МОСКВА, 5 марта. Число пассажиров московского метро в феврале выросло на 4% и превысило 210 млн человек, "
    "сообщили в пресс-службе метрополитена.",
    "«Мы открыли три новые станции и продлили две линии», — заявил начальник метрополитена Виктор Орлов.",
]


def page(paragraphs: list[str], *, title: str, site: str | None = "Warta Contoh", author: str | None = "Rina Puspita",
         published: str | None = "2024-02-03T08:15:00+07:00", canonical: str | None = None,
         charset: str | None = "utf-8", lang: str = "id", extra_meta: str = "") -> str:
    """A realistic news page: head with meta tags, navigation, the article, related links, footer."""
    meta = [f'<meta charset="{charset}">' if charset else ""]
    if site:
        meta.append(f'<meta property="og:site_name" content="{escape(site)}">')
    meta.append(f'<meta property="og:title" content="{escape(title)}">')
    if author:
        meta.append(f'<meta name="author" content="{escape(author)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="{lang}"><head>{"".join(meta)}{extra_meta}
<title>{escape(title)} - {escape(site or "")}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<header><a class="logo" href="/">{escape(site or "")}</a>
<nav><ul><li><a href="/nasional">Nasional</a></li><li><a href="/ekonomi">Ekonomi</a></li>
<li><a href="/olahraga">Olahraga</a></li><li><a href="/indeks">Indeks</a></li></ul></nav></header>
<main><article>
<h1>{escape(title)}</h1>
<div class="byline">{escape(author or "")}</div>
{body}
</article>
<aside class="related"><h3>Berita Terkait</h3><ul>
<li><a href="/r/1">Harga cabai rawit naik jelang Ramadan</a></li>
<li><a href="/r/2">Kereta cepat angkut 20 ribu penumpang sehari</a></li></ul></aside></main>
<footer><p>Tentang Kami | Pedoman Media Siber | Kontak</p><p>Hak cipta 2024 {escape(site or "")}.</p></footer>
</body></html>
"""


def warc_of(pages: list[tuple[str, bytes]], *, gz: bool = True, extra: list[bytes] | None = None) -> bytes:
    """A CC-NEWS-like archive: a request and a response record per page, gzip per record."""
    recs: list[bytes] = []
    for url, html in pages:
        recs += [request_record(url), response_record(url, html)]
    recs += extra or []
    return b"".join(gzip.compress(r) for r in recs) if gz else b"".join(recs)


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    location: str | None = None
    #: a validator: a request sending it back (If-None-Match) gets 304 Not Modified
    etag: str | None = None


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)
    #: (path, If-None-Match sent) of every request
    conditional: list[tuple[str, str | None]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


class _NoSignalWriter:
    """Writes with MSG_NOSIGNAL: a client that hung up (a timeout, a size cap) gives the
    handler an error, not a SIGPIPE (which the CLI's main() leaves at its default action)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def write(self, data: bytes) -> int:
        self.sock.sendall(data, socket.MSG_NOSIGNAL)
        return len(data)

    def flush(self) -> None:
        pass


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def setup(self) -> None:
            super().setup()
            self.wfile = _NoSignalWriter(self.connection)  # type: ignore[assignment]

        def do_GET(self) -> None:
            site.hits[self.path] += 1
            site.agents.append(self.headers.get("User-Agent", ""))
            site.conditional.append((self.path, self.headers.get("If-None-Match")))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                if route.location:
                    self.send_header("Location", route.location)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Site]:
    """A real HTTP server on 127.0.0.1 (a free port) serving ``routes`` while the block runs."""
    site = Site(dict(routes))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


