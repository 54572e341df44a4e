"""Association needs and company offers: create, edit, list (the « Besoins et offres » view).

A need belongs to an association (or any general-interest organisation: a network, a
foundation's project), an offer to a company; both carry the matching axes of DESIGN.md §3:
nature of support, themes, territory (commune), amount or volume, period, status. The
offering company's size comes from its organisation record (it is not copied, so it stays
right when the company grows).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from passerelle.domain.errors import ValidationError
from passerelle.domain.vocabulary import NeedStatus, OrganisationKind, SupportNature
from passerelle.services.common import clean, get_live, required, to_cents
from passerelle.services.lists import commune_names
from passerelle.store.database import Database
from passerelle.store.models import Need, Offer, Organisation

#: Which side of the matching an entry is on.
NEED = "need"
OFFER = "offer"
_MODELS: dict[str, type[Need] | type[Offer]] = {NEED: Need, OFFER: Offer}

_FIELDS = ("title", "description", "nature", "themes", "commune_insee", "amount", "volume",
           "period_start", "period_end", "status", "organisation_id")


@dataclass(frozen=True, slots=True)
class NeedOfferDTO:
    """A need or an offer, with its organisation's name, commune and size."""

    id: uuid.UUID
    side: str  # NEED or OFFER
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_kind: str
    company_size: str | None
    title: str
    description: str | None
    nature: str
    themes: tuple[str, ...]
    commune_insee: str | None
    commune_name: str | None
    amount_cents: int | None
    volume: str | None
    period_start: date | None
    period_end: date | None
    status: str


def _model(side: str) -> type[Need] | type[Offer]:
    try:
        return _MODELS[side]
    except KeyError:
        raise ValueError(f"unknown side {side!r}") from None


def _dto(row: Need | Offer, side: str, org: Organisation | None) -> NeedOfferDTO:
    names = commune_names()
    return NeedOfferDTO(
        row.id, side, row.organisation_id, org.name if org else "", org.kind if org else "",
        org.size if org else None, row.title, row.description, row.nature,
        tuple(row.themes or ()), row.commune_insee,
        names.get(row.commune_insee or "", row.commune_insee), row.amount_cents, row.volume,
        row.period_start, row.period_end, row.status)


