"""Merging a peer's change log into ours, conflicts, resolution, restore, device identity.

This is the engine behind SYNC.md §1 "Import algorithm" steps 5–7 and "Merge semantics". The
caller (``services.sync``) has already authenticated and validated the file and attached its
SQLite payload under a schema name (``inc``); :func:`merge_attached` then works **set-based**,
inside the caller's transaction, exactly as the prototype's lessons ask (SYNC.md §3):

1. one probe over the file counts what is new and refuses a ``(device_id, hlc)`` we hold
   with different content (a cloned device or a restored backup): never an overwrite. Nothing
   new stops here, before the costly checks (payload hash, per-change validation);
2. the new changes (an anti-join temp table of their keys; the file itself on a first
   import) are validated, then go into the log with their parents;
3. the heads are recomputed only for the touched ``(entity, row_id, field)`` keys: a head is a
   change of the key that no other change *of the same key* names as a parent (a delete names
   every field's head as a parent, and must not end those fields' histories);
4. only the touched rows are re-projected, in SQL (one ``INSERT … ON CONFLICT DO UPDATE`` per
   entity, which keeps the rows' rowids for the UI's table models; a row already projected
   whose ``_row`` did not change gets one ``UPDATE`` per touched field); rows whose ``_row`` never
   arrived are not projected; changes of an unknown entity or field, or of a newer wire
   version, are kept and relayed but not projected ("parked");
5. the full-text index is refreshed for the touched rows.

The projection is a pure function of the set of changes, so every peer that holds the same set
shows the same rows and the same conflicts, whatever the import order.

Deliberate choices (and why):

* **Delete wins for visibility, also between ``_row`` heads.** When a restore and a delete are
  concurrent (two ``_row`` heads), the row stays hidden whatever the clocks say, and the restore
  is surfaced as a delete/edit conflict. Plain last-writer-wins on ``_row`` would make
  visibility depend on which laptop's clock ran ahead. ``changelog._WINNERS_SQL`` must order
  its window the same way (:data:`WINNER_ORDER`) for ``rebuild_projection`` to agree.
* **Causal knowledge includes each device's own past.** A field head ``H`` is covered by the
  winning delete ``D`` when some change in ``D``'s ancestry (``D`` included) comes from ``H``'s
  device with an HLC at least ``H``'s: a device always knew its own earlier changes. Without it,
  an edit and a delete written in the same flush (whose parents are the heads from *before*
  the flush) would show as a spurious conflict.
* **Parked wire versions fall back.** A field whose winning head comes from a newer wire version
  shows the latest value this version understands (a pure function of the log), instead of a
  value whose meaning may have changed. After an upgrade, :func:`reproject_all` un-parks.
* **Plain INSERT, not INSERT OR IGNORE, into the log.** The new changes are already filtered by
  an anti-join; ``OR IGNORE`` would also silently drop a ``(device_id, seq)`` collision, which
  is exactly the clone hazard that must be loud.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import sqltypes

from passerelle.domain.errors import NotFound, PasserelleError, ValidationError
from passerelle.domain.ids import new_id
from passerelle.store import changelog, digest_cache, models, redaction, search, sync_file
from passerelle.store.changelog import ALIVE, DELETED, ROW_FIELD, FieldSpec
from passerelle.store.coltypes import UuidText
from passerelle.store.database import Database

log = logging.getLogger(__name__)

DELETED_JSON = json.dumps(DELETED)
ALIVE_JSON = json.dumps(ALIVE)

#: Window ordering that picks a key's visible head: understood wire versions first, then (for
#: ``_row``) a deletion, then the greatest (hlc, device_id). Shared with the conflict listing.
WINNER_ORDER = (
    "wire_ver > :wire, tier, (field = '_row' AND value = '\"deleted\"') DESC, "
    "hlc DESC, device_id DESC"
)

#: app_setting key holding where this database file lives (copy detection, never synced).
INSTANCE_SETTING = "sync.instance"
#: Sidecar next to the database recording the highest seq that ever left in an export.
WATERMARK_SUFFIX = ".sync-watermark.json"


class CloneDetected(PasserelleError):
    """A change id we hold arrives with different content: a cloned database or an old backup.

    Nothing is overwritten. ``devices`` names the device ids whose history forked.
    """

    quarantine = True

    def __init__(self, devices: Iterable[str], count: int) -> None:
        self.devices = tuple(sorted(set(devices)))
        super().__init__(
            "sync_clone_detected",
            "Ce fichier contient {count} changement(s) portant le même identifiant qu'un "
            "changement déjà connu mais avec un contenu différent (appareil {devices}) : une "
            "base copiée ou restaurée d'une ancienne sauvegarde a écrit en double. Rien n'a "
            "été modifié.",
            count=count, devices=", ".join(d[:8] for d in self.devices),
        )


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What :func:`merge_attached` did, for the import summary and the fail-safe."""

    new_changes: int
    parked: int
    touched_rows: int
    live_before: int
    hidden_rows: int
    max_new_hlc: int | None
    own_device_changes: int
    #: open conflicts on the touched rows after the merge
    conflicts_touched: int
    #: conflicts after − before on the touched rows (None: too many rows touched to count)
    conflict_delta: int | None


# --- Temp tables -----------------------------------------------------------------------------

_TEMP_DDL = (
    "CREATE TEMP TABLE IF NOT EXISTS sync_new (device_id TEXT NOT NULL, hlc INTEGER NOT NULL, "
    "PRIMARY KEY (device_id, hlc)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS sync_keys (entity TEXT NOT NULL, row_id TEXT NOT NULL, "
    "field TEXT NOT NULL, PRIMARY KEY (entity, row_id, field)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS sync_rows (entity TEXT NOT NULL, row_id TEXT NOT NULL, "
    "live_before INTEGER, by_field INTEGER NOT NULL DEFAULT 0, "
    "PRIMARY KEY (entity, row_id)) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS sync_redacted (entity TEXT NOT NULL, "
    "row_id TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (entity, row_id, field)) "
    "WITHOUT ROWID",
)
_TEMP_TABLES = ("sync_new", "sync_keys", "sync_rows", "sync_redacted")


def _prepare_temp(conn: Connection) -> None:
    for ddl in _TEMP_DDL:
        conn.exec_driver_sql(ddl)
    for name in _TEMP_TABLES:
        conn.exec_driver_sql(f"DELETE FROM temp.{name}")


@cache
def _known_fields() -> str:
    """SQL ``VALUES`` list of every (entity, field) this version projects. A row-value
    ``IN`` over it is an in-memory lookup: 3x faster than probing a temp table per change."""
    return "VALUES " + ", ".join(f"('{m.__entity__}', '{spec.wire}')"
                                 for m in models.SYNCED_MODELS for spec in changelog.FIELDS[m])


def _drop_temp(conn: Connection) -> None:
    """Temp tables live as long as the pooled connection: leave nothing behind."""
    for name in _TEMP_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")


def _scalar_int(conn: Connection, sql: str, params: Any = None) -> int:
    value = conn.exec_driver_sql(sql, params).scalar() if params else \
        conn.exec_driver_sql(sql).scalar()
    return int(value or 0)


def _wire(wire_version: int | None) -> int:
    return models.WIRE_VERSION if wire_version is None else wire_version


# --- Merge -----------------------------------------------------------------------------------

