"""Cross-article tables: copies and translations of one story, and figure groups.

Kept up to date inside ``Ledger.add``'s transaction, one article at a time, so a fresh
process queries what earlier ones stored:

- ``minhash`` (one signature per article) and ``lsh_bands`` (its band keys): the LSH index
  a new article is checked against for near-duplicates;
- ``fingerprints`` and ``fingerprint_counts``: language-free items (figures, dates, outlets, places, names) for
  translated copies;
- ``story_links`` (pairs, how they were linked and on what evidence) and
  ``story_members`` (each linked article's story, named by its lowest row id);
- ``figure_groups`` and ``figure_keys``: every figure with its key and group, and each
  group's agreement.

An index that does not match the stored articles (built with other parameters, rows
missing, a signature of the wrong size, unreadable) is rebuilt from them, with a warning.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from claimtrail.link.figure_groups import WINDOW_DAYS, FigureKey, agreement
from claimtrail.link.fingerprint import MAX_ARTICLES_PER_ITEM, compare, kind
from claimtrail.link.keys import LinkKeys, copy_keys, link_keys
from claimtrail.link.minhash import BANDS, PARAMS, SIG_BYTES, band_keys, jaccard
from claimtrail.link.places import load_places
from claimtrail.link.republish import Member, judge, origin
from claimtrail.link.shingles import own_text
from claimtrail.model import Analysis, Span

log = logging.getLogger("claimtrail.store")

# ---------------------------------------------------------------- on ingest


def update(conn: sqlite3.Connection, aid: int, a: Analysis, keys: LinkKeys | None = None) -> None:
    """Add one stored article to the cross-article tables (inside the caller's transaction);
    ``keys`` when the caller computed them already (a worker of the local pool)."""
    keys = keys if keys is not None else link_keys(a)
    try:
        _index_copy(conn, aid, keys.shingle_count, keys.signature)
    except sqlite3.OperationalError:
        raise  # a full disk or a lock is no damage to the index: the caller's transaction fails whole
    except (CorruptIndex, sqlite3.DatabaseError) as e:
        # the article's row is already in: the rebuild indexes it with the others
        log.warning("the near-duplicate index is damaged (%s); rebuilding it from the stored articles", e)
        if isinstance(e, sqlite3.DatabaseError):
            reset_index(conn)
        rebuild_index(conn)
    _index_fingerprint(conn, aid, a, keys.items)
    _index_figures(conn, aid, list(keys.figures))


class CorruptIndex(Exception):
    pass


def _index_copy(conn: sqlite3.Connection, aid: int, n_shingles: int, sig: bytes | None) -> None:
    conn.execute("INSERT OR REPLACE INTO minhash(article_id, shingles, sig) VALUES (?,?,?)", (aid, n_shingles, sig))
    if sig is None:
        return
    keys = band_keys(sig)
    marks = ",".join("?" * len(keys))
    cands = [int(r[0]) for r in conn.execute(
        f"SELECT DISTINCT article_id FROM lsh_bands WHERE band IN ({marks}) AND article_id != ?", (*keys, aid))]
    for cid in cands:
        row = conn.execute("SELECT shingles, sig FROM minhash WHERE article_id = ?", (cid,)).fetchone()
        if row is None or row[1] is None or len(row[1]) != SIG_BYTES:
            raise CorruptIndex(f"article {cid} is in the LSH bands without a usable signature")
        v = judge(jaccard(sig, row[1]), n_shingles, int(row[0]))
        if v.copy:
            _link(conn, aid, cid, "copy", v.jaccard,
                  {"jaccard": round(v.jaccard, 3), "containment": round(v.containment, 3)})
    conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, article_id) VALUES (?,?)", [(k, aid) for k in keys])


def _index_fingerprint(conn: sqlite3.Connection, aid: int, a: Analysis, fp: frozenset[str]) -> None:
    if not fp:
        return
    conn.executemany("INSERT OR IGNORE INTO fingerprints(item, article_id) VALUES (?,?)", [(i, aid) for i in fp])
    conn.executemany(
        """INSERT INTO fingerprint_counts(item, articles) VALUES (?, 1)
           ON CONFLICT(item) DO UPDATE SET articles = articles + 1""", [(i,) for i in fp])
    # items held by many articles are no evidence, and would make every lookup scan them
    marks = ",".join("?" * len(fp))
    common = frozenset(str(r[0]) for r in conn.execute(
        f"SELECT item FROM fingerprint_counts WHERE item IN ({marks}) AND articles > ?",
        (*fp, MAX_ARTICLES_PER_ITEM)))
    figs = [i for i in fp if kind(i) == "fig" and i not in common]
    if len(figs) < 2:
        return
    marks = ",".join("?" * len(figs))
    cands = conn.execute(
        f"""SELECT f.article_id FROM fingerprints f JOIN articles x ON x.id = f.article_id
            WHERE f.item IN ({marks}) AND f.article_id != ? AND x.language IS NOT ?
            GROUP BY f.article_id HAVING COUNT(*) >= 2""",
        (*figs, aid, a.language),
    ).fetchall()
    for (cid,) in cands:
        other = {r[0] for r in conn.execute("SELECT item FROM fingerprints WHERE article_id = ?", (cid,))}
        link = compare(fp, other, common)
        if link.linked:
            _link(conn, aid, int(cid), "translation", link.score, {"shared": list(link.shared)})


def _link(conn: sqlite3.Connection, x: int, y: int, how: str, score: float, evidence: dict[str, Any]) -> None:
    a, b = min(x, y), max(x, y)
    conn.execute(
        "INSERT OR IGNORE INTO story_links(a, b, kind, score, evidence) VALUES (?,?,?,?,?)",
        (a, b, how, score, json.dumps(evidence, ensure_ascii=False)),
    )
    stories = {a, b}
    for m in (a, b):
        row = conn.execute("SELECT story FROM story_members WHERE article_id = ?", (m,)).fetchone()
        if row is not None:
            stories.add(int(row[0]))
    story = min(stories)
    marks = ",".join("?" * len(stories))
    conn.execute(f"UPDATE story_members SET story = ? WHERE story IN ({marks})", (story, *stories))
    conn.executemany("INSERT OR REPLACE INTO story_members(article_id, story) VALUES (?,?)", [(a, story), (b, story)])


def _index_figures(conn: sqlite3.Connection, aid: int, keys: list[FigureKey]) -> None:
    touched: set[int] = set()
    for k in keys:
        gid = _group_for(conn, k) if k.groupable else None
        if gid is not None:
            touched.add(gid)
        conn.execute(
            """INSERT INTO figure_keys(article_id, start, "end", text, value, low, high, qualifier, unit, concept,
               event, place, place_from, day, day_from, claimant, outlet, group_id, stance)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (aid, k.start, k.end, k.text, real(k.value), real(k.low), real(k.high), k.qualifier, k.unit,
             k.concept, k.event, k.place, k.place_from, k.day, k.day_from, k.claimant, k.outlet, gid, k.stance),
        )
    for gid in touched:
        _refresh_group(conn, gid)


