"""The files desk: the pipeline board, the CSV export of a file list, and a file's overview.

The board shows at most ``per_stage`` cards per stage (the most recently moved first) with each
stage's true total, so a metropolis with 10,000 files opens as fast as an MDA with 50: one
windowed query picks the cards, one ``GROUP BY`` counts them.

The overview gathers what the file detail view shows (header, stage history, timeline, open
tasks, agreements, participants) in one call, so the view makes one background round trip.
Timeline entries are *structured* (stage numbers, statuses, interaction kinds as raw values):
the UI builds the sentences, so they are translated like every other string.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session, aliased

from passerelle.domain.stages import Stage
from passerelle.domain.text import fold
from passerelle.domain.vocabulary import FileStatus, LabelledEnum, PartnershipCategory
from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services.common import get_live, today
from passerelle.services.lists import FileRows, ListQuery, commune_names
from passerelle.services.spreadsheets import neutralise
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    Contact,
    ContactOrganisation,
    Document,
    Interaction,
    InteractionParticipant,
    NoteRevision,
    Organisation,
    PartnershipFile,
    StageChange,
)
from passerelle.store.search import match_expression

#: Length of the notes excerpt shown in a timeline line (the full notes open on demand).
EXCERPT_CHARS = 240

# --- Board -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileCard:
    """One card of the pipeline board."""

    id: uuid.UUID
    reference: str
    title: str
    association_name: str | None
    company_name: str | None
    category: str | None
    stage: Stage
    stage_since: date | None
    status: FileStatus
    status_reason: str | None
    facilitator: str | None

    def days_in_stage(self, on: date | None = None) -> int | None:
        """Whole days since the file reached its stage (None when the date is unknown)."""
        if self.stage_since is None:
            return None
        return max(0, ((on or today()) - self.stage_since).days)


@dataclass(frozen=True, slots=True)
class StageColumn:
    """A column of the board: its stage, how many files are there, and the cards shown."""

    stage: Stage
    total: int
    cards: tuple[FileCard, ...]

    @property
    def hidden(self) -> int:
        """Files of the stage not shown as cards (beyond the cap)."""
        return max(0, self.total - len(self.cards))


def _status(value: str) -> FileStatus:
    try:
        return FileStatus(value)
    except ValueError:  # a value added by a newer peer: show it as active rather than crash
        return FileStatus.ACTIVE


def board(db: Database, *, include_inactive: bool = False,
          per_stage: int = 200) -> list[StageColumn]:
    """The eight stage columns, each with its total and its ``per_stage`` latest cards.

    Only active files unless ``include_inactive`` (on hold and abandoned files too).
    """
    f = PartnershipFile.__table__
    live = [f.c.deleted.is_(False), f.c.stage.between(1, len(Stage))]
    if not include_inactive:
        live.append(f.c.status == FileStatus.ACTIVE.value)
    rank = func.row_number().over(
        partition_by=f.c.stage,
        order_by=(func.coalesce(f.c.stage_since, "").desc(), f.c.reference.desc()),
    ).label("rank")
    ranked = (select(f.c.id, f.c.reference, f.c.title, f.c.association_id, f.c.company_id,
                     f.c.category, f.c.stage, f.c.stage_since, f.c.status, f.c.status_reason,
                     f.c.facilitator, rank)
              .where(*live).subquery("ranked"))
    assoc = aliased(Organisation.__table__, name="assoc")
    company = aliased(Organisation.__table__, name="company")
    cards_stmt = (
        select(ranked.c.id, ranked.c.reference, ranked.c.title, assoc.c.name, company.c.name,
               ranked.c.category, ranked.c.stage, ranked.c.stage_since, ranked.c.status,
               ranked.c.status_reason, ranked.c.facilitator)
        .select_from(ranked
                     .outerjoin(assoc, assoc.c.id == ranked.c.association_id)
                     .outerjoin(company, company.c.id == ranked.c.company_id))
        .where(ranked.c.rank <= per_stage)
        .order_by(ranked.c.stage, ranked.c.rank)
    )
    with db.engine.connect() as conn:
        totals: dict[int, int] = dict(conn.execute(select(f.c.stage, func.count()).where(*live)
                                   .group_by(f.c.stage)).all())
        by_stage: dict[int, list[FileCard]] = {s.value: [] for s in Stage}
        for (fid, ref, title, assoc_name, company_name, category, stage, since, status,
             reason, facilitator) in conn.execute(cards_stmt):
            by_stage[stage].append(FileCard(
                uuid.UUID(str(fid)), ref, title, assoc_name, company_name, category,
                Stage(stage), _as_date(since), _status(status), reason, facilitator))
    return [StageColumn(s, int(totals.get(s.value, 0)), tuple(by_stage[s.value])) for s in Stage]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


# --- CSV export ------------------------------------------------------------------------------

#: French headers of the export, in FileRows column order.
EXPORT_HEADERS = ("Référence", "Intitulé", "Association", "Entreprise", "Étape", "Catégorie",
                  "Statut", "Facilitateur", "Commune", "À l'étape depuis")


def _label(enum: type[LabelledEnum], value: Any) -> str:
    if value is None:
        return ""
    try:
        return enum(value).label
    except ValueError:
        return str(value)


def export_cell(key: str, value: Any) -> str:
    """A FileRows value as the export writes it (French labels, French dates)."""
    if value is None:
        return ""
    if key == "stage":
        try:
            return Stage(int(value)).label
        except ValueError:
            return str(value)
    if key == "category":
        return _label(PartnershipCategory, value)
    if key == "status":
        return _label(FileStatus, value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def export_files_csv(db: Database, query: ListQuery, path: Path | str) -> int:
    """Write every file of ``query`` (in its order) to ``path``; returns the number of rows.

    Kept for callers of the files desk; the work (CSV or XLSX by the file name, UTF-8 with a
    BOM and ``;``, formulas neutralised, temporary name then rename) is
    :func:`passerelle.services.exports.export_files`.
    """
    from passerelle.services.exports import export_files

    return export_files(db, query, path)


# --- Filters and choosers --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileFilterChoices:
    """The values the file list's filters can take, from the files that exist."""

    facilitators: tuple[str, ...]
    communes: tuple[tuple[str, str], ...]  # (INSEE code, name), sorted by name
    themes: tuple[str, ...]


