"""Backups through SQLite's online-backup API (never a file copy of a live database).

Named ``passerelle_<revision>_<UTC timestamp>.sqlite`` so a facilitator can tell which schema a
copy holds, checked with ``PRAGMA integrity_check`` after writing, and rotated.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from passerelle.domain.errors import StorageUnavailable

BACKUP_GLOB = "passerelle_*.sqlite"


def backup_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` consistently (WAL included) and verify the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".partial")
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            status = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise StorageUnavailable(
            "backup_failed", "La sauvegarde vers {path} a échoué : {error}",
            path=str(target), error=str(exc),
        ) from exc
    finally:
        src.close()
    if status != "ok":
        tmp.unlink(missing_ok=True)
        raise StorageUnavailable(
            "backup_corrupt", "La copie de sauvegarde {path} est corrompue ({status}).",
            path=str(target), status=status,
        )
    tmp.replace(target)
    return target


def backup_name(revision: str | None, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return f"passerelle_{revision or 'vide'}_{stamp}.sqlite"


def rotate(directory: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` most recent backups; returns the deleted paths."""
    backups = sorted(directory.glob(BACKUP_GLOB), key=lambda p: p.name.rsplit("_", 1)[-1])
    doomed = backups[:-keep] if keep > 0 else backups
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def restore_database(backup: Path, target: Path) -> None:
    """Overwrite ``target`` with the content of ``backup`` (backup API, WAL-safe)."""
    src = sqlite3.connect(str(backup))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
