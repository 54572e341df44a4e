"""Export of organisations, contacts, files and interactions to CSV or XLSX.

What the lists show can be taken away to a spreadsheet: the rows of a list's current query (its
search text, filters and order; everything by default), with French headers and French labels.
The format follows the file name (:func:`~passerelle.services.spreadsheets.write_table`): CSV
in UTF-8 with a BOM and ``;`` as French Excel expects, or XLSX; cells that a spreadsheet would
run as a formula are neutralised with a leading apostrophe (DESIGN.md §9).

Organisation and contact headers are the ones the import recognises, so an export can be
corrected in a spreadsheet and imported again. Rows are read by blocks of rowids, so 200,000
interactions export with flat memory, and the work reports progress and can be cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import String, func, literal_column, select, type_coerce
from sqlalchemy.orm import aliased

from passerelle.domain.errors import ValidationError
from passerelle.domain.validators import format_phone_fr
from passerelle.domain.vocabulary import (
    CompanySize,
    InteractionKind,
    LabelledEnum,
    LegalBasis,
    OrganisationKind,
)
from passerelle.services.lists import ContactRows, FileRows, ListQuery, OrganisationRows
from passerelle.services.spreadsheets import Cell, write_table
from passerelle.store.database import Database
from passerelle.store.models import (
    Contact,
    ContactOrganisation,
    Interaction,
    InteractionParticipant,
    NoteRevision,
    Organisation,
    PartnershipFile,
)

ORGANISATIONS, CONTACTS, FILES, INTERACTIONS = "organisations", "contacts", "files", "interactions"
WHAT = (ORGANISATIONS, CONTACTS, FILES, INTERACTIONS)
BLOCK = 500

Progress = Callable[[int, int], None]

ORGANISATION_HEADERS = ("Nom", "Type", "SIREN", "SIRET", "N° RNA", "Code NAF", "Taille", "ESS",
                        "Thèmes", "Adresse", "Code postal", "Commune", "Code INSEE", "QPV",
                        "Site web", "Courriel", "Téléphone", "Description")
CONTACT_HEADERS = ("Prénom", "Nom", "Fonction", "Organisation", "Rôle", "Autres organisations",
                   "Courriel", "Téléphone", "Portable", "Base légale", "Dernier contact entrant",
                   "Notes")
INTERACTION_HEADERS = ("Date", "Type", "Objet", "Durée (min)", "Dossier", "Organisation",
                       "Participants", "Notes", "Décisions", "Auteur")


def export(db: Database, what: str, path: Path | str, *, query: ListQuery | None = None,
           progress: Progress | None = None, cancel: threading.Event | None = None) -> int:
    """Write ``what`` (organisations, contacts, files, interactions) to ``path``; row count.

    ``query`` is a list's current query (organisations, contacts and files); by default every
    live row, in the list's default order.
    """
    if what not in WHAT:
        raise ValidationError("export_what", "Export inconnu : {what} (attendu : "
                              "organisations, contacts, files ou interactions).", field="what",
                              what=what)
    query = query or ListQuery()
    if what == ORGANISATIONS:
        return export_organisations(db, path, query, progress, cancel)
    if what == CONTACTS:
        return export_contacts(db, path, query, progress, cancel)
    if what == FILES:
        return export_files(db, query, path, progress=progress, cancel=cancel)
    return export_interactions(db, path, progress, cancel)


def _label(enum: type[LabelledEnum], value: Any) -> str:
    if value is None:
        return ""
    try:
        return enum(value).label
    except ValueError:
        return str(value)


def _yes(value: Any) -> str:
    return "oui" if value else ""


def _phone(value: str | None) -> str:
    return format_phone_fr(value) if value else ""


def _blocks(rowids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(rowids), BLOCK):
        yield list(rowids[start:start + BLOCK])


def _write(path: Path | str, headers: Sequence[str], rows: Iterator[Sequence[Cell]],
           total: int, progress: Progress | None, cancel: threading.Event | None,
           title: str) -> int:
    return write_table(path, headers, rows, total=total, progress=progress, cancel=cancel,
                       sheet_title=title)


# --- Organisations ---------------------------------------------------------------------------


def export_organisations(db: Database, path: Path | str, query: ListQuery | None = None,
                         progress: Progress | None = None,
                         cancel: threading.Event | None = None) -> int:
    rowids = OrganisationRows(db).ids(query or ListQuery()).tolist()
    o = Organisation.__table__.c

    def rows() -> Iterator[Sequence[Cell]]:
        with db.engine.connect() as conn:
            for chunk in _blocks(rowids):
                stmt = select(literal_column("organisation.rowid"), o.name, o.kind, o.siren,
                              o.siret, o.rna, o.naf, o.size, o.ess, o.themes, o.address,
                              o.postal_code, o.commune_name, o.commune_insee, o.qpv, o.website,
                              o.email, o.phone, o.description).where(
                    literal_column("organisation.rowid").in_(chunk))
                found = {r[0]: r[1:] for r in conn.execute(stmt)}
                for rid in chunk:
                    r = found.get(rid)
                    if r is None:
                        continue
                    (name, kind, siren, siret, rna, naf, size, ess, themes, address, cp,
                     commune, insee, qpv, website, email, phone, description) = r
                    yield (name, _label(OrganisationKind, kind), siren, siret, rna, naf,
                           _label(CompanySize, size), _yes(ess), ", ".join(themes or ()),
                           address, cp, commune, insee, _yes(qpv), website, email,
                           _phone(phone), description)

    return _write(path, ORGANISATION_HEADERS, rows(), len(rowids), progress, cancel,
                  "Organisations")


# --- Contacts --------------------------------------------------------------------------------


def export_contacts(db: Database, path: Path | str, query: ListQuery | None = None,
                    progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> int:
    rowids = ContactRows(db).ids(query or ListQuery()).tolist()
    c = Contact.__table__.c
    link = ContactOrganisation.__table__.c
    org = Organisation.__table__.c

    def rows() -> Iterator[Sequence[Cell]]:
        with db.engine.connect() as conn:
            for chunk in _blocks(rowids):
                stmt = select(literal_column("contact.rowid"), type_coerce(c.id, String),
                              c.first_name, c.last_name, c.title, c.email, c.phone, c.mobile,
                              c.legal_basis, c.last_inbound_on, c.notes).where(
                    literal_column("contact.rowid").in_(chunk))
                found = {r[0]: r[1:] for r in conn.execute(stmt)}
                ids = [r[0] for r in found.values()]
                orgs: dict[str, list[tuple[str, str | None]]] = {}
                for cid, name, role in conn.execute(
                        select(type_coerce(link.contact_id, String), org.name, link.role)
                        .join_from(ContactOrganisation.__table__, Organisation.__table__,
                                   org.id == link.organisation_id)
                        .where(type_coerce(link.contact_id, String).in_(ids),
                               link.deleted.is_(False), org.deleted.is_(False))
                        .order_by(link.is_primary.desc(), org.name)):
                    orgs.setdefault(cid, []).append((name, role))
                for rid in chunk:
                    r = found.get(rid)
                    if r is None:
                        continue
                    cid, first, last, title, email, phone, mobile, basis, inbound, notes = r
                    links = orgs.get(cid, [])
                    main_name, main_role = links[0] if links else (None, None)
                    others = "; ".join(n for n, _ in links[1:])
                    yield (first, last, title, main_name, main_role, others, email,
                           _phone(phone), _phone(mobile), _label(LegalBasis, basis), inbound,
                           notes)

    return _write(path, CONTACT_HEADERS, rows(), len(rowids), progress, cancel, "Contacts")


# --- Files -----------------------------------------------------------------------------------


def export_files(db: Database, query: ListQuery, path: Path | str, *,
                 progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> int:
    """The files of ``query`` (the Dossiers list), with the list's columns and labels."""
    from passerelle.services.pipeline import EXPORT_HEADERS, export_cell

    source = FileRows(db)
    rowids = source.ids(query).tolist()

    def rows() -> Iterator[Sequence[Cell]]:
        for chunk in _blocks(rowids):
            found = source.rows(chunk)
            for rid in chunk:
                row = found.get(rid)
                if row is None:  # deleted between the two queries
                    continue
                yield [export_cell(key, value)
                       for key, value in zip(source.columns, row.values, strict=True)]

    return _write(path, EXPORT_HEADERS, rows(), len(rowids), progress, cancel, "Dossiers")


