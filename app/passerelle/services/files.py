"""Partnership files (dossiers d'accompagnement): open, edit, move through the stages."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passerelle.domain import stages as st
from passerelle.domain.errors import NotFound, ValidationError
from passerelle.domain.vocabulary import (
    AgreementStatus,
    Brake,
    FileOrigin,
    FileStatus,
    InteractionKind,
    Objective,
    PartnershipCategory,
)
from passerelle.services.common import clean, get_live, required, today, utcnow
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    Interaction,
    Organisation,
    PartnershipFile,
    StageChange,
)

_REF_RE = re.compile(r"^D-(\d{4})-(\d{4,})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FileDTO:
    """A file's header, as shown on cards, in lists and in the detail header."""

    id: uuid.UUID
    reference: str
    title: str
    association_id: uuid.UUID | None
    association_name: str | None
    company_id: uuid.UUID | None
    company_name: str | None
    facilitator: str | None
    category: str | None
    stage: st.Stage
    stage_since: date | None
    status: FileStatus
    status_reason: str | None
    objectives: tuple[str, ...]
    brakes: tuple[str, ...]
    themes: tuple[str, ...]
    origin: str | None
    commune_insee: str | None
    opened_on: date | None
    summary: str | None


@dataclass(frozen=True, slots=True)
class StageHistoryEntry:
    at: datetime
    from_stage: int | None
    to_stage: int
    status: str
    reason: str | None
    author: str | None


def _file_dto(s: Session, f: PartnershipFile) -> FileDTO:
    names = dict(s.execute(
        select(Organisation.id, Organisation.name)
        .where(Organisation.id.in_([i for i in (f.association_id, f.company_id) if i]))
    ).all())
    return FileDTO(
        f.id, f.reference, f.title, f.association_id, names.get(f.association_id),
        f.company_id, names.get(f.company_id), f.facilitator, f.category, st.Stage(f.stage),
        f.stage_since, FileStatus(f.status), f.status_reason, tuple(f.objectives or ()),
        tuple(f.brakes or ()), tuple(f.themes or ()), f.origin, f.commune_insee, f.opened_on,
        f.summary,
    )


def _check_enum_list(values: Any, enum: type[Any], field: str, label: str) -> list[str]:
    out = []
    for value in values or ():
        try:
            out.append(enum(value).value)
        except ValueError:
            raise ValidationError("bad_value", "Valeur inconnue pour « {label} » : {value}",
                                  field=field, label=label, value=str(value)) from None
    return sorted(set(out))


def _org_ref(s: Session, org_id: uuid.UUID | str | None) -> uuid.UUID | None:
    """A live organisation's id. Either side may be of any kind: the general-interest side is
    usually an association but can be a network (an MDA) or an ESS company (an entreprise
    adaptée), and the study shows foundations on the company side."""
    if org_id is None:
        return None
    return get_live(s, Organisation, org_id).id


def _check_two_parties(association_id: uuid.UUID | None, company_id: uuid.UUID | None) -> None:
    if association_id is not None and association_id == company_id:
        raise ValidationError("same_party",
                              "L'association et l'entreprise d'un dossier doivent être "
                              "deux organisations différentes.", field="company_id")


def next_reference(s: Session, year: int) -> str:
    """``D-<year>-<NNNN>``: the next number used on this database for that year."""
    prefix = f"D-{year}-"
    refs = s.scalars(select(PartnershipFile.reference)
                     .where(PartnershipFile.reference.like(prefix + "%"))).all()
    numbers = [int(m.group(2)) for r in refs if (m := _REF_RE.match(r))]
    return f"{prefix}{(max(numbers, default=0) + 1):04d}"


_FILE_FIELDS = ("title", "facilitator", "category", "objectives", "brakes", "themes", "origin",
                "origin_event_id", "commune_insee", "qpv", "summary", "success_story",
                "association_id", "company_id", "opened_on")


