"""Synchronisation as the window shows it: exchanges, the shared folder, history, the inbox.

``services.sync`` is the engine's use case (one file, one transaction). This module adds what
a facilitator's day needs around it, returning frozen dataclasses the UI shows as they are:

* **a history of exchanges** (exports *and* imports, failures included, with the quarantine
  reason). The engine's ``sync_import_log`` only holds files that landed; failures roll back by
  design. The history lives in ``app_setting`` (local, never synced, backed up with the
  database), written in its own small transaction *after* the import's outcome, so a refused
  file still leaves the synced data exactly as it was;
* **a shared folder** (a Nextcloud or network folder) where every export goes and from which
  « the new files » are imported: those not imported yet, not our own, and not already refused
  with the same content. A file of the shared folder is first **copied locally** (SYNC.md import
  step 1) and the copy is imported: quarantine then moves the copy, never the colleague's file
  out of a folder that a sync client would mirror as a deletion on every laptop;
* **the conflict inbox**: field and delete/edit conflicts from the engine, plus concurrent
  note revisions (append-only rows: two revisions continuing the same one), each with the
  record's title, every competing value, its author, device and time;
* resolutions that refuse to settle a conflict that changed since it was shown (an import
  landed in between): a choice made on stale values would supersede a value nobody saw.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, String, select

from passerelle.domain.errors import NotFound, PasserelleError, ValidationError
from passerelle.domain.merge3 import merge3
from passerelle.infra.secrets import KeyringUnavailable, SecretStore
from passerelle.services import sync
from passerelle.services.common import utcnow
from passerelle.services.sync import ExportReport, ImportReport
from passerelle.store import changelog, models, sync_file, sync_merge
from passerelle.store.database import Database
from passerelle.store.models import NoteRevision, sync_device, sync_import_log, sync_state
from passerelle.store.sync_file import SyncKeyError

HISTORY_SETTING = "sync.exchange_history"
SHARED_FOLDER_SETTING = "sync.shared_folder"
TEAM_NAME_SETTING = "sync.team_name"
HISTORY_LIMIT = 500
STAGING_DIR = "reception"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_EXPORT_NAME = re.compile(rf"^({_UUID})-({_UUID})-(\d+)-({_UUID})\.ofsync$")


# --- Settings ----------------------------------------------------------------------------------

def _read_setting(conn: Connection, key: str) -> Any:
    raw = conn.exec_driver_sql("SELECT value FROM app_setting WHERE key = ?", (key,)).scalar()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _write_setting(conn: Connection, key: str, value: Any) -> None:
    conn.exec_driver_sql(
        "INSERT INTO app_setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)))


def shared_folder(db: Database) -> Path | None:
    """The folder exports go to and new files come from, or None if not chosen yet."""
    with db.engine.connect() as conn:
        value = _read_setting(conn, SHARED_FOLDER_SETTING)
    return Path(value) if isinstance(value, str) and value else None


def set_shared_folder(db: Database, folder: Path | None) -> Path | None:
    """Choose the shared folder (None forgets it). It must exist and must not hold the base.

    SYNC.md: the live database never lives in a synced folder (a sync client would copy a
    half-written file to every colleague).
    """
    if folder is not None:
        folder = Path(folder).expanduser()
        if not folder.is_dir():
            raise ValidationError("shared_folder_missing",
                                  "Le dossier {path} n'existe pas (ou n'est pas un dossier).",
                                  field="shared_folder", path=str(folder))
        base = db.path.resolve().parent
        chosen = folder.resolve()
        if chosen == base or chosen in base.parents:
            raise ValidationError(
                "shared_folder_holds_db",
                "Le dossier partagé ne doit pas contenir la base de Passerelle ({path}) : un "
                "logiciel de synchronisation copierait une base en cours d'écriture. Choisissez "
                "un sous-dossier dédié aux échanges.", field="shared_folder", path=str(db.path))
    with db.engine.begin() as conn:
        _write_setting(conn, SHARED_FOLDER_SETTING, str(folder) if folder else "")
    return folder


# --- Status and teams --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the « Équipe » dialog and the export dialog need to know."""

    team_id: str | None
    #: the name given when the team was created here (teams joined by a file may have none)
    team_name: str | None
    keyring_available: bool
    #: the team key is in this computer's keyring (exports need no passphrase)
    team_key_here: bool
    keyring_where: str
    device_id: str
    device_name: str | None
    shared_folder: Path | None


