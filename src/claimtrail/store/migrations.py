"""Schema changes as numbered, recorded migrations.

Each migration runs once, in order, in its own transaction, and is recorded in
``migrations``; opening a database applies the ones it has not had yet.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

MIGRATIONS: list[tuple[str, str]] = [
    (
        "articles and their ledgers",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            origin TEXT,
            url TEXT,
            title TEXT,
            published TEXT,
            published_from TEXT,
            language TEXT,
            language_note TEXT,
            encoding TEXT,
            text TEXT NOT NULL,
            analysed_at TEXT NOT NULL,
            record TEXT NOT NULL
        );
        CREATE INDEX articles_doc_id ON articles(doc_id);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE boilerplate (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL
        );
        CREATE TABLE outlets (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT,
            owner TEXT,
            state_affiliated INTEGER,
            state_reference TEXT
        );
        CREATE TABLE sources (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            outlet TEXT NOT NULL,
            outlet_key TEXT REFERENCES outlets(key),
            relation TEXT NOT NULL,
            cue TEXT
        );
        CREATE INDEX sources_outlet ON sources(outlet_key);
        CREATE TABLE entities (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            label TEXT NOT NULL, name TEXT NOT NULL
        );
        CREATE TABLE quotes (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_role TEXT,
            stance TEXT NOT NULL,
            cue TEXT
        );
        CREATE INDEX quotes_speaker ON quotes(speaker);
        CREATE TABLE figures (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL, low REAL, high REAL,
            qualifier TEXT NOT NULL,
            unit TEXT NOT NULL,
            concept TEXT,
            counted TEXT,
            attributed_to TEXT
        );
        CREATE INDEX figures_concept ON figures(concept);
        CREATE TABLE dates (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            note TEXT
        );
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL,
            problem TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        """,
    ),
    (
        "why an inferred publication date has its year",
        """
        ALTER TABLE articles ADD COLUMN published_note TEXT;
        """,
    ),
    (
        "feed items fetched by claimtrail watch",
        """
        CREATE TABLE fetched (
            key TEXT PRIMARY KEY,
            feed TEXT NOT NULL,
            link TEXT NOT NULL,
            status TEXT NOT NULL,
            problem TEXT,
            attempts INTEGER NOT NULL DEFAULT 1,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX fetched_link ON fetched(link);
        """,
    ),
    (
        "an article's items found by article id (pages, search results, exports); articles by language",
        """
        CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
        CREATE INDEX IF NOT EXISTS figures_article ON figures(article_id);
        CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
        CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id);
        CREATE INDEX IF NOT EXISTS dates_article ON dates(article_id);
        CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
        """,
    ),
    (
        "cross-article links: LSH index, fingerprints, stories, figure groups",
        """
        CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE minhash (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            shingles INTEGER NOT NULL,
            sig BLOB
        );
        CREATE TABLE lsh_bands (
            band INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE fingerprints (
            item TEXT NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (item, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX fingerprints_article ON fingerprints(article_id);
        CREATE TABLE fingerprint_counts (item TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE story_links (
            a INTEGER NOT NULL, b INTEGER NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE INDEX story_links_b ON story_links(b);
        CREATE TABLE story_members (article_id INTEGER PRIMARY KEY, story INTEGER NOT NULL);
        CREATE INDEX story_members_story ON story_members(story);
        CREATE TABLE figure_groups (
            id INTEGER PRIMARY KEY,
            concept TEXT NOT NULL, unit TEXT NOT NULL, event TEXT, place TEXT NOT NULL,
            anchor TEXT NOT NULL,
            first_day TEXT, last_day TEXT,
            figures INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
            consistent INTEGER, low REAL, high REAL, spread REAL, relative_spread REAL
        );
        CREATE INDEX figure_groups_key ON figure_groups(concept, unit, place, anchor);
        CREATE TABLE figure_keys (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL, low REAL, high REAL, qualifier TEXT NOT NULL, unit TEXT NOT NULL,
            concept TEXT NOT NULL, event TEXT, place TEXT, place_from TEXT, day TEXT, day_from TEXT,
            claimant TEXT, outlet TEXT,
            group_id INTEGER REFERENCES figure_groups(id)
        );
        CREATE INDEX figure_keys_group ON figure_keys(group_id);
        CREATE INDEX figure_keys_article ON figure_keys(article_id);
        """,
    ),
    (
        "a figure inside a denial is marked as denied in its figure group",
        """
        ALTER TABLE figure_keys ADD COLUMN stance TEXT NOT NULL DEFAULT 'assert';
        """,
    ),
    (
        "each watched feed's validators, so that a poll asks only for a changed feed",
        """
        CREATE TABLE feeds (
            feed TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            polled_at TEXT NOT NULL
        );
        """,
    ),
]


def applied(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; returns the names of those applied now."""
    done = applied(conn)
    ran = []
    for version, (name, sql) in enumerate(MIGRATIONS, 1):
        if version <= done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-check under the write lock: another process may have migrated meanwhile
            if applied(conn) >= version:
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