def _group_for(conn: sqlite3.Connection, k: FigureKey) -> int:
    assert k.day is not None and k.place is not None
    rows = conn.execute(
        f"""SELECT id, anchor FROM figure_groups WHERE concept = ? AND unit = ? AND place = ? AND event IS ?
            AND anchor BETWEEN date(?, '-{WINDOW_DAYS} days') AND date(?, '+{WINDOW_DAYS} days')""",
        (k.concept, k.unit, k.place, k.event, k.day, k.day),
    ).fetchall()
    if rows:
        from datetime import date

        d = date.fromisoformat(k.day)
        best = min(rows, key=lambda r: (abs((date.fromisoformat(r[1]) - d).days), r[0]))
        return int(best[0])
    cur = conn.execute(
        "INSERT INTO figure_groups(concept, unit, event, place, anchor) VALUES (?,?,?,?,?)",
        (k.concept, k.unit, k.event, k.place, k.day),
    )
    return int(cur.lastrowid or 0)


def _refresh_group(conn: sqlite3.Connection, gid: int) -> None:
    rows = conn.execute(
        "SELECT value, low, high, qualifier, unit, day, article_id, stance FROM figure_keys WHERE group_id = ?",
        (gid,),
    ).fetchall()
    # a denied figure is shown in the group but claims nothing
    ag = agreement((r[0], r[1], r[2], r[3], r[4]) for r in rows if r[7] != "deny")
    days = [r[5] for r in rows if r[5]]
    conn.execute(
        """UPDATE figure_groups SET first_day = ?, last_day = ?, figures = ?, articles = ?, consistent = ?,
           low = ?, high = ?, spread = ?, relative_spread = ? WHERE id = ?""",
        (min(days, default=None), max(days, default=None), len(rows), len({r[6] for r in rows}),
         int(ag.consistent), ag.low, ag.high, ag.spread, round(ag.relative_spread, 4), gid),
    )


def real(x: float | None) -> float | None:
    """A number SQLite can store as REAL; None for one too large for a float (its text is kept)."""
    if x is None:
        return None
    try:
        return float(x)
    except OverflowError:
        return None


# ---------------------------------------------------------------- the index's health


