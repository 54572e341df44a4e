"""Database keys in the OS keyring (encryption at rest, DESIGN.md §5).

Each database created on this computer has its own random 32-byte key, stored under service
``Passerelle``, username ``base:<key id>`` (the id is a fingerprint, not the key), value base64.
A keyring cannot list its entries, so an index entry (``bases``) holds the ids; opening an
encrypted file tries those keys (raw keys cost no key derivation). That way a database that was
moved, copied or restored from a backup still opens: nothing depends on its path.

Same refusal as the team keys (:mod:`passerelle.infra.secrets`): no usable keyring means a
clear :class:`DatabaseKeyringUnavailable`, never a plaintext file.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json

import keyring.errors
from keyring.backend import KeyringBackend

from passerelle.infra.secrets import KEY_BYTES, SERVICE, KeyringUnavailable, SecretStore

INDEX_USER = "bases"
_PREFIX = "base:"


class DatabaseKeyringUnavailable(KeyringUnavailable):
    """No usable keyring: the database key cannot be kept on this computer."""


def unavailable() -> DatabaseKeyringUnavailable:
    return DatabaseKeyringUnavailable(
        "db_keyring_unavailable",
        "Aucun trousseau de clés n'est disponible sur cet ordinateur : la clé de chiffrement "
        "de la base ne peut pas y être rangée (et ne sera jamais écrite en clair sur le "
        "disque). Protégez la base avec une phrase de passe, que vous saisirez à chaque "
        "ouverture.")


class DatabaseKeyring:
    """The database keys this user keeps in the OS keyring."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._store = SecretStore(backend, service)
        self.service = service

    def available(self) -> bool:
        return self._store.available()

    def backend_name(self) -> str:
        """The keyring's name (« SecretService Keyring », « Windows WinVaultKeyring »…)."""
        backend = self._store.backend
        return str(getattr(backend, "name", type(backend).__name__))

    def _backend(self) -> KeyringBackend:
        if not self.available():
            raise unavailable()
        return self._store.backend

    def _get(self, user: str) -> str | None:
        try:
            return self._backend().get_password(self.service, user)
        except keyring.errors.KeyringError as exc:
            raise DatabaseKeyringUnavailable(
                "keyring_error", "Le trousseau de clés a refusé l'accès : {error}",
                error=str(exc)) from exc

    def _set(self, user: str, value: str) -> None:
        try:
            self._backend().set_password(self.service, user, value)
        except keyring.errors.KeyringError as exc:
            raise DatabaseKeyringUnavailable(
                "keyring_error", "Le trousseau de clés a refusé l'enregistrement : {error}",
                error=str(exc)) from exc

    def _index(self) -> list[str]:
        raw = self._get(INDEX_USER)
        try:
            ids = json.loads(raw) if raw else []
        except ValueError:
            return []
        return [str(i) for i in ids] if isinstance(ids, list) else []

    def stored_keys(self) -> list[bytes]:
        """Every database key (32 raw bytes) kept here, newest first."""
        out: list[bytes] = []
        for key_id in reversed(self._index()):
            value = self._get(_PREFIX + key_id)
            if value is None:
                continue
            try:
                secret = base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                continue
            if len(secret) == KEY_BYTES:
                out.append(secret)
        return out

    def add(self, secret: bytes) -> None:
        """Keep a raw 32-byte key (passphrases are never stored)."""
        if len(secret) != KEY_BYTES:
            raise ValueError("a database key has 32 bytes")
        key_id = entry_id(secret)
        self._set(_PREFIX + key_id, base64.b64encode(secret).decode("ascii"))
        index = self._index()
        if key_id not in index:
            self._set(INDEX_USER, json.dumps([*index, key_id]))

    def remove(self, secret: bytes) -> None:
        backend = self._backend()
        key_id = entry_id(secret)
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            backend.delete_password(self.service, _PREFIX + key_id)
        self._set(INDEX_USER, json.dumps([i for i in self._index() if i != key_id]))


def entry_id(secret: bytes) -> str:
    """The keyring username suffix: a fingerprint of the key, never the key."""
    return hashlib.sha256(b"passerelle-db-key\x00" + secret).hexdigest()[:16]
