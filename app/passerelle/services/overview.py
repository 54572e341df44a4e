"""Read-only overviews for the Conventions and Événements views, and the screenshot helper.

The later issues (documents, events) bring the editing workflows; until then these lists show
what the database holds, honestly, with one bounded query each.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from passerelle.domain.vocabulary import (
    AgreementStatus,
    AgreementType,
    EventKind,
    ParticipationStatus,
)
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    Event,
    EventParticipant,
    Interaction,
    Organisation,
    PartnershipFile,
)


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """A convention as a line of the Conventions list (amounts in integer cents)."""

    id: uuid.UUID
    file_id: uuid.UUID | None
    file_reference: str | None
    association_name: str | None
    company_name: str | None
    type: AgreementType | str
    object: str
    cash_cents: int
    in_kind_cents: int
    skills_cents: int
    status: AgreementStatus | str
    start_on: date | None
    end_on: date | None
    signed_on: date | None

    @property
    def total_cents(self) -> int:
        """Cash plus valued in-kind and skills support: the convention's whole value."""
        return self.cash_cents + self.in_kind_cents + self.skills_cents


@dataclass(frozen=True, slots=True)
class EventRow:
    """A collective event as a line of the Événements list."""

    id: uuid.UUID
    kind: EventKind | str
    title: str
    starts_at: datetime
    place: str | None
    invited: int
    present: int


def _member(
    enum: type[AgreementType] | type[AgreementStatus] | type[EventKind], value: str
) -> object:
    """The vocabulary member, or the raw value when a newer peer added one."""
    try:
        return enum(value)
    except ValueError:
        return value


def list_agreements(db: Database, limit: int = 5000) -> list[AgreementRow]:
    """Conventions, newest first (by start, signature, then creation)."""
    assoc = aliased(Organisation)
    company = aliased(Organisation)
    with db.read() as s:
        rows = s.execute(
            select(
                Agreement.id,
                Agreement.file_id,
                PartnershipFile.reference,
                assoc.name,
                company.name,
                Agreement.type,
                Agreement.object,
                Agreement.cash_cents,
                Agreement.in_kind_cents,
                Agreement.skills_cents,
                Agreement.status,
                Agreement.start_on,
                Agreement.end_on,
                Agreement.signed_on,
            )
            .outerjoin(
                PartnershipFile,
                (PartnershipFile.id == Agreement.file_id) & PartnershipFile.deleted.is_(False),
            )
            .outerjoin(
                assoc,
                assoc.id == func.coalesce(Agreement.association_id, PartnershipFile.association_id),
            )
            .outerjoin(
                company,
                company.id == func.coalesce(Agreement.company_id, PartnershipFile.company_id),
            )
            .where(Agreement.deleted.is_(False))
            .order_by(
                func.coalesce(Agreement.start_on, Agreement.signed_on).desc().nulls_last(),
                Agreement.id.desc(),
            )
            .limit(limit)
        ).all()
    return [
        AgreementRow(
            aid,
            fid if ref else None,
            ref,
            a_name,
            c_name,
            _member(AgreementType, kind),  # type: ignore[arg-type]
            obj,
            cash or 0,
            in_kind or 0,
            skills or 0,
            _member(AgreementStatus, status),  # type: ignore[arg-type]
            start,
            end,
            signed,
        )
        for (
            aid,
            fid,
            ref,
            a_name,
            c_name,
            kind,
            obj,
            cash,
            in_kind,
            skills,
            status,
            start,
            end,
            signed,
        ) in rows
    ]


def list_events(db: Database, limit: int = 2000) -> list[EventRow]:
    """Events, most recent first, with their number of invited and present organisations."""
    present = ParticipationStatus.PRESENT.value
    counts = (
        select(
            EventParticipant.event_id,
            func.count().label("invited"),
            func.sum(case((EventParticipant.status == present, 1), else_=0)).label("present"),
        )
        .where(EventParticipant.deleted.is_(False))
        .group_by(EventParticipant.event_id)
        .subquery()
    )
    with db.read() as s:
        rows = s.execute(
            select(
                Event.id,
                Event.kind,
                Event.title,
                Event.starts_at,
                Event.place,
                counts.c.invited,
                counts.c.present,
            )
            .outerjoin(counts, counts.c.event_id == Event.id)
            .where(Event.deleted.is_(False))
            .order_by(Event.starts_at.desc())
            .limit(limit)
        ).all()
    return [
        EventRow(
            eid,
            _member(EventKind, kind),  # type: ignore[arg-type]
            title,
            starts,
            place,
            int(invited or 0),
            int(pres or 0),
        )
        for eid, kind, title, starts, place, invited, pres in rows
    ]


def busiest_file(db: Database) -> uuid.UUID | None:
    """The live file with the most interactions (a telling file detail for screenshots)."""
    with db.read() as s:
        return s.scalar(
            select(Interaction.file_id)
            .join(
                PartnershipFile,
                (PartnershipFile.id == Interaction.file_id) & PartnershipFile.deleted.is_(False),
            )
            .where(Interaction.deleted.is_(False))
            .group_by(Interaction.file_id)
            .order_by(func.count().desc(), Interaction.file_id)
            .limit(1)
        )
