"""Synchronisation through files (SYNC.md): teams, full exports, imports, conflicts.

The promise to facilitators: nothing written is ever lost, every peer that has seen the same
files shows the same data, and every real conflict is shown to a person. The engine lives in
``store.sync_merge`` (merge, heads, projection, conflicts) and ``store.sync_file`` (payload and
container); this module is the use case: keys, files on disk, the one transaction, the
fail-safes, and the reports the CLI and the UI show.

Choices worth knowing (reasons in the code below):

* an import holds the write lock from its first statement (``BEGIN`` + an immediate write,
  equivalent to ``BEGIN IMMEDIATE`` under ``engine.py``'s own ``BEGIN`` hook);
* quarantine is for files that are the problem (damaged, tampered, invalid, foreign team,
  cloned history). A file kept back for a reason that is not its fault — a newer format, a
  missing or wrong key, the mass-delete fail-safe, a locked disk, a crash — stays where it is,
  so that re-running the same command works;
* the mass-delete fail-safe needs both a ratio (> 50 % of the live rows hidden) and a minimum
  of :data:`MASS_DELETE_MIN_ROWS` rows, otherwise deleting one organisation out of a
  three-row test base would ask for confirmation every time;
* device identity: the file's location lives in ``app_setting`` (local, never synced) and the
  export watermark in a sidecar file; no schema change was needed (see ``ensure_identity``);
* ``ImportReport.conflicts`` counts the open conflicts on the records the file touched (exact
  and cheap); ``conflicts_total`` is every open conflict when known without a full scan
  (a cache kept exact across imports), else None: :func:`conflict_count` recounts (≈ 0.6 s
  at 600k changes), which the badge can run off the UI thread;
* clock skew: a peer more than :data:`MAX_FORWARD_MS` ahead of our wall clock is imported with
  a warning but our HLC does not follow it (no "time bomb"); a causal child of a skewed change
  still supersedes it, because heads, not clocks, decide supersession.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from passerelle.domain.errors import PasserelleError, StorageUnavailable, ValidationError
from passerelle.domain.ids import new_id
from passerelle.infra.secrets import (
    KeyPackage,
    KeyringUnavailable,
    SecretStore,
    new_group,
    read_key_package,
    write_key_package,
)
from passerelle.store import changelog, models, sync_file, sync_merge
from passerelle.store.database import Database
from passerelle.store.models import sync_import_log, sync_state
from passerelle.store.sync_file import SyncFileError, SyncKeyError
from passerelle.store.sync_merge import CloneDetected, Conflict

log = logging.getLogger(__name__)

MASS_DELETE_RATIO = 0.5
MASS_DELETE_MIN_ROWS = 10
#: An HLC further ahead than this is a wrong clock: warn, and do not drag our clock along.
MAX_FORWARD_MS = 24 * 3600 * 1000
QUARANTINE_DIR = "quarantaine"
INC = "inc"


class MassDeleteRefused(PasserelleError):
    """The import would hide most of the live rows: nothing applied, confirmation needed."""

    quarantine = False

    def __init__(self, hidden: int, live: int) -> None:
        self.hidden, self.live = hidden, live
        super().__init__(
            "sync_mass_delete",
            "Ce fichier masquerait {hidden} des {live} enregistrements visibles ({percent} %). "
            "Par sécurité rien n'a été importé : vérifiez sa provenance, puis confirmez "
            "l'import (option --yes).",
            hidden=hidden, live=live, percent=round(100 * hidden / max(live, 1)))


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote."""

    path: Path
    export_id: str
    group_id: str
    n_changes: int
    size_bytes: int
    hlc_max: int
    slots: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: the summary the CLI prints and the UI shows."""

    new_changes: int
    #: open conflicts on the records this file touched (new or still unsettled)
    conflicts: int
    parked: int
    warnings: tuple[str, ...]
    already_imported: bool
    #: every open conflict, when known without a full scan (else None: see conflict_count)
    conflicts_total: int | None = None
    export_id: str = ""
    origin_device_id: str = ""
    hidden_rows: int = 0
    orphans: int = 0
    device_reidentified: bool = False
    file_sha256: str = ""


@dataclass(frozen=True, slots=True)
class ImportLogEntry:
    export_id: str
    origin: str | None
    result: str | None
    n_new: int | None
    at: datetime | None


# --- Identity and teams ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class OpenReport:
    """What :func:`on_open` had to do."""

    device_reidentified: bool
    reprojected: bool


def on_open(db: Database) -> OpenReport:
    """Sync housekeeping when a database is opened (``bootstrap.open_database``).

    Re-identifies a copied or restored database before it writes anything under a borrowed
    device id, and re-projects once after an upgrade changed the wire version.
    """
    reidentified = ensure_device_identity(db)
    with db.engine.begin() as conn:
        reprojected = sync_merge.ensure_projection_current(conn)
    return OpenReport(reidentified, reprojected)


def ensure_device_identity(db: Database) -> bool:
    """Give the database a new device id if it is a copy or a restored backup (SYNC.md test 12).

    Call it when a database is opened (``bootstrap.open_database``); export and import call it
    too. Returns True when the device was re-identified.
    """
    with db.engine.begin() as conn:
        new = sync_merge.ensure_identity(conn, db.path)
    if new is not None:
        db.device_id = new
    return new is not None


def team_of(db: Database) -> str | None:
    """The team (group id) this database syncs with, or None before creating/joining one."""
    with db.engine.connect() as conn:
        value = conn.execute(select(sync_state.c.group_id).where(sync_state.c.id == 1)).scalar()
    return str(value) if value else None


def _set_team(conn: Connection, group_id: str) -> None:
    conn.execute(sync_state.update().where(sync_state.c.id == 1).values(group_id=group_id))


def create_team(db: Database, *, secrets: SecretStore, name: str | None = None) -> str:
    """Create a team: a new group id for this database and its key in the keyring."""
    if team_of(db) is not None:
        raise ValidationError("team_exists", "Cette base appartient déjà à une équipe.",
                              field="team")
    package = new_group(name)
    secrets.set_group_key(package.group_id, package.key)
    with db.engine.begin() as conn:
        _set_team(conn, package.group_id)
    return package.group_id


def export_team_key(db: Database, path: Path, *, secrets: SecretStore, passphrase: str,
                    name: str | None = None) -> Path:
    """Write the team key for a colleague, protected by ``passphrase`` (a key package)."""
    group = _require_team(db)
    key = secrets.get_group_key(group)
    if key is None:
        raise KeyringUnavailable("team_key_missing",
                                 "La clé de l'équipe n'est pas dans le trousseau de cet "
                                 "ordinateur.")
    return write_key_package(path, KeyPackage(group, key, name), passphrase)


def join_team(db: Database, path: Path, *, secrets: SecretStore, passphrase: str) -> str:
    """Import a key package: the key goes to the keyring, the database joins the team."""
    package = read_key_package(path, passphrase)
    current = team_of(db)
    if current is not None and current != package.group_id:
        raise ValidationError("team_other", "Cette base appartient déjà à une autre équipe.",
                              field="team")
    secrets.set_group_key(package.group_id, package.key)
    with db.engine.begin() as conn:
        _set_team(conn, package.group_id)
    return package.group_id


def _require_team(db: Database) -> str:
    group = team_of(db)
    if group is None:
        raise ValidationError(
            "team_missing",
            "Cette base n'appartient à aucune équipe : créez une équipe, ou rejoignez celle "
            "de vos collègues avec leur fichier de clé d'équipe.", field="team")
    return group


def _group_key(secrets: SecretStore | None, group: str, passphrase: str | None,
               warnings: list[str]) -> bytes | None:
    """The team key from the keyring; without a keyring, None if a passphrase can stand in."""
    if secrets is None:
        return None
    try:
        return secrets.get_group_key(group)
    except KeyringUnavailable as exc:
        if not passphrase:
            raise SyncKeyError(exc.message_key, exc.message) from exc
        warnings.append("Pas de trousseau de clés : fichier protégé par la phrase de passe.")
        return None


# --- Export -----------------------------------------------------------------------------------

def export_full(db: Database, out: Path, *, secrets: SecretStore | None,
                passphrase: str | None = None, encrypt: bool = True) -> ExportReport:
    """Write a full export of the change log (SYNC.md "Export file") and return what it wrote.

    ``out`` is a folder (the file gets its collision-free name) or a file path. The file is
    protected by the team key (keyring) and/or ``passphrase``; never written in clear.
    ``encrypt=False`` keeps the payload readable but still authenticated (HMAC).
    """
    ensure_device_identity(db)
    group = _require_team(db)
    warnings: list[str] = []
    key = _group_key(secrets, group, passphrase, warnings)
    if key is None and not passphrase:
        raise SyncKeyError(
            "sync_no_key",
            "La clé de l'équipe n'est pas dans le trousseau de cet ordinateur : importez le "
            "fichier de clé d'équipe, ou protégez l'export avec une phrase de passe.")
    export_id = str(new_id())
    identity = {
        "wire_version": models.WIRE_VERSION,
        "min_reader_wire_version": 1,
        "app_version": _app_version(),
        "group_id": group,
        "origin_device_id": db.device_id,
        "export_id": export_id,
        "created_wall": changelog.hlc_to_datetime(_wall_ms(db) << 16).isoformat(),
    }
    pooled = db.engine.raw_connection()
    try:
        raw = pooled.driver_connection
        assert raw is not None
        row = raw.execute("SELECT device_name FROM sync_state WHERE id = 1").fetchone()
        head = raw.execute("SELECT version_num FROM alembic_version").fetchone()
        identity.update(origin_device_name=row[0] if row else None,
                        alembic_head=head[0] if head else None)
        payload, manifest = sync_file.build_payload(raw, identity, source=db.path)
    finally:
        pooled.close()
    data = sync_file.seal(payload, group_id=group, origin_device_id=db.device_id,
                          export_id=export_id, hlc_max=manifest.hlc_max, group_key=key,
                          passphrase=passphrase, encrypt=encrypt)
    del payload
    name = sync_file.export_name(group, db.device_id, manifest.hlc_max, export_id)
    target = out / name if out.is_dir() or not out.suffix else out
    sync_file.write_atomic(target, data)
    sync_merge.write_watermark(db.path, db.device_id, manifest.knowledge.get(db.device_id, 0))
    slots = tuple(k for k, on in (("group", key is not None), ("passphrase", bool(passphrase)))
                  if on)
    log.info("sync export %s: %d changes, %d bytes", export_id,
             manifest.counts.get("changes", 0), len(data))
    return ExportReport(target, export_id, group, int(manifest.counts.get("changes", 0)),
                        len(data), manifest.hlc_max, slots)


def _app_version() -> str:
    try:
        return metadata.version("passerelle")
    except metadata.PackageNotFoundError:
        return "0"


def _wall_ms(db: Database) -> int:
    """The database's wall clock (tests give each peer a fake one)."""
    context = getattr(db, "_context", None)
    clock: Callable[[], int] = getattr(context, "clock_ms", changelog.system_clock_ms)
    return clock()


