"""Registry tables at raw-SQLite speed: staging, atomic swap, FTS rebuild (DESIGN.md §7).

An import stages its rows in TEMP tables of its own connection while it parses (the main
database is not locked, so the app stays usable and a cancelled import leaves no trace), then
swaps them in with one ``BEGIN IMMEDIATE … COMMIT``: delete the source's previous vintage, insert
the staged rows, rebuild the contentless FTS index, log the import. Either the new vintage is
fully there or the previous one is untouched.

The FTS index holds the name (ligatures spelled out, so « oeuvre » finds « Œuvre ») and a body
of acronym, commune, identifiers and objet; the tokenizer removes accents and case.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Engine, Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex

from passerelle.domain.text import expand_ligatures, fold
from passerelle.store.models import RegistryEntry

_ENTRY_TABLE: Table = RegistryEntry.__table__  # type: ignore[assignment]

#: Columns of ``registry_entry`` an import writes, in order (``id`` is the rowid).
ENTRY_COLUMNS: tuple[str, ...] = (
    "source", "identifier", "siren", "siret", "rna", "name", "sort_key", "acronym", "naf",
    "legal_form", "size_bracket", "size_year", "category", "category_year", "ess",
    "head_office", "address", "postal_code", "commune_insee", "commune_name", "objet",
    "objet_social1", "objet_social2", "website", "created_on", "vintage",
)

#: Legal-unit facts staged from StockUniteLegale (or the UL columns of a merged file).
UNIT_COLUMNS: tuple[str, ...] = (
    "siren", "name", "acronym", "legal_form", "size_bracket", "size_year", "category",
    "category_year", "ess", "naf", "created_on", "ceased", "natural_person", "line", "file",
)

_STAGE = "temp.registry_stage"
_UNIT = "temp.registry_unit"

_FTS_FILL = (
    "INSERT INTO registry_fts (rowid, name, body) "
    "SELECT id, registry_text(name), registry_text("
    "COALESCE(acronym, '') || ' ' || COALESCE(commune_name, '') || ' ' || identifier || ' ' "
    "|| COALESCE(siren, '') || ' ' || COALESCE(rna, '') || ' ' || COALESCE(objet, '')) "
    "FROM registry_entry"
)


def _fold_key(name: str | None) -> str:
    """``fold`` with a fast path: registry names are mostly plain upper-case ASCII."""
    if name is not None and name.isascii():
        return name.lower()
    return fold(name)


def registry_text(text: str | None) -> str:
    """What the index stores: ``expand_ligatures`` with the same ASCII fast path."""
    if text is None:
        return ""
    return text if text.isascii() else expand_ligatures(text)


class Staging:
    """The TEMP tables of one import, on one raw DBAPI connection of the database's engine."""

    def __init__(self, engine: Engine, *, in_memory: bool = True) -> None:
        self._raw = engine.raw_connection()
        conn = self._raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        self.conn: sqlite3.Connection = conn
        register_functions(self.conn)
        cols = ", ".join(ENTRY_COLUMNS)
        self.conn.execute(f"DROP TABLE IF EXISTS {_STAGE}")
        self.conn.execute(f"DROP TABLE IF EXISTS {_UNIT}")
        # Staging in memory: compact SQLite records (≈ 40 MB for the Métropole's 200,000
        # establishments), no temp file to write and read back. A whole national file
        # (``--territory all``: tens of millions of lines) stages on disk instead.
        self.conn.execute(f"PRAGMA temp_store = {'MEMORY' if in_memory else 'FILE'}")
        # No constraints, no indexes: staging is append-only and read once.
        self.conn.execute(f"CREATE TEMP TABLE registry_stage ({cols}, line, file, skip)")
        self.conn.execute(f"CREATE TEMP TABLE registry_unit ({', '.join(UNIT_COLUMNS)})")
        self.conn.execute("BEGIN")

    def add_entries(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Stage rows of ``ENTRY_COLUMNS`` + (line, file); ``skip`` stays NULL."""
        if rows:
            marks = ", ".join("?" * (len(ENTRY_COLUMNS) + 2))
            cols = ", ".join(ENTRY_COLUMNS)
            self.conn.executemany(
                f"INSERT INTO {_STAGE} ({cols}, line, file) VALUES ({marks})", rows)

    def add_units(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Stage legal units (``UNIT_COLUMNS``), one per SIREN: the caller deduplicates."""
        if rows:
            marks = ", ".join("?" * len(UNIT_COLUMNS))
            self.conn.executemany(f"INSERT INTO {_UNIT} VALUES ({marks})", rows)

    def entries_from_units(self, source: str, vintage: str) -> None:
        """A SIRENE import without establishments (``--territory all``): one entry per unit."""
        self.conn.execute(f"""
            INSERT INTO {_STAGE} (source, identifier, siren, name, acronym, naf, legal_form,
                                  size_bracket, size_year, category, category_year, ess,
                                  created_on, vintage, line, file)
            SELECT ?, siren, siren, name, acronym, naf, legal_form, size_bracket, size_year,
                   category, category_year, ess, created_on, ?, line, file
            FROM {_UNIT}""", (source, vintage))

    def merge_units(self) -> None:
        """Complete staged establishments with their legal unit, and mark what cannot stay.

        Names come from the legal unit's denomination, else the establishment's own
        (commercial) name; a natural person's unit never brings a name (its columns were not
        read), so such an establishment stays only under a commercial name.
        """
        self.conn.execute("CREATE INDEX temp.ix_registry_unit ON registry_unit (siren)")
        self.conn.execute(f"""
            UPDATE {_STAGE} AS s SET
              name = COALESCE(u.name, s.name),
              acronym = u.acronym,
              legal_form = u.legal_form,
              size_bracket = COALESCE(u.size_bracket, s.size_bracket),
              size_year = CASE WHEN u.size_bracket IS NOT NULL THEN u.size_year
                               ELSE s.size_year END,
              category = u.category,
              category_year = u.category_year,
              ess = COALESCE(u.ess, 0),
              naf = COALESCE(s.naf, u.naf),
              created_on = COALESCE(s.created_on, u.created_on),
              skip = CASE WHEN u.ceased THEN 'unit_ceased' END
            FROM {_UNIT} AS u
            WHERE u.siren = s.siren""")
        self.conn.execute(f"""
            UPDATE {_STAGE} SET skip = CASE
                WHEN EXISTS (SELECT 1 FROM {_UNIT} u WHERE u.siren = {_STAGE}.siren
                             AND u.natural_person) THEN 'natural_person'
                WHEN EXISTS (SELECT 1 FROM {_UNIT} u WHERE u.siren = {_STAGE}.siren)
                     THEN 'no_name'
                ELSE 'no_unit' END
            WHERE skip IS NULL AND (name IS NULL OR name = '')""")

    def kept(self) -> int:
        """Staged rows that the swap would import."""
        row = self.conn.execute(f"SELECT count(*) FROM {_STAGE} WHERE skip IS NULL").fetchone()
        return int(row[0])

    def skipped(self, limit: int) -> tuple[dict[str, int], list[tuple[str, int, str, str]]]:
        """Counts of staged rows marked ``skip`` by reason, and the first ``limit`` of them."""
        counts = {reason: int(n) for reason, n in self.conn.execute(
            f"SELECT skip, count(*) FROM {_STAGE} WHERE skip IS NOT NULL GROUP BY skip")}
        sample = [(str(f), int(line), str(reason), str(ident)) for f, line, reason, ident in
                  self.conn.execute(
                      f"SELECT file, line, skip, identifier FROM {_STAGE} "
                      f"WHERE skip IS NOT NULL ORDER BY rowid LIMIT ?", (limit,))]
        return counts, sample

    def swap(self, source: str, *, vintage: str, territory: str, files: Iterable[str],
             rows_read: int, rows_skipped: int, report: dict[str, int],
             imported_at: datetime) -> int:
        """Replace ``source``'s entries by the staged ones, in one write transaction."""
        conn = self.conn
        conn.execute("COMMIT")  # the staging transaction (TEMP only)
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Bulk load: indexes are dropped and rebuilt in one sorted pass each, about twice
            # as fast as maintaining them row by row (same transaction: all or nothing).
            for name, _ in _index_ddl():
                conn.execute(f"DROP INDEX IF EXISTS {name}")
            conn.execute("DELETE FROM registry_entry WHERE source = ?", (source,))
            cols = ", ".join(ENTRY_COLUMNS)
            computed = {"sort_key": "registry_fold(name)", "vintage": "?"}
            select_cols = ", ".join(computed.get(c, c) for c in ENTRY_COLUMNS)
            cur = conn.execute(
                f"INSERT INTO registry_entry ({cols}) SELECT {select_cols} FROM {_STAGE} "
                f"WHERE skip IS NULL ORDER BY rowid", (vintage,))
            imported = cur.rowcount
            for _, ddl in _index_ddl():
                conn.execute(ddl)
            rebuild_fts(conn)
            conn.execute(
                "INSERT INTO registry_import (source, vintage, territory, files, imported_at, "
                "rows_read, rows_imported, rows_skipped, report) VALUES (?,?,?,?,?,?,?,?,?)",
                (source, vintage, territory, json.dumps(list(files), ensure_ascii=False),
                 imported_at.isoformat(sep=" "), rows_read, imported, rows_skipped,
                 json.dumps(report, ensure_ascii=False, sort_keys=True)))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return imported

    def close(self) -> None:
        """Drop the TEMP tables (the connection goes back to the pool) and release it."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.execute(f"DROP TABLE IF EXISTS {_STAGE}")
            self.conn.execute(f"DROP TABLE IF EXISTS {_UNIT}")
            self.conn.execute("PRAGMA temp_store = DEFAULT")
        finally:
            self._raw.close()


@cache
def _index_ddl() -> tuple[tuple[str, str], ...]:
    """(name, CREATE INDEX) of ``registry_entry``'s indexes, from the model (never drifts)."""
    dialect = sqlite_dialect.dialect()
    return tuple((str(index.name), str(CreateIndex(index).compile(dialect=dialect)))
                 for index in sorted(_ENTRY_TABLE.indexes, key=lambda i: str(i.name)))


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the registry's SQL uses, on a raw connection."""
    conn.create_function("registry_fold", 1, _fold_key, deterministic=True)
    conn.create_function("registry_text", 1, registry_text, deterministic=True)


def rebuild_fts(conn: sqlite3.Connection) -> None:
    """Rebuild the whole registry index, set-based (the caller holds the transaction)."""
    conn.execute("INSERT INTO registry_fts (registry_fts) VALUES ('delete-all')")
    conn.execute(_FTS_FILL)