def sync_status(db: Database, secrets: SecretStore) -> SyncStatus:
    team = sync.team_of(db)
    available = secrets.available()
    here = False
    if team is not None and available:
        try:
            here = secrets.get_group_key(team) is not None
        except KeyringUnavailable:
            available = False
    with db.engine.connect() as conn:
        name = conn.execute(select(sync_state.c.device_name)).scalar()
        team_name = _read_setting(conn, TEAM_NAME_SETTING)
    return SyncStatus(team, team_name if isinstance(team_name, str) and team else None,
                      available, here, secrets.where(), db.device_id, name, shared_folder(db))


def create_team(db: Database, secrets: SecretStore, name: str | None = None) -> SyncStatus:
    """A new team for this database; its name is kept locally and travels in key packages."""
    clean_name = " ".join((name or "").split()) or None
    sync.create_team(db, secrets=secrets, name=clean_name)
    if clean_name:
        with db.engine.begin() as conn:
            _write_setting(conn, TEAM_NAME_SETTING, clean_name)
    return sync_status(db, secrets)


def export_team_key(db: Database, path: Path, secrets: SecretStore, passphrase: str) -> Path:
    """The team key for a colleague, in a file protected by ``passphrase`` (≥ 8 characters)."""
    if path.suffix.lower() != ".ofkey":
        path = path.with_name(path.name + ".ofkey")
    with db.engine.connect() as conn:
        name = _read_setting(conn, TEAM_NAME_SETTING)
    return sync.export_team_key(db, path, secrets=secrets, passphrase=passphrase,
                                name=name if isinstance(name, str) else None)


def join_team(db: Database, path: Path, secrets: SecretStore, passphrase: str) -> SyncStatus:
    sync.join_team(db, path, secrets=secrets, passphrase=passphrase)
    return sync_status(db, secrets)


# --- History -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Exchange:
    """One export or import, as the history lists it."""

    at: datetime
    direction: str  # "export" | "import"
    file_name: str
    #: "ok" | "already" (nothing new) | "quarantined" | "refused" (file kept, retry possible)
    result: str
    peer: str | None = None
    n_changes: int | None = None
    n_conflicts: int | None = None
    n_parked: int | None = None
    #: untranslated French template and its parameters (the UI translates, like errors)
    reason_template: str | None = None
    reason_params: dict[str, str] = field(default_factory=dict)
    quarantine_path: str | None = None
    export_id: str | None = None
    source: str | None = None
    size: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None


def _exchange_to_json(e: Exchange) -> dict[str, Any]:
    return {"at": e.at.isoformat(), "direction": e.direction, "file": e.file_name,
            "result": e.result, "peer": e.peer, "n_changes": e.n_changes,
            "n_conflicts": e.n_conflicts, "n_parked": e.n_parked,
            "reason": e.reason_template, "params": e.reason_params,
            "quarantine": e.quarantine_path, "export_id": e.export_id, "source": e.source,
            "size": e.size, "mtime_ns": e.mtime_ns, "sha256": e.sha256}


def _exchange_from_json(d: dict[str, Any]) -> Exchange | None:
    try:
        at = datetime.fromisoformat(str(d["at"]))
        return Exchange(at if at.tzinfo else at.replace(tzinfo=UTC), str(d["direction"]),
                        str(d["file"]), str(d["result"]), d.get("peer"), d.get("n_changes"),
                        d.get("n_conflicts"), d.get("n_parked"), d.get("reason"),
                        {str(k): str(v) for k, v in (d.get("params") or {}).items()},
                        d.get("quarantine"), d.get("export_id"), d.get("source"),
                        d.get("size"), d.get("mtime_ns"), d.get("sha256"))
    except (KeyError, TypeError, ValueError):
        return None