# --- Import -----------------------------------------------------------------------------------

def import_file(db: Database, path: Path, *, secrets: SecretStore | None,
                passphrase: str | None = None, confirm_mass_delete: bool = False,
                quarantine_dir: Path | None = None,
                max_forward_ms: int = MAX_FORWARD_MS) -> ImportReport:
    """Apply a sync file in one transaction (SYNC.md "Import algorithm").

    Fails closed: on any error the transaction rolls back and the database is unchanged; a
    file that is itself the problem moves to ``quarantine_dir`` (default: ``quarantaine``
    beside the database) with a ``.reason.txt``.
    """
    path = Path(path)
    reidentified = ensure_device_identity(db)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise sync_file.SyncFileUnavailable(
            "sync_unreadable", "Impossible de lire {path} : {error}", path=str(path),
            error=exc.strerror or str(exc)) from exc
    try:
        report = _import_bytes(db, data, secrets=secrets, passphrase=passphrase,
                               confirm=confirm_mass_delete, max_forward_ms=max_forward_ms)
    except (SyncFileError, CloneDetected) as exc:
        if isinstance(exc, CloneDetected) and db.device_id in exc.devices:
            _reidentify_after_clone(db)
        if getattr(exc, "quarantine", False):
            target = quarantine(path, data, exc, quarantine_dir or db.path.parent / QUARANTINE_DIR)
            exc.params["quarantine"] = str(target)
        raise
    if reidentified and not report.device_reidentified:
        report = replace(report, device_reidentified=True)
    return report