_CHANGE_COLS = "device_id, hlc, seq, entity, row_id, field, value, wire_ver, author"
#: Above this many touched rows, the conflict total is recounted instead of updated.
DELTA_COUNT_MAX_ROWS = 50_000


def merge_attached(conn: Connection, schema: str = "inc", *,
                   wire_version: int | None = None, count_live_from: int = 1,
                   before_write: Callable[[dict[str, list[int]] | None],
                                          sync_file.VerifiedBlocks | None] | None = None
                   ) -> MergeResult:
    """Merge the changes of the attached payload ``schema`` into the log and the projections.

    Runs inside the caller's transaction (which must hold the write lock); raises
    :class:`CloneDetected` or a ``SyncFileError`` (malformed new changes) before writing
    anything. ``before_write`` gets the new changes' hlcs per device (None: the whole file is
    new), before any write: the caller verifies their digest blocks there (every other change
    was just found identical to ours, so hashing it would prove nothing more) and may return
    them, for a first import to keep them (into an empty log, the file's blocks are the log's
    blocks). The live rows before the merge (for the mass-delete ratio) are only counted
    when at least ``count_live_from`` rows were hidden: counting every table costs more than
    a small merge.
    """
    w = _wire(wire_version)
    run = conn.exec_driver_sql
    _prepare_temp(conn)
    redacting = _load_redacted(conn, schema)
    n_new = _collect_new(conn, schema, redacting)  # clone check, and what is new
    if n_new == 0:
        _drop_temp(conn)
        return MergeResult(0, 0, 0, 0, 0, None, 0, 0, 0)
    everything_new = n_new == _scalar_int(conn, f"SELECT COUNT(*) FROM {schema}.changes")
    verified: sync_file.VerifiedBlocks | None = None
    if before_write is not None:
        new: dict[str, list[int]] | None = None
        if not everything_new:
            new = {}
            for dev, hlc in conn.exec_driver_sql("SELECT device_id, hlc FROM temp.sync_new"):
                new.setdefault(str(dev), []).append(int(hlc))
        verified = before_write(new)
    was_empty = not conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM main.sync_change)"
                                         ).scalar()
    if everything_new:
        # Everything is new (a first import): read the file directly, no join.
        changes, parents = f"FROM {schema}.changes i", f"FROM {schema}.change_parents p"
    else:
        changes = (f"FROM temp.sync_new n JOIN {schema}.changes i "
                   f"ON i.device_id = n.device_id AND i.hlc = n.hlc")
        parents = (f"FROM temp.sync_new n JOIN {schema}.change_parents p "
                   f"ON p.device_id = n.device_id AND p.hlc = n.hlc")
    parked = _check_new(conn, schema, changes, parents, w)
    run(f"INSERT OR IGNORE INTO main.sync_device (device_id, name, user_name) "
        f"SELECT device_id, name, user_name FROM {schema}.devices")
    own, max_hlc = conn.exec_driver_sql(
        f"SELECT COALESCE(SUM(i.device_id = (SELECT device_id FROM main.sync_state "
        f"WHERE id = 1)), 0), MAX(i.hlc) {changes}").one()
    try:
        run(f"INSERT INTO main.sync_change ({_CHANGE_COLS}) "
            f"SELECT {', '.join('i.' + c for c in _CHANGE_COLS.split(', '))} {changes}")
    except IntegrityError as exc:
        raise _seq_collision(conn, schema) from exc
    run(f"INSERT OR IGNORE INTO main.sync_change_parent "
        f"(device_id, hlc, parent_device, parent_hlc) "
        f"SELECT p.device_id, p.hlc, p.parent_device, p.parent_hlc {parents}")
    if was_empty:
        # Every key of the log is touched: its rows come from the log's key index in order
        # (no temp table of keys to fill and sort: 0.45 s less at 600k changes).
        run("INSERT INTO temp.sync_rows (entity, row_id) "
            "SELECT DISTINCT entity, row_id FROM main.sync_change ORDER BY entity, row_id")
    else:
        run(f"INSERT OR IGNORE INTO temp.sync_keys (entity, row_id, field) "
            f"SELECT i.entity, i.row_id, i.field {changes}")
        run("INSERT OR IGNORE INTO temp.sync_rows (entity, row_id) "
            "SELECT entity, row_id FROM temp.sync_keys")
    bad_rows = _scalar_int(conn, f"SELECT COUNT(*) FROM temp.sync_rows r "
                                 f"WHERE {sync_file.ROW_ID_CHECK}")
    if bad_rows:
        raise sync_file.invalid_new_changes(bad_rows, 0)
    rows = _scalar_int(conn, "SELECT COUNT(*) FROM temp.sync_rows")
    # Conflicts live in rows: counting them on the touched rows before and after updates a
    # cached total without a full scan (the "before" is skipped when most of a non-empty base
    # is touched: a full count then costs the same).
    counting = was_empty or rows <= DELTA_COUNT_MAX_ROWS
    before = 0
    if counting and not was_empty:
        cached = cached_conflict_count(conn, recount=False)
        if cached is None:
            # No total valid for this log (a local edit since): a delta could not update
            # it, so the « before » count would be wasted (0.2–0.3 s at 10k touched rows).
            counting = False
        elif cached != 0:
            # (Zero conflicts in a valid total means none on the touched rows either: the
            # common case, nothing to count.)
            before = _count(conn, touched=True)
    redacted_rows: set[tuple[str, str]] = set()
    if redacting:
        # Rewrite what the redactions cover, new changes included (redaction.py); after the
        # « before » count, since a redaction can settle a conflict (equal values agree).
        redaction.mark_present(conn)
        redacted_rows = redaction.apply_redactions(conn, {
            (str(e), str(r)) for e, r in conn.exec_driver_sql(
                "SELECT DISTINCT r.entity, r.row_id FROM temp.sync_rows r "
                "JOIN temp.sync_redacted x ON x.entity = r.entity AND x.row_id = r.row_id")})
    recompute_heads(conn, whole_log=was_empty)
    _mark_live_before(conn)
    # Into an empty log every key is touched: one head per key unless some key has two.
    single = was_empty and not conn.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM main.sync_head GROUP BY entity, row_id, field "
        "HAVING COUNT(*) > 1)").scalar()
    project_touched(conn, wire_version=w, single_heads=single,
                    by_field=not was_empty and not redacting)
    hidden, touched, revived = _visibility_changes(conn)
    live_before = _live_rows(conn) + hidden - revived if hidden >= count_live_from else 0
    reindex_touched(conn)
    if redacted_rows:
        search.purge_deleted_terms(conn)
    # Blocks this import completes are hashed once, now, instead of by every export; into an
    # empty log (and with no value rewritten) the file's verified blocks are the log's own.
    digest_cache.complete(conn.connection.driver_connection, None if everything_new else [
        str(d) for (d,) in conn.exec_driver_sql("SELECT DISTINCT device_id FROM temp.sync_new")],
        reuse=verified if was_empty and not redacting else None)
    # Into an empty base every row is touched: the plain count skips the temp-table join
    # (half the time: 0.75 s instead of 1.5 s at 100k rows).
    after = _count(conn, touched=not was_empty, single_heads=single)
    _drop_temp(conn)
    return MergeResult(n_new, parked, touched, live_before, hidden,
                       None if max_hlc is None else int(max_hlc), int(own), after,
                       after - before if counting else None)