def _stored_history(conn: Connection) -> list[Exchange]:
    raw = _read_setting(conn, HISTORY_SETTING)
    if not isinstance(raw, list):
        return []
    return [e for e in (_exchange_from_json(d) for d in raw if isinstance(d, dict)) if e]


def _record(db: Database, entry: Exchange) -> None:
    with db.engine.begin() as conn:
        entries = _stored_history(conn)
        entries.append(entry)
        _write_setting(conn, HISTORY_SETTING,
                       [_exchange_to_json(e) for e in entries[-HISTORY_LIMIT:]])


def _peer_names(conn: Connection) -> dict[str, str]:
    names = {}
    for device_id, name, user in conn.execute(select(sync_device)):
        parts = list(dict.fromkeys(p for p in (user, name) if p))
        names[device_id] = " · ".join(parts) or device_id[:8]
    return names


def exchange_history(db: Database, limit: int = HISTORY_LIMIT) -> list[Exchange]:
    """Exports and imports, newest first; imports made outside the window (the command line)
    come from the engine's import log."""
    with db.engine.connect() as conn:
        entries = _stored_history(conn)
        known = {e.export_id for e in entries
                 if e.direction == "import" and e.result == "ok" and e.export_id}
        peers = _peer_names(conn)
        for row in conn.execute(select(sync_import_log).order_by(sync_import_log.c.at.desc())
                                .limit(limit)):
            if row.export_id in known:
                continue
            at = row.at or datetime.fromtimestamp(0, UTC)
            entries.append(Exchange(at.replace(tzinfo=UTC) if at.tzinfo is None else at,
                                    "import", row.export_id, "ok",
                                    peer=peers.get(row.origin or "", row.origin),
                                    n_changes=row.n_new, export_id=row.export_id))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]


# --- Export ------------------------------------------------------------------------------------

