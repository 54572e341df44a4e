"""Screenshots of synchronisation screens with real conflicts, for ``passerelle screenshot``.

The user's database rarely holds conflicts when screenshots are taken, so the inbox is shown on
a throw-away pair of databases that really conflict (``services.sync_demo``), built in a
temporary folder and removed afterwards: the user's data and keyring are never touched.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap

from passerelle.services import sync_demo, sync_ui
from passerelle.store.database import Database
from passerelle.ui.context import DataBus, UiContext
from passerelle.ui.settings import Settings
from passerelle.ui.tasks import TaskRunner


def _settle(app: QCoreApplication) -> None:
    for _ in range(6):
        app.processEvents()
        app.sendPostedEvents()


def sync_screenshots(app: QCoreApplication, settings: Settings,
                     size: tuple[int, int]) -> list[tuple[str, QPixmap]]:
    """(name, image) of the inbox on a field conflict, on concurrent notes, and the history."""
    from passerelle.ui.dialogs.sync_dialogs import HistoryDialog
    from passerelle.ui.main_window import MainWindow
    from passerelle.ui.screenshot import _composite

    shots: list[tuple[str, QPixmap]] = []
    with tempfile.TemporaryDirectory(prefix="passerelle-sync-shots-") as folder:
        sample = sync_demo.build_conflict_sample(Path(folder))
        db = Database(sample.camille)
        runner = TaskRunner(serial=True)
        ctx = UiContext(db=db, runner=runner, bus=DataBus())
        window = MainWindow(ctx, settings=settings)
        window.save_layout = lambda: None  # type: ignore[method-assign]
        try:
            window.resize(*size)
            window.show()
            view = window.show_view("conflicts")
            _settle(app)
            items = view.items  # type: ignore[attr-defined]
            for name, kind in (("conflicts_inbox", "field"), ("conflicts_notes", "note")):
                item = next((i for i in items if i.kind == kind), None)
                if item is not None:
                    view.select(item.key)  # type: ignore[attr-defined]
                    _settle(app)
                    shots.append((name, window.grab()))
            dialog = HistoryDialog(sync_ui.exchange_history(db), window)
            dialog.show()
            _settle(app)
            shots.append(("sync_history", _composite(window, dialog)))
            dialog.hide()
            dialog.deleteLater()
        finally:
            window.close()
            window.deleteLater()
            _settle(app)
            runner.shutdown()
            db.close()
    return shots
