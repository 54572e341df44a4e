"""« Fusionner »: two records of one organisation become one, through ordinary changes.

Duplicates are expected (offline laptops cannot share a UNIQUE constraint, DESIGN.md §5), so a
merge must itself sync: everything here is an ORM change in one :meth:`Database.write`
transaction, recorded in the change log like a form edit. Peers that import the merge see the
same result, and the history of both records stays in the log (``passerelle`` never rewrites
it). What a merge does:

- every child of the merged organisation is re-pointed to the kept one: files (association,
  company), file parties, interactions, needs, offers, agreements (association, company), and
  organisations previously merged into it;
- link rows whose id is derived from the organisation (contact ↔ organisation, event
  participant; SYNC.md « deterministic ids ») cannot just change their organisation: their id
  would no longer be the one another laptop computes. The old link is tombstoned and the link
  with the kept organisation is created, or completed when it already exists (a person linked
  to both records keeps one link, with the role that was known);
- empty fields of the kept organisation are filled from the other one (identifiers, address,
  contact details, description…); themes are united; yes/no facts (ESS, QPV) are kept if
  either says yes;
- the merged organisation is tombstoned with ``merged_into`` naming the kept one: hidden from
  lists and searches, but its history and its link to the survivor remain.

Documents are owned by files, agreements and events, never by an organisation directly, so
they follow their owner without change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from passerelle.domain.errors import ValidationError
from passerelle.domain.ids import link_id
from passerelle.services.common import as_uuid, get_live
from passerelle.services.organisations import OrganisationDTO, get_organisation
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    ContactOrganisation,
    EventParticipant,
    FileParty,
    Interaction,
    Need,
    Offer,
    Organisation,
    PartnershipFile,
)

#: fields filled from the merged organisation when the kept one has none (form order)
FILLABLE = ("siren", "siret", "rna", "naf", "legal_form", "size", "address", "postal_code",
            "commune_insee", "commune_name", "neighbourhood", "website", "email", "phone",
            "description", "maturity")
_FLAGS = ("ess", "qpv")

#: what a merge moves, as counted for the confirmation dialog
COUNTED = ("contacts", "files", "interactions", "needs", "offers", "agreements", "events")


@dataclass(frozen=True, slots=True)
class MergePreview:
    """Both organisations side by side, what each holds and what the kept one will gain."""

    keep: OrganisationDTO
    other: OrganisationDTO
    keep_counts: dict[str, int]
    other_counts: dict[str, int]
    filled: tuple[str, ...]  # fields of ``keep`` that the merge fills from ``other``


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What the merge moved (per kind of child, see :data:`COUNTED`) and filled."""

    kept_id: uuid.UUID
    merged_id: uuid.UUID
    moved: dict[str, int]
    filled: tuple[str, ...]

    @property
    def total_moved(self) -> int:
        return sum(self.moved.values())


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _check_pair(keep_id: uuid.UUID, other_id: uuid.UUID) -> None:
    if keep_id == other_id:
        raise ValidationError("merge_same", "Choisissez deux organisations différentes à "
                              "fusionner.", field="organisation")


def _counts(s: Session, org_id: uuid.UUID) -> dict[str, int]:
    def count(model: Any, *conditions: Any) -> int:
        ids = s.scalars(select(model.id).where(model.deleted.is_(False), or_(*conditions)))
        return len(list(ids))

    return {
        "contacts": count(ContactOrganisation, ContactOrganisation.organisation_id == org_id),
        "files": count(PartnershipFile, PartnershipFile.association_id == org_id,
                       PartnershipFile.company_id == org_id)
        + count(FileParty, FileParty.organisation_id == org_id),
        "interactions": count(Interaction, Interaction.organisation_id == org_id),
        "needs": count(Need, Need.organisation_id == org_id),
        "offers": count(Offer, Offer.organisation_id == org_id),
        "agreements": count(Agreement, Agreement.association_id == org_id,
                            Agreement.company_id == org_id),
        "events": count(EventParticipant, EventParticipant.organisation_id == org_id),
    }


def _fillable(keep: Organisation, other: Organisation) -> list[str]:
    filled = [f for f in FILLABLE if _empty(getattr(keep, f)) and not _empty(getattr(other, f))]
    if set(other.themes or ()) - set(keep.themes or ()):
        filled.append("themes")
    filled += [f for f in _FLAGS if not getattr(keep, f) and getattr(other, f)]
    return filled


