"""``passerelle registry import``: exit codes, report on stdout, progress on stderr."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from passerelle.cli import main
from passerelle.store.database import Database

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "registry"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "base.sqlite"
    Database(path).close()
    return path


def test_import_rna_prints_counts_and_lines(db_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["registry", "import", "rna", str(FIX / "rna_waldec_20260101_59.csv"),
                 str(FIX / "rna_import_20220301_59.csv"), "--db", str(db_path)])
    captured = capsys.readouterr()
    assert code == 0
    assert "Importées : 4" in captured.out and "Lignes lues : 9" in captured.out
    assert "association dissoute : 2" in captured.out
    assert "rna_waldec_20260101_59.csv, ligne 6 : numéro RNA invalide (W59A12)" in captured.out
    assert "100 %" in captured.err


def test_import_sirene_zip_with_territory_all(db_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["registry", "import", "sirene", str(FIX / "StockEtablissement_utf8_2026-01.zip"),
                 str(FIX / "StockUniteLegale_utf8_2026-01.zip"), "--db", str(db_path),
                 "--territory", "all"])
    assert code == 0
    assert "Importées : 5" in capsys.readouterr().out  # Paris Conseil is kept too


def test_bad_input_exits_1_and_changes_nothing(db_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "import", "rna", str(FIX / "rna_waldec_20260101_59.csv"),
                 "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["registry", "import", "rna", str(FIX / "StockUniteLegale_2019-06.csv"),
                 "--db", str(db_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "n'est pas un fichier RNA" in err[0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM registry_entry").fetchone() == (2,)
    conn.close()
    assert main(["registry", "import", "rna", "x.csv", "--db",
                 str(db_path.parent / "absente.sqlite")]) == 1


def test_usage_errors_exit_2(db_path: Path) -> None:
    for argv in (["registry", "import", "insee", "f.csv", "--db", str(db_path)],
                 ["registry", "import", "rna", "--db", str(db_path)],
                 ["registry", "import", "rna", "f.csv", "--db", str(db_path),
                  "--territory", "europe"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
