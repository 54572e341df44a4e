"""Composition root: paths, logging, opening (backup + migrate) the database.

The only module allowed to know every layer; the CLI and the GUI both start here.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import TYPE_CHECKING

from passerelle.infra.paths import AppPaths

if TYPE_CHECKING:  # importing services or SQLAlchemy here would slow every start-up
    from passerelle.services.first_run import FirstRunAnswers
    from passerelle.store.database import Database

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> Path:
    """Rotating log file in the data folder. Log lines never carry personal data: services log
    ids and counts, never names, e-mails or notes."""
    paths.logs.mkdir(parents=True, exist_ok=True)
    log_file = paths.logs / "passerelle.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000,
                                                       backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return log_file


def open_database(path: Path, paths: AppPaths | None = None) -> Database:
    """Open ``path``: backup and upgrade if needed (STYLE.md 7.7), then ready for services."""
    from passerelle.store.database import Database

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from passerelle.services.backups import folder_for

    # Beside the database, named after it (the default database's is the data folder's).
    db = Database(path, backups_dir=folder_for(path))
    from passerelle.services import sync

    sync.on_open(db)  # a copied database file gets a new device identity before any write
    report = db.upgrade_report
    if report.backup_path is not None:
        logging.getLogger(__name__).info(
            "database upgraded from %s to %s; backup at %s", report.from_revision,
            report.to_revision, report.backup_path)
    return db


def create_first_database(path: Path, paths: AppPaths, answers: FirstRunAnswers) -> Database:
    """Create the facilitator's database from the welcome wizard's answers.

    Its key and lock are already taken (``ui.startup.open_session``). A failure (a key package
    that no longer reads, say) leaves no half-made database, so the wizard shows again at the
    next start.
    """
    from passerelle.infra.secrets import SecretStore
    from passerelle.services import first_run, sync
    from passerelle.services.first_run import StartChoice

    existed = path.exists()
    db = open_database(path, paths)
    try:
        first_run.personalise(db, answers)
        if answers.choice is StartChoice.JOIN:
            assert answers.key_file is not None
            sync.join_team(db, answers.key_file, secrets=SecretStore(),
                           passphrase=answers.passphrase)
    except BaseException:
        db.close()
        if not existed:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return db
