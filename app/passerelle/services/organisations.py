"""Organisations and contacts: create, update, delete (tombstone), link with roles."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.domain import validators as v
from passerelle.domain.errors import ValidationError
from passerelle.domain.ids import link_id
from passerelle.domain.vocabulary import CompanySize, LegalBasis, OrganisationKind
from passerelle.services.common import as_uuid, clean, get_live, required
from passerelle.store.database import Database
from passerelle.store.models import Contact, ContactOrganisation, Organisation

# --- Organisations -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrganisationDTO:
    """An organisation as the UI and the CLI see it."""

    id: uuid.UUID
    kind: str
    name: str
    siren: str | None
    siret: str | None
    rna: str | None
    naf: str | None
    size: str | None
    themes: tuple[str, ...]
    address: str | None
    postal_code: str | None
    commune_insee: str | None
    commune_name: str | None
    qpv: bool
    website: str | None
    email: str | None
    phone: str | None
    description: str | None
    warnings: tuple[str, ...] = ()


def _org_dto(o: Organisation, warnings: Sequence[str] = ()) -> OrganisationDTO:
    return OrganisationDTO(
        o.id, o.kind, o.name, o.siren, o.siret, o.rna, o.naf, o.size, tuple(o.themes or ()),
        o.address, o.postal_code, o.commune_insee, o.commune_name, o.qpv, o.website, o.email,
        o.phone, o.description, tuple(warnings),
    )


_NORMALISERS: dict[str, Callable[[str], str]] = {
    "siren": v.normalize_siren,
    "siret": v.normalize_siret,
    "rna": v.normalize_rna,
    "naf": v.normalize_naf,
    "postal_code": v.normalize_postal_code,
    "commune_insee": v.normalize_insee_code,
    "phone": v.normalize_phone,
    "mobile": v.normalize_phone,
    "email": v.normalize_email,
}
_ORG_FIELDS = (
    "kind", "name", "siren", "siret", "rna", "naf", "legal_form", "size", "ess", "themes",
    "address", "postal_code", "commune_insee", "commune_name", "neighbourhood", "qpv", "website",
    "email", "phone", "description", "maturity",
)


def _normalise(values: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Validate and normalise identifier fields; returns the clean values and warnings."""
    out: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in values.items():
        if isinstance(value, str):
            value = clean(value)
        if value is not None and key in _NORMALISERS:
            value = _NORMALISERS[key](value)
            if key == "rna" and (w := v.rna_warning(value)):
                warnings.append(w)
        out[key] = value
    if out.get("kind") is not None:
        try:
            out["kind"] = OrganisationKind(out["kind"]).value
        except ValueError:
            raise ValidationError("bad_kind", "Type d'organisation inconnu : {value}",
                                  field="kind", value=str(out["kind"])) from None
    if out.get("size") is not None:
        try:
            out["size"] = CompanySize(out["size"]).value
        except ValueError:
            raise ValidationError("bad_size", "Taille d'entreprise inconnue : {value}",
                                  field="size", value=str(out["size"])) from None
    if "themes" in out:
        out["themes"] = sorted({t.strip().lower() for t in out["themes"] or () if t.strip()})
    if out.get("siret") and out.get("siren") and out["siret"][:9] != out["siren"]:
        raise ValidationError(
            "siret_siren_mismatch",
            "Le SIRET {siret} n'appartient pas au SIREN {siren}.",
            field="siret", siret=out["siret"], siren=out["siren"],
        )
    return out, warnings


