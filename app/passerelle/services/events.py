"""Collective events (mission « animation »): organise, invite, register, take attendance,
plan a speed-dating, log the encounters and turn them into files.

- Participants are organisations (``event_participant``, one row per event and organisation,
  id = uuid5(event:organisation) so that two laptops inviting the same organisation converge).
- Invitations are a mail merge of the shipped « invitation à une rencontre collective »: one
  letter per invited organisation, all-or-nothing, with progress and cancel, each recorded as a
  :class:`Document` of the event.
- The speed-dating plan comes from :mod:`passerelle.domain.planner` over the *present*
  participants and their wishes.
- An encounter is an :class:`Interaction` of kind « rencontre lors d'un événement » with the
  event's id; logging one opens (or reuses) the file between the two organisations, at
  « Mise en relation », in the same transaction.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passerelle.domain import planner
from passerelle.domain.errors import ValidationError
from passerelle.domain.ids import link_id
from passerelle.domain.vocabulary import (
    DocumentKind,
    EventKind,
    FileOrigin,
    FileStatus,
    InteractionKind,
    OrganisationKind,
    ParticipationStatus,
)
from passerelle.infra import docx_render
from passerelle.services import documents as docs
from passerelle.services.common import clean, get_live, required, utcnow
from passerelle.services.lists import commune_names
from passerelle.services.matching import open_at_matching_stage
from passerelle.store.database import Database
from passerelle.store.models import (
    Document,
    Event,
    EventParticipant,
    Interaction,
    NoteRevision,
    Organisation,
    PartnershipFile,
)

#: The shipped invitation letter.
INVITATION_TEMPLATE = "invitation_rencontre_collective"
#: Organisation kinds seated on the company side of a speed-dating (the study puts foundations
#: with the companies: they bring support); everyone else is on the association side.
COMPANY_SIDE = frozenset({OrganisationKind.COMPANY.value, OrganisationKind.FOUNDATION.value})

_EVENT_FIELDS = ("kind", "title", "starts_at", "place", "commune_insee", "round_minutes",
                 "notes")


@dataclass(frozen=True, slots=True)
class EventDTO:
    id: uuid.UUID
    kind: str
    title: str
    starts_at: datetime
    place: str | None
    commune_insee: str | None
    commune_name: str | None
    round_minutes: int | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class ParticipantDTO:
    """An organisation invited to an event, its status and (speed-dating) wishes."""

    id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    kind: str
    company_side: bool
    size: str | None
    commune_name: str | None
    status: str
    wishes: tuple[uuid.UUID, ...]


@dataclass(frozen=True, slots=True)
class EncounterDTO:
    """An encounter logged at an event, and the file it opened or joined."""

    interaction_id: uuid.UUID
    occurred_at: datetime
    association_id: uuid.UUID | None
    association_name: str
    company_id: uuid.UUID | None
    company_name: str
    file_id: uuid.UUID | None
    file_reference: str | None
    created_file: bool
    notes: str


@dataclass(frozen=True, slots=True)
class EventDetail:
    event: EventDTO
    participants: tuple[ParticipantDTO, ...]
    encounters: tuple[EncounterDTO, ...]
    documents: int

    def count(self, status: ParticipationStatus) -> int:
        return sum(p.status == status.value for p in self.participants)


@dataclass(frozen=True, slots=True)
class PlanDTO:
    """A speed-dating schedule and the names to print it with."""

    event: EventDTO
    schedule: planner.Schedule
    names: dict[str, str]
    company_side: frozenset[str]


# --- events -----------------------------------------------------------------------------------


def _event_dto(e: Event) -> EventDTO:
    return EventDTO(e.id, e.kind, e.title, e.starts_at, e.place, e.commune_insee,
                    commune_names().get(e.commune_insee or "", e.commune_insee),
                    e.round_minutes, e.notes)


def _event_values(values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    unknown = set(values) - set(_EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    out: dict[str, Any] = {}
    if "kind" in values or creating:
        try:
            out["kind"] = EventKind(values.get("kind")).value
        except ValueError:
            raise ValidationError("event_kind", "Choisissez le type d'événement.",
                                  field="kind") from None
    if "title" in values or creating:
        out["title"] = required(values.get("title"), "title", "Intitulé")
    if "starts_at" in values or creating:
        if not isinstance(values.get("starts_at"), datetime):
            raise ValidationError("required", "Le champ « {label} » est obligatoire.",
                                  field="starts_at", label="Date et heure")
        out["starts_at"] = values["starts_at"].replace(second=0, microsecond=0)
    for key in ("place", "notes"):
        if key in values:
            out[key] = clean(values[key])
    if "commune_insee" in values:
        code = clean(values["commune_insee"])
        if code is not None and code not in commune_names():
            raise ValidationError("need_offer_commune",
                                  "Commune inconnue dans la Métropole : {value}",
                                  field="commune_insee", value=code)
        out["commune_insee"] = code
    if "round_minutes" in values:
        minutes = values["round_minutes"]
        if minutes is not None and not 1 <= int(minutes) <= 120:
            raise ValidationError("event_round_minutes",
                                  "La durée d'un tour doit être comprise entre 1 et 120 "
                                  "minutes.", field="round_minutes")
        out["round_minutes"] = int(minutes) if minutes is not None else None
    return out


def create_event(db: Database, **values: Any) -> EventDTO:
    """Create an event (kind, title, starts_at required; a speed-dating gets 7-minute rounds
    unless told otherwise)."""
    clean_values = _event_values(values, creating=True)
    if clean_values["kind"] == EventKind.SPEED_DATING.value:
        clean_values.setdefault("round_minutes", 7)
    with db.write() as s:
        e = Event(**clean_values)
        s.add(e)
        s.flush()
        return _event_dto(e)


def update_event(db: Database, event_id: uuid.UUID | str, **changes: Any) -> EventDTO:
    clean_values = _event_values(changes, creating=False)
    with db.write() as s:
        e = get_live(s, Event, event_id)
        for key, value in clean_values.items():
            if getattr(e, key) != value:
                setattr(e, key, value)
        s.flush()
        return _event_dto(e)


def delete_event(db: Database, event_id: uuid.UUID | str) -> None:
    with db.write() as s:
        get_live(s, Event, event_id).deleted = True


def get_event(db: Database, event_id: uuid.UUID | str) -> EventDTO:
    with db.read() as s:
        return _event_dto(get_live(s, Event, event_id))


# --- participants -----------------------------------------------------------------------------


def _participants(s: Session, event_id: uuid.UUID) -> list[ParticipantDTO]:
    names = commune_names()
    rows = s.execute(
        select(EventParticipant, Organisation)
        .join(Organisation, Organisation.id == EventParticipant.organisation_id)
        .where(EventParticipant.event_id == event_id, EventParticipant.deleted.is_(False),
               Organisation.deleted.is_(False))
        .order_by(Organisation.name)).all()
    return [ParticipantDTO(p.id, o.id, o.name, o.kind, o.kind in COMPANY_SIDE, o.size,
                           o.commune_name or names.get(o.commune_insee or ""), p.status,
                           _wish_ids(p.wishes))
            for p, o in rows]


def _wish_ids(values: Iterable[str] | None) -> tuple[uuid.UUID, ...]:
    """Wished organisations' ids; a malformed value (from a faulty sync peer) is skipped."""
    out = []
    for value in values or ():
        try:
            out.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return tuple(out)