def export_changes(db: Database, folder: Path, secrets: SecretStore | None, *,
                   passphrase: str | None = None,
                   cancel: threading.Event | None = None) -> ExportReport:
    """Write a full export into ``folder`` and record it in the history.

    The export is one step that cannot stop half-way; if the user cancelled meanwhile, the
    finished file is removed again, so « Annuler » leaves no file behind.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("export_folder_missing",
                              "Le dossier {path} n'existe pas (ou n'est pas un dossier).",
                              field="folder", path=str(folder))
    report = sync.export_full(db, folder, secrets=secrets, passphrase=passphrase or None)
    if cancel is not None and cancel.is_set():
        report.path.unlink(missing_ok=True)
        raise Cancelled()
    _record(db, Exchange(datetime.now(UTC), "export", report.path.name, "ok",
                         n_changes=report.n_changes, export_id=report.export_id,
                         source=str(report.path), size=report.size_bytes))
    return report


class Cancelled(Exception):  # noqa: N818 - a state, like asyncio.CancelledError
    """The user stopped a batch: what was done stays done, the rest was not started."""


# --- Import ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FileOutcome:
    """How one file of a batch went."""

    path: Path
    result: str  # "ok" | "already" | "quarantined" | "refused"
    report: ImportReport | None = None
    error: PasserelleError | None = None
    quarantine_path: str | None = None

    @property
    def needs_passphrase(self) -> bool:
        """Refused for want of a key: a passphrase (or the team key) may open it."""
        return isinstance(self.error, SyncKeyError)

    @property
    def needs_confirmation(self) -> bool:
        """Stopped by the mass-delete fail-safe: the user may confirm."""
        return isinstance(self.error, sync.MassDeleteRefused)


@dataclass(frozen=True, slots=True)
class BatchReport:
    """The import summary: per file, and the totals the summary dialog leads with."""

    outcomes: tuple[FileOutcome, ...]
    conflicts_total: int
    cancelled: bool = False

    @property
    def new_changes(self) -> int:
        return sum(o.report.new_changes for o in self.outcomes if o.report)

    @property
    def conflicts(self) -> int:
        return sum(o.report.conflicts for o in self.outcomes if o.report)

    @property
    def parked(self) -> int:
        return sum(o.report.parked for o in self.outcomes if o.report)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for o in self.outcomes if o.report for w in o.report.warnings)

    @property
    def failed(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.result in ("quarantined", "refused"))


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def import_files(db: Database, paths: Sequence[Path], secrets: SecretStore | None, *,
                 passphrase: str | None = None, confirm_mass_delete: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: threading.Event | None = None) -> BatchReport:
    """Import files one after the other (each in its own transaction) and record each.

    A file that fails does not stop the batch: its reason is in its outcome (and in the
    history), and the database is exactly as the files before it left it. ``cancel`` stops
    before the next file.
    """
    shared = shared_folder(db)
    outcomes: list[FileOutcome] = []
    total = len(paths)
    cancelled = False
    for n, path in enumerate(paths):
        if progress is not None:
            progress(n, total)
        if cancel is not None and cancel.is_set():
            cancelled = True
            break
        path = Path(path)
        outcomes.append(_import_one(db, path, secrets, passphrase=passphrase,
                                    confirm=confirm_mass_delete, staged=_inside(path, shared)))
    if progress is not None:
        progress(len(outcomes), total)
    return BatchReport(tuple(outcomes), pending_conflicts(db), cancelled)


def _import_one(db: Database, path: Path, secrets: SecretStore | None, *,
                passphrase: str | None, confirm: bool, staged: bool) -> FileOutcome:
    try:
        stat = path.stat()
        size, mtime = stat.st_size, stat.st_mtime_ns
    except OSError:
        size = mtime = None
    source = path
    staging: Path | None = None
    outcome: FileOutcome
    try:
        if staged:
            staging = Path(tempfile.mkdtemp(prefix=".", dir=_staging_root(db)))
            local = staging / path.name
            try:
                shutil.copyfile(path, local)
            except OSError as exc:
                raise sync_file.SyncFileUnavailable(
                    "sync_unreadable", "Impossible de lire {path} : {error}", path=str(path),
                    error=exc.strerror or str(exc)) from exc
            source = local
        report = sync.import_file(db, source, secrets=secrets, passphrase=passphrase,
                                  confirm_mass_delete=confirm)
        outcome = FileOutcome(path, "already" if report.already_imported else "ok", report)
    except PasserelleError as exc:
        where = exc.params.get("quarantine")
        outcome = FileOutcome(path, "quarantined" if where else "refused", error=exc,
                              quarantine_path=str(where) if where else None)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    _record(db, _import_entry(db, outcome, size, mtime))
    return outcome


def _staging_root(db: Database) -> Path:
    root = db.path.parent / STAGING_DIR
    root.mkdir(parents=True, exist_ok=True)
    return root


def _import_entry(db: Database, outcome: FileOutcome, size: int | None,
                  mtime: int | None) -> Exchange:
    report, error = outcome.report, outcome.error
    peer = None
    if report is not None and report.origin_device_id:
        with db.engine.connect() as conn:
            peer = _peer_names(conn).get(report.origin_device_id)
    params = {} if error is None else {
        k: str(v) for k, v in error.params.items() if k != "quarantine"}
    return Exchange(datetime.now(UTC), "import", outcome.path.name, outcome.result, peer,
                    report.new_changes if report else None,
                    report.conflicts if report else None,
                    report.parked if report else None,
                    error.template if error else None, params, outcome.quarantine_path,
                    report.export_id if report and report.export_id else None,
                    str(outcome.path), size, mtime,
                    report.file_sha256 if report and report.file_sha256 else None)


def new_shared_files(db: Database) -> list[Path]:
    """Files of the shared folder to import: not imported yet, not ours, not already refused.

    A file is known by the export id in its name (``{team}-{device}-{hlc}-{export}.ofsync``);
    renamed copies (« conflicted copy ») are imported and found already imported by their
    content. Hidden and temporary files (``.tmp``, Nextcloud ``.part``) are skipped.
    """
    folder = shared_folder(db)
    if folder is None:
        raise ValidationError(
            "shared_folder_unset",
            "Aucun dossier partagé n'est choisi : menu Synchronisation › Dossier partagé…",
            field="shared_folder")
    if not folder.is_dir():
        raise ValidationError("shared_folder_missing",
                              "Le dossier {path} n'existe pas (ou n'est pas un dossier).",
                              field="shared_folder", path=str(folder))
    with db.engine.connect() as conn:
        imported = set(conn.execute(select(sync_import_log.c.export_id)).scalars())
        history = _stored_history(conn)
    own = {e.export_id for e in history if e.direction == "export" and e.export_id}
    refused = {(e.file_name, e.size, e.mtime_ns) for e in history
               if e.direction == "import" and e.result == "quarantined"}
    out = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.suffix != sync_file.SUFFIX or not path.is_file():
            continue
        match = _EXPORT_NAME.match(path.name)
        if match is not None:
            device, export_id = match.group(2), match.group(4)
            if device == db.device_id or export_id in own or export_id in imported:
                continue
        try:
            stat = path.stat()
        except OSError:  # removed meanwhile by the sync client
            continue
        if (path.name, stat.st_size, stat.st_mtime_ns) in refused:
            continue
        out.append(path)
    return out


# --- Conflict inbox ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Choice:
    """One competing value: what it is, who wrote it, where and when."""

    field: str
    value: Any
    author: str | None
    device: str | None
    at: datetime
    winner: bool
    device_id: str = ""
    hlc: int = 0
    #: for a reference to another record, that record's title (the id means nothing to people)
    label: str | None = None


@dataclass(frozen=True, slots=True)
class NoteVersion:
    """One of the concurrent revisions of a meeting's notes."""

    revision_id: str
    body: str
    author: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class InboxItem:
    """A conflict waiting for a person.

    ``kind`` is ``"field"`` (choose a value or write a merged one), ``"delete_edit"`` (the
    first choice is the deletion, the others the edits its author had not seen: restore or
    confirm) or ``"note"`` (``notes`` are the concurrent revisions, ``base`` their common
    ancestor when there is one, ``merged`` the automatic merge when the edits do not overlap).
    """

    kind: str
    entity: str
    row_id: str
    field: str
    title: str
    choices: tuple[Choice, ...] = ()
    #: "text", "long_text", "int", "bool", "date", "list", "uuid" or "other"
    value_type: str = "other"
    max_length: int | None = None
    file_id: str | None = None
    notes: tuple[NoteVersion, ...] = ()
    base: str | None = None
    merged: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.entity, self.row_id, self.field)

    @property
    def heads(self) -> frozenset[tuple[str, int]]:
        return frozenset((c.device_id, c.hlc) for c in self.choices)


