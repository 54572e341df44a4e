"""Encryption at rest, as the user sees it: which key opens a database, new keys, conversion.

A new database is encrypted by default with a random key kept in the OS keyring; its
**recovery key** (the same key, printable) is handed back once so the UI and the CLI can show it
— it is never written anywhere by the app. On a computer whose keyring is empty (another laptop,
a reinstalled one), the recovery key opens the database and is then kept in that keyring. With
no keyring at all, the database is protected by a passphrase typed at each opening: there is no
silent plaintext fallback.

Everything here works on closed databases; callers hold the instance lock
(:mod:`passerelle.infra.instance_lock`) when they convert or restore.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.infra.db_keys import DatabaseKeyring, DatabaseKeyringUnavailable
from passerelle.infra.db_keys import unavailable as keyring_unavailable
from passerelle.store import backup as backups
from passerelle.store import cipher
from passerelle.store.cipher import DbKey

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 10


@dataclass(frozen=True, slots=True)
class Unlocked:
    """How a database was opened: its key (None = plain file) and what to tell the user.

    ``new_recovery_key`` is set only when this call created the key: show it once.
    ``remembered`` is False when a recovery key opened the file but no keyring could keep it.
    """

    path: Path
    key: DbKey | None
    new_recovery_key: str | None = None
    passphrase_mode: bool = False
    remembered: bool = True

    @property
    def encrypted(self) -> bool:
        return self.key is not None


def check_passphrase(phrase: str) -> DbKey:
    if len(phrase) < MIN_PASSPHRASE:
        raise ValidationError("db_passphrase_too_short",
                              "La phrase de passe doit compter au moins {n} caractères.",
                              field="passphrase", n=MIN_PASSPHRASE)
    return DbKey.from_passphrase(phrase)


def unlock(path: Path, *, keyring: DatabaseKeyring | None = None,
           recovery_key: str | None = None, passphrase: str | None = None,
           encrypt_new: bool = True) -> Unlocked:
    """Find (or, for a new file, create) the key of ``path`` and register it for this process.

    Raises :class:`cipher.KeyMissing` when an encrypted file has no key here and none was
    given, :class:`cipher.WrongKey` when the given one does not open it, and
    :class:`DatabaseKeyringUnavailable` when a new database cannot get a key (no keyring and no
    passphrase). Nothing is written to the database.
    """
    path = Path(path)
    ring = keyring or DatabaseKeyring()
    state = cipher.file_state(path)
    if state == "plain":
        cipher.register_key(path, None)
        return Unlocked(path, None)
    if state == "new":
        if not encrypt_new:
            cipher.register_key(path, None)
            return Unlocked(path, None)
        if passphrase is not None:
            key = check_passphrase(passphrase)
            cipher.register_key(path, key)
            return Unlocked(path, key, passphrase_mode=True)
        if not ring.available():
            raise keyring_unavailable()
        key = DbKey.generate()
        ring.add(key.secret)
        cipher.register_key(path, key)
        log.info("new database key %s created for a new database", key.key_id)
        return Unlocked(path, key, new_recovery_key=cipher.recovery_key(key))
    given: DbKey | None = None
    if recovery_key:
        given = cipher.parse_recovery_key(recovery_key)
    elif passphrase is not None:
        given = DbKey.from_passphrase(passphrase)
    if given is not None:
        if not cipher.key_opens(path, given):
            raise cipher.wrong_key(path)
        remembered = False
        if not given.passphrase and ring.available():
            try:
                ring.add(given.secret)
                remembered = True
            except DatabaseKeyringUnavailable:  # opened all the same; asked again next time
                log.warning("the keyring refused to keep a recovered database key")
        cipher.register_key(path, given)
        return Unlocked(path, given, passphrase_mode=given.passphrase,
                        remembered=remembered or given.passphrase)
    if ring.available():
        for secret in ring.stored_keys():
            key = DbKey(secret)
            if cipher.key_opens(path, key):
                cipher.register_key(path, key)
                return Unlocked(path, key)
    raise cipher.key_missing(path)


def show_recovery_key(path: Path) -> str:
    """The recovery key of an open, keyring-keyed database (Fichier › Clé de secours…)."""
    key = cipher.registered_key(path)
    if key is None:
        raise PasserelleError("db_not_encrypted",
                              "La base {path} n'est pas chiffrée : elle n'a pas de clé de "
                              "secours.", path=str(path))
    if key.passphrase:
        raise PasserelleError("db_passphrase_mode",
                              "La base {path} est protégée par une phrase de passe : c'est elle "
                              "qui permet de l'ouvrir sur un autre ordinateur.", path=str(path))
    return cipher.recovery_key(key)


# --- Converting an existing database ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ConversionReport:
    """What ``db encrypt`` / ``db decrypt`` did."""

    path: Path
    encrypted: bool
    backup_path: Path
    backups_converted: int
    new_recovery_key: str | None = None


def encrypt_database(path: Path, backups_dir: Path, *, keyring: DatabaseKeyring | None = None,
                     passphrase: str | None = None) -> ConversionReport:
    """Encrypt a plain database in place: backup first, ``sqlcipher_export`` to a temporary
    file, verify, atomic rename. Its plain backups are then encrypted with the same key, so no
    readable copy of it is left in its backup folder."""
    path = Path(path)
    state = cipher.file_state(path)
    if state == "encrypted":
        raise PasserelleError("db_already_encrypted", "La base {path} est déjà chiffrée.",
                              path=str(path))
    if state == "new":
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(path))
    ring = keyring or DatabaseKeyring()
    if passphrase is not None:
        key = check_passphrase(passphrase)
    elif ring.available():
        key = DbKey.generate()
    else:
        raise keyring_unavailable()
    saved = backups.backup_database(path, backups_dir / _conversion_name(path), key=None)
    tmp = path.with_name(f".{path.name}.encrypting")
    cipher.export_file(path, tmp, source_key=None, target_key=key)
    if not key.passphrase:
        ring.add(key.secret)  # before the swap: the key is safe before the file depends on it
    backups.replace_file(tmp, path)
    cipher.register_key(path, key)
    converted = 0
    for info in backups.list_backups(backups_dir, path.stem):
        if not info.encrypted:
            _convert_in_place(info.path, None, key)
            converted += 1
    log.info("database encrypted with key %s; %d backups converted", key.key_id, converted)
    return ConversionReport(path, encrypted=True, backup_path=saved, backups_converted=converted,
                            new_recovery_key=None if key.passphrase else cipher.recovery_key(key))


def decrypt_database(path: Path, backups_dir: Path, key: DbKey) -> ConversionReport:
    """Store an encrypted database in clear (``key`` from :func:`unlock`); backup first.

    Its backups stay encrypted: they still open with the key, which stays in the keyring.
    """
    path = Path(path)
    if not cipher.is_encrypted(path):
        raise PasserelleError("db_not_encrypted", "La base {path} n'est pas chiffrée.",
                              path=str(path))
    if not cipher.key_opens(path, key):
        raise cipher.wrong_key(path)
    saved = backups.backup_database(path, backups_dir / _conversion_name(path), key=key)
    tmp = path.with_name(f".{path.name}.decrypting")
    cipher.export_file(path, tmp, source_key=key, target_key=None)
    backups.replace_file(tmp, path)
    cipher.register_key(path, None)
    log.info("database decrypted")
    return ConversionReport(path, encrypted=False, backup_path=saved, backups_converted=0)


def _conversion_name(path: Path) -> str:
    from passerelle.store.migrate import stored_revision

    return backups.backup_name(stored_revision(path), kind=backups.KIND_BEFORE_CONVERSION,
                               stem=path.stem)


def _convert_in_place(path: Path, source_key: DbKey | None, target_key: DbKey | None) -> None:
    tmp = path.with_name(f".{path.name}.converting")
    cipher.export_file(path, tmp, source_key=source_key, target_key=target_key)
    backups.replace_file(tmp, path)
