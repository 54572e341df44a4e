"""Global search: full-text hits joined back to their rows for a proper title and context.

The FTS index (``store.search``) knows a hit's entity, id, indexed title and a snippet of the
body; a result list needs more than that to be recognisable at a glance: the kind and commune of
an organisation, a contact's organisation, a file's reference and stage, the date and file of an
interaction. One small ``IN`` query per entity fetches those facts for the handful of hits shown,
so the cost stays that of the FTS query itself (DESIGN.md §8: ≤ 2 × the raw FTS5 query).

Context lines are returned both as French text (for the CLI and logs) and as ``context_parts``,
whose vocabulary members and dates the UI translates and formats itself.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text

from passerelle.domain.stages import Stage
from passerelle.domain.text import fold
from passerelle.domain.vocabulary import (
    DocumentKind,
    FileStatus,
    InteractionKind,
    OrganisationKind,
)
from passerelle.store import search as fts
from passerelle.store.database import Database

#: Entities in the order their groups are shown.
ENTITY_ORDER: tuple[str, ...] = (
    "organisation",
    "contact",
    "partnership_file",
    "interaction",
    "document",
)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One hit, ready to show: what it is, what to call it, where it sits, why it matched.

    ``file_id`` is the file to open for this hit (the file itself, an interaction's or a
    document's file); ``organisation_id`` the organisation to show when there is no file (an
    organisation, or an interaction logged against an organisation only).
    ``snippet`` marks the matched words with ``[`` and ``]``; it is empty when the match was in
    the title only (the body then has nothing useful to show).
    """

    entity: str
    id: uuid.UUID
    title: str
    context: str
    snippet: str
    file_id: uuid.UUID | None
    organisation_id: uuid.UUID | None = None
    context_parts: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchGroup:
    """The hits of one entity, best first."""

    entity: str
    hits: tuple[SearchResult, ...]


def global_search(db: Database, text_: str, per_group: int = 6) -> list[SearchGroup]:
    """Search organisations, contacts, files, interactions and documents at once.

    Accent-, case- and ligature-insensitive (« oeuvre » finds « Œuvre »); every word is a
    prefix and all words are required. Groups without hits are left out.
    """
    if fts.match_expression(text_) is None:
        return []
    with db.read() as s:
        conn = s.connection()
        hits = fts.search(conn, text_, per_entity=per_group)
        by_entity: dict[str, list[fts.SearchHit]] = {}
        for hit in hits:
            by_entity.setdefault(hit.entity, []).append(hit)
        groups: list[SearchGroup] = []
        for entity in ENTITY_ORDER:
            entity_hits = by_entity.get(entity)
            if not entity_hits:
                continue
            results = _RESOLVERS[entity](conn, entity_hits)
            results = _title_matches_first(results, text_)
            if results:
                groups.append(SearchGroup(entity, tuple(results[:per_group])))
    return groups


def _title_matches_first(results: list[SearchResult], query: str) -> list[SearchResult]:
    """Stable re-order: a title that starts with the query beats a match deep in a note."""
    folded = fold(query).strip()
    return sorted(results, key=lambda r: not fold(r.title).startswith(folded))


_MARKED = re.compile(r"\[([^\]]*)\]")


def _useful_snippet(snippet: str, shown: str) -> str:
    """The FTS snippet, if it tells the user something the title and context line do not.

    A snippet without a highlighted word is just the body's first words; one whose highlighted
    words all appear in ``shown`` (title and context) repeats what the result already says.
    """
    marked = _MARKED.findall(snippet)
    if not marked:
        return ""
    folded_shown = fold(shown)
    if all(fold(word) in folded_shown for word in marked):
        return ""
    return " ".join(snippet.split())


def _rows(conn: Connection, sql: str, ids: Iterable[str]) -> dict[str, Any]:
    """Rows of ``sql`` (which selects ``id`` first) for the given ids, by id."""
    id_list = list(ids)
    params = {f"i{n}": value for n, value in enumerate(id_list)}
    placeholders = ", ".join(f":i{n}" for n in range(len(id_list))) or "NULL"
    return {row[0]: row for row in conn.execute(text(sql.format(ids=placeholders)), params)}


def _join(parts: Sequence[Any]) -> str:
    """French context line from parts (labels for vocabulary members, dd/mm/yyyy dates)."""
    out: list[str] = []
    for part in parts:
        if part is None or part == "":
            continue
        if hasattr(part, "label"):
            out.append(str(part.label))
        elif isinstance(part, datetime | date):
            out.append(part.strftime("%d/%m/%Y"))
        else:
            out.append(str(part))
    return " · ".join(out)


def _result(
    entity: str,
    row_id: str,
    title: str,
    parts: Sequence[Any],
    snippet: str,
    file_id: str | None,
    organisation_id: str | None = None,
) -> SearchResult:
    clean_parts = tuple(p for p in parts if p is not None and p != "")
    context = _join(clean_parts)
    return SearchResult(
        entity=entity,
        id=uuid.UUID(row_id),
        title=title,
        context=context,
        snippet=_useful_snippet(snippet, f"{title} {context}"),
        file_id=uuid.UUID(file_id) if file_id else None,
        organisation_id=uuid.UUID(organisation_id) if organisation_id else None,
        context_parts=clean_parts,
    )