def _check_new(conn: Connection, schema: str, changes: str, parents: str, wire: int) -> int:
    """Refuse malformed new changes (known ones were checked when they arrived); returns how
    many new changes are parked (unknown entity or field, newer wire version)."""
    declared = {str(name): str(sql) for name, sql in
                conn.exec_driver_sql(sync_file.log_tables_sql(schema))}
    check = sync_file.new_change_check(sync_file.strict_log(declared))
    bad, parked = conn.exec_driver_sql(
        f"SELECT COALESCE(SUM(COALESCE(({check}), 1)), 0), "
        f"COALESCE(SUM(i.wire_ver > ? OR ((i.entity, i.field) NOT IN ({_known_fields()}) "
        f"AND i.field <> '{redaction.REDACT_FIELD}')), 0) "
        f"{changes}", (wire,)).one()
    bad_parents = _scalar_int(conn, f"SELECT COUNT(*) {parents} "
                                    f"WHERE {sync_file.NEW_PARENT_CHECK}")
    if bad or bad_parents:
        raise sync_file.invalid_new_changes(int(bad), bad_parents)
    return int(parked)


def _collect_new(conn: Connection, schema: str, redacting: bool) -> int:
    """One pass over the file: the new changes' keys into ``temp.sync_new``; a known id with
    other content refuses the file (SYNC.md step 5). A re-import inserts nothing; into an empty
    log nothing is inserted either (every change is new) and the count is returned.

    The pass is a compound ``EXCEPT`` ordered by the primary key that both tables share:
    SQLite runs it as a *merge* of two sequential scans (``MERGE (EXCEPT)`` in the query
    plan) instead of one B-tree probe of the log per change — 0.39 s instead of 0.71 s for a
    file of 610k changes against a log of 600k. What survives differs from the log somewhere
    (a new change, a clone, or a value a redaction rewrote); only those few are probed.
    """
    cols = _CHANGE_COLS
    if not conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM main.sync_change)").scalar():
        # An empty log (a first import): everything is new, nothing to compare, and the
        # caller reads the file directly (``temp.sync_new`` stays empty).
        return _scalar_int(conn, f"SELECT COUNT(*) FROM {schema}.changes")
    conn.exec_driver_sql(
        f"INSERT INTO temp.sync_new (device_id, hlc) SELECT device_id, hlc FROM ("
        f"SELECT {cols} FROM {schema}.changes EXCEPT SELECT {cols} FROM main.sync_change "
        f"ORDER BY device_id, hlc)")
    # A value rewritten by a redaction (ours or the file's) is the same change (redaction.py).
    same = ("m.seq IS i.seq AND m.entity IS i.entity AND m.row_id IS i.row_id "
            "AND m.field IS i.field AND m.wire_ver IS i.wire_ver AND m.author IS i.author "
            "AND EXISTS (SELECT 1 FROM temp.sync_redacted x WHERE x.entity = i.entity "
            "AND x.row_id = i.row_id AND x.field = i.field)")
    known = ("FROM temp.sync_new n JOIN {schema}.changes i "
             "ON i.device_id = n.device_id AND i.hlc = n.hlc "
             "JOIN main.sync_change m ON m.device_id = n.device_id AND m.hlc = n.hlc")
    if redacting:
        conn.exec_driver_sql(
            f"DELETE FROM temp.sync_new WHERE (device_id, hlc) IN (SELECT n.device_id, n.hlc "
            f"{known.format(schema=schema)} WHERE {same})")
    clash = conn.exec_driver_sql(
        "SELECT n.device_id FROM temp.sync_new n JOIN main.sync_change m "
        "ON m.device_id = n.device_id AND m.hlc = n.hlc").scalars().all()
    if clash:
        raise CloneDetected(clash, len(clash))
    return _scalar_int(conn, "SELECT COUNT(*) FROM temp.sync_new")


def _load_redacted(conn: Connection, schema: str) -> bool:
    """Fill ``temp.sync_redacted`` with the keys redacted here or in the file; any?"""
    keys = redaction.redacted_keys(conn, ("main", schema), {schema: "changes"})
    if keys:
        conn.exec_driver_sql("INSERT OR IGNORE INTO temp.sync_redacted (entity, row_id, field) "
                             "VALUES (?, ?, ?)", sorted(keys))
    return bool(keys)


def _seq_collision(conn: Connection, schema: str) -> CloneDetected:
    """The new changes reuse a (device_id, seq) already taken: name the devices."""
    devices = conn.exec_driver_sql(
        f"SELECT DISTINCT i.device_id FROM temp.sync_new n JOIN {schema}.changes i "
        f"ON i.device_id = n.device_id AND i.hlc = n.hlc JOIN main.sync_change m "
        f"ON m.device_id = i.device_id AND m.seq = i.seq AND m.hlc <> i.hlc"
    ).scalars().all()
    dup_in_file = conn.exec_driver_sql(
        f"SELECT device_id FROM {schema}.changes GROUP BY device_id, seq HAVING COUNT(*) > 1"
    ).scalars().all()
    found = [*devices, *dup_in_file]
    return CloneDetected(found or ["?"], len(found) or 1)


#: Heads of the whole log: every change but those superseded by a child of the same key.
#: The superseded set is built once (an ephemeral index for ``NOT IN``), and the log is read in
#: key order through its covering key index, so heads are appended in their own order: 0.6 s
#: instead of 1.3 s for probing the parents of each of 600k changes.
_ALL_HEADS = """
    INSERT INTO main.sync_head (entity, row_id, field, device_id, hlc)
    SELECT c.entity, c.row_id, c.field, c.device_id, c.hlc
    FROM main.sync_change c
    WHERE (c.device_id, c.hlc) NOT IN (
      SELECT p.parent_device, p.parent_hlc FROM main.sync_change_parent p
      JOIN main.sync_change ch ON ch.device_id = p.device_id AND ch.hlc = p.hlc
      JOIN main.sync_change pc ON pc.device_id = p.parent_device AND pc.hlc = p.parent_hlc
      WHERE pc.entity = ch.entity AND pc.row_id = ch.row_id AND pc.field = ch.field)
    ORDER BY c.entity, c.row_id, c.field
"""


def recompute_heads(conn: Connection, *, whole_log: bool = False) -> None:
    """Recompute ``sync_head`` for the keys in ``temp.sync_keys`` (or, ``whole_log``, for
    every key), in two statements.

    Uses the ``(parent_device, parent_hlc)`` index: without it the check is quadratic.
    """
    if whole_log:
        conn.exec_driver_sql("DELETE FROM main.sync_head")
        conn.exec_driver_sql(_ALL_HEADS)
        return
    conn.exec_driver_sql(
        "DELETE FROM main.sync_head WHERE (entity, row_id, field) IN "
        "(SELECT entity, row_id, field FROM temp.sync_keys)")
    conn.exec_driver_sql("""
        INSERT INTO main.sync_head (entity, row_id, field, device_id, hlc)
        SELECT c.entity, c.row_id, c.field, c.device_id, c.hlc
        FROM temp.sync_keys k
        CROSS JOIN main.sync_change c ON c.entity = k.entity AND c.row_id = k.row_id
                                     AND c.field = k.field
        WHERE NOT EXISTS (
          SELECT 1 FROM main.sync_change_parent p
          JOIN main.sync_change ch ON ch.device_id = p.device_id AND ch.hlc = p.hlc
          WHERE p.parent_device = c.device_id AND p.parent_hlc = c.hlc
            AND ch.entity = c.entity AND ch.row_id = c.row_id AND ch.field = c.field)
    """)


