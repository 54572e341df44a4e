"""Redaction (RGPD erasure): the one rewrite of the change log, propagated like any change.

SYNC.md: « Physical deletion is only for explicit redaction (GDPR). It is a propagated change
that nulls past values in the log. » A redaction is a change on the field :data:`REDACT_FIELD`
of a row whose value names, for some fields, the JSON text that *every* change of that field
must carry from now on (``null`` or a neutral placeholder such as « Personne effacée »)::

    {"fields": {"last_name": "\\"Personne effacée\\"", "email": "null"}}

Rules (and why):

* **Every change of a covered field is rewritten, past and future.** A colleague who edited
  the person's e-mail before receiving the erasure sends that edit later: it arrives, is
  rewritten on arrival, and so never resurrects the erased value. The field's visible value is
  therefore the replacement itself (all heads agree: no conflict).
* **Several redactions of one field:** the one with the greatest ``(hlc, device_id)`` wins.
  The rewritten log is then a pure function of the *set* of changes, so peers that hold the
  same changes hold byte-identical logs and equal digests, whatever the import order.
* **A redaction never carries the erased text**: only replacements. Scrubbed free text (a note
  naming the person) travels as the scrubbed text, which is what every peer must show.
* **Imports compare redacted changes leniently**: a change we hold with a redacted value and
  the same change arriving with its old value (or the reverse) are the same change, not a
  cloned device (see ``sync_merge._collect_new``).
* ``_row`` and the redaction field itself can never be covered: visibility and the redaction
  history stay exact.

Peers of a version without redaction refuse a redacted change as a clone (nothing is
overwritten there); every peer of a team must run a version that knows this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from passerelle.store import changelog
from passerelle.store.models import MODEL_BY_ENTITY

REDACT_FIELD = changelog.REDACT_FIELD
#: ``app_setting`` flag: this log holds redactions (spares imports a scan of the whole log)
PRESENT_SETTING = "rgpd.redactions_present"
#: up to this many rows, read their redactions by index; beyond, one scan of the log
_PER_ROW_MAX = 5_000
_FORBIDDEN = frozenset({changelog.ROW_FIELD, REDACT_FIELD})


@dataclass(frozen=True, slots=True)
class Redaction:
    """What to write: for a row, each field's replacement as a Python value of its type."""

    entity: str
    row_id: str
    replacements: Mapping[str, Any]


def encode_redaction(entity: str, replacements: Mapping[str, Any]) -> str:
    """The redaction change's JSON value (replacements encoded by each field's codec)."""
    by_wire = changelog.FIELD_BY_WIRE[MODEL_BY_ENTITY[entity]]
    fields: dict[str, str] = {}
    for name, value in sorted(replacements.items()):
        if name in _FORBIDDEN or name not in by_wire:
            raise ValueError(f"{entity}.{name} cannot be redacted")
        fields[name] = changelog.encode_value(by_wire[name], value)
    return json.dumps({"fields": fields}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


decode_redaction = changelog.decode_redaction


def write_redactions(conn: Connection, context: changelog.ChangeContext,
                     redactions: Iterable[Redaction]) -> set[tuple[str, str]]:
    """Record one redaction change per row (parents: the row's previous redactions).

    The caller then calls :func:`apply_redactions` and re-projects the rows returned.
    """
    items = sorted(redactions, key=lambda r: (r.entity, r.row_id))
    if not items:
        return set()
    pending = changelog._begin_changes(conn, context)  # noqa: SLF001 - the log's own writer
    for r in items:
        heads = conn.exec_driver_sql(
            "SELECT device_id, hlc FROM main.sync_head WHERE entity = ? AND row_id = ? "
            "AND field = ?", (r.entity, r.row_id, REDACT_FIELD)).all()
        pending.add(r.entity, r.row_id, REDACT_FIELD, encode_redaction(r.entity, r.replacements),
                    sorted((str(d), int(h)) for d, h in heads))
    pending.write(conn)
    mark_present(conn)
    return {(r.entity, r.row_id) for r in items}


def mark_present(conn: Connection) -> None:
    """Remember that the log holds redactions (set in the same transaction as they land)."""
    conn.exec_driver_sql(
        "INSERT INTO main.app_setting (key, value) VALUES (?, '1') "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (PRESENT_SETTING,))


def present(conn: Connection) -> bool:
    """Whether the local log holds any redaction."""
    return conn.exec_driver_sql("SELECT value FROM main.app_setting WHERE key = ?",
                                (PRESENT_SETTING,)).scalar() == "1"


def redacted_keys(conn: Connection, schemas: Iterable[str] = ("main",),
                  table: Mapping[str, str] | None = None) -> set[tuple[str, str, str]]:
    """Every (entity, row_id, field) covered by a redaction in the given schemas' logs."""
    tables = table or {}
    out: set[tuple[str, str, str]] = set()
    for schema in schemas:
        if schema == "main" and not present(conn):
            continue
        name = tables.get(schema, "sync_change")
        for entity, row_id, raw in conn.exec_driver_sql(
                f"SELECT entity, row_id, value FROM {schema}.{name} WHERE field = ?",
                (REDACT_FIELD,)):
            out.update((entity, row_id, f) for f in decode_redaction(raw))
    return out


def apply_redactions(conn: Connection, rows: Iterable[tuple[str, str]] | None = None
                     ) -> set[tuple[str, str]]:
    """Rewrite the log's values covered by redactions (of ``rows``, or of every row).

    Returns the rows whose log changed (to re-project and re-index). Idempotent.
    """
    wanted = None if rows is None else set(rows)
    if wanted is not None and not wanted:
        return set()
    final: dict[tuple[str, str, str], str] = {}
    if wanted is not None and len(wanted) <= _PER_ROW_MAX:
        source: Iterable[Any] = (
            (entity, row_id, raw) for entity, row_id in sorted(wanted)
            for (raw,) in conn.exec_driver_sql(
                "SELECT value FROM main.sync_change WHERE entity = ? AND row_id = ? "
                "AND field = ? ORDER BY hlc, device_id", (entity, row_id, REDACT_FIELD)))
    else:
        source = conn.exec_driver_sql(
            "SELECT entity, row_id, value FROM main.sync_change WHERE field = ? "
            "ORDER BY hlc, device_id", (REDACT_FIELD,))
    for entity, row_id, raw in source:
        if wanted is not None and (entity, row_id) not in wanted:
            continue
        for name, text in decode_redaction(raw).items():
            final[(entity, row_id, name)] = text  # later (hlc, device) wins
    changed: set[tuple[str, str]] = set()
    for (entity, row_id, name), text in sorted(final.items()):
        result = conn.exec_driver_sql(
            "UPDATE main.sync_change SET value = ? WHERE entity = ? AND row_id = ? "
            "AND field = ? AND value IS NOT ?", (text, entity, row_id, name, text))
        if result.rowcount:
            changed.add((entity, row_id))
    return changed
