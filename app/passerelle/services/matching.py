"""Mise en relation: suggest offers for a need (and needs for an offer), then introduce them.

The service gathers the facts (needs, offers, the companies' sizes, the Métropole's communes
and their neighbours, the files and exchanges already linking two organisations) and lets the
pure scoring of :mod:`passerelle.domain.matching` rank them. « Mettre en relation »
(:func:`introduce`) opens a partnership file straight at the « Mise en relation » stage, in one
transaction and through the stage rules, and marks the need and the offer « en cours ».
"""

from __future__ import annotations

import csv
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from passerelle.domain import matching as dm
from passerelle.domain import stages as st
from passerelle.domain.errors import ValidationError
from passerelle.domain.vocabulary import FileOrigin, FileStatus, NeedStatus
from passerelle.infra.resources import resource_path
from passerelle.services import documents
from passerelle.services.common import get_live, today, utcnow
from passerelle.services.files import FileDTO, _file_dto, file_facts, next_reference
from passerelle.services.lists import commune_names
from passerelle.store.database import Database
from passerelle.store.models import (
    Interaction,
    Need,
    Offer,
    Organisation,
    PartnershipFile,
    StageChange,
)

#: The shipped introduction letter proposed after « Mettre en relation ».
INTRODUCTION_TEMPLATE = "lettre_mise_en_relation"


@dataclass(frozen=True, slots=True)
class MatchDTO:
    """A suggested need ↔ offer pair, with the score and the reasons behind it."""

    need_id: uuid.UUID
    need_title: str
    association_id: uuid.UUID
    association_name: str
    offer_id: uuid.UUID
    offer_title: str
    company_id: uuid.UUID
    company_name: str
    company_size: str | None
    commune_name: str | None  # the candidate's commune (offer's for a need, need's for an offer)
    score: int
    reasons: tuple[dm.Reason, ...]


@cache
def territory() -> dm.Territory:
    """The Métropole's communes and the adjacency reference (resources/reference)."""
    path: Path = resource_path("reference", "communes_mel_voisines.csv")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            pairs = [(r["insee_a"], r["insee_b"]) for r in csv.DictReader(fh)]
    except FileNotFoundError:
        pairs = []
    return dm.Territory.build(commune_names(), pairs)


def _side(row: Need | Offer, size: str | None = None) -> dm.Side:
    return dm.Side(str(row.id), str(row.organisation_id), row.nature,
                   frozenset(row.themes or ()), row.commune_insee, row.amount_cents,
                   row.period_start, row.period_end, size)


def _relations(s: Session, org_id: uuid.UUID) -> dm.Relations:
    """Files (live, any status) and logged exchanges between ``org_id`` and anyone."""
    files: dict[frozenset[str], list[str]] = defaultdict(list)
    exchanges: dict[frozenset[str], int] = defaultdict(int)
    rows = s.execute(
        select(PartnershipFile.id, PartnershipFile.reference, PartnershipFile.association_id,
               PartnershipFile.company_id)
        .where(PartnershipFile.deleted.is_(False),
               or_(PartnershipFile.association_id == org_id,
                   PartnershipFile.company_id == org_id))
        .order_by(PartnershipFile.reference)).all()
    file_pair: dict[uuid.UUID, frozenset[str]] = {}
    for fid, ref, assoc, comp in rows:
        if assoc and comp:
            pair = frozenset({str(assoc), str(comp)})
            files[pair].append(ref)
            file_pair[fid] = pair
    if file_pair:
        counts = s.execute(
            select(Interaction.file_id, func.count())
            .where(Interaction.deleted.is_(False), Interaction.file_id.in_(list(file_pair)))
            .group_by(Interaction.file_id)).all()
        for fid, n in counts:
            exchanges[file_pair[fid]] += int(n)
    return dm.Relations({k: tuple(v) for k, v in files.items()}, dict(exchanges))


_ACTIVE = (NeedStatus.OPEN.value, NeedStatus.IN_PROGRESS.value)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A candidate need or offer read with a column select (no ORM objects: lists run at
    Core speed, DESIGN.md §10), with its organisation's name and size."""

    side: dm.Side
    id: uuid.UUID
    title: str
    organisation_id: uuid.UUID
    organisation_name: str
    size: str | None


def _candidates(s: Session, model: type[Need] | type[Offer]) -> list[_Candidate]:
    rows = s.execute(
        select(model.id, model.organisation_id, model.nature, model.themes,
               model.commune_insee, model.amount_cents, model.period_start, model.period_end,
               model.title, Organisation.name, Organisation.size)
        .join(Organisation, Organisation.id == model.organisation_id)
        .where(model.deleted.is_(False), Organisation.deleted.is_(False),
               model.status.in_(_ACTIVE))).all()
    return [_Candidate(dm.Side(str(rid), str(org), nature, frozenset(themes or ()), commune,
                               amount, start, end, size if model is Offer else None),
                       rid, title, org, name, size)
            for rid, org, nature, themes, commune, amount, start, end, title, name, size
            in rows]


