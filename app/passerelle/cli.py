"""The ``passerelle`` command (DESIGN.md §6): the app by default, sub-commands for headless work.

Exit codes are a contract: 0 success; 1 bad input, with a one-line reason on stderr and nothing
changed; 2 usage error (argparse). Commands that change data print what they did as counts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from passerelle.domain.errors import PasserelleError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _app_parser() -> argparse.ArgumentParser:
    """The top-level options: what starting the application takes."""
    parser = argparse.ArgumentParser(
        prog="passerelle",
        description="Passerelle — CRM des partenariats associations–entreprises.",
    )
    parser.add_argument("--db", type=Path, help="base de données à ouvrir")
    parser.add_argument("--demo", action="store_true",
                        help="ouvrir la base de démonstration (créée au premier lancement)")
    parser.add_argument("--data-dir", type=Path, help="dossier des données (tests, portable)")
    parser.add_argument("--lang", choices=("fr", "en"), help="langue de l'interface")
    parser.add_argument("--smoke", action="store_true",
                        help="ouvrir chaque vue puis quitter (test de fumée)")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _app_parser()
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="créer une base de démonstration")
    demo.add_argument("--db", type=Path, required=True)
    demo.add_argument("--scale", choices=("mda", "metropolis"), default="mda")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--no-encryption", action="store_true",
                      help="ne pas chiffrer la base (par défaut : chiffrée, clé au trousseau)")

    db = sub.add_parser("db", help="maintenance de la base")
    db.add_argument("action", choices=("upgrade", "check", "backup", "restore", "encrypt",
                                       "decrypt"))
    db.add_argument("backup", type=Path, nargs="?", help="sauvegarde à restaurer (db restore)")
    db.add_argument("--db", type=Path, required=True)
    db.add_argument("--out", type=Path, help="fichier de sauvegarde (db backup)")
    db.add_argument("--deep", action="store_true",
                    help="vérifier aussi que les tables se reconstruisent depuis le journal")

    stats = sub.add_parser("stats", help="chiffres clés de la base")
    stats.add_argument("--db", type=Path, required=True)
    stats.add_argument("--json", action="store_true")
    stats.add_argument("--from", dest="start", help="observatoire : début de période (AAAA-MM-JJ)")
    stats.add_argument("--to", dest="end", help="observatoire : fin de période (AAAA-MM-JJ)")
    stats.add_argument("--facilitator", help="observatoire : un facilitateur (nom exact)")
    stats.add_argument("--commune", help="observatoire : code INSEE de la commune")
    stats.add_argument("--qpv", choices=("oui", "non"), help="observatoire : en QPV ou hors QPV")

    doc = sub.add_parser("doc", help="documents à partir de modèles .docx")
    doc_sub = doc.add_subparsers(dest="doc_action", required=True)
    render = doc_sub.add_parser("render", help="générer un document pour un dossier")
    render.add_argument("--db", type=Path, required=True)
    render.add_argument("--template", required=True, help="nom d'un modèle ou chemin .docx")
    render.add_argument("--file", required=True, help="identifiant ou référence (D-2026-0042)")
    render.add_argument("--agreement", help="identifiant de la convention (facultatif)")
    render.add_argument("--out", type=Path, required=True)

    summary = sub.add_parser("summary", help="fiche de synthèse d'un dossier (.docx ou .pdf)")
    summary.add_argument("--db", type=Path, required=True)
    summary.add_argument("--file", required=True, help="identifiant ou référence")
    summary.add_argument("--out", type=Path, required=True)

    from passerelle.services import sync_cli

    sync_cli.add_sync_parser(sub)
    from passerelle.services import registry_cli

    registry_cli.add_registry_parser(sub)

    from passerelle.services import spreadsheet_cli

    spreadsheet_cli.add_parsers(sub)

    from passerelle.services import rgpd_cli

    rgpd_cli.add_rgpd_parser(sub)

    shot = sub.add_parser("screenshot", help="capturer chaque vue en PNG (hors écran)")
    shot.add_argument("--db", type=Path, required=True)
    shot.add_argument("--out", type=Path, required=True)
    from passerelle.services import security_cli

    security_cli.add_key_options(parser)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line's arguments; starting the application skips the sub-commands' parsers.

    Building every sub-command imports most services (their choices come from them): about
    1 s before the first window, which DESIGN.md §8 compares with a bare window's start.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not any(a in ("-h", "--help") for a in args_list):
        from passerelle.services import security_cli

        app_parser = _app_parser()
        security_cli.add_key_options(app_parser)
        app_parser.set_defaults(command=None)
        args, rest = app_parser.parse_known_args(args_list)
        if not rest:
            return args
    return build_parser().parse_args(args_list)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return _dispatch(args)
    except PasserelleError as exc:
        print(f"passerelle: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _existing_db(path: Path) -> Path:
    if not path.exists():
        raise PasserelleError("db_missing", "La base {path} n'existe pas.", path=str(path))
    return path


def _dispatch(args: argparse.Namespace) -> int:
    from passerelle import bootstrap
    from passerelle.infra.paths import AppPaths

    paths = AppPaths.default(args.data_dir)
    if args.command is None:
        return _run_gui(args, paths)
    bootstrap.configure_logging(paths, verbose=args.verbose)
    handler = {"demo": _cmd_demo, "db": _cmd_db, "stats": _cmd_stats, "doc": _cmd_doc,
               "summary": _cmd_summary, "screenshot": _cmd_screenshot,
               "sync": _cmd_sync, "import": _cmd_import, "export": _cmd_export,
               "registry": _cmd_registry, "rgpd": _cmd_rgpd}[args.command]
    from passerelle.services import security_cli

    with security_cli.guard(args):  # key of --db, and its instance lock for writes
        return handler(args, paths)


def _cmd_demo(args: argparse.Namespace, paths: object) -> int:
    from passerelle import bootstrap
    from passerelle.services import demo, stats

    if args.db.exists() and args.db.stat().st_size > 0:
        raise PasserelleError("demo_db_exists",
                              "La base {path} existe déjà : choisissez un nouveau fichier.",
                              path=str(args.db))
    db = bootstrap.open_database(args.db)
    try:
        demo.generate(db, args.scale, seed=args.seed,
                      progress=lambda i, n: print(f"\r{i}/{n}", end="", file=sys.stderr))
        print(file=sys.stderr)
        counts = stats.collect(db)["counts"]
    except BaseException:
        db.close()
        args.db.unlink(missing_ok=True)
        raise
    db.close()
    print(f"Base de démonstration « {args.scale} » créée : {args.db}")
    for entity, n in counts.items():
        print(f"  {entity}: {n}")
    return EXIT_OK


def _cmd_db(args: argparse.Namespace, paths: object) -> int:
    from passerelle.services import maintenance, security_cli

    path = _existing_db(args.db)
    if args.action in ("backup", "restore", "encrypt", "decrypt"):
        return security_cli.cmd_db_security(args)
    if args.action == "upgrade":
        report = maintenance.upgrade(path)
        if report.from_revision == report.to_revision:
            print(f"Schéma déjà à jour ({report.to_revision}).")
        else:
            print(f"Schéma mis à jour : {report.from_revision} → {report.to_revision}.")
            if report.backup_path:
                print(f"Sauvegarde : {report.backup_path}")
        return EXIT_OK
    result = maintenance.check(path, deep=args.deep)
    for line in result.lines():
        print(line)
    return EXIT_OK if result.ok else EXIT_BAD_INPUT


def _cmd_stats(args: argparse.Namespace, paths: object) -> int:
    from passerelle import bootstrap
    from passerelle.services import observatory, stats

    flt = observatory.filter_from_text(args.start, args.end, args.facilitator, args.commune,
                                       args.qpv)
    db = bootstrap.open_database(_existing_db(args.db))
    try:
        figures = stats.collect(db)
        figures["observatory"] = observatory.compute(db, flt).to_json()
    finally:
        db.close()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for entity, n in figures["counts"].items():
            print(f"{entity}: {n}")
        print("Dossiers par étape :")
        for stage, n in figures["files_by_stage"].items():
            print(f"  {stage}: {n}")
    return EXIT_OK


def _cmd_doc(args: argparse.Namespace, paths: object) -> int:
    from passerelle import bootstrap
    from passerelle.services import documents

    db = bootstrap.open_database(_existing_db(args.db))
    try:
        doc = documents.render_for_file(db, args.file, args.template, args.out,
                                        agreement_id=args.agreement)
    finally:
        db.close()
    print(f"Document écrit : {args.out} (version {doc.version}, {doc.size_bytes} octets)")
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace, paths: object) -> int:
    from passerelle import bootstrap
    from passerelle.ui.summary_pdf import export_summary  # Qt only for this command

    db = bootstrap.open_database(_existing_db(args.db))
    try:
        export_summary(db, args.file, args.out)
    finally:
        db.close()
    print(f"Fiche de synthèse écrite : {args.out}")
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace, paths: object) -> int:
    from passerelle.services import sync_cli

    return sync_cli.cmd_sync(args)


def _cmd_import(args: argparse.Namespace, paths: object) -> int:
    from passerelle.services import spreadsheet_cli

    return spreadsheet_cli.cmd_import(args)


def _cmd_export(args: argparse.Namespace, paths: object) -> int:
    from passerelle.services import spreadsheet_cli

    return spreadsheet_cli.cmd_export(args)


def _cmd_registry(args: argparse.Namespace, paths: object) -> int:
    from passerelle.services import registry_cli

    return registry_cli.cmd_registry(args)


def _cmd_rgpd(args: argparse.Namespace, paths: object) -> int:
    from passerelle.services import rgpd_cli

    return rgpd_cli.cmd_rgpd(args)


def _cmd_screenshot(args: argparse.Namespace, paths: object) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from passerelle import bootstrap
    from passerelle.ui.app import create_app
    from passerelle.ui.screenshot import take_screenshots

    db = bootstrap.open_database(_existing_db(args.db))
    app = create_app(["passerelle"])
    try:
        written = take_screenshots(db, args.out)
    finally:
        db.close()
    del app
    for path in written:
        print(path)
    return EXIT_OK


def _run_gui(args: argparse.Namespace, paths: object) -> int:
    from passerelle import bootstrap
    from passerelle.infra.paths import AppPaths
    from passerelle.services.sync_cli import read_passphrase

    assert isinstance(paths, AppPaths)
    paths.ensure()
    log_file = bootstrap.configure_logging(paths, verbose=args.verbose)
    from passerelle.ui import errors, startup
    from passerelle.ui.app import run_gui

    errors.LOG_PATH = log_file
    startup.prepare_app(args.lang)  # the lock and key dialogs come before the window
    answers = None
    use_demo = args.demo
    if not args.demo and args.db is None and not paths.database.exists() and not args.smoke:
        from passerelle.services import first_run
        from passerelle.ui.welcome import run_welcome

        answers = run_welcome(first_run.verify, language=args.lang)
        if answers is None:
            return 0  # « Quitter » on the welcome wizard
        use_demo = answers.choice is first_run.StartChoice.DEMO
    path = paths.demo_database if use_demo else (args.db or paths.database)
    # The demo holds fictitious data only: it stays plain, so `passerelle --demo` opens on any
    # machine, keyring or not (README Quick start). Real databases are encrypted.
    session = startup.open_session(path, recovery_key=args.recovery_key,
                                   passphrase=read_passphrase(args.db_passphrase_file),
                                   interactive=not args.smoke, encrypt_new=not use_demo)
    if session is None:
        return EXIT_BAD_INPUT
    try:
        if use_demo and not path.exists():
            from passerelle.services import demo

            print("Création de la base de démonstration (une fois, ~20 s)…", file=sys.stderr)
            db = bootstrap.open_database(path, paths)
            try:
                demo.generate(db, "mda")
            except BaseException:
                db.close()
                path.unlink(missing_ok=True)
                raise
        elif answers is not None and not use_demo:
            db = bootstrap.create_first_database(path, paths, answers)
        elif session.unlocked.new_recovery_key is None:
            # the window shows first, the database opens behind it (ui/startup_window.py)
            from passerelle.ui.startup_window import PendingDatabase

            return run_gui(PendingDatabase(path, lambda: bootstrap.open_database(path, paths)),
                           smoke=args.smoke, language=args.lang, documents_dir=paths.documents)
        else:
            db = bootstrap.open_database(path, paths)
        session.show_new_recovery_key()
        try:
            return run_gui(db, smoke=args.smoke, language=args.lang,
                           documents_dir=paths.documents)
        finally:
            db.close()
    finally:
        session.release()