def _values(s: Session, side: str, values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    out: dict[str, Any] = {}
    if "title" in values or creating:
        out["title"] = required(values.get("title"), "title", "Intitulé")
    if "description" in values:
        out["description"] = clean(values["description"])
    if "volume" in values:
        out["volume"] = clean(values["volume"])
    if "nature" in values or creating:
        try:
            out["nature"] = SupportNature(values.get("nature")).value
        except ValueError:
            raise ValidationError("need_offer_nature",
                                  "Choisissez la nature du soutien.", field="nature") from None
    if "themes" in values:
        out["themes"] = sorted({t.strip().lower() for t in values["themes"] or () if t.strip()})
    if "commune_insee" in values:
        code = clean(values["commune_insee"])
        if code is not None and code not in commune_names():
            raise ValidationError("need_offer_commune",
                                  "Commune inconnue dans la Métropole : {value}",
                                  field="commune_insee", value=code)
        out["commune_insee"] = code
    if "amount" in values:
        out["amount_cents"] = to_cents(values["amount"])
    if "period_start" in values:
        out["period_start"] = values["period_start"]
    if "period_end" in values:
        out["period_end"] = values["period_end"]
    if "status" in values:
        try:
            out["status"] = NeedStatus(values["status"]).value
        except ValueError:
            raise ValidationError("bad_value", "Valeur inconnue pour « {label} » : {value}",
                                  field="status", label="Statut",
                                  value=str(values["status"])) from None
    if "organisation_id" in values or creating:
        if values.get("organisation_id") is None:
            raise ValidationError("required", "Le champ « {label} » est obligatoire.",
                                  field="organisation_id", label="Organisation")
        org = get_live(s, Organisation, values["organisation_id"])
        if side == OFFER and org.kind in (OrganisationKind.ASSOCIATION.value,):
            raise ValidationError("offer_by_association",
                                  "Une offre de soutien est portée par une entreprise (ou une "
                                  "fondation, un réseau) : « {name} » est une association.",
                                  field="organisation_id", name=org.name)
        if side == NEED and org.kind == OrganisationKind.COMPANY.value:
            raise ValidationError("need_by_company",
                                  "Un besoin est porté par une association (ou une structure "
                                  "d'intérêt général) : « {name} » est une entreprise.",
                                  field="organisation_id", name=org.name)
        out["organisation_id"] = org.id
    return out


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError("need_offer_period",
                              "La fin de la période précède son début.", field="period_end")


def create(db: Database, side: str, **values: Any) -> NeedOfferDTO:
    """Create a need (``side="need"``) or an offer (``side="offer"``); status « Ouvert »."""
    model = _model(side)
    with db.write() as s:
        clean_values = _values(s, side, values, creating=True)
        _check_period(clean_values.get("period_start"), clean_values.get("period_end"))
        row = model(**clean_values)
        s.add(row)
        s.flush()
        return _dto(row, side, s.get(Organisation, row.organisation_id))


def update(db: Database, side: str, row_id: uuid.UUID | str, **changes: Any) -> NeedOfferDTO:
    """Change some fields of a need or an offer (all checked, one transaction)."""
    model = _model(side)
    with db.write() as s:
        row = get_live(s, model, row_id)
        clean_values = _values(s, side, changes, creating=False)
        _check_period(clean_values.get("period_start", row.period_start),
                      clean_values.get("period_end", row.period_end))
        for key, value in clean_values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        s.flush()
        return _dto(row, side, s.get(Organisation, row.organisation_id))


def delete(db: Database, side: str, row_id: uuid.UUID | str) -> None:
    with db.write() as s:
        get_live(s, _model(side), row_id).deleted = True


def get(db: Database, side: str, row_id: uuid.UUID | str) -> NeedOfferDTO:
    with db.read() as s:
        row = get_live(s, _model(side), row_id)
        return _dto(row, side, s.get(Organisation, row.organisation_id))


def count_open(db: Database) -> dict[str, int]:
    """How many needs and offers are open or in progress (the view's switch labels)."""
    active = (NeedStatus.OPEN.value, NeedStatus.IN_PROGRESS.value)
    out: dict[str, int] = {}
    with db.read() as s:
        for side, model in _MODELS.items():
            out[side] = int(s.scalar(
                select(func.count()).select_from(model)
                .join(Organisation, Organisation.id == model.organisation_id)
                .where(model.deleted.is_(False), Organisation.deleted.is_(False),
                       model.status.in_(active))) or 0)
    return out


def list_entries(db: Database, side: str, *, organisation_id: uuid.UUID | str | None = None,
                 statuses: tuple[str, ...] | None = None, text: str = "",
                 limit: int = 5000) -> list[NeedOfferDTO]:
    """Needs or offers, open ones first then newest first; filtered by organisation, status and
    a text found in the title, the description or the organisation's name."""
    model = _model(side)
    stmt = (select(model.id, model.organisation_id, Organisation.name, Organisation.kind,
                   Organisation.size, model.title, model.description, model.nature,
                   model.themes, model.commune_insee, model.amount_cents, model.volume,
                   model.period_start, model.period_end, model.status)
            .join(Organisation, Organisation.id == model.organisation_id)
            .where(model.deleted.is_(False), Organisation.deleted.is_(False)))
    if organisation_id is not None:
        stmt = stmt.where(model.organisation_id == uuid.UUID(str(organisation_id)))
    if statuses:
        stmt = stmt.where(model.status.in_(statuses))
    words = text.strip()
    if words:
        like = f"%{words}%"
        stmt = stmt.where(model.title.ilike(like) | model.description.ilike(like)
                          | Organisation.name.ilike(like))
    order = (model.status != NeedStatus.OPEN.value, model.period_start.desc().nulls_last(),
             model.id.desc())
    names = commune_names()
    with db.read() as s:
        rows = s.execute(stmt.order_by(*order).limit(limit)).all()
        return [NeedOfferDTO(rid, side, org, name, kind, size, title, desc, nature,
                             tuple(themes or ()), commune, names.get(commune or "", commune),
                             amount, volume, start, end, status)
                for (rid, org, name, kind, size, title, desc, nature, themes, commune, amount,
                     volume, start, end, status) in rows]
