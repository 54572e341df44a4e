"""``passerelle import csv`` and ``passerelle export``: outputs and exit codes (DESIGN.md §6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from passerelle.cli import main
from passerelle.store.database import Database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spreadsheets"


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite"
    Database(path).close()
    return path


def _count(path: Path) -> int:
    with Database(path).engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT COUNT(*) FROM organisation").scalar() or 0)


def test_import_dry_run_then_import(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(FIXTURES / "associations_excel_cp1252.csv")
    assert main(["import", "csv", src, "--db", str(dbfile), "--kind", "organisations",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "organisations à créer : 4" in out and "rien n'a été écrit" in out
    assert "ligne 8 ; Nom ; avertissement ; Même organisation qu'à la ligne 2" in out
    assert _count(dbfile) == 0
    assert main(["import", "csv", src, "--db", str(dbfile), "--kind", "organisations"]) == 0
    assert "organisations créées : 4" in capsys.readouterr().out
    assert _count(dbfile) == 4


def test_import_with_problems_exits_1_with_the_report(dbfile: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert main(["import", "csv", str(FIXTURES / "associations_erreurs.csv"), "--db",
                 str(dbfile), "--kind", "organisations"]) == 1
    captured = capsys.readouterr()
    assert "ligne 4 ; Code postal ; erreur ;" in captured.out
    assert "rien n'a été importé" in captured.err
    assert _count(dbfile) == 0


def test_import_with_an_explicit_mapping(dbfile: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"last_name": "Nom", "first_name": 2, "email": "Courriel"}))
    assert main(["import", "xlsx", str(FIXTURES / "contacts_tabulations.csv"), "--db",
                 str(dbfile), "--kind", "contacts", "--mapping", str(mapping)]) == 0
    assert "contacts créés : 1" in capsys.readouterr().out
    assert main(["import", "csv", str(FIXTURES / "contacts_tabulations.csv"), "--db",
                 str(dbfile), "--kind", "contacts", "--mapping", '{"nom": "Nom"}']) == 1
    assert "Champ inconnu" in capsys.readouterr().err


def test_usage_errors_exit_2(dbfile: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import", "csv", "x.csv", "--db", str(dbfile), "--kind", "tasks"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", "tasks", "--db", str(dbfile), "--out", "x.csv"])
    assert exc.value.code == 2


def test_export_command(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                        ) -> None:
    main(["import", "csv", str(FIXTURES / "associations_excel_cp1252.csv"), "--db",
          str(dbfile), "--kind", "organisations"])
    capsys.readouterr()
    out = tmp_path / "orgs.xlsx"
    assert main(["export", "organisations", "--db", str(dbfile), "--out", str(out)]) == 0
    assert "4 lignes exportées" in capsys.readouterr().out and out.exists()
    assert main(["export", "contacts", "--db", str(tmp_path / "absent.sqlite"), "--out",
                 str(tmp_path / "c.csv")]) == 1
