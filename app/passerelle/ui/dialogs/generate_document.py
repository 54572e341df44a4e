"""« Générer un document »: fill a template from a file, keep the version, open the result.

The dialog offers the templates (the convention that fits the file's most recent agreement is
pre-selected), the agreement to use when the file has several, and a file name that carries the
version the render will record (``D-2026-0042_convention_mecenat_financier_v2.docx``). A bad
template (unknown placeholder, broken tag) is explained and nothing is written: the dialog stays
open so the user can pick another template.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.vocabulary import AgreementType
from passerelle.services import document_ui, documents
from passerelle.services.document_ui import GenerationChoices
from passerelle.services.documents import DocumentDTO, TemplateDTO
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label

__all__ = ["GenerateDocumentDialog", "ask_template_path", "confirm_overwrite",
           "open_with_system", "purpose_label"]


# --- System hooks (functions, so tests replace them) ------------------------------------------


def open_with_system(path: Path) -> bool:
    """Open a generated document with the user's word processor."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_template_path(parent: QWidget | None) -> Path | None:
    """Ask for a .docx template that is not imported; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("GenerateDocumentDialog", "Choisir un modèle .docx"),
        "", QCoreApplication.translate("GenerateDocumentDialog", "Documents Word (*.docx)"))
    return Path(name) if name else None


def confirm_overwrite(parent: QWidget | None, path: Path) -> bool:
    """Ask before replacing a file that already exists."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("GenerateDocumentDialog", "Remplacer le fichier ?"),
        QCoreApplication.translate(
            "GenerateDocumentDialog", "Le fichier « {name} » existe déjà dans {folder}. "
                                      "Le remplacer ?").format(name=path.name,
                                                               folder=path.parent))
    return answer == QMessageBox.StandardButton.Yes


def purpose_label(purpose: str) -> str:
    """A template's purpose (``convention``, ``lettre``…) as the user reads it."""
    labels = {
        "convention": QCoreApplication.translate("GenerateDocumentDialog", "Convention"),
        "lettre": QCoreApplication.translate("GenerateDocumentDialog", "Lettre"),
        "invitation": QCoreApplication.translate("GenerateDocumentDialog", "Invitation"),
        "compte_rendu": QCoreApplication.translate("GenerateDocumentDialog", "Compte rendu"),
        "synthese": QCoreApplication.translate("GenerateDocumentDialog", "Synthèse"),
    }
    return labels.get(purpose, QCoreApplication.translate("GenerateDocumentDialog", "Autre"))


def _type_label(value: str) -> str:
    try:
        return label(AgreementType(value))
    except ValueError:
        return value