def participants(db: Database, event_id: uuid.UUID | str) -> list[ParticipantDTO]:
    """The event's organisations, by name."""
    with db.read() as s:
        return _participants(s, get_live(s, Event, event_id).id)


def invite(db: Database, event_id: uuid.UUID | str,
           organisation_ids: Iterable[uuid.UUID | str]) -> int:
    """Invite organisations (status « Invité »); returns how many were newly added.

    An organisation already on the list keeps its status; one removed earlier comes back.
    """
    added = 0
    with db.write() as s:
        event = get_live(s, Event, event_id)
        for org_id in dict.fromkeys(uuid.UUID(str(o)) for o in organisation_ids):
            org = get_live(s, Organisation, org_id)
            row = s.get(EventParticipant, link_id(event.id, org.id))
            if row is None:
                s.add(EventParticipant(id=link_id(event.id, org.id), event_id=event.id,
                                       organisation_id=org.id,
                                       status=ParticipationStatus.INVITED.value))
                added += 1
            elif row.deleted:
                row.deleted = False
                row.status = ParticipationStatus.INVITED.value
                added += 1
    return added


def _participant(s: Session, event_id: uuid.UUID | str,
                 organisation_id: uuid.UUID | str) -> EventParticipant:
    event = get_live(s, Event, event_id)
    row = s.get(EventParticipant, link_id(event.id, uuid.UUID(str(organisation_id))))
    if row is None or row.deleted:
        raise ValidationError("event_not_invited",
                              "Cette organisation n'est pas dans la liste de l'événement.",
                              field="organisation_id")
    return row


