"""Backups through SQLite's online-backup API (never a file copy of a live database).

Named ``<database stem>_<revision>_<kind>_<UTC timestamp>.sqlite`` so a facilitator can tell
which database, schema and occasion a copy belongs to (two databases may share a folder), and
encrypted with the database's own key (a plain database gives plain backups; ``db encrypt``
converts them). Each copy is verified (reopened, ``PRAGMA quick_check``) before it takes its
final name, and automatic copies are rotated; manual and pre-restore copies are never deleted
automatically.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from passerelle.domain.errors import StorageUnavailable
from passerelle.store import cipher

KIND_STARTUP = "demarrage"
KIND_MIGRATION = "migration"
KIND_DAILY = "quotidienne"
KIND_MANUAL = "manuelle"
KIND_BEFORE_RESTORE = "avant-restauration"
KIND_BEFORE_CONVERSION = "avant-conversion"
#: Kinds made without the user asking: only these are rotated.
AUTOMATIC_KINDS = frozenset({KIND_STARTUP, KIND_MIGRATION, KIND_DAILY})
KINDS = AUTOMATIC_KINDS | {KIND_MANUAL, KIND_BEFORE_RESTORE, KIND_BEFORE_CONVERSION}

_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME_TAIL = r"_(?P<rev>[^_]+)(?:_(?P<kind>[a-z\-]+))?_(?P<stamp>\d{8}T\d{12}Z)\.sqlite"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file as the backups dialog and ``db restore`` show it."""

    path: Path
    created: datetime
    size_bytes: int
    revision: str
    kind: str
    encrypted: bool


def backup_database(source: Path, target: Path, *, key: cipher.DbKey | None = None) -> Path:
    """Copy ``source`` to ``target`` consistently (WAL included), verify it, then name it.

    ``key`` defaults to the key of ``source`` (:func:`cipher.key_for`): the copy is encrypted
    exactly like the database.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    if key is None:
        key = cipher.key_for(source)
    try:
        src = (cipher.open_keyed(source, key) if key is not None
               else sqlite3.connect(str(source)))
        try:
            dst = cipher.open_keyed(tmp, key) if key is not None else sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except cipher.SQLITE_ERRORS as exc:
        tmp.unlink(missing_ok=True)
        if key is not None and "not a database" in str(exc):
            raise cipher.wrong_key(source) from exc
        raise StorageUnavailable(
            "backup_failed", "La sauvegarde vers {path} a échoué : {error}",
            path=str(target), error=str(exc),
        ) from exc
    status = cipher.quick_check(tmp, key)
    if status != "ok":
        tmp.unlink(missing_ok=True)
        raise StorageUnavailable(
            "backup_corrupt", "La copie de sauvegarde {path} est corrompue ({status}).",
            path=str(target), status=status,
        )
    tmp.replace(target)
    return target


def backup_name(revision: str | None, now: datetime | None = None, *,
                kind: str = KIND_MANUAL, stem: str = "passerelle") -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    return f"{stem}_{revision or 'vide'}_{kind}_{stamp}.sqlite"


def parse_name(path: Path, stem: str) -> tuple[str, str, datetime] | None:
    """``(revision, kind, created)`` for a backup of the database named ``stem``, else None."""
    m = re.fullmatch(re.escape(stem) + _NAME_TAIL, path.name)
    if m is None:
        return None
    created = datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=UTC)
    return m["rev"], m["kind"] or KIND_MIGRATION, created


def list_backups(directory: Path, stem: str) -> list[BackupInfo]:
    """The backups of database ``stem`` in ``directory``, newest first."""
    out: list[BackupInfo] = []
    if not directory.is_dir():
        return out
    for path in directory.glob("*.sqlite"):
        parsed = parse_name(path, stem)
        if parsed is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        rev, kind, created = parsed
        out.append(BackupInfo(path, created, size, rev, kind, cipher.is_encrypted(path)))
    out.sort(key=lambda b: b.created, reverse=True)
    return out


def rotate(directory: Path, keep: int, stem: str = "passerelle") -> list[Path]:
    """Delete all but the ``keep`` most recent *automatic* backups; returns the deleted paths."""
    automatic = [b.path for b in list_backups(directory, stem) if b.kind in AUTOMATIC_KINDS]
    doomed = automatic[max(keep, 0):]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def restore_database(backup: Path, target: Path, *, key: cipher.DbKey | None = None,
                     backup_key: cipher.DbKey | None = None) -> None:
    """Put the content of ``backup`` into ``target`` (closed by this process's engines).

    The backup is first converted into a temporary file beside ``target`` with the target's
    key (``key``, default: the one ``target`` uses now; a plain target stays plain) and
    checked; then its pages are copied into ``target`` with the backup API, inside one write
    transaction of ``target`` (a crash leaves the old or the new content, never a mix; the
    file and its inode stay the same). ``backup_key`` (default: ``key``) opens an encrypted
    backup. A backup that cannot be opened raises before ``target`` is touched.
    """
    if key is None and cipher.file_state(target) != "plain":
        key = cipher.registered_key(target)
    source_key = None
    if cipher.is_encrypted(backup):
        source_key = backup_key or key or cipher.registered_key(backup)
        if source_key is None:
            raise cipher.key_missing(backup)
        if not cipher.key_opens(backup, source_key):
            raise cipher.wrong_key(backup)
    tmp = target.with_name(f".{target.name}.restoring")
    try:
        cipher.export_file(backup, tmp, source_key=source_key, target_key=key)
        src = cipher.open_keyed(tmp, key) if key is not None else sqlite3.connect(str(tmp))
        try:
            dst = (cipher.open_keyed(target, key) if key is not None
                   else sqlite3.connect(str(target)))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except cipher.SQLITE_ERRORS as exc:
        raise StorageUnavailable("restore_failed",
                                 "La restauration depuis {path} a échoué : {error}",
                                 path=str(backup), error=str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def replace_file(new: Path, target: Path) -> None:
    """Atomically put ``new`` in place of the closed database ``target`` (used when the key
    changes: encrypt, decrypt). Its WAL files go first: they belong to the old content."""
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(new, target)
    except OSError as exc:
        new.unlink(missing_ok=True)
        raise StorageUnavailable("replace_failed",
                                 "Impossible de remplacer {path} (encore ouverte par un autre "
                                 "programme ?) : {error}. La base n'a pas été modifiée.",
                                 path=str(target), error=exc.strerror or str(exc)) from exc
