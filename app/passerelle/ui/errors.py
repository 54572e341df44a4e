"""Showing errors: expected ones as French messages, bugs in a crash dialog (STYLE.md 7.4)."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError
from passerelle.ui.i18n import message

log = logging.getLogger(__name__)
LOG_PATH: Path | None = None


class Cancelled(Exception):  # noqa: N818 - reads as a state, like asyncio.CancelledError
    """The user cancelled a long operation: nothing to show."""


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Expected error → a warning in the user's language; cancellation → nothing; bug → crash
    dialog with copyable details."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, PasserelleError):
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Passerelle"),
                            message(exc))
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    CrashDialog(exc, parent).exec()


def crash_details(exc: BaseException) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        app_version = version("passerelle")
    except PackageNotFoundError:
        app_version = "?"
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return (f"Passerelle {app_version}\nPython {sys.version.split()[0]} — "
            f"{platform.platform()}\n\n{tb}")


class CrashDialog(QDialog):
    """A bug: say so plainly, show the details, offer to copy them and where the log is."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "Erreur inattendue"))
        layout = QVBoxLayout(self)
        intro = QCoreApplication.translate("CrashDialog",
                   "Passerelle a rencontré une erreur inattendue. Vos données enregistrées "
                   "sont intactes. Copiez les détails ci-dessous pour les transmettre à "
                   "l'équipe de développement.")
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        if LOG_PATH is not None:
            where = QCoreApplication.translate("CrashDialog", "Journal : {path}")
            layout.addWidget(QLabel(where.format(path=LOG_PATH)))
        self.details = QPlainTextEdit(crash_details(exc))
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(QCoreApplication.translate("CrashDialog", "Copier les détails"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._handle_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _handle_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def install_excepthook() -> None:
    """Uncaught exceptions in Qt slots become a crash dialog instead of a silent abort."""

    def hook(etype: type[BaseException], value: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(etype, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        show_error(None, value)

    sys.excepthook = hook
