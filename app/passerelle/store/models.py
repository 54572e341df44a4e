"""Typed SQLAlchemy 2 models for every entity of DESIGN.md §3, and the change-log tables.

Rules that shape these classes (SYNC.md §1, DESIGN.md §5):
- every synced row has a UUIDv7 primary key; link rows get deterministic UUIDv5 ids;
- a synced table is a *projection* of the change log: each mapped column except ``id`` and the
  columns marked ``LOCAL`` travels as one field; ``deleted`` travels as the ``_row`` field;
- no UNIQUE constraint on natural keys (SIREN, RNA, e-mail): uniqueness cannot hold across
  offline laptops, duplicates are detected and merged instead;
- foreign keys are declared (ORM, PostgreSQL later) but SQLite does not enforce them, because a
  sync file may bring a child before its parent; ``PRAGMA foreign_key_check`` reports orphans;
- enumerations are stored as their stable text values in plain ``String`` columns, without
  CHECK constraints, so that a value added by a newer peer is kept rather than rejected;
- money is stored in integer cents: exact, and JSON-safe on the wire.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from passerelle.domain.ids import new_id
from passerelle.store.coltypes import UuidText

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: ``info`` marker of a column computed locally from the log (never a synced field).
LOCAL = {"local": True}

#: Version of the wire schema (field names and meanings); see SYNC.md "Schema mismatch".
WIRE_VERSION = 1


class Base(DeclarativeBase):
    """Declarative base with a stable naming convention (migrations stay reproducible)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        uuid.UUID: UuidText(),
        str: String(),
        int: Integer(),
        bool: Boolean(),
        date: Date(),
        datetime: DateTime(),
        list[str]: JSON(),
    }


class Synced(Base):
    """A table whose rows are projections of the change log.

    ``__entity__`` is the logical wire name. Append-only entities accept inserts only: an edit
    is a new row (a note revision), so long text is never overwritten by last-writer-wins.
    """

    __abstract__ = True
    __entity__: ClassVar[str]
    __append_only__: ClassVar[bool] = False

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    deleted: Mapped[bool] = mapped_column(default=False)
    #: greatest HLC among the row's changes: a pure function of the log, so every peer agrees.
    changed_hlc: Mapped[int] = mapped_column(BigInteger, default=0, info=LOCAL)


def _fk(target: str) -> ForeignKey:
    return ForeignKey(target)


class Organisation(Synced):
    """An association, company, public body, network or foundation."""

    __tablename__ = "organisation"
    __entity__ = "organisation"

    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    siren: Mapped[str | None] = mapped_column(String(9))
    siret: Mapped[str | None] = mapped_column(String(14))
    rna: Mapped[str | None] = mapped_column(String(10))
    naf: Mapped[str | None] = mapped_column(String(6))
    legal_form: Mapped[str | None] = mapped_column(String(4))
    size: Mapped[str | None] = mapped_column(String(4))
    ess: Mapped[bool] = mapped_column(default=False)
    themes: Mapped[list[str]] = mapped_column(default=list)
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(5))
    commune_insee: Mapped[str | None] = mapped_column(String(5), index=True)
    commune_name: Mapped[str | None] = mapped_column(String(100))
    neighbourhood: Mapped[str | None] = mapped_column(String(100))
    qpv: Mapped[bool] = mapped_column(default=False)
    website: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(Text)
    maturity: Mapped[str | None] = mapped_column(String(20))
    merged_into: Mapped[uuid.UUID | None] = mapped_column(_fk("organisation.id"))

    __table_args__ = (
        Index(None, "name"),
        Index(None, "siren"),
        Index(None, "rna"),
        Index(None, "kind"),
    )


class Contact(Synced):
    """A person; carries the RGPD facts that drive retention (DOMAIN-FR §4)."""

    __tablename__ = "contact"
    __entity__ = "contact"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(16))
    mobile: Mapped[str | None] = mapped_column(String(16))
    legal_basis: Mapped[str] = mapped_column(String(20), default="interet_legitime")
    consent_on: Mapped[date | None]
    collected_from: Mapped[str | None] = mapped_column(String(200))
    collected_on: Mapped[date | None]
    last_inbound_on: Mapped[date | None]
    objects_to_prospecting: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "last_name", "first_name"), Index(None, "email"))


