"""Sync test kit: peers (separate databases with their own fake clocks), an in-memory keyring,
cheap key derivation, and the two assertions every SYNC.md §2 case makes:

(a) every peer ends with the same ``digest()`` and the same conflict set;
(b) every value ever written is still in the log (and each head is visible or in a conflict).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from passerelle.domain.ids import new_id
from passerelle.infra import secrets as secrets_mod
from passerelle.infra.secrets import SecretStore, new_group
from passerelle.services import sync
from passerelle.store import changelog, sync_file, sync_merge
from passerelle.store.database import Database
from tests.conftest import FakeClock

CHEAP_SYNC_SCRYPT = sync_file.ScryptParams(n=1 << 10, r=8, p=1)
CHEAP_KEY_SCRYPT = secrets_mod.ScryptParams(n=1 << 10, r=8, p=1)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict: tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every sync test runs against an in-memory keyring (DESIGN.md §10)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at n = 2^10 in tests; the production cost is checked once in test_container."""
    monkeypatch.setattr(sync_file, "DEFAULT_SCRYPT", CHEAP_SYNC_SCRYPT)
    monkeypatch.setattr(secrets_mod, "DEFAULT_SCRYPT", CHEAP_KEY_SCRYPT)


@dataclass
class Peer:
    """One laptop: its database, its clock, its outbox."""

    name: str
    db: Database
    clock: FakeClock
    secrets: SecretStore
    outbox: Path
    files: list[Path] = field(default_factory=list)

    def export(self, **kwargs: Any) -> Path:
        report = sync.export_full(self.db, self.outbox, secrets=self.secrets, **kwargs)
        self.files.append(report.path)
        return report.path

    def load(self, path: Path, **kwargs: Any) -> sync.ImportReport:
        kwargs.setdefault("confirm_mass_delete", True)
        report = sync.import_file(self.db, path, secrets=self.secrets,
                                  quarantine_dir=self.outbox.parent / f"q-{self.name}", **kwargs)
        # the reported total (cached, updated by the merge's delta) must be the real one
        listed = self.conflicts()
        assert report.conflicts_total in (None, len(listed)), (report, listed)
        assert report.conflicts <= len(listed)
        assert sync.conflict_count(self.db) == len(listed)  # primes the cache for next time
        return report

    def digest(self) -> str:
        with self.db.read() as s:
            return changelog.digest(s.connection())

    def conflicts(self) -> list[sync_merge.Conflict]:
        return sync.list_conflicts(self.db)

    def log(self) -> set[tuple[Any, ...]]:
        with self.db.engine.connect() as conn:
            return set(conn.exec_driver_sql(
                "SELECT device_id, hlc, seq, entity, row_id, field, value, wire_ver, author "
                "FROM sync_change").all())

    def parents(self) -> set[tuple[Any, ...]]:
        with self.db.engine.connect() as conn:
            return set(conn.exec_driver_sql("SELECT * FROM sync_change_parent").all())

    def hlc(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT hlc FROM sync_state").scalar() or 0)


class Network:
    """Creates peers of one team in a folder; each has its own database and clock."""

    def __init__(self, root: Path, keyring_backend: MemoryKeyring,
                 template: Path | None = None) -> None:
        self.root = root
        self.template = template
        self.keyring = keyring_backend
        package = new_group("Équipe test")
        self.group_id = package.group_id
        self.secrets = SecretStore(keyring_backend)
        self.secrets.set_group_key(package.group_id, package.key)
        self.peers: list[Peer] = []

    def peer(self, name: str, *, start_ms: int = 1_780_000_000_000, join: bool = True) -> Peer:
        clock = FakeClock(start_ms)
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.sqlite"
        if self.template is not None:
            shutil.copy(self.template, path)  # a copy: on_open must give it its own identity
        db = Database(path, author=name.capitalize(), clock_ms=clock)
        report = sync.on_open(db)  # what bootstrap.open_database should do
        assert report.device_reidentified == (self.template is not None)
        if join:
            with db.engine.begin() as conn:
                conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", (self.group_id,))
        peer = Peer(name, db, clock, self.secrets, self.root / "outbox")
        peer.outbox.mkdir(exist_ok=True)
        self.peers.append(peer)
        return peer

    def close(self) -> None:
        for p in self.peers:
            p.db.close()


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the head revision, made once; peers start as copies of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = Database(path)
    sync.on_open(db)
    db.close()
    return path


@pytest.fixture
def net(tmp_path: Path, memory_keyring: MemoryKeyring, empty_template: Path
        ) -> Iterator[Network]:
    network = Network(tmp_path, memory_keyring, empty_template)
    yield network
    network.close()


def exchange(*peers: Peer, rounds: int = 1) -> None:
    """Everyone exports, then everyone imports every file: full exports make one round enough."""
    for _ in range(rounds):
        files = [p.export() for p in peers]
        for p in peers:
            for f in files:
                p.load(f)


def conflict_set(peer: Peer) -> list[tuple[Any, ...]]:
    """Conflicts as comparable tuples (everything but decoded objects)."""
    return [(c.entity, c.row_id, c.field, c.kind,
             tuple((v.field, v.raw, v.author, v.device_id, v.hlc, v.winner) for v in c.values))
            for c in peer.conflicts()]


def assert_converged(*peers: Peer) -> None:
    """(a): same digest, same conflicts, same log; and tables equal their rebuild."""
    first = peers[0]
    for p in peers[1:]:
        assert p.log() == first.log(), f"{p.name} and {first.name} hold different logs"
        assert p.parents() == first.parents()
        assert p.digest() == first.digest(), f"{p.name} and {first.name} differ"
        assert conflict_set(p) == conflict_set(first)
    for p in peers:
        assert_projection_consistent(p)
        with p.db.engine.connect() as conn:  # the SQL count applies the listing's rules
            assert sync_merge.count_conflicts(conn) == len(p.conflicts())


def assert_projection_consistent(peer: Peer) -> None:
    """Incremental projection == full SQL re-projection == changelog.rebuild_projection."""
    live = peer.digest()
    with peer.db.engine.connect() as conn:
        trans = conn.begin()
        sync_merge.reproject_all(conn)
        assert changelog.digest(conn) == live, f"{peer.name}: incremental != full re-projection"
        trans.rollback()
    if not _has_row_conflict(peer):
        # changelog's Python rebuild picks `_row` winners by plain LWW until it adopts
        # sync_merge.WINNER_ORDER (delete wins); both agree whenever `_row` has one head.
        from passerelle.services.maintenance import projection_matches
        assert projection_matches(peer.db.engine), f"{peer.name}: rebuild_projection differs"


def _has_row_conflict(peer: Peer) -> bool:
    with peer.db.engine.connect() as conn:
        return bool(conn.exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM sync_head WHERE field = '_row' "
            "GROUP BY entity, row_id HAVING COUNT(*) > 1)").scalar())


