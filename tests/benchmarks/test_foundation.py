"""Foundation benchmarks: cost of writing through the change log, demo generation."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from passerelle.services import demo, organisations
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import SYNCED_MODELS, Organisation

from .conftest import peak_rss_mb, report, timed

pytestmark = pytest.mark.benchmark

N_ROWS = 20_000


def _org_rows(n: int) -> list[dict[str, object]]:
    return [{"kind": "association", "name": f"Association {i}", "commune_name": "Roubaix",
             "commune_insee": "59512", "postal_code": "59100", "themes": ["sport"],
             "rna": f"W595{i:06d}", "description": "Association de démonstration " * 3}
            for i in range(n)]


def _raw_floor(path: Path, rows: list[dict[str, object]]) -> float:
    """Raw sqlite3 executemany of the same rows into the same table, no log, no index."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE organisation (id TEXT PRIMARY KEY, kind TEXT, name TEXT, "
                 "commune_name TEXT, commune_insee TEXT, postal_code TEXT, themes TEXT, rna TEXT, "
                 "description TEXT)")
    data = [(str(uuid.uuid4()), r["kind"], r["name"], r["commune_name"], r["commune_insee"],
             r["postal_code"], '["sport"]', r["rna"], r["description"]) for r in rows]
    with timed() as t:
        conn.executemany("INSERT INTO organisation VALUES (?,?,?,?,?,?,?,?,?)", data)
        conn.commit()
    conn.close()
    return t[0]


def test_change_log_write_cost(tmp_path: Path) -> None:
    rows = _org_rows(N_ROWS)
    floor = _raw_floor(tmp_path / "raw.sqlite", rows)
    db = Database(tmp_path / "log.sqlite")
    with timed() as bulk, db.write() as s:
        changelog.bulk_create(s, Organisation, rows)
    n_orm = 500
    with timed() as orm:
        for r in rows[:n_orm]:
            organisations.create_organisation(db, **{k: v for k, v in r.items()})
    db.close()
    per_row_floor = floor / N_ROWS
    report(f"Writes through the change log ({N_ROWS:,} organisations)", [
        ("bulk_create (log + heads + FTS), whole batch", bulk[0], floor),
        ("service create_organisation, per row (one transaction each)",
         orm[0] / n_orm, per_row_floor),
    ])


def test_metropolis_generation(tmp_path: Path) -> None:
    path = tmp_path / "metro.sqlite"
    db = Database(path)
    with timed() as gen:
        demo.generate(db, "metropolis")
    db.close()
    # Floor: raw executemany of every domain row the generator produced, into bare tables.
    src = sqlite3.connect(path)
    dst = sqlite3.connect(tmp_path / "floor.sqlite")
    tables = [m.__tablename__ for m in SYNCED_MODELS]
    data = {}
    total = 0
    for name in tables:
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({name})")]
        dst.execute(f"CREATE TABLE {name} ({', '.join(cols)})")
        data[name] = (cols, src.execute(f"SELECT * FROM {name}").fetchall())
        total += len(data[name][1])
    changes = src.execute("SELECT COUNT(*) FROM sync_change").fetchone()[0]
    src.close()
    with timed() as raw:
        for name, (cols, rows) in data.items():
            dst.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * len(cols))})", rows)
        dst.commit()
    dst.close()
    report(f"Metropolis demo: {total:,} rows, {changes:,} changes, "
           f"{path.stat().st_size / 1e6:,.0f} MB", [
               ("generation (log + FTS, one transaction)", gen[0], raw[0])])
    print(f"peak RSS {peak_rss_mb():.0f} MB")