class ContactOrganisation(Synced):
    """A contact's role in an organisation; id = uuid5(contact:organisation)."""

    __tablename__ = "contact_organisation"
    __entity__ = "contact_organisation"

    contact_id: Mapped[uuid.UUID] = mapped_column(_fk("contact.id"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisation.id"))
    role: Mapped[str | None] = mapped_column(String(150))
    is_primary: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (Index(None, "contact_id"), Index(None, "organisation_id"))


class Need(Synced):
    """An association's need (often tied to a project)."""

    __tablename__ = "need"
    __entity__ = "need"

    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisation.id"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    nature: Mapped[str] = mapped_column(String(30))
    themes: Mapped[list[str]] = mapped_column(default=list)
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    volume: Mapped[str | None] = mapped_column(String(200))
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="ouvert")

    __table_args__ = (Index(None, "organisation_id"),)


class Offer(Synced):
    """A company's offer of support."""

    __tablename__ = "offer"
    __entity__ = "offer"

    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisation.id"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    nature: Mapped[str] = mapped_column(String(30))
    themes: Mapped[list[str]] = mapped_column(default=list)
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    volume: Mapped[str | None] = mapped_column(String(200))
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="ouvert")

    __table_args__ = (Index(None, "organisation_id"),)


class PartnershipFile(Synced):
    """A dossier d'accompagnement between an association and one or more companies."""

    __tablename__ = "partnership_file"
    __entity__ = "partnership_file"

    reference: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    association_id: Mapped[uuid.UUID | None] = mapped_column(_fk("organisation.id"))
    company_id: Mapped[uuid.UUID | None] = mapped_column(_fk("organisation.id"))
    facilitator: Mapped[str | None] = mapped_column(String(150))
    category: Mapped[str | None] = mapped_column(String(30))
    stage: Mapped[int] = mapped_column(default=1)
    stage_since: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="actif")
    status_reason: Mapped[str | None] = mapped_column(Text)
    objectives: Mapped[list[str]] = mapped_column(default=list)
    brakes: Mapped[list[str]] = mapped_column(default=list)
    themes: Mapped[list[str]] = mapped_column(default=list)
    origin: Mapped[str | None] = mapped_column(String(30))
    origin_event_id: Mapped[uuid.UUID | None] = mapped_column(_fk("event.id"))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    qpv: Mapped[bool] = mapped_column(default=False)
    opened_on: Mapped[date | None]
    closed_on: Mapped[date | None]
    success_story: Mapped[bool] = mapped_column(default=False)
    summary: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "reference"),
        Index(None, "stage"),
        Index(None, "association_id"),
        Index(None, "company_id"),
    )


class FileParty(Synced):
    """A further organisation taking part in a file (co-financer, network…)."""

    __tablename__ = "file_party"
    __entity__ = "file_party"

    file_id: Mapped[uuid.UUID] = mapped_column(_fk("partnership_file.id"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisation.id"))
    role: Mapped[str | None] = mapped_column(String(150))

    __table_args__ = (Index(None, "file_id"),)


class StageChange(Synced):
    """One entry of a file's stage history (a stage move or a status change). Append-only."""

    __tablename__ = "stage_change"
    __entity__ = "stage_change"
    __append_only__ = True

    file_id: Mapped[uuid.UUID] = mapped_column(_fk("partnership_file.id"))
    from_stage: Mapped[int | None]
    to_stage: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(150))
    at: Mapped[datetime]

    __table_args__ = (Index(None, "file_id"),)


class Interaction(Synced):
    """A meeting, call, mediation session, visit, e-mail or event encounter.

    The notes live in append-only :class:`NoteRevision` rows.
    """

    __tablename__ = "interaction"
    __entity__ = "interaction"

    file_id: Mapped[uuid.UUID | None] = mapped_column(_fk("partnership_file.id"))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(_fk("organisation.id"))
    event_id: Mapped[uuid.UUID | None] = mapped_column(_fk("event.id"))
    kind: Mapped[str] = mapped_column(String(30))
    occurred_at: Mapped[datetime]
    duration_minutes: Mapped[int | None]
    subject: Mapped[str] = mapped_column(String(300))
    decisions: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(150))

    __table_args__ = (
        Index(None, "file_id", "occurred_at"),
        Index(None, "organisation_id"),
    )


