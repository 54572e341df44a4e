"""The ``*.ofsync`` export file: a SQLite payload in an authenticated, encrypted container.

Payload (SYNC.md §1 "Export file"): a SQLite database with ``manifest`` (key → JSON value),
``changes``, ``change_parents``, ``devices`` and ``blobs`` (empty until attachments travel). It
is built by ``ATTACH ':memory:'`` + ``INSERT … SELECT`` inside one read transaction (a
consistent snapshot that never blocks writers, WAL) and taken out with ``serialize()``: an
in-memory database has no WAL, so the image is a plain rollback-journal file, which is what
``journal_mode=DELETE`` guarantees for an on-disk build, without a temporary file to clean up.

Container::

    MAGIC (8) | header length (4, big-endian) | header JSON | body

* ``cipher = "AES-256-GCM"``: body = nonce (12) | AES-256-GCM(z(payload)), AAD = everything
  before the body;
* ``cipher = "HMAC-SHA256"`` (unencrypted, for inspection and relays): body = z(payload) |
  HMAC-SHA256(DEK, everything before the tag).

``z(payload)`` is one Zstandard frame since format 1.1 (``compression = "zstd"``): level 1
compresses the 83 MB payload of 600k changes in 0.15 s to 9.2 MB and inflates it in 0.09 s,
where zlib level 1 took 0.43 s (11.1 MB) and 0.26 s on the same laptop core — the export and
import budgets (2 s and 3 s) are spent on SQLite, not on the container. Format 1.0 files
(``compression = "zlib"``: independent zlib streams listed in ``chunks``) are still read. Format
1.2 declares the log tables STRICT (see ``STRICT_LOG_DDL``); older files are read too. The
header declares the payload and body sizes, so a truncated file is told apart from a tampered
one.

The manifest's ``payload_sha256`` combines per-origin-device digests (``device_sha256``) of the
changes and their parents in canonical order (see ``_CANONICAL``): an import re-hashes only the
devices that bring new changes, every other change being compared byte for byte with the log.

The header holds a fresh random 32-byte DEK per file in key slots, each an AES-GCM wrap bound to
the export id and the slot kind: ``group`` (wrapped by the team key from the keyring) and/or
``passphrase`` (wrapped by a key derived with scrypt, n = 2^17, r = 8, p = 1, ≈ 0.5 s; Argon2id
would need a new dependency). A fresh DEK per file removes any nonce-reuse risk.

The magic starts with a non-ASCII byte and holds CR LF and ^Z, like PNG's, so a file mangled by a
text-mode transfer is recognised at once. Every reading failure raises a French
:class:`SyncFileError` and nothing is applied ("fail closed").
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
import json
import os
import re
import sqlite3
import struct
import threading
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from passerelle.domain.errors import PasserelleError
from passerelle.store import cipher, digest_cache

MAGIC = b"\x89OFS\r\n\x1a\n"
FORMAT = "passerelle-sync"
FORMAT_VERSION = (1, 2)
SUFFIX = ".ofsync"
CIPHER_GCM = "AES-256-GCM"
CIPHER_HMAC = "HMAC-SHA256"
KEY_BYTES = 32
NONCE_BYTES = 12
MAX_HEADER = 1 << 20
#: Refuse to inflate beyond this (a hostile header could ask for anything).
MAX_PAYLOAD = 4 << 30
#: Zstandard level 1 (see the module docstring); levels 2-3 were slower *and* larger here.
ZSTD_LEVEL = 1
#: What each ``compression`` header value means; unknown ones come from a newer writer.
COMPRESSIONS = ("zstd", "zlib")
#: Changes stamped before this are implausible (a dead CMOS battery): warned, not refused.
PLAUSIBLE_MIN_MS = 1_577_836_800_000  # 2020-01-01
_HEADER_LEN = struct.Struct(">I")
_UUID_GLOB = "-".join("[0-9a-f]" * n for n in (8, 4, 4, 4, 12))
_UUID_RE = re.compile("^" + "-".join(f"[0-9a-f]{{{n}}}" for n in (8, 4, 4, 4, 12)) + "$")


# --- Errors ----------------------------------------------------------------------------------

class SyncFileError(PasserelleError):
    """The file cannot be applied and the file is the problem: it goes to quarantine."""

    quarantine = True


class SyncFileTooNew(SyncFileError):
    """Written by a newer Passerelle (container major version): kept in the inbox as is."""

    quarantine = False


class SyncFileUnavailable(SyncFileError):
    """The file cannot be read at all (removed, USB key gone): nothing to quarantine."""

    quarantine = False


class SyncKeyError(SyncFileError):
    """No usable key (missing, wrong passphrase, other team key): the file stays, retry."""

    quarantine = False


# --- Key derivation --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt cost: n = 2^17, r = 8 (128 MiB, ≈ 0.5 s on a 2-core laptop) by default."""

    n: int = 1 << 17
    r: int = 8
    p: int = 1

    def check(self) -> None:
        """Bound what a header may ask for (memory and time)."""
        if not (1 << 10 <= self.n <= 1 << 20 and self.n & (self.n - 1) == 0
                and 1 <= self.r <= 32 and 1 <= self.p <= 16):
            raise SyncFileError("sync_bad_kdf", "Paramètres de dérivation de clé invalides.")


#: Module default, read at call time: tests lower it to keep the suite fast.
DEFAULT_SCRYPT = ScryptParams()


def derive_key(passphrase: str, salt: bytes, params: ScryptParams) -> bytes:
    """A 32-byte key from a passphrase (scrypt, stdlib/OpenSSL)."""
    params.check()
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=params.n, r=params.r,
                          p=params.p, maxmem=256 * params.r * params.n + (1 << 20),
                          dklen=KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _wrap_aad(export_id: str, kind: str) -> bytes:
    return f"passerelle-dek\x00{export_id}\x00{kind}".encode()


def _wrap(kek: bytes, dek: bytes, export_id: str, kind: str) -> dict[str, Any]:
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, dek, _wrap_aad(export_id, kind))
    return {"kind": kind, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(kek: bytes, slot: Mapping[str, Any], export_id: str) -> bytes:
    dek = AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                              _wrap_aad(export_id, str(slot["kind"])))
    if len(dek) != KEY_BYTES:
        raise InvalidTag
    return dek


