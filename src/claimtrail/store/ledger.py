"""The ledger: one SQLite file, WAL mode, one transaction per article.

Articles are keyed by a hash of their normalised text, so storing the same article twice
adds nothing. Every extracted item is a row with its span and its text, in tables that
any SQLite tool opens; ``articles_fts`` indexes titles and texts for full-text search.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from claimtrail.errors import StoreError
from claimtrail.link.keys import LinkKeys
from claimtrail.model import Analysis, analysis_from_record, analysis_record
from claimtrail.outlets import load_outlets
from claimtrail.store import corpus
from claimtrail.store.migrations import migrate
from claimtrail.store.queries import open_readonly


def text_hash(text: str) -> str:
    """SHA-256 of the text after Unicode NFKC, case folding and collapsing whitespace."""
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Ledger:
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            self.conn = open_readonly(self.path)  # the web app's and every reader's way in
            return
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB: the LSH band index is written at random
            migrate(self.conn)
            corpus.ensure_index(self.conn, str(self.path))
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable ledger database ({e})") from None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ---------------------------------------------------------------- writing

    def has(self, text: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE hash = ?", (text_hash(text),)).fetchone()
        return row is not None

    def add(self, a: Analysis, record: dict[str, Any] | None = None,
            keys: LinkKeys | None = None) -> tuple[int, bool]:
        """Store one analysis in one transaction; ``(row id, whether it was new)``.

        ``record`` is the analysis record to keep when the caller has it already (an analysis
        rebuilt from a stored record has lost what the record only counts, e.g. sentences);
        ``keys`` its cross-article keys when a worker computed them."""
        text = a.article.text
        h = text_hash(text)
        c = self.conn
        row = c.execute("SELECT id FROM articles WHERE hash = ?", (h,)).fetchone()
        if row is not None:
            return int(row[0]), False
        rec = record if record is not None else analysis_record(a)
        c.execute("BEGIN IMMEDIATE")
        try:
            cur = c.execute(
                """INSERT INTO articles(doc_id, hash, origin, url, title, published, published_from, published_note,
                   language, language_note, encoding, text, analysed_at, record)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (a.article.id, h, a.article.origin, a.article.url, a.article.title, a.published, a.published_from,
                 a.published_note, a.language, a.language_note, a.article.encoding, text, _now(),
                 json.dumps(rec, ensure_ascii=False)),
            )
            aid = int(cur.lastrowid or 0)
            self._items(aid, a)
            corpus.update(c, aid, a, keys)  # copies, translations and figure groups across articles
            c.execute("COMMIT")
        except BaseException:
            # an interrupt may land after COMMIT went through: then there is nothing to undo
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise
        return aid, True

    def _items(self, aid: int, a: Analysis) -> None:
        c, text = self.conn, a.article.text
        c.executemany(
            'INSERT INTO boilerplate(article_id, start, "end", kind, text) VALUES (?,?,?,?,?)',
            [(aid, b.span.start, b.span.end, b.kind, b.span.of(text)) for b in a.boilerplate],
        )
        outlets = load_outlets()
        for key in {s.outlet_key for s in a.sources if s.outlet_key}:
            o = outlets.record(key)
            c.execute(
                """INSERT INTO outlets(key, name, country, owner, state_affiliated, state_reference)
                   VALUES (?,?,?,?,?,?) ON CONFLICT(key) DO UPDATE SET name=excluded.name,
                   country=excluded.country, owner=excluded.owner,
                   state_affiliated=excluded.state_affiliated, state_reference=excluded.state_reference""",
                (o.key, o.name, o.country, o.owner, o.state_affiliated, o.state_reference),
            )
        c.executemany(
            'INSERT INTO sources(article_id, start, "end", outlet, outlet_key, relation, cue) VALUES (?,?,?,?,?,?,?)',
            [(aid, s.span.start, s.span.end, s.outlet, s.outlet_key, s.relation, s.cue) for s in a.sources],
        )
        c.executemany(
            'INSERT INTO entities(article_id, start, "end", label, name) VALUES (?,?,?,?,?)',
            [(aid, e.span.start, e.span.end, e.label, e.name) for e in a.entities],
        )
        c.executemany(
            """INSERT INTO quotes(article_id, start, "end", kind, text, speaker, speaker_role, stance, cue)
               VALUES (?,?,?,?,?,?,?,?,?)""",
            [(aid, q.span.start, q.span.end, q.kind, q.span.of(text), q.speaker.name if q.speaker else None,
              q.speaker.role if q.speaker else None, q.stance, q.cue) for q in a.quotes],
        )
        c.executemany(
            """INSERT INTO figures(article_id, start, "end", text, value, low, high, qualifier, unit, concept,
               counted, attributed_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
            [(aid, f.span.start, f.span.end, f.span.of(text),
              corpus.real(f.value), corpus.real(f.low), corpus.real(f.high),
              f.qualifier, f.unit, f.concept, f.counted, f.attributed_to) for f in a.figures],
        )
        c.executemany(
            'INSERT INTO dates(article_id, start, "end", text, value, note) VALUES (?,?,?,?,?,?)',
            [(aid, d.span.start, d.span.end, d.span.of(text), d.value, d.note) for d in a.dates],
        )

    def record_failure(self, origin: str, problem: str) -> None:
        self.conn.execute("INSERT INTO failures(origin, problem, at) VALUES (?,?,?)", (origin, problem, _now()))

    # ---------------------------------------------------------------- reading

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def find(self, ref: str) -> list[int]:
        """Row ids for a reference: a row id, a document id, or a prefix of a text hash."""
        rows: list[Any] = []
        if ref.isdigit() and len(ref) < 19:  # a row id fits SQLite's 64-bit integers
            rows = self.conn.execute("SELECT id FROM articles WHERE id = ?", (int(ref),)).fetchall()
        if not rows:
            rows = self.conn.execute("SELECT id FROM articles WHERE doc_id = ?", (ref,)).fetchall()
        if not rows and re.fullmatch(r"[0-9a-f]{6,64}", ref):
            rows = self.conn.execute("SELECT id FROM articles WHERE hash LIKE ?", (ref + "%",)).fetchall()
        return [int(r[0]) for r in rows]

    def load(self, row_id: int) -> Analysis:
        row = self.conn.execute("SELECT text, record FROM articles WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no article with row id {row_id}")
        return analysis_from_record(json.loads(row["record"]), row["text"])

    def record(self, row_id: int) -> dict[str, Any]:
        """The stored analysis record as stored (its sentences' count included, which a
        rebuilt :class:`Analysis` no longer has)."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no article with row id {row_id}")
        rec: dict[str, Any] = json.loads(row["record"])
        return rec

    def ids(self) -> list[int]:
        return [int(r[0]) for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]
