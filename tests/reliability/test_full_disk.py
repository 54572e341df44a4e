"""A full disk (SQLite ``max_page_count``): a clear French message, and nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from passerelle.domain.errors import StorageUnavailable
from passerelle.services import demo, maintenance, organisations, rgpd, sync
from passerelle.store import changelog, sync_file
from passerelle.store.database import Database
from passerelle.ui.i18n import message

SMALL = demo.Scale(organisations=300, contacts=400, files=20, interactions=300, tasks=40,
                   agreements=5, events=2, needs=10, offers=8)


def _fill_disk(db: Database, spare_pages: int) -> None:
    """Every new connection may grow the file by ``spare_pages`` pages only."""
    with db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + spare_pages}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()


def _fingerprint(db: Database) -> tuple[str, int]:
    with db.engine.connect() as conn:
        return (changelog.digest(conn),
                int(conn.exec_driver_sql("SELECT COUNT(*) FROM sync_change").scalar() or 0))


def _assert_refused_cleanly(db: Database, action: Callable[[], object]) -> None:
    before = _fingerprint(db)
    with pytest.raises(StorageUnavailable) as exc:
        action()
    text = message(exc.value)
    assert "disque est plein" in text and "rien n'a été" in text, text
    assert _fingerprint(db) == before
    assert maintenance.check(db.path, deep=True).ok


def test_demo_on_a_full_disk(db: Database) -> None:
    _fill_disk(db, spare_pages=20)
    _assert_refused_cleanly(db, lambda: demo._Gen(  # noqa: SLF001
        db, SMALL, 1, demo.date(2026, 6, 1), None, None).run())


def test_form_save_on_a_full_disk_then_space_freed(db: Database) -> None:
    org = organisations.create_organisation(db, kind="association", name="Déjà là")
    _fill_disk(db, spare_pages=2)

    def fill() -> None:
        for i in range(2000):
            organisations.create_organisation(db, kind="association", name=f"Asso {i:05d} " * 8)

    with pytest.raises(StorageUnavailable):
        fill()
    _assert_refused_cleanly(db, lambda: organisations.update_organisation(
        db, org.id, description="x" * 20_000))
    assert organisations.get_organisation(db, org.id).name == "Déjà là"


def test_sync_import_on_a_full_disk(db: Database, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_file, "DEFAULT_SCRYPT", sync_file.ScryptParams(n=1 << 10, r=8, p=1))
    source = Database(tmp_path / "a.sqlite")
    with source.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET group_id = '01a216fb-0000-7000-8000-"
                             "000000000002'")
    demo._Gen(source, SMALL, 1, demo.date(2026, 6, 1), None, None).run()  # noqa: SLF001
    export = sync.export_full(source, tmp_path / "x.ofsync", secrets=None, passphrase="pp")
    source.close()
    _fill_disk(db, spare_pages=30)
    _assert_refused_cleanly(db, lambda: sync.import_file(
        db, export.path, secrets=None, passphrase="pp", quarantine_dir=tmp_path / "q"))
    assert export.path.exists()  # the file is not at fault: it stays for the next try


def test_erasure_on_a_full_disk(db: Database) -> None:
    people = [organisations.create_contact(db, first_name="Lina", last_name=f"Plein{i}")
              for i in range(60)]
    _fill_disk(db, spare_pages=0)
    _assert_refused_cleanly(db, lambda: rgpd.erase_contacts(
        db, [p.id for p in people], mode="anonymise", compact_file=False))
