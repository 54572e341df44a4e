"""``passerelle registry import sirene|rna FILE... --db PATH [--territory mel|all]`` (DESIGN §6).

``cli.py`` owns the parser: it calls :func:`add_registry_parser` and dispatches
``args.command == "registry"`` to :func:`cmd_registry`. Progress goes to stderr, the report
(counts, then the skipped lines worth checking) to stdout. Expected errors are
:class:`PasserelleError`, which ``cli.main`` turns into exit 1 (the registry unchanged).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from passerelle.domain.errors import PasserelleError
from passerelle.services.registry_import import (
    SOURCES,
    TERRITORIES,
    RegistryImportReport,
    import_registry,
)
from passerelle.store.database import Database

#: French labels of the skip reasons (the UI has its own, translated through Qt).
REASON_LABELS: dict[str, str] = {
    "out_of_territory": "hors territoire",
    "closed": "établissement fermé",
    "unit_ceased": "unité légale cessée",
    "dissolved": "association dissoute",
    "not_diffusible": "non diffusible",
    "invalid_siret": "SIRET invalide",
    "invalid_siren": "SIREN invalide",
    "invalid_rna": "numéro RNA invalide",
    "duplicate": "ligne en double",
    "natural_person": "entrepreneur individuel sans nom commercial (personne physique)",
    "no_name": "nom absent ou non diffusé",
    "no_unit": "unité légale absente des fichiers importés",
}


def add_registry_parser(sub: Any) -> None:
    """Register ``registry import`` on ``cli.py``'s sub-parsers object."""
    parser = sub.add_parser("registry", help="registres publics SIRENE et RNA")
    actions = parser.add_subparsers(dest="registry_command", required=True)
    imp = actions.add_parser("import", help="importer les fichiers publiés (CSV ou zip)")
    imp.add_argument("source", choices=SOURCES)
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    imp.add_argument("--db", type=Path, required=True)
    imp.add_argument("--territory", choices=TERRITORIES, default="mel",
                     help="mel : les 95 communes de la Métropole (par défaut) ; all : tout")


def cmd_registry(args: argparse.Namespace, out: TextIO | None = None,
                 err: TextIO | None = None) -> int:
    """Run ``passerelle registry import``; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    if not args.db.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(args.db))
    db = Database(args.db)
    try:
        report = import_registry(db, args.source, args.files, territory=args.territory,
                                 progress=_StderrProgress(err))
    finally:
        db.close()
    err.write("\n")
    print_report(report, out)
    return 0


class _StderrProgress:
    """``  42 % (12,3 Mo sur 29,1 Mo)`` rewritten in place, at most twice a second."""

    def __init__(self, err: TextIO) -> None:
        self._err = err
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.5 and done < total:
            return
        self._last = now
        pct = 100 * done // max(total, 1)
        self._err.write(f"\r  {pct:3d} % ({_mb(done)} sur {_mb(total)})")
        self._err.flush()


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} Mo".replace(".", ",")


def print_report(report: RegistryImportReport, out: TextIO) -> None:
    """The import's counts, then each listed skipped line (file, line, reason, identifier)."""
    source = "SIRENE" if report.source == "sirene" else "RNA"
    out.write(f"Registre {source}, millésime {report.vintage} "
              f"(territoire : {'Métropole' if report.territory == 'mel' else 'tout'})\n")
    out.write(f"Lignes lues : {report.rows_read}\n")
    out.write(f"Importées : {report.rows_imported}\n")
    out.write(f"Ignorées : {report.rows_skipped}\n")
    for reason, n in sorted(report.skipped.items(), key=lambda kv: -kv[1]):
        out.write(f"  {REASON_LABELS.get(reason, reason)} : {n}\n")
    for s in report.lines:
        ident = f" ({s.identifier})" if s.identifier else ""
        out.write(f"{s.file}, ligne {s.line} : {REASON_LABELS.get(s.reason, s.reason)}{ident}\n")
    if report.lines_not_listed:
        out.write(f"… et {report.lines_not_listed} autre(s) ligne(s) non détaillée(s)\n")
    out.write(f"Durée : {report.seconds:.1f} s\n".replace(".", ","))