def _reidentify_after_clone(db: Database) -> None:
    """Our own history forked: new writes must not reuse the forked id (nothing rewritten)."""
    with db.engine.begin() as conn:
        db.device_id = sync_merge.reidentify(conn, "clone detected at import")
        sync_merge.ensure_identity(conn, db.path)


def _import_bytes(db: Database, data: bytes, *, secrets: SecretStore | None,
                  passphrase: str | None, confirm: bool, max_forward_ms: int) -> ImportReport:
    sha = hashlib.sha256(data).hexdigest()
    header, body = sync_file.read_header(data)
    if _already_imported(db, header.export_id):
        # The id is only authenticated after decryption, but a forged one can only make us
        # skip a file, never apply anything: checking first spares the decryption.
        return _already(db, header.export_id, header.origin_device_id, sha)
    local_group = team_of(db)
    if local_group is not None and header.group_id != local_group:
        raise SyncFileError("sync_other_team",
                            "Ce fichier vient d'une autre équipe ({group}) : il n'est pas "
                            "importé.", group=header.group_id[:8])
    warnings: list[str] = []
    key = None
    if header.slot("group") is not None:
        key = _group_key(secrets, header.group_id, passphrase, warnings)
    dek = sync_file.unlock(header, group_key=key, passphrase=passphrase)
    payload = sync_file.open_body(header, body, dek)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        sync_file.attach_payload(raw, payload, INC)
        del payload  # SQLite holds its own copy now
        try:
            validated = sync_file.validate_payload(raw, header, INC,
                                                   reader_wire_version=models.WIRE_VERSION)
            warnings.extend(validated.warnings)
            manifest = validated.manifest

            def verify(new: dict[str, list[int]] | None) -> sync_file.VerifiedBlocks:
                return sync_file.verify_payload_hash(raw, INC, manifest, new)

            return _merge(db, conn, manifest, sha, warnings, confirm=confirm,
                          max_forward_ms=max_forward_ms, adopt_group=local_group is None,
                          verify=verify)
        finally:
            if conn.in_transaction():
                conn.rollback()
            sync_file.detach_payload(raw, INC)