class NoteRevision(Synced):
    """An immutable revision of an interaction's notes; an edit is a child revision."""

    __tablename__ = "note_revision"
    __entity__ = "note_revision"
    __append_only__ = True

    interaction_id: Mapped[uuid.UUID] = mapped_column(_fk("interaction.id"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(_fk("note_revision.id"))
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(150))
    written_at: Mapped[datetime]

    __table_args__ = (Index(None, "interaction_id"),)


class InteractionParticipant(Synced):
    """A contact present at an interaction; id = uuid5(interaction:contact)."""

    __tablename__ = "interaction_participant"
    __entity__ = "interaction_participant"

    interaction_id: Mapped[uuid.UUID] = mapped_column(_fk("interaction.id"))
    contact_id: Mapped[uuid.UUID] = mapped_column(_fk("contact.id"))

    __table_args__ = (Index(None, "interaction_id"), Index(None, "contact_id"))


class Task(Synced):
    """A relance: something to do by a date, usually for a file."""

    __tablename__ = "task"
    __entity__ = "task"

    file_id: Mapped[uuid.UUID | None] = mapped_column(_fk("partnership_file.id"))
    interaction_id: Mapped[uuid.UUID | None] = mapped_column(_fk("interaction.id"))
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None]
    assignee: Mapped[str | None] = mapped_column(String(150))
    status: Mapped[str] = mapped_column(String(20), default="a_faire")
    done_on: Mapped[date | None]

    __table_args__ = (Index(None, "status", "due_on"), Index(None, "file_id"))


class Agreement(Synced):
    """A convention (mécénat or partenariat) with its amounts, dates and status."""

    __tablename__ = "agreement"
    __entity__ = "agreement"

    file_id: Mapped[uuid.UUID | None] = mapped_column(_fk("partnership_file.id"))
    association_id: Mapped[uuid.UUID | None] = mapped_column(_fk("organisation.id"))
    company_id: Mapped[uuid.UUID | None] = mapped_column(_fk("organisation.id"))
    type: Mapped[str] = mapped_column(String(30))
    object: Mapped[str] = mapped_column(Text)
    cash_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    in_kind_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    skills_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    start_on: Mapped[date | None]
    end_on: Mapped[date | None]
    renewal_on: Mapped[date | None]
    signed_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="brouillon")

    __table_args__ = (Index(None, "file_id"),)


class Counterpart(Synced):
    """A counterpart granted by the association, with its valuation (DOMAIN-FR §3.4)."""

    __tablename__ = "counterpart"
    __entity__ = "counterpart"

    agreement_id: Mapped[uuid.UUID] = mapped_column(_fk("agreement.id"))
    description: Mapped[str] = mapped_column(String(300))
    value_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    valuation_method: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (Index(None, "agreement_id"),)


class Event(Synced):
    """A collective action: speed-dating, breakfast, conference, workshop."""

    __tablename__ = "event"
    __entity__ = "event"

    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime]
    place: Mapped[str | None] = mapped_column(String(300))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    round_minutes: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(Text)


