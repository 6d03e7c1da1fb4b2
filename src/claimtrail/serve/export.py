"""Exports of a ledger: ClaimReview JSON-LD, CSV, JSON lines, Parquet, Datasette metadata.

- ``claimreview``: one schema.org ``ClaimReview`` per quote with a speaker. The claim
  (``itemReviewed``) has its author, date, the article it appears in and the earliest stored
  article with the same words from the same speaker (``firstAppearance``). No
  ``reviewRating``: a rating is a fact-checker's verdict, and the ledger has none to give;
  Google's fact-check markup needs one before it shows a rich result.
- ``csv``: figures or quotes, one row each, with the article's id, URL, date and language.
- ``jsonl``: one analysis record a line, the same as ``claimtrail show --format json``.
- ``parquet``: figures or quotes as a Parquet table (pyarrow, in the ``web`` extra).
- ``datasette-metadata``: the packaged description of the ledger's tables for
  ``datasette ledger.db --metadata metadata.json``.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from claimtrail.errors import ClaimtrailError
from claimtrail.store import queries

FORMATS = ("claimreview", "csv", "jsonl", "parquet", "datasette-metadata")
WHATS = ("figures", "quotes")


def datasette_metadata(database: str = "ledger") -> dict[str, Any]:
    """The packaged Datasette metadata, its tables filed under the database name
    Datasette gives the file (its stem: ``ledger`` for ``ledger.db``)."""
    raw = json.loads(resources.files("claimtrail.serve").joinpath("datasette_metadata.json").read_text("utf-8"))
    dbs = raw.pop("databases")
    raw["databases"] = {database: next(iter(dbs.values()))}
    return dict(raw)


def claim_review(c: queries.ClaimRow, base_url: str, reviewer: str | None = None) -> dict[str, Any]:
    """One ClaimReview JSON-LD object for a quote; its ``url`` is the quote's place on the
    ledger's article page under ``base_url``."""
    page = f"{base_url}/article/{c.article_id}"
    author: dict[str, Any] = {"@type": "Organization" if c.speaker_label == "ORG" else "Person", "name": c.speaker}
    if c.speaker_role:
        author["jobTitle" if author["@type"] == "Person" else "description"] = c.speaker_role
    appearance: dict[str, Any] = {"@type": "NewsArticle", "url": c.url or page}
    if c.title:
        appearance["headline"] = c.title
    if c.published:
        appearance["datePublished"] = c.published
    if c.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": c.publisher}
    if c.language:
        appearance["inLanguage"] = c.language
    first: dict[str, Any] = {"@type": "NewsArticle",
                             "url": c.first_url or f"{base_url}/article/{c.first_article_id}"}
    if c.first_published:
        first["datePublished"] = c.first_published
    claim: dict[str, Any] = {"@type": "Claim", "author": author, "appearance": appearance,
                             "firstAppearance": first}
    if c.published:
        claim["datePublished"] = c.published
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page}#q{c.ordinal}",
        "claimReviewed": " ".join(c.text.split()),
        "itemReviewed": claim,
    }
    if c.language:
        out["inLanguage"] = c.language
    if reviewer:
        out["author"] = {"@type": "Organization", "name": reviewer}
    return out


def stream(conn: sqlite3.Connection, fmt: str, what: str = "figures", base_url: str = "http://127.0.0.1:8000",
           article_id: int | None = None, reviewer: str | None = None) -> Iterator[str]:
    """The export as text chunks (every format but Parquet)."""
    if fmt == "csv":
        cols, rows = _table(conn, what, article_id)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for i, row in enumerate(rows, 1):
            w.writerow(["" if v is None else v for v in row])
            if i % 1000 == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    elif fmt == "jsonl":
        for rec in queries.records(conn, article_id):
            yield json.dumps(rec, ensure_ascii=False) + "\n"
    elif fmt == "claimreview":
        yield "["
        for i, c in enumerate(queries.claim_rows(conn, article_id)):
            doc = json.dumps(claim_review(c, base_url.rstrip("/"), reviewer), ensure_ascii=False, indent=1)
            yield ("," if i else "") + "\n" + doc
        yield "\n]\n"
    elif fmt == "datasette-metadata":
        yield json.dumps(datasette_metadata(), ensure_ascii=False, indent=2) + "\n"
    else:
        raise ClaimtrailError(f"export: no text format {fmt!r} (one of {', '.join(FORMATS)})")