_TITLE_SQL = {
    "organisation": "SELECT id, name, NULL FROM organisation",
    "contact": "SELECT id, trim(first_name || ' ' || last_name), NULL FROM contact",
    "partnership_file": "SELECT id, reference || ' · ' || title, id FROM partnership_file",
    "interaction": "SELECT id, subject, file_id FROM interaction",
    "task": "SELECT id, title, file_id FROM task",
    "agreement": "SELECT id, object, file_id FROM agreement",
    "event": "SELECT id, title, NULL FROM event",
    "need": "SELECT id, title, NULL FROM need",
    "offer": "SELECT id, title, NULL FROM offer",
    "template": "SELECT id, name, NULL FROM template",
    "document": "SELECT id, title, file_id FROM document",
    "counterpart": "SELECT id, description, NULL FROM counterpart",
    "stage_change": "SELECT s.id, f.reference || ' · ' || f.title, s.file_id FROM stage_change s "
                    "LEFT JOIN partnership_file f ON f.id = s.file_id",
    "file_party": "SELECT p.id, f.reference || ' · ' || o.name, p.file_id FROM file_party p "
                  "LEFT JOIN partnership_file f ON f.id = p.file_id "
                  "LEFT JOIN organisation o ON o.id = p.organisation_id",
    "contact_organisation": "SELECT l.id, trim(c.first_name || ' ' || c.last_name) || ' · ' || "
                            "o.name, NULL FROM contact_organisation l "
                            "LEFT JOIN contact c ON c.id = l.contact_id "
                            "LEFT JOIN organisation o ON o.id = l.organisation_id",
    "note_revision": "SELECT n.id, i.subject, i.file_id FROM note_revision n "
                     "LEFT JOIN interaction i ON i.id = n.interaction_id",
}


