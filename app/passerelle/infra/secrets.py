"""Secrets in the OS keyring, and team keys (SYNC.md "Container", STYLE.md 7.5).

The team ("group") key is a random 32-byte key that wraps each sync file's data key. It lives
only in the OS keyring (service ``Passerelle``, username = the group id, value = base64), behind
:class:`SecretStore`, which says where the secret went and refuses to work without a real
keyring: no backend (``keyring.errors.NoKeyringError``, the ``fail`` or ``null`` backends) or a
plaintext file backend (``keyrings.alt``) raises :class:`KeyringUnavailable` with a French
message. There is **never** a plaintext fallback: without a keyring, sync files are protected
with a passphrase instead.

A colleague joins a team with a **key package**: a small file holding the group id and key,
encrypted with a key derived from a passphrase (scrypt, n = 2^17, r = 8, p = 1) and authenticated
(AES-256-GCM, the header as associated data). The passphrase travels by another channel (phone,
in person), the file by any.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backend import KeyringBackend

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.ids import new_id

SERVICE = "Passerelle"
KEY_BYTES = 32
PACKAGE_MAGIC = b"\x89OFK\r\n\x1a\n"
PACKAGE_SUFFIX = ".ofkey"
_LEN = struct.Struct(">I")
_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
#: Backends that would "store" a secret without protecting it (or without storing it at all).
_REFUSED_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")


class KeyringUnavailable(PasserelleError):
    """No usable OS keyring: the team key cannot be stored on this computer."""


class KeyPackageError(PasserelleError):
    """A key package that cannot be opened (wrong passphrase, damaged, not a key package)."""


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """Same cost as sync files' passphrase slots (≈ 0.5 s); tests lower the default."""

    n: int = 1 << 17
    r: int = 8
    p: int = 1


DEFAULT_SCRYPT = ScryptParams()


def _derive(passphrase: str, salt: bytes, params: ScryptParams) -> bytes:
    if not (1 << 10 <= params.n <= 1 << 20 and 1 <= params.r <= 32 and 1 <= params.p <= 16):
        raise KeyPackageError("key_package_bad_kdf", "Paramètres de dérivation invalides.")
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=params.n, r=params.r,
                          p=params.p, maxmem=256 * params.r * params.n + (1 << 20),
                          dklen=KEY_BYTES)


