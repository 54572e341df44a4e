"""Fichier › Sauvegardes… — list the backups, back up now, restore one; and the automatic ones.

The list comes from ``services.backups`` (files beside the database, newest first, date, size,
occasion). Restoring asks for confirmation, keeps the current database as a backup first, then
swaps the reopened database into the UI context and tells every view to reload.
:class:`BackupScheduler` makes the start-up backup a few seconds after the window shows (so it
never delays the start) and a daily one while the app stays open.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from passerelle.services import backups
from passerelle.store import backup as store_backup
from passerelle.store import cipher
from passerelle.store.backup import BackupInfo
from passerelle.store.database import Database
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.widgets.panels import DANGER, MUTED, make_table, size_columns, title_font

log = logging.getLogger(__name__)

STARTUP_DELAY_MS = 5_000
DAILY_CHECK_MS = 60 * 60 * 1000


def kind_label(kind: str) -> str:
    """The occasion of a backup, as the list shows it."""
    labels = {
        store_backup.KIND_STARTUP: QCoreApplication.translate("BackupsDialog", "Démarrage"),
        store_backup.KIND_DAILY: QCoreApplication.translate("BackupsDialog", "Quotidienne"),
        store_backup.KIND_MIGRATION: QCoreApplication.translate("BackupsDialog",
                                                                "Avant mise à jour"),
        store_backup.KIND_MANUAL: QCoreApplication.translate("BackupsDialog", "Manuelle"),
        store_backup.KIND_BEFORE_RESTORE: QCoreApplication.translate("BackupsDialog",
                                                                     "Avant restauration"),
        store_backup.KIND_BEFORE_CONVERSION: QCoreApplication.translate(
            "BackupsDialog", "Avant chiffrement"),
    }
    return labels.get(kind, kind)


def format_when(created: datetime) -> str:
    local = created.astimezone()
    return QLocale().toString(local.replace(tzinfo=None), "dd/MM/yyyy HH:mm")


def format_size(size: int) -> str:
    """« 376 Ko », « 12,4 Mo » (French units; the English translation says KB, MB)."""
    if size < 1024 * 1024:
        return QCoreApplication.translate("BackupsDialog", "{size} Ko").format(
            size=QLocale().toString(max(1, round(size / 1024))))
    return QCoreApplication.translate("BackupsDialog", "{size} Mo").format(
        size=QLocale().toString(size / (1024 * 1024), "f", 1))


class BackupsDialog(QDialog):
    """The backups of the open database; restore one after confirmation."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("BackupsDialog")
        self.setWindowTitle(QCoreApplication.translate("BackupsDialog", "Sauvegardes"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        title = QLabel(QCoreApplication.translate("BackupsDialog",
                                                  "Sauvegardes de la base {name}").format(
            name=ctx.db.path.name), self)
        title.setFont(title_font(4))
        layout.addWidget(title)
        encrypted = cipher.is_encrypted(ctx.db.path)
        how = (QCoreApplication.translate("BackupsDialog", "Chaque copie est chiffrée avec la "
                                          "clé de la base et vérifiée après écriture.")
               if encrypted else
               QCoreApplication.translate("BackupsDialog",
                                          "Chaque copie est vérifiée après écriture."))
        intro = QLabel(QCoreApplication.translate(
            "BackupsDialog",
            "Passerelle sauvegarde la base à chaque démarrage, une fois par jour et avant "
            "chaque mise à jour.") + " " + how, self)
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(intro)
        if not encrypted:
            plain = QLabel(QCoreApplication.translate(
                "BackupsDialog",
                "Cette base n'est pas chiffrée, ses sauvegardes non plus. Pour la chiffrer, "
                "fermez Passerelle puis lancez : passerelle db encrypt --db {path}").format(
                path=ctx.db.path), self)
            plain.setObjectName("PlainWarning")
            plain.setWordWrap(True)
            plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            plain.setStyleSheet(f"color: {DANGER};")
            layout.addWidget(plain)

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([
            QCoreApplication.translate("BackupsDialog", "Date"),
            QCoreApplication.translate("BackupsDialog", "Occasion"),
            QCoreApplication.translate("BackupsDialog", "Taille"),
            QCoreApplication.translate("BackupsDialog", "Chiffrée"),
            QCoreApplication.translate("BackupsDialog", "Schéma"),
        ])
        self.table = make_table(self, object_name="BackupsTable")
        self.table.setModel(self.model)
        size_columns(self.table, {0: 150, 2: 100, 3: 90, 4: 80}, stretch=1)
        self.table.doubleClicked.connect(self._handle_restore)
        self.empty = QLabel(QCoreApplication.translate(
            "BackupsDialog",
            "Aucune sauvegarde pour l'instant. Cliquez sur « Sauvegarder maintenant » pour en "
            "créer une ; Passerelle en fera aussi une au prochain démarrage."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED}; padding: 24px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.setStyleSheet("QStackedWidget { border: 1px solid #dde3e9; }")
        layout.addWidget(self.stack, 1)

        folder_row = QHBoxLayout()
        self.folder_label = QLabel(QCoreApplication.translate(
            "BackupsDialog", "Dossier : {path}").format(
            path=backups.folder_for(ctx.db.path)), self)
        self.folder_label.setStyleSheet(f"color: {MUTED};")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_row.addWidget(self.folder_label, 1)
        open_folder = QPushButton(QCoreApplication.translate("BackupsDialog",
                                                             "Ouvrir le dossier"), self)
        open_folder.clicked.connect(self._handle_open_folder)
        folder_row.addWidget(open_folder)
        layout.addLayout(folder_row)

        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(QCoreApplication.translate(
            "BackupsDialog", "Sauvegardes automatiques conservées :"), self))
        self.keep = QSpinBox(self)
        self.keep.setRange(backups.MIN_KEEP, backups.MAX_KEEP)
        self.keep.setValue(backups.DEFAULT_BACKUPS_KEPT)
        self.keep.setAccessibleName(QCoreApplication.translate(
            "BackupsDialog", "Nombre de sauvegardes automatiques conservées"))
        self.keep.editingFinished.connect(self._handle_keep_changed)
        keep_row.addWidget(self.keep)
        note = QLabel(QCoreApplication.translate(
            "BackupsDialog", "(les copies manuelles et d'avant restauration sont gardées)"),
            self)
        note.setStyleSheet(f"color: {MUTED};")
        keep_row.addWidget(note)
        keep_row.addStretch(1)
        layout.addLayout(keep_row)

        buttons = QDialogButtonBox(self)
        self.backup_button = buttons.addButton(
            QCoreApplication.translate("BackupsDialog", "Sauvegarder maintenant"),
            QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self._handle_backup_now)
        self.restore_button = buttons.addButton(
            QCoreApplication.translate("BackupsDialog", "Restaurer…"),
            QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._handle_restore)
        close = buttons.addButton(QCoreApplication.translate("BackupsDialog", "Fermer"),
                                  QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._infos: list[BackupInfo] = []
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # --- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.runner.run(lambda: (backups.list_backups(db.path), backups.get_keep(db)),
                            self._show, lambda exc: show_error(self, exc))

    def _show(self, result: tuple[list[BackupInfo], int]) -> None:
        infos, keep = result
        self._infos = infos
        self.keep.setValue(keep)
        self.model.removeRows(0, self.model.rowCount())
        yes = QCoreApplication.translate("BackupsDialog", "Oui")
        no = QCoreApplication.translate("BackupsDialog", "Non")
        for info in infos:
            cells = [format_when(info.created), kind_label(info.kind),
                     format_size(info.size_bytes), yes if info.encrypted else no, info.revision]
            items = [QStandardItem(text) for text in cells]
            items[0].setToolTip(str(info.path))
            self.model.appendRow(items)
        self.stack.setCurrentWidget(self.empty if not infos else self.table)
        if infos:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._infos):
            return None
        return self._infos[rows[0].row()]

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # --- actions ---------------------------------------------------------------------------

    def _handle_keep_changed(self) -> None:
        db, keep = self.ctx.db, self.keep.value()
        self.ctx.runner.run(lambda: backups.set_keep(db, keep), None,
                            lambda exc: show_error(self, exc))

    def _handle_open_folder(self) -> None:
        folder = backups.folder_for(self.ctx.db.path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _handle_backup_now(self) -> None:
        path = self.ctx.db.path
        self._set_busy(busy=True)

        def done(info: BackupInfo) -> None:
            self._set_busy(busy=False)
            self.status.setText(QCoreApplication.translate(
                "BackupsDialog", "Sauvegarde vérifiée écrite : {name}").format(
                name=info.path.name))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._set_busy(busy=False)
            show_error(self, exc)

        self.ctx.runner.run(lambda: backups.make_backup(path, store_backup.KIND_MANUAL),
                            done, failed)

    def confirm_restore(self, info: BackupInfo) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("BackupsDialog", "Restaurer une sauvegarde"),
                          QCoreApplication.translate(
                              "BackupsDialog",
                              "Restaurer la sauvegarde du {date} ?").format(
                              date=format_when(info.created)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(QCoreApplication.translate(
            "BackupsDialog",
            "La base actuelle sera d'abord gardée comme sauvegarde « Avant restauration », "
            "puis remplacée par cette copie. Ce qui a été saisi depuis le {date} "
            "n'apparaîtra plus (il reste dans la sauvegarde d'avant restauration).").format(
            date=format_when(info.created)))
        restore = box.addButton(QCoreApplication.translate("BackupsDialog", "Restaurer"),
                                QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QCoreApplication.translate("BackupsDialog", "Annuler"),
                               QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def _handle_restore(self) -> None:
        info = self.selected()
        if info is None or not self.confirm_restore(info):
            return
        self.restore(info)

    def restore(self, info: BackupInfo) -> None:
        """Restore ``info`` (already confirmed) and swap the reopened database in."""
        db = self.ctx.db
        self._set_busy(busy=True)

        def done(result: tuple[Database, backups.RestoreReport]) -> None:
            reopened, report = result
            self.ctx.db = reopened
            self._set_busy(busy=False)
            self.status.setText(QCoreApplication.translate(
                "BackupsDialog",
                "Base restaurée. L'état précédent est gardé dans {name}.").format(
                name=report.previous_saved.name))
            self.ctx.bus.changed.emit("*")
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._set_busy(busy=False)
            show_error(self, exc)

        self.ctx.runner.run(lambda: backups.restore_and_reopen(db, info.path), done, failed)

    def _set_busy(self, *, busy: bool) -> None:
        for widget in (self.backup_button, self.restore_button, self.table, self.keep):
            widget.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.status.setText(QCoreApplication.translate("BackupsDialog", "Veuillez patienter…"))
        else:
            QApplication.restoreOverrideCursor()
            self._update_buttons()


class BackupScheduler(QObject):
    """The start-up backup (after the window shows) and a daily one while the app runs."""

    def __init__(self, ctx: UiContext, parent: QObject | None = None, *,
                 startup_delay_ms: int = STARTUP_DELAY_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last: BackupInfo | None = None
        QTimer.singleShot(startup_delay_ms, self, lambda: self.run(store_backup.KIND_STARTUP))
        self._daily = QTimer(self)
        self._daily.setInterval(DAILY_CHECK_MS)
        self._daily.timeout.connect(self._handle_daily_tick)
        self._daily.start()

    def _handle_daily_tick(self) -> None:
        if backups.daily_backup_due(self.ctx.db.path, datetime.now(UTC)):
            self.run(store_backup.KIND_DAILY)

    def run(self, kind: str) -> None:
        db = self.ctx.db

        def done(info: BackupInfo) -> None:
            self.last = info

        def failed(exc: BaseException) -> None:
            log.error("automatic %s backup failed: %s", kind, type(exc).__name__)
            show_error(None, exc)

        self.ctx.runner.run(lambda: backups.automatic_backup(db, kind), done, failed)


def add_backup_actions(window: QWidget, menu: QMenu, ctx: UiContext) -> QAction:
    """Fichier › Sauvegardes… (called by the main window when it builds its menus)."""
    action = QAction(QCoreApplication.translate("BackupsDialog", "Sauvegardes…"), window)
    action.setObjectName("BackupsAction")

    def open_dialog() -> None:
        dialog = BackupsDialog(ctx, window)
        dialog.exec()
        dialog.deleteLater()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
    return action