def _already(db: Database, export_id: str, origin: str, sha: str) -> ImportReport:
    """Nothing to apply (SYNC.md step 5): the database and its clock stay as they are."""
    return ImportReport(0, 0, 0, (), already_imported=True, conflicts_total=_known_total(db),
                        export_id=export_id, origin_device_id=origin, file_sha256=sha)


def _already_imported(db: Database, export_id: str) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(select(sync_import_log.c.export_id).where(
            sync_import_log.c.export_id == export_id)).first() is not None


def _known_total(db: Database) -> int | None:
    """The conflict total if cached for the current log, without scanning."""
    with db.engine.begin() as conn:
        return sync_merge.cached_conflict_count(conn, recount=False)


def conflict_count(db: Database) -> int:
    """Open conflicts (the badge): cached for the current log, else counted (≈ 0.6 s at
    600k changes; run it off the UI thread)."""
    with db.engine.begin() as conn:
        count = sync_merge.cached_conflict_count(conn)
    assert count is not None
    return count


def _merge(db: Database, conn: Connection, manifest: sync_file.Manifest, sha: str,
           warnings: list[str], *, confirm: bool, max_forward_ms: int, adopt_group: bool,
           verify: Callable[[dict[str, list[int]] | None], sync_file.VerifiedBlocks]
           ) -> ImportReport:
    trans = conn.begin()
    try:
        # Take the write lock now (what BEGIN IMMEDIATE does): no read snapshot to upgrade.
        conn.exec_driver_sql("UPDATE sync_state SET hlc = hlc WHERE id = 1")
        if conn.execute(select(sync_import_log.c.export_id).where(
                sync_import_log.c.export_id == manifest.export_id)).first() is not None:
            trans.rollback()
            return _already(db, manifest.export_id, manifest.origin_device_id, sha)
        result = sync_merge.merge_attached(conn, INC, count_live_from=MASS_DELETE_MIN_ROWS,
                                           before_write=verify)
        reidentified = False
        if result.own_device_changes:
            # The file holds changes of *our* device that we lack: this database is an
            # older copy of itself. New writes must use a new id.
            db.device_id = sync_merge.reidentify(conn, "own changes arrived from a peer")
            sync_merge.ensure_identity(conn, db.path)
            reidentified = True
            warnings.append("Cette base est une copie plus ancienne d'elle-même (sauvegarde "
                            "restaurée ou base copiée) : elle a reçu une nouvelle identité "
                            "d'appareil. Rien n'a été perdu.")
        if (not confirm and result.hidden_rows >= MASS_DELETE_MIN_ROWS
                and result.hidden_rows > MASS_DELETE_RATIO * result.live_before):
            raise MassDeleteRefused(result.hidden_rows, result.live_before)
        if adopt_group:
            _set_team(conn, manifest.group_id)
        if result.new_changes:  # nothing new: the clock must not move (SYNC.md test 4)
            _observe_clock(db, conn, manifest.hlc_max, max_forward_ms, warnings)
        _record(conn, manifest, sha, result.new_changes)
        orphans = len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
        if orphans:
            warnings.append(f"{orphans} référence(s) vers un enregistrement pas encore reçu "
                            f"(il arrivera avec le fichier d'un autre collègue).")
        if result.parked:
            warnings.append(f"{result.parked} changement(s) d'une version plus récente de "
                            f"Passerelle sont conservés et transmis, mais pas encore affichés.")
        total = sync_merge.cached_conflict_count(
            conn, recount=False, delta=None if result.conflict_delta is None
            else (result.new_changes, result.conflict_delta))
        trans.commit()
    except IntegrityError as exc:
        trans.rollback()
        raise SyncFileError("sync_invalid_content",
                            "Le contenu du fichier de synchronisation est invalide ({why}). "
                            "Rien n'a été importé.", why=str(exc.orig)) from exc
    except OperationalError as exc:
        trans.rollback()
        if "full" in str(exc.orig):
            raise StorageUnavailable(
                "sync_disk_full", "Le disque est plein : rien n'a été importé. Libérez de la "
                "place puis relancez l'import (le fichier reste à sa place).") from exc
        raise StorageUnavailable("sync_storage",
                                 "La base n'a pas pu être modifiée ({error}) : rien n'a été "
                                 "importé.", error=str(exc.orig)) from exc
    except BaseException:
        trans.rollback()
        raise
    log.info("sync import %s: %d new, %d parked, %d conflicts", manifest.export_id,
             result.new_changes, result.parked, result.conflicts_touched)
    return ImportReport(result.new_changes, result.conflicts_touched, result.parked,
                        tuple(warnings), conflicts_total=total,
                        already_imported=False, export_id=manifest.export_id,
                        origin_device_id=manifest.origin_device_id,
                        hidden_rows=result.hidden_rows, orphans=orphans,
                        device_reidentified=reidentified, file_sha256=sha)


