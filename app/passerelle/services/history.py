"""A record's history, read from the change log (the audit trail, SYNC.md): who, when, on
which device, which field, old → new. Newest first, for the « Historique » dialog."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from passerelle.domain.errors import NotFound
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import MODEL_BY_ENTITY


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change. ``kind``: « create », « edit », « delete », « restore » or « redact »."""

    at: datetime
    author: str | None
    device: str
    entity: str
    field: str
    kind: str
    old_value: Any
    new_value: Any


_CREATION_WINDOW = 2000 << 16  # 2 s in HLC units (milliseconds above a 16-bit counter)


def _kind(e: changelog.AuditEntry, first_hlc: int) -> str:
    if e.field == changelog.REDACT_FIELD:
        return "redact"
    if e.field == changelog.ROW_FIELD:
        if e.new_value is True:
            return "delete"
        return "restore" if e.old_value is True else "create"
    # the initial values are written in the creating transaction (well within 2 seconds)
    return "create" if e.old_value is None and e.hlc - first_hlc < _CREATION_WINDOW else "edit"


def record_history(db: Database, entity: str, row_id: uuid.UUID | str) -> list[HistoryEntry]:
    """The changes of one row, newest first (a creation lists the initial values)."""
    if entity not in MODEL_BY_ENTITY:
        raise NotFound("history_unknown_entity", "Type d'enregistrement inconnu : {entity}",
                       entity=entity)
    with db.read() as s:
        entries = changelog.history(s.connection(), entity, row_id)
    if not entries:
        raise NotFound("not_found", "L'enregistrement {id} est introuvable.", id=str(row_id))
    first = min(e.hlc for e in entries)
    out = [HistoryEntry(e.at, e.author, e.device_name or e.device_id[:8], e.entity, e.field,
                        _kind(e, first), e.old_value, e.new_value)
           for e in entries]
    out.reverse()
    return out
