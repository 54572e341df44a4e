"""Cost of encryption at rest: the same work on a plain and on a SQLCipher database.

The floor is the plain database in the same run; runs alternate (plain, encrypted) and the best
of three is kept, so a busy machine disturbs both sides alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from passerelle.services import backups, organisations, search
from passerelle.store import backup as store_backup
from passerelle.store import changelog, cipher
from passerelle.store.database import Database
from passerelle.store.models import Organisation

from .conftest import report

pytestmark = pytest.mark.benchmark

N_ROWS = 5_000


def _rows(n: int) -> list[dict[str, object]]:
    return [{"kind": "association", "name": f"Association {i} de Roubaix", "themes": ["sport"],
             "commune_name": "Roubaix", "description": "Association de démonstration " * 3}
            for i in range(n)]


def _database(path: Path, key: cipher.DbKey | None) -> Database:
    cipher.register_key(path, key)
    return Database(path)


def _best(fn: Callable[[], object], n: int = 3) -> float:
    import time

    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_encryption_cost(tmp_path: Path) -> None:
    key = cipher.DbKey.generate()
    timings: dict[str, dict[str, float]] = {"plain": {}, "enc": {}}
    for label, k in (("plain", None), ("enc", key)):
        t = timings[label]
        counter = iter(range(100))

        def bulk(k: cipher.DbKey | None = k, label: str = label,
                 counter: Iterator[int] = counter) -> None:
            db = _database(tmp_path / f"bulk-{label}-{next(counter)}.sqlite", k)
            with db.write() as s:
                changelog.bulk_create(s, Organisation, _rows(N_ROWS))
            db.close()

        t["bulk"] = _best(bulk)
        db = _database(tmp_path / f"work-{label}.sqlite", k)
        with db.write() as s:
            changelog.bulk_create(s, Organisation, _rows(N_ROWS))
        t["create"] = _best(lambda db=db: [organisations.create_organisation(
            db, kind="association", name="Nouvelle") for _ in range(50)]) / 50
        t["search"] = _best(lambda db=db: search.global_search(db, "roubaix asso"), 5)
        t["backup"] = _best(lambda db=db: backups.make_backup(db.path,
                                                              store_backup.KIND_MANUAL), 2)
        db.close()
    report(f"Encryption at rest: SQLCipher vs plain SQLite ({N_ROWS:,} organisations)", [
        ("bulk_create through the change log", timings["enc"]["bulk"],
         timings["plain"]["bulk"]),
        ("service create_organisation, per row", timings["enc"]["create"],
         timings["plain"]["create"]),
        ("global search « roubaix asso »", timings["enc"]["search"], timings["plain"]["search"]),
        ("verified backup (backup API + quick_check)", timings["enc"]["backup"],
         timings["plain"]["backup"]),
    ])