def create_organisation(db: Database, *, kind: str, name: str, **fields: Any) -> OrganisationDTO:
    """Create an organisation; identifiers are validated and stored in canonical form."""
    unknown = set(fields) - set(_ORG_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    values, warnings = _normalise({"kind": kind, "name": name, **fields})
    values["name"] = required(values.get("name"), "name", "Nom")
    if values.get("siret") and not values.get("siren"):
        values["siren"] = values["siret"][:9]
    with db.write() as s:
        org = Organisation(**values)
        s.add(org)
        s.flush()
        return _org_dto(org, warnings)


def update_organisation(db: Database, org_id: uuid.UUID | str, **changes: Any
                        ) -> OrganisationDTO:
    """Change some fields; only the fields that really change are recorded."""
    unknown = set(changes) - set(_ORG_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    values, warnings = _normalise(changes)
    if "name" in values:
        values["name"] = required(values["name"], "name", "Nom")
    with db.write() as s:
        org = get_live(s, Organisation, org_id)
        _assign(org, values)
        s.flush()
        return _org_dto(org, warnings)


def delete_organisation(db: Database, org_id: uuid.UUID | str) -> None:
    """Delete (tombstone) an organisation; its links to contacts go with it."""
    with db.write() as s:
        org = get_live(s, Organisation, org_id)
        org.deleted = True
        for link in s.scalars(select(ContactOrganisation).where(
                ContactOrganisation.organisation_id == org.id,
                ContactOrganisation.deleted.is_(False))):
            link.deleted = True


def get_organisation(db: Database, org_id: uuid.UUID | str) -> OrganisationDTO:
    with db.read() as s:
        return _org_dto(get_live(s, Organisation, org_id))


def _assign(obj: Any, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


# --- Contacts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactLinkDTO:
    organisation_id: uuid.UUID
    organisation_name: str
    role: str | None
    is_primary: bool


@dataclass(frozen=True, slots=True)
class ContactDTO:
    """A person, with their organisations and roles."""

    id: uuid.UUID
    first_name: str
    last_name: str
    title: str | None
    email: str | None
    phone: str | None
    mobile: str | None
    legal_basis: str
    last_inbound_on: date | None
    links: tuple[ContactLinkDTO, ...] = field(default_factory=tuple)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


_CONTACT_FIELDS = (
    "first_name", "last_name", "title", "email", "phone", "mobile", "legal_basis", "consent_on",
    "collected_from", "collected_on", "last_inbound_on", "objects_to_prospecting", "notes",
)


def _contact_values(values: dict[str, Any]) -> dict[str, Any]:
    out, _ = _normalise(values)
    if out.get("legal_basis") is not None:
        try:
            out["legal_basis"] = LegalBasis(out["legal_basis"]).value
        except ValueError:
            raise ValidationError("bad_legal_basis", "Base légale inconnue : {value}",
                                  field="legal_basis", value=str(out["legal_basis"])) from None
    return out


def _contact_dto(s: Session, c: Contact) -> ContactDTO:
    rows = s.execute(
        select(ContactOrganisation.organisation_id, Organisation.name, ContactOrganisation.role,
               ContactOrganisation.is_primary)
        .join(Organisation, Organisation.id == ContactOrganisation.organisation_id)
        .where(ContactOrganisation.contact_id == c.id, ContactOrganisation.deleted.is_(False))
        .order_by(ContactOrganisation.is_primary.desc(), Organisation.name)
    ).all()
    links = tuple(ContactLinkDTO(*r) for r in rows)
    return ContactDTO(c.id, c.first_name, c.last_name, c.title, c.email, c.phone, c.mobile,
                      c.legal_basis, c.last_inbound_on, links)


def create_contact(db: Database, *, first_name: str, last_name: str,
                   organisation_id: uuid.UUID | str | None = None, role: str | None = None,
                   **fields: Any) -> ContactDTO:
    """Create a contact, optionally linked to an organisation with a role."""
    unknown = set(fields) - set(_CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    values = _contact_values({"first_name": first_name, "last_name": last_name, **fields})
    values["last_name"] = required(values.get("last_name"), "last_name", "Nom")
    values["first_name"] = clean(values.get("first_name")) or ""
    with db.write() as s:
        contact = Contact(**values)
        s.add(contact)
        s.flush()
        if organisation_id is not None:
            _link(s, contact.id, organisation_id, role, primary=True)
            s.flush()
        return _contact_dto(s, contact)


def update_contact(db: Database, contact_id: uuid.UUID | str, **changes: Any) -> ContactDTO:
    unknown = set(changes) - set(_CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    values = _contact_values(changes)
    if "last_name" in values:
        values["last_name"] = required(values["last_name"], "last_name", "Nom")
    with db.write() as s:
        contact = get_live(s, Contact, contact_id)
        _assign(contact, values)
        s.flush()
        return _contact_dto(s, contact)


def delete_contact(db: Database, contact_id: uuid.UUID | str) -> None:
    with db.write() as s:
        contact = get_live(s, Contact, contact_id)
        contact.deleted = True
        for link in s.scalars(select(ContactOrganisation).where(
                ContactOrganisation.contact_id == contact.id,
                ContactOrganisation.deleted.is_(False))):
            link.deleted = True


def get_contact(db: Database, contact_id: uuid.UUID | str) -> ContactDTO:
    with db.read() as s:
        return _contact_dto(s, get_live(s, Contact, contact_id))


def link_contact(db: Database, contact_id: uuid.UUID | str, organisation_id: uuid.UUID | str,
                 role: str | None = None, *, primary: bool = False) -> ContactDTO:
    """Link a contact to an organisation (or change the role of an existing link)."""
    with db.write() as s:
        contact = get_live(s, Contact, contact_id)
        _link(s, contact.id, organisation_id, role, primary=primary)
        s.flush()
        return _contact_dto(s, contact)


def unlink_contact(db: Database, contact_id: uuid.UUID | str,
                   organisation_id: uuid.UUID | str) -> None:
    with db.write() as s:
        lid = link_id(as_uuid(contact_id), as_uuid(organisation_id))
        get_live(s, ContactOrganisation, lid).deleted = True


def _link(s: Session, contact_id: uuid.UUID, organisation_id: uuid.UUID | str,
          role: str | None, *, primary: bool) -> None:
    org = get_live(s, Organisation, organisation_id)
    lid = link_id(contact_id, org.id)
    link = s.get(ContactOrganisation, lid)
    if link is None:
        s.add(ContactOrganisation(id=lid, contact_id=contact_id, organisation_id=org.id,
                                  role=clean(role), is_primary=primary))
    else:
        _assign(link, {"deleted": False, "role": clean(role), "is_primary": primary})
