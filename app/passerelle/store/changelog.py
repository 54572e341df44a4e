"""The change log write path (SYNC.md §1): the only thing that syncs, and the audit trail.

Every write to a synced table — through the ORM (forms) or through :func:`bulk_create`
(imports, demo data) — records one ``sync_change`` per changed field in the *same* transaction,
stamped with the device id, a hybrid logical clock (HLC), a per-device contiguous ``seq`` and the
author. The field's previous heads become the change's parents, so concurrent edits on two
laptops show up later as two heads (a conflict) instead of one silently overwriting the other.

The domain tables are projections of the log: :func:`rebuild_projection` reproduces them from
the log alone, and :func:`digest` fingerprints them so tests (and CI) can assert both are equal.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, event, insert, select, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.attributes import get_history
from sqlalchemy.sql import sqltypes

from passerelle.domain.ids import new_id
from passerelle.store import digest_cache, search, sync_file
from passerelle.store.coltypes import UuidText
from passerelle.store.models import (
    MODEL_BY_ENTITY,
    SYNCED_MODELS,
    WIRE_VERSION,
    NoteRevision,
    Synced,
    sync_device,
    sync_state,
)

ROW_FIELD = "_row"
#: the field of a redaction change (RGPD erasure; see ``store/redaction.py``)
REDACT_FIELD = "_redact"
ALIVE = "alive"
DELETED = "deleted"
_COUNTER_BITS = 16
_COUNTER_MASK = (1 << _COUNTER_BITS) - 1


# --- Hybrid logical clock ---------------------------------------------------------------------

def hlc_next(last: int, wall_ms: int) -> int:
    """The next HLC after ``last``: physical milliseconds in the high bits, a counter below.

    Monotonic even when the wall clock steps back (the counter advances instead).
    """
    last_ms = last >> _COUNTER_BITS
    if wall_ms > last_ms:
        return wall_ms << _COUNTER_BITS
    return last + 1


def hlc_to_datetime(hlc: int) -> datetime:
    """The wall time (UTC) an HLC was stamped at."""
    return datetime.fromtimestamp((hlc >> _COUNTER_BITS) / 1000, tz=UTC)


def system_clock_ms() -> int:
    """Milliseconds since the epoch, from the system clock."""
    return time.time_ns() // 1_000_000


# --- Field codec ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A synced column and its wire name."""

    attr: str
    wire: str
    column: Column[Any]


def table_of(model: type[Synced]) -> Table:
    """The model's Core table (typed)."""
    return cast(Table, model.__table__)


def _synced_fields(model: type[Synced]) -> tuple[FieldSpec, ...]:
    specs = []
    for col in table_of(model).columns:
        if col.key in ("id",) or col.info.get("local"):
            continue
        wire = ROW_FIELD if col.key == "deleted" else col.key
        specs.append(FieldSpec(col.key, wire, col))
    return tuple(specs)


FIELDS: dict[type[Synced], tuple[FieldSpec, ...]] = {m: _synced_fields(m) for m in SYNCED_MODELS}
FIELD_BY_WIRE: dict[type[Synced], dict[str, FieldSpec]] = {
    m: {f.wire: f for f in specs} for m, specs in FIELDS.items()
}