def filter_choices(db: Database) -> FileFilterChoices:
    """Distinct facilitators, communes and themes of the live files."""
    f = PartnershipFile.__table__
    live = f.c.deleted.is_(False)
    each = func.json_each(f.c.themes).table_valued("value")
    with db.engine.connect() as conn:
        facilitators = conn.execute(
            select(f.c.facilitator).where(live, f.c.facilitator.is_not(None)).distinct()
        ).scalars().all()
        codes = conn.execute(
            select(f.c.commune_insee).where(live, f.c.commune_insee.is_not(None)).distinct()
        ).scalars().all()
        themes = conn.execute(
            select(each.c.value).select_from(f).join(each, literal_column("1") == 1)
            .where(live).distinct()
        ).scalars().all()
    names = commune_names()
    communes = sorted(((c, names.get(c, c)) for c in codes), key=lambda p: fold(p[1]))
    return FileFilterChoices(tuple(sorted(facilitators, key=fold)), tuple(communes),
                             tuple(sorted((str(t) for t in themes), key=fold)))


@dataclass(frozen=True, slots=True)
class FileChoice:
    """A file offered by a chooser (meeting dialog, search)."""

    id: uuid.UUID
    reference: str
    title: str
    association_name: str | None
    company_name: str | None


def find_files(db: Database, text: str, limit: int = 20) -> list[FileChoice]:
    """Live files whose reference, title or organisations match ``text`` (accent-insensitive).

    Uses the full-text index; a reference typed as « D-2026-00 » also matches by prefix. An
    empty ``text`` gives the active files moved most recently (what one is likely to pick).
    """
    source = FileRows(db)
    query = ListQuery(text=text, sort_key="stage_since", descending=True)
    stripped = text.strip()
    with db.engine.connect() as conn:
        ids: list[int] = []
        if stripped.upper().startswith("D-"):
            f = PartnershipFile.__table__
            ids = list(conn.execute(
                select(literal_column("partnership_file.rowid")).where(
                    f.c.deleted.is_(False), f.c.reference.like(stripped.upper() + "%"))
                .order_by(f.c.reference.desc()).limit(limit)).scalars())
        elif match_expression(text) is not None:
            ids = list(conn.execute(source.ids_select(query).limit(limit)).scalars())
        elif not stripped:
            recent = ListQuery(filters={"status": FileStatus.ACTIVE.value},
                               sort_key="stage_since", descending=True)
            ids = list(conn.execute(source.ids_select(recent).limit(limit)).scalars())
    rows = source.rows(ids)
    out = []
    for rid in ids:
        row = rows.get(rid)
        if row is not None:
            ref, title, assoc, company = row.values[:4]
            out.append(FileChoice(row.id, ref, title, assoc, company))
    return out


