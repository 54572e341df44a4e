"""« Courrier en nombre… »: one letter per organisation or contact selected in a list.

Opened from Organisations and Contacts (multi-selection: Ctrl+clic, Maj+clic, Ctrl+A). The
dialog first shows who will get a letter and who will not (a contact who objected to
prospecting), then the template, the folder and the form of the result — one .docx per
recipient or one document with a letter per page. Rendering runs off the UI thread with a
progress dialog and « Annuler »; on cancel or error nothing is left in the folder
(``services.mail_merge`` renders into a staging folder and moves the letters in at the end).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passerelle.services import mail_merge
from passerelle.services.documents import BatchCancelled, TemplateDTO
from passerelle.services.mail_merge import EventNote, MailMergeResult, RecipientList
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.generate_document import open_with_system, purpose_label
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import singular
from passerelle.ui.tasks import Progress

__all__ = ["BatchLettersDialog", "add_mail_merge_button", "ask_folder"]

WARNING_COLOUR = "#8a5300"


def ask_folder(parent: QWidget | None, start: Path) -> Path | None:
    """The folder to write the letters to (a function, so tests replace it)."""
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("BatchLettersDialog", "Dossier des courriers"),
        str(start))
    return Path(name) if name else None


class BatchLettersDialog(QDialog):
    """Template, folder and form of the result → ``mail_merge.render_mail_merge``.

    ``kind`` is ``mail_merge.ORGANISATIONS`` or ``mail_merge.CONTACTS``; ``ids`` the selected
    rows in list order. Emits ``finished_batch`` with the result after a successful run.
    """

    finished_batch = Signal(object)

    def __init__(self, ctx: UiContext, kind: str, ids: Sequence[uuid.UUID],
                 parent: QWidget | None = None, *, base_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._kind = kind
        self._ids = list(ids)
        self._recipients: RecipientList | None = None
        self._folder_chosen = False
        self._busy = False
        self.progress: Progress | None = None
        self.last_result: MailMergeResult | None = None
        self.base_dir = base_dir or ctx.documents_dir or ctx.db.path.parent / "documents"
        self.setWindowTitle(QCoreApplication.translate("BatchLettersDialog",
                                                       "Courrier en nombre"))

        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.summary.setWordWrap(True)
        self.recipients_list = QListWidget(self)
        self.recipients_list.setAccessibleName(QCoreApplication.translate(
            "BatchLettersDialog", "Destinataires"))
        self.recipients_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.recipients_list.setMaximumHeight(130)
        self.skipped_label = QLabel(self)
        self.skipped_label.setWordWrap(True)
        self.skipped_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.skipped_label.hide()

        self.template_combo = QComboBox(self)
        self.template_combo.setAccessibleName(QCoreApplication.translate(
            "BatchLettersDialog", "Modèle"))
        self.template_combo.currentIndexChanged.connect(self._handle_template_changed)
        self.event_label = QLabel(self)
        self.event_label.setWordWrap(True)
        self.event_label.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Preferred)
        self.event_label.hide()
        self.template_note = QLabel(self)
        self.template_note.setWordWrap(True)
        self.template_note.setStyleSheet("color: #475467;")
        self.template_note.setMinimumHeight(2 * self.template_note.fontMetrics().lineSpacing())
        self.template_note.setSizePolicy(QSizePolicy.Policy.Expanding,
                                         QSizePolicy.Policy.Preferred)

        self.per_recipient = QRadioButton(QCoreApplication.translate(
            "BatchLettersDialog", "Un fichier .docx par destinataire"), self)
        self.combined = QRadioButton(QCoreApplication.translate(
            "BatchLettersDialog", "Un seul document, une lettre par page (à imprimer)"), self)
        self.per_recipient.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_recipient)
        group.addButton(self.combined)
        form_box = QVBoxLayout()
        form_box.setSpacing(2)
        form_box.addWidget(self.per_recipient)
        form_box.addWidget(self.combined)

        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setAccessibleName(QCoreApplication.translate(
            "BatchLettersDialog", "Dossier de destination"))
        self.folder_button = QPushButton(QCoreApplication.translate(
            "BatchLettersDialog", "Choisir…"), self)
        self.folder_button.clicked.connect(self._handle_folder_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(QCoreApplication.translate("BatchLettersDialog", "Modèle :"),
                    self.template_combo)
        form.addRow("", self.template_note)
        form.addRow("", self.event_label)
        form.addRow(QCoreApplication.translate("BatchLettersDialog", "Résultat :"), form_box)
        form.addRow(QCoreApplication.translate("BatchLettersDialog", "Enregistré dans :"),
                    folder_row)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(QCoreApplication.translate(
            "BatchLettersDialog", "Ouvrir le dossier"), self)
        self.open_button.clicked.connect(self._handle_open_clicked)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_button)
        self.result_label.hide()
        self.open_button.hide()

        self.buttons = QDialogButtonBox(self)
        self.generate_button = self.buttons.addButton(
            QCoreApplication.translate("BatchLettersDialog", "Générer les courriers"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.generate_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            QCoreApplication.translate("BatchLettersDialog", "Fermer"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.generate_button.clicked.connect(self._handle_generate_clicked)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.summary)
        layout.addWidget(self.recipients_list)
        layout.addWidget(self.skipped_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addLayout(result_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(660, 470)
        self._update_buttons()
        self._load()

    # --- loading ------------------------------------------------------------------------------
    def _load(self) -> None:
        db, kind, ids = self._ctx.db, self._kind, self._ids

        def op() -> tuple[RecipientList, list[TemplateDTO]]:
            return mail_merge.list_recipients(db, kind, ids), mail_merge.batch_templates(db)

        self._ctx.runner.run(op, self._handle_loaded, self._handle_failed)

    def _handle_loaded(self, result: tuple[RecipientList, list[TemplateDTO]]) -> None:
        recipients, templates = result
        self._recipients = recipients
        n = len(recipients.recipients)
        self.summary.setText((QCoreApplication.translate(
            "BatchLettersDialog", "{n} destinataire") if singular(n) else
            QCoreApplication.translate("BatchLettersDialog", "{n} destinataires")).format(n=n))
        self.recipients_list.clear()
        for r in recipients.recipients:
            if r.person and r.person != r.organisation and r.organisation:
                text = f"{r.person} — {r.organisation}"
            else:
                text = r.name
            self.recipients_list.addItem(text)
        if recipients.skipped:
            names = ", ".join(r.name for r in recipients.skipped)
            k = len(recipients.skipped)
            self.skipped_label.setText((QCoreApplication.translate(
                "BatchLettersDialog", "{n} personne exclue car opposée à la prospection "
                                      "(RGPD) : {names}.") if singular(k) else
                QCoreApplication.translate(
                "BatchLettersDialog", "{n} personnes exclues car opposées à la prospection "
                                      "(RGPD) : {names}.")).format(n=k, names=names))
            self.skipped_label.show()
        blocker = QSignalBlocker(self.template_combo)
        self.template_combo.clear()
        for t in templates:
            self.template_combo.addItem(f"{t.name}  ·  {purpose_label(t.purpose)}", t)
        blocker.unblock()
        self._handle_template_changed(0)
        self._update_buttons()

    # --- state --------------------------------------------------------------------------------
    def current_template(self) -> TemplateDTO | None:
        data = self.template_combo.currentData()
        return data if isinstance(data, TemplateDTO) else None

    def select_template(self, key_or_name: str) -> bool:
        for i in range(self.template_combo.count()):
            t = self.template_combo.itemData(i)
            if key_or_name in (t.key, t.name):
                self.template_combo.setCurrentIndex(i)
                return True
        return False

    def folder(self) -> Path:
        return Path(self.folder_edit.text())

    def set_folder(self, folder: Path) -> None:
        self._folder_chosen = True
        self._show_folder(folder)

    def _show_folder(self, folder: Path) -> None:
        self.folder_edit.setText(str(folder))
        self.folder_edit.setCursorPosition(0)
        self.folder_edit.setToolTip(str(folder))

    def _update_buttons(self) -> None:
        ready = (not self._busy and self.current_template() is not None
                 and self._recipients is not None and bool(self._recipients.recipients))
        self.generate_button.setEnabled(ready)
        for widget in (self.template_combo, self.per_recipient, self.combined,
                       self.folder_button):
            widget.setEnabled(not self._busy)

    def _handle_template_changed(self, _index: int) -> None:
        template = self.current_template()
        if template is None:
            self.template_note.clear()
            self._update_buttons()
            return
        self.template_note.setText(template.description or QCoreApplication.translate(
            "BatchLettersDialog", "Modèle sans description."))
        if not self._folder_chosen:
            self._show_folder(mail_merge.default_folder(self.base_dir, template.name))
        self._update_buttons()
        db = self._ctx.db
        ref: str | Path = template.key if template.builtin and template.key else template.path
        self._ctx.runner.run(lambda: mail_merge.event_note(db, ref),
                             lambda note: self._show_event(template, note),
                             lambda _exc: self.event_label.hide())

    def _show_event(self, template: TemplateDTO, note: EventNote) -> None:
        """Say which collective event the invitations will announce, or that none is planned."""
        if self.current_template() is not template:
            return  # another template was chosen meanwhile
        if not note.uses_event:
            self.event_label.hide()
            return
        if note.starts_at is None:
            self.event_label.setText(QCoreApplication.translate(
                "BatchLettersDialog", "Aucune rencontre collective à venir : la date et le lieu "
                                      "resteront en pointillés. Créez d'abord la rencontre dans "
                                      "Événements."))
            self.event_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        else:
            at = note.starts_at
            when = "{day}, {time}".format(
                day=QLocale().toString(QDate(at.year, at.month, at.day),
                                       QLocale.FormatType.LongFormat),
                time=QLocale().toString(QTime(at.hour, at.minute),
                                        QLocale.FormatType.ShortFormat))
            self.event_label.setText(QCoreApplication.translate(
                "BatchLettersDialog", "Rencontre annoncée : {title}, {when}{place} (la "
                                      "prochaine à venir).").format(
                title=note.title or "", when=when,
                place=f" — {note.place}" if note.place else ""))
            self.event_label.setStyleSheet("color: #05603a;")
        self.event_label.show()

    # --- actions ------------------------------------------------------------------------------
    def _handle_folder_clicked(self) -> None:
        folder = ask_folder(self, self.folder())
        if folder is not None:
            self.set_folder(folder)

    def _handle_generate_clicked(self) -> None:
        template = self.current_template()
        if template is None or self._busy or self._recipients is None:
            return
        ref: str | Path = template.key if template.builtin and template.key else template.path
        db, kind, folder = self._ctx.db, self._kind, self.folder()
        ids = [r.id for r in self._recipients.recipients]
        combined = self.combined.isChecked()

        def op(progress: Progress) -> MailMergeResult:
            return mail_merge.render_mail_merge(db, ref, kind, ids, folder, combined=combined,
                                                progress=progress, cancel=progress.cancel)

        self._busy = True
        self._update_buttons()
        self.result_label.hide()
        self.open_button.hide()
        self.progress = self._ctx.runner.run_with_progress(
            self, QCoreApplication.translate("BatchLettersDialog", "Rédaction des courriers…"),
            op, self._handle_done, self._handle_generate_failed, db=False)

    def _handle_done(self, result: MailMergeResult) -> None:
        self._busy = False
        self.last_result = result
        n = result.letters
        if result.combined:
            text = (QCoreApplication.translate(
                "BatchLettersDialog", "{n} courrier réuni dans {file}") if singular(n) else
                QCoreApplication.translate(
                "BatchLettersDialog", "{n} courriers réunis dans {file}")).format(
                n=n, file=result.files[0].name)
        else:
            text = (QCoreApplication.translate(
                "BatchLettersDialog", "{n} courrier écrit dans {folder}") if singular(n) else
                QCoreApplication.translate(
                "BatchLettersDialog", "{n} courriers écrits dans {folder}")).format(
                n=n, folder=result.out_dir)
        self._set_result(text, ok=True)
        self.open_button.show()
        self.open_button.setFocus()
        self._update_buttons()
        self.finished_batch.emit(result)

    def _handle_generate_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(exc, BatchCancelled):
            self._set_result(QCoreApplication.translate(
                "BatchLettersDialog", "Génération annulée : aucun fichier n'a été écrit."),
                ok=False)
            return
        show_error(self, exc)

    def _set_result(self, text: str, *, ok: bool) -> None:
        colour, background = ("#05603a", "#ecfdf3") if ok else (WARNING_COLOUR, "#fffaeb")
        self.result_label.setStyleSheet(
            f"background: {background}; color: {colour}; border-radius: 6px; "
            "padding: 6px 10px;")
        self.result_label.setText(text)
        self.result_label.show()

    def _handle_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _handle_open_clicked(self) -> None:
        if self.last_result is not None:
            open_with_system(self.last_result.out_dir)


def add_mail_merge_button(ctx: UiContext, view: QWidget, table: QTableView, kind: str
                          ) -> QPushButton:
    """Turn on multi-selection in ``table`` and return a « Courrier en nombre… » button.

    The button is enabled while rows are selected and opens :class:`BatchLettersDialog` on the
    selected rows (in list order). ``table``'s model must give ``row_id(row)`` (IdTableModel).
    """
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    button = QPushButton(QCoreApplication.translate("BatchLettersDialog",
                                                    "Courrier en nombre…"), view)
    button.setToolTip(QCoreApplication.translate(
        "BatchLettersDialog", "Écrire à chaque ligne sélectionnée (Ctrl+clic, Maj+clic ou "
                              "Ctrl+A pour en sélectionner plusieurs)"))

    def selected_ids() -> list[uuid.UUID]:
        model = table.model()
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        ids = [model.row_id(r) for r in rows]  # type: ignore[attr-defined]
        return [i for i in ids if i is not None]

    def update() -> None:
        button.setEnabled(table.selectionModel().hasSelection())

    def open_dialog() -> None:
        dialog = BatchLettersDialog(ctx, kind, selected_ids(), view)
        dialog.exec()
        dialog.deleteLater()

    table.selectionModel().selectionChanged.connect(update)
    button.clicked.connect(open_dialog)
    update()
    return button
