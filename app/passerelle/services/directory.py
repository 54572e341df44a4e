"""The directory around organisations and contacts: choosers, related lists, contact details.

These are the read-side helpers of the Organisations and Contacts views and of every form that
picks an organisation or a contact (autocompletion). Writes stay in
:mod:`passerelle.services.organisations`. Everything returns frozen dataclasses.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import ColumnElement, case, func, or_, select, true
from sqlalchemy.orm import aliased

from passerelle.infra.resources import resource_path
from passerelle.services.common import as_uuid, get_live
from passerelle.services.lists import text_match
from passerelle.services.organisations import OrganisationDTO, get_organisation
from passerelle.store.database import Database
from passerelle.store.models import Contact, ContactOrganisation, Organisation, PartnershipFile


@dataclass(frozen=True, slots=True)
class ContactChoice:
    """A contact offered by an autocompletion: who, and where they work."""

    id: uuid.UUID
    full_name: str
    organisation_name: str | None


@dataclass(frozen=True, slots=True)
class OrganisationChoice:
    """An organisation offered by an autocompletion."""

    id: uuid.UUID
    name: str
    kind: str
    commune_name: str | None


@dataclass(frozen=True, slots=True)
class OrganisationContact:
    """A contact of an organisation, with the role held there."""

    contact_id: uuid.UUID
    full_name: str
    role: str | None
    is_primary: bool
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class OrganisationFile:
    """A partnership file an organisation takes part in (as association or company)."""

    id: uuid.UUID
    reference: str
    title: str
    stage: int
    status: str
    partner_name: str | None  # the other side of the partnership


@dataclass(frozen=True, slots=True)
class ContactLink:
    """A contact's link to an organisation."""

    organisation_id: uuid.UUID
    organisation_name: str
    organisation_kind: str
    role: str | None
    is_primary: bool


@dataclass(frozen=True, slots=True)
class ContactDetail:
    """Everything the contact form shows (RGPD facts included)."""

    id: uuid.UUID
    first_name: str
    last_name: str
    title: str | None
    email: str | None
    phone: str | None
    mobile: str | None
    legal_basis: str
    consent_on: date | None
    last_inbound_on: date | None
    notes: str | None
    links: tuple[ContactLink, ...]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class OrganisationDetail:
    """What the organisation panel shows: the record, its contacts and its files."""

    organisation: OrganisationDTO
    contacts: tuple[OrganisationContact, ...]
    files: tuple[OrganisationFile, ...]


@dataclass(frozen=True, slots=True)
class CommuneChoice:
    """A commune of the metropolis: INSEE code, name, postal codes."""

    insee: str
    name: str
    postal_codes: tuple[str, ...]


def _full_name() -> ColumnElement[str]:
    return func.trim(Contact.first_name + " " + Contact.last_name)


def _primary_org_name() -> ColumnElement[str]:
    link = aliased(ContactOrganisation)
    org = aliased(Organisation)
    return (
        select(org.name)
        .join(link, link.organisation_id == org.id)
        .where(link.contact_id == Contact.id, link.deleted.is_(False), org.deleted.is_(False))
        .order_by(link.is_primary.desc(), org.name)
        .limit(1)
        .scalar_subquery()
    )


def find_contacts(db: Database, text: str, limit: int = 20) -> list[ContactChoice]:
    """Contacts whose name, title, e-mail or notes match ``text`` (accent-insensitive
    prefixes), by name; the first ones by name when ``text`` is empty."""
    stmt = select(Contact.id, _full_name(), _primary_org_name()).where(
        Contact.deleted.is_(False))
    match = text_match("contact", Contact.__table__.c.id, text)
    if match is not None:
        stmt = stmt.where(match)
    stmt = stmt.order_by(Contact.last_name.collate("NOCASE"),
                         Contact.first_name.collate("NOCASE")).limit(limit)
    with db.read() as s:
        return [ContactChoice(i, n, o) for i, n, o in s.execute(stmt)]


def find_organisations(db: Database, text: str, kinds: Collection[str] | None = None,
                       limit: int = 20) -> list[OrganisationChoice]:
    """Organisations matching ``text`` (name, commune, identifiers…), optionally of some
    kinds only (e.g. companies and foundations for a file's partner), by name."""
    stmt = select(Organisation.id, Organisation.name, Organisation.kind,
                  Organisation.commune_name).where(Organisation.deleted.is_(False))
    match = text_match("organisation", Organisation.__table__.c.id, text)
    if match is not None:
        stmt = stmt.where(match)
    if kinds:
        stmt = stmt.where(Organisation.kind.in_([getattr(k, "value", k) for k in kinds]))
    stmt = stmt.order_by(Organisation.name.collate("NOCASE")).limit(limit)
    with db.read() as s:
        return [OrganisationChoice(*row) for row in s.execute(stmt)]