class EventParticipant(Synced):
    """An organisation invited to / present at an event; id = uuid5(event:organisation)."""

    __tablename__ = "event_participant"
    __entity__ = "event_participant"

    event_id: Mapped[uuid.UUID] = mapped_column(_fk("event.id"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(_fk("organisation.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(_fk("contact.id"))
    status: Mapped[str] = mapped_column(String(20), default="invite")
    wishes: Mapped[list[str]] = mapped_column(default=list)

    __table_args__ = (Index(None, "event_id"),)


class Template(Synced):
    """A .docx template with placeholders (shipped or imported by the user)."""

    __tablename__ = "template"
    __entity__ = "template"

    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(30))
    description: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    builtin: Mapped[bool] = mapped_column(default=False)


class Document(Synced):
    """A generated or attached file: an immutable version with its hash. Append-only."""

    __tablename__ = "document"
    __entity__ = "document"
    __append_only__ = True

    file_id: Mapped[uuid.UUID | None] = mapped_column(_fk("partnership_file.id"))
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(_fk("agreement.id"))
    event_id: Mapped[uuid.UUID | None] = mapped_column(_fk("event.id"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(300))
    mime: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    version: Mapped[int] = mapped_column(default=1)
    template_id: Mapped[uuid.UUID | None] = mapped_column(_fk("template.id"))
    data_snapshot: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(150))
    created_at: Mapped[datetime]

    __table_args__ = (Index(None, "file_id"),)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Organisation,
    Contact,
    ContactOrganisation,
    Need,
    Offer,
    Event,
    EventParticipant,
    PartnershipFile,
    FileParty,
    StageChange,
    Interaction,
    NoteRevision,
    InteractionParticipant,
    Task,
    Agreement,
    Counterpart,
    Template,
    Document,
)
MODEL_BY_ENTITY: dict[str, type[Synced]] = {m.__entity__: m for m in SYNCED_MODELS}


# --- Local tables (never synced) -------------------------------------------------------------

class AppSetting(Base):
    """Preferences that affect data or documents (the facilitator's structure, its logo…)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class RegistryEntry(Base):
    """One entry of the public registers (SIRENE establishment or RNA association).

    Local reference data (DESIGN.md §7): bulk-loaded by ``services.registry_import`` with raw
    ``executemany``, replaced per source on re-import, never synced. Natural-person fields of
    the published files (RNA ``adrg_*``/``dir_civilite``, SIRENE ``nom*``/``prenom*``/``sexe``)
    have no column here on purpose. Dates are ISO text as published (a bad date never blocks
    an import); ``sort_key`` is the folded name so the list orders by an index.
    """

    __tablename__ = "registry_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(6))
    identifier: Mapped[str] = mapped_column(String(14))
    siren: Mapped[str | None] = mapped_column(String(9))
    siret: Mapped[str | None] = mapped_column(String(14))
    rna: Mapped[str | None] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    sort_key: Mapped[str] = mapped_column(String(300))
    acronym: Mapped[str | None] = mapped_column(String(100))
    naf: Mapped[str | None] = mapped_column(String(6))
    legal_form: Mapped[str | None] = mapped_column(String(4))
    size_bracket: Mapped[str | None] = mapped_column(String(2))
    size_year: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(3))
    category_year: Mapped[int | None] = mapped_column(Integer)
    ess: Mapped[bool] = mapped_column(default=False)
    head_office: Mapped[bool | None] = mapped_column()
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(5))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    commune_name: Mapped[str | None] = mapped_column(String(100))
    objet: Mapped[str | None] = mapped_column(Text)
    objet_social1: Mapped[str | None] = mapped_column(String(6))
    objet_social2: Mapped[str | None] = mapped_column(String(6))
    website: Mapped[str | None] = mapped_column(String(300))
    created_on: Mapped[str | None] = mapped_column(String(10))
    vintage: Mapped[str] = mapped_column(String(10))

    __table_args__ = (
        Index(None, "source", "identifier"),
        Index(None, "siren"),
        Index(None, "siret"),
        Index(None, "rna"),
        Index(None, "commune_insee"),
        Index(None, "naf"),
        Index(None, "sort_key"),
    )


class RegistryImport(Base):
    """One registry import: which source and vintage, from which files, with what counts.

    ``report`` is the JSON of the skip counts by reason (the per-line list is printed, not
    stored: a national file skips millions of out-of-territory lines).
    """

    __tablename__ = "registry_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(6))
    vintage: Mapped[str] = mapped_column(String(10))
    territory: Mapped[str] = mapped_column(String(10))
    files: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    rows_read: Mapped[int] = mapped_column(Integer)
    rows_imported: Mapped[int] = mapped_column(Integer)
    rows_skipped: Mapped[int] = mapped_column(Integer)
    report: Mapped[str | None] = mapped_column(Text)


# --- Change log (SYNC.md §1) -----------------------------------------------------------------
metadata = Base.metadata

#: The log tables are STRICT with plain TEXT/INTEGER columns (migration 0004), declared
#: exactly as the sync payload's tables (``sync_file.STRICT_LOG_DDL``): SQLite then copies the
#: log into an export page by page (its transfer optimisation, no per-row decoding), and a
#: value of the wrong type is refused when written instead of surfacing in a peer's import.
sync_change = Table(
    "sync_change",
    metadata,
    Column("device_id", Text, nullable=False),
    Column("hlc", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("entity", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("value", Text),
    Column("wire_ver", Integer, nullable=False),
    Column("author", Text),
    PrimaryKeyConstraint("device_id", "hlc"),
    UniqueConstraint("device_id", "seq"),
    Index(None, "entity", "row_id", "field"),
    sqlite_with_rowid=False,
    sqlite_strict=True,
)

sync_change_parent = Table(
    "sync_change_parent",
    metadata,
    Column("device_id", Text, nullable=False),
    Column("hlc", Integer, nullable=False),
    Column("parent_device", Text, nullable=False),
    Column("parent_hlc", Integer, nullable=False),
    PrimaryKeyConstraint("device_id", "hlc", "parent_device", "parent_hlc"),
    Index(None, "parent_device", "parent_hlc"),
    sqlite_with_rowid=False,
    sqlite_strict=True,
)

sync_head = Table(
    "sync_head",
    metadata,
    Column("entity", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(60), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("hlc", BigInteger, nullable=False),
    PrimaryKeyConstraint("entity", "row_id", "field", "device_id", "hlc"),
    sqlite_with_rowid=False,
)

sync_state = Table(
    "sync_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("device_name", String(150)),
    Column("user_name", String(150)),
    Column("group_id", String(36)),
    Column("hlc", BigInteger, nullable=False, default=0),
    Column("seq", BigInteger, nullable=False, default=0),
    # Bumped by triggers whenever a logged change or parent link is rewritten or removed
    # (migration 0004): digests kept under an older epoch are ignored (store/digest_cache.py).
    Column("digest_epoch", Integer, nullable=False, default=0, server_default="0"),
)

#: Digests of complete digest blocks of the log, kept between exports; local, never synced.
#: A row is used only while the block still has the same bounds, the same number of parent
#: links and the epoch it was hashed under (store/digest_cache.py).
sync_digest_block = Table(
    "sync_digest_block",
    metadata,
    Column("device_id", Text, nullable=False),
    Column("block_start", Integer, nullable=False),
    Column("lo_hlc", Integer, nullable=False),
    Column("hi_hlc", Integer, nullable=False),
    Column("n_parents", Integer, nullable=False),
    Column("digest", Text, nullable=False),
    Column("epoch", Integer, nullable=False),
    PrimaryKeyConstraint("device_id", "block_start"),
    sqlite_with_rowid=False,
    sqlite_strict=True,
)

sync_device = Table(
    "sync_device",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("name", String(150)),
    Column("user_name", String(150)),
)

sync_import_log = Table(
    "sync_import_log",
    metadata,
    Column("export_id", String(36), primary_key=True),
    Column("origin", String(36)),
    Column("file_sha256", String(64)),
    Column("result", String(40)),
    Column("n_new", Integer),
    Column("at", DateTime),
)

sync_peer_knowledge = Table(
    "sync_peer_knowledge",
    metadata,
    Column("peer", String(36), nullable=False),
    Column("origin_device", String(36), nullable=False),
    Column("max_contiguous_seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("peer", "origin_device"),
)
