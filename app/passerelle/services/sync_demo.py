"""Two small databases that really conflict: for the inbox's screenshots and tests.

Camille and Karim share an organisation, a contact and the notes of a meeting; each edits
them offline, Camille deletes an association Karim was still updating, then Camille imports
Karim's export. Everything goes through the services and real sync files, so the inbox shows
conflicts exactly as a user meets them. The team key of this throw-away pair lives in a keyring
held in memory (:class:`SampleKeyring`): the sample never touches the user's real keyring, and
works on computers without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from keyring.backend import KeyringBackend

from passerelle.infra.secrets import SecretStore
from passerelle.services import interactions, organisations, sync, sync_ui
from passerelle.services.interactions import MeetingInput
from passerelle.store.database import Database


class SampleKeyring(KeyringBackend):
    """A keyring in a dict, for the sample's team key only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@dataclass(frozen=True, slots=True)
class ConflictSample:
    """Camille's database (with conflicts waiting) and Karim's, and Karim's last export."""

    camille: Path
    karim: Path
    karim_export: Path
    #: the in-memory keyring holding the sample team's key
    secrets: SecretStore


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
        secrets = SecretStore(SampleKeyring())
        sync.create_team(camille, secrets=secrets, name="Exemple")

        def send(src: Database, dst: Database) -> Path:
            report = sync.export_full(src, outbox, secrets=secrets)
            sync.import_file(dst, report.path, secrets=secrets, confirm_mass_delete=True)
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
        # The last exchange goes through what the window uses, so Camille's history shows an
        # export, the import that brought the conflicts, and a file cut short in transit.
        sync_ui.export_changes(camille, outbox, secrets)
        last = sync_ui.export_changes(karim, outbox, secrets).path
        cut = outbox / "envoi-interrompu.ofsync"
        cut.write_bytes(last.read_bytes()[: len(last.read_bytes()) // 2])
        sync_ui.import_files(camille, [last, cut], secrets)
        return ConflictSample(camille.path, karim.path, last, secrets)
    finally:
        camille.close()
        karim.close()
