"""Fixtures for encryption, backups and the instance lock: an in-memory keyring, small databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from passerelle import bootstrap
from passerelle.infra.db_keys import DatabaseKeyring
from passerelle.services import encryption, organisations
from passerelle.services.encryption import Unlocked
from passerelle.store import cipher
from passerelle.store.database import Database
from tests.sync.conftest import MemoryKeyring


@pytest.fixture(autouse=True)
def explicit_keys_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests decide every key themselves, also in the encrypted suite run."""
    monkeypatch.setattr(cipher, "_default_key", None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The process keyring is an in-memory one for the test (DESIGN.md §10)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def ring(memory_keyring: MemoryKeyring) -> DatabaseKeyring:
    return DatabaseKeyring(memory_keyring)


def create_app_database(path: Path, ring: DatabaseKeyring, *names: str) -> Unlocked:
    """What the app does on a first run: a new key, then the database, then some data."""
    unlocked = encryption.unlock(path, keyring=ring)
    db = bootstrap.open_database(path)
    try:
        for name in names:
            organisations.create_organisation(db, kind="association", name=name)
    finally:
        db.close()
    return unlocked


def org_names(path: Path) -> list[str]:
    db = Database(path)
    try:
        from sqlalchemy import select

        from passerelle.store.models import Organisation

        with db.read() as s:
            return sorted(s.scalars(select(Organisation.name)).all())
    finally:
        db.close()


def plain_database(path: Path, *names: str) -> Path:
    """A database kept plain on purpose (like one made before encryption existed)."""
    cipher.register_key(path, None)
    db = Database(path)
    try:
        for name in names:
            organisations.create_organisation(db, kind="association", name=name)
    finally:
        db.close()
    return path