# --- File overview ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One timeline line, structured so the UI writes (and translates) the sentence.

    ``kind`` is ``"interaction"``, ``"stage"`` (a stage move or the opening), ``"status"``
    (put on hold, abandoned, resumed), ``"document"`` or ``"agreement"``. The optional fields
    are filled according to the kind.
    """

    at: datetime
    kind: str
    row_id: uuid.UUID
    title: str = ""
    excerpt: str = ""
    author: str | None = None
    interaction_kind: str | None = None
    duration_minutes: int | None = None
    from_stage: int | None = None
    to_stage: int | None = None
    status: str | None = None
    reason: str | None = None
    agreement_type: str | None = None


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """An agreement of a file, as listed in the detail view."""

    id: uuid.UUID
    type: str
    object: str
    status: str
    total_cents: int
    start_on: date | None
    end_on: date | None
    signed_on: date | None


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """A contact who attended the file's interactions."""

    contact_id: uuid.UUID
    full_name: str
    organisation_name: str | None
    interactions: int
    last_seen: datetime


@dataclass(frozen=True, slots=True)
class FileOverview:
    """Everything the file detail view shows, read in one call."""

    file: file_service.FileDTO
    commune_name: str | None
    history: tuple[file_service.StageHistoryEntry, ...]
    timeline: tuple[TimelineItem, ...]
    tasks: tuple[interaction_service.TaskDTO, ...]
    agreements: tuple[AgreementRow, ...]
    participants: tuple[ParticipantRow, ...]


def file_overview(db: Database, file_id: uuid.UUID | str, *,
                  timeline_limit: int = 1000) -> FileOverview:
    """The file's header, history, timeline, open tasks, agreements and participants."""
    dto = file_service.get_file(db, file_id)
    history = file_service.stage_history(db, dto.id)
    tasks = interaction_service.open_tasks(db, file_id=dto.id)
    with db.read() as s:
        timeline = _timeline(s, dto.id, timeline_limit)
        agreements = _agreements(s, dto.id)
        participants = _participants(s, dto.id)
    commune = commune_names().get(dto.commune_insee or "", dto.commune_insee)
    return FileOverview(dto, commune, tuple(history), tuple(timeline), tuple(tasks),
                        tuple(agreements), tuple(participants))


def file_timeline(db: Database, file_id: uuid.UUID | str,
                  limit: int = 1000) -> list[TimelineItem]:
    """The structured timeline of a file, newest first."""
    with db.read() as s:
        return _timeline(s, get_live(s, PartnershipFile, file_id).id, limit)


def _excerpt(body: str | None) -> str:
    if not body:
        return ""
    flat = " ".join(body.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS - 1].rstrip() + "…"


def _created_at(row_id: uuid.UUID) -> datetime:
    """Creation time carried by a UUIDv7 (milliseconds in the first 48 bits), naive UTC."""
    return datetime.fromtimestamp((row_id.int >> 80) / 1000, UTC).replace(tzinfo=None)


