"""The user guide (F1): the daily jobs explained in the interface's language.

A guide is a document, not a set of labels, so each language has its own HTML file in
``resources/guide/`` (``guide_fr.html``, ``guide_en.html``) rather than hundreds of
translated fragments; the dialog picks the file of the running language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from passerelle.infra.resources import resource_path
from passerelle.ui.i18n import current_language

SECTIONS = ("rencontre", "dossier", "convention", "synthese", "synchro", "recherche", "donnees")


def guide_file(language: str | None = None) -> Path:
    """The guide of ``language`` (the running one by default), French when missing."""
    path = resource_path("guide", f"guide_{language or current_language()}.html")
    return path if path.is_file() else resource_path("guide", "guide_fr.html")


class GuideDialog(QDialog):
    """A non-modal window with the guide; ``show_section`` jumps to one job."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("GuideDialog", "Guide d'utilisation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_file())))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)
