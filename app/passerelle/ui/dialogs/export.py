"""« Exporter… » from a list: choose a .xlsx or .csv file, export off the UI thread, report.

The views (Organisations, Contacts, Dossiers) call :func:`export_list` with what they show
(their current query): the export takes the same rows in the same order. The work runs in the
background with a cancellable progress dialog (shown after 600 ms); a cancelled export leaves no
file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from passerelle.services import exports
from passerelle.services.lists import ListQuery
from passerelle.services.spreadsheets import Cancelled
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import singular
from passerelle.ui.tasks import Progress

translate = QCoreApplication.translate


def _default_name(what: str) -> str:
    names = {
        exports.ORGANISATIONS: translate("ExportDialog", "organisations_{date}"),
        exports.CONTACTS: translate("ExportDialog", "contacts_{date}"),
        exports.FILES: translate("ExportDialog", "dossiers_{date}"),
        exports.INTERACTIONS: translate("ExportDialog", "echanges_{date}"),
    }
    return names[what].format(date=date.today().isoformat())


def ask_export_path(parent: QWidget | None, what: str) -> Path | None:
    """A .xlsx or .csv file to write (None when cancelled); the extension follows the filter."""
    xlsx = translate("ExportDialog", "Classeur Excel (*.xlsx)")
    csv_filter = translate("ExportDialog", "CSV pour Excel, séparateur point-virgule (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, translate("ExportDialog", "Exporter"), _default_name(what) + ".xlsx",
        f"{xlsx};;{csv_filter}")
    if not path:
        return None
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        path += ".csv" if chosen == csv_filter else ".xlsx"
    return Path(path)


def export_list(parent: QWidget, ctx: UiContext, what: str, query: ListQuery | None = None,
                path: Path | None = None,
                on_done: Callable[[int], None] | None = None,
                on_failed: Callable[[BaseException], None] | None = None) -> None:
    """Ask where (unless ``path``), export in the background, then say how many rows.

    ``on_done(count)`` and ``on_failed(exc)`` replace the default completion message and
    error display (a view that words its own message).
    """
    target = path or ask_export_path(parent, what)
    if target is None:
        return
    db = ctx.db

    def op(progress: Progress) -> int:
        return exports.export(db, what, target, query=query, progress=progress,
                              cancel=progress.cancel)

    def done(count: int) -> None:
        if on_done is not None:
            on_done(count)
            return
        QMessageBox.information(
            parent, translate("ExportDialog", "Export terminé"),
            (translate("ExportDialog", "{n} ligne exportée dans {path}") if singular(count)
             else translate("ExportDialog", "{n} lignes exportées dans {path}"))
            .format(n=count, path=str(target)))

    def failed(exc: BaseException) -> None:
        if on_failed is not None:
            on_failed(exc)
        elif not isinstance(exc, Cancelled):
            show_error(parent, exc)

    ctx.runner.run_with_progress(parent, translate("ExportDialog", "Export en cours…"), op,
                                 done, failed)


__all__ = ["ask_export_path", "export_list"]