def _live_rows(conn: Connection) -> int:
    total = 0
    for model in models.SYNCED_MODELS:
        total += _scalar_int(conn, f'SELECT COUNT(*) FROM main."{model.__tablename__}" '
                                   f"WHERE deleted = 0")
    return total


def _touched_entities(conn: Connection) -> list[type[models.Synced]]:
    present = set(conn.exec_driver_sql("SELECT DISTINCT entity FROM temp.sync_rows").scalars())
    return [m for m in models.SYNCED_MODELS if m.__entity__ in present]


def _mark_live_before(conn: Connection) -> None:
    for model in _touched_entities(conn):
        conn.exec_driver_sql(
            f'UPDATE temp.sync_rows SET live_before = (SELECT t.deleted = 0 FROM '
            f'main."{model.__tablename__}" t WHERE t.id = temp.sync_rows.row_id) '
            f"WHERE entity = ?", (model.__entity__,))


def _visibility_changes(conn: Connection) -> tuple[int, int, int]:
    """(rows live before and hidden now, rows touched, rows not live before and live now)."""
    hidden = revived = 0
    for model in _touched_entities(conn):
        h, r = conn.exec_driver_sql(
            f"SELECT COALESCE(SUM(r.live_before = 1 AND t.deleted = 1), 0), "
            f"COALESCE(SUM(r.live_before IS NOT 1 AND t.deleted = 0), 0) "
            f'FROM temp.sync_rows r CROSS JOIN main."{model.__tablename__}" t '
            f"ON t.id = r.row_id "
            f"WHERE r.entity = ?", (model.__entity__,)).one()
        hidden, revived = hidden + int(h), revived + int(r)
    touched = _scalar_int(conn, "SELECT COUNT(*) FROM temp.sync_rows")
    return hidden, touched, revived


# --- Projection ------------------------------------------------------------------------------

def _convert(spec: FieldSpec, raw: str) -> str:
    """SQL turning the winning JSON text ``raw`` into the column value ``changelog`` stores.

    Mirrors ``decode_value`` + SQLAlchemy's SQLite bind processors, so the SQL path and the
    Python ``rebuild_projection`` produce equal rows.
    """
    return _convert_value(spec, f"json_extract({raw}, '$')", f"json({raw})")


def _convert_member(spec: FieldSpec, obj: str) -> str:
    """:func:`_convert` of the member ``spec.wire`` of the JSON object ``obj`` (NULL when the
    member is absent, as for a field without a head)."""
    path = f"'$.\"{spec.wire}\"'"
    return _convert_value(spec, f"json_extract({obj}, {path})", f"({obj} -> {path})")


def _convert_value(spec: FieldSpec, x: str, as_json: str) -> str:
    """``x``: the winning value as SQL (JSON decoded); ``as_json``: the same as JSON text."""
    col_type = spec.column.type
    if spec.wire == ROW_FIELD:
        return f"CASE WHEN {x} = '{DELETED}' THEN 1 ELSE 0 END"
    if isinstance(col_type, sqltypes.JSON):
        return f"COALESCE({as_json}, 'null')"  # SQLAlchemy stores None as JSON 'null'
    if isinstance(col_type, UuidText):
        return f"lower({x})"
    if isinstance(col_type, sqltypes.Boolean):
        return f"CASE WHEN {x} IS NULL THEN NULL WHEN {x} THEN 1 ELSE 0 END"
    if isinstance(col_type, sqltypes.DateTime):
        # isoformat 'YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]' -> 'YYYY-MM-DD HH:MM:SS.ffffff'; the
        # offset is dropped, as SQLAlchemy's SQLite DATETIME does.
        return (f"CASE WHEN {x} IS NULL THEN NULL ELSE substr({x}, 1, 10) || ' ' || "
                f"substr({x}, 12, 8) || '.' || CASE WHEN substr({x}, 20, 1) = '.' "
                f"THEN substr(substr({x}, 21) || '000000', 1, 6) ELSE '000000' END END")
    if isinstance(col_type, sqltypes.Date):
        return f"substr({x}, 1, 10)"
    return x


#: The visible head of each touched key when nothing is parked (so no wire_ver test), as one
#: sortable text per head: delete flag (1 char), hlc (20 zero-padded digits), device id (36,
#: a UUID: checked on arrival), then 'v' || value or 'n' for NULL. The greatest text per key
#: is the head :data:`WINNER_ORDER` picks, and ``MAX`` per field in a ``GROUP BY row_id`` that
#: streams in sync_head's primary-key order (the ``IN`` list is walked in row_id order) pivots
#: without any sort. (Grouping by (row_id, field) first, then by row_id, sorted 600k heads
#: twice: 1.3 s more at 100k rows; a window, or a NOT EXISTS probe per head, were slower still.)
_HEAD_KEY = ("CASE WHEN h.field = '_row' AND c.value = '\"deleted\"' THEN '1' ELSE '0' END "
             "|| printf('%020d', h.hlc) || h.device_id || COALESCE('v' || c.value, 'n')")
#: Where the value starts in a head key (1-based, after the 57-character prefix and marker).
_HEAD_KEY_VALUE = 59
_HEADS_FAST = f"""
  SELECT h.row_id AS row_id, h.field AS field, {_HEAD_KEY} AS value
  FROM main.sync_head h
  JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
  WHERE h.entity = :entity
    AND h.row_id IN (SELECT row_id FROM temp.sync_rows WHERE entity = :entity{{rows}})
"""


def _head_value(key: str) -> str:
    """SQL: the winning value out of the greatest head key ``key`` (NULL: no head, or null)."""
    return (f"CASE WHEN substr({key}, {_HEAD_KEY_VALUE - 1}, 1) = 'v' "
            f"THEN substr({key}, {_HEAD_KEY_VALUE}) END")


#: The same choice by a window when parked heads exist: a key whose heads are all parked falls
#: back to its latest understood change (tier 1), per the module docstring.
_WINNERS_FALLBACK = f"""
  SELECT row_id, field, value FROM (
    SELECT row_id, field, value, wire_ver,
           ROW_NUMBER() OVER (PARTITION BY row_id, field ORDER BY {WINNER_ORDER}) AS rn
    FROM (
      SELECT h.row_id AS row_id, h.field AS field, c.value AS value,
             c.wire_ver AS wire_ver, h.hlc AS hlc, h.device_id AS device_id, 0 AS tier
      FROM temp.sync_rows t
      CROSS JOIN main.sync_head h ON h.entity = t.entity AND h.row_id = t.row_id
      JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
      WHERE t.entity = :entity
      UNION ALL
      SELECT c.row_id, c.field, c.value, c.wire_ver, c.hlc, c.device_id, 1
      FROM temp.sync_rows t
      CROSS JOIN main.sync_change c ON c.entity = t.entity AND c.row_id = t.row_id
      WHERE t.entity = :entity AND c.wire_ver <= :wire
    )
  ) WHERE rn = 1 AND wire_ver <= :wire ORDER BY row_id
"""


#: Every head of the entity when every row of the log is touched and each key has exactly one
#: head (a first import without field conflicts): the head *is* the winner, and its row's
#: heads fold into one JSON object (``json_group_object``), whose members ``json_extract``
#: reads from one cached parse. At 100k rows of 14 fields that is 1.2 s, against 1.8 s for
#: fourteen ``MAX(CASE …)`` per head then a ``json_extract`` per value.
_HEADS_ALL_SINGLE = """
  SELECT h.row_id AS row_id, h.field AS field, c.value AS value
  FROM main.sync_head h
  JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
  WHERE h.entity = :entity
"""


