"""The operations the crash harness kills, run in a child process.

``python -m tests.reliability.ops OP JSON_ARGS`` imports what the operation needs, opens the
database, prints ``START`` (the parent starts its random timer only then, so the kill lands
in the operation rather than in Python's start-up), runs the operation and prints ``DONE``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _start() -> None:
    sys.stdout.write("START\n")
    sys.stdout.flush()


def demo(args: dict[str, Any]) -> None:
    from datetime import date

    from passerelle.services import demo as demo_service
    from passerelle.store.database import Database

    db = Database(Path(args["db"]))
    scale = demo_service.Scale(**args["scale"]) if args.get("scale") else \
        demo_service.SCALES["mda"]
    _start()
    demo_service._Gen(db, scale, 2026, date(2026, 6, 1), None, None).run()  # noqa: SLF001


def sync_import(args: dict[str, Any]) -> None:
    from passerelle.services import sync
    from passerelle.store import sync_file
    from passerelle.store.database import Database

    sync_file.DEFAULT_SCRYPT = sync_file.ScryptParams(n=2**10, r=8, p=1)
    db = Database(Path(args["db"]))
    _start()
    sync.import_file(db, Path(args["file"]), secrets=None, passphrase=args["passphrase"],
                     confirm_mass_delete=True)


def migrate(args: dict[str, Any]) -> None:
    from passerelle.services import maintenance

    _start()
    maintenance.upgrade(Path(args["db"]))


def letters(args: dict[str, Any]) -> None:
    from passerelle.services import documents
    from passerelle.store.database import Database

    db = Database(Path(args["db"]))
    _start()
    documents.render_letters(db, args["template"], args["files"], Path(args["out"]))


def registry(args: dict[str, Any]) -> None:
    """The registry import (issue #3's ``services.registry_import``), once it has landed."""
    import importlib

    from passerelle.store.database import Database

    module = importlib.import_module("passerelle.services.registry_import")
    db = Database(Path(args["db"]))
    _start()
    module.import_registry(db, args["source"], [Path(p) for p in args["files"]])


OPS: dict[str, Callable[[dict[str, Any]], None]] = {
    "demo": demo, "sync_import": sync_import, "migrate": migrate, "letters": letters,
    "registry": registry,
}

if __name__ == "__main__":
    OPS[sys.argv[1]](json.loads(sys.argv[2]))
    sys.stdout.write("DONE\n")
    sys.stdout.flush()
