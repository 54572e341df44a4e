"""``passerelle rgpd review|export|erase|register``: the RGPD tools for scripts.

Output lines never print the people of an erasure (only counts); ``review`` prints who is due,
which is what the facilitator asked for on their own terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from passerelle.domain.errors import PasserelleError
from passerelle.services import rgpd
from passerelle.store.database import Database


def add_rgpd_parser(sub: Any) -> None:
    """Register ``rgpd …`` on ``cli.py``'s sub-parsers object."""
    parser = sub.add_parser("rgpd", help="RGPD : revue de conservation, accès, effacement")
    actions = parser.add_subparsers(dest="rgpd_command", required=True)
    review = actions.add_parser("review", help="personnes sans contact entrant depuis 3 ans")
    review.add_argument("--db", type=Path, required=True)
    export = actions.add_parser("export", help="export droit d'accès d'une personne (.zip)")
    export.add_argument("contact_id")
    export.add_argument("--db", type=Path, required=True)
    export.add_argument("--out", type=Path, required=True)
    erase = actions.add_parser("erase", help="anonymiser ou effacer des personnes")
    erase.add_argument("contact_ids", nargs="+")
    erase.add_argument("--db", type=Path, required=True)
    erase.add_argument("--mode", choices=("anonymise", "erase"), required=True)
    register = actions.add_parser("register", help="registre des traitements (.docx)")
    register.add_argument("--db", type=Path, required=True)
    register.add_argument("--out", type=Path, required=True)


def _open(path: Path) -> Database:
    if not path.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(path))
    return Database(path)


def cmd_rgpd(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run ``passerelle rgpd …``; returns the exit code."""
    out = out or sys.stdout
    db = _open(args.db)
    try:
        if args.rgpd_command == "review":
            due = rgpd.retention_review(db)
            for c in due:
                print(f"{c.facts.id}\t{c.facts.full_name}\t{c.organisation or ''}\t"
                      f"{c.facts.reference_on.isoformat()}\t{c.facts.reference_kind}", file=out)
            print(f"{len(due)} personne(s) à revoir", file=out)
        elif args.rgpd_command == "export":
            path = rgpd.access_export(db, args.contact_id, args.out)
            print(f"export écrit : {path}", file=out)
        elif args.rgpd_command == "erase":
            report = rgpd.erase_contacts(db, args.contact_ids, mode=args.mode)
            print(f"{report.people} personne(s) traitée(s), {report.redacted_rows} "
                  f"enregistrement(s) expurgé(s), {len(report.documents)} document(s) à "
                  f"vérifier", file=out)
        else:
            path = rgpd.processing_register(db, args.out)
            print(f"registre écrit : {path}", file=out)
    finally:
        db.close()
    return 0