@cache
def _projection_sql(model: type[models.Synced], fallback: bool, single: bool = False,
                    by_field: bool = False) -> str:
    """The upsert of an entity's touched rows from their winners (``single``: every row of
    the log is touched, one head per key; see ``_HEADS_ALL_SINGLE``; ``by_field``: except
    the rows marked ``by_field``, see :func:`_project_by_field`)."""
    specs = changelog.FIELDS[model]
    table = model.__tablename__
    cols = ", ".join(f'"{s.column.name}"' for s in specs)
    pivot = ",\n".join(f"MAX(CASE WHEN field = '{s.wire}' THEN value END) AS f{i}"
                       for i, s in enumerate(specs))
    if fallback:
        winners = _WINNERS_FALLBACK
        values = ", ".join(_convert(s, f"p.f{i}") for i, s in enumerate(specs))
    elif single:
        winners = _HEADS_ALL_SINGLE
        pivot = "json_group_object(field, json(value)) AS o"
        values = ", ".join(_convert_member(s, "p.o") for s in specs)
    else:  # the pivot keeps each field's greatest head key
        winners = _HEADS_FAST.format(rows=" AND NOT by_field" if by_field else "")
        values = ", ".join(_convert(s, f"({_head_value(f'p.f{i}')})")
                           for i, s in enumerate(specs))
    updates = ", ".join(f'"{s.column.name}" = excluded."{s.column.name}"' for s in specs)
    return f"""
    INSERT INTO main."{table}" (id, {cols}, changed_hlc)
    SELECT p.row_id, {values},
           (SELECT MAX(x.hlc) FROM main.sync_change x
             WHERE x.entity = :entity AND x.row_id = p.row_id)
    FROM (
      SELECT row_id, MAX(field = '{ROW_FIELD}') AS has_row, {pivot}
      FROM ({winners})
      GROUP BY row_id
    ) AS p
    WHERE p.has_row
    ON CONFLICT (id) DO UPDATE SET {updates}, changed_hlc = excluded.changed_hlc
    """


#: Up to this many touched rows, parked changes are looked for through their rows' changes
#: (index probes); above, one scan of the log costs less.
PARKED_PROBE_MAX_ROWS = 20_000


def _has_newer_wire(conn: Connection, wire: int) -> bool:
    """Does any touched row have a change of a newer wire version (the fallback projection)?"""
    if _scalar_int(conn, "SELECT COUNT(*) FROM temp.sync_rows") <= PARKED_PROBE_MAX_ROWS:
        return bool(conn.exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM temp.sync_rows t CROSS JOIN main.sync_change c "
            "ON c.entity = t.entity AND c.row_id = t.row_id WHERE c.wire_ver > ?)",
            (wire,)).scalar())
    return bool(conn.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM main.sync_change WHERE wire_ver > ?)", (wire,)).scalar())


def project_touched(conn: Connection, *, wire_version: int | None = None,
                    single_heads: bool = False, by_field: bool = False) -> None:
    """Upsert the rows listed in ``temp.sync_rows`` from their winning heads.

    ``single_heads``: the caller knows that ``temp.sync_rows`` holds every row of the log and
    that every key has exactly one head (a first import). ``by_field``: ``temp.sync_keys``
    lists every key whose heads changed and ``live_before`` is filled (an import that
    rewrote no value): rows already projected whose ``_row`` did not change get only their
    touched fields updated (:func:`_project_by_field`).
    """
    w = _wire(wire_version)
    fallback = _has_newer_wire(conn, w)
    by_field = by_field and not fallback and not single_heads
    for model in _touched_entities(conn):
        params = {"entity": model.__entity__, "wire": w}
        partial = by_field and _mark_by_field(conn, model)
        conn.exec_driver_sql(_projection_sql(model, fallback, single_heads and not fallback,
                                             partial), params)
        if partial:
            _project_by_field(conn, model)


def _mark_by_field(conn: Connection, model: type[models.Synced]) -> bool:
    """Mark the rows of ``model`` that only need their touched fields re-projected: already
    in the table (``live_before`` known) and no change to their ``_row`` (creation or
    deletion). Returns whether any was marked."""
    return bool(conn.exec_driver_sql(
        f"UPDATE temp.sync_rows SET by_field = 1 WHERE entity = :entity "
        f"AND live_before IS NOT NULL AND NOT EXISTS (SELECT 1 FROM temp.sync_keys k "
        f"WHERE k.entity = :entity AND k.row_id = temp.sync_rows.row_id "
        f"AND k.field = '{ROW_FIELD}')", {"entity": model.__entity__}).rowcount)


def _project_by_field(conn: Connection, model: type[models.Synced]) -> None:
    """Update the touched fields of the rows marked ``by_field``, one ``UPDATE`` per field
    from the same winner as the full projection (the greatest head key, ``_head_value``),
    then their ``changed_hlc``.

    An exchange of 10,000 edited phone numbers re-projects one field per row instead of
    fourteen: 0.10 s instead of 0.47 s. Every other field keeps its heads, hence its value.
    """
    table, entity = model.__tablename__, model.__entity__
    fields = set(conn.exec_driver_sql(
        "SELECT DISTINCT k.field FROM temp.sync_rows r JOIN temp.sync_keys k "
        "ON k.entity = r.entity AND k.row_id = r.row_id WHERE r.entity = ? AND r.by_field",
        (entity,)).scalars())
    for spec in changelog.FIELDS[model]:
        if spec.wire in fields:
            conn.exec_driver_sql(_field_update_sql(model, spec), {"entity": entity})
    conn.exec_driver_sql(
        f'UPDATE main."{table}" AS t SET changed_hlc = (SELECT MAX(x.hlc) '
        f"FROM main.sync_change x WHERE x.entity = :entity AND x.row_id = t.id) "
        f"WHERE t.id IN (SELECT row_id FROM temp.sync_rows WHERE entity = :entity "
        f"AND by_field)", {"entity": entity})


@cache
def _field_update_sql(model: type[models.Synced], spec: FieldSpec) -> str:
    """The ``UPDATE`` of one field of the ``by_field`` rows that touched it."""
    winner = f"({_head_value(f'MAX({_HEAD_KEY})')})"
    return f"""
    UPDATE main."{model.__tablename__}" AS t SET "{spec.column.name}" = (
      SELECT {_convert(spec, winner)}
      FROM main.sync_head h
      JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
      WHERE h.entity = :entity AND h.row_id = t.id AND h.field = '{spec.wire}')
    WHERE t.id IN (SELECT r.row_id FROM temp.sync_rows r JOIN temp.sync_keys k
                   ON k.entity = r.entity AND k.row_id = r.row_id
                   WHERE r.entity = :entity AND r.by_field AND k.field = '{spec.wire}')
    """


