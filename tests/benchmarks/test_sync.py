"""SYNC.md §2 case 13 (scale): 100k rows × 6 fields through the real export and import.

Run on demand: ``python -m pytest -m benchmark tests/benchmarks/test_sync.py -s``. Every figure
is printed next to a raw-sqlite3 floor measured in the same run (and the SYNC.md budget):

* export (it hashes only the open digest block of each device: the commits that completed
  the others hashed them, store/digest_cache.py; after an erasure every block is hashed
  again, timed too) — floor: ``ATTACH`` + ``CREATE TABLE AS SELECT`` of
  the log, ``serialize``, zstd, AES-GCM (what the prototype measured, without manifest, hash,
  parents or devices);
* first import — floor: ``INSERT … SELECT`` of the file's changes into an empty log with the
  same keys and indexes (no heads, no projection, no FTS);
* re-imports and the exchange — floor: decrypt + inflate + an anti-join of the file against
  the log (the unavoidable cost of reading a full file).

The first import also runs in a child process, to measure its peak RSS alone. After every
import, ``rebuild_projection()`` must equal the live tables.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import keyring
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from passerelle.infra.secrets import SecretStore, new_group
from passerelle.services import sync
from passerelle.services.maintenance import projection_matches
from passerelle.store import changelog, digest_cache, sync_file
from passerelle.store.database import Database
from passerelle.store.models import Contact
from tests.sync.conftest import MemoryKeyring

from .conftest import report, timed

pytestmark = pytest.mark.benchmark

N_ROWS = 100_000
N_CONFLICTS = 10_000
BUDGET = {"export": 2.0, "first": 15.0, "reimport": 2.0, "exchange": 3.0}


def _open(path: Path, group: str) -> Database:
    db = Database(path)
    sync.on_open(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", (group,))
    return db


def _seed(db: Database) -> None:
    rows = [{"first_name": f"Prénom{i}", "last_name": f"Nom {i % 997}",
             "email": f"contact{i}@exemple.fr"} for i in range(N_ROWS)]
    with db.write() as s:  # 3 given fields + _row, legal_basis, objects_to_prospecting = 6
        changelog.bulk_create(s, Contact, rows)


def _edit_phones(db: Database, prefix: str) -> None:
    with db.write() as s:
        contacts = s.scalars(select(Contact).order_by(Contact.id).limit(N_CONFLICTS)).all()
        for i, c in enumerate(contacts):
            c.phone = f"+33{prefix}{i:07d}"


def _export_floor(db_path: Path) -> float:
    conn = sqlite3.connect(db_path)
    key = os.urandom(32)
    with timed() as t:
        conn.execute("ATTACH ':memory:' AS o")
        conn.execute("CREATE TABLE o.c AS SELECT * FROM sync_change")
        data = sync_file.compress(conn.serialize(name="o"))
        AESGCM(key).encrypt(os.urandom(12), data, b"")
    conn.close()
    return t[0]


def _payload(path: Path, key: bytes) -> bytes:
    header, body = sync_file.read_header(path.read_bytes())
    return sync_file.open_body(header, body, sync_file.unlock(header, group_key=key))


def _first_import_floor(tmp: Path, file: Path, key: bytes) -> float:
    conn = sqlite3.connect(tmp / "floor.sqlite")
    conn.execute("CREATE TABLE sync_change (device_id TEXT NOT NULL, hlc INTEGER NOT NULL, "
                 "seq INTEGER NOT NULL, entity TEXT, row_id TEXT, field TEXT, value TEXT, "
                 "wire_ver INTEGER, author TEXT, PRIMARY KEY (device_id, hlc), "
                 "UNIQUE (device_id, seq)) WITHOUT ROWID")
    conn.execute("CREATE INDEX ix_erf ON sync_change (entity, row_id, field)")
    with timed() as t:
        conn.execute("ATTACH ':memory:' AS inc")
        conn.deserialize(_payload(file, key), name="inc")
        conn.execute("INSERT INTO sync_change SELECT * FROM inc.changes")
        conn.commit()
    conn.close()
    return t[0]


def _read_floor(db_path: Path, file: Path, key: bytes) -> float:
    conn = sqlite3.connect(db_path)
    with timed() as t:
        conn.execute("ATTACH ':memory:' AS inc")
        conn.deserialize(_payload(file, key), name="inc")
        conn.execute("SELECT COUNT(*) FROM inc.changes i WHERE NOT EXISTS (SELECT 1 FROM "
                     "sync_change m WHERE m.device_id = i.device_id AND m.hlc = i.hlc)"
                     ).fetchone()
    conn.close()
    return t[0]


def _child_import(db_path: Path, file: Path, group: str, key: bytes) -> dict[str, float]:
    """First import in a fresh process: its own time and peak RSS."""
    script = textwrap.dedent(f"""
        import json, time
        from tests.sync.conftest import MemoryKeyring
        from passerelle.infra.secrets import SecretStore
        from passerelle.services import sync
        from passerelle.store.database import Database
        backend = MemoryKeyring()
        store = SecretStore(backend)
        store.set_group_key({group!r}, {key!r})
        db = Database({str(db_path)!r})
        sync.on_open(db)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sync_state SET group_id = ?", ({group!r},))
        start = time.perf_counter()
        r = sync.import_file(db, {str(file)!r}, secrets=store)
        elapsed = time.perf_counter() - start
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over execve, so a child of a big
        # pytest process would report the parent's peak.
        status = open("/proc/self/status").read()
        hwm_kb = int(status.split("VmHWM:")[1].split()[0])
        print(json.dumps({{"seconds": elapsed, "new": r.new_changes, "rss_mb": hwm_kb / 1024}}))
    """)
    root = Path(__file__).resolve().parents[2]
    # app/ first: the shared virtualenv is installed editable from another checkout, whose
    # code the child would otherwise measure.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(root / "app"), str(root)))}
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, check=True, timeout=600)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_sync_at_scale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    store = SecretStore(backend)
    package = new_group("bench")
    store.set_group_key(package.group_id, package.key)
    group, key = package.group_id, package.key
    a = _open(tmp_path / "a.sqlite", group)
    hashing: list[float] = []  # what the seed's commit spends hashing the blocks it completes
    complete = digest_cache.complete

    def timed_complete(*args: Any) -> int:
        with timed() as t:
            n = complete(*args)
        hashing.append(t[0])
        return n

    monkeypatch.setattr(digest_cache, "complete", timed_complete)
    with timed() as t_seed:
        _seed(a)
    monkeypatch.setattr(digest_cache, "complete", complete)
    out = tmp_path / "out"
    out.mkdir()

    with timed() as t_export:
        exp = sync.export_full(a, out, secrets=store)
    floor_export = _export_floor(a.path)
    payload_size = len(_payload(exp.path, key))

    child = _child_import(tmp_path / "b.sqlite", exp.path, group, key)
    floor_first = _first_import_floor(tmp_path, exp.path, key)
    b = Database(tmp_path / "b.sqlite")
    assert projection_matches(b.engine)

    with timed() as t_same:
        again = sync.import_file(b, exp.path, secrets=store)
    assert again.already_imported
    with timed() as t_export_again:  # the complete blocks' digests are kept: not re-hashed
        exp2 = sync.export_full(a, out, secrets=store)  # same content, new file: full checks
    with a.engine.begin() as conn:  # as after an erasure: no kept digest is valid any more
        conn.exec_driver_sql("UPDATE sync_state SET digest_epoch = digest_epoch + 1")
    with timed() as t_export_cold:
        sync.export_full(a, out, secrets=store)
    with timed() as t_reimport:
        second = sync.import_file(b, exp2.path, secrets=store)
    assert second.new_changes == 0
    floor_read = _read_floor(b.path, exp2.path, key)
    with a.read() as s1, b.read() as s2:
        assert changelog.digest(s1.connection()) == changelog.digest(s2.connection())

    _edit_phones(a, "31")
    _edit_phones(b, "32")
    fa = sync.export_full(a, out, secrets=store).path
    fb = sync.export_full(b, out, secrets=store).path
    with timed() as t_ab:
        ra = sync.import_file(a, fb, secrets=store)
    with timed() as t_ba:
        rb = sync.import_file(b, fa, secrets=store)
    floor_exchange = _read_floor(a.path, fb, key)
    assert ra.conflicts == rb.conflicts == N_CONFLICTS
    with a.read() as s1, b.read() as s2:
        assert changelog.digest(s1.connection()) == changelog.digest(s2.connection())
    assert projection_matches(a.engine) and projection_matches(b.engine)
    fb2 = sync.export_full(b, out, secrets=store).path
    with timed() as t_after:
        after = sync.import_file(a, fb2, secrets=store)
    assert after.new_changes == 0

    n = exp.n_changes
    report(f"Sync at scale: {N_ROWS:,} rows, {n:,} changes "
           f"(payload {payload_size / 1e6:.1f} MB, file {exp.size_bytes / 1e6:.1f} MB)", [
               ("full export (budget 2 s)", t_export[0], floor_export),
               ("full export again (budget 2 s)", t_export_again[0], floor_export),
               ("full export, every block re-hashed (after an erasure)", t_export_cold[0],
                floor_export),
               ("first import into an empty base (budget 15 s)", child["seconds"],
                floor_first),
               ("re-import, same file (already imported)", t_same[0], floor_read),
               ("re-import, fresh export of same content (budget 2 s)", t_reimport[0],
                floor_read),
               (f"exchange A<-B, {N_CONFLICTS:,} conflicts (budget 3 s)", t_ab[0],
                floor_exchange),
               (f"exchange B<-A, {N_CONFLICTS:,} conflicts (budget 3 s)", t_ba[0],
                floor_exchange),
               ("re-import after the exchange", t_after[0], floor_exchange),
           ])
    print(f"seed (bulk_create of {N_ROWS:,} contacts): {t_seed[0]:.2f} s, of which hashing "
          f"the digest blocks it completes {sum(hashing):.2f} s")
    print(f"bytes per change: payload {payload_size / n:.0f}, file {exp.size_bytes / n:.1f}; "
          f"first-import child peak RSS {child['rss_mb']:.0f} MB (budget 500 MB)")
    assert exp.size_bytes < 15e6 and child["rss_mb"] < 500
    assert child["new"] == n
    a.close()
    b.close()
