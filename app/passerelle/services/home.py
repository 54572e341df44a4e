"""What Accueil shows: my relances, the files touched lately, the files that stall.

Each function is one or two bounded queries, so the home screen opens instantly on the
metropolis dataset (30,000 tasks, 10,000 files, 200,000 interactions).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import FileStatus, TaskStatus
from passerelle.store.changelog import hlc_to_datetime
from passerelle.store.database import Database
from passerelle.store.models import Interaction, Organisation, PartnershipFile, Task


@dataclass(frozen=True, slots=True)
class TaskItem:
    """An open relance, with the file it belongs to."""

    id: uuid.UUID
    title: str
    due_on: date
    assignee: str | None
    file_id: uuid.UUID | None
    file_reference: str | None
    file_title: str | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class Agenda:
    """Open relances: overdue ones (oldest first), then those due within the window."""

    overdue: tuple[TaskItem, ...]
    upcoming: tuple[TaskItem, ...]


@dataclass(frozen=True, slots=True)
class FileSummary:
    """A file as a line of Accueil: who, where it stands, since when, last touched when."""

    id: uuid.UUID
    reference: str
    title: str
    stage: Stage
    status: FileStatus
    stage_since: date | None
    association_name: str | None
    company_name: str | None
    changed_at: datetime | None
    days_in_stage: int | None = None


def overdue_and_upcoming(
    db: Database, today: date, days: int = 14, assignee: str | None = None, limit: int = 200
) -> Agenda:
    """Open tasks due before ``today`` (overdue) and from ``today`` to ``today + days``.

    Tasks without a due date are neither: they belong to their file's task list, not to a
    dated agenda. ``assignee`` restricts to one person's tasks (``None``: everybody's).
    """
    horizon = today + timedelta(days=days)
    with db.read() as s:
        stmt = (
            select(
                Task.id,
                Task.title,
                Task.due_on,
                Task.assignee,
                Task.file_id,
                PartnershipFile.reference,
                PartnershipFile.title,
            )
            .outerjoin(
                PartnershipFile,
                (PartnershipFile.id == Task.file_id) & PartnershipFile.deleted.is_(False),
            )
            .where(
                Task.deleted.is_(False),
                Task.status == TaskStatus.OPEN.value,
                Task.due_on.is_not(None),
                Task.due_on <= horizon,
            )
            .order_by(Task.due_on, Task.title)
            .limit(limit)
        )
        if assignee:
            stmt = stmt.where(Task.assignee == assignee)
        items = [
            TaskItem(tid, title, due, who, fid if ref else None, ref, ftitle, due < today)
            for tid, title, due, who, fid, ref, ftitle in s.execute(stmt)
            if due is not None  # excluded by the query; narrows the type
        ]
    return Agenda(tuple(i for i in items if i.overdue), tuple(i for i in items if not i.overdue))


def _summaries(
    db: Database, ids: list[uuid.UUID], today: date | None = None
) -> dict[uuid.UUID, FileSummary]:
    if not ids:
        return {}
    assoc = select(Organisation.name).where(Organisation.id == PartnershipFile.association_id)
    company = select(Organisation.name).where(Organisation.id == PartnershipFile.company_id)
    with db.read() as s:
        rows = s.execute(
            select(
                PartnershipFile.id,
                PartnershipFile.reference,
                PartnershipFile.title,
                PartnershipFile.stage,
                PartnershipFile.status,
                PartnershipFile.stage_since,
                assoc.scalar_subquery(),
                company.scalar_subquery(),
                PartnershipFile.changed_hlc,
            ).where(PartnershipFile.id.in_(ids), PartnershipFile.deleted.is_(False))
        ).all()
    out = {}
    for fid, ref, title, stage, status, since, a_name, c_name, hlc in rows:
        out[fid] = FileSummary(
            fid,
            ref,
            title,
            Stage(stage),
            _status(status),
            since,
            a_name,
            c_name,
            hlc_to_datetime(hlc) if hlc else None,
            (today - since).days if today is not None and since is not None else None,
        )
    return out


def _status(value: str) -> FileStatus:
    try:
        return FileStatus(value)
    except ValueError:
        return FileStatus.ACTIVE


def recent_files(db: Database, limit: int = 10) -> list[FileSummary]:
    """Files most recently changed, newest first.

    A file counts as touched when the file itself changed or when an interaction was logged on
    it: logging a meeting is the most common way to work on a file. The newest interactions are
    found through their time-ordered UUIDv7 primary key (an index walk, not a scan of 200,000
    rows); both candidate lists are bounded, then merged by ``changed_hlc``.
    """
    with db.read() as s:
        own = s.execute(
            select(PartnershipFile.id, PartnershipFile.changed_hlc)
            .where(PartnershipFile.deleted.is_(False))
            .order_by(PartnershipFile.changed_hlc.desc())
            .limit(limit)
        ).all()
        via_interactions = s.execute(
            select(Interaction.file_id, Interaction.changed_hlc)
            .where(Interaction.file_id.is_not(None), Interaction.deleted.is_(False))
            .order_by(Interaction.id.desc())
            .limit(limit * 5)
        ).all()
    latest: dict[uuid.UUID, int] = {}
    for fid, hlc in [*own, *via_interactions]:
        if fid is not None and hlc > latest.get(fid, -1):
            latest[fid] = hlc
    ranked = sorted(latest, key=lambda f: latest[f], reverse=True)
    summaries = _summaries(db, ranked[: limit * 2])
    out = []
    for fid in ranked:
        summary = summaries.get(fid)
        if summary is None:
            continue
        out.append(
            FileSummary(
                summary.id,
                summary.reference,
                summary.title,
                summary.stage,
                summary.status,
                summary.stage_since,
                summary.association_name,
                summary.company_name,
                hlc_to_datetime(latest[fid]),
                None,
            )
        )
        if len(out) == limit:
            break
    return out


#: Stages that last by nature: « Mise en œuvre & suivi » runs as long as the convention (often
#: years), « Partenariat structurant » is the destination. A file there is not stalling.
LASTING_STAGES: frozenset[Stage] = frozenset({Stage.FOLLOW_UP, Stage.STRUCTURING})


def _stalled_where(today: date, days: int) -> tuple[Any, ...]:
    threshold = today - timedelta(days=days)
    return (
        PartnershipFile.deleted.is_(False),
        PartnershipFile.status == FileStatus.ACTIVE.value,
        PartnershipFile.stage.not_in([s.value for s in LASTING_STAGES]),
        PartnershipFile.stage_since.is_not(None),
        PartnershipFile.stage_since < threshold,
    )


def stalled_files(db: Database, today: date, days: int, limit: int = 100) -> list[FileSummary]:
    """Active files that have stayed in their stage for more than ``days`` days, oldest first.

    Files in a :data:`LASTING_STAGES` stage are left out, and so are files on hold or
    abandoned: someone decided so, they are not forgotten.
    """
    with db.read() as s:
        ids = s.scalars(
            select(PartnershipFile.id)
            .where(*_stalled_where(today, days))
            .order_by(PartnershipFile.stage_since, PartnershipFile.reference)
            .limit(limit)
        ).all()
    summaries = _summaries(db, list(ids), today)
    return [summaries[i] for i in ids if i in summaries]


def count_stalled(db: Database, today: date, days: int) -> int:
    """How many files :func:`stalled_files` would list without its limit."""
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(PartnershipFile)
                .where(*_stalled_where(today, days))
            )
            or 0
        )
