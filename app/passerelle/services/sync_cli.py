"""The ``passerelle sync`` commands (DESIGN.md §6), for ``cli.py`` to register and call.

``cli.py`` owns the parser; it calls :func:`add_sync_parser` on its sub-parsers and dispatches
``args.command == "sync"`` to :func:`cmd_sync`. Expected errors are raised as
:class:`PasserelleError`, which ``cli.main`` already turns into exit 1 with a one-line reason on
stderr (nothing changed). The team key comes from the OS keyring through
:class:`SecretStore` (service "Passerelle", username = the database's group id); without a
keyring, ``--passphrase-file`` protects or opens the file instead — never plaintext.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from passerelle.domain.errors import PasserelleError, ValidationError

if TYPE_CHECKING:  # the parser is built at every start-up, the GUI's too: import when run
    from passerelle.store.database import Database


def add_sync_parser(sub: Any) -> None:
    """Register ``sync export|import|team`` on ``cli.py``'s sub-parsers object."""
    parser = sub.add_parser("sync", help="synchroniser avec les collègues par fichiers")
    actions = parser.add_subparsers(dest="sync_command", required=True)

    export = actions.add_parser("export", help="écrire un fichier de synchronisation complet")
    export.add_argument("--db", type=Path, required=True)
    export.add_argument("--out", type=Path, required=True,
                        help="dossier (nom choisi automatiquement) ou fichier .ofsync")
    export.add_argument("--passphrase-file", type=Path,
                        help="protéger aussi par la phrase de passe lue dans ce fichier (- : "
                             "entrée standard)")

    imp = actions.add_parser("import", help="importer un fichier de synchronisation")
    imp.add_argument("file", type=Path)
    imp.add_argument("--db", type=Path, required=True)
    imp.add_argument("--passphrase-file", type=Path)
    imp.add_argument("--yes", action="store_true",
                     help="confirmer un import qui masquerait beaucoup d'enregistrements")
    imp.add_argument("--quarantine", type=Path, help="dossier de quarantaine")

    team = actions.add_parser("team", help="équipe : créer, partager ou rejoindre")
    team.add_argument("action", choices=("create", "export-key", "join", "show"))
    team.add_argument("key_file", type=Path, nargs="?",
                      help="fichier de clé d'équipe (export-key : à écrire ; join : à lire)")
    team.add_argument("--db", type=Path, required=True)
    team.add_argument("--name", help="nom de l'équipe (create)")
    team.add_argument("--passphrase-file", type=Path)


def cmd_sync(args: argparse.Namespace, out: TextIO | None = None,
             err: TextIO | None = None) -> int:
    """Dispatch ``passerelle sync …``; returns the exit code."""
    handler = {"export": cmd_export, "import": cmd_import, "team": cmd_team}[args.sync_command]
    return handler(args, out or sys.stdout, err or sys.stderr)


def _open(path: Path) -> Database:
    from passerelle.services import sync
    from passerelle.store.database import Database

    if not path.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(path))
    db = Database(path)
    sync.ensure_device_identity(db)
    return db


def read_passphrase(path: Path | None, stdin: TextIO | None = None) -> str | None:
    """The first line of ``path`` (``-`` = standard input), without its line end."""
    if path is None:
        return None
    try:
        if str(path) == "-":
            line = (stdin or sys.stdin).readline()
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
            line = lines[0] if lines else ""
    except OSError as exc:
        raise PasserelleError("passphrase_unreadable", "Impossible de lire {path} : {error}",
                              path=str(path), error=exc.strerror or str(exc)) from exc
    phrase = line.rstrip("\r\n")
    if not phrase:
        raise ValidationError("passphrase_empty", "La phrase de passe est vide.",
                              field="passphrase")
    return phrase


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``passerelle sync export --db PATH --out FILE_OR_DIR [--passphrase-file F]``."""
    from passerelle.infra.secrets import SecretStore
    from passerelle.services import sync

    passphrase = read_passphrase(args.passphrase_file)
    db = _open(args.db)
    try:
        report = sync.export_full(db, args.out, secrets=SecretStore(), passphrase=passphrase)
    finally:
        db.close()
    out.write(f"Fichier de synchronisation écrit : {report.path}\n"
              f"  changements : {report.n_changes}\n"
              f"  taille : {report.size_bytes} octets\n"
              f"  protection : {', '.join(_SLOT_LABEL[s] for s in report.slots)}\n")
    return 0


_SLOT_LABEL = {"group": "clé d'équipe", "passphrase": "phrase de passe"}


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``passerelle sync import FILE --db PATH [--passphrase-file F] [--yes]``."""
    from passerelle.infra.secrets import SecretStore
    from passerelle.services import sync

    passphrase = read_passphrase(args.passphrase_file)
    db = _open(args.db)
    try:
        report = sync.import_file(db, args.file, secrets=SecretStore(), passphrase=passphrase,
                                  confirm_mass_delete=args.yes,
                                  quarantine_dir=getattr(args, "quarantine", None))
    except PasserelleError as exc:
        if "quarantine" in exc.params:
            err.write(f"passerelle: fichier mis en quarantaine : {exc.params['quarantine']}\n")
        raise
    finally:
        db.close()
    total = "" if report.conflicts_total is None else \
        f"  conflits en attente (total) : {report.conflicts_total}\n"
    if report.already_imported:
        out.write(f"Déjà importé : rien à appliquer ({args.file.name}).\n{total}")
        return 0
    out.write(f"Fichier importé : {args.file.name}\n"
              f"  nouveaux changements : {report.new_changes}\n"
              f"  conflits (enregistrements reçus) : {report.conflicts}\n{total}"
              f"  changements mis de côté (version plus récente) : {report.parked}\n"
              f"  avertissements : {len(report.warnings)}\n")
    for warning in report.warnings:
        out.write(f"  - {warning}\n")
    return 0


def cmd_team(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``passerelle sync team create|export-key FILE|join FILE|show --db PATH``."""
    from passerelle.infra.secrets import SecretStore
    from passerelle.services import sync

    secrets = SecretStore()
    db = _open(args.db)
    try:
        if args.action == "show":
            group = sync.team_of(db)
            out.write(f"Équipe : {group or 'aucune'}\n{secrets.where()}\n")
            return 0
        if args.action == "create":
            group = sync.create_team(db, secrets=secrets, name=args.name)
            out.write(f"Équipe créée : {group}\n{secrets.where()}\n")
            return 0
        if args.key_file is None:
            raise ValidationError("key_file_missing", "Indiquez le fichier de clé d'équipe.",
                                  field="key_file")
        passphrase = read_passphrase(args.passphrase_file)
        if passphrase is None:
            raise ValidationError("passphrase_missing",
                                  "Une phrase de passe est nécessaire (--passphrase-file).",
                                  field="passphrase")
        if args.action == "export-key":
            path = sync.export_team_key(db, args.key_file, secrets=secrets,
                                        passphrase=passphrase, name=args.name)
            out.write(f"Clé d'équipe écrite : {path}\nTransmettez la phrase de passe par un "
                      f"autre moyen (téléphone, de vive voix).\n")
            return 0
        group = sync.join_team(db, args.key_file, secrets=secrets, passphrase=passphrase)
        out.write(f"Équipe rejointe : {group}\n")
        return 0
    finally:
        db.close()