def encode_value(spec: FieldSpec, value: Any) -> str:
    """JSON text of a value, type-preserving (the text "007" stays text)."""
    if spec.wire == ROW_FIELD:
        return json.dumps(DELETED if value else ALIVE)
    if value is None:
        return "null"
    if isinstance(value, uuid.UUID):
        return json.dumps(str(value))
    if isinstance(value, datetime | date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode_value(spec: FieldSpec, raw: str | None) -> Any:
    """The Python value of a JSON field, converted by the column's type."""
    value = None if raw is None else json.loads(raw)
    if spec.wire == ROW_FIELD:
        return value == DELETED
    if value is None:
        return None
    col_type = spec.column.type
    if isinstance(col_type, UuidText):
        return uuid.UUID(value)
    if isinstance(col_type, sqltypes.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(col_type, sqltypes.Date):
        return date.fromisoformat(value)
    if isinstance(col_type, sqltypes.Boolean):
        return bool(value)
    return value


def _column_default(spec: FieldSpec) -> Any:
    default = spec.column.default
    if default is None:
        return None
    arg = getattr(default, "arg", None)
    if default.is_callable and callable(arg):
        return arg(None)
    if default.is_scalar:
        return arg
    return None


# --- Write path ------------------------------------------------------------------------------

@dataclass
class ChangeContext:
    """Who writes and which clock stamps the changes; held in ``session.info``."""

    author: str | None = None
    clock_ms: Callable[[], int] = system_clock_ms


@dataclass
class _PendingChanges:
    """Changes of one flush, written with a few ``executemany`` calls.

    Rows are kept as tuples and sent through the driver directly: SQLAlchemy's per-row
    parameter processing cost more than SQLite itself on large imports.
    """

    device_id: str
    hlc: int
    seq: int
    clock_ms: Callable[[], int]
    author: str | None
    changes: list[tuple[Any, ...]] = field(default_factory=list)
    parents: list[tuple[Any, ...]] = field(default_factory=list)
    head_deletes: list[tuple[str, str, str]] = field(default_factory=list)
    head_inserts: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, entity: str, row_id: str, field_name: str, value: str,
            parents: Sequence[tuple[str, int]] = ()) -> int:
        self.hlc = hlc = hlc_next(self.hlc, self.clock_ms())
        self.seq += 1
        dev = self.device_id
        self.changes.append((dev, hlc, self.seq, entity, row_id, field_name, value,
                             WIRE_VERSION, self.author))
        for p_dev, p_hlc in parents:
            self.parents.append((dev, hlc, p_dev, p_hlc))
        if parents:
            self.head_deletes.append((entity, row_id, field_name))
        self.head_inserts.append((entity, row_id, field_name, dev, hlc))
        return hlc

    def write(self, conn: Connection) -> None:
        if not self.changes:
            return
        run = conn.exec_driver_sql
        if self.head_deletes:
            run("DELETE FROM sync_head WHERE entity = ? AND row_id = ? AND field = ?",
                self.head_deletes)
        run("INSERT INTO sync_change (device_id, hlc, seq, entity, row_id, field, value, "
            "wire_ver, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.changes)
        if self.parents:
            run("INSERT INTO sync_change_parent (device_id, hlc, parent_device, parent_hlc) "
                "VALUES (?, ?, ?, ?)", self.parents)
        run("INSERT INTO sync_head (entity, row_id, field, device_id, hlc) "
            "VALUES (?, ?, ?, ?, ?)", self.head_inserts)
        run("UPDATE sync_state SET hlc = ?, seq = ? WHERE id = 1", (self.hlc, self.seq))
        if digest_cache.completes_a_block(self.changes[0][2], self.seq,
                                          sync_file.DIGEST_BLOCK):
            # This commit completes a digest block: hash it once now, not at every export.
            digest_cache.complete(conn.connection.driver_connection, (self.device_id,))


def _begin_changes(conn: Connection, ctx: ChangeContext) -> _PendingChanges:
    row = conn.execute(
        select(sync_state.c.device_id, sync_state.c.hlc, sync_state.c.seq)
        .where(sync_state.c.id == 1)
    ).one_or_none()
    if row is None:
        raise RuntimeError("sync_state is empty: the database was not initialised")
    return _PendingChanges(row.device_id, row.hlc, row.seq, ctx.clock_ms, ctx.author)


def _row_heads(conn: Connection, entity: str, row_id: str) -> dict[str, list[tuple[str, int]]]:
    heads: dict[str, list[tuple[str, int]]] = {}
    rows = conn.execute(
        text("SELECT field, device_id, hlc FROM sync_head WHERE entity = :e AND row_id = :r"),
        {"e": entity, "r": row_id},
    )
    for f, dev, h in rows:
        heads.setdefault(f, []).append((dev, h))
    return heads


def decode_redaction(raw: str | None) -> dict[str, str]:
    """A redaction's field → replacement JSON text; malformed parts are ignored."""
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        return {}
    fields = data.get("fields") if isinstance(data, dict) else None
    if not isinstance(fields, dict):
        return {}
    out: dict[str, str] = {}
    for name, replacement in fields.items():
        if not isinstance(name, str) or name in (ROW_FIELD, REDACT_FIELD) \
                or not isinstance(replacement, str):
            continue
        try:
            json.loads(replacement)
        except ValueError:
            continue
        out[name] = replacement
    return out


def redacted_fields(conn: Connection, entity: str, row_id: str) -> dict[str, str]:
    """The row's redacted fields and their replacement (the latest redaction wins)."""
    out: dict[str, str] = {}
    for (raw,) in conn.execute(
            text("SELECT value FROM sync_change WHERE entity = :e AND row_id = :r "
                 "AND field = :f ORDER BY hlc, device_id"),
            {"e": entity, "r": row_id, "f": REDACT_FIELD}):
        out.update(decode_redaction(raw))
    return out


def _record_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    ctx: ChangeContext | None = session.info.get("change_context")
    new = [o for o in session.new if isinstance(o, Synced)]
    dirty = [o for o in session.dirty if isinstance(o, Synced)]
    gone = [o for o in session.deleted if isinstance(o, Synced)]
    if gone:
        raise TypeError("synced rows are never deleted physically: set .deleted = True "
                        "(a tombstone) through the services")
    if not (new or dirty):
        return
    if ctx is None:
        raise RuntimeError("writes to synced tables need a session from Database.session()")
    conn = session.connection()
    pending = _begin_changes(conn, ctx)
    touched: list[tuple[str, str]] = []
    for obj in new:
        model = type(obj)
        if getattr(obj, "id", None) is None:
            obj.id = new_id()
        row_id = str(obj.id)
        last = 0
        for spec in FIELDS[model]:
            value = getattr(obj, spec.attr)
            if value is None:
                value = _column_default(spec)
                setattr(obj, spec.attr, value)
            if value is None:
                continue
            last = pending.add(model.__entity__, row_id, spec.wire, encode_value(spec, value))
        obj.changed_hlc = max(obj.changed_hlc or 0, last)  # a skewed peer may be ahead
        touched.append((model.__entity__, row_id))
    for obj in dirty:
        model = type(obj)
        changed = [s for s in FIELDS[model] if get_history(obj, s.attr).has_changes()]
        if not changed:
            continue
        if model.__append_only__ and any(s.wire != ROW_FIELD for s in changed):
            raise TypeError(f"{model.__entity__} is append-only: write a new revision instead")
        row_id = str(obj.id)
        heads = _row_heads(conn, model.__entity__, row_id)
        redacted = redacted_fields(conn, model.__entity__, row_id) \
            if REDACT_FIELD in heads else {}
        last = 0
        for spec in changed:
            if spec.wire in redacted:
                # A redacted field keeps its replacement for ever: a local edit would
                # diverge from peers, who rewrite every change of the field on arrival.
                setattr(obj, spec.attr, decode_value(spec, redacted[spec.wire]))
            value = getattr(obj, spec.attr)
            if spec.wire == ROW_FIELD:
                parents = [h for hs in heads.values() for h in hs]
            else:
                parents = heads.get(spec.wire, [])
            last = pending.add(model.__entity__, row_id, spec.wire, encode_value(spec, value),
                               parents)
        obj.changed_hlc = max(obj.changed_hlc or 0, last)  # a skewed peer may be ahead
        touched.append((model.__entity__, row_id))
    pending.write(conn)
    session.info.setdefault("touched", []).extend(touched)


def _index_after_flush(session: Session, _flush_context: Any) -> None:
    touched: list[tuple[str, str]] = session.info.pop("touched", [])
    if touched:
        search.reindex(session.connection(), _expand_for_search(session, touched))


def _expand_for_search(session: Session, touched: Iterable[tuple[str, str]]
                       ) -> dict[str, set[str]]:
    by_entity: dict[str, set[str]] = {}
    for entity, row_id in touched:
        if entity == NoteRevision.__entity__:
            interaction = session.connection().execute(
                text("SELECT interaction_id FROM note_revision WHERE id = :i"), {"i": row_id}
            ).scalar()
            if interaction:
                by_entity.setdefault("interaction", set()).add(interaction)
        elif entity in search.INDEXED:
            by_entity.setdefault(entity, set()).add(row_id)
    return by_entity


def _reject_bulk_orm(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, Synced):
        raise TypeError("bulk UPDATE/DELETE bypasses the change log: use the services")


def install(factory: sessionmaker[Session]) -> None:
    """Attach the change-log hooks to the sessions of ``factory``."""
    event.listen(factory, "before_flush", _record_flush)
    event.listen(factory, "after_flush", _index_after_flush)
    event.listen(factory, "do_orm_execute", _reject_bulk_orm)


def bulk_create(session: Session, model: type[Synced], rows: Sequence[dict[str, Any]]
                ) -> list[uuid.UUID]:
    """Insert many new rows at Core speed, with exactly the changes the ORM path would record.

    ``rows`` map attribute names to values; a missing ``id`` gets a UUIDv7.
    """
    if not rows:
        return []
    ctx: ChangeContext = session.info["change_context"]
    conn = session.connection()
    pending = _begin_changes(conn, ctx)
    specs = FIELDS[model]
    table = table_of(model)
    out_rows = []
    ids = []
    for row in rows:
        rid = row.get("id") or new_id()
        ids.append(rid)
        values: dict[str, Any] = {"id": rid}
        last = 0
        for spec in specs:
            value = row.get(spec.attr)
            if value is None:
                value = _column_default(spec)
            values[spec.attr] = value
            if value is None:
                continue
            last = pending.add(model.__entity__, str(rid), spec.wire, encode_value(spec, value))
        values["changed_hlc"] = last
        out_rows.append(values)
    _insert_rows(conn, table, out_rows)
    pending.write(conn)
    if model.__entity__ in search.INDEXED:
        search.reindex(conn, {model.__entity__: {str(i) for i in ids}})
    elif model is NoteRevision:
        search.reindex(conn, {"interaction": {str(r["interaction_id"]) for r in out_rows}})
    return ids


def _insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """executemany through the driver, converting values with each column's bind processor."""
    dialect = conn.dialect
    cols = list(table.columns)
    procs = [c.type._cached_bind_processor(dialect) for c in cols]
    keys = [c.key for c in cols]
    data = [tuple(p(r.get(k)) if p else r.get(k) for k, p in zip(keys, procs, strict=True))
            for r in rows]
    names = ", ".join(f'"{c.name}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', data)


# --- Identity ------------------------------------------------------------------------------

def init_device(conn: Connection, device_name: str | None = None,
                user_name: str | None = None) -> str:
    """Give a new database its device id (UUIDv7) and an HLC at zero; idempotent."""
    existing = conn.execute(select(sync_state.c.device_id)).scalar()
    if existing:
        return str(existing)
    device_id = str(new_id())
    user = user_name or _os_user()
    conn.execute(insert(sync_state).values(id=1, device_id=device_id, device_name=device_name,
                                           user_name=user, hlc=0, seq=0))
    conn.execute(insert(sync_device).values(device_id=device_id, name=device_name,
                                            user_name=user))
    return device_id


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "utilisateur"


# --- Projection ----------------------------------------------------------------------------

_WINNERS_SQL = text("""
SELECT row_id, field, value FROM (
  SELECT h.row_id AS row_id, h.field AS field, c.value AS value,
         ROW_NUMBER() OVER (PARTITION BY h.row_id, h.field
                            ORDER BY (h.field = '_row' AND c.value = '"deleted"') DESC,
                                     h.hlc DESC, h.device_id DESC) AS rn
  FROM sync_head h JOIN sync_change c ON c.device_id = h.device_id AND c.hlc = h.hlc
  WHERE h.entity = :entity
) WHERE rn = 1
""")


def project_rows(conn: Connection, model: type[Synced]) -> list[dict[str, Any]]:
    """The rows of ``model`` as the log says they are: each field's winning head.

    The winner is the head with the greatest (hlc, device_id), the same on every peer; for the
    ``_row`` field a deleted head wins over a concurrent restore (delete wins, SYNC.md). Fields
    unknown to this version are skipped here (parked) but stay in the log to be relayed.
    """
    by_wire = FIELD_BY_WIRE[model]
    rows: dict[str, dict[str, Any]] = {}
    for row_id, wire, raw in conn.execute(_WINNERS_SQL, {"entity": model.__entity__}):
        spec = by_wire.get(wire)
        if spec is None:
            continue
        rows.setdefault(row_id, {})[spec.attr] = decode_value(spec, raw)
    changed: dict[str, int] = dict(conn.execute(
        text("SELECT row_id, MAX(hlc) FROM sync_change WHERE entity = :e GROUP BY row_id"),
        {"e": model.__entity__},
    ).all())
    out = []
    for row_id, values in rows.items():
        if "deleted" not in values:
            continue  # never created here: fields arrived before the row (kept in the log)
        full = {spec.attr: values.get(spec.attr) for spec in FIELDS[model]}
        full["id"] = uuid.UUID(row_id)
        full["changed_hlc"] = changed.get(row_id, 0)
        out.append(full)
    return out


def rebuild_projection(session: Session) -> None:
    """Rebuild every synced table (and the search index) from the change log alone."""
    conn = session.connection()
    for model in SYNCED_MODELS:
        rows = project_rows(conn, model)
        conn.execute(table_of(model).delete())
        if rows:
            conn.execute(insert(table_of(model)), rows)
    search.rebuild(conn)


def digest(conn: Connection) -> str:
    """SHA-256 over the content of every synced table, in a canonical order."""
    h = hashlib.sha256()
    for model in SYNCED_MODELS:
        table = table_of(model)
        cols = sorted(table.columns, key=lambda c: c.key)
        h.update(model.__entity__.encode())
        for row in conn.execute(select(*cols).order_by(table.c.id)):
            h.update(json.dumps([_canonical(v) for v in row], ensure_ascii=False).encode())
    return h.hexdigest()


def _canonical(value: Any) -> Any:
    if isinstance(value, uuid.UUID | datetime | date):
        return str(value)
    return value


# --- Audit ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded change: who, when, on which device, old → new."""

    entity: str
    row_id: str
    field: str
    old_value: Any
    new_value: Any
    author: str | None
    device_id: str
    device_name: str | None
    at: datetime
    hlc: int


def _decode_any(spec: FieldSpec | None, raw: str | None) -> Any:
    """Decode by the field's column type; a field unknown to this version stays plain JSON."""
    if spec is not None:
        return decode_value(spec, raw)
    return None if raw is None else json.loads(raw)


_AUDIT_SQL = """
SELECT c.entity, c.row_id, c.field, c.value, c.author, c.device_id, d.name, c.hlc,
       (SELECT pc.value FROM sync_change_parent p
          JOIN sync_change pc ON pc.device_id = p.parent_device AND pc.hlc = p.parent_hlc
         WHERE p.device_id = c.device_id AND p.hlc = c.hlc AND pc.field = c.field
         ORDER BY pc.hlc DESC LIMIT 1) AS old_value
FROM sync_change c LEFT JOIN sync_device d ON d.device_id = c.device_id
WHERE c.entity = :entity AND c.row_id = :row_id {field_clause}
ORDER BY c.hlc, c.device_id
"""


def history(conn: Connection, entity: str, row_id: uuid.UUID | str,
            field_name: str | None = None) -> list[AuditEntry]:
    """The audit trail of a row (or of one of its fields), oldest first."""
    model = MODEL_BY_ENTITY[entity]
    by_wire = FIELD_BY_WIRE[model]
    sql = _AUDIT_SQL.format(field_clause="AND c.field = :field" if field_name else "")
    params: dict[str, Any] = {"entity": entity, "row_id": str(row_id)}
    if field_name:
        params["field"] = field_name
    out = []
    for ent, rid, fld, value, author, dev, dev_name, hlc, old in conn.execute(text(sql), params):
        spec = by_wire.get(fld)
        out.append(AuditEntry(ent, rid, fld, _decode_any(spec, old) if old is not None else None,
                              _decode_any(spec, value), author, dev, dev_name,
                              hlc_to_datetime(hlc), hlc))
    return out