# --- Header ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Header:
    """The authenticated clear header (no personal data: ids, sizes and key slots)."""

    format_version: tuple[int, int]
    cipher: str
    group_id: str
    origin_device_id: str
    export_id: str
    hlc_max: int
    payload_size: int
    body_size: int
    chunks: tuple[int, ...]
    compression: str
    slots: tuple[Mapping[str, Any], ...]
    aad: bytes = field(repr=False)

    def slot(self, kind: str) -> Mapping[str, Any] | None:
        return next((s for s in self.slots if s.get("kind") == kind), None)


def read_header(data: bytes) -> tuple[Header, bytes]:
    """Check the magic, lengths and version; returns the header and the body bytes."""
    if len(data) == 0:
        raise SyncFileError("sync_empty", "Le fichier de synchronisation est vide (0 octet).")
    if len(data) < len(MAGIC) and MAGIC.startswith(data):
        raise _truncated()
    if not data.startswith(MAGIC):
        raise SyncFileError("sync_not_a_sync_file",
                            "Ce fichier n'est pas un fichier de synchronisation Passerelle "
                            "(ou il a été transféré en mode texte).")
    if len(data) < len(MAGIC) + _HEADER_LEN.size:
        raise _truncated()
    (hlen,) = _HEADER_LEN.unpack_from(data, len(MAGIC))
    start = len(MAGIC) + _HEADER_LEN.size
    if hlen > MAX_HEADER:
        raise _tampered()
    if len(data) < start + hlen:
        raise _truncated()
    raw = data[start:start + hlen]
    try:
        meta = json.loads(raw.decode("utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError("format")
        major, minor = (int(x) for x in str(meta["format_version"]).split("."))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as exc:
        raise _tampered() from exc
    if major > FORMAT_VERSION[0]:
        raise SyncFileTooNew(
            "sync_format_too_new",
            "Ce fichier a été écrit par une version plus récente de Passerelle (format "
            "{version}) : mettez Passerelle à jour pour l'importer. Il reste dans le dossier.",
            version=f"{major}.{minor}")
    try:
        header = Header(
            (major, minor), str(meta["cipher"]), str(meta["group_id"]),
            str(meta["origin_device_id"]), str(meta["export_id"]), int(meta["hlc_max"]),
            int(meta["payload_size"]), int(meta["body_size"]),
            tuple(int(c) for c in meta["chunks"]), str(meta.get("compression", "zlib")),
            tuple(dict(s) for s in meta["slots"]), data[:start + hlen])
    except (KeyError, TypeError, ValueError) as exc:
        raise _tampered() from exc
    if header.compression not in COMPRESSIONS:
        raise SyncFileTooNew(
            "sync_format_too_new",
            "Ce fichier a été écrit par une version plus récente de Passerelle (format "
            "{version}) : mettez Passerelle à jour pour l'importer. Il reste dans le dossier.",
            version=f"{major}.{minor}")
    max_chunks = 1 if header.compression == "zstd" else 64
    if not 0 < len(header.chunks) <= max_chunks or min(header.chunks) <= 0:
        raise _tampered()
    body = data[start + hlen:]
    if len(body) < header.body_size:
        raise _truncated()
    if len(body) > header.body_size:
        raise _tampered()
    return header, body


def _truncated() -> SyncFileError:
    return SyncFileError(
        "sync_truncated",
        "Le fichier de synchronisation est incomplet (copie interrompue, clé USB retirée "
        "trop tôt, ou transfert encore en cours). Rien n'a été importé.")


def _tampered() -> SyncFileError:
    return SyncFileError(
        "sync_tampered",
        "Le fichier de synchronisation a été altéré ou endommagé : son authenticité ne peut "
        "pas être vérifiée. Rien n'a été importé.")


# --- Sealing and opening ---------------------------------------------------------------------

def seal(payload: bytes, *, group_id: str, origin_device_id: str, export_id: str, hlc_max: int,
         group_key: bytes | None = None, passphrase: str | None = None,
         encrypt: bool = True, scrypt: ScryptParams | None = None) -> bytes:
    """The container bytes of ``payload``; at least one key slot is required."""
    if group_key is None and not passphrase:
        raise SyncKeyError("sync_no_key",
                           "Aucune clé pour protéger le fichier : il faut la clé d'équipe ou "
                           "une phrase de passe (jamais de fichier en clair).")
    dek = os.urandom(KEY_BYTES)
    slots: list[dict[str, Any]] = []
    if group_key is not None:
        if len(group_key) != KEY_BYTES:
            raise SyncKeyError("sync_bad_group_key", "La clé d'équipe est invalide.")
        slots.append(_wrap(group_key, dek, export_id, "group"))
    if passphrase:
        params = scrypt or DEFAULT_SCRYPT
        salt = os.urandom(16)
        slot = _wrap(derive_key(passphrase, salt, params), dek, export_id, "passphrase")
        slot.update({"kdf": "scrypt", "n": params.n, "r": params.r, "p": params.p,
                     "salt": _b64(salt)})
        slots.append(slot)
    compressed = compress(payload)
    body_size = (NONCE_BYTES + len(compressed) + 16) if encrypt else len(compressed) + 32
    meta = {"format": FORMAT, "format_version": f"{FORMAT_VERSION[0]}.{FORMAT_VERSION[1]}",
            "cipher": CIPHER_GCM if encrypt else CIPHER_HMAC, "compression": "zstd",
            "chunks": [len(compressed)],
            "group_id": group_id, "origin_device_id": origin_device_id, "export_id": export_id,
            "hlc_max": hlc_max, "payload_size": len(payload), "body_size": body_size,
            "slots": slots}
    header = json.dumps(meta, separators=(",", ":"), sort_keys=True).encode("utf-8")
    aad = MAGIC + _HEADER_LEN.pack(len(header)) + header
    if encrypt:
        nonce = os.urandom(NONCE_BYTES)
        return aad + nonce + AESGCM(dek).encrypt(nonce, compressed, aad)
    tag = hmac.new(dek, aad + compressed, hashlib.sha256).digest()
    return aad + compressed + tag


def unlock(header: Header, *, group_key: bytes | None = None,
           passphrase: str | None = None) -> bytes:
    """The file's DEK from the first slot one of the keys opens."""
    tried = []
    group_slot = header.slot("group")
    if group_key is not None and group_slot is not None:
        tried.append("group")
        try:
            return _unwrap(group_key, group_slot, header.export_id)
        except (InvalidTag, KeyError, ValueError, TypeError):
            pass
    pass_slot = header.slot("passphrase")
    if passphrase and pass_slot is not None:
        tried.append("passphrase")
        try:
            params = ScryptParams(int(pass_slot["n"]), int(pass_slot["r"]),
                                  int(pass_slot["p"]))
            kek = derive_key(passphrase, _unb64(pass_slot["salt"]), params)
            return _unwrap(kek, pass_slot, header.export_id)
        except (InvalidTag, KeyError, ValueError, TypeError):
            pass
    if not tried:
        kinds = ", ".join(str(s.get("kind")) for s in header.slots) or "aucune"
        raise SyncKeyError(
            "sync_key_missing",
            "Impossible d'ouvrir ce fichier : il faut la clé de l'équipe (trousseau) ou la "
            "phrase de passe avec laquelle il a été protégé (protections du fichier : {kinds}).",
            kinds=kinds)
    if tried == ["group"]:
        raise SyncKeyError("sync_wrong_group_key",
                           "La clé d'équipe ne correspond pas à ce fichier (autre équipe, clé "
                           "remplacée, ou fichier altéré). Rien n'a été importé.")
    raise SyncKeyError("sync_wrong_passphrase",
                       "Phrase de passe incorrecte (ou fichier altéré). Rien n'a été importé.")


def open_body(header: Header, body: bytes, dek: bytes) -> bytes:
    """Authenticate, decrypt and inflate: the SQLite payload bytes."""
    try:
        if header.cipher == CIPHER_GCM:
            compressed = AESGCM(dek).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], header.aad)
        elif header.cipher == CIPHER_HMAC:
            compressed, tag = body[:-32], body[-32:]
            expected = hmac.new(dek, header.aad + compressed, hashlib.sha256).digest()
            if not hmac.compare_digest(tag, expected):
                raise InvalidTag
        else:
            raise _tampered()
    except InvalidTag as exc:
        raise _tampered() from exc
    if not 0 < header.payload_size <= MAX_PAYLOAD or sum(header.chunks) != len(compressed):
        raise _tampered()
    return inflate(header, compressed)


