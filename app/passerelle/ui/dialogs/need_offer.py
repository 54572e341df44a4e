"""« Nouveau besoin » / « Nouvelle offre » (and their edition): the matching axes in one form.

A need is carried by an association (or a network, a public body), an offer by a company or a
foundation; both say the nature of support, themes, commune, amount or volume and period.
The company's size is not asked: it is the organisation's (shown in the list and the
matching).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.vocabulary import NeedStatus, OrganisationKind, SupportNature
from passerelle.services import directory
from passerelle.services import needs_offers as no
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.meeting import Choice, EntityChooser
from passerelle.ui.dialogs.new_file import parse_themes
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message

#: Who may carry an offer / a need (as the service checks).
OFFER_KINDS = (OrganisationKind.COMPANY.value, OrganisationKind.FOUNDATION.value,
               OrganisationKind.NETWORK.value)
NEED_KINDS = (OrganisationKind.ASSOCIATION.value, OrganisationKind.NETWORK.value,
              OrganisationKind.PUBLIC_BODY.value, OrganisationKind.FOUNDATION.value)


class _OptionalDate(QWidget):
    """A date that may be left empty (a period often has no end)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None  # type: ignore[no-any-return]

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class NeedOfferDialog(QDialog):
    """Create or edit a need (``side="need"``) or an offer (``side="offer"``).

    Emits ``saved`` with the entry's id; stays open on an expected error with what was typed.
    """

    saved = Signal(str)

    def __init__(self, ctx: UiContext, side: str, parent: QWidget | None = None, *,
                 entry: no.NeedOfferDTO | None = None,
                 organisation: Choice | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._side = side
        self._entry = entry
        self._saving = False
        is_need = side == no.NEED
        if entry is not None:
            title = (QCoreApplication.translate("NeedOfferDialog", "Modifier le besoin")
                     if is_need else
                     QCoreApplication.translate("NeedOfferDialog", "Modifier l'offre"))
        else:
            title = (QCoreApplication.translate("NeedOfferDialog", "Nouveau besoin")
                     if is_need else
                     QCoreApplication.translate("NeedOfferDialog", "Nouvelle offre"))
        self.setWindowTitle(title)
        db = ctx.db
        kinds = NEED_KINDS if is_need else OFFER_KINDS

        def search(text: str) -> list[Choice]:
            return [Choice(o.id, o.name, o.commune_name or "")
                    for o in directory.find_organisations(db, text, kinds=kinds)]

        self.organisation_edit = EntityChooser(ctx, search, self)
        self.organisation_edit.setPlaceholderText(
            QCoreApplication.translate("NeedOfferDialog", "Tapez le nom de l'association…")
            if is_need else
            QCoreApplication.translate("NeedOfferDialog", "Tapez le nom de l'entreprise…"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(
            QCoreApplication.translate("NeedOfferDialog", "Ex. : refonte du site web")
            if is_need else
            QCoreApplication.translate("NeedOfferDialog", "Ex. : deux jours de graphisme"))
        self.nature_combo = QComboBox(self)
        for nature in SupportNature:
            self.nature_combo.addItem(label(nature), nature.value)
        self.themes_edit = QLineEdit(self)
        self.themes_edit.setPlaceholderText(QCoreApplication.translate(
            "NeedOfferDialog", "Séparés par des virgules : insertion, numérique"))
        self.commune_combo = QComboBox(self)
        self.commune_combo.addItem(QCoreApplication.translate(
            "NeedOfferDialog", "Toute la Métropole"), None)
        for commune in directory.communes():
            self.commune_combo.addItem(commune.name, commune.insee)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(QCoreApplication.translate(
            "NeedOfferDialog", "En euros, ex. : 2 500"))
        self.volume_edit = QLineEdit(self)
        self.volume_edit.setPlaceholderText(QCoreApplication.translate(
            "NeedOfferDialog", "Ex. : 5 jours, 10 ordinateurs, une salle le jeudi soir"))
        self.start_edit = _OptionalDate(self)
        self.end_edit = _OptionalDate(self)
        self.status_combo = QComboBox(self)
        for status in NeedStatus:
            self.status_combo.addItem(label(status), status.value)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(QCoreApplication.translate(
            "NeedOfferDialog", "Le contexte, le public, ce qui aiderait le plus…"))
        self.description_edit.setFixedHeight(80)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b42318; font-weight: 600;")
        self.error_label.hide()

        period = QHBoxLayout()
        period.addWidget(QLabel(QCoreApplication.translate("NeedOfferDialog", "du"), self))
        period.addWidget(self.start_edit, 1)
        period.addWidget(QLabel(QCoreApplication.translate("NeedOfferDialog", "au"), self))
        period.addWidget(self.end_edit, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Association")
                    if is_need else QCoreApplication.translate("NeedOfferDialog", "&Entreprise"),
                    self.organisation_edit)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Intitulé"), self.title_edit)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Nature du soutien"),
                    self.nature_combo)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Thèmes"), self.themes_edit)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Territoire"),
                    self.commune_combo)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Montant"), self.amount_edit)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Volume"), self.volume_edit)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "Période"), period)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Statut"), self.status_combo)
        form.addRow(QCoreApplication.translate("NeedOfferDialog", "&Description"),
                    self.description_edit)

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(QCoreApplication.translate(
            "NeedOfferDialog", "Enregistrer"), self)
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("NeedOfferDialog", "Annuler"))
        self.save_button.clicked.connect(self._handle_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(600, 520)
        if entry is not None:
            self._fill(entry)
        elif organisation is not None:
            self.organisation_edit.set_choice(organisation)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, e: no.NeedOfferDTO) -> None:
        self.organisation_edit.set_choice(Choice(e.organisation_id, e.organisation_name,
                                                 e.commune_name or ""))
        self.title_edit.setText(e.title)
        self.nature_combo.setCurrentIndex(max(0, self.nature_combo.findData(e.nature)))
        self.themes_edit.setText(", ".join(e.themes))
        self.commune_combo.setCurrentIndex(max(0, self.commune_combo.findData(e.commune_insee)))
        if e.amount_cents is not None:
            self.amount_edit.setText(f"{e.amount_cents / 100:.2f}".replace(".", ","))
        self.volume_edit.setText(e.volume or "")
        self.start_edit.set_value(e.period_start)
        self.end_edit.set_value(e.period_end)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(e.status)))
        self.description_edit.setPlainText(e.description or "")

    def values(self) -> dict[str, object]:
        org = self.organisation_edit.choice()
        return {
            "organisation_id": org.id if org else None,
            "title": self.title_edit.text(),
            "nature": self.nature_combo.currentData(),
            "themes": parse_themes(self.themes_edit.text()),
            "commune_insee": self.commune_combo.currentData(),
            "amount": self.amount_edit.text().strip() or None,
            "volume": self.volume_edit.text(),
            "period_start": self.start_edit.value(),
            "period_end": self.end_edit.value(),
            "status": self.status_combo.currentData(),
            "description": self.description_edit.toPlainText(),
        }

    def _handle_save_clicked(self) -> None:
        if self._saving:
            return
        self.error_label.hide()
        if self.organisation_edit.has_unresolved_text():
            self._show_inline_error(QCoreApplication.translate(
                "NeedOfferDialog", "Choisissez l'organisation dans la liste proposée."),
                self.organisation_edit)
            return
        values = self.values()
        db, side, entry = self._ctx.db, self._side, self._entry
        self._saving = True
        self.save_button.setEnabled(False)
        if entry is None:
            self._ctx.runner.run(lambda: no.create(db, side, **values), self._handle_saved,
                                 self._handle_failed)
        else:
            self._ctx.runner.run(lambda: no.update(db, side, entry.id, **values),
                                 self._handle_saved, self._handle_failed)

    def _handle_saved(self, dto: no.NeedOfferDTO) -> None:
        self._saving = False
        self._ctx.bus.changed.emit(self._side)
        self.saved.emit(str(dto.id))
        self.accept()

    def _handle_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, PasserelleError):
            field = exc.field if isinstance(exc, ValidationError) else None
            widget = {"title": self.title_edit, "organisation_id": self.organisation_edit,
                      "amount": self.amount_edit, "period_end": self.end_edit}.get(field or "")
            self._show_inline_error(message(exc), widget)
            return
        show_error(self, exc)

    def _show_inline_error(self, text: str, widget: QWidget | None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if widget is not None:
            widget.setFocus()