def offers_for_need(db: Database, need_id: uuid.UUID | str, *, limit: int = 50
                    ) -> list[MatchDTO]:
    """Open offers ranked for a need, best first, each with its reasons."""
    names = commune_names()
    with db.read() as s:
        need = get_live(s, Need, need_id)
        assoc = get_live(s, Organisation, need.organisation_id)
        candidates = _candidates(s, Offer)
        by_id = {c.side.id: c for c in candidates}
        ranked = dm.rank_offers(_side(need), [c.side for c in candidates], territory(),
                                _relations(s, need.organisation_id), limit=limit)
        return [MatchDTO(need.id, need.title, assoc.id, assoc.name, c.id, c.title,
                         c.organisation_id, c.organisation_name, c.size,
                         names.get(c.side.commune_insee or ""), r.score, r.reasons)
                for r in ranked if (c := by_id[r.offer_id])]


def needs_for_offer(db: Database, offer_id: uuid.UUID | str, *, limit: int = 50
                    ) -> list[MatchDTO]:
    """Open needs ranked for an offer, best first, each with its reasons."""
    names = commune_names()
    with db.read() as s:
        offer = get_live(s, Offer, offer_id)
        company = get_live(s, Organisation, offer.organisation_id)
        candidates = _candidates(s, Need)
        by_id = {c.side.id: c for c in candidates}
        ranked = dm.rank_needs(_side(offer, company.size), [c.side for c in candidates],
                               territory(), _relations(s, offer.organisation_id), limit=limit)
        return [MatchDTO(c.id, c.title, c.organisation_id, c.organisation_name, offer.id,
                         offer.title, company.id, company.name, company.size,
                         names.get(c.side.commune_insee or ""), r.score, r.reasons)
                for r in ranked if (c := by_id[r.need_id])]


def open_at_matching_stage(s: Session, db: Database, *, association_id: uuid.UUID,
                           company_id: uuid.UUID, title: str, origin: str,
                           origin_event_id: uuid.UUID | None = None,
                           themes: Iterable[str] = (), commune_insee: str | None = None,
                           reason: str = "") -> PartnershipFile:
    """Open a file and move it to « Mise en relation » inside the caller's transaction.

    The move goes through :func:`passerelle.domain.stages.check_move` with the file's facts,
    so the stage rules hold exactly as for a move made by hand; both steps are in the stage
    history.
    """
    if association_id == company_id:
        raise ValidationError("same_party",
                              "L'association et l'entreprise d'un dossier doivent être "
                              "deux organisations différentes.", field="company_id")
    opened = today()
    assoc = get_live(s, Organisation, association_id)
    f = PartnershipFile(reference=next_reference(s, opened.year), title=title[:300], stage=1,
                        stage_since=opened, status=FileStatus.ACTIVE.value, opened_on=opened,
                        facilitator=db.user_name, association_id=association_id,
                        company_id=company_id, origin=origin, origin_event_id=origin_event_id,
                        themes=sorted(set(themes)),
                        commune_insee=commune_insee or assoc.commune_insee, qpv=assoc.qpv)
    s.add(f)
    s.flush()
    now = utcnow()
    s.add(StageChange(file_id=f.id, from_stage=None, to_stage=1, status=f.status,
                      reason="Ouverture du dossier", author=db.user_name, at=now))
    move = st.check_move(st.Stage.FIRST_CONTACT, FileStatus.ACTIVE, st.Stage.MATCHING,
                         file_facts(s, f), reason)
    f.stage = move.to_stage.value
    s.add(StageChange(file_id=f.id, from_stage=move.from_stage.value,
                      to_stage=move.to_stage.value, status=f.status, reason=move.reason or None,
                      author=db.user_name, at=now))
    s.flush()
    return f


def introduce(db: Database, need_id: uuid.UUID | str, offer_id: uuid.UUID | str) -> FileDTO:
    """« Mettre en relation »: a file at « Mise en relation » between the need's association
    and the offer's company; the need and the offer become « en cours »."""
    with db.write() as s:
        need = get_live(s, Need, need_id)
        offer = get_live(s, Offer, offer_id)
        get_live(s, Organisation, offer.organisation_id)
        f = open_at_matching_stage(
            s, db, association_id=need.organisation_id, company_id=offer.organisation_id,
            title=need.title, origin=FileOrigin.MATCHING.value,
            themes=set(need.themes or ()) | set(offer.themes or ()),
            commune_insee=need.commune_insee,
            reason=f"Besoin « {need.title} » ↔ offre « {offer.title} »")
        for row in (need, offer):
            if row.status == NeedStatus.OPEN.value:
                row.status = NeedStatus.IN_PROGRESS.value
        s.flush()
        return _file_dto(s, f)


def introduction_letter(db: Database, file_id: uuid.UUID | str, out_path: Path | str
                        ) -> documents.DocumentDTO:
    """Render the shipped « lettre de mise en relation » for a file (recorded as a version)."""
    return documents.render_for_file(db, file_id, INTRODUCTION_TEMPLATE, out_path)


def default_letter_name(reference: str) -> str:
    """``D-2026-0042_lettre_mise_en_relation.docx``: the file name proposed to the user."""
    return f"{reference}_{INTRODUCTION_TEMPLATE}.docx"
