"""No personal data in the logs (DESIGN.md §9): run what writes log lines with demo people,
then look for their names and e-mails in the log files."""

from __future__ import annotations

import logging
import logging.handlers
from datetime import date
from pathlib import Path

import pytest

from passerelle import bootstrap
from passerelle.infra.paths import AppPaths
from passerelle.services import demo, documents, maintenance, rgpd, search, sync
from passerelle.store import sync_file

SMALL = demo.Scale(organisations=80, contacts=150, files=12, interactions=200, tasks=30,
                   agreements=4, events=2, needs=10, offers=8)


def test_logs_name_nobody(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_file, "DEFAULT_SCRYPT", sync_file.ScryptParams(n=1 << 10, r=8, p=1))
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    for handler in saved[0]:  # a file handler left by another test would take our lines
        root.removeHandler(handler)
    paths = AppPaths(tmp_path / "data")
    log_file = bootstrap.configure_logging(paths, verbose=True)
    try:
        db = bootstrap.open_database(tmp_path / "a" / "a.sqlite", paths)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sync_state SET group_id = "
                                 "'01a216fb-0000-7000-8000-000000000004'")
        demo._Gen(db, SMALL, 7, date(2026, 6, 1), None, None).run()  # noqa: SLF001
        with db.engine.connect() as conn:
            people = conn.exec_driver_sql(
                "SELECT id, first_name || ' ' || last_name, email FROM contact").all()
            file_ids = [r[0] for r in conn.exec_driver_sql(
                "SELECT id FROM partnership_file LIMIT 5")]
        secrets = [name for _id, name, _e in people] + [e for _i, _n, e in people if e]
        export = sync.export_full(db, tmp_path / "x.ofsync", secrets=None, passphrase="pp")
        other = bootstrap.open_database(tmp_path / "b" / "b.sqlite", paths)
        sync.import_file(other, export.path, secrets=None, passphrase="pp")
        damaged = tmp_path / "damaged.ofsync"
        damaged.write_bytes(export.path.read_bytes()[:-40])
        with pytest.raises(sync_file.SyncFileError):
            sync.import_file(other, damaged, secrets=None, passphrase="pp",
                             quarantine_dir=tmp_path / "q")
        documents.render_letters(db, "lettre_mise_en_relation", file_ids, tmp_path / "lettres")
        assert search.global_search(db, people[0][1])
        rgpd.access_export(db, people[0][0], tmp_path / "acces.zip")
        rgpd.erase_contacts(db, [people[1][0], people[2][0]], mode="erase")
        assert maintenance.check(db.path, deep=True).ok
        db.close()
        other.close()
    finally:
        for handler in root.handlers[:]:
            handler.close()
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    text = "\n".join(p.read_text(encoding="utf-8") for p in log_file.parent.glob("*.log*"))
    assert text.count("\n") >= 3, "the operations wrote no log line: the test proves nothing"
    leaked = sorted({s for s in secrets if s and s.lower() in text.lower()})
    assert not leaked, f"personal data in the logs: {leaked[:5]}"
