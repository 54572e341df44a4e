"""An open Passerelle database: engine, sessions wired to the change log, device identity."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from passerelle.domain.errors import StorageUnavailable
from passerelle.store import changelog
from passerelle.store.engine import make_engine, make_sessionmaker
from passerelle.store.migrate import UpgradeReport, upgrade_database
from passerelle.store.models import sync_state


class Database:
    """A database file brought to the current schema, ready for services.

    ``author`` names who writes (the audit's "who"); by default the device's user name.
    ``clock_ms`` is the wall clock for HLC stamps (tests pass a fake one).
    """

    def __init__(self, path: Path, *, backups_dir: Path | None = None,
                 author: str | None = None,
                 clock_ms: Callable[[], int] = changelog.system_clock_ms) -> None:
        self.path = Path(path)
        self.backups_dir = backups_dir or self.path.parent / "sauvegardes"
        self.upgrade_report: UpgradeReport = upgrade_database(self.path, self.backups_dir)
        self.engine: Engine = make_engine(self.path)
        with self.engine.begin() as conn:
            changelog.init_device(conn)  # also for a file created by the `alembic` command
            state = conn.execute(select(sync_state)).one()
        self.device_id: str = state.device_id
        self.user_name: str = author or state.user_name or "utilisateur"
        self._sessions: sessionmaker[Session] = make_sessionmaker(self.engine)
        changelog.install(self._sessions)
        self._context = changelog.ChangeContext(author=self.user_name, clock_ms=clock_ms)

    def session(self) -> Session:
        s = self._sessions()
        s.info["change_context"] = self._context
        return s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: everything commits together or nothing does."""
        with self.session() as s:
            try:
                with s.begin():
                    yield s
            except OperationalError as exc:
                raise _storage_error(exc) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.session() as s:
            yield s

    def set_user_name(self, name: str) -> None:
        """Who this device's user is (the audit's "who"), as chosen at first run."""
        with self.engine.begin() as conn:
            conn.execute(update(sync_state).values(user_name=name))
        self.user_name = name
        self._context.author = name

    def close(self) -> None:
        self.engine.dispose()


def _storage_error(exc: OperationalError) -> StorageUnavailable:
    msg = str(exc.orig) if exc.orig is not None else str(exc)
    if "full" in msg:
        return StorageUnavailable("disk_full", "Le disque est plein : rien n'a été enregistré.")
    if "locked" in msg:
        return StorageUnavailable(
            "database_locked",
            "La base est occupée par un autre programme : rien n'a été enregistré.",
        )
    return StorageUnavailable("storage_error", "Erreur d'écriture : {error}", error=msg)