def organisation_contacts(db: Database, org_id: uuid.UUID | str) -> list[OrganisationContact]:
    """The organisation's contacts with their roles, primary contacts first."""
    oid = as_uuid(org_id)
    stmt = (
        select(Contact.id, _full_name(), ContactOrganisation.role,
               ContactOrganisation.is_primary, Contact.email,
               func.coalesce(Contact.phone, Contact.mobile))
        .join(ContactOrganisation, ContactOrganisation.contact_id == Contact.id)
        .where(ContactOrganisation.organisation_id == oid,
               ContactOrganisation.deleted.is_(False), Contact.deleted.is_(False))
        .order_by(ContactOrganisation.is_primary.desc(), Contact.last_name.collate("NOCASE"),
                  Contact.first_name.collate("NOCASE"))
    )
    with db.read() as s:
        return [OrganisationContact(*row) for row in s.execute(stmt)]


def organisation_files(db: Database, org_id: uuid.UUID | str) -> list[OrganisationFile]:
    """The files where the organisation is the association or the company, newest first."""
    oid = as_uuid(org_id)
    assoc = aliased(Organisation)
    company = aliased(Organisation)
    partner = case((PartnershipFile.association_id == oid, company.name), else_=assoc.name)
    stmt = (
        select(PartnershipFile.id, PartnershipFile.reference, PartnershipFile.title,
               PartnershipFile.stage, PartnershipFile.status, partner)
        .outerjoin(assoc, assoc.id == PartnershipFile.association_id)
        .outerjoin(company, company.id == PartnershipFile.company_id)
        .where(PartnershipFile.deleted.is_(False),
               or_(PartnershipFile.association_id == oid, PartnershipFile.company_id == oid))
        .order_by(PartnershipFile.opened_on.desc(), PartnershipFile.reference.desc())
    )
    with db.read() as s:
        return [OrganisationFile(*row) for row in s.execute(stmt)]


def organisation_detail(db: Database, org_id: uuid.UUID | str) -> OrganisationDetail:
    """The organisation with its contacts and files, for one background load of the panel."""
    return OrganisationDetail(get_organisation(db, org_id),
                              tuple(organisation_contacts(db, org_id)),
                              tuple(organisation_files(db, org_id)))


def get_contact_detail(db: Database, contact_id: uuid.UUID | str) -> ContactDetail:
    """The contact with every field of the form and their organisation links."""
    with db.read() as s:
        c = get_live(s, Contact, contact_id)
        rows = s.execute(
            select(Organisation.id, Organisation.name, Organisation.kind,
                   ContactOrganisation.role, ContactOrganisation.is_primary)
            .join(ContactOrganisation, ContactOrganisation.organisation_id == Organisation.id)
            .where(ContactOrganisation.contact_id == c.id,
                   ContactOrganisation.deleted.is_(False), Organisation.deleted.is_(False))
            .order_by(ContactOrganisation.is_primary.desc(), Organisation.name)
        ).all()
        return ContactDetail(
            c.id, c.first_name, c.last_name, c.title, c.email, c.phone, c.mobile,
            c.legal_basis, c.consent_on, c.last_inbound_on, c.notes,
            tuple(ContactLink(*r) for r in rows),
        )


def known_themes(db: Database) -> list[str]:
    """Every theme already used on organisations or files, for completion (sorted)."""
    themes: set[str] = set()
    with db.read() as s:
        for model in (Organisation, PartnershipFile):
            each = func.json_each(model.themes).table_valued("value")
            themes.update(s.scalars(
                select(each.c.value).select_from(model).join(each, true())
                .where(model.deleted.is_(False)).distinct()))
    return sorted(t for t in themes if t)


@cache
def communes() -> tuple[CommuneChoice, ...]:
    """The communes of the metropolis (shipped reference file), by name."""
    path = resource_path("reference", "communes_mel.csv")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [CommuneChoice(r["insee"], r["name"], tuple(r["postal_codes"].split()))
                    for r in csv.DictReader(fh)]
    except FileNotFoundError:
        return ()
    return tuple(sorted(rows, key=lambda c: c.name))
