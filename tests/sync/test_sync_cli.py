"""``passerelle sync …`` through sync_cli, the way cli.py calls it (exit codes, counts)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from passerelle.domain.errors import PasserelleError
from passerelle.services import organisations as orgs
from passerelle.services import sync_cli
from passerelle.store.database import Database


def run(*argv: str) -> tuple[int, str, str]:
    """Parse like cli.py and map PasserelleError to exit 1 like cli.main does."""
    parser = argparse.ArgumentParser(prog="passerelle")
    sync_cli.add_sync_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    try:
        code = sync_cli.cmd_sync(args, out, err)
    except PasserelleError as exc:
        err.write(f"passerelle: {exc.message}\n")
        code = 1
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def two_dbs(tmp_path: Path) -> tuple[Path, Path]:
    paths = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for p in paths:
        Database(p).close()
    return paths


def test_team_export_import_cycle(two_dbs: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two_dbs
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("une phrase assez longue\n", encoding="utf-8")
    code, out, _ = run("sync", "team", "create", "--db", str(a), "--name", "MDA")
    assert code == 0 and "Équipe créée" in out
    key = tmp_path / "equipe.ofkey"
    assert run("sync", "team", "export-key", str(key), "--db", str(a),
               "--passphrase-file", str(phrase))[0] == 0
    assert run("sync", "team", "join", str(key), "--db", str(b),
               "--passphrase-file", str(phrase))[0] == 0
    db = Database(a)
    orgs.create_organisation(db, kind="association", name="Asso")
    db.close()
    outbox = tmp_path / "partage"
    outbox.mkdir()
    code, out, _ = run("sync", "export", "--db", str(a), "--out", str(outbox))
    assert code == 0 and "clé d'équipe" in out
    (written,) = outbox.iterdir()
    code, out, _ = run("sync", "import", str(written), "--db", str(b))
    assert code == 0
    assert "nouveaux changements : " in out and "conflits (enregistrements reçus) : 0" in out
    code, out, _ = run("sync", "import", str(written), "--db", str(b))
    assert code == 0 and "Déjà importé" in out


def test_bad_file_exits_1_with_reason_and_quarantine(two_dbs: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    _a, b = two_dbs
    bad = tmp_path / "abime.ofsync"
    bad.write_bytes(b"\x89OFS\r\n")
    code, _out, err = run("sync", "import", str(bad), "--db", str(b),
                          "--quarantine", str(tmp_path / "q"))
    assert code == 1
    assert "incomplet" in err and "quarantaine" in err
    assert (tmp_path / "q" / "abime.ofsync.reason.txt").exists()


def test_export_without_team_or_missing_db_exits_1(two_dbs: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    a, _b = two_dbs
    code, _out, err = run("sync", "export", "--db", str(a), "--out", str(tmp_path))
    assert code == 1 and "aucune équipe" in err
    code, _out, err = run("sync", "export", "--db", str(tmp_path / "x.sqlite"), "--out", "o")
    assert code == 1 and "n'existe pas" in err