def reindex_touched(conn: Connection) -> None:
    """Refresh the search index of the touched rows (and of what displays their text), listed
    in SQL: no id goes through Python (see ``search.PENDING_TABLE``)."""
    run = conn.exec_driver_sql
    run(search.PENDING_TABLE)
    run("DELETE FROM temp.search_pending")  # (a failed merge rolls it back; never trust that)
    indexed = ", ".join(f"'{e}'" for e in sorted(search.INDEXED))
    run(f"INSERT OR IGNORE INTO temp.search_pending (entity, row_id) SELECT entity, row_id "
        f"FROM temp.sync_rows WHERE entity IN ({indexed})")
    run("INSERT OR IGNORE INTO temp.search_pending (entity, row_id) "
        "SELECT DISTINCT 'interaction', n.interaction_id FROM temp.sync_rows r "
        "JOIN main.note_revision n ON n.id = r.row_id "
        "WHERE r.entity = 'note_revision' AND n.interaction_id IS NOT NULL")
    # A file's index entry holds its organisations' names.
    run("INSERT OR IGNORE INTO temp.search_pending (entity, row_id) "
        "SELECT 'partnership_file', f.id FROM main.partnership_file f "
        "WHERE f.association_id IN (SELECT row_id FROM temp.sync_rows "
        "WHERE entity = 'organisation') OR f.company_id IN (SELECT row_id FROM temp.sync_rows "
        "WHERE entity = 'organisation')")
    search.reindex_pending(conn)


def reproject_rows(conn: Connection, rows: Iterable[tuple[str, str]]) -> None:
    """Re-project and re-index the given (entity, row_id) rows from the log (after a local
    redaction rewrote their changes; see ``redaction.py``)."""
    _prepare_temp(conn)
    conn.exec_driver_sql("INSERT OR IGNORE INTO temp.sync_rows (entity, row_id) VALUES (?, ?)",
                         sorted(set(rows)))
    project_touched(conn)
    reindex_touched(conn)
    _drop_temp(conn)


def reproject_all(conn: Connection, *, wire_version: int | None = None) -> None:
    """Re-project every row from the log with the SQL path (after an upgrade: un-parks).

    Rows that the log does not create are removed, and the search index is rebuilt.
    """
    w = _wire(wire_version)
    _prepare_temp(conn)
    conn.exec_driver_sql(
        "INSERT INTO temp.sync_rows (entity, row_id) SELECT DISTINCT h.entity, h.row_id "
        "FROM main.sync_head h WHERE h.field = ?", (ROW_FIELD,))
    project_touched(conn, wire_version=w)
    for model in models.SYNCED_MODELS:
        conn.exec_driver_sql(
            f'DELETE FROM main."{model.__tablename__}" WHERE id NOT IN '
            f"(SELECT row_id FROM temp.sync_rows WHERE entity = ?)", (model.__entity__,))
    _drop_temp(conn)
    search.rebuild(conn)


# --- Conflicts -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One competing head: its value, who wrote it, on which device, when."""

    field: str
    value: Any
    raw: str | None
    author: str | None
    device_id: str
    device_name: str | None
    at: datetime
    hlc: int
    winner: bool


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field with several heads (``kind="field"``), or a deleted row with an edit the
    deleter had not seen (``kind="delete_edit"``, ``field="_row"``, the delete first)."""

    entity: str
    row_id: str
    field: str
    kind: str
    values: tuple[ConflictValue, ...]


_HEAD_DETAIL = """
SELECT h.entity, h.row_id, h.field, h.device_id, h.hlc, c.value, c.author, d.name,
       c.wire_ver
FROM {source} k
JOIN main.sync_head h ON h.entity = k.entity AND h.row_id = k.row_id AND h.field = k.field
JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
LEFT JOIN main.sync_device d ON d.device_id = h.device_id
"""


def _heads(*, touched: bool) -> str:
    """Where heads come from: all of them, or those of the rows in ``temp.sync_rows`` (the
    CROSS JOIN makes SQLite drive from the small temp table, which has no statistics)."""
    if touched:
        return ("temp.sync_rows t CROSS JOIN main.sync_head h "
                "ON h.entity = t.entity AND h.row_id = t.row_id")
    return "main.sync_head h"


def _multi_head_keys(*, touched: bool) -> str:
    return (f"(SELECT h.entity AS entity, h.row_id AS row_id, h.field AS field "
            f"FROM {_heads(touched=touched)} GROUP BY h.entity, h.row_id, h.field "
            f"HAVING COUNT(*) > 1)")


def _dead_rows(*, touched: bool) -> str:
    """CTEs ``deleted_head`` and ``dead``: delete wins, so a row is dead when one of its
    ``_row`` heads is a delete; the winning delete is the greatest (hlc, device_id) of those.
    Filtering the deletes first keeps the window small."""
    return f"""
deleted_head AS (
  SELECT h.entity AS entity, h.row_id AS row_id, h.device_id AS device_id, h.hlc AS hlc
  FROM {_heads(touched=touched)}
  JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
  WHERE h.field = '{ROW_FIELD}' AND c.value = '{DELETED_JSON}' AND c.wire_ver <= :wire
),
dead AS (
  SELECT entity, row_id, device_id AS d_dev, hlc AS d_hlc FROM (
    SELECT entity, row_id, device_id, hlc,
           ROW_NUMBER() OVER (PARTITION BY entity, row_id
                              ORDER BY hlc DESC, device_id DESC) AS rn
    FROM deleted_head)
  WHERE rn = 1
)"""


def _uncovered_ctes(*, touched: bool) -> str:
    """CTEs up to ``uncovered``: heads of dead rows that the winning delete did not know."""
    return f"""{_dead_rows(touched=touched)},
cand AS (
  SELECT h.entity AS entity, h.row_id AS row_id, h.field AS field, h.device_id AS device_id,
         h.hlc AS hlc, d.d_dev AS d_dev, d.d_hlc AS d_hlc
  FROM dead d
  JOIN main.sync_head h ON h.entity = d.entity AND h.row_id = d.row_id
  JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
  WHERE NOT (h.device_id = d.d_dev AND h.hlc <= d.d_hlc)
    AND NOT (h.field = '{ROW_FIELD}' AND c.value = '{DELETED_JSON}')
),
roots AS (SELECT DISTINCT d_dev, d_hlc FROM cand),
anc(d_dev, d_hlc, device_id, hlc) AS (
  SELECT d_dev, d_hlc, d_dev, d_hlc FROM roots
  UNION
  SELECT a.d_dev, a.d_hlc, p.parent_device, p.parent_hlc
  FROM anc a JOIN main.sync_change_parent p ON p.device_id = a.device_id AND p.hlc = a.hlc
),
uncovered AS (
  SELECT c.* FROM cand c WHERE NOT EXISTS (
    SELECT 1 FROM anc a WHERE a.d_dev = c.d_dev AND a.d_hlc = c.d_hlc
      AND a.device_id = c.device_id AND a.hlc >= c.hlc)
)"""


_DELETE_EDIT_SQL = f"""
WITH RECURSIVE {_uncovered_ctes(touched=False)}
SELECT u.entity, u.row_id, u.d_dev, u.d_hlc, dc.value, dc.author,
       u.field, u.device_id, u.hlc, ec.value, ec.author
FROM uncovered u
JOIN main.sync_change dc ON dc.device_id = u.d_dev AND dc.hlc = u.d_hlc
JOIN main.sync_change ec ON ec.device_id = u.device_id AND ec.hlc = u.hlc
"""


#: Delete/edit conflicts: dead rows with a known field the winning delete did not cover.
_DELETE_EDIT_COUNT = """(SELECT COUNT(*) FROM (SELECT DISTINCT u.entity, u.row_id FROM uncovered u
  WHERE (u.entity, u.field) IN (SELECT entity, field FROM known)))"""


@cache
def _count_sql(*, touched: bool, single_heads: bool = False) -> str:
    """The same rules as :func:`conflicts`, counted in SQL (no Python object per conflict).

    ``single_heads``: no key has two heads, so only delete/edit conflicts can exist (the
    grouping of every head by key is skipped: 0.3 s at 600k heads)."""
    head = f"WITH RECURSIVE known(entity, field) AS ({_known_fields()}),\n" \
           f"{_uncovered_ctes(touched=touched)}"
    if single_heads:
        return f"{head}\nSELECT {_DELETE_EDIT_COUNT}\n"
    return f"""{head},
