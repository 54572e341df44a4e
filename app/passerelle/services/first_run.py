"""First run: what the welcome wizard asks, and how the answers personalise a new database.

The wizard (``ui/welcome.py``) collects :class:`FirstRunAnswers` and checks them with
:func:`verify`; the command line then takes the database's lock and key (``ui/startup.py``) and
the composition root (``bootstrap.create_first_database``) creates it and calls
:func:`personalise`, so the audit's "who" and the documents' ``structure.nom`` are right from
the first change written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from passerelle.domain.errors import ValidationError
from passerelle.infra.secrets import read_key_package
from passerelle.services import documents
from passerelle.store.database import Database


class StartChoice(StrEnum):
    """The three ways to start: one's own database, the demo, or a team's database."""

    CREATE = "create"
    DEMO = "demo"
    JOIN = "join"


@dataclass(frozen=True)
class FirstRunAnswers:
    choice: StartChoice
    user_name: str = ""
    structure: str = ""
    key_file: Path | None = None
    passphrase: str = ""


def check_answers(answers: FirstRunAnswers) -> None:
    """Refuse incomplete answers with the field to fix, before anything is created."""
    if answers.choice is StartChoice.DEMO:
        return
    if not answers.user_name.strip():
        raise ValidationError("first_run_no_name",
                              "Indiquez votre nom : il signe vos notes et vos documents.",
                              field="user_name")
    if answers.choice is StartChoice.JOIN:
        if answers.key_file is None or not Path(answers.key_file).is_file():
            raise ValidationError("first_run_no_key_file",
                                  "Choisissez le paquet de clé d'équipe reçu d'un collègue.",
                                  field="key_file")
        if not answers.passphrase:
            raise ValidationError("first_run_no_passphrase",
                                  "Saisissez la phrase secrète qui protège le paquet de clé.",
                                  field="passphrase")


def verify(answers: FirstRunAnswers, progress: object = None) -> FirstRunAnswers:
    """Check the answers before anything is created; for a team, open the key package.

    Run by the wizard off the UI thread (scrypt takes a moment), so a wrong passphrase is said
    on the wizard's page and the facilitator can correct it. Returns the answers unchanged.
    """
    check_answers(answers)
    if answers.choice is StartChoice.JOIN:
        assert answers.key_file is not None
        read_key_package(Path(answers.key_file), answers.passphrase)
    return answers


def personalise(db: Database, answers: FirstRunAnswers) -> None:
    """Record who uses this database and for which structure."""
    name = answers.user_name.strip()
    if name:
        db.set_user_name(name)
    structure = answers.structure.strip()
    if structure:
        documents.set_setting(db, documents.SETTING_STRUCTURE_NAME, structure)
