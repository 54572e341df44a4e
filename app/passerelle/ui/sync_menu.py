"""The « Synchronisation » menu and the conflicts badge of the main window.

``install_sync_menu(window)`` is all the main window calls: this module builds the menu,
drives the dialogs, runs exports and imports off the UI thread (progress and cancel, through
``TaskRunner.run_with_progress``) and keeps the badge — the « Conflits » navigation entry and a
status-bar button — up to date after every import and resolution.

Import flow: the chosen files are imported one by one; files that need a passphrase (no team
key on this computer) are retried once with a passphrase asked for all of them, files stopped
by the mass-delete fail-safe are retried only after an explicit confirmation; then one
summary shows everything, failures with their reason (quarantine, database unchanged).

Start-up stays light (DESIGN.md §8 compares it with a bare window): this module imports only Qt
at load time; the sync services (cryptography, keyring) and the dialogs are imported by the
flows that need them, and the first badge count runs on the task runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton
from shiboken6 import isValid

from passerelle.ui.errors import show_error
from passerelle.ui.i18n import singular

if TYPE_CHECKING:
    from passerelle.infra.secrets import SecretStore
    from passerelle.services.sync import ExportReport
    from passerelle.services.sync_ui import BatchReport, Exchange, FileOutcome, SyncStatus
    from passerelle.store.database import Database
    from passerelle.ui.main_window import MainWindow
    from passerelle.ui.tasks import Progress

CONFLICTS_VIEW = "conflicts"
#: what the bus carries after a sync write, so the badge and the inbox re-count
CONFLICTS = "conflicts"


def _pending(db: Database) -> int:
    from passerelle.services import sync_ui

    return sync_ui.pending_conflicts(db)


class SyncMenu(QObject):
    """Owns the menu's actions, the badge, and the flows behind them."""

    def __init__(self, window: MainWindow, secrets: SecretStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self._secrets = secrets
        self.pending = 0
        self.last_folder: Path | None = None
        self.last_batch: BatchReport | None = None
        t = QCoreApplication.translate
        self.menu = QMenu(t("SyncMenu", "&Synchronisation"), window)
        self.export_action = self._action(t("SyncMenu", "Exporter mes modifications…"),
                                          self.export_changes, "Ctrl+Shift+E")
        self.import_action = self._action(t("SyncMenu", "Importer des fichiers…"),
                                          self.import_chosen_files, "Ctrl+Shift+I")
        self.import_shared_action = self._action(
            t("SyncMenu", "Importer les nouveaux fichiers du dossier partagé"),
            self.import_from_shared_folder, "Ctrl+Shift+R")
        self.menu.addSeparator()
        self.conflicts_action = self._action(t("SyncMenu", "Conflits à examiner"),
                                             self.show_conflicts)
        self.history_action = self._action(t("SyncMenu", "Historique des échanges"),
                                           self.show_history)
        self.menu.addSeparator()
        self.shared_folder_action = self._action(t("SyncMenu", "Dossier partagé…"),
                                                 self.choose_shared_folder)
        self.team_action = self._action(t("SyncMenu", "Équipe…"), self.show_team)
        bar = window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        if menus:  # before « Aide », which stays last
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)

        self.badge = QPushButton(window)
        self.badge.setObjectName("ConflictBadge")
        self.badge.setFlat(True)
        self.badge.setCursor(Qt.CursorShape.PointingHandCursor)
        self.badge.setStyleSheet(
            "QPushButton#ConflictBadge { color: #ffffff; background: #b54708; border: none; "
            "border-radius: 9px; padding: 2px 10px; font-weight: 600; }")
        self.badge.setToolTip(t("SyncMenu", "Voir les conflits à examiner"))
        self.badge.clicked.connect(self.show_conflicts)
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)
        self.ctx.bus.changed.connect(self._handle_data_changed)
        self.refresh_badge()

    @property
    def secrets(self) -> SecretStore:
        """The OS keyring (imported on first use: keyring is slow to import)."""
        if self._secrets is None:
            from passerelle.infra.secrets import SecretStore

            self._secrets = SecretStore()
        return self._secrets

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # --- badge ------------------------------------------------------------------------------

    def refresh_badge(self) -> None:
        """Recount waiting conflicts off the UI thread (cached count: cheap after imports)."""
        db = self.ctx.db
        self.ctx.runner.run(lambda: _pending(db), self.set_pending,
                            lambda exc: show_error(self.window, exc))

    def set_pending(self, count: int) -> None:
        if not isValid(self.badge):  # the count came back after the window was closed
            return
        t = QCoreApplication.translate
        self.pending = count
        self.badge.setText(
            t("SyncMenu", "{n} conflit à examiner").format(n=count) if singular(count)
            else t("SyncMenu", "{n} conflits à examiner").format(n=count))
        self.badge.setVisible(count > 0)
        title = t("MainWindow", "Conflits")
        text = t("SyncMenu", "{title} ({n})").format(title=title, n=count) if count else title
        nav = self.window.nav
        for row in range(nav.count()):
            item = nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == CONFLICTS_VIEW:
                item.setText(text)
        action = self.window.view_actions.get(CONFLICTS_VIEW)
        if action is not None:
            action.setText(text)

    def _handle_data_changed(self, entity: str) -> None:
        if entity in (CONFLICTS, "*"):
            self.refresh_badge()

    def show_conflicts(self) -> None:
        self.window.show_view(CONFLICTS_VIEW)

    # --- export -------------------------------------------------------------------------------

    def export_changes(self) -> None:
        from passerelle.services import sync_ui

        db, secrets = self.ctx.db, self.secrets
        self.ctx.runner.run(lambda: sync_ui.sync_status(db, secrets),
                            self._export_with_status,
                            lambda exc: show_error(self.window, exc), db=False)

    def _export_with_status(self, status: SyncStatus) -> None:
        from passerelle.ui.dialogs import sync_dialogs as dialogs

        t = QCoreApplication.translate
        if status.team_id is None:
            answer = QMessageBox.question(
                self.window, t("SyncMenu", "Exporter mes modifications"),
                t("SyncMenu", "Cette base n'appartient à aucune équipe : créez une équipe, ou "
                              "rejoignez celle de vos collègues avec leur fichier de clé, avant "
                              "d'échanger des fichiers. Ouvrir la fenêtre « Équipe » ?"))
            if answer == QMessageBox.StandardButton.Yes:
                self.show_team()
            return
        chosen = dialogs.ExportDialog.ask(self.window, status, self.last_folder)
        if chosen is None:
            return
        folder, passphrase = chosen
        if folder != status.shared_folder:
            self.last_folder = folder
        self.run_export(folder, passphrase)

    def run_export(self, folder: Path, passphrase: str | None) -> None:
        from passerelle.services import sync_ui

        db, secrets = self.ctx.db, self.secrets

        def op(progress: Progress) -> ExportReport:
            return sync_ui.export_changes(db, folder, secrets, passphrase=passphrase,
                                          cancel=progress.cancel)

        self.ctx.runner.run_with_progress(
            self.window, QCoreApplication.translate("SyncMenu", "Export de vos modifications…"),
            op, self._handle_exported, self._handle_export_failed)

    def _handle_exported(self, report: ExportReport) -> None:
        t = QCoreApplication.translate
        how = ", ".join(t("SyncMenu", "clé d'équipe") if s == "group"
                        else t("SyncMenu", "phrase de passe") for s in report.slots)
        QMessageBox.information(
            self.window, t("SyncMenu", "Export terminé"),
            t("SyncMenu", "Fichier écrit : {name}\nDans : {folder}\nChangements : {n}\n"
                          "Protection : {how}").format(
                name=report.path.name, folder=report.path.parent, n=report.n_changes, how=how))

    def _handle_export_failed(self, exc: BaseException) -> None:
        from passerelle.services import sync_ui

        if isinstance(exc, sync_ui.Cancelled):
            return
        show_error(self.window, exc)

    # --- import -------------------------------------------------------------------------------

    def ask_import_paths(self) -> list[Path]:
        """The files to import (tests replace this)."""
        t = QCoreApplication.translate
        start = str(self.last_folder or "")
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, t("SyncMenu", "Importer des fichiers de synchronisation"), start,
            t("SyncMenu", "Fichiers de synchronisation Passerelle (*.ofsync)"))
        return [Path(p) for p in paths]

    def import_chosen_files(self) -> None:
        paths = self.ask_import_paths()
        if paths:
            self.last_folder = paths[0].parent
            self.import_paths(paths)

    def import_from_shared_folder(self) -> None:
        from passerelle.services import sync_ui

        db = self.ctx.db
        self.ctx.runner.run(lambda: sync_ui.new_shared_files(db), self._import_new,
                            self._handle_shared_failed, db=False)

    def _handle_shared_failed(self, exc: BaseException) -> None:
        if getattr(exc, "message_key", "") != "shared_folder_unset":
            show_error(self.window, exc)
            return
        t = QCoreApplication.translate
        answer = QMessageBox.question(
            self.window, t("SyncMenu", "Dossier partagé"),
            t("SyncMenu", "Aucun dossier partagé n'est encore choisi : c'est le dossier "
                          "(Nextcloud, partage réseau…) où l'équipe dépose ses fichiers de "
                          "synchronisation. Le choisir maintenant ?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.choose_shared_folder()

    def _import_new(self, paths: list[Path]) -> None:
        if not paths:
            t = QCoreApplication.translate
            QMessageBox.information(
                self.window, t("SyncMenu", "Dossier partagé"),
                t("SyncMenu", "Aucun nouveau fichier de vos collègues dans le dossier partagé : "
                              "vous êtes à jour."))
            return
        self.import_paths(paths)

    def import_paths(self, paths: list[Path], *, passphrase: str | None = None,
                     confirm: bool = False, earlier: tuple[FileOutcome, ...] = ()) -> None:
        """Import ``paths``; retries for a passphrase or a confirmation chain back here."""
        from passerelle.services import sync_ui

        db, secrets = self.ctx.db, self.secrets

        def op(progress: Progress) -> BatchReport:
            return sync_ui.import_files(db, paths, secrets, passphrase=passphrase,
                                        confirm_mass_delete=confirm, progress=progress,
                                        cancel=progress.cancel)

        label = QCoreApplication.translate("SyncMenu", "Import des fichiers de synchronisation…")
        self.ctx.runner.run_with_progress(
            self.window, label, op,
            lambda batch: self._handle_imported(batch, passphrase, earlier),
            lambda exc: show_error(self.window, exc))

    def _handle_imported(self, batch: BatchReport, passphrase: str | None,
                         earlier: tuple[FileOutcome, ...]) -> None:
        from passerelle.services import sync_ui
        from passerelle.ui.dialogs import sync_dialogs as dialogs

        t = QCoreApplication.translate
        retry_key = [o for o in batch.outcomes if o.needs_passphrase]
        if retry_key and not batch.cancelled:
            names = ", ".join(o.path.name for o in retry_key[:3])
            phrase = dialogs.PassphraseDialog.ask(
                self.window, t("SyncMenu", "Phrase de passe"),
                (t("SyncMenu", "Phrase de passe incorrecte. Saisissez à nouveau la phrase de "
                               "passe qui protège : {files}") if passphrase else
                 t("SyncMenu", "La clé de l'équipe n'est pas sur cet ordinateur. Saisissez la "
                               "phrase de passe qui protège : {files}")).format(files=names))
            if phrase:
                kept = tuple(o for o in batch.outcomes if not o.needs_passphrase)
                self.import_paths([o.path for o in retry_key], passphrase=phrase,
                                  earlier=earlier + kept)
                return
        retry_confirm = [o for o in batch.outcomes if o.needs_confirmation]
        if retry_confirm and not batch.cancelled:
            # the engine's message names the command line's --yes: say it the window's way
            reasons = "\n\n".join(t(
                "SyncMenu", "{file} masquerait {hidden} des {live} enregistrements visibles "
                            "({percent} %). Rien n'a été importé pour l'instant.").format(
                file=o.path.name, **(o.error.params if o.error else {}))
                for o in retry_confirm)
            answer = QMessageBox.warning(
                self.window, t("SyncMenu", "Import à confirmer"),
                t("SyncMenu", "{reasons}\n\nCela arrive quand un collègue a supprimé beaucoup "
                              "de fiches, ou quand le fichier vient d'une base vidée par erreur. "
                              "Vérifiez sa provenance. Importer quand même ?").format(
                    reasons=reasons),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                kept = tuple(o for o in batch.outcomes if not o.needs_confirmation)
                self.import_paths([o.path for o in retry_confirm], passphrase=passphrase,
                                  confirm=True, earlier=earlier + kept)
                return
        report = sync_ui.BatchReport(earlier + batch.outcomes, batch.conflicts_total,
                                     batch.cancelled)
        self.last_batch = report
        self.set_pending(report.conflicts_total)
        # Imported rows may touch every view; without new changes only the inbox may differ.
        self.ctx.bus.changed.emit("*" if report.new_changes else CONFLICTS)
        if dialogs.ImportSummaryDialog.present(report, self.window):
            self.show_conflicts()

    # --- settings and history ---------------------------------------------------------------------

    def choose_shared_folder(self) -> None:
        from passerelle.services import sync_ui

        db = self.ctx.db
        self.ctx.runner.run(lambda: sync_ui.shared_folder(db), self._ask_shared_folder,
                            lambda exc: show_error(self.window, exc), db=False)

    def _ask_shared_folder(self, current: Path | None) -> None:
        from passerelle.services import sync_ui
        from passerelle.ui.dialogs import sync_dialogs as dialogs

        accepted, folder = dialogs.SharedFolderDialog.ask(current, self.window)
        if not accepted:
            return
        db = self.ctx.db
        self.ctx.runner.run(lambda: sync_ui.set_shared_folder(db, folder), None,
                            lambda exc: show_error(self.window, exc))

    def show_history(self) -> None:
        from passerelle.services import sync_ui

        db = self.ctx.db
        self.ctx.runner.run(lambda: sync_ui.exchange_history(db), self._show_history,
                            lambda exc: show_error(self.window, exc), db=False)

    def _show_history(self, entries: list[Exchange]) -> None:
        from passerelle.ui.dialogs import sync_dialogs as dialogs

        dialog = dialogs.HistoryDialog(entries, self.window)
        self.history_dialog = dialog
        dialog.exec()
        dialog.deleteLater()

    def show_team(self) -> None:
        from passerelle.ui.dialogs import sync_dialogs as dialogs

        dialog = dialogs.TeamDialog(self.ctx, self.secrets, self.window)
        self.team_dialog = dialog
        dialog.exec()
        dialog.deleteLater()


def install_sync_menu(window: MainWindow) -> SyncMenu:
    """Add the « Synchronisation » menu and the conflicts badge to ``window``."""
    return SyncMenu(window)