def _titles(conn: Connection, keys: Iterable[tuple[str, str]]
            ) -> dict[tuple[str, str], tuple[str, str | None]]:
    by_entity: dict[str, set[str]] = {}
    for entity, row_id in keys:
        by_entity.setdefault(entity, set()).add(row_id)
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    for entity, ids in by_entity.items():
        sql = _TITLE_SQL.get(entity)
        if sql is None:
            continue
        id_col = sql.split()[1].rstrip(",")
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row_id, title, file_id in conn.exec_driver_sql(
                    f"{sql} WHERE {id_col} IN ({marks})", tuple(chunk)):
                out[(entity, str(row_id))] = (title or "", str(file_id) if file_id else None)
    return out


def _value_type(entity: str, fld: str) -> tuple[str, int | None]:
    model = models.MODEL_BY_ENTITY.get(entity)
    spec = None if model is None else changelog.FIELD_BY_WIRE[model].get(fld)
    if spec is None:
        return "other", None
    col_type = spec.column.type
    from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Text

    from passerelle.store.coltypes import UuidText

    if isinstance(col_type, UuidText):
        return "uuid", None
    if isinstance(col_type, Boolean):
        return "bool", None
    if isinstance(col_type, DateTime):
        return "datetime", None
    if isinstance(col_type, Date):
        return "date", None
    if isinstance(col_type, Integer):
        return "int", None
    if isinstance(col_type, JSON):
        return "list", None
    if isinstance(col_type, Text):
        return "long_text", None
    if isinstance(col_type, String):
        return "text", col_type.length
    return "other", None


def conflict_inbox(db: Database) -> list[InboxItem]:
    """Every conflict waiting for a person, with what the inbox shows of it.

    Listing the engine's conflicts scans the log (≈ 1.3 s on the mda demo); when the cached
    count, exact for the current log, says there are none, the scan is skipped.
    """
    with db.engine.connect() as conn:
        known = sync_merge.cached_conflict_count(conn, recount=False)  # reads only here
        conn.rollback()
    engine_conflicts = [] if known == 0 else sync.list_conflicts(db)
    with db.engine.connect() as conn:
        notes = _note_conflicts(conn)
        keys = [(c.entity, c.row_id) for c in engine_conflicts]
        titles = _titles(conn, keys)
        refs = _referenced_titles(conn, engine_conflicts)
    items: list[InboxItem] = []
    for c in engine_conflicts:
        title, file_id = titles.get((c.entity, c.row_id), ("", None))
        if c.entity == "partnership_file":
            file_id = c.row_id
        kind, length = _value_type(c.entity, c.field)
        items.append(InboxItem(
            c.kind, c.entity, c.row_id, c.field, title,
            tuple(Choice(v.field, v.value, v.author, v.device_name, v.at, v.winner,
                         v.device_id, v.hlc, refs.get((c.entity, v.field, str(v.value))))
                  for v in c.values),
            kind, length, file_id))
    items.extend(notes)
    return items


def _target_entity(entity: str, fld: str) -> str | None:
    """The entity a reference field points to (its foreign key's table)."""
    model = models.MODEL_BY_ENTITY.get(entity)
    spec = None if model is None else changelog.FIELD_BY_WIRE[model].get(fld)
    if spec is None or not spec.column.foreign_keys:
        return None
    return next(iter(spec.column.foreign_keys)).column.table.name


def _referenced_titles(conn: Connection, conflicts: Sequence[sync_merge.Conflict]
                       ) -> dict[tuple[str, str, str], str]:
    """(entity, field, id) → title of the record a competing reference points to."""
    wanted: dict[tuple[str, str, str], tuple[str, str]] = {}
    for c in conflicts:
        for v in c.values:
            target = _target_entity(c.entity, v.field) if v.value is not None else None
            if target is not None:
                wanted[(c.entity, v.field, str(v.value))] = (target, str(v.value))
    found = _titles(conn, wanted.values())
    return {key: found[ref][0] for key, ref in wanted.items() if ref in found}


