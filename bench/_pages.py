"""Web pages and WARC archives made from corpus articles, for the HTML and WARC benchmarks.

Each article's text is wrapped in a page shaped like a news site's: a head with the usual
meta tags (Open Graph, article times, canonical link, JSON-LD, scripts and styles), a
navigation bar, the article with headline, byline and paragraphs, an inline "read also"
box, a related-links rail, a comments block and a footer. The furniture is the same on
every page, as it is on one site.
"""

from __future__ import annotations

import gzip
import json
import re
from html import escape
from pathlib import Path

from claimtrail.ingest.warc import request_record, response_record

SECTIONS = ["Nasional", "Internasional", "Ekonomi", "Bisnis", "Olahraga", "Teknologi", "Hiburan", "Otomotif",
            "Gaya Hidup", "Kesehatan", "Sains", "Travel", "Opini", "Foto", "Video", "Indeks"]
RELATED = ["Harga cabai rawit naik menjelang Ramadan", "Kereta cepat angkut 20 ribu penumpang sehari",
           "Pemerintah siapkan 1,5 juta ton beras untuk operasi pasar", "Banjir rob rendam pesisir utara Jakarta",
           "Timnas U-23 lolos ke semifinal", "Nilai tukar rupiah menguat tipis pada sesi pagi"]


def _paragraphs(text: str) -> list[str]:
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paras) == 1 and len(paras[0]) > 600:
        # one-line corpus texts (FA-KES): paragraphs of three sentences, as a site would print them
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paras[0])
        paras = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return paras


def news_page(text: str, *, title: str, url: str, site: str = "Warta Contoh", published: str = "2024-02-03",
              author: str = "Redaksi") -> str:
    paras = _paragraphs(text)
    body = [f"<p>{escape(p)}</p>" for p in paras]
    if len(body) > 3:
        body.insert(2, f'<div class="baca-juga"><strong>Baca juga:</strong> <a href="/r/0">{RELATED[0]}</a></div>')
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{published}T08:00:00+07:00", "author": {"@type": "Person", "name": author},
                     "publisher": {"@type": "Organization", "name": site}})
    nav = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}">{s}</a></li>' for s in SECTIONS)
    related = "".join(f'<li><a href="/r/{i}"><img src="/img/{i}.jpg" alt=""> {escape(t)}</a></li>'
                      for i, t in enumerate(RELATED))
    return f"""<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} | {escape(site)}</title>
<meta name="description" content="{escape(paras[0][:150] if paras else title)}">
<meta property="og:type" content="article"><meta property="og:site_name" content="{escape(site)}">
<meta property="og:title" content="{escape(title)}"><meta property="og:url" content="{escape(url)}">
<meta property="og:image" content="https://static.example/img/cover.jpg">
<meta property="article:published_time" content="{published}T08:00:00+07:00">
<meta property="article:section" content="Nasional"><meta name="author" content="{escape(author)}">
<link rel="canonical" href="{escape(url)}"><link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{ld}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}</script>
<style>.nav li{{display:inline-block;margin:0 8px}}.baca-juga{{border-left:3px solid #c00;padding:4px}}</style>
</head><body>
<div class="topbar"><a href="/login">Masuk</a> | <a href="/daftar">Daftar</a> | <a href="/langganan">Langganan</a></div>
<header><a class="logo" href="/"><img src="/static/logo.svg" alt="{escape(site)}"></a>
<nav class="nav"><ul>{nav}</ul></nav><form action="/cari"><input name="q" placeholder="Cari berita"></form></header>
<div class="ad ad-leaderboard"><script>/* iklan */</script></div>
<main><div class="breadcrumb"><a href="/">Beranda</a> &rsaquo; <a href="/nasional">Nasional</a></div>
<article class="detail">
<h1>{escape(title)}</h1>
<div class="byline"><span class="author">{escape(author)}</span> <time datetime="{published}">{published}</time></div>
<figure><img src="https://static.example/img/cover.jpg" alt=""><figcaption>Ilustrasi. (Foto: Dok.)</figcaption></figure>
{chr(10).join(body)}
<div class="tags">Tag: <a href="/tag/nasional">nasional</a> <a href="/tag/berita">berita</a></div>
<div class="share">Bagikan: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
</article>
<aside class="related"><h3>Berita Terkait</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Komentar</h3><p>Belum ada komentar. Jadilah yang pertama.</p></section></main>
<footer><ul><li><a href="/tentang">Tentang Kami</a></li><li><a href="/redaksi">Redaksi</a></li>
<li><a href="/pedoman">Pedoman Media Siber</a></li><li><a href="/kontak">Kontak</a></li></ul>
<p>&copy; 2024 {escape(site)}. Hak cipta dilindungi undang-undang.</p></footer>
<script src="/static/app.js" async></script>
</body></html>
"""


def corpus_pages(recs: list[dict[str, str]]) -> list[tuple[str, bytes]]:
    """(URL, page bytes) for each record."""
    out = []
    for n, r in enumerate(recs):
        url = f"https://wartacontoh.example/berita/{n}"
        title = r.get("title") or " ".join(r["text"].split()[:8])
        out.append((url, news_page(r["text"], title=title, url=url).encode("utf-8")))
    return out


def write_warc(pages: list[tuple[str, bytes]], path: Path) -> int:
    """A CC-NEWS-like archive (request + response per page, one gzip member a record); its size."""
    with path.open("wb") as f:
        for url, html in pages:
            f.write(gzip.compress(request_record(url), compresslevel=6))
            f.write(gzip.compress(response_record(url, html), compresslevel=6))
    return path.stat().st_size
