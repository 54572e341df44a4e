"""Meetings and mediation notes, and the tasks (relances) they produce.

Logging a meeting is one transaction: the interaction, its participants, the first revision of
its notes and one task per next step land together or not at all. Notes are append-only: an
edit is a child revision, so two colleagues editing the same note offline both keep their text.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passerelle.domain.errors import ValidationError
from passerelle.domain.ids import link_id
from passerelle.domain.vocabulary import InteractionKind, TaskStatus
from passerelle.services.common import clean, get_live, required, today, utcnow
from passerelle.store.database import Database
from passerelle.store.models import (
    Contact,
    Interaction,
    InteractionParticipant,
    NoteRevision,
    Organisation,
    PartnershipFile,
    Task,
)


@dataclass(frozen=True, slots=True)
class NextStep:
    """A follow-up decided in a meeting; becomes a task."""

    title: str
    due_on: date | None = None
    assignee: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingInput:
    """Everything the « Consigner un échange » dialog collects."""

    subject: str
    kind: str = InteractionKind.MEETING.value
    occurred_at: datetime | None = None
    duration_minutes: int | None = None
    file_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    participant_ids: Sequence[uuid.UUID] = ()
    notes: str = ""
    decisions: str = ""
    next_steps: Sequence[NextStep] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class InteractionDTO:
    id: uuid.UUID
    file_id: uuid.UUID | None
    kind: str
    occurred_at: datetime
    subject: str
    notes: str
    decisions: str | None
    participant_names: tuple[str, ...]
    task_ids: tuple[uuid.UUID, ...]
    note_heads: int = 1


def log_interaction(db: Database, meeting: MeetingInput) -> InteractionDTO:
    """Record a meeting with its notes, participants and next steps, in one step."""
    subject = required(meeting.subject, "subject", "Objet")
    try:
        kind = InteractionKind(meeting.kind).value
    except ValueError:
        raise ValidationError("bad_kind", "Type d'échange inconnu : {value}", field="kind",
                              value=meeting.kind) from None
    if meeting.duration_minutes is not None and not 0 < meeting.duration_minutes <= 24 * 60:
        raise ValidationError("bad_duration", "La durée doit être comprise entre 1 et 1440 "
                              "minutes.", field="duration_minutes")
    steps = [s for s in meeting.next_steps if s.title.strip()]
    with db.write() as s:
        file_id = get_live(s, PartnershipFile, meeting.file_id).id if meeting.file_id else None
        org_id = (get_live(s, Organisation, meeting.organisation_id).id
                  if meeting.organisation_id else None)
        if file_id is None and org_id is None:
            raise ValidationError("interaction_unattached",
                                  "Rattachez l'échange à un dossier ou à une organisation.",
                                  field="file_id")
        contacts = [get_live(s, Contact, c) for c in dict.fromkeys(meeting.participant_ids)]
        now = utcnow()
        inter = Interaction(file_id=file_id, organisation_id=org_id, kind=kind,
                            occurred_at=meeting.occurred_at or now,
                            duration_minutes=meeting.duration_minutes, subject=subject,
                            decisions=clean(meeting.decisions), author=db.user_name)
        s.add(inter)
        s.flush()
        for c in contacts:
            s.add(InteractionParticipant(id=link_id(inter.id, c.id), interaction_id=inter.id,
                                         contact_id=c.id))
            if inter.occurred_at.date() > (c.last_inbound_on or date.min):
                c.last_inbound_on = inter.occurred_at.date()
        if meeting.notes.strip():
            s.add(NoteRevision(interaction_id=inter.id, body=meeting.notes.strip(),
                               author=db.user_name, written_at=now))
        tasks = [Task(file_id=file_id, interaction_id=inter.id,
                      title=required(step.title, "next_steps", "Prochaine étape"),
                      due_on=step.due_on, assignee=clean(step.assignee) or db.user_name,
                      status=TaskStatus.OPEN.value) for step in steps]
        s.add_all(tasks)
        s.flush()
        return _interaction_dto(s, inter)


def revise_note(db: Database, interaction_id: uuid.UUID | str, body: str,
                parent_id: uuid.UUID | None = None) -> uuid.UUID:
    """Write a new revision of an interaction's notes (child of ``parent_id``)."""
    with db.write() as s:
        inter = get_live(s, Interaction, interaction_id)
        if parent_id is None:
            parent_id = s.scalar(select(NoteRevision.id).where(
                NoteRevision.interaction_id == inter.id, NoteRevision.deleted.is_(False))
                .order_by(NoteRevision.written_at.desc()).limit(1))
        rev = NoteRevision(interaction_id=inter.id, parent_id=parent_id,
                           body=required(body, "notes", "Notes"), author=db.user_name,
                           written_at=utcnow())
        s.add(rev)
        s.flush()
        return rev.id