def merge_preview(db: Database, keep_id: uuid.UUID | str, other_id: uuid.UUID | str
                  ) -> MergePreview:
    """What :func:`merge_organisations` would do, for the side-by-side confirmation."""
    keep_uuid, other_uuid = as_uuid(keep_id), as_uuid(other_id)
    _check_pair(keep_uuid, other_uuid)
    with db.read() as s:
        keep = get_live(s, Organisation, keep_uuid)
        other = get_live(s, Organisation, other_uuid)
        filled = tuple(_fillable(keep, other))
        keep_counts, other_counts = _counts(s, keep.id), _counts(s, other.id)
    return MergePreview(get_organisation(db, keep_uuid), get_organisation(db, other_uuid),
                        keep_counts, other_counts, filled)


def merge_organisations(db: Database, keep_id: uuid.UUID | str, other_id: uuid.UUID | str
                        ) -> MergeReport:
    """Merge ``other_id`` into ``keep_id`` (see the module notes), all in one transaction."""
    keep_uuid, other_uuid = as_uuid(keep_id), as_uuid(other_id)
    _check_pair(keep_uuid, other_uuid)
    moved = dict.fromkeys(COUNTED, 0)
    with db.write() as s:
        keep = get_live(s, Organisation, keep_uuid)
        other = get_live(s, Organisation, other_uuid)
        filled = _fillable(keep, other)
        for name in filled:
            if name == "themes":
                keep.themes = sorted(set(keep.themes or ()) | set(other.themes or ()))
            else:
                setattr(keep, name, getattr(other, name))
        moved["contacts"] = _move_contact_links(s, other.id, keep.id)
        moved["events"] = _move_event_participants(s, other.id, keep.id)
        for model, attrs, key in (
            (PartnershipFile, ("association_id", "company_id"), "files"),
            (FileParty, ("organisation_id",), "files"),
            (Interaction, ("organisation_id",), "interactions"),
            (Need, ("organisation_id",), "needs"),
            (Offer, ("organisation_id",), "offers"),
            (Agreement, ("association_id", "company_id"), "agreements"),
        ):
            moved[key] += _repoint(s, model, attrs, other.id, keep.id)
        for earlier in s.scalars(select(Organisation).where(
                Organisation.merged_into == other.id)):
            earlier.merged_into = keep.id
        other.deleted = True
        other.merged_into = keep.id
    return MergeReport(keep_uuid, other_uuid, moved, tuple(filled))


def _repoint(s: Session, model: Any, attrs: tuple[str, ...], old: uuid.UUID,
             new: uuid.UUID) -> int:
    """Point every live row of ``model`` that names ``old`` (in any of ``attrs``) to ``new``."""
    columns = [getattr(model, a) for a in attrs]
    rows = s.scalars(select(model).where(model.deleted.is_(False),
                                         or_(*(c == old for c in columns))))
    n = 0
    for row in rows:
        for attr in attrs:
            if getattr(row, attr) == old:
                setattr(row, attr, new)
        n += 1
    return n


def _move_contact_links(s: Session, old: uuid.UUID, new: uuid.UUID) -> int:
    links = list(s.scalars(select(ContactOrganisation).where(
        ContactOrganisation.organisation_id == old, ContactOrganisation.deleted.is_(False))))
    for link in links:
        target = s.get(ContactOrganisation, link_id(link.contact_id, new))
        if target is None:
            s.add(ContactOrganisation(id=link_id(link.contact_id, new),
                                      contact_id=link.contact_id, organisation_id=new,
                                      role=link.role, is_primary=link.is_primary))
        elif target.deleted:
            target.deleted = False
            target.role = link.role
            target.is_primary = link.is_primary
        else:
            if not target.role and link.role:
                target.role = link.role
            if link.is_primary and not target.is_primary:
                target.is_primary = True
        link.deleted = True
    return len(links)


def _move_event_participants(s: Session, old: uuid.UUID, new: uuid.UUID) -> int:
    parts = list(s.scalars(select(EventParticipant).where(
        EventParticipant.organisation_id == old, EventParticipant.deleted.is_(False))))
    for part in parts:
        target = s.get(EventParticipant, link_id(part.event_id, new))
        if target is None:
            s.add(EventParticipant(id=link_id(part.event_id, new), event_id=part.event_id,
                                   organisation_id=new, contact_id=part.contact_id,
                                   status=part.status, wishes=list(part.wishes or ())))
        elif target.deleted:
            target.deleted = False
            target.contact_id = part.contact_id
            target.status = part.status
            target.wishes = list(part.wishes or ())
        else:
            if target.contact_id is None and part.contact_id is not None:
                target.contact_id = part.contact_id
            wishes = sorted(set(target.wishes or ()) | set(part.wishes or ()))
            if wishes != sorted(target.wishes or ()):
                target.wishes = wishes
        part.deleted = True
    return len(parts)


__all__ = ["COUNTED", "FILLABLE", "MergePreview", "MergeReport", "merge_organisations",
           "merge_preview"]
