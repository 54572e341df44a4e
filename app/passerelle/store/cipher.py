"""Encryption at rest with SQLCipher (``sqlcipher3``): keys, raw connections, whole-file export.

A database is either a plain SQLite file (it starts with ``SQLite format 3``) or a SQLCipher file
(it starts with its random salt, the rest is AES-256 + HMAC pages). Which one is decided by the
file itself, never by a setting: an existing plain file opens plain (``passerelle db encrypt``
converts it), an encrypted file needs its key, and a *new* file is encrypted when a key is
registered for it (the app always registers one; the test ``db`` fixture does not).

Keys are registered per path in this process (:func:`register_key`) by the layer that knows the
OS keyring (``services.encryption``); the store never talks to the keyring itself. Every
connection this package opens — the engine's pool, migrations, backups, the sync export's second
reader — goes through :func:`connect` so that all of them use the same key.

Two kinds of key: a random 32-byte *raw* key (kept in the keyring, printable as a recovery key;
opening costs nothing) and a *passphrase* (no keyring on this computer: SQLCipher's own PBKDF2,
≈ 0.25 s per new connection, paid once per pooled connection).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from passerelle.domain.errors import IncompatibleDatabase, PasserelleError

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
_CHECK_BYTES = 3
#: Every error a raw connection may raise, whichever library opened it.
SQLITE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)

RawConnection = Any  # sqlite3.Connection or sqlcipher3.dbapi2.Connection (same DB-API surface)
#: The DB-API module of encrypted engines (SQLAlchemy's ``module=``).
DBAPI: Any = sqlcipher


class WrongKey(IncompatibleDatabase):
    """The key (or recovery key, or passphrase) does not open this database."""


class KeyMissing(IncompatibleDatabase):
    """The database is encrypted and no key for it is known on this computer."""


@dataclass(frozen=True, slots=True)
class DbKey:
    """A database key: 32 random bytes (``raw``) or a passphrase typed by the user."""

    secret: bytes
    passphrase: bool = False

    @classmethod
    def generate(cls) -> DbKey:
        return cls(os.urandom(KEY_BYTES))

    @classmethod
    def from_passphrase(cls, phrase: str) -> DbKey:
        return cls(phrase.encode("utf-8"), passphrase=True)

    @property
    def key_id(self) -> str:
        """A short, non-secret fingerprint (names the key in the keyring and in messages)."""
        return hashlib.sha256(b"passerelle-db-key\x00" + self.secret).hexdigest()[:16]

    def pragma(self) -> str:
        """The ``PRAGMA key`` statement (raw keys skip SQLCipher's passphrase KDF)."""
        if self.passphrase:
            phrase = self.secret.decode("utf-8").replace("'", "''")
            return f"PRAGMA key = '{phrase}'"
        return f"PRAGMA key = \"x'{self.secret.hex()}'\""

    def attach_clause(self) -> str:
        """The ``KEY …`` clause that attaches another file encrypted with this key."""
        if self.passphrase:
            phrase = self.secret.decode("utf-8").replace("'", "''")
            return f"KEY '{phrase}'"
        return f"KEY \"x'{self.secret.hex()}'\""

    def __repr__(self) -> str:  # never print a secret (logs, tracebacks)
        return f"DbKey(id={self.key_id}, passphrase={self.passphrase})"


# --- Recovery keys ---------------------------------------------------------------------------

def recovery_key(key: DbKey) -> str:
    """The raw key as 14 groups of 4 characters (base32 + a 3-byte checksum), to print."""
    if key.passphrase:
        raise ValueError("a passphrase is its own recovery key")
    check = hashlib.sha256(key.secret).digest()[:_CHECK_BYTES]
    text = base64.b32encode(key.secret + check).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> DbKey:
    """Read a recovery key typed by hand (case, spaces, dashes, 0/O and 1/I confusions)."""
    cleaned = re.sub(r"[\s\-_.]", "", text.upper()).translate(str.maketrans("018", "OIB"))
    bad = PasserelleError("recovery_key_invalid",
                          "Cette clé de secours n'est pas valide : vérifiez chaque groupe de "
                          "4 caractères (lettres A à Z et chiffres 2 à 7).")
    if not re.fullmatch(r"[A-Z2-7]{56}", cleaned):
        raise bad
    raw = base64.b32decode(cleaned)
    secret, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if hashlib.sha256(secret).digest()[:_CHECK_BYTES] != check:
        raise bad
    return DbKey(secret)


# --- Which key for which file ----------------------------------------------------------------

_keys: dict[str, DbKey | None] = {}
#: Consulted when no key is registered for a path (tests run the whole suite encrypted with it).
_default_key: Callable[[Path], DbKey | None] | None = None


def _norm(path: Path | str) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def register_key(path: Path | str, key: DbKey | None) -> None:
    """Use ``key`` for every connection this process opens on ``path``; None = keep it plain
    (a new file is then created unencrypted, whatever :func:`set_default_key` says)."""
    _keys[_norm(path)] = key


def forget_key(path: Path | str) -> None:
    _keys.pop(_norm(path), None)


def set_default_key(resolver: Callable[[Path], DbKey | None] | None) -> None:
    """A fallback for paths with no registered key (the encrypted test run installs one)."""
    global _default_key
    _default_key = resolver


def registered_key(path: Path | str) -> DbKey | None:
    norm = _norm(path)
    if norm in _keys:
        return _keys[norm]
    if _default_key is not None and str(path) != ":memory:":
        return _default_key(Path(path))
    return None


def file_state(path: Path | str) -> str:
    """``"new"`` (missing or empty), ``"plain"`` or ``"encrypted"``, from the first bytes."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return "new"
    if not head:
        return "new"
    return "plain" if head == PLAIN_HEADER else "encrypted"


def is_encrypted(path: Path | str) -> bool:
    return file_state(path) == "encrypted"


def key_for(path: Path | str) -> DbKey | None:
    """The key a connection on ``path`` must use: None for a plain or in-memory database."""
    if str(path) == ":memory:":
        return None
    state = file_state(path)
    if state == "plain":
        return None
    key = registered_key(path)
    if key is None and state == "encrypted":
        raise key_missing(path)
    return key


def key_missing(path: Path | str) -> KeyMissing:
    return KeyMissing(
        "db_key_missing",
        "La base {path} est chiffrée et sa clé n'est pas dans le trousseau de cet ordinateur "
        "(ou ce fichier n'est pas une base Passerelle) : ouvrez-la avec sa clé de secours ou "
        "sa phrase de passe.",
        path=str(path))


# --- Connections -----------------------------------------------------------------------------

def open_keyed(path: Path | str, key: DbKey, **kwargs: Any) -> RawConnection:
    """A sqlcipher3 connection with ``key`` applied (nothing read yet)."""
    conn = sqlcipher.connect(str(path), **kwargs)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not stderr's
    conn.execute(key.pragma())
    return conn


def connect(path: Path | str, **kwargs: Any) -> RawConnection:
    """A raw DB-API connection on ``path`` with the right key (plain sqlite3 when unencrypted).

    Raises :class:`KeyMissing` for an encrypted file with no known key and :class:`WrongKey`
    when the registered key does not open it.
    """
    key = key_for(path)
    if key is None:
        return sqlite3.connect(str(path), **kwargs)
    conn = open_keyed(path, key, **kwargs)
    if file_state(path) == "encrypted":
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as exc:
            conn.close()
            raise wrong_key(path) from exc
    return conn


def wrong_key(path: Path | str) -> WrongKey:
    return WrongKey("db_wrong_key",
                    "La clé ne correspond pas à la base {path} (ou ce fichier n'est pas une "
                    "base Passerelle) : elle n'a pas été ouverte et rien n'a été modifié.",
                    path=str(path))


def key_opens(path: Path | str, key: DbKey) -> bool:
    """True when ``key`` decrypts ``path`` (reads page 1 only; nothing is written)."""
    try:
        conn = open_keyed(f"file:{Path(path).as_posix()}?mode=ro", key, uri=True)
    except sqlcipher.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


def creator(path: Path | str, key: DbKey) -> Callable[[], RawConnection]:
    """A SQLAlchemy ``creator`` opening keyed connections on ``path``."""

    def make() -> RawConnection:
        return open_keyed(path, key, check_same_thread=False)

    return make


# --- Whole-file conversion -------------------------------------------------------------------

def export_file(source: Path, target: Path, *, source_key: DbKey | None,
                target_key: DbKey | None) -> None:
    """Write a copy of ``source`` to ``target`` with another key (None = plain), verified.

    ``sqlcipher_export`` copies schema and rows (FTS5 tables included) into a file attached
    with the target key; ``user_version`` is copied by hand. ``target`` must not exist.
    """
    if target.exists():
        target.unlink()
    conn = (open_keyed(source, source_key, isolation_level=None) if source_key is not None
            else sqlcipher.connect(str(source), isolation_level=None))
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlcipher.DatabaseError as exc:
            raise wrong_key(source) from exc
        clause = target_key.attach_clause() if target_key is not None else "KEY ''"
        conn.execute(f"ATTACH DATABASE ? AS passerelle_out {clause}", (str(target),))
        try:
            conn.execute("SELECT sqlcipher_export('passerelle_out')").fetchone()
            conn.execute(f"PRAGMA passerelle_out.user_version = {int(version)}")
        finally:
            conn.execute("DETACH DATABASE passerelle_out")
    finally:
        conn.close()
    status = quick_check(target, target_key)
    if status != "ok":
        target.unlink(missing_ok=True)
        raise PasserelleError("db_export_corrupt",
                              "La copie convertie de {path} est incohérente ({status}) : la "
                              "base d'origine est inchangée.", path=str(source), status=status)


def quick_check(path: Path, key: DbKey | None) -> str:
    """``PRAGMA quick_check`` of a file opened read-only with ``key``; the first line."""
    uri = f"file:{path.as_posix()}?mode=ro"
    conn = (open_keyed(uri, key, uri=True) if key is not None
            else sqlite3.connect(uri, uri=True))
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except SQLITE_ERRORS as exc:
        return str(exc)
    finally:
        conn.close()


# --- serialize / deserialize for sqlcipher3 connections ---------------------------------------
# sqlcipher3 has neither ``Connection.serialize`` nor ``deserialize``. Sync files carry a plain
# SQLite image: the stdlib opens that image in memory and rows are copied to or from a schema
# attached with ``KEY ''`` (an unencrypted in-memory database), so nothing touches the disk.

_COPY_BATCH = 5000
_CREATE_RE = re.compile(r"^\s*CREATE\s+TABLE\s+(?:\"[^\"]+\"|\[[^\]]+\]|`[^`]+`|\w+)",
                        re.IGNORECASE)


def attach_memory(raw: RawConnection, schema: str) -> None:
    """``ATTACH ':memory:'`` — unencrypted even on a keyed connection."""
    clause = " KEY ''" if isinstance(raw, sqlcipher.Connection) else ""
    raw.execute(f"ATTACH DATABASE ':memory:' AS {schema}{clause}")


def serialize_schema(raw: RawConnection, schema: str, tables: tuple[str, ...]) -> bytes:
    """The SQLite image of attached ``schema`` (its ``tables``, with their own DDL)."""
    if hasattr(raw, "serialize"):
        return bytes(raw.serialize(name=schema))
    out = sqlite3.connect(":memory:")
    try:
        _copy_tables(raw, schema, out, "main", tables)
        out.commit()
        return bytes(out.serialize())
    finally:
        out.close()


def deserialize_into(raw: RawConnection, payload: bytes, schema: str,
                     tables: tuple[str, ...]) -> None:
    """Load the SQLite image ``payload`` as ``schema`` (already attached in memory).

    On a stdlib connection this is ``deserialize``; on sqlcipher3 the image opens in a stdlib
    in-memory connection and each of ``tables`` present is recreated from its own DDL and
    copied, so a malformed image stays malformed for the validation that follows.
    """
    if hasattr(raw, "deserialize"):
        raw.deserialize(payload, name=schema)
        return
    src = sqlite3.connect(":memory:")
    try:
        src.deserialize(payload)
        _copy_tables(src, "main", raw, schema, tables)
    finally:
        src.close()


def _copy_tables(src: RawConnection, src_schema: str, dst: RawConnection, dst_schema: str,
                 tables: tuple[str, ...]) -> None:
    ddl = {name: sql for name, sql in src.execute(
        f"SELECT name, sql FROM {src_schema}.sqlite_master WHERE type = 'table'")}
    for table in tables:
        sql = ddl.get(table)
        if not sql or not _CREATE_RE.match(sql):
            continue
        dst.execute(_CREATE_RE.sub(f'CREATE TABLE {dst_schema}."{table}"', sql, count=1))
        cur = src.execute(f'SELECT * FROM {src_schema}."{table}"')
        width = len(cur.description)
        insert = f'INSERT INTO {dst_schema}."{table}" VALUES ({", ".join("?" * width)})'
        while rows := cur.fetchmany(_COPY_BATCH):
            dst.executemany(insert, rows)
