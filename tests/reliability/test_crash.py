"""The crash harness: SIGKILL at random moments, the database is all-before or all-after.

Normal run: ``PASSERELLE_CRASH_TRIALS`` (default 5) trials per operation on small data. On
demand: ``PASSERELLE_CRASH_TRIALS=200 pytest tests/reliability -m slow`` adds the mda demo
generation through the real command line.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import pytest

from passerelle.services import demo, files, organisations, sync
from passerelle.store import sync_file
from passerelle.store.database import Database

from .harness import crash_trials, trials_wanted

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "passerelle_0001.sqlite"
SMALL = demo.Scale(organisations=80, contacts=120, files=12, interactions=150, tasks=30,
                   agreements=4, events=2, needs=10, offers=8)


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "start" / "base.sqlite"
    path.parent.mkdir()
    Database(path).close()
    return path


def test_demo_generation_killed(empty_db: Path, tmp_path: Path) -> None:
    crash_trials("démo", "demo", empty_db, tmp_path / "demo",
                 lambda p: {"db": str(p), "scale": asdict(SMALL)},
                 trials=trials_wanted(), deterministic=False)


def test_sync_import_killed(empty_db: Path, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_file, "DEFAULT_SCRYPT", sync_file.ScryptParams(n=1 << 10, r=8, p=1))
    (tmp_path / "a").mkdir()
    source = Database(tmp_path / "a" / "a.sqlite")
    with source.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET group_id = '01a216fb-0000-7000-8000-"
                             "000000000001'")
    for i in range(150):
        org = organisations.create_organisation(source, kind="association",
                                                name=f"Association {i}")
        organisations.create_contact(source, first_name="Prénom", last_name=f"Nom {i}",
                                     organisation_id=org.id, role="Présidente")
    export = sync.export_full(source, tmp_path / "export.ofsync", secrets=None,
                              passphrase="phrase de test")
    source.close()
    crash_trials("import de synchronisation", "sync_import", empty_db, tmp_path / "sync",
                 lambda p: {"db": str(p), "file": str(export.path),
                            "passphrase": "phrase de test"},
                 trials=trials_wanted(), deterministic=True)


def test_migration_killed(tmp_path: Path) -> None:
    start = tmp_path / "start" / "old.sqlite"
    start.parent.mkdir()
    shutil.copy(FIXTURE_0001, start)
    crash_trials("migration 0001 → tête", "migrate", start, tmp_path / "migrate",
                 lambda p: {"db": str(p)}, trials=trials_wanted(), deterministic=False,
                 check_schema=False)


def test_document_batch_killed(empty_db: Path, tmp_path: Path) -> None:
    db = Database(empty_db)
    ids = []
    for i in range(10):
        a = organisations.create_organisation(db, kind="association", name=f"Asso {i}")
        c = organisations.create_organisation(db, kind="entreprise", name=f"Entreprise {i}")
        ids.append(str(files.open_file(db, title=f"Projet {i}", association_id=a.id,
                                       company_id=c.id).id))
    db.close()
    out = tmp_path / "lettres"
    crash_trials("publipostage", "letters", empty_db, tmp_path / "letters",
                 lambda p: {"db": str(p), "template": "lettre_mise_en_relation",
                            "files": ids, "out": str(out / p.parent.name)},
                 trials=trials_wanted(), deterministic=False)


REGISTRY_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "registry"


def test_registry_import_killed(empty_db: Path, tmp_path: Path) -> None:
    files = [REGISTRY_FIXTURES / "StockUniteLegale_2019-06.csv",
             REGISTRY_FIXTURES / "StockEtablissement_2019-06.csv"]
    crash_trials("import du registre", "registry", empty_db, tmp_path / "registry",
                 lambda p: {"db": str(p), "source": "sirene", "files": [str(f) for f in files]},
                 trials=trials_wanted(), deterministic=False)


@pytest.mark.slow
def test_mda_demo_generation_killed(empty_db: Path, tmp_path: Path) -> None:
    crash_trials("démo mda", "demo", empty_db, tmp_path / "mda", lambda p: {"db": str(p)},
                 trials=trials_wanted(), deterministic=False)
