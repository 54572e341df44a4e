"""One running instance per database: the lock file, its message, stale locks, CLI refusals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from passerelle.cli import main
from passerelle.infra.instance_lock import DatabaseInUse, InstanceLock, lock_path

from .conftest import org_names, plain_database


def test_second_holder_is_refused_with_the_owner_named(tmp_path: Path) -> None:
    db = tmp_path / "passerelle.sqlite"
    with InstanceLock(db, "Passerelle (application)"):
        info = json.loads(lock_path(db).read_text(encoding="utf-8"))
        assert info["pid"] == os.getpid()
        with pytest.raises(DatabaseInUse) as exc:
            InstanceLock(db, "la commande « passerelle sync import »").acquire()
    message = exc.value.message
    assert "Passerelle (application)" in message
    assert f"processus {os.getpid()}" in message
    assert f"utilisateur {info['user']}" in message
    assert "depuis le " in message and "rien n'a été modifié" in message
    assert not lock_path(db).exists()  # released: the file goes away
    InstanceLock(db, "Passerelle (application)").acquire().release()  # and it can be retaken


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "passerelle.sqlite"
    lock_path(db).write_text(json.dumps({"program": "Passerelle (application)", "pid": 999999,
                                         "user": "camille", "host": "PC-MDA",
                                         "since": "2026-01-05T08:00:00+00:00"}),
                             encoding="utf-8")  # a crash leaves the file, not the OS lock
    lock = InstanceLock(db, "Passerelle (application)").acquire()
    try:
        assert json.loads(lock_path(db).read_text(encoding="utf-8"))["pid"] == os.getpid()
    finally:
        lock.release()


def test_cli_writes_refuse_while_the_app_holds_the_lock(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        memory_keyring: object) -> None:  # `sync team create` keeps the team key there
    db = plain_database(tmp_path / "passerelle.sqlite", "Les Jardins de l'Alma")
    backup_file = tmp_path / "copie.sqlite"
    with InstanceLock(db, "Passerelle (application)"):
        assert main(["db", "backup", "--db", str(db), "--out", str(backup_file)]) == 0  # reads
        assert main(["db", "restore", str(backup_file), "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert "déjà ouverte par Passerelle (application)" in err
        assert err.count("\n") == 1  # one line
        assert main(["sync", "team", "create", "--db", str(db)]) == 1
        assert main(["stats", "--db", str(db)]) == 0  # read-only commands still run
    assert main(["sync", "team", "create", "--db", str(db)]) == 0
    assert org_names(db) == ["Les Jardins de l'Alma"]
    assert not lock_path(db).exists()


def test_a_second_app_on_the_same_database_quits_naming_the_first(tmp_path: Path) -> None:
    """The real command, as a subprocess: the GUI start refuses while another holds the lock."""
    import subprocess
    import sys

    db = plain_database(tmp_path / "passerelle.sqlite", "Bois-Blancs")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                          os.environ.get("PYTHONPATH", "")])}
    with InstanceLock(db, "la commande « passerelle sync import »"):
        result = subprocess.run(
            [sys.executable, "-m", "passerelle", "--data-dir", str(tmp_path / "data"),
             "--db", str(db), "--smoke"],
            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "déjà ouverte par la commande « passerelle sync import »" in result.stderr
    assert f"processus {os.getpid()}" in result.stderr