def assert_no_value_lost(written: set[tuple[Any, ...]], *peers: Peer) -> None:
    """(b): every change ever written is in every log; every head is visible or conflicting."""
    for p in peers:
        missing = written - p.log()
        assert not missing, f"{p.name} lost {len(missing)} written change(s)"
        assert_heads_visible_or_conflicting(p)


def assert_heads_visible_or_conflicting(peer: Peer) -> None:
    """No silent loser, checked with an oracle written independently of sync_merge (Python).

    On a live row, a head whose value is not the one shown must be in a field conflict. On a
    deleted row, a head that the deleter could not have known (not an ancestor of the delete,
    nor an earlier change of an ancestor's device) must be in the delete/edit conflict.
    """
    with peer.db.engine.connect() as conn:
        heads = conn.exec_driver_sql(
            "SELECT h.entity, h.row_id, h.field, h.device_id, h.hlc, c.value "
            "FROM sync_head h JOIN sync_change c ON c.device_id = h.device_id "
            "AND c.hlc = h.hlc WHERE c.wire_ver <= 1").all()
        parent_rows = conn.exec_driver_sql("SELECT * FROM sync_change_parent").all()
    parents: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for dev, hlc, pdev, phlc in parent_rows:
        parents.setdefault((dev, hlc), []).append((pdev, phlc))
    by_key: dict[tuple[str, str, str], list[tuple[str, int, str]]] = {}
    for entity, row_id, fld, dev, hlc, value in heads:
        by_key.setdefault((entity, row_id, fld), []).append((dev, hlc, value))
    offered: dict[tuple[str, str], set[tuple[str, str, int]]] = {}
    for c in peer.conflicts():
        offered.setdefault((c.entity, c.row_id), set()).update(
            (v.field, v.device_id, v.hlc) for v in c.values)

    def winner(key: tuple[str, str, str]) -> tuple[str, int, str]:
        return max(by_key[key], key=lambda h: (key[2] == "_row" and h[2] == '"deleted"',
                                               h[1], h[0]))

    def ancestry(root: tuple[str, int]) -> set[tuple[str, int]]:
        seen, todo = {root}, [root]
        while todo:
            for parent in parents.get(todo.pop(), []):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    for (entity, row_id, fld), hs in by_key.items():
        row_key = (entity, row_id, "_row")
        if row_key not in by_key:
            continue
        row_win = winner(row_key)
        for dev, hlc, value in hs:
            in_conflict = (fld, dev, hlc) in offered.get((entity, row_id), set())
            if row_win[2] == '"deleted"':
                anc = ancestry((row_win[0], row_win[1]))
                known = any(a_dev == dev and a_hlc >= hlc for a_dev, a_hlc in anc)
                harmless = fld == "_row" and value == '"deleted"'
                assert known or harmless or in_conflict, (
                    f"{peer.name}: {entity}.{fld}={value} on deleted row {row_id} is hidden "
                    f"and not offered for restore")
            else:
                assert value == winner((entity, row_id, fld))[2] or in_conflict, (
                    f"{peer.name}: {entity}.{fld}={value} of {row_id} lost silently")