def set_status(db: Database, event_id: uuid.UUID | str,
               statuses: dict[uuid.UUID, str] | dict[str, str]) -> None:
    """Set registrations and attendance (« Inscrit », « Présent », « Absent »…) in one go."""
    with db.write() as s:
        for org_id, status in statuses.items():
            try:
                value = ParticipationStatus(status).value
            except ValueError:
                raise ValidationError("bad_value", "Valeur inconnue pour « {label} » : {value}",
                                      field="status", label="Présence",
                                      value=str(status)) from None
            row = _participant(s, event_id, org_id)
            if row.status != value:
                row.status = value


def set_wishes(db: Database, event_id: uuid.UUID | str, organisation_id: uuid.UUID | str,
               wishes: Iterable[uuid.UUID | str]) -> None:
    """Whom an organisation wishes to meet at a speed-dating (participants of the other side)."""
    with db.write() as s:
        row = _participant(s, event_id, organisation_id)
        me = get_live(s, Organisation, row.organisation_id)
        chosen: list[str] = []
        for other_id in dict.fromkeys(str(w) for w in wishes):
            other = _participant(s, event_id, other_id)
            org = get_live(s, Organisation, other.organisation_id)
            if (org.kind in COMPANY_SIDE) == (me.kind in COMPANY_SIDE):
                raise ValidationError("event_wish_same_side",
                                      "Un souhait de rencontre associe une association et une "
                                      "entreprise : « {name} » est du même côté.",
                                      field="wishes", name=org.name)
            chosen.append(str(org.id))
        row.wishes = sorted(chosen)


def remove_participant(db: Database, event_id: uuid.UUID | str,
                       organisation_id: uuid.UUID | str) -> None:
    with db.write() as s:
        _participant(s, event_id, organisation_id).deleted = True


# --- detail -----------------------------------------------------------------------------------


def _encounters(s: Session, event_id: uuid.UUID) -> list[EncounterDTO]:
    rows = s.execute(
        select(Interaction, PartnershipFile)
        .outerjoin(PartnershipFile, PartnershipFile.id == Interaction.file_id)
        .where(Interaction.event_id == event_id, Interaction.deleted.is_(False))
        .order_by(Interaction.occurred_at, Interaction.id)).all()
    org_ids = {x for i, f in rows for x in ((f.association_id, f.company_id) if f
                                             else (i.organisation_id,)) if x}
    names: dict[uuid.UUID, str] = {}
    if org_ids:
        names = {i: n for i, n in s.execute(select(Organisation.id, Organisation.name)
                                            .where(Organisation.id.in_(list(org_ids))))}
    notes = _latest_notes(s, [i.id for i, _ in rows])
    out = []
    for inter, f in rows:
        assoc = f.association_id if f else inter.organisation_id
        comp = f.company_id if f else None
        out.append(EncounterDTO(
            inter.id, inter.occurred_at, assoc, names.get(assoc, "") if assoc else "", comp,
            names.get(comp, "") if comp else "", f.id if f else None, f.reference if f else None,
            bool(f and f.origin_event_id == event_id), notes.get(inter.id, "")))
    return out


