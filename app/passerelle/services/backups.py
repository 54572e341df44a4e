"""Rotating, verified backups and restore (DESIGN.md §9), shared by the UI and ``passerelle db``.

Backups of a database live in ``sauvegardes`` beside it, named after it (several databases may
share a folder), encrypted with its key. The app makes one at start-up, one a day while it runs
and one before any migration; these *automatic* copies are rotated (keep N, a preference stored
in the database so that the CLI and the app agree). Manual copies and the copy of the current
database taken before a restore are never deleted automatically.

A restore works on a closed database: the caller closes it (the UI closes its connections, the
CLI holds the instance lock), then reopens it, which upgrades an older backup's schema.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.store import backup as store_backup
from passerelle.store import cipher
from passerelle.store.backup import BackupInfo
from passerelle.store.database import Database
from passerelle.store.migrate import DEFAULT_BACKUPS_KEPT, stored_revision

log = logging.getLogger(__name__)

KEEP_SETTING = "backups.keep"
MIN_KEEP, MAX_KEEP = 1, 100
DAILY = timedelta(days=1)

__all__ = ["BackupInfo", "RestoreReport", "folder_for", "get_keep", "list_backups",
           "make_backup", "restore", "set_keep", "verify"]


def folder_for(db_path: Path) -> Path:
    """Where the backups of ``db_path`` go: ``sauvegardes`` beside it."""
    return Path(db_path).parent / "sauvegardes"


def get_keep(db: Database) -> int:
    from passerelle.services import documents  # docx rendering: not at every database open

    raw = documents.get_setting(db, KEEP_SETTING)
    try:
        value = int(raw) if raw is not None else DEFAULT_BACKUPS_KEPT
    except ValueError:
        value = DEFAULT_BACKUPS_KEPT
    return min(max(value, MIN_KEEP), MAX_KEEP)


def set_keep(db: Database, keep: int) -> None:
    if not MIN_KEEP <= keep <= MAX_KEEP:
        raise ValidationError("backups_keep_range",
                              "Le nombre de sauvegardes conservées doit être compris entre "
                              "{low} et {high}.", field="keep", low=MIN_KEEP, high=MAX_KEEP)
    from passerelle.services import documents

    documents.set_setting(db, KEEP_SETTING, str(keep))


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first (date, size, kind, schema)."""
    return store_backup.list_backups(folder_for(db_path), Path(db_path).stem)


def make_backup(db_path: Path, kind: str = store_backup.KIND_MANUAL, *,
                keep: int = DEFAULT_BACKUPS_KEPT, out: Path | None = None) -> BackupInfo:
    """A verified backup of ``db_path`` (its own key), then rotation of the automatic ones."""
    db_path = Path(db_path)
    folder = folder_for(db_path)
    now = datetime.now(UTC)
    revision = stored_revision(db_path)
    target = out or folder / store_backup.backup_name(revision, now, kind=kind,
                                                      stem=db_path.stem)
    store_backup.backup_database(db_path, target)
    if kind in store_backup.AUTOMATIC_KINDS:
        removed = store_backup.rotate(folder, keep, db_path.stem)
        if removed:
            log.info("backup rotation removed %d old automatic backups", len(removed))
    log.info("backup (%s) written: %d bytes", kind, target.stat().st_size)
    return BackupInfo(target, now, target.stat().st_size, revision or "vide", kind,
                      cipher.is_encrypted(target))


def automatic_backup(db: Database, kind: str) -> BackupInfo:
    """Start-up or daily backup of an open database, rotating with its own preference."""
    return make_backup(db.path, kind, keep=get_keep(db))


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """True when no backup of ``db_path`` is younger than a day."""
    latest = next(iter(list_backups(db_path)), None)
    return latest is None or (now or datetime.now(UTC)) - latest.created >= DAILY


def verify(backup: Path, db_path: Path) -> str:
    """``"ok"`` when ``backup`` opens with the key of ``db_path`` and passes ``quick_check``."""
    key = None
    if cipher.is_encrypted(backup):
        key = cipher.registered_key(db_path) or cipher.registered_key(backup)
        if key is None:
            raise cipher.key_missing(backup)
        if not cipher.key_opens(backup, key):
            raise cipher.wrong_key(backup)
    return cipher.quick_check(Path(backup), key)


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What a restore did: where the database as it was went, and which copy replaced it."""

    restored_from: Path
    previous_saved: Path
    revision: str


def restore(db_path: Path, backup: Path) -> RestoreReport:
    """Put ``backup`` in place of the (closed) database ``db_path``, keeping it as a backup first.

    The backup is checked (key, ``quick_check``) before anything is touched; on any failure the
    database is left as it was. Reopening the database afterwards upgrades an older schema.
    """
    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise PasserelleError("backup_missing", "La sauvegarde {path} n'existe pas.",
                              path=str(backup))
    if not db_path.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(db_path))
    status = verify(backup, db_path)
    if status != "ok":
        raise PasserelleError("backup_corrupt",
                              "La sauvegarde {path} est endommagée ({status}) : la base n'a pas "
                              "été modifiée.", path=str(backup), status=status)
    previous = make_backup(db_path, store_backup.KIND_BEFORE_RESTORE)
    store_backup.restore_database(backup, db_path)
    log.info("database restored from a backup; previous state saved")
    return RestoreReport(backup, previous.path, stored_revision(db_path) or "vide")


def restore_and_reopen(db: Database, backup: Path) -> tuple[Database, RestoreReport]:
    """Restore ``backup`` over the open ``db`` and return the database reopened (an older
    backup's schema upgraded, a new device identity as SYNC.md wants for a restored file).

    The backup is verified while ``db`` is still open; if the restore fails, ``db`` is left as
    it was and stays usable.
    """
    status = verify(backup, db.path)
    if status != "ok":
        raise PasserelleError("backup_corrupt",
                              "La sauvegarde {path} est endommagée ({status}) : la base n'a pas "
                              "été modifiée.", path=str(backup), status=status)
    path, folder = db.path, db.backups_dir
    db.close()
    report = restore(path, backup)
    from passerelle.services import sync

    reopened = Database(path, backups_dir=folder)
    sync.on_open(reopened)
    return reopened, report