def copy_database(src: Peer, target: Path) -> Path:
    """A file-level copy of a closed-then-reopened database (what a user does by hand)."""
    src.db.engine.dispose()
    shutil.copy(src.db.path, target)
    return target


def open_payload(net: Network, path: Path) -> sqlite3.Connection:
    """The payload of the sync file ``path`` (sealed with the team key), in memory."""
    header, body = sync_file.read_header(path.read_bytes())
    mem = sqlite3.connect(":memory:")
    mem.deserialize(sync_file.open_body(header, body, sync_file.unlock(
        header, group_key=net.secrets.get_group_key(net.group_id))))
    return mem


def live_digests(peer: Peer) -> dict[str, Any]:
    """The manifest digests of ``peer``'s live log, every block hashed."""
    pooled = peer.db.engine.raw_connection()
    try:
        return sync_file.manifest_digests([pooled.driver_connection], "main",
                                          changes="sync_change", parents="sync_change_parent")
    finally:
        pooled.close()


def refresh_manifest(mem: sqlite3.Connection) -> dict[str, Any]:
    """After a test edited a payload's tables: recompute counts, hash, ranges, knowledge."""
    meta = {k: json.loads(v) for k, v in mem.execute("SELECT key, value FROM manifest")}
    lo, hi = mem.execute("SELECT COALESCE(MIN(hlc), 0), COALESCE(MAX(hlc), 0) "
                         "FROM changes").fetchone()
    meta.update(hlc_min=lo, hlc_max=hi,
                knowledge=sync_file.knowledge_of(mem, "main", "changes"),
                counts=sync_file.counts_of(mem, "main", "changes", "change_parents", "devices"),
                **sync_file.manifest_digests([mem], "main"))
    mem.execute("DELETE FROM manifest")
    mem.executemany("INSERT INTO manifest VALUES (?, ?)",
                    [(k, json.dumps(v, sort_keys=True)) for k, v in meta.items()])
    mem.commit()
    return meta


def craft(peer: Peer, mutate: Callable[[sqlite3.Connection], None] | None = None, *,
          encrypt: bool = True, group_key: bytes | None | str = "team",
          passphrase: str | None = None, manifest: dict[str, Any] | None = None,
          name: str | None = None) -> Path:
    """A sync file from ``peer`` whose payload ``mutate`` edited, re-sealed with a valid key:
    what a newer/older peer (or a buggy one) would send."""
    export_id = str(new_id())
    identity = {"wire_version": 1, "min_reader_wire_version": 1, "app_version": "test",
                "group_id": sync.team_of(peer.db), "origin_device_id": peer.db.device_id,
                "origin_device_name": peer.name, "export_id": export_id,
                "created_wall": "2026-05-28T00:00:00+00:00", "alembic_head": "0002"}
    pooled = peer.db.engine.raw_connection()
    try:
        payload, _ = sync_file.build_payload(pooled.driver_connection, identity)
    finally:
        pooled.close()
    mem = sqlite3.connect(":memory:")
    mem.deserialize(payload)
    if mutate is not None:
        mutate(mem)
        mem.commit()
    meta = refresh_manifest(mem)
    if manifest:
        meta.update(manifest)
        mem.executemany("INSERT OR REPLACE INTO manifest VALUES (?, ?)",
                        [(k, json.dumps(v, sort_keys=True)) for k, v in manifest.items()])
        mem.commit()
    payload = mem.serialize()
    mem.close()
    key = peer.secrets.get_group_key(str(identity["group_id"])) if group_key == "team" \
        else group_key
    assert key is None or isinstance(key, bytes)
    data = sync_file.seal(payload, group_id=str(identity["group_id"]),
                          origin_device_id=peer.db.device_id, export_id=export_id,
                          hlc_max=int(meta["hlc_max"]), group_key=key, passphrase=passphrase,
                          encrypt=encrypt)
    target = peer.outbox / (name or sync_file.export_name(
        str(identity["group_id"]), peer.db.device_id, int(meta["hlc_max"]), export_id))
    target.write_bytes(data)
    return target
