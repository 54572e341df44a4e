"""Team keys in the keyring (never in clear), key packages, joining a team."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from passerelle.domain.errors import ValidationError
from passerelle.infra import secrets
from passerelle.infra.secrets import KeyPackageError, KeyringUnavailable, SecretStore
from passerelle.services import organisations as orgs
from passerelle.services import sync

from .conftest import MemoryKeyring, Network, assert_converged, exchange


def test_secret_store_keeps_group_keys_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.available() and "trousseau du système" in store.where()
    package = secrets.new_group("Équipe")
    assert store.get_group_key(package.group_id) is None
    store.set_group_key(package.group_id, package.key)
    assert store.get_group_key(package.group_id) == package.key
    assert list(memory_keyring.store) == [("Passerelle", package.group_id)]
    store.delete_group_key(package.group_id)
    assert store.get_group_key(package.group_id) is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_usable_keyring_is_refused_clearly(backend: keyring.backend.KeyringBackend) -> None:
    keyring.set_keyring(backend)
    store = SecretStore()
    assert not store.available()
    for call in (lambda: store.get_group_key("g"), lambda: store.set_group_key("g", bytes(32))):
        with pytest.raises(KeyringUnavailable) as exc:
            call()
        assert "jamais écrite en clair" in exc.value.message


def test_a_plaintext_file_keyring_is_not_accepted() -> None:
    plaintext = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    assert not SecretStore(plaintext()).available()


def test_key_package_round_trip_and_failures(tmp_path: Path) -> None:
    package = secrets.new_group("Maison des associations")
    path = secrets.write_key_package(tmp_path / "equipe.ofkey", package, "phrase assez longue")
    assert package.key not in path.read_bytes()
    opened = secrets.read_key_package(path, "phrase assez longue")
    assert opened == package
    with pytest.raises(KeyPackageError) as exc:
        secrets.read_key_package(path, "mauvaise phrase")
    assert exc.value.message_key == "key_package_wrong_passphrase"
    damaged = tmp_path / "abime.ofkey"
    damaged.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(KeyPackageError):
        secrets.read_key_package(damaged, "phrase assez longue")
    other = tmp_path / "autre.ofkey"
    other.write_bytes(b"pas une cle")
    with pytest.raises(KeyPackageError) as exc:
        secrets.read_key_package(other, "phrase assez longue")
    assert exc.value.message_key == "key_package_invalid"
    with pytest.raises(ValidationError):
        secrets.write_key_package(tmp_path / "court.ofkey", package, "court")


def test_create_team_share_key_and_colleague_joins(net: Network, tmp_path: Path) -> None:
    a = net.peer("a", join=False)
    b = net.peer("b", join=False)
    store_a, store_b = SecretStore(MemoryKeyring()), SecretStore(MemoryKeyring())
    a.secrets, b.secrets = store_a, store_b
    with pytest.raises(ValidationError):
        sync.export_full(a.db, a.outbox, secrets=store_a)  # no team yet
    group = sync.create_team(a.db, secrets=store_a, name="MDA Roubaix")
    assert sync.team_of(a.db) == group and store_a.get_group_key(group) is not None
    with pytest.raises(ValidationError):
        sync.create_team(a.db, secrets=store_a)
    key_file = sync.export_team_key(a.db, tmp_path / "equipe.ofkey", secrets=store_a,
                                    passphrase="à dire au téléphone")
    assert sync.join_team(b.db, key_file, secrets=store_b,
                          passphrase="à dire au téléphone") == group
    assert store_b.get_group_key(group) == store_a.get_group_key(group)
    orgs.create_organisation(a.db, kind="association", name="Asso")
    orgs.create_organisation(b.db, kind="entreprise", name="Entreprise")
    exchange(a, b)
    assert_converged(a, b)


def test_a_database_without_team_adopts_the_team_of_a_passphrase_file(net: Network) -> None:
    a = net.peer("a")
    newcomer = net.peer("newcomer", join=False)
    newcomer.secrets = SecretStore(MemoryKeyring())
    orgs.create_organisation(a.db, kind="association", name="Asso")
    path = a.export(passphrase="phrase partagée")
    newcomer.load(path, passphrase="phrase partagée")
    assert sync.team_of(newcomer.db) == net.group_id