# --- Interactions ----------------------------------------------------------------------------


def export_interactions(db: Database, path: Path | str, progress: Progress | None = None,
                        cancel: threading.Event | None = None) -> int:
    """Every live interaction, most recent first, with its latest notes and participants."""
    i = Interaction.__table__.c
    with db.engine.connect() as conn:
        rowids = list(conn.execute(
            select(literal_column("interaction.rowid")).select_from(Interaction.__table__)
            .where(i.deleted.is_(False))
            .order_by(i.occurred_at.desc(), literal_column("interaction.rowid").desc())
        ).scalars())
    f = aliased(PartnershipFile.__table__, name="f")
    o = aliased(Organisation.__table__, name="o")
    part = InteractionParticipant.__table__.c
    person = Contact.__table__.c
    note = NoteRevision.__table__.c

    def rows() -> Iterator[Sequence[Cell]]:
        with db.engine.connect() as conn:
            for chunk in _blocks(rowids):
                stmt = (select(literal_column("interaction.rowid"), type_coerce(i.id, String),
                               i.occurred_at, i.kind, i.subject, i.duration_minutes,
                               f.c.reference, o.c.name, i.decisions, i.author)
                        .select_from(Interaction.__table__
                                     .outerjoin(f, f.c.id == i.file_id)
                                     .outerjoin(o, o.c.id == i.organisation_id))
                        .where(literal_column("interaction.rowid").in_(chunk)))
                found = {r[0]: r[1:] for r in conn.execute(stmt)}
                ids = [r[0] for r in found.values()]
                people: dict[str, list[str]] = {}
                for iid, first, last in conn.execute(
                        select(type_coerce(part.interaction_id, String), person.first_name,
                               person.last_name)
                        .join_from(InteractionParticipant.__table__, Contact.__table__,
                                   person.id == part.contact_id)
                        .where(type_coerce(part.interaction_id, String).in_(ids),
                               part.deleted.is_(False))
                        .order_by(person.last_name, person.first_name)):
                    people.setdefault(iid, []).append(f"{first} {last}".strip())
                latest = (select(type_coerce(note.interaction_id, String).label("iid"),
                                 note.body,
                                 func.row_number().over(
                                     partition_by=note.interaction_id,
                                     order_by=(note.written_at.desc(),
                                               literal_column("note_revision.rowid").desc())
                                 ).label("rn"))
                          .where(type_coerce(note.interaction_id, String).in_(ids),
                                 note.deleted.is_(False))).subquery()
                notes = dict(conn.execute(select(latest.c.iid, latest.c.body)
                                          .where(latest.c.rn == 1)).all())
                for rid in chunk:
                    r = found.get(rid)
                    if r is None:
                        continue
                    iid, at, kind, subject, minutes, ref, org_name, decisions, author = r
                    yield (at, _label(InteractionKind, kind), subject, minutes, ref, org_name,
                           ", ".join(people.get(iid, ())), notes.get(iid), decisions, author)

    return _write(path, INTERACTION_HEADERS, rows(), len(rowids), progress, cancel, "Échanges")


__all__ = ["CONTACT_HEADERS", "INTERACTION_HEADERS", "ORGANISATION_HEADERS", "WHAT", "export",
           "export_contacts", "export_files", "export_interactions", "export_organisations"]