def _latest_notes(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = s.execute(select(NoteRevision.interaction_id, NoteRevision.body)
                     .where(NoteRevision.interaction_id.in_(ids),
                            NoteRevision.deleted.is_(False))
                     .order_by(NoteRevision.written_at, NoteRevision.id)).all()
    return {iid: body for iid, body in rows}


def event_detail(db: Database, event_id: uuid.UUID | str) -> EventDetail:
    """The event, its participants, the encounters logged there and its document count."""
    with db.read() as s:
        e = get_live(s, Event, event_id)
        n_docs = int(s.scalar(select(func.count()).select_from(Document).where(
            Document.event_id == e.id, Document.deleted.is_(False))) or 0)
        return EventDetail(_event_dto(e), tuple(_participants(s, e.id)),
                           tuple(_encounters(s, e.id)), n_docs)


# --- speed-dating -----------------------------------------------------------------------------


def plan(db: Database, event_id: uuid.UUID | str, *, changeover_minutes: int = 2,
         min_meetings: int = 1, fill_idle: bool = True) -> PlanDTO:
    """The speed-dating rotations among the *present* participants, wishes first; by default
    people who would sit out a round meet someone free they have not met (no extra round)."""
    with db.read() as s:
        e = get_live(s, Event, event_id)
        people = [p for p in _participants(s, e.id)
                  if p.status == ParticipationStatus.PRESENT.value]
    assocs = [str(p.organisation_id) for p in people if not p.company_side]
    comps = [str(p.organisation_id) for p in people if p.company_side]
    side = {str(p.organisation_id): p.company_side for p in people}
    wishes: list[tuple[str, str]] = []
    for p in people:
        me = str(p.organisation_id)
        for w in p.wishes:
            other = str(w)
            if other in side and side[other] != p.company_side:
                wishes.append((other, me) if p.company_side else (me, other))
    schedule = planner.plan_speed_dating(
        assocs, comps, wishes, round_minutes=e.round_minutes or 7,
        changeover_minutes=changeover_minutes, starts_at=e.starts_at,
        min_meetings=min_meetings, fill_idle=fill_idle)
    return PlanDTO(_event_dto(e), schedule, {str(p.organisation_id): p.name for p in people},
                   frozenset(c for c in comps))


# --- encounters -------------------------------------------------------------------------------


def log_encounter(db: Database, event_id: uuid.UUID | str, association_id: uuid.UUID | str,
                  company_id: uuid.UUID | str, *, notes: str = "",
                  occurred_at: datetime | None = None) -> EncounterDTO:
    """Log that two organisations met at the event, and open their file in the same step.

    An active file already linking the two is reused (the encounter joins its timeline);
    otherwise a file is opened at « Mise en relation » with the event as its origin.
    """
    with db.write() as s:
        event = get_live(s, Event, event_id)
        assoc = get_live(s, Organisation, association_id)
        comp = get_live(s, Organisation, company_id)
        existing = s.scalars(
            select(PartnershipFile)
            .where(PartnershipFile.deleted.is_(False),
                   PartnershipFile.status != FileStatus.ABANDONED.value,
                   PartnershipFile.association_id == assoc.id,
                   PartnershipFile.company_id == comp.id)
            .order_by(PartnershipFile.opened_on.desc(), PartnershipFile.id.desc())
            .limit(1)).first()
        created = existing is None
        f = existing or open_at_matching_stage(
            s, db, association_id=assoc.id, company_id=comp.id,
            title=f"{assoc.name} – {comp.name}", origin=FileOrigin.EVENT.value,
            origin_event_id=event.id, themes=set(assoc.themes or ()) & set(comp.themes or ()),
            reason=f"Rencontre lors de « {event.title} »")
        when = occurred_at or max(event.starts_at, min(utcnow(), event.starts_at.replace(
            hour=23, minute=59)))
        inter = Interaction(file_id=f.id, organisation_id=assoc.id, event_id=event.id,
                            kind=InteractionKind.EVENT_ENCOUNTER.value, occurred_at=when,
                            duration_minutes=event.round_minutes,
                            subject=f"Rencontre lors de « {event.title} »"[:300],
                            author=db.user_name)
        s.add(inter)
        s.flush()
        body = notes.strip()
        if body:
            s.add(NoteRevision(interaction_id=inter.id, body=body, author=db.user_name,
                               written_at=utcnow()))
        s.flush()
        return EncounterDTO(inter.id, inter.occurred_at, assoc.id, assoc.name, comp.id,
                            comp.name, f.id, f.reference, created, body)


def encounters(db: Database, event_id: uuid.UUID | str) -> list[EncounterDTO]:
    with db.read() as s:
        return _encounters(s, get_live(s, Event, event_id).id)


# --- invitations ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvitationBatch:
    out_dir: Path
    paths: tuple[Path, ...]


def _invitation_context(s: Session, base: dict[str, Any], org: Organisation) -> dict[str, Any]:
    company = org.kind in COMPANY_SIDE
    org_ctx, rep, role = docs._org_context(s, org, company=company)
    ctx = dict(base)
    ctx["entreprise" if company else "association"] = org_ctx
    ctx["contact"] = {"nom_complet": docs._full_name(rep), "fonction": role or "",
                      "organisation": org.name, "email": (rep.email or "") if rep else ""}
    return ctx


def render_invitations(db: Database, event_id: uuid.UUID | str, out_dir: Path | str, *,
                       organisation_ids: Iterable[uuid.UUID | str] | None = None,
                       template: str | Path = INVITATION_TEMPLATE,
                       progress: Callable[[int, int], None] | None = None,
                       cancel: threading.Event | None = None) -> InvitationBatch:
    """One invitation letter per invited organisation (default: those « Invité » or « Inscrit »).

    All or nothing (DESIGN.md §9): every letter is written, then the Document rows (owned by the
    event) land in one transaction; on cancel or error the letters written are removed.

    Raises:
        BatchCancelled: ``cancel`` was set.
        ValidationError: nobody to invite, or a template problem.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    pending: list[tuple[str, docx_render.RenderedDocx, str]] = []
    try:
        with db.read() as s:
            event = get_live(s, Event, event_id)
            choice = docs._choose_template(s, template)
            docx_render.ensure_valid(choice.path)
            needed = docx_render.used_placeholders(choice.path)
            source = choice.path.read_bytes()
            rows = _participants(s, event.id)
            if organisation_ids is None:
                wanted = [p.organisation_id for p in rows if p.status in (
                    ParticipationStatus.INVITED.value, ParticipationStatus.REGISTERED.value)]
            else:
                on_list = {p.organisation_id for p in rows}
                wanted = [uuid.UUID(str(o)) for o in organisation_ids]
                if any(o not in on_list for o in wanted):
                    raise ValidationError("event_not_invited",
                                          "Cette organisation n'est pas dans la liste de "
                                          "l'événement.", field="organisation_id")
            if not wanted:
                raise ValidationError("event_nobody_to_invite",
                                      "Personne à inviter : ajoutez des organisations à la "
                                      "liste de l'événement.", field="participants")
            base = docs._context_for(s, None, None, interaction_id=None, event_id=event.id,
                                     needed=needed, user_name=db.user_name)
            used: set[str] = set()
            for index, org_id in enumerate(wanted, start=1):
                if cancel is not None and cancel.is_set():
                    raise docs.BatchCancelled(
                        "batch_cancelled", "Publipostage annulé : aucun document n'a été gardé.")
                org = get_live(s, Organisation, org_id)
                context = _invitation_context(s, base, org)
                name = f"invitation_{docs._slug(org.name)}.docx"
                if name in used:
                    name = f"invitation_{docs._slug(org.name)}_{str(org.id)[:8]}.docx"
                used.add(name)
                data = docx_render.render_bytes(choice.path, context, _source=source)
                rendered = docx_render.write_atomic(folder / name, data)
                written.append(rendered.path)
                pending.append((f"{choice.name} — {org.name}"[:300], rendered,
                                docs._snapshot(context)))
                if progress is not None:
                    progress(index, len(wanted))
        with db.write() as s:
            template_id = (docs._register_builtin(s, choice.builtin) if choice.builtin
                           else choice.row_id)
            now = utcnow()
            for title, rendered, snapshot in pending:
                version = int(s.scalar(select(func.count()).select_from(Document).where(
                    Document.event_id == event.id, Document.title == title,
                    Document.deleted.is_(False))) or 0) + 1
                s.add(Document(event_id=event.id, kind=DocumentKind.GENERATED.value,
                               title=title, filename=str(rendered.path),
                               mime=docx_render.DOCX_MIME, sha256=rendered.sha256,
                               size_bytes=rendered.size_bytes, version=version,
                               template_id=template_id, data_snapshot=snapshot,
                               author=db.user_name, created_at=now))
        return InvitationBatch(folder, tuple(written))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
