"""Encryption at rest: app-created databases are SQLCipher files, opened by key or recovery key."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from passerelle.domain.errors import ValidationError
from passerelle.infra.db_keys import DatabaseKeyring, DatabaseKeyringUnavailable
from passerelle.services import encryption, organisations, search
from passerelle.store import backup, cipher
from passerelle.store.database import Database
from tests.sync.conftest import MemoryKeyring

from .conftest import create_app_database, org_names, plain_database


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_app_created_database_is_encrypted_and_needs_its_key(tmp_path: Path,
                                                            ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    unlocked = create_app_database(path, ring, "Les Amis du Pile")
    assert unlocked.new_recovery_key is not None
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    cipher.forget_key(path)  # a fresh process that has not unlocked it
    with pytest.raises(cipher.KeyMissing) as exc:
        Database(path)
    assert "clé de secours" in exc.value.message
    # the key is in the keyring: a normal start opens it without asking
    assert encryption.unlock(path, keyring=ring).new_recovery_key is None
    assert org_names(path) == ["Les Amis du Pile"]


def test_recovery_key_opens_it_on_a_computer_with_an_empty_keyring(tmp_path: Path,
                                                                  ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    recovery = create_app_database(path, ring, "Épeule Solidaire").new_recovery_key
    assert recovery is not None
    cipher.forget_key(path)
    other = DatabaseKeyring(MemoryKeyring())  # another laptop
    with pytest.raises(cipher.KeyMissing):
        encryption.unlock(path, keyring=other)
    typed = recovery.lower().replace("-", " ")  # typed by hand, in lower case with spaces
    unlocked = encryption.unlock(path, keyring=other, recovery_key=typed)
    assert unlocked.remembered
    assert org_names(path) == ["Épeule Solidaire"]
    cipher.forget_key(path)
    assert encryption.unlock(path, keyring=other).key == unlocked.key  # now kept there


def test_wrong_recovery_key_is_a_clear_message_and_changes_nothing(
        tmp_path: Path, ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Trois-Ponts Sport")
    other_key = cipher.recovery_key(cipher.DbKey.generate())
    cipher.forget_key(path)
    before = _sha(path)
    with pytest.raises(cipher.WrongKey) as exc:
        encryption.unlock(path, keyring=DatabaseKeyring(MemoryKeyring()),
                          recovery_key=other_key)
    assert "rien n'a été modifié" in exc.value.message
    with pytest.raises(cipher.WrongKey):
        encryption.unlock(path, keyring=ring, passphrase="pas la bonne phrase")
    assert _sha(path) == before


def test_recovery_key_typos_are_caught_by_its_checksum() -> None:
    key = cipher.DbKey.generate()
    text = cipher.recovery_key(key)
    assert len(text.split("-")) == 14
    assert cipher.parse_recovery_key(text.replace("O", "0")).secret == key.secret
    flipped = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(Exception, match="clé de secours n'est pas valide"):
        cipher.parse_recovery_key(flipped)
    assert key.secret.hex() not in repr(key)


def test_without_keyring_a_new_database_asks_for_a_passphrase_never_plaintext(
        tmp_path: Path) -> None:
    no_ring = DatabaseKeyring(keyring.backends.fail.Keyring())
    path = tmp_path / "passerelle.sqlite"
    with pytest.raises(DatabaseKeyringUnavailable) as exc:
        encryption.unlock(path, keyring=no_ring)
    assert "phrase de passe" in exc.value.message
    assert not path.exists()
    with pytest.raises(ValidationError):
        encryption.unlock(path, keyring=no_ring, passphrase="court")
    unlocked = encryption.unlock(path, keyring=no_ring, passphrase="une longue phrase de passe")
    assert unlocked.passphrase_mode
    db = Database(path)
    organisations.create_organisation(db, kind="association", name="Alma Gare")
    db.close()
    assert cipher.is_encrypted(path)
    cipher.forget_key(path)
    encryption.unlock(path, keyring=no_ring, passphrase="une longue phrase de passe")
    assert org_names(path) == ["Alma Gare"]


def test_fts_search_and_ligatures_work_on_an_encrypted_database(tmp_path: Path,
                                                               ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Cœur de Marcq-en-Barœul")
    db = Database(path)
    try:
        groups = search.global_search(db, "coeur")
    finally:
        db.close()
    assert [h.title for g in groups for h in g.hits] == ["Cœur de Marcq-en-Barœul"]


def test_encrypt_then_decrypt_an_existing_database(tmp_path: Path,
                                                  ring: DatabaseKeyring) -> None:
    path = plain_database(tmp_path / "ancienne.sqlite", "Pont Rompu Avenir")
    folder = tmp_path / "sauvegardes"
    old = backup.backup_database(path, folder / backup.backup_name("0002", stem="ancienne"))
    assert old.read_bytes().startswith(b"SQLite format 3")
    report = encryption.encrypt_database(path, folder, keyring=ring)
    assert cipher.is_encrypted(path) and report.new_recovery_key
    assert report.backups_converted == 2  # the old one and the copy taken just before
    assert all(b.encrypted for b in backup.list_backups(folder, "ancienne"))
    assert org_names(path) == ["Pont Rompu Avenir"]
    cipher.forget_key(path)
    key = encryption.unlock(path, keyring=ring).key
    assert key is not None
    encryption.decrypt_database(path, folder, key)
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert org_names(path) == ["Pont Rompu Avenir"]


def test_encrypting_twice_is_refused(tmp_path: Path, ring: DatabaseKeyring) -> None:
    path = tmp_path / "passerelle.sqlite"
    create_app_database(path, ring, "Bourgogne Ensemble")
    before = _sha(path)
    with pytest.raises(Exception, match="déjà chiffrée"):
        encryption.encrypt_database(path, tmp_path / "sauvegardes", keyring=ring)
    assert _sha(path) == before


def test_cli_demo_prints_the_recovery_key_which_reopens_it_elsewhere(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from passerelle.cli import main
    from passerelle.services import demo

    def tiny(db: Database, scale: str, **_kw: object) -> None:  # the real one takes ~20 s
        organisations.create_organisation(db, kind="association", name="Démo Roubaix")

    monkeypatch.setattr(demo, "generate", tiny)
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "CLÉ DE SECOURS" in out
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 13)
    assert cipher.is_encrypted(path)
    cipher.forget_key(path)
    memory_keyring.store.clear()  # another computer
    assert main(["stats", "--db", str(path)]) == 1
    assert "clé de secours" in capsys.readouterr().err
    wrong = cipher.recovery_key(cipher.DbKey.generate())
    assert main(["stats", "--db", str(path), "--recovery-key", wrong]) == 1
    assert "La clé ne correspond pas" in capsys.readouterr().err
    assert main(["stats", "--db", str(path), "--recovery-key", recovery]) == 0
    assert "organisation: 1" in capsys.readouterr().out
    assert main(["demo", "--db", str(tmp_path / "plain.sqlite"), "--no-encryption"]) == 0
    assert (tmp_path / "plain.sqlite").read_bytes().startswith(b"SQLite format 3")


def test_cli_without_keyring_demands_a_passphrase_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from passerelle.cli import main
    from passerelle.services import demo

    monkeypatch.setattr(demo, "generate", lambda db, scale, **kw: None)
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        path = tmp_path / "demo.sqlite"
        assert main(["demo", "--db", str(path)]) == 1
        assert "--db-passphrase-file" in capsys.readouterr().err
        assert not path.exists()
        phrase = tmp_path / "phrase.txt"
        phrase.write_text("une phrase assez longue\n", encoding="utf-8")
        assert main(["demo", "--db", str(path), "--db-passphrase-file", str(phrase)]) == 0
        assert cipher.is_encrypted(path)
        cipher.forget_key(path)
        assert main(["stats", "--db", str(path), "--db-passphrase-file", str(phrase)]) == 0
    finally:
        keyring.set_keyring(previous)


def test_cli_encrypt_and_decrypt(tmp_path: Path, memory_keyring: MemoryKeyring,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    from passerelle.cli import main

    path = plain_database(tmp_path / "base.sqlite", "Wattrelos Beaulieu")
    cipher.forget_key(path)
    assert main(["db", "encrypt", "--db", str(path)]) == 0
    assert "CLÉ DE SECOURS" in capsys.readouterr().out
    assert cipher.is_encrypted(path)
    cipher.forget_key(path)
    assert main(["db", "decrypt", "--db", str(path)]) == 0
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert org_names(path) == ["Wattrelos Beaulieu"]
    assert main(["db", "decrypt", "--db", str(path)]) == 1


class RefusingKeyring(MemoryKeyring):
    """A keyring that exists but refuses (locked, the user said no)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("trousseau verrouillé")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("trousseau verrouillé")


def test_a_refusing_keyring_still_lets_the_recovery_key_open_the_database(
        tmp_path: Path, ring: DatabaseKeyring, capsys: pytest.CaptureFixture[str]) -> None:
    from passerelle.cli import main

    path = tmp_path / "passerelle.sqlite"
    recovery = create_app_database(path, ring, "Fosse-aux-Chênes").new_recovery_key
    assert recovery is not None
    cipher.forget_key(path)
    previous = keyring.get_keyring()
    keyring.set_keyring(RefusingKeyring())
    try:
        assert main(["stats", "--db", str(path)]) == 1
        assert "--recovery-key" in capsys.readouterr().err
        assert main(["stats", "--db", str(path), "--recovery-key", recovery]) == 0
        assert "n'a pas été retenue" in capsys.readouterr().out
    finally:
        keyring.set_keyring(previous)