def _timeline(s: Session, fid: uuid.UUID, limit: int) -> list[TimelineItem]:
    out: list[TimelineItem] = []
    # The latest revision's start only: a file of 500 meetings must not drag 500 long notes.
    latest_note = (select(func.substr(NoteRevision.body, 1, EXCERPT_CHARS * 2))
                   .where(NoteRevision.interaction_id == Interaction.id,
                          NoteRevision.deleted.is_(False))
                   .order_by(NoteRevision.written_at.desc(), NoteRevision.id.desc())
                   .limit(1).scalar_subquery())
    for rid, at, kind, subject, minutes, author, body in s.execute(
            select(Interaction.id, Interaction.occurred_at, Interaction.kind,
                   Interaction.subject, Interaction.duration_minutes, Interaction.author,
                   latest_note)
            .where(Interaction.file_id == fid, Interaction.deleted.is_(False))
            .order_by(Interaction.occurred_at.desc()).limit(limit)):
        out.append(TimelineItem(at, "interaction", rid, subject, _excerpt(body), author,
                                interaction_kind=kind, duration_minutes=minutes))
    for sc in s.scalars(select(StageChange)
                        .where(StageChange.file_id == fid, StageChange.deleted.is_(False))
                        .order_by(StageChange.at.desc()).limit(limit)):
        is_status = sc.from_stage == sc.to_stage
        out.append(TimelineItem(sc.at, "status" if is_status else "stage", sc.id,
                                author=sc.author, from_stage=sc.from_stage,
                                to_stage=sc.to_stage, status=sc.status, reason=sc.reason))
    for d in s.scalars(select(Document)
                       .where(Document.file_id == fid, Document.deleted.is_(False))
                       .order_by(Document.created_at.desc()).limit(limit)):
        out.append(TimelineItem(d.created_at, "document", d.id, d.title, d.filename, d.author))
    for a in s.scalars(select(Agreement)
                       .where(Agreement.file_id == fid, Agreement.deleted.is_(False))
                       .limit(limit)):
        day = a.signed_on or a.start_on
        when = datetime.combine(day, datetime.min.time()) if day else _created_at(a.id)
        out.append(TimelineItem(when, "agreement", a.id, a.object, status=a.status,
                                agreement_type=a.type))
    out.sort(key=lambda e: e.at, reverse=True)
    return out[:limit]


def _agreements(s: Session, fid: uuid.UUID) -> list[AgreementRow]:
    rows = s.scalars(select(Agreement)
                     .where(Agreement.file_id == fid, Agreement.deleted.is_(False))).all()
    items = [AgreementRow(a.id, a.type, a.object, a.status,
                          (a.cash_cents or 0) + (a.in_kind_cents or 0) + (a.skills_cents or 0),
                          a.start_on, a.end_on, a.signed_on) for a in rows]
    return sorted(items, key=lambda a: a.start_on or a.signed_on or date.max, reverse=True)


def _participants(s: Session, fid: uuid.UUID) -> list[ParticipantRow]:
    link = aliased(ContactOrganisation)
    org = aliased(Organisation)
    org_name = (select(org.name).join(link, link.organisation_id == org.id)
                .where(link.contact_id == Contact.id, link.deleted.is_(False),
                       org.deleted.is_(False))
                .order_by(link.is_primary.desc(), org.name).limit(1).scalar_subquery())
    rows = s.execute(
        select(Contact.id, Contact.first_name, Contact.last_name, org_name,
               func.count(func.distinct(Interaction.id)), func.max(Interaction.occurred_at))
        .join(InteractionParticipant, InteractionParticipant.contact_id == Contact.id)
        .join(Interaction, Interaction.id == InteractionParticipant.interaction_id)
        .where(Interaction.file_id == fid, Interaction.deleted.is_(False),
               InteractionParticipant.deleted.is_(False), Contact.deleted.is_(False))
        .group_by(Contact.id)
        .order_by(func.max(Interaction.occurred_at).desc(), Contact.last_name)
    ).all()
    return [ParticipantRow(cid, f"{first} {last}".strip(), org_name_, int(count), last_seen)
            for cid, first, last, org_name_, count, last_seen in rows]


def interaction_notes(db: Database, interaction_id: uuid.UUID | str
                      ) -> interaction_service.InteractionDTO:
    """The full interaction (notes, decisions, participants), for the timeline's « open »."""
    return interaction_service.get_interaction(db, interaction_id)


__all__ = [
    "EXPORT_HEADERS",
    "AgreementRow",
    "FileCard",
    "FileChoice",
    "FileFilterChoices",
    "FileOverview",
    "ParticipantRow",
    "StageColumn",
    "TimelineItem",
    "board",
    "export_files_csv",
    "file_overview",
    "file_timeline",
    "filter_choices",
    "find_files",
    "neutralise",
]

