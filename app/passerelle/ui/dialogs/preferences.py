"""Préférences: the interface language and the « stalled files » threshold of Accueil.

Both are UI settings (QSettings, ``ui/settings.py``). The language is read once at start-up,
when translators are installed, so a change applies at the next start — the dialog says so
rather than half-translating the open windows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from passerelle.ui.context import UiContext
from passerelle.ui.settings import Settings
from passerelle.ui.widgets.panels import MUTED


class PreferencesDialog(QDialog):
    """Edit the UI preferences; :meth:`accept` writes them."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(QCoreApplication.translate("PreferencesDialog", "Préférences"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)

        self.language = QComboBox(self)
        self.language.addItem(
            QCoreApplication.translate("PreferencesDialog", "Langue du système"), ""
        )
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        index = self.language.findData(self.settings.language)
        self.language.setCurrentIndex(max(0, index))
        form.addRow(
            QCoreApplication.translate("PreferencesDialog", "Langue de l'interface :"),
            self.language,
        )
        language_note = QLabel(
            QCoreApplication.translate(
                "PreferencesDialog",
                "Le changement de langue s'applique au prochain démarrage de Passerelle.",
            ),
            self,
        )
        language_note.setWordWrap(True)
        language_note.setStyleSheet(f"color: {MUTED};")
        form.addRow("", language_note)

        self.stalled_days = QSpinBox(self)
        self.stalled_days.setRange(7, 365)
        self.stalled_days.setValue(self.settings.stalled_days)
        self.stalled_days.setSuffix(QCoreApplication.translate("PreferencesDialog", " jours"))
        form.addRow(
            QCoreApplication.translate("PreferencesDialog", "Un dossier stagne après :"),
            self.stalled_days,
        )
        stalled_note = QLabel(
            QCoreApplication.translate(
                "PreferencesDialog",
                "Sur l'Accueil, les dossiers actifs "
                "restés plus longtemps à la même étape "
                "sont signalés.",
            ),
            self,
        )
        stalled_note.setWordWrap(True)
        stalled_note.setStyleSheet(f"color: {MUTED};")
        form.addRow("", stalled_note)
        layout.addLayout(form)
        layout.addStretch(1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PreferencesDialog", "Enregistrer")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("PreferencesDialog", "Annuler")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        self.settings.language = str(self.language.currentData())
        self.settings.stalled_days = int(self.stalled_days.value())
        self.settings.sync()
        super().accept()
