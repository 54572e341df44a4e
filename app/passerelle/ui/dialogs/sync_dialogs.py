"""Dialogs of the « Synchronisation » menu: passphrase, export, summary, history, folder, team.

Each dialog only shows and collects; the work goes through ``services.sync_ui`` on the task
runner (``ui/sync_menu.py`` drives them). Secrets never touch the disk in clear: the team key
lives in the OS keyring, a passphrase is asked when there is none, and a key package for a
colleague is always protected by a passphrase that travels by another channel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError
from passerelle.infra.secrets import SecretStore
from passerelle.services import sync_ui
from passerelle.services.sync_ui import BatchReport, Exchange, FileOutcome, SyncStatus
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import message
from passerelle.ui.sync_labels import moment_text
from passerelle.ui.widgets.panels import DANGER, MUTED, title_font

MIN_PASSPHRASE = 8


def _muted(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED};")
    return label


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def reason_text(template: str | None, params: dict[str, str]) -> str:
    """A stored (French) reason, translated like an error message."""
    if not template:
        return ""
    text = QCoreApplication.translate("Errors", template)
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


# --- Passphrase ----------------------------------------------------------------------------------

class PassphraseDialog(QDialog):
    """Ask a passphrase; ``create=True`` asks it twice and wants at least 8 characters."""

    def __init__(self, parent: QWidget | None, title: str, explanation: str, *,
                 create: bool) -> None:
        super().__init__(parent)
        self.create = create
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(explanation, self))
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("PassphraseDialog", "Phrase de passe :"),
                    self.passphrase)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("passphrase_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        if create:
            form.addRow(QCoreApplication.translate("PassphraseDialog", "Confirmation :"),
                        self.confirm)
        else:
            self.confirm.hide()
        layout.addLayout(form)
        self.show_box = QCheckBox(
            QCoreApplication.translate("PassphraseDialog", "Afficher les caractères"), self)
        self.show_box.toggled.connect(self._handle_show_toggled)
        layout.addWidget(self.show_box)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {DANGER};")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PassphraseDialog", "Valider"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("PassphraseDialog", "Annuler"))
        buttons.accepted.connect(self._handle_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _handle_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def problem(self) -> str:
        """Why the typed passphrase cannot be used ('' if it can)."""
        text = self.passphrase.text()
        if not text:
            return QCoreApplication.translate("PassphraseDialog", "Saisissez la phrase de passe.")
        if self.create and len(text) < MIN_PASSPHRASE:
            return QCoreApplication.translate(
                "PassphraseDialog", "La phrase de passe doit compter au moins 8 caractères.")
        if self.create and text != self.confirm.text():
            return QCoreApplication.translate(
                "PassphraseDialog", "Les deux saisies ne sont pas identiques.")
        return ""

    def _handle_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, explanation: str, *,
            create: bool = False) -> str | None:
        """The passphrase typed, or None if the user cancelled (tests replace this)."""
        dialog = cls(parent, title, explanation, create=create)
        try:
            return dialog.passphrase.text() if dialog.exec() else None
        finally:
            dialog.deleteLater()


# --- Export --------------------------------------------------------------------------------------

class ExportDialog(QDialog):
    """Where the export goes (the shared folder or another one) and how it is protected."""

    def __init__(self, parent: QWidget | None, status: SyncStatus,
                 last_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setWindowTitle(
            QCoreApplication.translate("ExportDialog", "Exporter mes modifications"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_wrapped(QCoreApplication.translate(
            "ExportDialog",
            "Passerelle écrit un fichier de synchronisation avec tout ce que contient votre "
            "base. Vos collègues l'importent pour recevoir vos modifications ; il est chiffré "
            "et ne peut être ouvert que par votre équipe."), self))
        shared = status.shared_folder
        self.shared_radio = QRadioButton(
            QCoreApplication.translate("ExportDialog", "Dans le dossier partagé : {path}").format(
                path=shared) if shared else
            QCoreApplication.translate("ExportDialog",
                                       "Dans le dossier partagé (aucun n'est choisi)"), self)
        self.shared_radio.setObjectName("to_shared")
        self.shared_radio.setEnabled(shared is not None)
        self.other_radio = QRadioButton(
            QCoreApplication.translate("ExportDialog", "Dans un autre dossier (clé USB…) :"), self)
        self.other_radio.setObjectName("to_other")
        layout.addWidget(self.shared_radio)
        layout.addWidget(self.other_radio)
        row = QHBoxLayout()
        self.folder = QLineEdit(str(last_folder or ""), self)
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(QCoreApplication.translate(
            "ExportDialog", "Choisissez un dossier avec « Parcourir… »"))
        self.folder.textEdited.connect(lambda _t: self.other_radio.setChecked(True))
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Parcourir…"), self)
        browse.clicked.connect(self._handle_browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        (self.shared_radio if shared else self.other_radio).setChecked(True)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #dde3e9;")
        layout.addWidget(line)
        needs = not status.team_key_here
        self.protect = QCheckBox(QCoreApplication.translate(
            "ExportDialog", "Protéger aussi par une phrase de passe"), self)
        self.protect.setObjectName("protect")
        self.protect.setChecked(needs)
        self.protect.setEnabled(not needs)
        layout.addWidget(self.protect)
        if needs:
            why = (QCoreApplication.translate(
                "ExportDialog",
                "Aucun trousseau de clés n'est disponible sur cet ordinateur : le fichier sera "
                "protégé par une phrase de passe, à communiquer à vos collègues par un autre "
                "moyen (téléphone, de vive voix). Rien n'est jamais écrit en clair.")
                if not status.keyring_available else QCoreApplication.translate(
                "ExportDialog",
                "La clé de l'équipe n'est pas dans le trousseau de cet ordinateur : le fichier "
                "sera protégé par une phrase de passe (ou importez la clé d'équipe : menu "
                "Synchronisation › Équipe…)."))
        else:
            why = QCoreApplication.translate(
                "ExportDialog",
                "Le fichier est protégé par la clé de l'équipe, rangée dans le trousseau du "
                "système. Une phrase de passe en plus permet à un collègue qui n'a pas encore "
                "la clé de l'ouvrir.")
        layout.addWidget(_muted(why, self))
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("passphrase_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("ExportDialog", "Phrase de passe :"),
                    self.passphrase)
        form.addRow(QCoreApplication.translate("ExportDialog", "Confirmation :"), self.confirm)
        layout.addLayout(form)
        self.protect.toggled.connect(self._sync_enabled)
        self._sync_enabled()
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {DANGER};")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ExportDialog", "Exporter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ExportDialog", "Annuler"))
        buttons.accepted.connect(self._handle_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _sync_enabled(self) -> None:
        on = self.protect.isChecked()
        self.passphrase.setEnabled(on)
        self.confirm.setEnabled(on)

    def _handle_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("ExportDialog", "Dossier de l'export"),
            self.folder.text())
        if chosen:
            self.folder.setText(chosen)
            self.other_radio.setChecked(True)

    def destination(self) -> Path | None:
        if self.shared_radio.isChecked():
            return self.status.shared_folder
        text = self.folder.text().strip()
        return Path(text) if text else None

    def chosen_passphrase(self) -> str | None:
        return self.passphrase.text() if self.protect.isChecked() else None

    def problem(self) -> str:
        folder = self.destination()
        if folder is None:
            return QCoreApplication.translate("ExportDialog", "Choisissez le dossier de l'export.")
        if not folder.is_dir():
            return QCoreApplication.translate(
                "ExportDialog", "Le dossier {path} n'existe pas.").format(path=folder)
        if self.protect.isChecked():
            text = self.passphrase.text()
            if len(text) < MIN_PASSPHRASE:
                return QCoreApplication.translate(
                    "ExportDialog", "La phrase de passe doit compter au moins 8 caractères.")
            if text != self.confirm.text():
                return QCoreApplication.translate(
                    "ExportDialog", "Les deux saisies de la phrase de passe diffèrent.")
        return ""

    def _handle_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, status: SyncStatus,
            last_folder: Path | None = None) -> tuple[Path, str | None] | None:
        """(folder, passphrase or None), or None if cancelled (tests replace this)."""
        dialog = cls(parent, status, last_folder)
        try:
            if not dialog.exec():
                return None
            folder = dialog.destination()
            assert folder is not None
            return folder, dialog.chosen_passphrase()
        finally:
            dialog.deleteLater()


# --- Import summary ------------------------------------------------------------------------------

def outcome_text(outcome: FileOutcome) -> str:
    """What happened to one file, in a sentence."""
    t = QCoreApplication.translate
    if outcome.result == "ok" and outcome.report is not None:
        return t("ImportSummary", "Importé — nouveaux changements : {new} ; en conflit : "
                                  "{conflicts}.").format(new=outcome.report.new_changes,
                                                         conflicts=outcome.report.conflicts)
    if outcome.result == "already":
        return t("ImportSummary", "Déjà importé : rien de nouveau.")
    reason = message(outcome.error) if outcome.error is not None else ""
    if outcome.result == "quarantined":
        return t("ImportSummary", "Refusé : {reason} Le fichier a été mis en quarantaine "
                                  "({path}). La base n'a pas été modifiée.").format(
            reason=reason, path=outcome.quarantine_path)
    return t("ImportSummary", "Non importé : {reason} Le fichier est resté à sa place ; la "
                              "base n'a pas été modifiée.").format(reason=reason)


class ImportSummaryDialog(QDialog):
    """After an import: totals first, then each file, its warnings and failures."""

    def __init__(self, report: BatchReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.show_conflicts = False
        t = QCoreApplication.translate
        self.setWindowTitle(t("ImportSummary", "Résultat de l'import"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        ok = [o for o in report.outcomes if o.result in ("ok", "already")]
        headline = QLabel(self)
        headline.setFont(title_font(3))
        headline.setWordWrap(True)
        if report.failed and not ok:
            headline.setText(t("ImportSummary", "Aucun fichier n'a été importé"))
        elif report.failed:
            headline.setText(t("ImportSummary", "Import terminé, avec des fichiers refusés"))
        else:
            headline.setText(t("ImportSummary", "Import terminé"))
        layout.addWidget(headline)
        if report.cancelled:
            layout.addWidget(_muted(t(
                "ImportSummary", "Import interrompu à votre demande : les fichiers suivants "
                                 "n'ont pas été lus."), self))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.addRow(t("ImportSummary", "Fichiers importés :"),
                    QLabel(str(sum(1 for o in report.outcomes if o.result == "ok")), self))
        form.addRow(t("ImportSummary", "Nouveaux changements :"),
                    QLabel(str(report.new_changes), self))
        self.conflicts_label = QLabel(str(report.conflicts_total), self)
        self.conflicts_label.setObjectName("conflicts_total")
        form.addRow(t("ImportSummary", "Conflits à examiner :"), self.conflicts_label)
        form.addRow(t("ImportSummary", "Changements mis de côté (version plus récente) :"),
                    QLabel(str(report.parked), self))
        form.addRow(t("ImportSummary", "Fichiers refusés :"),
                    QLabel(str(len(report.failed)), self))
        layout.addLayout(form)

        files = QWidget(self)
        files.setObjectName("outcomes")
        rows = QVBoxLayout(files)
        rows.setContentsMargins(8, 6, 8, 6)
        rows.setSpacing(8)
        self.outcome_labels: list[QLabel] = []
        for outcome in report.outcomes:
            failed = outcome.result in ("quarantined", "refused")
            name = QLabel(files)
            bold = name.font()
            bold.setWeight(bold.Weight.DemiBold)
            name.setFont(bold)
            # export names are long ids: elide in the middle, the full path is in the tooltip
            name.setText(QFontMetrics(bold).elidedText(
                outcome.path.name, Qt.TextElideMode.ElideMiddle, 660))
            name.setToolTip(str(outcome.path))
            rows.addWidget(name)
            result = _wrapped(outcome_text(outcome), files)
            result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if failed:
                result.setStyleSheet(f"color: {DANGER};")
            self.outcome_labels.append(result)
            rows.addWidget(result)
        rows.addStretch(1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(files)
        area.setMinimumHeight(120)
        layout.addWidget(area, 1)
        if report.warnings:
            layout.addWidget(QLabel("<b>{}</b>".format(t("ImportSummary", "Avertissements")),
                                    self))
            for warning in dict.fromkeys(report.warnings):
                layout.addWidget(_wrapped(f"• {warning}", self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            t("ImportSummary", "Fermer"))
        self.conflicts_button = QPushButton(t("ImportSummary", "Voir les conflits"), self)
        self.conflicts_button.setObjectName("see_conflicts")
        buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.conflicts_button.setVisible(report.conflicts_total > 0)  # after addButton shows it
        self.conflicts_button.clicked.connect(self._handle_conflicts)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def _handle_conflicts(self) -> None:
        self.show_conflicts = True
        self.accept()

    @classmethod
    def present(cls, report: BatchReport, parent: QWidget | None) -> bool:
        """Show the summary; True if the user asked to see the conflicts (tests replace it)."""
        dialog = cls(report, parent)
        try:
            dialog.exec()
            return dialog.show_conflicts
        finally:
            dialog.deleteLater()


# --- History -------------------------------------------------------------------------------------

def result_text(entry: Exchange) -> str:
    t = QCoreApplication.translate
    return {
        "ok": t("SyncHistory", "Réussi"),
        "already": t("SyncHistory", "Déjà importé"),
        "quarantined": t("SyncHistory", "Mis en quarantaine"),
        "refused": t("SyncHistory", "Non importé"),
    }.get(entry.result, entry.result)


class HistoryDialog(QDialog):
    """« Historique des échanges »: every export and import, newest first."""

    def __init__(self, entries: Sequence[Exchange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = QCoreApplication.translate
        self.setWindowTitle(t("SyncHistory", "Historique des échanges"))
        layout = QVBoxLayout(self)
        layout.addWidget(_muted(t(
            "SyncHistory",
            "Les fichiers de synchronisation envoyés et reçus par cette base. Un fichier "
            "refusé n'a rien changé ; le motif indique quoi faire."), self))
        headers = [t("SyncHistory", "Date"), t("SyncHistory", "Sens"),
                   t("SyncHistory", "Fichier"), t("SyncHistory", "Collègue"),
                   t("SyncHistory", "Changements"), t("SyncHistory", "Conflits"),
                   t("SyncHistory", "Résultat"), t("SyncHistory", "Motif")]
        self.table = QTableWidget(len(entries), len(headers), self)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels(headers)
        for row, e in enumerate(entries):
            reason = reason_text(e.reason_template, e.reason_params)
            if e.quarantine_path:
                reason = t("SyncHistory", "{reason} (quarantaine : {path})").format(
                    reason=reason, path=e.quarantine_path)
            cells = [
                moment_text(e.at),
                t("SyncHistory", "Envoi") if e.direction == "export" else
                t("SyncHistory", "Réception"),
                e.file_name,
                e.peer or ("—" if e.direction == "import" else t("SyncHistory", "l'équipe")),
                "" if e.n_changes is None else str(e.n_changes),
                "" if e.n_conflicts is None else str(e.n_conflicts),
                result_text(e),
                reason,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(e.source or text if col == 2 else text)
                if col in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if e.result in ("quarantined", "refused") and col in (6, 7):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
        self.entries = list(entries)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for col, width in enumerate((140, 82, 180, 240, 112, 70, 140)):
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(t("SyncHistory", "Aucun échange pour l'instant. Exportez vos "
                                             "modifications ou importez le fichier d'un "
                                             "collègue (menu Synchronisation)."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED}; padding: 24px;")
        self.empty.setVisible(not entries)
        self.table.setVisible(bool(entries))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        # the selected exchange in full: a refusal's reason is too long for a column
        self.detail = QLabel(self)
        self.detail.setObjectName("exchange_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("QLabel#exchange_detail { background: palette(base); "
                                  "border: 1px solid #dde3e9; border-radius: 6px; "
                                  "padding: 8px; }")
        self.detail.setMinimumHeight(64)
        self.detail.setVisible(bool(entries))
        layout.addWidget(self.detail)
        self.table.currentCellChanged.connect(self._handle_current_changed)
        if entries:
            self.table.selectRow(0)
            self._handle_current_changed(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("SyncHistory", "Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1180, 520)


    def _handle_current_changed(self, row: int, *_rest: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        t = QCoreApplication.translate
        e = self.entries[row]
        lines = [t("SyncHistory", "Fichier : {path}").format(path=e.source or e.file_name)]
        if e.result in ("quarantined", "refused"):
            lines.append(t("SyncHistory", "Motif : {reason}").format(
                reason=reason_text(e.reason_template, e.reason_params)))
            if e.quarantine_path:
                lines.append(t("SyncHistory", "Mis en quarantaine dans : {path}").format(
                    path=e.quarantine_path))
            lines.append(t("SyncHistory", "La base n'a pas été modifiée par ce fichier."))
        self.detail.setText("\n".join(lines))


# --- Shared folder -------------------------------------------------------------------------------

class SharedFolderDialog(QDialog):
    """Choose the folder (Nextcloud, network share) exports go to and new files come from."""

    def __init__(self, current: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = QCoreApplication.translate
        self.setWindowTitle(t("SharedFolderDialog", "Dossier partagé"))
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(t(
            "SharedFolderDialog",
            "Un dossier que tous les membres de l'équipe voient : un dossier Nextcloud ou "
            "OneDrive synchronisé, ou un partage réseau. Vos exports y sont déposés, et "
            "« Importer les nouveaux fichiers du dossier partagé » y prend ceux de vos "
            "collègues."), self))
        layout.addWidget(_muted(t(
            "SharedFolderDialog",
            "Choisissez un dossier réservé aux échanges, jamais celui de la base : la base "
            "ne doit pas être recopiée pendant qu'elle est en cours d'écriture."), self))
        row = QHBoxLayout()
        self.folder = QLineEdit(str(current or ""), self)
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(t("SharedFolderDialog", "Aucun dossier choisi"))
        browse = QPushButton(t("SharedFolderDialog", "Parcourir…"), self)
        browse.clicked.connect(self._handle_browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            t("SharedFolderDialog", "Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            t("SharedFolderDialog", "Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        layout.setSpacing(10)
        self.setMinimumWidth(620)
        # wrapped paragraphs: size the dialog for its real width, not for a narrow guess
        height = self.heightForWidth(620)
        self.resize(620, height if height > 0 else self.sizeHint().height())

    def _handle_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("SharedFolderDialog", "Dossier partagé"),
            self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    @classmethod
    def ask(cls, current: Path | None, parent: QWidget | None) -> tuple[bool, Path | None]:
        """(accepted, folder or None to forget it); tests replace this."""
        dialog = cls(current, parent)
        try:
            accepted = bool(dialog.exec())
            return accepted, dialog.chosen()
        finally:
            dialog.deleteLater()


# --- Team ----------------------------------------------------------------------------------------

class TeamDialog(QDialog):
    """« Équipe »: create a team, give its key to a colleague, or join with a key file."""

    def __init__(self, ctx: UiContext, secrets: SecretStore, parent: QWidget | None = None,
                 *, on_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.secrets = secrets
        self.on_changed = on_changed
        self.status: SyncStatus | None = None
        t = QCoreApplication.translate
        self.setWindowTitle(t("TeamDialog", "Équipe"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(_wrapped(t(
            "TeamDialog",
            "Les collègues qui échangent leurs fichiers de synchronisation forment une équipe. "
            "Une clé secrète, rangée dans le trousseau de chaque ordinateur, chiffre ces "
            "fichiers : seuls les membres de l'équipe peuvent les ouvrir."), self))
        self.state = QLabel(self)
        self.state.setObjectName("team_state")
        self.state.setWordWrap(True)
        self.state.setFont(title_font(1))
        layout.addWidget(self.state)
        self.keyring = _muted("", self)
        self.keyring.setObjectName("keyring_state")
        layout.addWidget(self.keyring)
        self.name_row = QWidget(self)
        form = QFormLayout(self.name_row)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self.name_row)
        self.name.setObjectName("team_name")
        self.name.setPlaceholderText(t("TeamDialog", "par exemple : MDA Roubaix – FACE"))
        form.addRow(t("TeamDialog", "Nom de la nouvelle équipe :"), self.name)
        layout.addWidget(self.name_row)
        row = QHBoxLayout()
        self.create_button = QPushButton(t("TeamDialog", "Créer l'équipe"), self)
        self.create_button.setObjectName("create_team")
        self.create_button.clicked.connect(self._handle_create)
        self.export_button = QPushButton(t("TeamDialog", "Donner la clé à un collègue…"), self)
        self.export_button.setObjectName("export_key")
        self.export_button.clicked.connect(self._handle_export_key)
        self.join_button = QPushButton(t("TeamDialog", "Rejoindre avec un fichier de clé…"),
                                       self)
        self.join_button.setObjectName("join_team")
        self.join_button.clicked.connect(self._handle_join)
        row.addWidget(self.create_button)
        row.addWidget(self.export_button)
        row.addWidget(self.join_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(_muted(t(
            "TeamDialog",
            "Le fichier de clé est protégé par une phrase de passe : transmettez le fichier "
            "par courriel ou clé USB, et la phrase de passe par un autre moyen (téléphone, de "
            "vive voix)."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("TeamDialog", "Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.reload()

    def reload(self) -> None:
        db, secrets = self.ctx.db, self.secrets
        self.ctx.runner.run(lambda: sync_ui.sync_status(db, secrets), self._handle_status,
                            lambda exc: show_error(self, exc), db=False)

    def _handle_status(self, status: SyncStatus) -> None:
        t = QCoreApplication.translate
        self.status = status
        team = ""
        if status.team_id is not None:
            team = (t("TeamDialog", "« {name} » ({id}…)").format(
                name=status.team_name, id=status.team_id[:8]) if status.team_name
                else t("TeamDialog", "{id}…").format(id=status.team_id[:8]))
        if status.team_id is None:
            self.state.setText(t("TeamDialog", "Cette base n'appartient encore à aucune équipe."))
        elif status.team_key_here:
            self.state.setText(t("TeamDialog", "Équipe {team} — la clé est sur cet ordinateur.")
                               .format(team=team))
        else:
            self.state.setText(t(
                "TeamDialog", "Équipe {team} — la clé n'est pas sur cet ordinateur : les "
                              "échanges demandent une phrase de passe.").format(team=team))
        self.keyring.setText(t("TeamDialog", "La clé d'équipe est rangée dans le trousseau de "
                                             "clés du système, jamais dans un fichier.")
                             if status.keyring_available else t("TeamDialog",
                                    "Aucun trousseau de clés n'est disponible sur cet "
                                    "ordinateur : la clé d'équipe ne peut pas y être rangée, et "
                                    "elle n'est jamais écrite en clair sur le disque. Les "
                                    "fichiers de synchronisation seront protégés par une phrase "
                                    "de passe ; pour rejoindre l'équipe, importez simplement le "
                                    "fichier d'un collègue protégé par une phrase de passe."))
        no_team = status.team_id is None
        self.name_row.setVisible(no_team)
        self.name.setEnabled(no_team and status.keyring_available)
        self.create_button.setEnabled(no_team and status.keyring_available)
        self.export_button.setEnabled(status.team_key_here)
        self.join_button.setEnabled(status.keyring_available and not status.team_key_here)

    def ask_save_path(self) -> Path | None:
        """Where to write the key package (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("TeamDialog", "Enregistrer la clé d'équipe"),
            "cle-equipe.ofkey",
            QCoreApplication.translate("TeamDialog", "Clé d'équipe Passerelle (*.ofkey)"))
        return Path(path) if path else None

    def ask_open_path(self) -> Path | None:
        """Which key package to read (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("TeamDialog", "Ouvrir une clé d'équipe"), "",
            QCoreApplication.translate("TeamDialog", "Clé d'équipe Passerelle (*.ofkey)"))
        return Path(path) if path else None

    def _changed(self, _result: object = None) -> None:
        self.reload()
        if self.on_changed is not None:
            self.on_changed()

    def _handle_create(self) -> None:
        db, secrets, name = self.ctx.db, self.secrets, self.name.text()
        self.ctx.runner.run(lambda: sync_ui.create_team(db, secrets, name), self._changed,
                            lambda exc: show_error(self, exc))

    def _handle_export_key(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return
        t = QCoreApplication.translate
        phrase = PassphraseDialog.ask(self, t("TeamDialog", "Protéger la clé d'équipe"), t(
            "TeamDialog",
            "Choisissez une phrase de passe (8 caractères au moins) : votre collègue la "
            "saisira pour rejoindre l'équipe. Communiquez-la par un autre moyen que le "
            "fichier."), create=True)
        if phrase is None:
            return
        db, secrets = self.ctx.db, self.secrets

        def written(target: Path) -> None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, t("TeamDialog", "Clé d'équipe écrite"), t(
                "TeamDialog", "La clé d'équipe est enregistrée dans {path}. Transmettez ce "
                              "fichier à votre collègue, et la phrase de passe par un autre "
                              "moyen.").format(path=target))

        self.ctx.runner.run(lambda: sync_ui.export_team_key(db, path, secrets, phrase),
                            written, lambda exc: show_error(self, exc), db=False)

    def _handle_join(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        t = QCoreApplication.translate
        phrase = PassphraseDialog.ask(self, t("TeamDialog", "Rejoindre une équipe"), t(
            "TeamDialog", "Saisissez la phrase de passe que votre collègue vous a "
                          "communiquée avec ce fichier de clé."))
        if phrase is None:
            return
        db, secrets = self.ctx.db, self.secrets
        self.ctx.runner.run(lambda: sync_ui.join_team(db, path, secrets, phrase), self._changed,
                            lambda exc: show_error(self, exc))


def error_text(exc: BaseException) -> str:
    return message(exc) if isinstance(exc, PasserelleError) else str(exc)