def _member(enum: Any, value: Any) -> Any:
    """The vocabulary member for a stored value, or the raw value if a newer peer added it."""
    try:
        return enum(value)
    except ValueError:
        return value


def _organisations(conn: Connection, hits: list[fts.SearchHit]) -> list[SearchResult]:
    rows = _rows(
        conn,
        "SELECT id, name, kind, commune_name FROM organisation WHERE deleted = 0 AND id IN ({ids})",
        (h.row_id for h in hits),
    )
    out = []
    for h in hits:
        row = rows.get(h.row_id)
        if row is None:
            continue
        _, name, kind, commune = row
        out.append(
            _result(
                "organisation",
                h.row_id,
                name,
                (_member(OrganisationKind, kind), commune),
                h.snippet,
                None,
                h.row_id,
            )
        )
    return out


def _contacts(conn: Connection, hits: list[fts.SearchHit]) -> list[SearchResult]:
    rows = _rows(
        conn,
        """
        SELECT c.id, c.first_name, c.last_name, c.title,
               (SELECT o.name FROM contact_organisation co
                  JOIN organisation o ON o.id = co.organisation_id AND o.deleted = 0
                 WHERE co.contact_id = c.id AND co.deleted = 0
                 ORDER BY co.is_primary DESC, o.name LIMIT 1) AS org_name,
               (SELECT co.role FROM contact_organisation co
                  JOIN organisation o ON o.id = co.organisation_id AND o.deleted = 0
                 WHERE co.contact_id = c.id AND co.deleted = 0
                 ORDER BY co.is_primary DESC, o.name LIMIT 1) AS role
        FROM contact c WHERE c.deleted = 0 AND c.id IN ({ids})
    """,
        (h.row_id for h in hits),
    )
    out = []
    for h in hits:
        row = rows.get(h.row_id)
        if row is None:
            continue
        _, first, last, title, org_name, role = row
        name = f"{first or ''} {last or ''}".strip()
        out.append(_result("contact", h.row_id, name, (org_name, role or title), h.snippet, None))
    return out


def _files(conn: Connection, hits: list[fts.SearchHit]) -> list[SearchResult]:
    rows = _rows(
        conn,
        """
        SELECT f.id, f.reference, f.title, f.stage, f.status, a.name, co.name
        FROM partnership_file f
        LEFT JOIN organisation a ON a.id = f.association_id
        LEFT JOIN organisation co ON co.id = f.company_id
        WHERE f.deleted = 0 AND f.id IN ({ids})
    """,
        (h.row_id for h in hits),
    )
    out = []
    for h in hits:
        row = rows.get(h.row_id)
        if row is None:
            continue
        _, reference, title, stage, status, assoc, company = row
        status_member = _member(FileStatus, status)
        parts: list[Any] = [reference, _member(Stage, stage)]
        if status_member is not FileStatus.ACTIVE:
            parts.append(status_member)
        parties = " ↔ ".join(n for n in (assoc, company) if n)
        parts.append(parties)
        out.append(_result("partnership_file", h.row_id, title, parts, h.snippet, h.row_id))
    return out


def _interactions(conn: Connection, hits: list[fts.SearchHit]) -> list[SearchResult]:
    rows = _rows(
        conn,
        """
        SELECT i.id, i.subject, i.kind, i.occurred_at, i.file_id, f.reference,
               i.organisation_id, o.name
        FROM interaction i
        LEFT JOIN partnership_file f ON f.id = i.file_id AND f.deleted = 0
        LEFT JOIN organisation o ON o.id = i.organisation_id AND o.deleted = 0
        WHERE i.deleted = 0 AND i.id IN ({ids})
    """,
        (h.row_id for h in hits),
    )
    out = []
    for h in hits:
        row = rows.get(h.row_id)
        if row is None:
            continue
        _, subject, kind, occurred_at, file_id, reference, org_id, org_name = row
        when = _as_datetime(occurred_at)
        out.append(
            _result(
                "interaction",
                h.row_id,
                subject,
                (when, _member(InteractionKind, kind), reference or org_name),
                h.snippet,
                file_id if reference else None,
                org_id,
            )
        )
    return out


def _documents(conn: Connection, hits: list[fts.SearchHit]) -> list[SearchResult]:
    rows = _rows(
        conn,
        """
        SELECT d.id, d.title, d.kind, d.filename, d.file_id, f.reference
        FROM document d
        LEFT JOIN partnership_file f ON f.id = d.file_id AND f.deleted = 0
        WHERE d.deleted = 0 AND d.id IN ({ids})
    """,
        (h.row_id for h in hits),
    )
    out = []
    for h in hits:
        row = rows.get(h.row_id)
        if row is None:
            continue
        _, title, kind, filename, file_id, reference = row
        out.append(
            _result(
                "document",
                h.row_id,
                title,
                (_member(DocumentKind, kind), reference, filename),
                h.snippet,
                file_id if reference else None,
            )
        )
    return out


def _as_datetime(value: Any) -> datetime | None:
    """SQLite returns DATETIME columns as text in raw SQL: parse it back."""
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


_RESOLVERS = {
    "organisation": _organisations,
    "contact": _contacts,
    "partnership_file": _files,
    "interaction": _interactions,
    "document": _documents,
}
