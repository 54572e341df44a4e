"""The command-line contract (DESIGN.md §6): outputs, exit codes, nothing changed on error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from passerelle.cli import main
from passerelle.store.migrate import SCHEMA_HEAD

FIXTURE_0001 = Path(__file__).resolve().parent / "fixtures" / "db" / "passerelle_0001.sqlite"


def test_demo_mda_has_the_design_counts(mda_demo: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    assert main(["stats", "--db", str(mda_demo), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    counts = figures["counts"]
    assert counts["organisation"] == 3_000
    assert counts["contact"] == 5_000
    assert counts["partnership_file"] == 500
    assert counts["interaction"] == 10_000
    assert all(n > 0 for n in figures["files_by_stage"].values())  # every stage is present
    assert all(figures["files_by_category"][c] > 0 for c in
               ("mecenat", "pratiques_responsables", "cooperation_economique",
                "innovation_societale"))


def test_demo_contains_the_study_actors(mda_demo: Path) -> None:
    from sqlalchemy import select

    from passerelle.store.database import Database
    from passerelle.store.models import Organisation, PartnershipFile

    db = Database(mda_demo)
    with db.read() as s:
        all_names = set(s.scalars(select(Organisation.name)))
        titles = set(s.scalars(select(PartnershipFile.title)))
    db.close()
    for expected in ("Maison des Associations de Roubaix", "Maison des Associations de Tourcoing",
                     "Ville de Roubaix", "Ville de Marcq-en-Barœul"):
        assert expected in all_names
    assert any("Macif" in t and "MDA Tourcoing" in t for t in titles)


def test_demo_has_events_to_come_as_well_as_past_ones(mda_demo: Path) -> None:
    """A facilitator trying the demo finds events to prepare (invitations out, no one
    present yet), not only past ones."""
    import sqlite3
    from datetime import datetime

    conn = sqlite3.connect(mda_demo)
    now = datetime.now().isoformat(sep=" ")
    coming = conn.execute("SELECT id FROM event WHERE starts_at > ?", (now,)).fetchall()
    past = conn.execute("SELECT COUNT(*) FROM event WHERE starts_at < ?", (now,)).fetchone()[0]
    statuses = {r[0] for r in conn.execute(
        "SELECT DISTINCT status FROM event_participant WHERE event_id IN "
        "(SELECT id FROM event WHERE starts_at > ?)", (now,))}
    conn.close()
    assert len(coming) >= 2 and past > 0
    assert statuses and "present" not in statuses


def test_db_check_reports_integrity_and_head(mda_demo: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check", "--db", str(mda_demo)]) == 0
    out = capsys.readouterr().out
    assert "Intégrité : ok" in out
    assert "à jour" in out


def test_demo_refuses_an_existing_database(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.sqlite"
    shutil.copy(FIXTURE_0001, path)
    before = path.read_bytes()
    assert main(["demo", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "existe déjà" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_missing_database_is_bad_input(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(tmp_path / "absent.sqlite")]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert not (tmp_path / "absent.sqlite").exists()


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["db", "explode", "--db", "x"])
    assert info.value.code == 2


def test_db_upgrade_then_check_on_an_old_database(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE_0001, path)
    assert main(["db", "check", "--db", str(path)]) == 1  # behind: says so
    assert "db upgrade" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"0001 → {SCHEMA_HEAD}" in out and "Sauvegarde" in out
    assert main(["db", "check", "--db", str(path), "--deep"]) == 0
    assert "identiques" in capsys.readouterr().out


def test_db_backup_writes_a_verified_copy(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "base.sqlite"
    shutil.copy(FIXTURE_0001, path)
    out = tmp_path / "copie.sqlite"
    assert main(["db", "backup", "--db", str(path), "--out", str(out)]) == 0
    assert out.exists() and out.read_bytes()[:15] == b"SQLite format 3"