class GenerateDocumentDialog(QDialog):
    """Template, agreement and file name → ``documents.render_for_file``.

    ``out_dir`` is where documents are written (the app's documents folder; a temporary folder
    in tests). Emits ``generated`` with the recorded document's id after each generation; the
    dialog stays open so that the user can open the file or generate another one.
    """

    generated = Signal(str)

    TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 file_id: uuid.UUID | str, out_dir: Path) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._file_id = uuid.UUID(str(file_id))
        self.out_dir = Path(out_dir)
        self._choices: GenerationChoices | None = None
        self._busy = False
        self.last_document: DocumentDTO | None = None
        self.last_path: Path | None = None
        self.setWindowTitle(QCoreApplication.translate("GenerateDocumentDialog",
                                                       "Générer un document"))

        self.file_label = QLabel(self)
        self.file_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.file_label.setWordWrap(True)
        self.templates_list = QListWidget(self)
        self.templates_list.setAccessibleName(QCoreApplication.translate(
            "GenerateDocumentDialog", "Modèles"))
        self.templates_list.setSpacing(2)
        self.templates_list.setMinimumHeight(150)
        self.templates_list.currentRowChanged.connect(self._handle_template_changed)
        self.description_label = QLabel(self)
        self.description_label.setWordWrap(True)
        self.description_label.setStyleSheet("color: #475467;")
        self.description_label.setMinimumHeight(
            2 * self.description_label.fontMetrics().lineSpacing())
        self.browse_button = QPushButton(QCoreApplication.translate(
            "GenerateDocumentDialog", "Utiliser un autre fichier .docx…"), self)
        self.browse_button.clicked.connect(self._handle_browse_clicked)

        self.agreement_label = QLabel(QCoreApplication.translate(
            "GenerateDocumentDialog", "Convention :"), self)
        self.agreement_combo = QComboBox(self)
        self.agreement_combo.activated.connect(self._handle_agreement_activated)
        # A read-only field: a long path scrolls instead of being cut.
        self.folder_label = QLineEdit(str(self.out_dir), self)
        self.folder_label.setReadOnly(True)
        self.folder_label.setCursorPosition(0)
        self.folder_label.setToolTip(str(self.out_dir))
        self.folder_label.setAccessibleName(QCoreApplication.translate(
            "GenerateDocumentDialog", "Dossier de destination"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(QCoreApplication.translate(
            "GenerateDocumentDialog", "Nom du fichier"))
        self.name_edit.textChanged.connect(self._update_buttons)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setStyleSheet(
            "background: #ecfdf3; color: #05603a; border-radius: 6px; padding: 6px 10px;")
        self.open_button = QPushButton(QCoreApplication.translate(
            "GenerateDocumentDialog", "Ouvrir"), self)
        self.open_button.clicked.connect(self._handle_open_clicked)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_button)
        self.result_label.hide()
        self.open_button.hide()

        self.buttons = QDialogButtonBox(self)
        self.generate_button = self.buttons.addButton(
            QCoreApplication.translate("GenerateDocumentDialog", "Générer"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.generate_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            QCoreApplication.translate("GenerateDocumentDialog", "Fermer"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.generate_button.clicked.connect(self._handle_generate_clicked)
        self.close_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.agreement_label, self.agreement_combo)
        form.addRow(QCoreApplication.translate("GenerateDocumentDialog", "Enregistré dans :"),
                    self.folder_label)
        form.addRow(QCoreApplication.translate("GenerateDocumentDialog", "Nom du fichier :"),
                    self.name_edit)
        browse_row = QHBoxLayout()
        browse_row.addStretch(1)
        browse_row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.file_label)
        layout.addSpacing(4)
        layout.addWidget(QLabel(QCoreApplication.translate("GenerateDocumentDialog",
                                                           "Modèle :"), self))
        layout.addWidget(self.templates_list, 1)
        layout.addWidget(self.description_label)
        layout.addLayout(browse_row)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addLayout(result_row)
        layout.addWidget(self.buttons)
        self._set_agreement_rows_visible(visible=False)
        self._update_buttons()
        self.resize(640, 500)
        self.refresh()

    # --- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the templates and agreements of the file."""
        db, fid = self._ctx.db, self._file_id
        self._ctx.runner.run(lambda: document_ui.generation_choices(db, fid),
                             self._handle_choices_loaded, self._handle_failed)

    def _handle_choices_loaded(self, choices: GenerationChoices) -> None:
        self._choices = choices
        self.file_label.setText(QCoreApplication.translate(
            "GenerateDocumentDialog", "Dossier {reference} — {title}").format(
                reference=choices.reference, title=choices.title))
        self.templates_list.clear()
        for template in choices.templates:
            self._add_template_item(template)
        self.agreement_combo.clear()
        for agreement in choices.agreements:
            text = f"{_type_label(agreement.type)} — {agreement.object}"
            self.agreement_combo.addItem(text, str(agreement.id))
        self._set_agreement_rows_visible(visible=bool(choices.agreements))
        if choices.templates:
            self.templates_list.setCurrentRow(choices.preferred_template)
        self._update_buttons()

    def _add_template_item(self, template: TemplateDTO) -> QListWidgetItem:
        text = f"{template.name}  ·  {purpose_label(template.purpose)}"
        item = QListWidgetItem(text, self.templates_list)
        item.setData(self.TEMPLATE_ROLE, template)
        if template.description:
            item.setToolTip(template.description)
        return item

    def _set_agreement_rows_visible(self, *, visible: bool) -> None:
        self.agreement_label.setVisible(visible)
        self.agreement_combo.setVisible(visible)

    # --- state ------------------------------------------------------------------------------
    def current_template(self) -> TemplateDTO | None:
        item = self.templates_list.currentItem()
        return item.data(self.TEMPLATE_ROLE) if item is not None else None

    def current_agreement_id(self) -> uuid.UUID | None:
        if not self.agreement_combo.isVisibleTo(self) or self.agreement_combo.count() == 0:
            return None
        data = self.agreement_combo.currentData()
        return uuid.UUID(data) if data else None

    def select_template(self, key_or_name: str) -> bool:
        """Select a listed template by shipped key or by name (tests, keyboard users)."""
        for row in range(self.templates_list.count()):
            template = self.templates_list.item(row).data(self.TEMPLATE_ROLE)
            if key_or_name in (template.key, template.name):
                self.templates_list.setCurrentRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        ready = (self.current_template() is not None and bool(self.name_edit.text().strip())
                 and not self._busy)
        self.generate_button.setEnabled(ready)

    def _handle_template_changed(self, _row: int) -> None:
        template = self.current_template()
        if template is None:
            self.description_label.clear()
            self._update_buttons()
            return
        description = template.description or QCoreApplication.translate(
            "GenerateDocumentDialog", "Modèle sans description.")
        self.description_label.setText(description)
        self._propose_name()

    def _handle_agreement_activated(self, _index: int) -> None:
        """A convention follows the chosen agreement's type, if one fits it."""
        template = self.current_template()
        if self._choices is None or template is None or template.purpose != "convention":
            return
        agreement_id = self.current_agreement_id()
        for agreement in self._choices.agreements:
            if agreement.id == agreement_id and agreement.template_key:
                self.select_template(agreement.template_key)

    def _propose_name(self) -> None:
        template = self.current_template()
        if template is None:
            return
        db, fid, folder = self._ctx.db, self._file_id, self.out_dir
        self._ctx.runner.run(lambda: document_ui.proposed_filename(db, fid, template, folder),
                             self._handle_name_proposed, self._handle_failed)

    def _handle_name_proposed(self, name: str) -> None:
        self.name_edit.setText(name)
        self._update_buttons()

    # --- actions ----------------------------------------------------------------------------
    def _handle_browse_clicked(self) -> None:
        path = ask_template_path(self)
        if path is None:
            return
        db = self._ctx.db
        self._ctx.runner.run(lambda: documents.resolve_template(db, path),
                             self._handle_template_file_resolved, self._handle_failed)

    def _handle_template_file_resolved(self, template: TemplateDTO) -> None:
        for row in range(self.templates_list.count()):
            known = self.templates_list.item(row).data(self.TEMPLATE_ROLE)
            if known.path == template.path:
                self.templates_list.setCurrentRow(row)
                return
        item = self._add_template_item(template)
        self.templates_list.setCurrentItem(item)

    def target_path(self) -> Path | None:
        """Where « Générer » writes: the typed name (never a path) in ``out_dir``, as .docx."""
        name = Path(self.name_edit.text().strip()).name
        if not name:
            return None
        if not name.lower().endswith(".docx"):
            name += ".docx"
        return self.out_dir / name

    def _handle_generate_clicked(self) -> None:
        template = self.current_template()
        target = self.target_path()
        if template is None or target is None or self._busy:
            return
        if target.exists() and not confirm_overwrite(self, target):
            return
        ref: str | Path = template.key if template.builtin and template.key else template.path
        db, fid, agreement_id = self._ctx.db, self._file_id, self.current_agreement_id()

        def op() -> DocumentDTO:
            target.parent.mkdir(parents=True, exist_ok=True)
            return documents.render_for_file(db, fid, ref, target, agreement_id=agreement_id)

        self._busy = True
        self._update_buttons()
        self._ctx.runner.run(op, self._handle_generated, self._handle_generate_failed)

    def _handle_generated(self, doc: DocumentDTO) -> None:
        self._busy = False
        self.last_document = doc
        self.last_path = Path(doc.filename)
        self.result_label.setText(QCoreApplication.translate(
            "GenerateDocumentDialog", "Document enregistré (version {version}) : {path}").format(
                version=doc.version, path=doc.filename))
        self.result_label.show()
        self.open_button.show()
        self.open_button.setFocus()
        self._ctx.bus.changed.emit("document")
        self.generated.emit(str(doc.id))
        self._propose_name()  # the next click makes the next version, never overwrites

    def _handle_generate_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        show_error(self, exc)

    def _handle_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _handle_open_clicked(self) -> None:
        if self.last_path is not None:
            open_with_system(self.last_path)