def compress(payload: bytes) -> bytes:
    """The body's ``z(payload)``: one Zstandard frame (with its content size), two threads."""
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL, threads=2).compress(payload)


def inflate(header: Header, compressed: bytes) -> bytes:
    """``z(payload)`` back to the payload, never beyond the declared size (a hostile header
    cannot make us allocate more than it declared, and what it declared is bounded)."""
    if header.compression == "zstd":
        if zstandard.frame_content_size(compressed) != header.payload_size:
            raise _tampered()
        try:
            payload = zstandard.ZstdDecompressor().decompress(
                compressed, max_output_size=header.payload_size, allow_extra_data=False)
        except zstandard.ZstdError as exc:
            raise _tampered() from exc
    else:  # format 1.0: independent zlib streams
        parts, start = [], 0
        for size in header.chunks:
            parts.append(_inflate(compressed[start:start + size], header.payload_size + 1))
            start += size
        payload = b"".join(parts)
    if len(payload) != header.payload_size:
        raise _tampered()
    return payload


def _inflate(data: bytes, budget: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, budget)
    except zlib.error as exc:
        raise _tampered() from exc
    if not inflater.eof or inflater.unused_data:
        raise _tampered()
    return out


# --- Payload: build --------------------------------------------------------------------------

#: The payload's log tables are STRICT since format 1.2: SQLite refuses a value of another type
#: when the file is written, and ``quick_check`` (run on every import) reports one planted in
#: the file's pages afterwards. An import that finds exactly these declarations
#: (:func:`strict_log`) skips the per-change ``typeof`` checks (0.6 s at 600k changes);
#: any other declaration (a format 1.0/1.1 file, a hand-made one) gets every check.
STRICT_LOG_DDL = {
    "changes": "CREATE TABLE {s}changes (device_id TEXT NOT NULL, hlc INTEGER NOT NULL, "
               "seq INTEGER NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, "
               "field TEXT NOT NULL, value TEXT, wire_ver INTEGER NOT NULL, author TEXT, "
               "PRIMARY KEY (device_id, hlc)) WITHOUT ROWID, STRICT",
    "change_parents": "CREATE TABLE {s}change_parents (device_id TEXT NOT NULL, "
                      "hlc INTEGER NOT NULL, parent_device TEXT NOT NULL, "
                      "parent_hlc INTEGER NOT NULL, "
                      "PRIMARY KEY (device_id, hlc, parent_device, parent_hlc)) "
                      "WITHOUT ROWID, STRICT",
}
PAYLOAD_DDL = (
    "CREATE TABLE {s}.manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    STRICT_LOG_DDL["changes"].replace("{s}", "{s}."),
    STRICT_LOG_DDL["change_parents"].replace("{s}", "{s}."),
    "CREATE TABLE {s}.devices (device_id TEXT PRIMARY KEY, name TEXT, user_name TEXT) "
    "WITHOUT ROWID",
    "CREATE TABLE {s}.blobs (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID",
)
_COLUMNS = {
    "manifest": ("key", "value"),
    "changes": ("device_id", "hlc", "seq", "entity", "row_id", "field", "value", "wire_ver",
                "author"),
    "change_parents": ("device_id", "hlc", "parent_device", "parent_hlc"),
    "devices": ("device_id", "name", "user_name"),
    "blobs": ("sha256", "data"),
}
_OUT = "sync_out"


