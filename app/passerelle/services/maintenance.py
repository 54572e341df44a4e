"""Database maintenance for ``passerelle db``: upgrade, backup, check.

``check`` never modifies the file: it reads the schema revision without upgrading, and the
optional deep check rebuilds the projection inside a transaction that is rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from passerelle.domain.errors import IncompatibleDatabase
from passerelle.store import changelog
from passerelle.store.backup import KIND_MANUAL
from passerelle.store.engine import make_engine
from passerelle.store.migrate import (
    UpgradeReport,
    current_revision,
    head_revision,
    upgrade_database,
)


def upgrade(path: Path, backups_dir: Path | None = None) -> UpgradeReport:
    """Upgrade the database to the current schema (with a verified backup first)."""
    return upgrade_database(path, backups_dir or path.parent / "sauvegardes")


def backup(path: Path, out: Path | None = None) -> Path:
    """A verified copy of the database (its own key) through SQLite's backup API."""
    from passerelle.services import backups

    return backups.make_backup(path, KIND_MANUAL, out=out).path


@dataclass
class CheckResult:
    """What ``db check`` found; ``ok`` is False on any error (warnings don't count)."""

    integrity: str = "?"
    revision: str | None = None
    head: str = "?"
    orphans: int = 0
    projection_ok: bool | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        out = [f"Intégrité : {self.integrity}"]
        state = "à jour" if self.revision == self.head else f"en retard (dernier : {self.head})"
        out.append(f"Schéma : {self.revision} ({state})")
        out.append(f"Références orphelines : {self.orphans}")
        if self.projection_ok is not None:
            out.append("Tables reconstruites depuis le journal : "
                       + ("identiques" if self.projection_ok else "DIFFÉRENTES"))
        out.extend(f"Erreur : {e}" for e in self.errors)
        return out


def check(path: Path, *, deep: bool = False) -> CheckResult:
    """Integrity, schema revision against the app's head, orphans, and (deep) projection."""
    result = CheckResult(head=head_revision())
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            try:
                result.integrity = str(conn.execute(text("PRAGMA integrity_check")).scalar())
            except DatabaseError as exc:
                raise IncompatibleDatabase("not_a_database",
                                           "Le fichier {path} n'est pas une base lisible.",
                                           path=str(path)) from exc
            result.revision = current_revision(conn)
            result.orphans = len(conn.execute(text("PRAGMA foreign_key_check")).fetchall())
        if result.integrity != "ok":
            result.errors.append("l'intégrité SQLite n'est pas vérifiée")
        if result.revision != result.head:
            result.errors.append("le schéma n'est pas à jour : lancez « passerelle db upgrade »")
        elif deep:
            result.projection_ok = projection_matches(engine)
            if not result.projection_ok:
                result.errors.append("les tables ne correspondent pas au journal des changements")
    finally:
        engine.dispose()
    return result


def projection_matches(engine: object) -> bool:
    """Rebuild every synced table from the log in a rolled-back transaction and compare."""
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    assert isinstance(engine, Engine)
    with engine.connect() as conn:
        trans = conn.begin()
        try:
            before = changelog.digest(conn)
            with Session(bind=conn) as s:
                changelog.rebuild_projection(s)
            after = changelog.digest(conn)
        finally:
            trans.rollback()
    return before == after
