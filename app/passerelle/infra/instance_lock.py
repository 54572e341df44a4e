"""One running Passerelle per database (DESIGN.md §9): a lock file beside the database.

``<database>.lock`` holds who owns the database (program, pid, user, host, since when) as JSON,
and the owner keeps an OS lock on the file while it runs (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on one byte far past the text on Windows, so others can still read it). The
OS drops that lock when the process dies, however it dies: a lock file left by a crashed or
killed Passerelle is simply taken over, without guessing from pids. The GUI and every CLI
command that writes use the same lock, so ``passerelle sync import`` refuses (exit 1) while the
app has the database open, and names the app in its message.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from passerelle.domain.errors import PasserelleError

_WIN_LOCK_OFFSET = 1 << 20  # Windows: lock a byte past the JSON so readers are not blocked


class DatabaseInUse(PasserelleError):
    """Another Passerelle (GUI or command) has this database open."""


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds the lock, as written in the lock file."""

    program: str
    pid: int
    user: str
    host: str
    since: datetime

    def describe(self) -> str:
        """« Passerelle (application), processus 4242 de camille sur PC-MDA, depuis … »."""
        local = self.since.astimezone()
        return (f"{self.program}, processus {self.pid} de {self.user} sur {self.host}, "
                f"depuis le {local:%d/%m/%Y à %H:%M}")


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """The lock on one database; :meth:`acquire` raises :class:`DatabaseInUse` if taken."""

    def __init__(self, database: Path, program: str) -> None:
        self.database = Path(database)
        self.path = lock_path(self.database)
        self.program = program
        self._fh: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> InstanceLock:
        if self._fh is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(5):
            fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (kept open while held)
            if not _try_lock(fh):
                fh.close()
                raise in_use(self.database, read_owner(self.path))
            if _same_file(fh, self.path):
                break
            _unlock(fh)  # the previous owner unlinked it between our open and our lock
            fh.close()
        else:
            raise in_use(self.database, read_owner(self.path))
        owner = {"program": self.program, "pid": os.getpid(), "user": _user(),
                 "host": socket.gethostname(),
                 "since": datetime.now(UTC).isoformat(timespec="seconds")}
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(owner, ensure_ascii=False))
        fh.flush()
        with contextlib.suppress(OSError):
            os.fsync(fh.fileno())
        self._fh = fh
        return self

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        with contextlib.suppress(OSError):
            fh.seek(0)
            fh.truncate()
        # Unlink while still locked: nobody can take it between the unlink and the unlock.
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(fh)
        fh.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def read_owner(path: Path) -> LockOwner | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8") or "{}")
        return LockOwner(str(data["program"]), int(data["pid"]), str(data["user"]),
                         str(data["host"]), datetime.fromisoformat(str(data["since"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def in_use(database: Path, owner: LockOwner | None) -> DatabaseInUse:
    if owner is None:
        return DatabaseInUse(
            "db_in_use_unknown",
            "La base {path} est déjà ouverte par un autre programme Passerelle. Fermez-le, "
            "puis réessayez : rien n'a été modifié.", path=str(database))
    local = owner.since.astimezone()
    return DatabaseInUse(
        "db_in_use",
        "La base {path} est déjà ouverte par {program} (processus {pid}, utilisateur {user}, "
        "ordinateur {host}) depuis le {date} à {time}. Fermez ce programme, puis réessayez : "
        "rien n'a été modifié.",
        path=str(database), program=owner.program, pid=owner.pid, user=owner.user,
        host=owner.host, date=f"{local:%d/%m/%Y}", time=f"{local:%H:%M}")


def _same_file(fh: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
    except OSError:
        return False


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(fh: IO[str]) -> bool:
        fh.seek(_WIN_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            fh.seek(0)
        return True

    def _unlock(fh: IO[str]) -> None:
        fh.seek(_WIN_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