#: Canonical form hashed for the manifest, per origin device: its changes in hlc order, then
#: the parents of those changes in key order, each row as SQLite's ``json_array`` text (RFC
#: 8259; only '"', '\\' and control characters escaped; integers in decimal; arrays are
#: self-delimiting, so no separator), the two sections preceded by "C\n" and "P\n". Built by
#: SQLite in C: the per-row Python work is a single ``update``.
#:
#: Format 1.1 cuts each device's changes into blocks of :data:`DIGEST_BLOCK` changes in hlc
#: order (a block holds the parents of its changes too) and the device digest hashes the
#: "start:digest" lines of its blocks. An import then re-hashes only the blocks that hold its
#: new changes — a 10k-edit exchange used to re-hash the sender's 610k changes (1.1 s) — and an
#: export hashes blocks on two connections at once. Format 1.0 (one digest over the device's
#: whole sections, no blocks) is still verified.
_CANONICAL = (
    (b"C\n", "SELECT json_array(device_id, hlc, seq, entity, row_id, field, value, "
             "wire_ver, author) AS line FROM {t} WHERE device_id = ? "
             "AND hlc BETWEEN ? AND ? ORDER BY hlc"),
    (b"P\n", "SELECT json_array(device_id, hlc, parent_device, parent_hlc) "
             "AS line FROM {t} WHERE device_id = ? AND hlc BETWEEN ? AND ? "
             "ORDER BY hlc, parent_device, parent_hlc"),
)
#: A block's section in one step: SQLite concatenates the ordered lines itself, so a block
#: costs two GIL hand-offs instead of one per change (threads hashing row by row slowed each
#: other down). An aggregate over an ordered subquery keeps its order in every SQLite version
#: (the subquery cannot be flattened into an aggregate); were that ever to change, the
#: digests would differ and the import would refuse the file loudly — never accept it.
_SECTION = "SELECT CAST(group_concat(line, '') AS BLOB) FROM ({query})"
#: Changes per digest block (format 1.1).
DIGEST_BLOCK = 16_384
_HLC_FLOOR, _HLC_CEILING = -(1 << 63), (1 << 63) - 1


@dataclass(frozen=True, slots=True)
class Block:
    """One digest block: the changes of ``device_id`` with ``lo <= hlc <= hi``.

    ``start`` (the hlc of its first change) labels it in the manifest; the first block reaches
    down and the last one up without bound, so every change belongs to exactly one block.
    """

    device_id: str
    start: int
    lo: int
    hi: int


def _devices_of(raw: sqlite3.Connection, table: str) -> list[str]:
    """Distinct device ids by seeks on the primary key (one per device, no scan)."""
    out: list[str] = []
    while (dev := raw.execute(f"SELECT MIN(device_id) FROM {table} WHERE device_id > ?",
                              (out[-1] if out else "",)).fetchone()[0]) is not None:
        out.append(dev)
    return out


def blocks_of(raw: sqlite3.Connection, schema: str, *, changes: str = "changes",
              devices: Iterable[str] | None = None) -> list[Block]:
    """The canonical digest blocks of ``devices`` (all): every DIGEST_BLOCK-th change starts
    one, found by walking the primary key in C (``OFFSET``), not by reading rows."""
    table = f"{schema}.{changes}"
    out: list[Block] = []
    for dev in sorted(_devices_of(raw, table) if devices is None else set(devices)):
        first = raw.execute(f"SELECT MIN(hlc) FROM {table} WHERE device_id = ?",
                            (dev,)).fetchone()[0]
        if first is None:
            continue
        starts = [int(first)]
        while (row := raw.execute(
                f"SELECT hlc FROM {table} WHERE device_id = ? AND hlc >= ? ORDER BY hlc "
                f"LIMIT 1 OFFSET ?", (dev, starts[-1], DIGEST_BLOCK)).fetchone()) is not None:
            starts.append(int(row[0]))
        out.extend(_blocks(dev, starts))
    return out


def _blocks(dev: str, starts: Sequence[int]) -> list[Block]:
    return [Block(dev, start, _HLC_FLOOR if i == 0 else start,
                  starts[i + 1] - 1 if i + 1 < len(starts) else _HLC_CEILING)
            for i, start in enumerate(starts)]


def block_digest(raw: sqlite3.Connection, schema: str, block: Block, *,
                 changes: str = "changes", parents: str = "change_parents") -> str:
    """SHA-256 of one block's changes and parents (see ``_CANONICAL``)."""
    h = hashlib.sha256()
    update = h.update
    for (tag, sql), table in zip(_CANONICAL, (changes, parents), strict=True):
        update(tag)
        (section,) = raw.execute(_SECTION.format(query=sql.format(t=f"{schema}.{table}")),
                                 (block.device_id, block.lo, block.hi)).fetchone()
        if section is not None:
            update(section)
    return h.hexdigest()


class DigestJob:
    """Digest blocks handed out one at a time to whoever asks (threads on connections that
    read the same snapshot, or the exporting thread on its in-memory copy of the log)."""

    def __init__(self, blocks: Sequence[Block], known: Mapping[int, str] | None = None
                 ) -> None:
        self.blocks = list(blocks)
        self._out: list[str | None] = [None] * len(self.blocks)
        for i, digest in (known or {}).items():
            self._out[i] = digest
        self.todo = [i for i in range(len(self.blocks)) if self._out[i] is None]
        self._todo = iter(self.todo)
        self._lock = threading.Lock()
        self._failures: list[BaseException] = []

    def work(self, conn: sqlite3.Connection, schema: str, *, changes: str = "changes",
             parents: str = "change_parents") -> None:
        """Hash blocks until none is left; a failure is kept for :meth:`result`."""
        try:
            while True:
                with self._lock:
                    i = next(self._todo, None)
                if i is None or self._failures:
                    return
                self._out[i] = block_digest(conn, schema, self.blocks[i], changes=changes,
                                            parents=parents)
        except BaseException as exc:  # handed to the thread that asks for the result
            self._failures.append(exc)

    def thread(self, conn: sqlite3.Connection, schema: str, **tables: str) -> threading.Thread:
        worker = threading.Thread(target=self.work, args=(conn, schema), kwargs=tables,
                                  name="sync-digest", daemon=True)
        worker.start()
        return worker

    def digests(self, indexes: Iterable[int]) -> dict[int, str]:
        """The digests of the blocks at ``indexes`` (all hashed)."""
        return {i: d for i in indexes if (d := self._out[i]) is not None}

    def result(self) -> dict[str, Any]:
        """The manifest's ``payload_sha256``, ``device_sha256`` and ``device_blocks``."""
        if self._failures:
            raise self._failures[0]
        per_device: dict[str, list[tuple[int, str]]] = {}
        for block, digest in zip(self.blocks, self._out, strict=True):
            assert digest is not None
            per_device.setdefault(block.device_id, []).append((block.start, digest))
        devices = {dev: device_digest(b) for dev, b in per_device.items()}
        return {"payload_sha256": combine_digests(devices), "device_sha256": devices,
                "device_blocks": {dev: [list(b) for b in bl]
                                  for dev, bl in per_device.items()}}


def device_digest(blocks: Sequence[tuple[int, str]]) -> str:
    """A device's digest (format 1.1): SHA-256 over its blocks' "start:digest\n" lines."""
    h = hashlib.sha256()
    for start, digest in blocks:
        h.update(f"{start}:{digest}\n".encode("ascii"))
    return h.hexdigest()