def _observe_clock(db: Database, conn: Connection, hlc_max: int, max_forward_ms: int,
                   warnings: list[str]) -> None:
    """Advance our HLC to the newest plausible incoming change; warn about the others."""
    limit = (_wall_ms(db) + max_forward_ms) << 16
    if hlc_max <= limit:  # the usual case: no scan needed
        sync_merge.observe_hlc(conn, hlc_max)
        return
    plausible = conn.exec_driver_sql(
        f"SELECT MAX(hlc) FROM {INC}.changes WHERE hlc <= ?", (limit,)).scalar()
    ahead, newest = conn.exec_driver_sql(
        f"SELECT COUNT(*), MAX(hlc) FROM {INC}.changes WHERE hlc > ?", (limit,)).one()
    if plausible is not None:
        sync_merge.observe_hlc(conn, int(plausible))
    if ahead:
        when = changelog.hlc_to_datetime(int(newest)).strftime("%d/%m/%Y")
        warnings.append(f"{ahead} changement(s) sont datés du futur (jusqu'au {when}) : "
                        f"l'horloge d'un appareil est déréglée. Ils sont importés, mais "
                        f"l'horloge de cet ordinateur n'a pas été avancée.")


def _record(conn: Connection, manifest: sync_file.Manifest, sha: str, n_new: int) -> None:
    if manifest.knowledge:
        conn.exec_driver_sql(
            "INSERT INTO sync_peer_knowledge (peer, origin_device, max_contiguous_seq) "
            "VALUES (?, ?, ?) ON CONFLICT (peer, origin_device) DO UPDATE SET "
            "max_contiguous_seq = MAX(max_contiguous_seq, excluded.max_contiguous_seq)",
            [(manifest.origin_device_id, dev, seq) for dev, seq in manifest.knowledge.items()])
    conn.execute(insert(sync_import_log).values(
        export_id=manifest.export_id, origin=manifest.origin_device_id, file_sha256=sha,
        result="imported", n_new=n_new,
        at=datetime.now(UTC).replace(tzinfo=None)))