class SecretStore:
    """The OS keyring, or a clear refusal; ``backend`` defaults to keyring's choice."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def available(self) -> bool:
        """True when secrets can really be stored (not a fail, null or plaintext backend)."""
        return _usable(self.backend)

    def where(self) -> str:
        """Where the secret goes, in French (shown next to the team settings, like Vorta)."""
        backend = self.backend
        if not _usable(backend):
            return ("Aucun trousseau de clés sécurisé n'est disponible : la clé d'équipe n'est "
                    "pas enregistrée sur cet ordinateur ; protégez les fichiers avec une phrase "
                    "de passe.")
        name = getattr(backend, "name", type(backend).__name__)
        return f"La clé d'équipe est rangée dans le trousseau du système ({name})."

    def _require(self) -> KeyringBackend:
        backend = self.backend
        if not _usable(backend):
            raise _unavailable()
        return backend

    def get_group_key(self, group_id: str) -> bytes | None:
        """The team key, or None if this keyring does not hold it."""
        backend = self._require()
        try:
            value = backend.get_password(self.service, group_id)
        except keyring.errors.NoKeyringError as exc:
            raise _unavailable() from exc
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable("keyring_error",
                                     "Le trousseau de clés a refusé l'accès : {error}",
                                     error=str(exc)) from exc
        if value is None:
            return None
        try:
            key = base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            return None
        return key if len(key) == KEY_BYTES else None

    def set_group_key(self, group_id: str, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a group key has 32 bytes")
        backend = self._require()
        try:
            backend.set_password(self.service, group_id, base64.b64encode(key).decode("ascii"))
        except keyring.errors.NoKeyringError as exc:
            raise _unavailable() from exc
        except keyring.errors.PasswordSetError as exc:
            raise KeyringUnavailable("keyring_error",
                                     "Le trousseau de clés a refusé l'enregistrement : {error}",
                                     error=str(exc)) from exc

    def delete_group_key(self, group_id: str) -> None:
        backend = self._require()
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            backend.delete_password(self.service, group_id)


def _usable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_REFUSED_BACKENDS):
        return False
    children = getattr(backend, "backends", None)  # the chainer: usable if a child is
    if children is not None:
        return any(_usable(b) for b in children)
    return True


def _unavailable() -> KeyringUnavailable:
    return KeyringUnavailable(
        "keyring_unavailable",
        "Aucun trousseau de clés n'est disponible sur cet ordinateur : la clé d'équipe ne peut "
        "pas y être rangée (et ne sera jamais écrite en clair sur le disque). Protégez les "
        "fichiers de synchronisation avec une phrase de passe.")


# --- Teams -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class KeyPackage:
    """What a colleague needs to join a team: its id, its key, its display name."""

    group_id: str
    key: bytes = b""
    name: str | None = None


def new_group(name: str | None = None) -> KeyPackage:
    """A new team: a UUIDv7 id and a random 32-byte key (not stored yet)."""
    return KeyPackage(str(new_id()), os.urandom(KEY_BYTES), name)


def write_key_package(path: Path, package: KeyPackage, passphrase: str, *,
                      scrypt: ScryptParams | None = None) -> Path:
    """Write the team key, protected by ``passphrase``, atomically to ``path``."""
    if len(passphrase) < 8:
        raise ValidationError("passphrase_too_short",
                              "La phrase de passe doit compter au moins 8 caractères.",
                              field="passphrase")
    params = scrypt or DEFAULT_SCRYPT
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({
        "format": "passerelle-team-key", "version": 1, "group_id": package.group_id,
        "name": package.name, "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "kdf": "scrypt", "n": params.n, "r": params.r, "p": params.p,
        "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode(),
    }, sort_keys=True).encode("utf-8")
    aad = PACKAGE_MAGIC + _LEN.pack(len(header)) + header
    secret = json.dumps({"group_id": package.group_id,
                         "key": base64.b64encode(package.key).decode()}).encode("utf-8")
    data = aad + AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, secret, aad)
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def read_key_package(path: Path, passphrase: str) -> KeyPackage:
    """Open a key package; a wrong passphrase or a damaged file raises :class:`KeyPackageError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KeyPackageError("key_package_unreadable", "Impossible de lire {path} : {error}",
                              path=str(path), error=exc.strerror or str(exc)) from exc
    not_package = KeyPackageError("key_package_invalid",
                                  "{path} n'est pas un fichier de clé d'équipe Passerelle "
                                  "valide (ou il est endommagé).", path=str(path))
    start = len(PACKAGE_MAGIC) + _LEN.size
    if not data.startswith(PACKAGE_MAGIC) or len(data) < start:
        raise not_package
    (hlen,) = _LEN.unpack_from(data, len(PACKAGE_MAGIC))
    if hlen > 65536 or len(data) < start + hlen + 16:
        raise not_package
    aad = data[:start + hlen]
    try:
        meta: dict[str, Any] = json.loads(data[start:start + hlen].decode("utf-8"))
        params = ScryptParams(int(meta["n"]), int(meta["r"]), int(meta["p"]))
        salt = base64.b64decode(meta["salt"], validate=True)
        nonce = base64.b64decode(meta["nonce"], validate=True)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise not_package from exc
    try:
        secret = json.loads(AESGCM(_derive(passphrase, salt, params)).decrypt(
            nonce, data[start + hlen:], aad))
        key = base64.b64decode(secret["key"], validate=True)
        group_id = str(secret["group_id"])
    except InvalidTag as exc:
        raise KeyPackageError("key_package_wrong_passphrase",
                              "Phrase de passe incorrecte pour ce fichier de clé d'équipe "
                              "(ou fichier altéré).") from exc
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise not_package from exc
    if len(key) != KEY_BYTES or group_id != meta.get("group_id") or not _UUID_RE.match(group_id):
        raise not_package
    name = meta.get("name")
    return KeyPackage(group_id, key, name if isinstance(name, str) else None)