def _table(conn: sqlite3.Connection, what: str, article_id: int | None) -> tuple[tuple[str, ...],
                                                                                   Iterator[tuple[Any, ...]]]:
    if what == "figures":
        return queries.FIGURE_COLUMNS, queries.figure_rows(conn, article_id)
    if what == "quotes":
        return queries.QUOTE_COLUMNS, queries.quote_rows(conn, article_id)
    raise ClaimtrailError(f"export: --what must be figures or quotes, not {what!r}")


def _arrow_schema(what: str) -> Any:
    import pyarrow as pa

    ints = {"article_id", "start", "end"}
    floats = {"value", "low", "high"}
    cols = queries.FIGURE_COLUMNS if what == "figures" else queries.QUOTE_COLUMNS
    return pa.schema([(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in cols])


def write_parquet(conn: sqlite3.Connection, what: str, out: Any, batch: int = 20_000) -> int:
    """Figures or quotes as a Parquet file at ``out`` (a path or a binary file); the row count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ClaimtrailError("export: Parquet needs pyarrow: pip install 'claimtrail[web]'") from None
    cols, rows = _table(conn, what, None)
    schema = _arrow_schema(what)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[tuple[Any, ...]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_arrays(list(map(list, zip(*chunk, strict=True))), schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            arrays = list(map(list, zip(*chunk, strict=True))) if chunk else [[] for _ in cols]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(chunk)
    return n


def parquet_bytes(conn: sqlite3.Connection, what: str) -> bytes:
    buf = io.BytesIO()
    write_parquet(conn, what, buf)
    return buf.getvalue()


def write(db: str | Path, fmt: str, what: str, out: str | Path, base_url: str = "http://127.0.0.1:8000",
          reviewer: str | None = None) -> None:
    """Write one export of the ledger at ``db`` to ``out`` (``-`` for standard output)."""
    if fmt not in FORMATS:
        raise ClaimtrailError(f"export: unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if what not in WHATS:
        raise ClaimtrailError(f"export: --what must be figures or quotes, not {what!r}")
    conn = queries.open_readonly(db)
    try:
        if fmt == "datasette-metadata":
            text = json.dumps(datasette_metadata(Path(db).stem), ensure_ascii=False, indent=2) + "\n"
            _write_text(out, iter([text]))
        elif fmt == "parquet":
            if str(out) == "-":
                raise ClaimtrailError("export: Parquet is binary; give --out FILE")
            path = writable(out)
            tmp = path.with_name(path.name + ".part")
            try:
                write_parquet(conn, what, str(tmp))
                tmp.replace(path)
            except OSError as e:
                raise ClaimtrailError(f"{out}: cannot write ({e.strerror or e})") from None
            finally:
                tmp.unlink(missing_ok=True)
        else:
            _write_text(out, stream(conn, fmt, what, base_url=base_url, reviewer=reviewer))
    finally:
        conn.close()


def _write_text(out: str | Path, chunks: Iterator[str]) -> None:
    import sys

    if str(out) == "-":
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    path = writable(out)
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
        tmp.replace(path)
    except OSError as e:
        raise ClaimtrailError(f"{out}: cannot write ({e.strerror or e})") from None
    finally:
        tmp.unlink(missing_ok=True)


def writable(out: str | Path) -> Path:
    """``out`` as a file path that can be written: its folder exists and it is no folder itself."""
    path = Path(out)
    if path.is_dir():
        raise ClaimtrailError(f"{out}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise ClaimtrailError(f"{out}: the folder {path.parent} does not exist")
    return path
