"""« Nouveau dossier »: open a partnership file between an association and a company.

Only the title is required: a file often starts from an association alone (« Premier
contact »), and the company is found later. The stage rules will ask for what is missing when
the file moves on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.vocabulary import FileOrigin, OrganisationKind, PartnershipCategory
from passerelle.services import directory
from passerelle.services.files import FileDTO, open_file
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.meeting import Choice, EntityChooser
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message

#: A file's partner may be a company or a foundation (as ``services.files`` accepts).
PARTNER_KINDS = (OrganisationKind.COMPANY.value, OrganisationKind.FOUNDATION.value)



def parse_themes(text: str) -> list[str]:
    """Themes typed as « insertion, sport; jeunesse » → a clean list."""
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


class NewFileDialog(QDialog):
    """Title, association, company, category, origin and themes → ``services.files.open_file``.

    Emits ``created`` with the new file's id once it is saved; stays open on an expected
    error, with everything typed.
    """

    created = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._saving = False
        self.result_dto: FileDTO | None = None
        self.setWindowTitle(QCoreApplication.translate("NewFileDialog", "Nouveau dossier"))
        db = ctx.db

        def associations(text: str) -> list[Choice]:
            return [Choice(o.id, o.name, o.commune_name or "") for o in
                    directory.find_organisations(db, text, kinds=[OrganisationKind.ASSOCIATION
                                                                  .value])]

        def partners(text: str) -> list[Choice]:
            return [Choice(o.id, o.name, o.commune_name or "")
                    for o in directory.find_organisations(db, text, kinds=PARTNER_KINDS)]

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(QCoreApplication.translate(
            "NewFileDialog", "Ex. : chantier d'insertion — atelier vélo"))
        self.association_edit = EntityChooser(ctx, associations, self)
        self.association_edit.setPlaceholderText(QCoreApplication.translate(
            "NewFileDialog", "Tapez le nom de l'association…"))
        self.company_edit = EntityChooser(ctx, partners, self)
        self.company_edit.setPlaceholderText(QCoreApplication.translate(
            "NewFileDialog", "Facultatif : l'entreprise ou la fondation"))
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(QCoreApplication.translate(
            "NewFileDialog", "À préciser plus tard"), None)
        for category in PartnershipCategory:
            self.category_combo.addItem(label(category), category.value)
        self.origin_combo = QComboBox(self)
        self.origin_combo.addItem(QCoreApplication.translate("NewFileDialog", "Non précisée"), None)
        for origin in FileOrigin:
            self.origin_combo.addItem(label(origin), origin.value)
        self.themes_edit = QLineEdit(self)
        self.themes_edit.setPlaceholderText(QCoreApplication.translate(
            "NewFileDialog", "Séparés par des virgules : insertion, sport"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b42318; font-weight: 600;")
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("NewFileDialog", "&Intitulé"), self.title_edit)
        form.addRow(QCoreApplication.translate(
            "NewFileDialog", "&Association"), self.association_edit)
        form.addRow(QCoreApplication.translate("NewFileDialog", "&Entreprise"), self.company_edit)
        form.addRow(QCoreApplication.translate("NewFileDialog", "&Catégorie"), self.category_combo)
        form.addRow(QCoreApplication.translate("NewFileDialog", "&Origine"), self.origin_combo)
        form.addRow(QCoreApplication.translate("NewFileDialog", "&Thèmes"), self.themes_edit)

        buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(QCoreApplication.translate(
            "NewFileDialog", "Créer le dossier"), self)
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("NewFileDialog", "Annuler"))
        self.create_button.clicked.connect(self._handle_create_clicked)
        buttons.rejected.connect(self.reject)

        hint = QLabel(QCoreApplication.translate(
            "NewFileDialog", "Le dossier s'ouvre à l'étape « Premier contact ». Vous pourrez "
                             "compléter les partenaires et la catégorie ensuite."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #475467;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 340)

    def _handle_create_clicked(self) -> None:
        if self._saving:
            return
        self.error_label.hide()
        for chooser, text in (
                (self.association_edit, QCoreApplication.translate(
                    "NewFileDialog", "Choisissez l'association dans la liste proposée, "
                                     "ou videz le champ.")),
                (self.company_edit, QCoreApplication.translate(
                    "NewFileDialog", "Choisissez l'entreprise dans la liste proposée, ou "
                                     "videz le champ."))):
            if chooser.has_unresolved_text():
                self._show_inline_error(text, chooser)
                return
        association = self.association_edit.choice()
        company = self.company_edit.choice()
        values = {
            "title": self.title_edit.text(),
            "association_id": association.id if association else None,
            "company_id": company.id if company else None,
            "category": self.category_combo.currentData(),
            "origin": self.origin_combo.currentData(),
            "themes": parse_themes(self.themes_edit.text()),
        }
        db = self._ctx.db
        self._saving = True
        self.create_button.setEnabled(False)
        self._ctx.runner.run(lambda: open_file(db, **values), self._handle_created,
                             self._handle_failed)

    def _handle_created(self, dto: FileDTO) -> None:
        self._saving = False
        self.result_dto = dto
        self._ctx.bus.changed.emit("partnership_file")
        self.created.emit(str(dto.id))
        self.accept()

    def _handle_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.create_button.setEnabled(True)
        if isinstance(exc, PasserelleError):
            field = exc.field if isinstance(exc, ValidationError) else None
            widget = {"title": self.title_edit, "association_id": self.association_edit,
                      "company_id": self.company_edit}.get(field or "")
            self._show_inline_error(message(exc), widget)
        show_error(self, exc)

    def _show_inline_error(self, text: str, widget: QWidget | None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if widget is not None:
            widget.setFocus()
