"""The ``passerelle import csv`` and ``passerelle export`` commands (DESIGN.md §6).

``cli.py`` owns the parser: it calls :func:`add_parsers` on its sub-parsers and dispatches
``import`` to :func:`cmd_import` and ``export`` to :func:`cmd_export`. Exit codes follow the
contract: 0 done; 1 bad input — for an import, every problem is printed as
``ligne N ; champ ; erreur|avertissement ; message`` and nothing is written —; 2 usage.

A mapping can be given as JSON, inline or in a file: ``{"name": "Raison sociale",
"postal_code": "CP"}`` (field → column header, or column number from 1); the field keys are
listed in ``passerelle import --help``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.vocabulary import OrganisationKind
from passerelle.services import exports, imports
from passerelle.services.spreadsheets import read_sheet
from passerelle.store.database import Database


def add_parsers(sub: Any) -> None:
    """Register ``import csv`` and ``export`` on ``cli.py``'s sub-parsers object."""
    imp = sub.add_parser("import", help="importer un tableur d'organisations ou de contacts")
    imp.add_argument("format", choices=("csv", "xlsx"),
                     help="csv (ou xlsx : le format suit l'extension du fichier)")
    imp.add_argument("file", type=Path, help="fichier .csv, .txt ou .xlsx")
    imp.add_argument("--db", type=Path, required=True)
    imp.add_argument("--kind", choices=imports.KINDS, required=True)
    keys = "; ".join(f"{kind} : {', '.join(f.key for f in fields)}"
                     for kind, fields in imports.FIELDS.items())
    imp.add_argument("--mapping", help="correspondance JSON champ → colonne (en-tête ou numéro), "
                                       "ou fichier .json ; champs : " + keys)
    imp.add_argument("--dry-run", action="store_true",
                     help="vérifier seulement : afficher le rapport sans rien écrire")
    imp.add_argument("--default-kind", choices=[k.value for k in OrganisationKind],
                     default=OrganisationKind.ASSOCIATION.value,
                     help="type des organisations dont la ligne ne dit rien")
    imp.add_argument("--encoding", help="encodage (détecté sinon : utf-8, cp1252)")
    imp.add_argument("--separator", choices=(";", ",", "tab"), help="séparateur (détecté sinon)")
    imp.add_argument("--sheet", help="feuille du classeur .xlsx (la première sinon)")

    exp = sub.add_parser("export", help="exporter vers un tableur (.csv ou .xlsx)")
    exp.add_argument("what", choices=exports.WHAT)
    exp.add_argument("--db", type=Path, required=True)
    exp.add_argument("--out", type=Path, required=True, help="fichier .csv ou .xlsx")


def _open(path: Path) -> Database:
    if not path.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(path))
    return Database(path)


def _mapping(text: str | None) -> dict[str, str | int] | None:
    if not text:
        return None
    source = Path(text)
    try:
        raw = source.read_text(encoding="utf-8") if source.suffix == ".json" else text
        value = json.loads(raw)
    except (OSError, json.JSONDecodeError) as exc:
        raise ValidationError("import_bad_mapping", "Correspondance illisible : {error}",
                              field="mapping", error=str(exc)) from exc
    if not isinstance(value, dict) or not all(isinstance(c, str | int) for c in value.values()):
        raise ValidationError("import_bad_mapping", "Correspondance illisible : {error}",
                              field="mapping", error="{\"champ\": \"colonne\", …} attendu")
    return value


def cmd_import(args: argparse.Namespace, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    separator = "\t" if args.separator == "tab" else args.separator
    sheet = read_sheet(args.file, encoding=args.encoding, delimiter=separator, sheet=args.sheet)
    names = _mapping(args.mapping)
    mapping = (imports.mapping_from_names(args.kind, sheet.headers, names) if names is not None
               else imports.auto_mapping(args.kind, sheet.headers))
    db = _open(args.db)
    try:
        report = imports.import_sheet(db, sheet, args.kind, mapping,
                                      default_kind=args.default_kind, dry_run=args.dry_run)
    finally:
        db.close()
    for line in report.lines():
        print(line, file=out)
    if not report.ok:
        print(f"passerelle: {len(report.errors)} erreur(s) dans {args.file.name} : rien n'a été "
              "importé.", file=err)
        return 1
    if args.kind == imports.ORGANISATIONS:
        what = "organisations à créer" if args.dry_run else "organisations créées"
    else:
        what = "contacts à créer" if args.dry_run else "contacts créés"
    print(f"{report.rows} lignes lues ; {what} : {report.created} ; "
          f"ignorées (déjà présentes) : {report.skipped} ; "
          f"avertissements : {len(report.warnings)}", file=out)
    if args.kind == imports.CONTACTS:
        made = "organisations à créer" if args.dry_run else "organisations créées"
        print(f"{made} : {report.organisations_created} ; "
              f"liens contact–organisation : {report.links}", file=out)
    if args.dry_run:
        print("Vérification seulement (--dry-run) : rien n'a été écrit.", file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    db = _open(args.db)
    try:
        count = exports.export(db, args.what, args.out)
    finally:
        db.close()
    print(f"{count} lignes exportées dans {args.out}", file=out)
    return 0


__all__ = ["add_parsers", "cmd_export", "cmd_import"]