def index_problem(conn: sqlite3.Connection) -> str | None:
    """What is wrong with the LSH index, or None when it matches the stored articles."""
    try:
        row = conn.execute("SELECT value FROM corpus_meta WHERE key = 'params'").fetchone()
        n_articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        if row is None or row[0] != PARAMS:
            return "built with other parameters" if row is not None else "not built yet"
        n_sigs = conn.execute("SELECT COUNT(*) FROM minhash").fetchone()[0]
        if n_sigs != n_articles:
            return f"{n_articles} articles but {n_sigs} signatures"
        bad = conn.execute(
            "SELECT COUNT(*) FROM minhash WHERE sig IS NOT NULL AND length(sig) != ?", (SIG_BYTES,)).fetchone()[0]
        if bad:
            return f"{bad} signatures of the wrong size"
        n_with = conn.execute("SELECT COUNT(*) FROM minhash WHERE sig IS NOT NULL").fetchone()[0]
        n_bands = conn.execute("SELECT COUNT(*) FROM lsh_bands").fetchone()[0]
        if n_bands != n_with * BANDS:
            return f"{n_bands} band keys where {n_with} signatures need {n_with * BANDS}"
    except sqlite3.DatabaseError as e:
        return f"unreadable ({e})"
    return None


def ensure_index(conn: sqlite3.Connection, where: str) -> bool:
    """Bring the cross-article tables in line with the stored articles; True when work was
    done. A ledger stored before these tables existed has every article linked now (each
    re-analysed from its stored text, since the stored record keeps no sentences); an index
    that does not match is rebuilt."""
    problem = index_problem(conn)
    if problem is None:
        return False
    n_articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.execute("BEGIN IMMEDIATE")
    try:
        if problem == "not built yet" and n_articles:
            log.warning("%s: linking the %d articles stored before cross-article links", where, n_articles)
            backfill(conn)
        elif n_articles:
            log.warning("%s: the near-duplicate index is %s; rebuilding it from the stored articles", where, problem)
            if problem.startswith("unreadable"):
                reset_index(conn)
            rebuild_index(conn)
        conn.execute("INSERT OR REPLACE INTO corpus_meta(key, value) VALUES ('params', ?)", (PARAMS,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return bool(n_articles)


def backfill(conn: sqlite3.Connection) -> int:
    """Add every stored article to the cross-article tables, in storage order (inside the
    caller's transaction). Each is analysed again from its stored text and input metadata;
    one that no longer analyses is indexed for copies from its whole text and joins no
    figure group, with a warning."""
    from claimtrail.analyzer import analyse
    from claimtrail.errors import ClaimtrailError
    from claimtrail.model import Article

    n = 0
    rows = conn.execute(
        """SELECT id, doc_id, text, url, title, published, published_from, language, language_note, origin
           FROM articles ORDER BY id""").fetchall()
    for aid, doc, text, url, title, published, published_from, language, language_note, origin_ in rows:
        article = Article(
            id=doc, text=text, url=url, title=title, origin=origin_,
            # a date the input or the page gave is input again; one the analysis inferred is not
            published=published if published_from in ("input", "page", "feed") else None,
            language=language if language_note == "given in the input" else None,
        )
        try:
            update(conn, int(aid), analyse(article))
        except ClaimtrailError as e:
            log.warning("article %s (%s): %s; indexed for copies only", aid, doc, e)
            _index_copy(conn, int(aid), *copy_keys(text))
        n += 1
    return n


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Recompute every signature, band key and copy link from the stored texts (inside the
    caller's transaction); translation links are kept. Returns the articles indexed."""
    for table in ("minhash", "lsh_bands", "story_members"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM story_links WHERE kind = 'copy'")
    kept = conn.execute("SELECT a, b, kind, score, evidence FROM story_links").fetchall()
    conn.execute("DELETE FROM story_links")
    for a, b, how, score, evidence in kept:
        _link(conn, int(a), int(b), str(how), float(score), json.loads(evidence))
    n = 0
    for aid, text, record in conn.execute("SELECT id, text, record FROM articles ORDER BY id").fetchall():
        body = [Span(int(s[0]), int(s[1])) for s in json.loads(record).get("body", [])]
        _index_copy(conn, int(aid), *copy_keys(own_text(text, body)))
        n += 1
    conn.execute("INSERT OR REPLACE INTO corpus_meta(key, value) VALUES ('params', ?)", (PARAMS,))
    return n


def reset_index(conn: sqlite3.Connection) -> None:
    """Drop and recreate the LSH tables (when they cannot even be read)."""
    conn.execute("DROP TABLE IF EXISTS lsh_bands")
    conn.execute("DROP TABLE IF EXISTS minhash")
    conn.execute("""CREATE TABLE minhash (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                    shingles INTEGER NOT NULL, sig BLOB)""")
    conn.execute("""CREATE TABLE lsh_bands (band INTEGER NOT NULL, article_id INTEGER NOT NULL,
                    PRIMARY KEY (band, article_id)) WITHOUT ROWID""")


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class StoryArticle:
    article_id: int
    doc_id: str
    title: str | None
    published: str | None
    language: str | None
    outlet: str | None
    link: str  # how it is linked to the story: "origin", "copy" or "translation", with score


@dataclass(frozen=True)
class Story:
    id: int
    origin: int
    origin_by: str
    articles: list[StoryArticle]


def _outlet_of(conn: sqlite3.Connection, aid: int) -> str | None:
    row = conn.execute(
        """SELECT outlet FROM sources WHERE article_id = ? AND relation IN ('publisher', 'copyright')
           ORDER BY CASE relation WHEN 'publisher' THEN 0 ELSE 1 END, start LIMIT 1""", (aid,)).fetchone()
    return str(row[0]) if row else None


def stories(conn: sqlite3.Connection) -> list[Story]:
    """Every story of two or more linked articles, its origin first."""
    out = []
    for (sid,) in conn.execute("SELECT DISTINCT story FROM story_members ORDER BY story").fetchall():
        s = story(conn, int(sid))
        if s is not None:
            out.append(s)
    return out


def story(conn: sqlite3.Connection, sid: int) -> Story | None:
    """One story by its number (its lowest row id), its origin first; None when there is none."""
    ids = [int(r[0]) for r in conn.execute(
        "SELECT article_id FROM story_members WHERE story = ? ORDER BY article_id", (sid,))]
    if not ids:
        return None
    info = {int(r[0]): r for r in conn.execute(
        f"SELECT id, doc_id, title, published, language FROM articles WHERE id IN ({','.join('?' * len(ids))})",
        ids)}
    first, how = origin([Member(i, info[i][3] if i in info else None) for i in ids])
    links: dict[int, str] = {}
    for a, b, k, score in conn.execute(
        f"SELECT a, b, kind, score FROM story_links WHERE a IN ({','.join('?' * len(ids))})", ids
    ).fetchall():
        for m, other in ((int(a), int(b)), (int(b), int(a))):
            if other == first.article_id or m not in links:
                links[m] = f"{k} {score:.2f}"
    arts = []
    for i in sorted(ids, key=lambda i: (i != first.article_id, (info[i][3] or "9999") if i in info else "", i)):
        r = info.get(i)
        arts.append(StoryArticle(i, r[1] if r else "?", r[2] if r else None, r[3] if r else None,
                                 r[4] if r else None, _outlet_of(conn, i),
                                 "origin" if i == first.article_id else links.get(i, "linked")))
    return Story(sid, first.article_id, how, arts)


@dataclass(frozen=True)
class GroupFigure:
    article_id: int
    doc_id: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    event: str | None
    day: str | None
    day_from: str | None
    place_from: str | None
    claimant: str | None
    outlet: str | None
    story: int | None  # the story the article belongs to: copies repeat, they do not confirm
    stance: str = "assert"  # "deny": the figure someone denies, not one claimed


@dataclass(frozen=True)
class Group:
    id: int
    concept: str
    unit: str
    event: str | None
    place: str
    first_day: str | None
    last_day: str | None
    articles: int
    consistent: bool
    low: float | None
    high: float | None
    spread: float
    relative_spread: float
    figures: list[GroupFigure] = field(default_factory=list)


def groups(conn: sqlite3.Connection, concept: str | None = None, place: str | None = None,
           since: str | None = None, min_articles: int = 2) -> list[Group]:
    """Figure groups of at least ``min_articles`` articles, filtered by concept, place (a key
    or any listed name of it) and first day."""
    where: list[str] = ["articles >= ?"]
    args: list[Any] = [min_articles]
    if concept:
        where.append("concept = ?")
        args.append(concept.casefold())
    if place:
        keys = load_places().keys_for(place)
        where.append(f"place IN ({','.join('?' * len(keys))})")
        args.extend(keys)
    if since:
        where.append("last_day >= ?")
        args.append(since)
    out = []
    for r in conn.execute(
        f"""SELECT id, concept, unit, event, place, first_day, last_day, articles, consistent, low, high, spread,
            relative_spread FROM figure_groups WHERE {' AND '.join(where)} ORDER BY first_day, id""", args
    ).fetchall():
        figs = [GroupFigure(int(f[0]), *f[1:])
                for f in conn.execute(
                    """SELECT k.article_id, a.doc_id, k.text, k.value, k.low, k.high, k.qualifier, k.event, k.day,
                       k.day_from, k.place_from, k.claimant, k.outlet, m.story, k.stance FROM figure_keys k
                       JOIN articles a ON a.id = k.article_id LEFT JOIN story_members m ON m.article_id = k.article_id
                       WHERE k.group_id = ? ORDER BY k.day, k.article_id, k.start""", (r[0],))]
        out.append(Group(int(r[0]), r[1], r[2], r[3], load_places().name(r[4]), r[5], r[6], int(r[7]), bool(r[8]),
                         r[9], r[10], float(r[11] or 0), float(r[12] or 0), figs))
    return out
