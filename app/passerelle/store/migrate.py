"""Schema upgrades at start-up (STYLE.md 7.7), and the Alembic plumbing shared with tests.

The flow: open a dedicated connection; refuse a database newer than this app; if behind, back
it up through the SQLite backup API and check the copy; upgrade inside one transaction (SQLite
DDL is transactional); on any failure roll back, restore the backup if the file changed, and
raise :class:`MigrationFailed` naming the backup. The main window never opens on a
half-migrated database.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from passerelle.domain.errors import IncompatibleDatabase, MigrationFailed
from passerelle.store import backup, cipher, search
from passerelle.store.changelog import init_device
from passerelle.store.engine import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: The newest revision this version of the app knows. Checked against the Alembic scripts by
#: the tests; it lets a start-up on an up-to-date database skip importing Alembic (≈0.3 s).
SCHEMA_HEAD = "0004"

DEFAULT_BACKUPS_KEPT = 10


def migrations_dir() -> Path:
    """The Alembic scripts: beside the package in a checkout, in the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "migrations"
    return Path(__file__).resolve().parents[3] / "migrations"


def alembic_config(connection: Connection | None = None,
                   extra_versions: list[Path] | None = None) -> Config:
    """An Alembic config; ``connection`` makes the run join the caller's transaction."""
    from alembic.config import Config

    cfg = Config()
    location = migrations_dir()
    cfg.set_main_option("script_location", str(location))
    versions = [location / "versions", *(extra_versions or [])]
    cfg.set_main_option("version_locations", " ".join(str(v) for v in versions))
    cfg.set_main_option("path_separator", "space")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision(cfg: Config | None = None) -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(cfg or alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    heads = MigrationContext.configure(conn).get_current_heads()
    return heads[0] if heads else None


@dataclass(frozen=True, slots=True)
class UpgradeReport:
    """What the start-up upgrade did."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None
    created: bool


def _known_revisions(cfg: Config) -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}


def upgrade_database(path: Path, backups_dir: Path, *, keep: int = DEFAULT_BACKUPS_KEPT,
                     extra_versions: list[Path] | None = None) -> UpgradeReport:
    """Bring the database at ``path`` to the head revision, safely (see module docstring)."""
    created = not path.exists() or path.stat().st_size == 0
    if not created and not extra_versions and stored_revision(path) == SCHEMA_HEAD:
        return UpgradeReport(SCHEMA_HEAD, SCHEMA_HEAD, None, created=False)
    engine = make_engine(path)
    try:
        return _upgrade(engine, path, backups_dir, keep, created, extra_versions)
    finally:
        engine.dispose()


def stored_revision(path: Path) -> str | None:
    """The revision recorded in the file, read with a raw connection (no Alembic import).

    An encrypted file with no key, or the wrong one, raises here: before anything is written.
    """
    try:
        conn = cipher.connect(path)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except cipher.SQLITE_ERRORS:
        return None
    return str(row[0]) if row else None


def _upgrade(engine: Engine, path: Path, backups_dir: Path, keep: int, created: bool,
             extra_versions: list[Path] | None) -> UpgradeReport:
    cfg = alembic_config(extra_versions=extra_versions)
    head = head_revision(cfg)
    try:
        with engine.connect() as conn:
            current = current_revision(conn)
            tables = inspect(conn).get_table_names()
    except DatabaseError as exc:
        raise IncompatibleDatabase(
            "not_a_database", "Le fichier {path} n'est pas une base Passerelle lisible.",
            path=str(path),
        ) from exc
    if current is None and tables:
        raise IncompatibleDatabase(
            "foreign_database", "Le fichier {path} contient une autre base de données.",
            path=str(path),
        )
    if current is not None and current not in _known_revisions(cfg):
        raise IncompatibleDatabase(
            "newer_database",
            "La base {path} a été créée par une version plus récente de Passerelle "
            "(schéma {revision}). Mettez Passerelle à jour pour l'ouvrir.",
            path=str(path), revision=current,
        )
    if current == head:
        return UpgradeReport(current, head, None, created=False)

    backup_path = None
    if not created:
        backup_path = backup.backup_database(
            path, backups_dir / backup.backup_name(current, kind=backup.KIND_MIGRATION,
                                                   stem=path.stem))
        backup.rotate(backups_dir, keep, path.stem)
    try:
        with engine.begin() as conn:
            run_upgrade(conn, "head", extra_versions)
            if created:
                init_device(conn)
            search.rebuild(conn)
            orphans = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if orphans:
                log.warning("foreign_key_check: %d orphan rows after upgrade", len(orphans))
    except Exception as exc:
        log.exception("upgrade from %s to %s failed", current, head)
        if backup_path is not None:
            _restore_if_changed(engine, path, backup_path, current)
            raise MigrationFailed(
                "migration_failed",
                "La mise à jour de la base a échoué ; la base d'origine est intacte. "
                "Une sauvegarde se trouve ici : {backup_path}",
                backup_path=str(backup_path),
            ) from exc
        raise
    return UpgradeReport(current, head, backup_path, created)


def run_upgrade(conn: Connection, target: str = "head",
                extra_versions: list[Path] | None = None) -> None:
    """Run Alembic ``upgrade`` on ``conn`` inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(conn, extra_versions), target)


def run_downgrade(conn: Connection, target: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(conn), target)


def _restore_if_changed(engine: Engine, path: Path, backup_path: Path,
                        original: str | None) -> None:
    with engine.connect() as conn:
        now = current_revision(conn)
        ok = conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    if now != original or not ok:
        engine.dispose()
        backup.restore_database(backup_path, path, key=cipher.key_for(path))