def manifest_digests(connections: Sequence[sqlite3.Connection], schema: str, *,
                     changes: str = "changes", parents: str = "change_parents"
                     ) -> dict[str, Any]:
    """The manifest's digests of a payload or of the live log, hashed on one thread per
    connection (``connections`` all read the same snapshot)."""
    job = DigestJob(blocks_of(connections[0], schema, changes=changes))
    workers = [job.thread(c, schema, changes=changes, parents=parents)
               for c in connections[1:]]
    job.work(connections[0], schema, changes=changes, parents=parents)
    for worker in workers:
        worker.join()
    return job.result()


def _flat_device_digests(raw: sqlite3.Connection, schema: str, devices: Iterable[str]
                         ) -> dict[str, str]:
    """Format 1.0: one SHA-256 over each device's whole sections (no blocks)."""
    out: dict[str, str] = {}
    for dev in sorted(devices):
        out[dev] = block_digest(raw, schema, Block(dev, 0, _HLC_FLOOR, _HLC_CEILING))
    return out


def combine_digests(digests: Mapping[str, str]) -> str:
    """``payload_sha256``: SHA-256 over "device:digest\n" lines in device order.

    Two levels, so that an import checks only the devices that bring something new: every
    other change in the file was just found identical, byte for byte, in our own log.
    """
    h = hashlib.sha256()
    for dev in sorted(digests):
        h.update(f"{dev}:{digests[dev]}\n".encode("ascii"))
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Manifest:
    """The payload's manifest, typed (``raw`` keeps every key, known or not)."""

    format_version: tuple[int, int]
    wire_version: int
    min_reader_wire_version: int
    group_id: str
    origin_device_id: str
    export_id: str
    kind: str
    hlc_min: int
    hlc_max: int
    knowledge: dict[str, int]
    counts: dict[str, Any]
    payload_sha256: str
    device_sha256: dict[str, str]
    raw: dict[str, Any]


def device_totals(raw: sqlite3.Connection, table: str, blocks: Sequence[Block]
                  ) -> dict[str, tuple[int, int, int]]:
    """Per device (changes, min hlc, max hlc) from its digest blocks, by seeks: every block
    but the last holds exactly DIGEST_BLOCK changes, so only the last one is counted (the
    export no longer scans the log for figures its blocks already give)."""
    starts: dict[str, list[int]] = {}
    for block in blocks:
        starts.setdefault(block.device_id, []).append(block.start)
    out: dict[str, tuple[int, int, int]] = {}
    for dev, s in starts.items():
        tail, hi = raw.execute(f"SELECT COUNT(*), MAX(hlc) FROM {table} "
                               f"WHERE device_id = ? AND hlc >= ?", (dev, s[-1])).fetchone()
        out[dev] = ((len(s) - 1) * DIGEST_BLOCK + int(tail), s[0], int(hi))
    return out


def knowledge_of(raw: sqlite3.Connection, schema: str = "main", table: str = "sync_change",
                 totals: Mapping[str, int] | None = None) -> dict[str, int]:
    """Per origin device, the highest seq up to which every change is present.

    ``totals``: the number of changes per device when known (:func:`device_totals`); the
    seq range then comes from seeks on the (device_id, seq) index instead of a scan."""
    out: dict[str, int] = {}
    gaps = []
    if totals is None:
        per_device = raw.execute(
            f"SELECT device_id, COUNT(*), MIN(seq), MAX(seq) FROM {schema}.{table} "
            f"GROUP BY device_id").fetchall()
    else:
        per_device = [(dev, n, *raw.execute(
            f"SELECT MIN(seq), MAX(seq) FROM {schema}.{table} WHERE device_id = ?",
            (dev,)).fetchone()) for dev, n in sorted(totals.items())]
    for dev, n, lo, hi in per_device:
        if lo == 1 and n == hi:
            out[dev] = hi
        else:
            gaps.append(dev)
    for dev in gaps:  # rare: find the first missing seq with the (device_id, seq) index
        first_gap = raw.execute(
            f"SELECT MIN(seq) FROM {schema}.{table} c WHERE device_id = ? AND NOT EXISTS "
            f"(SELECT 1 FROM {schema}.{table} c2 WHERE c2.device_id = c.device_id "
            f"AND c2.seq = c.seq + 1)", (dev,)).fetchone()[0]
        has_first = raw.execute(f"SELECT 1 FROM {schema}.{table} WHERE device_id = ? AND seq = 1",
                                (dev,)).fetchone()
        out[dev] = int(first_gap) if has_first else 0
    return out


