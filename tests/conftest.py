"""Shared fixtures. Qt runs offscreen (DESIGN.md §10): set before any QApplication exists."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PASSERELLE_TEST", "1")

import keyring  # noqa: E402
import keyring.backends.fail  # noqa: E402
import pytest  # noqa: E402

from passerelle.store import cipher  # noqa: E402
from passerelle.store.database import Database  # noqa: E402

# No test touches the real keyring, and none depends on which test backend keyring's
# auto-discovery would pick: test modules define KeyringBackend subclasses (in-memory,
# refusing), and keyring considers every subclass it has seen when it first looks for one, so
# the default would depend on test order. Tests that need a keyring set one themselves.
keyring.set_keyring(keyring.backends.fail.Keyring())

if os.environ.get("PASSERELLE_TEST_ENCRYPTED"):
    # The whole suite on SQLCipher: every new database file gets this key (README, « Data and
    # backups »); tests/security decide their keys themselves.
    _SUITE_KEY = cipher.DbKey(bytes(range(32)))
    cipher.set_default_key(lambda _path: _SUITE_KEY)


class FakeClock:
    """A wall clock the tests move by hand (milliseconds since the epoch)."""

    def __init__(self, start_ms: int = 1_780_000_000_000) -> None:
        self.now = start_ms

    def __call__(self) -> int:
        self.now += 1
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Iterator[Database]:
    """A fresh database built by ``upgrade head`` in a temporary folder."""
    database = Database(tmp_path / "test.sqlite", author="Camille Test", clock_ms=clock)
    yield database
    database.close()


@pytest.fixture
def ui_ctx(qapp, db: Database):  # type: ignore[no-untyped-def]
    """A UI context on a fresh database, with background work run serially."""
    from passerelle.ui.context import DataBus, UiContext
    from passerelle.ui.tasks import TaskRunner

    runner = TaskRunner(serial=True)
    ctx = UiContext(db=db, runner=runner, bus=DataBus())
    yield ctx
    runner.shutdown()


@pytest.fixture(scope="session")
def mda_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mda demo database, generated once per test session through the CLI (≈20 s).

    Tests must treat it as read-only; copy it first to change it.
    """
    from passerelle.cli import main

    path = tmp_path_factory.mktemp("demo") / "mda.sqlite"
    # Plain on purpose: the e2e subprocess has no test keyring, and some tests read it with
    # sqlite3; encryption has its own tests (tests/security).
    assert main(["demo", "--db", str(path), "--scale", "mda", "--no-encryption"]) == 0
    return path
