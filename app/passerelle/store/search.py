"""Full-text index (SQLite FTS5) over organisations, contacts, files, interactions, documents.

The index holds the text with ligatures spelled out (« Œuvre » → « Oeuvre »; the unicode61
tokenizer already ignores case and accents), produced in SQL by the ``pligatures`` function every
connection registers, so indexing stays set-based: one
``INSERT … SELECT`` per entity, whatever the number of rows. ``search_doc`` maps each FTS rowid
to its (entity, row id) so a row's entry is replaced by rowid, without scanning the index.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Set
from dataclasses import dataclass

from sqlalchemy import Connection, text

from passerelle.domain.text import fold


def _cat(*columns: str) -> str:
    """SQL concatenating nullable columns with spaces (concat_ws needs SQLite 3.44)."""
    return " || ' ' || ".join(f"COALESCE({c}, '')" for c in columns)


#: entity -> SELECT of (id, title, body) over the rows whose id is in ``{ids}`` (a subquery).
_SOURCES: dict[str, str] = {
    "organisation": f"""
        SELECT o.id AS id, o.name AS title,
               {_cat("o.commune_name", "o.siren", "o.siret", "o.rna", "o.description",
                     "o.neighbourhood")} AS body
        FROM organisation o WHERE o.deleted = 0 AND o.id IN ({{ids}})
    """,
    "contact": f"""
        SELECT c.id AS id, c.first_name || ' ' || c.last_name AS title,
               {_cat("c.title", "c.email", "c.notes")} AS body
        FROM contact c WHERE c.deleted = 0 AND c.id IN ({{ids}})
    """,
    "partnership_file": f"""
        SELECT f.id AS id, f.reference || ' ' || f.title AS title,
               {_cat("a.name", "co.name", "f.facilitator", "f.summary")} AS body
        FROM partnership_file f
        LEFT JOIN organisation a ON a.id = f.association_id
        LEFT JOIN organisation co ON co.id = f.company_id
        WHERE f.deleted = 0 AND f.id IN ({{ids}})
    """,
    "interaction": """
        SELECT i.id AS id, i.subject AS title,
               COALESCE(i.decisions, '') || ' ' || COALESCE(
                 (SELECT n.body FROM note_revision n
                   WHERE n.interaction_id = i.id AND n.deleted = 0
                   ORDER BY n.written_at DESC, n.id DESC LIMIT 1), '') AS body
        FROM interaction i WHERE i.deleted = 0 AND i.id IN ({ids})
    """,
    "document": """
        SELECT d.id AS id, d.title AS title, d.filename AS body
        FROM document d WHERE d.deleted = 0 AND d.id IN ({ids})
    """,
}
INDEXED = frozenset(_SOURCES)
_TABLE = {"organisation": "organisation", "contact": "contact",
          "partnership_file": "partnership_file", "interaction": "interaction",
          "document": "document"}

CREATE_SQL = (
    "CREATE TABLE IF NOT EXISTS search_doc (rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL, "
    "row_id TEXT NOT NULL, UNIQUE (entity, row_id))",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
)
DROP_SQL = ("DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_doc")


#: The ids of a Python set, passed as one JSON array.
_JSON_IDS = "SELECT value FROM json_each(:ids)"
#: The ids listed in :data:`PENDING_TABLE` for the entity being indexed.
_PENDING_IDS = "SELECT row_id FROM temp.search_pending WHERE entity = :entity"
#: Rows to re-index, filled in SQL by a caller that touched many rows (a sync merge):
#: :func:`reindex_pending` reads it without a round trip of ids through Python (0.4 s at
#: 100k rows: fetching, sorting and encoding them as JSON, then decoding them in SQLite).
PENDING_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS search_pending (entity TEXT NOT NULL, "
                 "row_id TEXT NOT NULL, PRIMARY KEY (entity, row_id)) WITHOUT ROWID")


def reindex(conn: Connection, rows: Mapping[str, Set[str]]) -> None:
    """Replace the index entries of the given rows (deleted rows simply lose theirs)."""
    for entity, ids in rows.items():
        if entity not in _SOURCES or not ids:
            continue
        params = {"ids": json.dumps(sorted(ids)), "entity": entity}
        ids = ids - _unchanged(conn, entity, _JSON_IDS, params)
        if not ids:
            continue
        params["ids"] = json.dumps(sorted(ids))
        _replace(conn, entity, _JSON_IDS, params)


def reindex_pending(conn: Connection) -> None:
    """:func:`reindex` of the rows listed in ``temp.search_pending``, then drops it."""
    present = set(conn.execute(text("SELECT DISTINCT entity FROM temp.search_pending")
                               ).scalars())
    for entity in sorted(present & INDEXED):
        params = {"entity": entity}
        unchanged = _unchanged(conn, entity, _PENDING_IDS, params)
        if unchanged:
            conn.execute(text("DELETE FROM temp.search_pending WHERE entity = :entity "
                              "AND row_id IN (SELECT value FROM json_each(:ids))"),
                         {**params, "ids": json.dumps(sorted(unchanged))})
        _replace(conn, entity, _PENDING_IDS, params)
    conn.execute(text("DROP TABLE temp.search_pending"))


def _replace(conn: Connection, entity: str, ids: str, params: Mapping[str, str]) -> None:
    source = _SOURCES[entity].format(ids=ids)
    conn.execute(text(
        f"DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_doc "
        f"WHERE entity = :entity AND row_id IN ({ids}))"
    ), params)
    conn.execute(text(f"DELETE FROM search_doc WHERE entity = :entity AND row_id IN ({ids})"),
                 params)
    conn.execute(text(
        f"INSERT INTO search_doc (entity, row_id) SELECT :entity, s.id FROM ({source}) AS s"
    ), params)
    conn.execute(text(
        f"INSERT INTO search_fts (rowid, title, body) "
        f"SELECT d.rowid, pligatures(s.title), pligatures(s.body) "
        f"FROM ({source}) AS s "
        f"JOIN search_doc d ON d.entity = :entity AND d.row_id = s.id"
    ), params)


def _unchanged(conn: Connection, entity: str, ids: str, params: Mapping[str, str]) -> set[str]:
    """The rows whose index entry already holds their text: nothing to replace.

    An FTS5 delete re-tokenizes the old text, so replacing an entry costs twice an insert; a
    sync that edits 10k phone numbers (not indexed) would rewrite 10k entries for nothing.
    """
    if conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM search_doc WHERE entity = :entity)"),
                    params).scalar():
        return set()
    return set(conn.execute(text(
        f"SELECT s.id FROM ({_SOURCES[entity].format(ids=ids)}) AS s "
        f"JOIN search_doc d ON d.entity = :entity AND d.row_id = s.id "
        f"JOIN search_fts f ON f.rowid = d.rowid "
        f"WHERE f.title IS pligatures(s.title) AND f.body IS pligatures(s.body)"
    ), params).scalars())


def purge_deleted_terms(conn: Connection) -> None:
    """Merge the index into one segment, dropping the terms of deleted entries.

    FTS5 deletes by writing "delete" markers: the old terms stay in older segments until a
    merge. An erasure (RGPD) must not leave the erased name there.
    """
    conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))


def rebuild(conn: Connection) -> None:
    """Rebuild the whole index from the domain tables."""
    conn.execute(text("DELETE FROM search_fts"))
    conn.execute(text("DELETE FROM search_doc"))
    for entity, table in _TABLE.items():
        ids = [r[0] for r in conn.execute(text(f"SELECT id FROM {table} WHERE deleted = 0"))]
        for start in range(0, len(ids), 50_000):
            reindex(conn, {entity: set(ids[start:start + 50_000])})


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: which row, its title, and a snippet of where it matched."""

    entity: str
    row_id: str
    title: str
    snippet: str


