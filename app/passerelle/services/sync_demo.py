"""Two small databases that really conflict: for the inbox's screenshots and tests.

Camille and Karim share an organisation, a contact and the notes of a meeting; each edits
them offline, Camille deletes an association Karim was still updating, then Camille imports
Karim's export. Everything goes through the services and real sync files (protected by a
passphrase, so no keyring is needed), so the inbox shows conflicts exactly as a user meets them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from passerelle.domain.ids import new_id
from passerelle.services import interactions, organisations, sync
from passerelle.services.interactions import MeetingInput
from passerelle.store.database import Database

SAMPLE_PASSPHRASE = "exemple-de-phrase-de-passe"


@dataclass(frozen=True, slots=True)
class ConflictSample:
    """Camille's database (with conflicts waiting) and Karim's, and Karim's last export."""

    camille: Path
    karim: Path
    karim_export: Path


def _rename_device(db: Database, name: str) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET device_name = ?, user_name = ?",
                             (name, db.user_name))
        conn.exec_driver_sql("UPDATE sync_device SET name = ?, user_name = ? "
                             "WHERE device_id = ?", (name, db.user_name, db.device_id))


def build_conflict_sample(folder: Path) -> ConflictSample:
    """Build the pair in ``folder`` (created if needed) and return where things are."""
    folder.mkdir(parents=True, exist_ok=True)
    outbox = folder / "echanges"
    outbox.mkdir(exist_ok=True)
    camille = Database(folder / "camille.sqlite", author="Camille Martin")
    karim = Database(folder / "karim.sqlite", author="Karim Benali")
    try:
        for db, device in ((camille, "Portable de Camille"), (karim, "Portable de Karim")):
            sync.on_open(db)
            _rename_device(db, device)
        team = str(new_id())
        for db in (camille, karim):
            with db.engine.begin() as conn:
                conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", (team,))

        def send(src: Database, dst: Database) -> Path:
            report = sync.export_full(src, outbox, secrets=None, passphrase=SAMPLE_PASSPHRASE)
            sync.import_file(dst, report.path, secrets=None, passphrase=SAMPLE_PASSPHRASE,
                             confirm_mass_delete=True)
            return report.path

        company = organisations.create_organisation(
            camille, kind="entreprise", name="Boulangerie Ducrocq", phone="03 20 11 22 33",
            description="Boulangerie artisanale, 12 salariés, quartier de l'Épeule.")
        club = organisations.create_organisation(
            camille, kind="association", name="Club de lecture du Pile",
            description="Ateliers de lecture pour les enfants du quartier.")
        contact = organisations.create_contact(
            camille, first_name="Sophie", last_name="Lefebvre", email="s.lefebvre@example.org")
        meeting = interactions.log_interaction(camille, MeetingInput(
            subject="Premier rendez-vous avec la boulangerie", organisation_id=company.id,
            notes="Présents : Mme Ducrocq, Sophie Lefebvre.\n"
                  "La boulangerie souhaite soutenir une action de quartier.\n"
                  "Budget envisagé : à préciser.\n"
                  "Prochaine étape : visite de l'association."))
        send(camille, karim)

        # Offline, both edit the same things.
        organisations.update_organisation(camille, company.id, phone="03 20 44 55 66")
        organisations.update_organisation(karim, company.id, phone="03 20 99 88 77")
        organisations.update_organisation(
            camille, company.id,
            description="Boulangerie artisanale, 12 salariés ; ouverte au mécénat en nature.")
        organisations.update_organisation(
            karim, company.id,
            description="Boulangerie artisanale (Épeule), 14 salariés depuis septembre.")
        organisations.update_contact(camille, contact.id, email="sophie.lefebvre@example.org")
        organisations.update_contact(karim, contact.id, email="slefebvre@mda-roubaix.example")
        organisations.update_organisation(karim, club.id, phone="03 20 12 34 56")
        organisations.delete_organisation(camille, club.id)
        base = interactions.get_interaction(camille, meeting.id).notes
        interactions.revise_note(
            camille, meeting.id,
            base.replace("Budget envisagé : à préciser.",
                         "Budget envisagé : 1 500 € en pains et viennoiseries par an."))
        interactions.revise_note(
            karim, meeting.id,
            base.replace("Prochaine étape : visite de l'association.",
                         "Prochaine étape : visite de l'association le 12 mars, avec Karim."))
        report = sync.export_full(karim, outbox, secrets=None, passphrase=SAMPLE_PASSPHRASE)
        sync.import_file(camille, report.path, secrets=None, passphrase=SAMPLE_PASSPHRASE,
                         confirm_mass_delete=True)
        return ConflictSample(camille.path, karim.path, report.path)
    finally:
        camille.close()
        karim.close()
