"""Rotating, verified, encrypted backups and restore (service and ``passerelle db``)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from passerelle.cli import main
from passerelle.domain.errors import PasserelleError
from passerelle.infra.db_keys import DatabaseKeyring
from passerelle.services import backups, encryption, organisations
from passerelle.store import backup as store_backup
from passerelle.store import cipher
from passerelle.store.database import Database

from .conftest import create_app_database, org_names, plain_database


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add(path: Path, name: str) -> None:
    db = Database(path)
    try:
        organisations.create_organisation(db, kind="association", name=name)
    finally:
        db.close()


def test_backups_are_encrypted_with_the_database_key_and_verified(
        tmp_path: Path, ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Hem Partage")
    info = backups.make_backup(path, store_backup.KIND_STARTUP)
    assert info.path.parent == tmp_path / "sauvegardes"
    assert info.path.name.startswith("passerelle_0") and "_demarrage_" in info.path.name
    assert info.encrypted and not info.path.read_bytes().startswith(b"SQLite format 3")
    assert backups.verify(info.path, path) == "ok"
    assert backups.list_backups(path) == [info]


def test_rotation_keeps_n_automatic_backups_and_never_manual_ones(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "passerelle.sqlite", "Lys Ensemble")
    manual = backups.make_backup(path, store_backup.KIND_MANUAL)
    for _ in range(4):
        backups.make_backup(path, store_backup.KIND_DAILY, keep=2)
    kinds = [b.kind for b in backups.list_backups(path)]
    assert kinds.count(store_backup.KIND_DAILY) == 2
    assert manual.path.exists()
    # another database in the same folder is not touched nor listed
    other = plain_database(tmp_path / "passerelle-demo.sqlite")
    backups.make_backup(other, store_backup.KIND_DAILY, keep=1)
    assert len(backups.list_backups(path)) == 3


def test_keep_preference_lives_in_the_database(db: Database) -> None:
    assert backups.get_keep(db) == 10
    backups.set_keep(db, 3)
    assert backups.get_keep(db) == 3
    with pytest.raises(PasserelleError):
        backups.set_keep(db, 0)


def test_daily_backup_is_due_after_a_day(tmp_path: Path) -> None:
    path = plain_database(tmp_path / "passerelle.sqlite")
    assert backups.daily_backup_due(path)
    info = backups.make_backup(path, store_backup.KIND_STARTUP)
    assert not backups.daily_backup_due(path, info.created + timedelta(hours=23))
    assert backups.daily_backup_due(path, info.created + timedelta(hours=25))


def test_restore_brings_back_the_old_data_and_keeps_the_current_one(
        tmp_path: Path, ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Avant")
    old = backups.make_backup(path, store_backup.KIND_MANUAL)
    _add(path, "Après")
    report = backups.restore(path, old.path)
    assert org_names(path) == ["Avant"]
    assert cipher.is_encrypted(path)
    kept = report.previous_saved
    assert "_avant-restauration_" in kept.name
    encryption.unlock(kept, keyring=ring)  # a backup opens with the keyring like its database
    assert org_names(kept) == ["Après", "Avant"]


def test_a_damaged_backup_is_refused_and_the_database_left_as_it_was(
        tmp_path: Path, ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Intacte")
    info = backups.make_backup(path, store_backup.KIND_MANUAL)
    data = bytearray(info.path.read_bytes())
    data[5000:5100] = b"\x00" * 100  # a damaged page: its HMAC no longer matches
    info.path.write_bytes(bytes(data))
    before = _sha(path)
    with pytest.raises(PasserelleError):
        backups.restore(path, info.path)
    assert _sha(path) == before
    assert org_names(path) == ["Intacte"]


def test_a_backup_of_another_database_key_is_refused(tmp_path: Path,
                                                    ring: DatabaseKeyring) -> None:
    mine = tmp_path / "a" / "passerelle.sqlite"
    theirs = tmp_path / "b" / "passerelle.sqlite"
    mine.parent.mkdir()
    theirs.parent.mkdir()
    create_app_database(mine, ring, "La mienne")
    create_app_database(theirs, ring, "La leur")
    foreign = backups.make_backup(theirs, store_backup.KIND_MANUAL)
    before = _sha(mine)
    with pytest.raises(cipher.WrongKey):
        backups.restore(mine, foreign.path)
    assert _sha(mine) == before


def test_cli_backup_and_restore(tmp_path: Path, ring: DatabaseKeyring,
                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Avant")
    assert main(["db", "backup", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "chiffrée, vérifiée" in out
    saved = Path(out.split(" : ", 1)[1].strip())
    _add(path, "Après")
    assert main(["db", "restore", str(saved), "--db", str(path)]) == 0
    assert "État précédent gardé dans" in capsys.readouterr().out
    assert org_names(path) == ["Avant"]
    assert main(["db", "restore", "--db", str(path)]) == 1
    assert main(["db", "restore", str(tmp_path / "absente.sqlite"), "--db", str(path)]) == 1


def test_backup_names_sort_by_time(tmp_path: Path) -> None:
    t0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    name = store_backup.backup_name("0002", t0, kind=store_backup.KIND_DAILY, stem="x_y")
    assert store_backup.parse_name(Path(name), "x_y") == ("0002", "quotidienne", t0)
    assert store_backup.parse_name(Path(name), "x") is None


def test_passphrase_database_backups_use_the_passphrase(tmp_path: Path) -> None:
    import keyring.backends.fail

    no_ring = DatabaseKeyring(keyring.backends.fail.Keyring())
    path = tmp_path / "passerelle.sqlite"
    encryption.unlock(path, keyring=no_ring, passphrase="une phrase bien longue")
    _add(path, "Avant")
    info = backups.make_backup(path, store_backup.KIND_MANUAL)
    assert info.encrypted
    _add(path, "Après")
    backups.restore(path, info.path)
    assert org_names(path) == ["Avant"]