_NOTE_HEADS_SQL = """
SELECT n.interaction_id, n.id, n.parent_id, n.body, n.author, n.written_at,
       i.subject, i.file_id
FROM note_revision n
JOIN interaction i ON i.id = n.interaction_id
WHERE n.deleted = 0 AND i.deleted = 0
  AND NOT EXISTS (SELECT 1 FROM note_revision c WHERE c.interaction_id = n.interaction_id
                  AND c.parent_id = n.id AND c.deleted = 0)
  AND n.interaction_id IN (
    SELECT h.interaction_id FROM note_revision h
    WHERE h.deleted = 0 AND NOT EXISTS (
      SELECT 1 FROM note_revision c2 WHERE c2.interaction_id = h.interaction_id
      AND c2.parent_id = h.id AND c2.deleted = 0)
    GROUP BY h.interaction_id HAVING COUNT(*) > 1)
ORDER BY n.interaction_id, n.written_at, n.id
"""


def _note_conflicts(conn: Connection) -> list[InboxItem]:
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in conn.exec_driver_sql(_NOTE_HEADS_SQL):
        grouped.setdefault(str(row[0]), []).append(tuple(row))
    items = []
    for interaction_id, heads in grouped.items():
        versions = tuple(NoteVersion(str(h[1]), h[3] or "", h[4], _as_datetime(h[5]))
                         for h in heads)
        base = _common_base(conn, [str(h[2]) for h in heads if h[2]])
        merged = None
        if base is not None and len(versions) == 2:
            merged = merge3(base, versions[0].body, versions[1].body)
        items.append(InboxItem("note", "interaction", interaction_id, "notes", heads[0][6] or "",
                               value_type="long_text",
                               file_id=str(heads[0][7]) if heads[0][7] else None,
                               notes=versions, base=base, merged=merged))
    return items


