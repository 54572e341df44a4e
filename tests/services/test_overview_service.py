"""Read-only lists of the Conventions and Événements views."""

from __future__ import annotations

from datetime import date, datetime

from passerelle.domain.vocabulary import AgreementStatus, AgreementType, EventKind
from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.services.overview import busiest_file, list_agreements, list_events
from passerelle.store.database import Database
from passerelle.store.models import Agreement, Event, EventParticipant


def test_agreements_with_file_parties_and_amounts(db: Database) -> None:
    assoc = org_service.create_organisation(db, kind="association", name="Les Amis")
    company = org_service.create_organisation(db, kind="entreprise", name="Zinc & Co")
    file = file_service.open_file(db, title="Mécénat", association_id=assoc.id,
                                  company_id=company.id)
    with db.write() as s:
        s.add(Agreement(file_id=file.id, type="mecenat_financier", object="Soutien",
                        cash_cents=123450, in_kind_cents=1000, skills_cents=50,
                        status="signee", start_on=date(2026, 1, 1), end_on=date(2026, 12, 31)))
        s.add(Agreement(type="nouveau_type", object="Venu d'un pair plus récent",
                        status="brouillon"))
    rows = list_agreements(db)
    assert [r.object for r in rows] == ["Soutien", "Venu d'un pair plus récent"]
    first = rows[0]
    assert (first.file_reference, first.association_name, first.company_name) == (
        file.reference, "Les Amis", "Zinc & Co")
    assert first.type is AgreementType.FINANCIAL_PATRONAGE
    assert first.status is AgreementStatus.SIGNED
    assert first.total_cents == 124500
    assert rows[1].type == "nouveau_type" and rows[1].file_id is None


def test_events_count_invited_and_present(db: Database) -> None:
    orgs = [org_service.create_organisation(db, kind="association", name=f"A{n}")
            for n in range(3)]
    with db.write() as s:
        event = Event(kind="speed_dating", title="Speed-dating", place="Roubaix",
                      starts_at=datetime(2026, 4, 2, 9, 0))
        s.add(event)
        s.flush()
        for n, org in enumerate(orgs):
            s.add(EventParticipant(event_id=event.id, organisation_id=org.id,
                                   status="present" if n else "invite"))
        s.add(Event(kind="atelier", title="Atelier", starts_at=datetime(2026, 5, 2, 9, 0)))
    rows = list_events(db)
    assert [r.title for r in rows] == ["Atelier", "Speed-dating"]
    assert (rows[1].kind, rows[1].invited, rows[1].present) == (EventKind.SPEED_DATING, 3, 2)
    assert (rows[0].invited, rows[0].present) == (0, 0)


def test_busiest_file(db: Database) -> None:
    assert busiest_file(db) is None
    quiet = file_service.open_file(db, title="Calme")
    busy = file_service.open_file(db, title="Animé")
    for n in range(2):
        interaction_service.log_interaction(db, interaction_service.MeetingInput(
            subject=f"Point {n}", file_id=busy.id))
    interaction_service.log_interaction(db, interaction_service.MeetingInput(
        subject="Point", file_id=quiet.id))
    assert busiest_file(db) == busy.id