def quarantine(path: Path, data: bytes, exc: PasserelleError, directory: Path) -> Path:
    """Move a refused file aside with a ``.reason.txt``; copy it if it cannot be moved."""
    directory.mkdir(parents=True, exist_ok=True)
    note = ""
    if path.resolve().parent == directory.resolve():
        target = path
    else:
        target = directory / path.name
        if target.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            target = directory / f"{path.stem}-{stamp}{path.suffix}"
        try:
            shutil.move(str(path), target)
        except OSError:
            target.write_bytes(data)
            note = "Le fichier d'origine n'a pas pu être déplacé : il est resté à sa place.\n"
    reason = target.with_name(target.name + ".reason.txt")
    reason.write_text(
        f"Date : {datetime.now(UTC).isoformat(timespec='seconds')}\n"
        f"Fichier : {path}\n"
        f"Empreinte SHA-256 : {hashlib.sha256(data).hexdigest()}\n"
        f"Motif ({exc.message_key}) : {exc.message}\n{note}", encoding="utf-8")
    log.warning("sync file quarantined (%s): %s", exc.message_key, target.name)
    return target


# --- Conflicts and history --------------------------------------------------------------------

def list_conflicts(db: Database) -> list[Conflict]:
    """Every open conflict (field, and delete/edit), for the conflict inbox."""
    with db.engine.connect() as conn:
        return sync_merge.conflicts(conn)


def resolve_conflict(db: Database, entity: str, row_id: uuid.UUID | str, field_name: str,
                     value: Any) -> None:
    """Keep ``value`` (one of the competing values, or a merged one) for the field."""
    sync_merge.resolve(db, entity, row_id, field_name, value)


def restore_row(db: Database, entity: str, row_id: uuid.UUID | str) -> None:
    """« Restaurer »: bring a deleted row back, with the edits its deleter had not seen."""
    sync_merge.restore(db, entity, row_id)


def keep_deleted(db: Database, entity: str, row_id: uuid.UUID | str) -> None:
    """Confirm a deletion after seeing the concurrent edits (closes the conflict)."""
    sync_merge.confirm_delete(db, entity, row_id)


def import_history(db: Database, limit: int = 200) -> list[ImportLogEntry]:
    """The last imports, newest first."""
    with db.read() as s:
        rows = s.execute(select(sync_import_log).order_by(sync_import_log.c.at.desc())
                         .limit(limit)).all()
    return [ImportLogEntry(r.export_id, r.origin, r.result, r.n_new, r.at) for r in rows]


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Live organisations that look like one (same SIREN, RNA or name)."""

    reason: str
    ids: tuple[str, ...] = field(default_factory=tuple)


def duplicate_organisations(db: Database) -> list[DuplicateGroup]:
    """Organisations created independently on two laptops: kept both, flagged here.

    Uniqueness cannot hold across offline peers (SYNC.md), so duplicates are detected after
    the fact and merged by a person.
    """
    sql = text("""
        SELECT 'siren', group_concat(id, ',') FROM (SELECT id, siren FROM organisation
          WHERE deleted = 0 AND siren IS NOT NULL ORDER BY id) GROUP BY siren
          HAVING COUNT(*) > 1
        UNION ALL
        SELECT 'rna', group_concat(id, ',') FROM (SELECT id, rna FROM organisation
          WHERE deleted = 0 AND rna IS NOT NULL ORDER BY id) GROUP BY rna HAVING COUNT(*) > 1
        UNION ALL
        SELECT 'name', group_concat(id, ',') FROM (SELECT id, lower(trim(pligatures(name)))
          AS k FROM organisation WHERE deleted = 0 ORDER BY id) GROUP BY k HAVING COUNT(*) > 1
    """)
    with db.read() as s:
        rows = s.execute(sql).all()
    groups = [DuplicateGroup(r[0], tuple(sorted(r[1].split(",")))) for r in rows]
    return sorted(groups, key=lambda g: (g.reason, g.ids))