def _as_datetime(value: Any) -> datetime:
    """Stored naive UTC → aware UTC, like the engine's conflict times."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _common_base(conn: Connection, parent_ids: list[str]) -> str | None:
    """The body of the revision the concurrent ones continued, when they share one."""
    if not parent_ids or len(set(parent_ids)) != 1:
        return None
    body = conn.exec_driver_sql("SELECT body FROM note_revision WHERE id = ?",
                                (parent_ids[0],)).scalar()
    return None if body is None else str(body)


def pending_conflicts(db: Database) -> int:
    """The badge: conflicts waiting (engine's cached count + concurrent note revisions)."""
    count = sync.conflict_count(db)
    with db.engine.connect() as conn:
        notes = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM (SELECT h.interaction_id FROM note_revision h "
            "JOIN interaction i ON i.id = h.interaction_id "
            # only notes with several revisions can have concurrent heads: this index-only
            # pre-filter spares reading every note body at start-up (1.5 s on metropolis)
            "WHERE h.interaction_id IN (SELECT interaction_id FROM note_revision "
            "GROUP BY interaction_id HAVING COUNT(*) > 1) "
            "AND h.deleted = 0 AND i.deleted = 0 AND NOT EXISTS ("
            "SELECT 1 FROM note_revision c WHERE c.interaction_id = h.interaction_id "
            "AND c.parent_id = h.id AND c.deleted = 0) "
            "GROUP BY h.interaction_id HAVING COUNT(*) > 1)").scalar()
    return count + int(notes or 0)


# --- Resolving ---------------------------------------------------------------------------------

def _changed() -> ValidationError:
    return ValidationError("conflict_changed",
                           "Ce conflit a changé depuis son affichage (un import vient "
                           "d'arriver) : la liste a été actualisée, vérifiez les valeurs.",
                           field="conflict")


def _current_heads(db: Database, entity: str, row_id: str, fld: str | None
                   ) -> frozenset[tuple[str, int]]:
    with db.engine.connect() as conn:
        sql = "SELECT device_id, hlc FROM sync_head WHERE entity = ? AND row_id = ?"
        params: tuple[Any, ...] = (entity, row_id)
        if fld is not None:
            sql += " AND field = ?"
            params += (fld,)
        return frozenset((str(d), int(h)) for d, h in conn.exec_driver_sql(sql, params))


def resolve_field(db: Database, item: InboxItem, value: Any) -> None:
    """Keep ``value`` (one of the choices, or a merged value) for a field conflict."""
    if item.kind != "field":
        raise ValueError("resolve_field settles field conflicts")
    if _current_heads(db, item.entity, item.row_id, item.field) != item.heads:
        raise _changed()
    if isinstance(value, str):
        value = value.strip() if item.value_type == "text" else value
        if item.max_length is not None and len(value) > item.max_length:
            raise ValidationError("merged_too_long",
                                  "La valeur saisie est trop longue ({length} caractères, "
                                  "{max} au plus).", field=item.field, length=str(len(value)),
                                  max=str(item.max_length))
    sync.resolve_conflict(db, item.entity, item.row_id, item.field, value)


def _check_row(db: Database, item: InboxItem) -> None:
    if item.kind != "delete_edit":
        raise ValueError("restore and keep_deleted settle delete/edit conflicts")
    now = [i for i in sync.list_conflicts(db) if (i.entity, i.row_id) == (item.entity,
                                                                         item.row_id)]
    if not now or frozenset((v.device_id, v.hlc) for v in now[0].values) != item.heads:
        raise _changed()


def restore(db: Database, item: InboxItem) -> None:
    """« Restaurer »: the row comes back, with the edits made while it was being deleted."""
    _check_row(db, item)
    sync.restore_row(db, item.entity, item.row_id)


def keep_deleted(db: Database, item: InboxItem) -> None:
    """Confirm the deletion after seeing the edits (they stay in the history)."""
    _check_row(db, item)
    sync.keep_deleted(db, item.entity, item.row_id)


def resolve_note(db: Database, item: InboxItem, body: str) -> str:
    """Settle concurrent note revisions with ``body`` (one of them, or a merge).

    A revision has one parent, so the merged text continues the most recent revision and the
    other concurrent ones are closed with a tombstone: their text stays in the change log (the
    audit trail) and reappears as a conflict if someone continued one of them meanwhile.
    """
    if item.kind != "note":
        raise ValueError("resolve_note settles note conflicts")
    text = body.strip()
    if not text:
        raise ValidationError("note_empty", "Les notes fusionnées sont vides.", field="notes")
    ids = [uuid.UUID(n.revision_id) for n in item.notes]
    with db.write() as s:
        live = s.scalars(select(NoteRevision).where(
            NoteRevision.interaction_id == uuid.UUID(item.row_id),
            NoteRevision.deleted.is_(False))).all()
        parents = {r.parent_id for r in live}
        heads = {r.id for r in live if r.id not in parents}
        if heads != set(ids):
            raise _changed()
        by_id = {r.id: r for r in live}
        latest = max((by_id[i] for i in ids), key=lambda r: (r.written_at, str(r.id)))
        if not live:
            raise NotFound("not_found", "L'enregistrement {id} est introuvable.", id=item.row_id)
        merged = NoteRevision(interaction_id=latest.interaction_id, parent_id=latest.id,
                              body=text, author=db.user_name, written_at=utcnow())
        s.add(merged)
        for i in ids:
            if i != latest.id:
                by_id[i].deleted = True
        s.flush()
        return str(merged.id)


__all__ = [
    "BatchReport", "Cancelled", "Choice", "Exchange", "FileOutcome", "InboxItem",
    "NoteVersion", "SyncStatus", "conflict_inbox", "create_team", "exchange_history",
    "export_changes", "export_team_key", "import_files", "join_team", "keep_deleted",
    "new_shared_files", "pending_conflicts", "resolve_field", "resolve_note", "restore",
    "set_shared_folder", "shared_folder", "sync_status",
]