def _file_values(s: Session, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for key in ("title", "facilitator", "summary"):
        if key in out:
            out[key] = clean(out[key])
    if "title" in out:
        out["title"] = required(out["title"], "title", "Intitulé")
    if out.get("category") is not None:
        out["category"] = _check_enum_list([out["category"]], PartnershipCategory, "category",
                                           "Catégorie")[0]
    if out.get("origin") is not None:
        out["origin"] = _check_enum_list([out["origin"]], FileOrigin, "origin", "Origine")[0]
    if "objectives" in out:
        out["objectives"] = _check_enum_list(out["objectives"], Objective, "objectives",
                                             "Objectifs")
    if "brakes" in out:
        out["brakes"] = _check_enum_list(out["brakes"], Brake, "brakes", "Freins")
    if "themes" in out:
        out["themes"] = sorted({t.strip().lower() for t in out["themes"] or () if t.strip()})
    if "association_id" in out:
        out["association_id"] = _org_ref(s, out["association_id"])
    if "company_id" in out:
        out["company_id"] = _org_ref(s, out["company_id"])
    return out


def open_file(db: Database, *, title: str, association_id: uuid.UUID | str | None = None,
              company_id: uuid.UUID | str | None = None, **fields: Any) -> FileDTO:
    """Open a file at « Premier contact », with its first stage-history entry."""
    unknown = set(fields) - set(_FILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown file fields: {sorted(unknown)}")
    with db.write() as s:
        values = _file_values(s, {"title": title, "association_id": association_id,
                                  "company_id": company_id, **fields})
        _check_two_parties(values.get("association_id"), values.get("company_id"))
        opened = values.pop("opened_on", None) or today()
        f = PartnershipFile(reference=next_reference(s, opened.year), stage=1,
                            stage_since=opened, status=FileStatus.ACTIVE.value,
                            opened_on=opened, facilitator=values.pop("facilitator", None)
                            or db.user_name, **values)
        s.add(f)
        s.flush()
        s.add(StageChange(file_id=f.id, from_stage=None, to_stage=1, status=f.status,
                          reason="Ouverture du dossier", author=db.user_name, at=utcnow()))
        s.flush()
        return _file_dto(s, f)


def update_file(db: Database, file_id: uuid.UUID | str, **changes: Any) -> FileDTO:
    unknown = set(changes) - set(_FILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown file fields: {sorted(unknown)}")
    with db.write() as s:
        f = get_live(s, PartnershipFile, file_id)
        values = _file_values(s, changes)
        _check_two_parties(values.get("association_id", f.association_id),
                           values.get("company_id", f.company_id))
        for key, value in values.items():
            if getattr(f, key) != value:
                setattr(f, key, value)
        s.flush()
        return _file_dto(s, f)


def delete_file(db: Database, file_id: uuid.UUID | str) -> None:
    with db.write() as s:
        get_live(s, PartnershipFile, file_id).deleted = True


def resolve_file(db: Database, ref: str) -> uuid.UUID:
    """A file's id from its id or its short reference (``D-2026-0042``)."""
    with db.read() as s:
        return _resolve(s, ref)


def _resolve(s: Session, ref: str) -> uuid.UUID:
    ref = ref.strip()
    try:
        return get_live(s, PartnershipFile, uuid.UUID(ref)).id
    except ValueError:
        pass
    ids = s.scalars(select(PartnershipFile.id).where(
        func.upper(PartnershipFile.reference) == ref.upper(),
        PartnershipFile.deleted.is_(False))).all()
    if not ids:
        raise NotFound("file_ref_unknown", "Aucun dossier ne porte la référence {ref}.", ref=ref)
    if len(ids) > 1:
        raise ValidationError(
            "file_ref_ambiguous",
            "Plusieurs dossiers portent la référence {ref} (créés sur des postes différents) : "
            "utilisez l'identifiant.", field="file", ref=ref,
        )
    return ids[0]


def get_file(db: Database, file_id: uuid.UUID | str) -> FileDTO:
    with db.read() as s:
        return _file_dto(s, get_live(s, PartnershipFile, file_id))


def file_facts(s: Session, f: PartnershipFile) -> st.FileFacts:
    """Gather what the stage rules need, from the store."""
    def count(stmt: Any) -> int:
        return int(s.scalar(stmt) or 0)

    live_interactions = select(func.count()).select_from(Interaction).where(
        Interaction.file_id == f.id, Interaction.deleted.is_(False))
    live_agreements = select(func.count()).select_from(Agreement).where(
        Agreement.file_id == f.id, Agreement.deleted.is_(False))
    return st.FileFacts(
        has_association=f.association_id is not None,
        has_company=f.company_id is not None,
        has_category=f.category is not None,
        interaction_count=count(live_interactions),
        agreement_count=count(live_agreements),
        signed_agreement_count=count(live_agreements.where(
            Agreement.status.in_([AgreementStatus.SIGNED.value, AgreementStatus.EXPIRED.value]))),
        review_note_count=count(live_interactions.where(
            Interaction.kind == InteractionKind.REVIEW.value)),
    )


def move_stage(db: Database, file_id: uuid.UUID | str, target: st.Stage | int,
               reason: str = "") -> FileDTO:
    """Move a file to ``target`` if the domain rules allow it, else say what is missing."""
    target = st.Stage(target)
    with db.write() as s:
        f = get_live(s, PartnershipFile, file_id)
        move = st.check_move(st.Stage(f.stage), FileStatus(f.status), target, file_facts(s, f),
                             reason)
        f.stage = move.to_stage.value
        f.stage_since = today()
        s.add(StageChange(file_id=f.id, from_stage=move.from_stage.value,
                          to_stage=move.to_stage.value, status=f.status,
                          reason=move.reason or None, author=db.user_name, at=utcnow()))
        s.flush()
        return _file_dto(s, f)


def set_status(db: Database, file_id: uuid.UUID | str, status: FileStatus | str,
               reason: str = "") -> FileDTO:
    """Put a file on hold, abandon it (a reason is required), or resume it."""
    new_status = FileStatus(status)
    with db.write() as s:
        f = get_live(s, PartnershipFile, file_id)
        why = st.check_status_change(FileStatus(f.status), new_status, reason)
        f.status = new_status.value
        f.status_reason = why or None
        if new_status is FileStatus.ABANDONED:
            f.closed_on = today()
        elif f.closed_on is not None:
            f.closed_on = None
        s.add(StageChange(file_id=f.id, from_stage=f.stage, to_stage=f.stage,
                          status=new_status.value, reason=why or None, author=db.user_name,
                          at=utcnow()))
        s.flush()
        return _file_dto(s, f)


def stage_history(db: Database, file_id: uuid.UUID | str) -> list[StageHistoryEntry]:
    with db.read() as s:
        rows = s.scalars(select(StageChange).where(
            StageChange.file_id == get_live(s, PartnershipFile, file_id).id,
            StageChange.deleted.is_(False)).order_by(StageChange.at, StageChange.id)).all()
        return [StageHistoryEntry(r.at, r.from_stage, r.to_stage, r.status, r.reason, r.author)
                for r in rows]
