"""Before the main window: the instance lock, the database key, and the recovery key shown once.

``cli._run_gui`` calls :func:`open_session` before opening the database. It takes the lock (a
second Passerelle on the same database gets a message naming the first one and quits), finds
the key (keyring; else asks for the recovery key or passphrase; a new database without keyring
asks for a passphrase — never a silent plaintext database) and, once the database exists,
:meth:`GuiSession.show_new_recovery_key` shows the recovery key of a database it just created.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError
from passerelle.infra.db_keys import DatabaseKeyring, DatabaseKeyringUnavailable
from passerelle.infra.instance_lock import DatabaseInUse, InstanceLock
from passerelle.services import encryption
from passerelle.store import cipher
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import message
from passerelle.ui.widgets.panels import DANGER, MUTED, title_font

PROGRAM_GUI = "Passerelle (application)"
_RECOVERY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\s\-]{54,80}$")


@dataclass
class GuiSession:
    """The lock held while the window is open, and how the database was unlocked."""

    lock: InstanceLock
    unlocked: encryption.Unlocked

    def show_new_recovery_key(self, parent: QWidget | None = None,
                              keyring: DatabaseKeyring | None = None) -> None:
        """Show the recovery key of a database this start created (once, modal)."""
        key = self.unlocked.new_recovery_key
        if key is None:
            return
        ring = keyring or DatabaseKeyring()
        where = QCoreApplication.translate(
            "RecoveryKeyDialog",
            "Sur cet ordinateur, la clé est rangée dans le trousseau du système ({name}) : "
            "Passerelle ouvre la base sans rien demander.").format(name=ring.backend_name())
        dialog = RecoveryKeyDialog(key, self.unlocked.path, where, parent)
        dialog.exec()
        dialog.deleteLater()

    def release(self) -> None:
        self.lock.release()


def open_session(path: Path, *, recovery_key: str | None = None,
                 passphrase: str | None = None, keyring: DatabaseKeyring | None = None,
                 interactive: bool = True, encrypt_new: bool = True) -> GuiSession | None:
    """Lock and unlock ``path`` for the GUI; None when the user gave up or another holds it.

    ``interactive=False`` (smoke runs) never opens a dialog: a held lock or a missing key
    raises instead. ``encrypt_new=False`` leaves a new file plain (the demo: fictitious data).
    """
    lock = InstanceLock(path, PROGRAM_GUI)
    try:
        lock.acquire()
    except DatabaseInUse as exc:
        if not interactive:
            raise  # the command line prints the message and exits 1
        show_lock_message(exc)
        return None
    try:
        unlocked = _unlock(path, recovery_key, passphrase, keyring, interactive, encrypt_new)
    except BaseException:
        lock.release()
        raise
    if unlocked is None:
        lock.release()
        return None
    return GuiSession(lock, unlocked)


def show_lock_message(exc: DatabaseInUse, parent: QWidget | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Startup", "Base déjà ouverte"),
                      QCoreApplication.translate("Startup",
                                                 "Cette base est déjà utilisée par un autre "
                                                 "programme Passerelle."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(message(exc))
    box.setObjectName("LockMessage")
    box.exec()


def _unlock(path: Path, recovery_key: str | None, passphrase: str | None,
            keyring: DatabaseKeyring | None, interactive: bool,
            encrypt_new: bool = True) -> encryption.Unlocked | None:
    try:
        return encryption.unlock(path, keyring=keyring, recovery_key=recovery_key,
                                 passphrase=passphrase, encrypt_new=encrypt_new)
    except DatabaseKeyringUnavailable as exc:
        if not interactive:
            raise
        if cipher.file_state(path) == "new":
            dialog = NewPassphraseDialog(message(exc), path, keyring)
        else:  # an encrypted database, and a keyring that refused to answer
            dialog = UnlockDialog(path, keyring, first_error=message(exc))
    except (cipher.KeyMissing, cipher.WrongKey) as exc:
        if not interactive:
            raise
        dialog = UnlockDialog(path, keyring, first_error=message(exc)
                              if isinstance(exc, cipher.WrongKey) else "")
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    result = dialog.unlocked
    dialog.deleteLater()
    return result if accepted else None


def _monospace(size_delta: float = 0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(9.0, QFont().pointSizeF() + size_delta))
    return font


class RecoveryKeyDialog(QDialog):
    """The recovery key of a new database, shown once: print it, save it, copy it."""

    def __init__(self, key: str, db_path: Path, where: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.db_path = db_path
        self.setObjectName("RecoveryKeyDialog")
        self.setWindowTitle(QCoreApplication.translate("RecoveryKeyDialog",
                                                       "Clé de secours de la base"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        title = QLabel(QCoreApplication.translate("RecoveryKeyDialog",
                                                  "Votre base est chiffrée"), self)
        title.setFont(title_font(4))
        layout.addWidget(title)
        intro = QLabel(QCoreApplication.translate(
            "RecoveryKeyDialog",
            "Les données de Passerelle sont chiffrées sur le disque de cet ordinateur. "
            "Si l'ordinateur est perdu, remplacé ou réinstallé, seule cette clé de secours "
            "permettra d'ouvrir la base et ses sauvegardes."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where_label = QLabel(where, self)
        where_label.setWordWrap(True)
        where_label.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(where_label)

        frame = QFrame(self)
        frame.setObjectName("KeyFrame")
        frame.setStyleSheet("QFrame#KeyFrame { background: palette(base); "
                            "border: 1px solid #c5cdd6; border-radius: 6px; }")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(16, 12, 16, 12)
        groups = key.split("-")
        self.key_label = QLabel("\n".join(("  ".join(groups[:7]), "  ".join(groups[7:]))), frame)
        self.key_label.setFont(_monospace(5))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(QCoreApplication.translate("RecoveryKeyDialog",
                                                                    "Clé de secours"))
        frame_layout.addWidget(self.key_label)
        layout.addWidget(frame)

        once = QLabel(QCoreApplication.translate(
            "RecoveryKeyDialog",
            "Elle n'est affichée qu'une fois. Imprimez-la ou enregistrez-la sur une clé USB "
            "rangée en lieu sûr — pas sur cet ordinateur."), self)
        once.setWordWrap(True)
        once.setStyleSheet("font-weight: 600;")
        layout.addWidget(once)

        actions = QHBoxLayout()
        self.print_button = QPushButton(QCoreApplication.translate("RecoveryKeyDialog",
                                                                   "Imprimer…"), self)
        self.print_button.clicked.connect(self._handle_print)
        self.save_button = QPushButton(QCoreApplication.translate(
            "RecoveryKeyDialog", "Enregistrer dans un fichier…"), self)
        self.save_button.clicked.connect(self._handle_save)
        self.copy_button = QPushButton(QCoreApplication.translate("RecoveryKeyDialog",
                                                                  "Copier"), self)
        self.copy_button.clicked.connect(self._handle_copy)
        for button in (self.print_button, self.save_button, self.copy_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.status = QLabel("", self)
        self.status.setStyleSheet(f"color: {MUTED};")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

        self.confirm = QCheckBox(QCoreApplication.translate(
            "RecoveryKeyDialog", "J'ai imprimé ou enregistré la clé de secours en lieu sûr"),
            self)
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("RecoveryKeyDialog", "Continuer"))
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)

    def reject(self) -> None:
        """Escape or the close button: only once the key is kept (the key is never shown
        again by itself)."""
        if self.confirm.isChecked():
            super().reject()

    def sheet_text(self) -> str:
        """What is printed or saved: the key, the database, the date, how to use it."""
        return QCoreApplication.translate(
            "RecoveryKeyDialog",
            "Passerelle — clé de secours\n\nBase : {path}\nCréée le : {date}\n\n"
            "Clé de secours :\n{key}\n\nSur un autre ordinateur, ouvrez la base et saisissez "
            "cette clé quand Passerelle la demande.\nGardez cette feuille en lieu sûr, à part "
            "de l'ordinateur.\n").format(path=self.db_path, key=self.key,
                                         date=datetime.now().strftime("%d/%m/%Y %H:%M"))

    def _handle_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setDefaultFont(_monospace(2))
        doc.setPlainText(self.sheet_text())
        doc.print_(printer)
        self._say(QCoreApplication.translate("RecoveryKeyDialog", "Clé envoyée à l'imprimante."))

    def _handle_save(self) -> None:
        suggested = str(Path.home() / "passerelle-cle-de-secours.txt")
        name, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("RecoveryKeyDialog",
                                             "Enregistrer la clé de secours"),
            suggested, QCoreApplication.translate("RecoveryKeyDialog", "Texte (*.txt)"))
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        try:
            path.write_text(self.sheet_text(), encoding="utf-8")
        except OSError as exc:
            show_error(self, PasserelleError("recovery_save_failed",
                                             "Impossible d'écrire {path} : {error}",
                                             path=str(path), error=exc.strerror or str(exc)))
            return
        self._say(QCoreApplication.translate(
            "RecoveryKeyDialog", "Clé enregistrée dans {path}. Rangez ce fichier hors de cet "
            "ordinateur.").format(path=path))

    def _handle_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self._say(QCoreApplication.translate(
            "RecoveryKeyDialog", "Clé copiée : collez-la dans un endroit sûr."))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


class UnlockDialog(QDialog):
    """An encrypted database whose key is not here: type its recovery key or passphrase."""

    def __init__(self, db_path: Path, keyring: DatabaseKeyring | None = None,
                 parent: QWidget | None = None, *, first_error: str = "",
                 unlock: Callable[..., encryption.Unlocked] = encryption.unlock) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.keyring = keyring
        self._unlock = unlock
        self.unlocked: encryption.Unlocked | None = None
        self.setObjectName("UnlockDialog")
        self.setWindowTitle(QCoreApplication.translate("UnlockDialog", "Base chiffrée"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        title = QLabel(QCoreApplication.translate("UnlockDialog", "Ouvrir une base chiffrée"),
                       self)
        title.setFont(title_font(4))
        layout.addWidget(title)
        text = QLabel(QCoreApplication.translate(
            "UnlockDialog",
            "La base {name} est chiffrée et sa clé n'est pas dans le trousseau de cet "
            "ordinateur. Saisissez sa clé de secours (14 groupes de 4 caractères), ou la "
            "phrase de passe qui la protège.").format(name=db_path.name), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        path_label = QLabel(str(db_path), self)
        path_label.setStyleSheet(f"color: {MUTED};")
        path_label.setWordWrap(True)
        layout.addWidget(path_label)
        self.field = QLineEdit(self)
        self.field.setFont(_monospace(1))
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.field.setAccessibleName(QCoreApplication.translate(
            "UnlockDialog", "Clé de secours ou phrase de passe"))
        layout.addWidget(self.field)
        self.show_text = QCheckBox(QCoreApplication.translate("UnlockDialog",
                                                              "Afficher les caractères"), self)
        self.show_text.toggled.connect(self._handle_show_toggled)
        layout.addWidget(self.show_text)
        self.error = QLabel(first_error, self)
        self.error.setObjectName("UnlockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {DANGER};")
        self.error.setVisible(bool(first_error))
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            QCoreApplication.translate("UnlockDialog", "Ouvrir"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QCoreApplication.translate("UnlockDialog", "Quitter"),
                          QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _handle_show_toggled(self, shown: bool) -> None:
        self.field.setEchoMode(QLineEdit.EchoMode.Normal if shown
                               else QLineEdit.EchoMode.Password)

    def accept(self) -> None:
        """Try the text as a recovery key when it looks like one, else as a passphrase; on
        failure the message stays in the dialog and nothing is opened."""
        text = self.field.text().strip()
        if not text:
            return
        try:
            if _RECOVERY_RE.match(text) and len(re.sub(r"[\s\-]", "", text)) == 56:
                self.unlocked = self._unlock(self.db_path, keyring=self.keyring,
                                             recovery_key=text)
            else:
                self.unlocked = self._unlock(self.db_path, keyring=self.keyring,
                                             passphrase=text)
        except PasserelleError as exc:
            self.error.setText(message(exc))
            self.error.setVisible(True)
            self.adjustSize()
            self.field.selectAll()
            self.field.setFocus()
            return
        super().accept()


class NewPassphraseDialog(QDialog):
    """No keyring on this computer: the new database is protected by a passphrase."""

    def __init__(self, reason: str, db_path: Path, keyring: DatabaseKeyring | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.keyring = keyring
        self.unlocked: encryption.Unlocked | None = None
        self.setObjectName("NewPassphraseDialog")
        self.setWindowTitle(QCoreApplication.translate("NewPassphraseDialog",
                                                       "Protéger la base"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        title = QLabel(QCoreApplication.translate("NewPassphraseDialog",
                                                  "Choisissez une phrase de passe"), self)
        title.setFont(title_font(4))
        layout.addWidget(title)
        why = QLabel(reason, self)
        why.setWordWrap(True)
        why.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(why)
        text = QLabel(QCoreApplication.translate(
            "NewPassphraseDialog",
            "Au moins {n} caractères. Vous la saisirez à chaque ouverture de Passerelle ; "
            "sans elle, personne ne pourra ouvrir la base, pas même l'assistance.").format(
                n=encryption.MIN_PASSPHRASE), self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(QCoreApplication.translate("NewPassphraseDialog",
                                                                 "Phrase de passe"))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setPlaceholderText(QCoreApplication.translate(
            "NewPassphraseDialog", "La même, une seconde fois"))
        layout.addWidget(self.first)
        layout.addWidget(self.second)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {DANGER};")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        buttons.addButton(QCoreApplication.translate("NewPassphraseDialog", "Créer la base"),
                          QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QCoreApplication.translate("NewPassphraseDialog", "Quitter"),
                          QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.first.text() != self.second.text():
            self.error.setText(QCoreApplication.translate(
                "NewPassphraseDialog", "Les deux phrases de passe sont différentes."))
            self.error.show()
            self.adjustSize()
            return
        try:
            self.unlocked = encryption.unlock(self.db_path, keyring=self.keyring,
                                              passphrase=self.first.text())
        except PasserelleError as exc:
            self.error.setText(message(exc))
            self.error.show()
            self.adjustSize()
            return
        super().accept()


def prepare_app(language: str | None) -> None:
    """The QApplication and its translators, early: start-up dialogs come before the window."""
    from passerelle.ui import settings as ui_settings
    from passerelle.ui.app import create_app
    from passerelle.ui.i18n import choose_language, install_translators

    app = create_app(["passerelle"])
    install_translators(app, choose_language(language or ui_settings.Settings().language
                                             or None))