def build_payload(raw: sqlite3.Connection, identity: Mapping[str, Any], *,
                  source: Path | None = None) -> tuple[bytes, Manifest]:
    """Snapshot the whole change log into a payload image (full export).

    ``raw`` is a driver connection on the live database with no transaction open;
    ``identity`` gives the manifest's identity/origin keys (group_id, origin_device_id, …).

    With ``source`` (the database file), the digest blocks are hashed on another connection
    in a thread while ``raw`` copies the log: both pin the *same* WAL snapshot, taken while a
    third connection holds the write lock for an instant, so no commit can fall between
    them. Writers are blocked only for the snapshot reads, never for the export.
    """
    cipher.attach_memory(raw, _OUT)
    hashers: list[cipher.RawConnection] = []
    try:
        if source is not None and HASH_CONNECTIONS:
            hashers = _pin_twin_snapshots(raw, source, HASH_CONNECTIONS)
        if not hashers:
            raw.execute("BEGIN")
        try:
            # The twins hash from block 0 up while this thread copies; then it hashes what is
            # left from its in-memory copy (the same snapshot, so the same lines).
            # Complete blocks hashed by an earlier export are not hashed again (digest_cache).
            blocks = blocks_of(raw, "main", changes="sync_change")
            epoch = digest_cache.epoch(raw)
            n_parents = digest_cache.parent_counts(raw, "main.sync_change_parent", blocks)
            job = DigestJob(blocks, digest_cache.known(raw, blocks, n_parents, epoch))
            workers = [job.thread(h, "main", changes="sync_change",
                                  parents="sync_change_parent")
                       for h in hashers[:len(job.todo) // 2]]
            totals = device_totals(raw, "main.sync_change", job.blocks)
            for ddl in PAYLOAD_DDL:
                raw.execute(ddl.format(s=_OUT))
            # The bare ``INSERT … SELECT *`` between tables declared alike (STRICT both, the
            # same columns and keys: migration 0004) is SQLite's transfer optimisation: the
            # records are copied as they are, in key order, without decoding them.
            raw.execute(f"INSERT INTO {_OUT}.changes SELECT * FROM main.sync_change")
            raw.execute(f"INSERT INTO {_OUT}.change_parents SELECT * FROM main.sync_change_parent")
            raw.execute(f"INSERT INTO {_OUT}.devices SELECT device_id, name, user_name "
                        f"FROM main.sync_device ORDER BY device_id")
            hlc_min = min((lo for _n, lo, _hi in totals.values()), default=0)
            hlc_max = max((hi for _n, _lo, hi in totals.values()), default=0)
            knowledge = knowledge_of(raw, totals={d: n for d, (n, _lo, _hi) in totals.items()})
            counts = counts_of(raw, "main", "sync_change", "sync_change_parent", "sync_device")
            job.work(raw, _OUT)
            for worker in workers:
                worker.join()
            digests = job.result()
            meta: dict[str, Any] = {
                "magic": FORMAT,
                "format_version": f"{FORMAT_VERSION[0]}.{FORMAT_VERSION[1]}",
                "kind": "full", "base_knowledge": {},
                **identity,
                "hlc_min": hlc_min, "hlc_max": hlc_max,
                "knowledge": knowledge, "counts": counts,
                **digests,
            }
            raw.executemany(f"INSERT INTO {_OUT}.manifest (key, value) VALUES (?, ?)",
                            [(k, json.dumps(v, sort_keys=True)) for k, v in meta.items()])
            raw.execute("COMMIT")
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        digest_cache.keep(raw, blocks, n_parents, job.digests(job.todo), epoch)
        data = cipher.serialize_schema(raw, _OUT, tuple(_COLUMNS))
    finally:
        for hasher in hashers:
            hasher.close()
        raw.execute(f"DETACH DATABASE {_OUT}")
    return data, _manifest(meta)


#: Connections hashing digest blocks during an export, beside the one copying the log.
#: Measured at 600k changes, loose log (median of 4 exports): none (hash after the copy)
#: 1.75 s, one 1.34 s, two 1.51 s — SQLite's allocator and the GIL are shared, so more
#: threads contend. With the STRICT log (migration 0004) the copy alone takes 0.35 s but
#: 0.8 s beside a hashing thread: none 1.70 s, one 1.59 s (median of 8) — still one.
HASH_CONNECTIONS = 1


def _pin_twin_snapshots(raw: sqlite3.Connection, source: Path, count: int
                        ) -> list[cipher.RawConnection]:
    """Open ``count`` more connections reading exactly what ``raw`` reads (see build_payload).

    Empty (hash sequentially) when a long write holds the lock: an export never fails for that.
    """
    lock = cipher.connect(source, isolation_level=None, timeout=2)
    twins = [cipher.connect(source, isolation_level=None, timeout=5, check_same_thread=False)
             for _ in range(count)]
    try:
        try:
            lock.execute("BEGIN IMMEDIATE")  # no commit can happen until the ROLLBACK below
        except cipher.SQLITE_ERRORS:
            for twin in twins:
                twin.close()
            return []
        try:
            for conn in (raw, *twins):
                conn.execute("BEGIN")
                conn.execute("SELECT COUNT(*) FROM main.sync_state").fetchone()  # pinned
        finally:
            lock.execute("ROLLBACK")
    except BaseException:
        for twin in twins:
            twin.close()
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raise
    finally:
        lock.close()
    return twins


def counts_of(raw: sqlite3.Connection, schema: str, changes: str, parents: str, devices: str
            ) -> dict[str, Any]:
    entities = {e: n for e, n in raw.execute(
        f"SELECT entity, COUNT(*) FROM {schema}.{changes} GROUP BY entity ORDER BY entity")}
    return {
        "changes": sum(entities.values()),
        "change_parents": raw.execute(f"SELECT COUNT(*) FROM {schema}.{parents}").fetchone()[0],
        "devices": raw.execute(f"SELECT COUNT(*) FROM {schema}.{devices}").fetchone()[0],
        "entities": entities,
    }


def _manifest(meta: Mapping[str, Any]) -> Manifest:
    try:
        major, minor = (int(x) for x in str(meta["format_version"]).split("."))
        return Manifest(
            (major, minor), int(meta["wire_version"]), int(meta["min_reader_wire_version"]),
            str(meta["group_id"]), str(meta["origin_device_id"]), str(meta["export_id"]),
            str(meta["kind"]), int(meta["hlc_min"]), int(meta["hlc_max"]),
            {str(k): int(v) for k, v in dict(meta["knowledge"]).items()},
            dict(meta["counts"]), str(meta["payload_sha256"]),
            {str(k): str(v) for k, v in dict(meta["device_sha256"]).items()}, dict(meta))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _invalid("manifeste incomplet ou illisible") from exc


# --- Payload: read and validate --------------------------------------------------------------

def attach_payload(raw: sqlite3.Connection, payload: bytes, schema: str = "inc") -> None:
    """``ATTACH ':memory:'`` then ``deserialize`` the payload into it (no file on disk)."""
    cipher.attach_memory(raw, schema)
    try:
        cipher.deserialize_into(raw, payload, schema, tuple(_COLUMNS))
    except cipher.SQLITE_ERRORS as exc:
        raw.execute(f"DETACH DATABASE {schema}")
        raise _invalid("base interne illisible") from exc


def detach_payload(raw: sqlite3.Connection, schema: str = "inc") -> None:
    raw.execute(f"DETACH DATABASE {schema}")


def _invalid(why: str) -> SyncFileError:
    return SyncFileError("sync_invalid_content",
                         "Le contenu du fichier de synchronisation est invalide ({why}). "
                         "Rien n'a été importé.", why=why)


@dataclass
class Validated:
    """A payload that passed every check, with the warnings it deserves."""

    manifest: Manifest
    warnings: list[str] = field(default_factory=list)


def validate_payload(raw: sqlite3.Connection, header: Header, schema: str = "inc", *,
                     reader_wire_version: int) -> Validated:
    """SYNC.md import step 4: integrity, manifest against payload (counts; the hash is
    :func:`verify_payload_hash`), versions, plausibility."""
    try:
        return _validate(raw, header, schema, reader_wire_version)
    except cipher.SQLITE_ERRORS as exc:
        raise _invalid(f"erreur SQLite : {exc}") from exc
    except UnicodeDecodeError as exc:  # SQLite does not check UTF-8: a damaged text is ours
        raise _invalid("texte illisible (UTF-8 invalide)") from exc


def _validate(raw: sqlite3.Connection, header: Header, schema: str, reader_wire: int
              ) -> Validated:
    status = raw.execute(f"PRAGMA {schema}.quick_check").fetchone()[0]
    if status != "ok":
        raise _invalid("contrôle d'intégrité SQLite en échec")
    for table, cols in _COLUMNS.items():
        present = {r[1] for r in raw.execute(f"PRAGMA {schema}.table_info({table})")}
        if not set(cols) <= present:
            raise _invalid(f"table {table} absente ou incomplète")
    meta: dict[str, Any] = {}
    for key, value in raw.execute(f"SELECT key, value FROM {schema}.manifest"):
        try:
            meta[str(key)] = json.loads(value)
        except ValueError as exc:
            raise _invalid("manifeste illisible") from exc
    if meta.get("magic") != FORMAT:
        raise _invalid("manifeste d'un autre format")
    manifest = _manifest(meta)
    if manifest.min_reader_wire_version > reader_wire:
        raise SyncFileTooNew(
            "sync_wire_too_new",
            "Ce fichier demande une version plus récente de Passerelle (schéma d'échange "
            "{version}) : mettez Passerelle à jour pour l'importer. Il reste dans le dossier.",
            version=manifest.min_reader_wire_version)
    if manifest.format_version[0] != header.format_version[0]:
        raise _invalid("version de format incohérente")
    if (manifest.group_id, manifest.export_id, manifest.origin_device_id, manifest.hlc_max) != (
            header.group_id, header.export_id, header.origin_device_id, header.hlc_max):
        raise _invalid("manifeste et en-tête ne concordent pas")
    per_device = _per_device(raw, f"{schema}.changes")
    counts = {
        "changes": sum(n for _d, n, _lo, _hi, _old in per_device),
        "change_parents": raw.execute(f"SELECT COUNT(*) FROM {schema}.change_parents"
                                      ).fetchone()[0],
        "devices": raw.execute(f"SELECT COUNT(*) FROM {schema}.devices").fetchone()[0],
    }
    # The per-entity counts are only summed against the total: counting them means sorting
    # every change by entity (0.19 s at 600k), and they prove nothing the authenticated
    # container and the payload digests do not (a key holder can forge both counts and
    # digests; anyone else is stopped by the AEAD tag or the HMAC).
    entities = manifest.counts.get("entities")
    declared = {k: manifest.counts.get(k) for k in counts}
    if (declared != counts or not isinstance(entities, dict)
            or sum(int(v) for v in entities.values()) != counts["changes"]):
        raise _invalid("nombre d'éléments différent du manifeste")
    _check_plausible(raw, schema, manifest, per_device)
    out = Validated(manifest)
    old = sum(int(o or 0) for _d, _n, _lo, _hi, o in per_device)
    if old:
        out.warnings.append(
            f"{old} changement(s) datés d'avant 2020 : l'horloge d'un appareil était déréglée.")
    return out


def _per_device(raw: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """(device_id, changes, min hlc, max hlc, implausibly old changes) per device, by seeks on
    the primary key and one bare count per device (no column decoded): 0.045 s at 610k
    changes, where one GROUP BY pass computing the same took 0.16 s."""
    old_below = PLAUSIBLE_MIN_MS << 16
    out: list[tuple[Any, ...]] = []
    for dev in _devices_of(raw, table):
        n, lo, hi = raw.execute(
            f"SELECT (SELECT COUNT(*) FROM {table} WHERE device_id = ?), "
            f"(SELECT MIN(hlc) FROM {table} WHERE device_id = ?), "
            f"(SELECT MAX(hlc) FROM {table} WHERE device_id = ?)", (dev, dev, dev)).fetchone()
        old = 0 if type(lo) is int and lo >= old_below else raw.execute(
            f"SELECT COUNT(*) FROM {table} WHERE device_id = ? AND hlc < ?",
            (dev, old_below)).fetchone()[0]
        out.append((dev, n, lo, hi, old))
    return out


#: Verified block digests: (device, lo, hi) → digest of the file's changes in that range.
VerifiedBlocks = dict[tuple[str, int, int], str]


def verify_payload_hash(raw: sqlite3.Connection, schema: str, manifest: Manifest,
                        new: Mapping[str, Sequence[int]] | None = None) -> VerifiedBlocks:
    """The manifest's digests must match what the file brings: ``new`` maps each device that
    brings new changes to their hlcs (None: everything is new, check every device).

    The import calls it before writing anything (see ``sync_merge.merge_attached``). Every
    other change in the file was just found identical, byte for byte, in our own log, so only
    the blocks holding new changes are re-hashed (format 1.1; a 1.0 file re-hashes the
    devices). That ``payload_sha256`` combines the device digests was checked with the
    manifest. Returns the blocks it hashed, which a first import keeps (``digest_cache``).
    """
    wanted = sorted(manifest.device_sha256 if new is None else set(new))
    verified: VerifiedBlocks = {}
    try:
        if manifest.format_version < (1, 1):
            actual = _flat_device_digests(raw, schema, wanted)
            if any(actual[d] != manifest.device_sha256.get(d) for d in wanted):
                raise _invalid("empreinte des changements différente du manifeste")
            return verified
        for dev in wanted:
            declared = _declared_blocks(manifest, dev)
            blocks = _blocks(dev, [start for start, _d in declared])
            if new is None:
                check: Iterable[int] = range(len(blocks))
            else:
                starts = [b.start for b in blocks]
                check = sorted({max(0, bisect.bisect_right(starts, h) - 1) for h in new[dev]})
            for i in check:
                if block_digest(raw, schema, blocks[i]) != declared[i][1]:
                    raise _invalid("empreinte des changements différente du manifeste")
                verified[(dev, blocks[i].lo, blocks[i].hi)] = declared[i][1]
    except cipher.SQLITE_ERRORS as exc:
        raise _invalid(f"erreur SQLite : {exc}") from exc
    return verified


def _declared_blocks(manifest: Manifest, dev: str) -> list[tuple[int, str]]:
    """A device's (start, digest) blocks as the manifest declares them, checked against its
    device digest (strictly increasing starts: a partition of the device's changes)."""
    try:
        declared = [(int(start), str(digest))
                    for start, digest in manifest.raw["device_blocks"][dev]]
    except (KeyError, TypeError, ValueError) as exc:
        raise _invalid("blocs d'empreintes absents du manifeste") from exc
    starts = [start for start, _d in declared]
    if (not declared or any(a >= b for a, b in zip(starts, starts[1:], strict=False))
            or device_digest(declared) != manifest.device_sha256.get(dev)):
        raise _invalid("empreinte des changements différente du manifeste")
    return declared


def _check_plausible(raw: sqlite3.Connection, schema: str, manifest: Manifest,
                     per_device: list[Any]) -> None:
    """File-level checks; the per-change checks run on the new changes only (see
    :data:`NEW_CHANGE_CHECK`), so that re-importing a known file costs no extra scan.
    ``per_device``: (device_id, count, min hlc, max hlc, old) rows of the changes."""
    devices = [d for d, *_rest in per_device]
    if not all(isinstance(d, str) and _UUID_RE.match(d) for d in devices):
        raise _invalid("identifiant d'appareil mal formé")
    if (set(devices) != set(manifest.device_sha256)
            or combine_digests(manifest.device_sha256) != manifest.payload_sha256):
        raise _invalid("empreinte des changements différente du manifeste")
    orphan_parents = raw.execute(f"""
        SELECT COUNT(*) FROM {schema}.change_parents p WHERE NOT EXISTS (
          SELECT 1 FROM {schema}.changes c WHERE c.device_id = p.device_id AND c.hlc = p.hlc)
    """).fetchone()[0]
    if orphan_parents:
        raise _invalid(f"{orphan_parents} lien(s) de parenté sans changement")
    if not all(type(r[2]) is int and type(r[3]) is int for r in per_device):
        raise _invalid("horloges mal formées")
    lo = min((r[2] for r in per_device), default=0)
    hi = max((r[3] for r in per_device), default=0)
    if (lo, hi) != (manifest.hlc_min, manifest.hlc_max):
        raise _invalid("plage d'horloges différente du manifeste")
    if not all(_UUID_RE.match(d) for d in (manifest.origin_device_id, manifest.export_id)):
        raise _invalid("identifiants d'origine invalides")
    for dev, seq in manifest.knowledge.items():
        if not _UUID_RE.match(dev) or seq < 0:
            raise _invalid("connaissance des appareils invalide")


#: Rows of ``{schema}.changes`` (aliased ``i``) among the new ones that are malformed.
#: What a new change (aliased ``i``) must satisfy whatever its table's declaration says…
_CHANGE_VALUES_CHECK = """
    i.hlc <= 0 OR i.seq <= 0 OR i.wire_ver <= 0 OR length(i.row_id) <> 36
    OR i.entity = '' OR i.field = ''
    OR (i.value IS NOT NULL AND NOT json_valid(i.value))
    OR (i.field = '_row' AND i.value NOT IN ('"alive"', '"deleted"'))
"""
#: … and its types, which the STRICT tables of a format 1.2 payload already guarantee.
_CHANGE_TYPES_CHECK = """
    typeof(i.hlc) <> 'integer' OR typeof(i.seq) <> 'integer'
    OR typeof(i.wire_ver) <> 'integer' OR typeof(i.row_id) <> 'text'
    OR typeof(i.entity) <> 'text' OR typeof(i.field) <> 'text'
    OR (i.value IS NOT NULL AND typeof(i.value) <> 'text')
    OR (i.author IS NOT NULL AND typeof(i.author) <> 'text')
"""
#: Every check of a new change (1 or NULL: malformed), for a payload of any declaration.
NEW_CHANGE_CHECK = f"{_CHANGE_TYPES_CHECK} OR {_CHANGE_VALUES_CHECK}"
#: Touched rows (``temp.sync_rows``, aliased ``r``) whose id is not a canonical lower-case
#: UUID: checked once per row rather than once per change (a row has many changes). (A GLOB
#: such as '*[^0-9a-f-]*' costs ten times this ltrim: it backtracks on every row.)
ROW_ID_CHECK = """
    ltrim(r.row_id, '0123456789abcdef-') <> '' OR substr(r.row_id, 9, 1) <> '-'
    OR substr(r.row_id, 14, 1) <> '-' OR substr(r.row_id, 19, 1) <> '-'
    OR substr(r.row_id, 24, 1) <> '-'
"""
NEW_PARENT_CHECK = f"""
    typeof(p.parent_hlc) <> 'integer' OR p.parent_hlc <= 0
    OR typeof(p.parent_device) <> 'text' OR NOT p.parent_device GLOB '{_UUID_GLOB}'
"""


def new_change_check(strict: bool) -> str:
    """The SQL test of a new change ``i`` (true or NULL: malformed); ``strict``: its table is
    declared as :data:`STRICT_LOG_DDL` says (types guaranteed, see there)."""
    return _CHANGE_VALUES_CHECK if strict else NEW_CHANGE_CHECK


def log_tables_sql(schema: str) -> str:
    """SQL listing (name, declaration) of the payload's log tables, for :func:`strict_log`."""
    return (f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' "
            f"AND name IN ('changes', 'change_parents')")


def strict_log(declared: Mapping[str, str]) -> bool:
    """Are the payload's ``changes`` and ``change_parents`` declared exactly as format 1.2
    writes them (``declared``: name → SQL, from :func:`log_tables_sql`)?"""
    return all(declared.get(name) == ddl.format(s="") for name, ddl in STRICT_LOG_DDL.items())


def invalid_new_changes(count: int, parents: int) -> SyncFileError:
    """The error for malformed new changes (raised by the merge, before anything is written)."""
    what = f"{count} changement(s) mal formé(s)" if count else \
        f"{parents} lien(s) de parenté mal formé(s)"
    return _invalid(what)


# --- Writing ---------------------------------------------------------------------------------

def export_name(group_id: str, device_id: str, hlc_max: int, export_id: str) -> str:
    """``{group}-{device}-{hlc_max}-{export_id}.ofsync``: two devices never share a name."""
    return f"{group_id}-{device_id}-{hlc_max}-{export_id}{SUFFIX}"


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` via a temp name, fsync, atomic rename, directory fsync.

    A reader of a shared folder sees either no file or the whole file; the temp name ends in
    ``.tmp`` (not ``.ofsync``) so importers and sync clients skip it.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename itself
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
