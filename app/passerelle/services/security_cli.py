"""Encryption keys, the instance lock and ``passerelle db encrypt|decrypt|restore|backup``.

``cli.py`` calls :func:`add_key_options` once on its parser and wraps every sub-command in
:func:`guard`: the database named by ``--db`` is unlocked (its key found in the keyring, or given
with ``--recovery-key`` / ``--db-passphrase-file``; a new database made by ``demo`` gets a new
key whose recovery key is printed once) and, for commands that write, its instance lock is held
for the whole command — so a command refuses (exit 1, the GUI named) while the app has the
database open.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.infra.db_keys import DatabaseKeyring, DatabaseKeyringUnavailable
from passerelle.infra.instance_lock import InstanceLock
from passerelle.services import encryption
from passerelle.services.sync_cli import read_passphrase
from passerelle.store import cipher
from passerelle.store.backup import KIND_MANUAL

PROGRAM_CLI = "la commande « passerelle {command} »"
#: Sub-commands that never write to the database: no lock, so they run beside the app.
READ_ONLY = {("stats", None), ("db", "check"), ("db", "backup"), ("summary", None),
             ("screenshot", None)}


def add_key_options(parser: argparse.ArgumentParser) -> None:
    """``--recovery-key`` and ``--db-passphrase-file`` on the parser and every sub-command that
    takes ``--db`` (sub-command values never clobber top-level ones)."""
    _add(parser, top=True)
    for sub in _subparsers(parser):
        if any("--db" in a.option_strings for a in sub._actions):
            _add(sub, top=False)


def _add(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument("--recovery-key", default=default, metavar="CLÉ",
                        help="clé de secours d'une base chiffrée dont la clé n'est pas dans le "
                             "trousseau de cet ordinateur")
    parser.add_argument("--db-passphrase-file", type=Path, default=default, metavar="FICHIER",
                        help="phrase de passe de la base (sans trousseau de clés), lue dans ce "
                             "fichier (- : entrée standard)")


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield sub
                yield from _subparsers(sub)


def _command(args: argparse.Namespace) -> tuple[str, str | None]:
    return args.command, getattr(args, "action", None) if args.command == "db" else None


@contextmanager
def guard(args: argparse.Namespace, *, out: TextIO | None = None,
          keyring: DatabaseKeyring | None = None) -> Iterator[encryption.Unlocked | None]:
    """Unlock ``args.db`` and hold its lock (unless read-only) while the command runs."""
    path: Path | None = getattr(args, "db", None)
    if path is None or args.command is None:
        yield None
        return
    out = out or sys.stdout
    command = _command(args)
    lock = None
    if command not in READ_ONLY:
        name = " ".join(c for c in command if c)
        lock = InstanceLock(path, PROGRAM_CLI.format(command=name)).acquire()
    try:
        creating = args.command == "demo" and cipher.file_state(path) == "new"
        try:
            unlocked = encryption.unlock(
                path, keyring=keyring, recovery_key=getattr(args, "recovery_key", None),
                passphrase=read_passphrase(getattr(args, "db_passphrase_file", None)),
                encrypt_new=creating and not getattr(args, "no_encryption", False))
        except DatabaseKeyringUnavailable as exc:
            if cipher.file_state(path) == "new":
                raise DatabaseKeyringUnavailable(
                    "db_keyring_unavailable_cli",
                    "{reason} Indiquez la phrase de passe avec --db-passphrase-file FICHIER.",
                    reason=exc.message) from exc
            raise DatabaseKeyringUnavailable(
                "db_keyring_refused_cli",
                "{reason} Ouvrez la base avec --recovery-key CLÉ ou --db-passphrase-file "
                "FICHIER.", reason=exc.message) from exc
        if unlocked.encrypted and not unlocked.remembered:
            out.write("Attention : aucun trousseau de clés ici, la clé de secours n'a pas été "
                      "retenue ; redonnez-la à chaque commande.\n")
        yield unlocked
        if unlocked.new_recovery_key:
            print_recovery_key(unlocked.new_recovery_key, path, out)
    finally:
        if lock is not None:
            lock.release()


def print_recovery_key(key: str, path: Path, out: TextIO) -> None:
    out.write(
        "\nCette base est chiffrée. Sa clé est rangée dans le trousseau de cet ordinateur.\n"
        "CLÉ DE SECOURS (affichée une seule fois) — imprimez-la ou notez-la et gardez-la en "
        "lieu sûr :\n\n"
        f"    {key}\n\n"
        f"Elle seule permet d'ouvrir {path} sur un autre ordinateur "
        "(passerelle --recovery-key …).\n")


# --- passerelle db encrypt | decrypt | restore | backup ------------------------------------

def cmd_db_security(args: argparse.Namespace, out: TextIO | None = None,
                    keyring: DatabaseKeyring | None = None) -> int:
    """The ``db`` actions owned here; ``guard`` has already unlocked and locked ``--db``."""
    from passerelle.services import backups  # not at start-up: the GUI parses its options here

    out = out or sys.stdout
    path = Path(args.db)
    if not path.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(path))
    folder = backups.folder_for(path)
    if args.action == "encrypt":
        phrase = read_passphrase(getattr(args, "db_passphrase_file", None))
        report = encryption.encrypt_database(path, folder, keyring=keyring, passphrase=phrase)
        out.write(f"Base chiffrée : {path}\nCopie d'avant conversion : {report.backup_path}\n"
                  f"Sauvegardes chiffrées à leur tour : {report.backups_converted}\n")
        if report.new_recovery_key:
            print_recovery_key(report.new_recovery_key, path, out)
        else:
            out.write("La base s'ouvre avec sa phrase de passe (--db-passphrase-file).\n")
        return 0
    if args.action == "decrypt":
        key = cipher.registered_key(path)
        if key is None:
            raise PasserelleError("db_not_encrypted", "La base {path} n'est pas chiffrée.",
                                  path=str(path))
        report = encryption.decrypt_database(path, folder, key)
        out.write(f"Base déchiffrée : {path} (elle n'est plus protégée sur le disque).\n"
                  f"Copie chiffrée d'avant conversion : {report.backup_path}\n")
        return 0
    if args.action == "restore":
        if args.backup is None:
            raise ValidationError("backup_missing_arg",
                                  "Indiquez la sauvegarde à restaurer : passerelle db restore "
                                  "SAUVEGARDE --db BASE.", field="backup")
        restored = backups.restore(path, args.backup)
        from passerelle.services import maintenance

        report = maintenance.upgrade(path)
        out.write(f"Base restaurée depuis : {restored.restored_from}\n"
                  f"État précédent gardé dans : {restored.previous_saved}\n"
                  f"Schéma : {report.to_revision}\n")
        return 0
    if args.action == "backup":
        info = backups.make_backup(path, KIND_MANUAL, out=args.out)
        state = "chiffrée" if info.encrypted else "non chiffrée"
        out.write(f"Sauvegarde écrite ({state}, vérifiée) : {info.path}\n")
        return 0
    raise ValueError(args.action)