field_conflict AS (
  SELECT h.entity FROM {_multi_head_keys(touched=touched)} k
  JOIN main.sync_head h ON h.entity = k.entity AND h.row_id = k.row_id AND h.field = k.field
  JOIN main.sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
  WHERE NOT EXISTS (SELECT 1 FROM dead d WHERE d.entity = h.entity AND d.row_id = h.row_id)
    AND (h.entity, h.field) IN (SELECT entity, field FROM known)
  GROUP BY h.entity, h.row_id, h.field
  HAVING COUNT(DISTINCT COALESCE(c.value, '')) > 1 AND MAX(c.wire_ver) <= :wire
)
SELECT (SELECT COUNT(*) FROM field_conflict) + {_DELETE_EDIT_COUNT}
"""


def _count(conn: Connection, *, touched: bool = False, single_heads: bool = False) -> int:
    return _scalar_int(conn, _count_sql(touched=touched, single_heads=single_heads),
                       {"wire": _wire(None)})


def conflicts(conn: Connection, *, wire_version: int | None = None) -> list[Conflict]:
    """Every open conflict, in a canonical order (equal lists on peers with equal logs).

    * field conflicts: a known field of a live row with heads of different values (heads with
      equal values agree: nothing to ask anyone);
    * delete/edit conflicts: a row whose winning ``_row`` is a delete, with field heads (or a
      restore) the deleter did not know. Field conflicts of a deleted row are folded in there.
    """
    w = _wire(wire_version)
    dead = {(e, r) for e, r in conn.exec_driver_sql(
        f"WITH {_dead_rows(touched=False)} SELECT entity, row_id FROM dead", {"wire": w})}
    devices = dict(cast(Iterable[tuple[str, str | None]], conn.exec_driver_sql(
        "SELECT device_id, name FROM main.sync_device").all()))
    out: list[Conflict] = []
    grouped: dict[tuple[str, str, str], list[tuple[Any, ...]]] = {}
    for row in conn.exec_driver_sql(_HEAD_DETAIL.format(source=_multi_head_keys(touched=False))):
        if (row[0], row[1]) in dead:
            continue
        grouped.setdefault((row[0], row[1], row[2]), []).append(tuple(row))
    for (entity, row_id, fld), heads in grouped.items():
        spec = _spec(entity, fld)
        if spec is None or len({h[5] for h in heads}) < 2 or any(h[8] > w for h in heads):
            continue
        out.append(Conflict(entity, row_id, fld, "field", _values(heads, devices)))
    out.extend(_delete_edit_conflicts(conn, w, devices))
    out.sort(key=lambda c: (c.entity, c.row_id, c.field))
    return out


def _delete_edit_conflicts(conn: Connection, wire: int, devices: Mapping[str, str | None]
                           ) -> list[Conflict]:
    deletes: dict[tuple[str, str], ConflictValue] = {}
    edits: dict[tuple[str, str], list[ConflictValue]] = {}
    for (entity, row_id, d_dev, d_hlc, d_raw, d_author,
         fld, dev, hlc, raw, author) in conn.exec_driver_sql(_DELETE_EDIT_SQL, {"wire": wire}):
        if _spec(entity, fld) is None:
            continue  # a parked field: shown once this version understands it
        key = (entity, row_id)
        if key not in deletes:
            deletes[key] = _value((entity, row_id, ROW_FIELD, d_dev, d_hlc, d_raw, d_author),
                                  devices, winner=True)
        edits.setdefault(key, []).append(
            _value((entity, row_id, fld, dev, hlc, raw, author), devices, winner=False))
    return [Conflict(entity, row_id, ROW_FIELD, "delete_edit",
                     (deletes[(entity, row_id)],
                      *sorted(vals, key=lambda v: (v.field, -v.hlc, v.device_id))))
            for (entity, row_id), vals in edits.items()]


def _spec(entity: str, fld: str) -> FieldSpec | None:
    model = models.MODEL_BY_ENTITY.get(entity)
    return None if model is None else changelog.FIELD_BY_WIRE[model].get(fld)


def _values(heads: list[tuple[Any, ...]], devices: Mapping[str, str | None]
            ) -> tuple[ConflictValue, ...]:
    ordered = sorted(heads, key=lambda h: (h[2] == ROW_FIELD and h[5] == DELETED_JSON,
                                           h[4], h[3]), reverse=True)
    return tuple(_value(h, devices, winner=i == 0) for i, h in enumerate(ordered))


def _value(h: tuple[Any, ...], devices: Mapping[str, str | None], *, winner: bool
           ) -> ConflictValue:
    entity, _row, fld, dev, hlc, raw, author = h[:7]
    spec = _spec(entity, fld)
    decoded = None if raw is None else (
        changelog.decode_value(spec, raw) if spec is not None else json.loads(raw))
    return ConflictValue(fld, decoded, raw, author, dev, devices.get(dev),
                         changelog.hlc_to_datetime(hlc), hlc, winner)


CONFLICT_COUNT_SETTING = "sync.conflict_count"


def count_conflicts(conn: Connection) -> int:
    """Number of open conflicts (what a badge shows), counted in SQL (≈ 0.6 s at 600k
    changes); :func:`cached_conflict_count` is the cheap variant for imports."""
    return _count(conn)


def cached_conflict_count(conn: Connection, *, delta: tuple[int, int] | None = None,
                          recount: bool = True) -> int | None:
    """The conflict total kept in ``app_setting`` next to the number of changes in the log.

    The log is append-only, so the same number of changes means the same conflicts; a merge's
    ``delta = (n_new, conflicts after - before on the touched rows)`` carries a total that was
    valid just before it. A local edit in between invalidates it: then the total is recounted,
    or None without ``recount``. Call it in a write transaction.
    """
    changes = _scalar_int(conn, "SELECT COUNT(*) FROM main.sync_change")
    key = {"changes": changes, "wire": _wire(None)}
    stored = _read_setting(conn, CONFLICT_COUNT_SETTING)
    count: int | None = None
    if stored is not None and stored.get("key") == key:
        return int(stored.get("count", 0))
    if delta is not None and changes == delta[0]:  # the log was empty before the merge
        count = delta[1]
    elif (stored is not None and delta is not None
          and stored.get("key") == {**key, "changes": changes - delta[0]}):
        count = int(stored.get("count", 0)) + delta[1]
    elif recount:
        count = _count(conn)
    if count is not None:
        conn.exec_driver_sql(
            "INSERT INTO main.app_setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (CONFLICT_COUNT_SETTING, json.dumps({"key": key, "count": count})))
    return count


# --- Resolution and restore ------------------------------------------------------------------

def resolve(db: Database, entity: str, row_id: uuid.UUID | str, field: str, value: Any) -> None:
    """Settle a field: one change whose parents are *all* the field's heads.

    It supersedes them on every peer that receives it, whatever the clocks. ``value`` is a
    Python value of the field's type (one of the conflict's values, or a merged one).
    """
    spec = _spec(entity, field)
    if spec is None or field == ROW_FIELD:
        raise ValidationError("sync_unknown_field", "Champ inconnu : {entity}.{field}",
                              field=field, entity=entity)
    _write_superseding(db, entity, str(row_id), field, changelog.encode_value(spec, value),
                       whole_row=False)


def restore(db: Database, entity: str, row_id: uuid.UUID | str) -> None:
    """« Restaurer » a deleted row: ``_row = "alive"`` with every head of the row as parent.

    The row comes back with the edits the deleter had not seen (they are the field heads).
    """
    _write_superseding(db, entity, str(row_id), ROW_FIELD, ALIVE_JSON, whole_row=True)


def confirm_delete(db: Database, entity: str, row_id: uuid.UUID | str) -> None:
    """Keep a row deleted after seeing the concurrent edits: a delete naming every head."""
    _write_superseding(db, entity, str(row_id), ROW_FIELD, DELETED_JSON, whole_row=True)


def _write_superseding(db: Database, entity: str, row_id: str, field: str, raw: str, *,
                       whole_row: bool) -> None:
    if entity not in models.MODEL_BY_ENTITY:
        raise ValidationError("sync_unknown_entity", "Type d'enregistrement inconnu : {entity}",
                              field="entity", entity=entity)
    with db.write() as s:
        conn = s.connection()
        heads = conn.exec_driver_sql(
            "SELECT field, device_id, hlc FROM main.sync_head WHERE entity = ? AND row_id = ?",
            (entity, row_id)).all()
        if not any(f == ROW_FIELD for f, _d, _h in heads):
            raise NotFound("not_found", "L'enregistrement {id} est introuvable.", id=row_id)
        parents = sorted((d, h) for f, d, h in heads if whole_row or f == field)
        pending = changelog._begin_changes(conn, s.info["change_context"])
        pending.add(entity, row_id, field, raw, parents)
        pending.write(conn)
        _prepare_temp(conn)
        conn.exec_driver_sql("INSERT INTO temp.sync_rows (entity, row_id) VALUES (?, ?)",
                             (entity, row_id))
        project_touched(conn)
        reindex_touched(conn)
        _drop_temp(conn)


# --- Clock ---------------------------------------------------------------------------------

def observe_hlc(conn: Connection, remote_hlc: int) -> bool:
    """Ratchet our HLC up to ``remote_hlc`` (caller checked plausibility); True if it moved."""
    moved = conn.exec_driver_sql(
        "UPDATE main.sync_state SET hlc = ? WHERE id = 1 AND hlc < ?", (remote_hlc, remote_hlc))
    return bool(moved.rowcount)


# --- Device identity -------------------------------------------------------------------------

def _fingerprint(path: Path) -> dict[str, Any]:
    st = os.stat(path)
    return {"path": str(path.resolve()), "dev": st.st_dev, "ino": st.st_ino}


def _read_setting(conn: Connection, key: str) -> dict[str, Any] | None:
    raw = conn.exec_driver_sql("SELECT value FROM main.app_setting WHERE key = ?",
                               (key,)).scalar()
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _write_instance(conn: Connection, path: Path, device_id: str) -> None:
    value = json.dumps({**_fingerprint(path), "device_id": device_id})
    conn.exec_driver_sql(
        "INSERT INTO main.app_setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (INSTANCE_SETTING, value))


def reidentify(conn: Connection, reason: str) -> str:
    """Give this database a new device id (seq restarts at 0; the HLC keeps going).

    The old id's changes stay as they are: they are history, and other peers hold them too.
    """
    old, name, user = conn.exec_driver_sql(
        "SELECT device_id, device_name, user_name FROM main.sync_state WHERE id = 1").one()
    new = str(new_id())
    conn.exec_driver_sql("UPDATE main.sync_state SET device_id = ?, seq = 0 WHERE id = 1",
                         (new,))
    conn.exec_driver_sql("INSERT OR IGNORE INTO main.sync_device (device_id, name, user_name) "
                         "VALUES (?, ?, ?)", (new, name, user))
    log.warning("device re-identified (%s): %s -> %s", reason, old, new)
    return new


def watermark_path(db_path: Path) -> Path:
    """Sidecar recording the highest seq that left this device in an export."""
    return db_path.with_name(db_path.name + WATERMARK_SUFFIX)


def read_watermark(db_path: Path) -> tuple[str, int] | None:
    try:
        data = json.loads(watermark_path(db_path).read_text(encoding="utf-8"))
        return str(data["device_id"]), int(data["exported_seq"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_watermark(db_path: Path, device_id: str, exported_seq: int) -> None:
    """Record (atomically) that changes up to ``exported_seq`` of ``device_id`` left."""
    previous = read_watermark(db_path)
    if previous is not None and previous[0] == device_id and previous[1] >= exported_seq:
        return
    target = watermark_path(db_path)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps({"device_id": device_id, "exported_seq": exported_seq}),
                   encoding="utf-8")
    os.replace(tmp, target)


def ensure_identity(conn: Connection, db_path: Path) -> str | None:
    """Re-identify the device if this file is a copy or a restored backup; new id or None.

    Two signals, both outside the synced data:

    * the file's location (path, st_dev, st_ino) stored in ``app_setting`` at first use: a copy
      (another file, another machine) carries the original's record, which no longer matches.
      A rename within the same file system keeps the inode and only refreshes the record;
    * the export watermark sidecar: if this device's ``seq`` is below a seq that already left in
      an export, the database was rolled back (a restore over the same file keeps its inode),
      and reusing those seqs would fork the device's history.

    A false positive only costs a new device id; a miss is caught later, at import, as a
    collision (:class:`CloneDetected`) that overwrites nothing.
    """
    device_id, seq = conn.exec_driver_sql(
        "SELECT device_id, seq FROM main.sync_state WHERE id = 1").one()
    stored = _read_setting(conn, INSTANCE_SETTING)
    here = _fingerprint(db_path)
    reason = None
    if stored is not None and stored.get("device_id") == device_id:
        same_file = (stored.get("dev"), stored.get("ino")) == (here["dev"], here["ino"])
        if here["ino"] == 0:  # file systems without inode numbers: compare the path only
            same_file = stored.get("path") == here["path"]
        if not same_file:
            reason = "database file copied or replaced"
    mark = read_watermark(db_path)
    if reason is None and mark is not None and mark[0] == device_id and seq < mark[1]:
        reason = "database restored from an older state"
    new = reidentify(conn, reason) if reason else None
    if new is not None or stored != {**here, "device_id": device_id}:
        _write_instance(conn, db_path, new or device_id)
    return new


PROJECTED_WIRE_SETTING = "sync.projected_wire_version"


def ensure_projection_current(conn: Connection, *, wire_version: int | None = None) -> bool:
    """Re-project everything once after an upgrade changed the wire version (un-parking).

    SYNC.md "Schema mismatch": parked changes wait in the log; the version that understands
    them projects them when it first opens the database. True if it re-projected.
    """
    w = _wire(wire_version)
    stored = _read_setting(conn, PROJECTED_WIRE_SETTING)
    if stored is not None and stored.get("wire_version") == w:
        return False
    if stored is not None:
        reproject_all(conn, wire_version=w)
    conn.exec_driver_sql(
        "INSERT INTO main.app_setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (PROJECTED_WIRE_SETTING, json.dumps({"wire_version": w})))
    return stored is not None
