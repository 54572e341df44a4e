"""Préférences: the interface language, the « stalled files » threshold, and your structure.

The language and the threshold are UI settings (QSettings, ``ui/settings.py``). The language is
read once at start-up, when translators are installed, so a change applies at the next start —
the dialog says so rather than half-translating the open windows.

« Votre structure » (name, address, commune, logo) is printed by the document templates
(``structure.*``), so it is stored in the database through ``services.structure`` (backed up
and synced with the data it describes); the logo is copied next to the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from passerelle.services import structure
from passerelle.services.structure import KEEP_LOGO, StructureSettings
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.settings import Settings
from passerelle.ui.widgets.panels import MUTED

LOGO_HEIGHT = 48


def ask_logo_path(parent: QWidget | None) -> Path | None:
    """The picture to use as logo (a function, so tests replace it); None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("PreferencesDialog", "Choisir le logo"), "",
        QCoreApplication.translate("PreferencesDialog", "Images (*.png *.jpg *.jpeg *.gif)"))
    return Path(name) if name else None


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
        layout.addWidget(self._build_structure_box())
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
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self._load_structure()

    # --- votre structure ----------------------------------------------------------------------
    def _build_structure_box(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("PreferencesDialog",
                                                   "Votre structure (documents)"), self)
        form = QFormLayout(box)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        self.structure_name = QLineEdit(box)
        self.structure_name.setPlaceholderText(QCoreApplication.translate(
            "PreferencesDialog", "Ex. Maison des Associations de Roubaix"))
        self.structure_address = QLineEdit(box)
        self.structure_address.setPlaceholderText(QCoreApplication.translate(
            "PreferencesDialog", "Rue, code postal et commune"))
        self.structure_commune = QLineEdit(box)
        self.structure_commune.setPlaceholderText(QCoreApplication.translate(
            "PreferencesDialog", "Pour « Roubaix, le … » en tête des lettres"))
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Nom :"), self.structure_name)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Adresse :"),
                    self.structure_address)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Commune :"),
                    self.structure_commune)

        self.logo_preview = QLabel(box)
        self.logo_preview.setFixedSize(160, LOGO_HEIGHT + 8)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet(
            "border: 1px dashed #c2ccd6; border-radius: 4px; color: #5f6b7a;")
        self.logo_button = QPushButton(QCoreApplication.translate(
            "PreferencesDialog", "Choisir une image…"), box)
        self.logo_button.clicked.connect(self._handle_logo_clicked)
        self.logo_remove = QPushButton(QCoreApplication.translate(
            "PreferencesDialog", "Retirer"), box)
        self.logo_remove.clicked.connect(self._handle_logo_removed)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        logo_row.addStretch(1)
        form.addRow(QCoreApplication.translate("PreferencesDialog", "Logo :"), logo_row)
        note = QLabel(QCoreApplication.translate(
            "PreferencesDialog",
            "Le nom, l'adresse et le logo figurent en tête des conventions, lettres et "
            "invitations. Le logo (PNG, JPEG ou GIF, 5 Mo au plus) est copié avec vos "
            "données."), box)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED};")
        form.addRow("", note)
        self._logo_choice: Path | None = KEEP_LOGO
        self._current_logo: Path | None = None
        self._show_logo(None)
        return box

    def _load_structure(self) -> None:
        db = self.ctx.db
        self.ctx.runner.run(lambda: structure.get_structure(db), self._handle_structure_loaded,
                            self._handle_failed)

    def _handle_structure_loaded(self, current: StructureSettings) -> None:
        self.structure_name.setText(current.name)
        self.structure_address.setText(current.address)
        self.structure_commune.setText(current.commune)
        self._current_logo = current.logo
        self._logo_choice = KEEP_LOGO
        self._show_logo(current.logo)

    def _show_logo(self, path: Path | None) -> None:
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(QCoreApplication.translate("PreferencesDialog",
                                                                 "Aucun logo"))
        else:
            self.logo_preview.setText("")
            self.logo_preview.setPixmap(pixmap.scaled(
                152, LOGO_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        self.logo_remove.setEnabled(not pixmap.isNull())

    def _handle_logo_clicked(self) -> None:
        path = ask_logo_path(self)
        if path is None:
            return
        self._logo_choice = path
        self._show_logo(path)

    def _handle_logo_removed(self) -> None:
        self._logo_choice = None
        self._show_logo(None)

    def _handle_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, exc)

    # --- saving -------------------------------------------------------------------------------
    def accept(self) -> None:
        """Write the UI settings, then the structure (a refused logo keeps the dialog open)."""
        self.settings.language = str(self.language.currentData())
        self.settings.stalled_days = int(self.stalled_days.value())
        self.settings.sync()
        db, logo = self.ctx.db, self._logo_choice
        name = self.structure_name.text()
        address = self.structure_address.text()
        commune = self.structure_commune.text()
        self.save_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: structure.save_structure(db, name=name, address=address, commune=commune,
                                             logo=logo),
            self._handle_structure_saved, self._handle_failed)

    def _handle_structure_saved(self, _saved: StructureSettings) -> None:
        self.ctx.bus.changed.emit("setting")
        super().accept()