def note_heads(s: Session, interaction_id: uuid.UUID) -> list[NoteRevision]:
    """Revisions that no other revision continues: one normally, several after concurrent edits."""
    revs = s.scalars(select(NoteRevision).where(NoteRevision.interaction_id == interaction_id,
                                                NoteRevision.deleted.is_(False))).all()
    parents = {r.parent_id for r in revs}
    return sorted((r for r in revs if r.id not in parents), key=lambda r: r.written_at)


def get_interaction(db: Database, interaction_id: uuid.UUID | str) -> InteractionDTO:
    with db.read() as s:
        return _interaction_dto(s, get_live(s, Interaction, interaction_id))


def delete_interaction(db: Database, interaction_id: uuid.UUID | str) -> None:
    with db.write() as s:
        get_live(s, Interaction, interaction_id).deleted = True


def _interaction_dto(s: Session, inter: Interaction) -> InteractionDTO:
    heads = note_heads(s, inter.id)
    names = s.execute(
        select(Contact.first_name, Contact.last_name)
        .join(InteractionParticipant, InteractionParticipant.contact_id == Contact.id)
        .where(InteractionParticipant.interaction_id == inter.id,
               InteractionParticipant.deleted.is_(False))
        .order_by(Contact.last_name)).all()
    task_ids = s.scalars(select(Task.id).where(Task.interaction_id == inter.id,
                                               Task.deleted.is_(False))).all()
    return InteractionDTO(
        inter.id, inter.file_id, inter.kind, inter.occurred_at, inter.subject,
        heads[-1].body if heads else "", inter.decisions,
        tuple(f"{f} {ln}".strip() for f, ln in names), tuple(task_ids), len(heads) or 1,
    )


# --- Tasks ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaskDTO:
    id: uuid.UUID
    title: str
    due_on: date | None
    assignee: str | None
    status: str
    file_id: uuid.UUID | None
    file_reference: str | None
    file_title: str | None


def create_task(db: Database, title: str, *, due_on: date | None = None,
                file_id: uuid.UUID | str | None = None, assignee: str | None = None
                ) -> TaskDTO:
    with db.write() as s:
        fid = get_live(s, PartnershipFile, file_id).id if file_id else None
        task = Task(title=required(title, "title", "Intitulé"), due_on=due_on, file_id=fid,
                    assignee=clean(assignee) or db.user_name, status=TaskStatus.OPEN.value)
        s.add(task)
        s.flush()
        return _task_dto(s, task)


def complete_task(db: Database, task_id: uuid.UUID | str, *, done: bool = True) -> TaskDTO:
    with db.write() as s:
        task = get_live(s, Task, task_id)
        task.status = (TaskStatus.DONE if done else TaskStatus.OPEN).value
        task.done_on = today() if done else None
        s.flush()
        return _task_dto(s, task)


def reschedule_task(db: Database, task_id: uuid.UUID | str, due_on: date | None) -> TaskDTO:
    with db.write() as s:
        task = get_live(s, Task, task_id)
        task.due_on = due_on
        s.flush()
        return _task_dto(s, task)


def delete_task(db: Database, task_id: uuid.UUID | str) -> None:
    with db.write() as s:
        get_live(s, Task, task_id).deleted = True


def _task_dto(s: Session, t: Task) -> TaskDTO:
    ref = title = None
    if t.file_id:
        row = s.execute(select(PartnershipFile.reference, PartnershipFile.title)
                        .where(PartnershipFile.id == t.file_id)).first()
        if row:
            ref, title = row
    return TaskDTO(t.id, t.title, t.due_on, t.assignee, t.status, t.file_id, ref, title)


def open_tasks(db: Database, *, assignee: str | None = None, until: date | None = None,
               file_id: uuid.UUID | None = None, limit: int = 200) -> list[TaskDTO]:
    """Open tasks, by due date (undated last), optionally for one assignee or file."""
    with db.read() as s:
        stmt = (select(Task, PartnershipFile.reference, PartnershipFile.title)
                .outerjoin(PartnershipFile, PartnershipFile.id == Task.file_id)
                .where(Task.deleted.is_(False), Task.status == TaskStatus.OPEN.value))
        if assignee:
            stmt = stmt.where(Task.assignee == assignee)
        if until:
            stmt = stmt.where(Task.due_on <= until)
        if file_id:
            stmt = stmt.where(Task.file_id == file_id)
        stmt = stmt.order_by(func.coalesce(Task.due_on, date.max), Task.title).limit(limit)
        return [TaskDTO(t.id, t.title, t.due_on, t.assignee, t.status, t.file_id, ref, title)
                for t, ref, title in s.execute(stmt)]