def match_expression(query: str) -> str | None:
    """An FTS5 expression: every folded word of ``query`` as a prefix, all required."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in fold(query)).split() if w]
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def search(conn: Connection, query: str, per_entity: int = 8, cap: int = 400
           ) -> list[SearchHit]:
    """Best hits of ``query``, at most ``per_entity`` per entity, ranked by bm25.

    Only the ``cap`` best matches overall are considered, which bounds the cost of a one-letter
    query on a large base.
    """
    expr = match_expression(query)
    if expr is None:
        return []
    # snippet() cannot sit under a window function: rank and cut in a materialised CTE first.
    rows = conn.execute(text("""
        WITH m AS MATERIALIZED (
          SELECT rowid AS rid, rank AS score, title,
                 snippet(search_fts, 1, '[', ']', '…', 12) AS snip
          FROM search_fts WHERE search_fts MATCH :expr ORDER BY rank LIMIT :cap
        )
        SELECT entity, row_id, title, snip FROM (
          SELECT d.entity AS entity, d.row_id AS row_id, m.title AS title, m.snip AS snip,
                 ROW_NUMBER() OVER (PARTITION BY d.entity ORDER BY m.score) AS rn
          FROM m JOIN search_doc d ON d.rowid = m.rid
        ) WHERE rn <= :n
    """), {"expr": expr, "n": per_entity, "cap": cap})
    return [SearchHit(e, r, t, s) for e, r, t, s in rows]
