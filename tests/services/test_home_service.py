"""Accueil's queries: the relance agenda, recently touched files, stalled files."""

from __future__ import annotations

from datetime import date, timedelta

from passerelle.domain.stages import Stage
from passerelle.services import files as file_service
from passerelle.services import home
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.store.database import Database

TODAY = date(2026, 5, 20)


def test_agenda_splits_overdue_and_upcoming(db: Database) -> None:
    make = interaction_service.create_task
    late = make(db, "Relancer la mairie", due_on=TODAY - timedelta(days=3))
    today = make(db, "Appeler la présidente", due_on=TODAY)
    soon = make(db, "Envoyer la convention", due_on=TODAY + timedelta(days=14))
    make(db, "Trop loin", due_on=TODAY + timedelta(days=15))
    make(db, "Sans date")
    done = make(db, "Déjà fait", due_on=TODAY - timedelta(days=1))
    interaction_service.complete_task(db, done.id)
    make(db, "Pour une collègue", due_on=TODAY, assignee="Nadia Haddad")

    agenda = home.overdue_and_upcoming(db, TODAY, assignee="Camille Test")
    assert [t.id for t in agenda.overdue] == [late.id]
    assert all(t.overdue for t in agenda.overdue)
    assert [t.id for t in agenda.upcoming] == [today.id, soon.id]
    assert not any(t.overdue for t in agenda.upcoming)
    everyone = home.overdue_and_upcoming(db, TODAY)
    assert len(everyone.upcoming) == 3


def test_task_carries_its_file(db: Database) -> None:
    file = file_service.open_file(db, title="Fresque")
    interaction_service.create_task(db, "Relancer", due_on=TODAY, file_id=file.id)
    item = home.overdue_and_upcoming(db, TODAY).upcoming[0]
    assert (item.file_id, item.file_reference, item.file_title) == (file.id, file.reference,
                                                                     "Fresque")


def test_recent_files_counts_interactions_as_touches(db: Database) -> None:
    first = file_service.open_file(db, title="Premier")
    second = file_service.open_file(db, title="Second")
    assert [f.id for f in home.recent_files(db)] == [second.id, first.id]
    interaction_service.log_interaction(db, interaction_service.MeetingInput(
        subject="Point", file_id=first.id))
    recent = home.recent_files(db, limit=1)
    assert [f.id for f in recent] == [first.id]
    assert recent[0].changed_at is not None


def test_stalled_files_respect_threshold_status_and_lasting_stages(db: Database) -> None:
    assoc = org_service.create_organisation(db, kind="association", name="Asso")
    old = file_service.open_file(db, title="Ancien", association_id=assoc.id,
                                 opened_on=TODAY - timedelta(days=40))
    file_service.open_file(db, title="Récent", opened_on=TODAY - timedelta(days=10))
    paused = file_service.open_file(db, title="En pause", opened_on=TODAY - timedelta(days=90))
    file_service.set_status(db, paused.id, "en_pause", "Attente du conseil")

    stalled = home.stalled_files(db, TODAY, 30)
    assert [f.id for f in stalled] == [old.id]
    assert stalled[0].days_in_stage == 40
    assert stalled[0].stage is Stage.FIRST_CONTACT
    assert home.count_stalled(db, TODAY, 30) == 1
    assert home.stalled_files(db, TODAY, 45) == []
    assert len(home.stalled_files(db, TODAY, 7)) == 2
    assert Stage.FOLLOW_UP in home.LASTING_STAGES and Stage.STRUCTURING in home.LASTING_STAGES
