"""« Fusionner »: both records side by side, what the kept one gains, then one click.

The dialog shows the two organisations field by field, the result after the merge (fields
filled from the other record are highlighted) and what each one holds (contacts, files,
interactions…), so the user sees that nothing is lost. « Inverser » chooses which record is
kept. The merge itself is :func:`passerelle.services.merge.merge_organisations`, run in the
background; the dialog emits ``merged`` with its report.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain import validators as v
from passerelle.domain.vocabulary import CompanySize, OrganisationKind
from passerelle.services import merge as merge_service
from passerelle.services.merge import MergePreview, MergeReport
from passerelle.services.organisations import OrganisationDTO
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label

translate = QCoreApplication.translate
FILLED_BACKGROUND = QColor("#e3f4e1")
DIFFERENT_COLOUR = QColor("#8a5300")
#: identifiers that name one legal entity: two different values are a warning sign
IDENTIFIERS = ("siren", "siret", "rna")
SECTION_BACKGROUND = QColor("#eef1f5")


def _enum_text(enum: Any, value: str | None) -> str:
    if not value:
        return ""
    try:
        return label(enum(value))
    except ValueError:
        return value


def _fields() -> list[tuple[str, str]]:
    """(attribute, label) of the rows, in the form's order."""
    return [
        ("name", translate("MergeDialog", "Nom")),
        ("kind", translate("MergeDialog", "Type")),
        ("siren", translate("MergeDialog", "SIREN")),
        ("siret", translate("MergeDialog", "SIRET")),
        ("rna", translate("MergeDialog", "N° RNA")),
        ("naf", translate("MergeDialog", "Code NAF")),
        ("size", translate("MergeDialog", "Taille")),
        ("themes", translate("MergeDialog", "Thèmes")),
        ("address", translate("MergeDialog", "Adresse")),
        ("postal_code", translate("MergeDialog", "Code postal")),
        ("commune_name", translate("MergeDialog", "Commune")),
        ("website", translate("MergeDialog", "Site web")),
        ("email", translate("MergeDialog", "E-mail")),
        ("phone", translate("MergeDialog", "Téléphone")),
        ("description", translate("MergeDialog", "Description")),
    ]


def _counted() -> list[tuple[str, str]]:
    return [
        ("contacts", translate("MergeDialog", "Contacts")),
        ("files", translate("MergeDialog", "Dossiers")),
        ("interactions", translate("MergeDialog", "Échanges")),
        ("needs", translate("MergeDialog", "Besoins")),
        ("offers", translate("MergeDialog", "Offres")),
        ("agreements", translate("MergeDialog", "Conventions")),
        ("events", translate("MergeDialog", "Événements")),
    ]


def field_text(org: OrganisationDTO, attr: str) -> str:
    value = getattr(org, attr)
    if attr == "kind":
        return _enum_text(OrganisationKind, value)
    if attr == "size":
        return _enum_text(CompanySize, value)
    if attr == "themes":
        return ", ".join(value)
    if attr == "siren" and value:
        return v.format_siren(value)
    if attr == "siret" and value:
        return v.format_siret(value)
    if attr == "rna" and value:
        return v.format_rna(value)
    if attr == "phone" and value:
        return v.format_phone_fr(value)
    if attr == "description" and value:
        first = value.splitlines()[0]
        return first if len(first) <= 80 else first[:79] + "…"
    return value or ""


class MergeDialog(QDialog):
    """Side-by-side confirmation of merging two organisations (see the module notes)."""

    merged = Signal(object)  # MergeReport

    def __init__(self, ctx: UiContext, first_id: uuid.UUID, second_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._keep, self._other = first_id, second_id
        self.preview: MergePreview | None = None
        self.report: MergeReport | None = None
        self.setWindowTitle(translate("MergeDialog", "Fusionner deux organisations"))

        explain = QLabel(translate(
            "MergeDialog",
            "La fiche de gauche est conservée. Ses champs vides sont complétés par ceux de "
            "l'autre fiche (en vert) ; les contacts, dossiers, échanges, besoins, offres, "
            "conventions et événements de l'autre fiche lui sont rattachés. L'autre fiche "
            "disparaît des listes ; son historique est conservé et la fusion se synchronise "
            "avec les collègues."), self)
        explain.setWordWrap(True)

        self.table = QTableWidget(self)
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels([
            "",
            translate("MergeDialog", "Fiche conservée"),
            translate("MergeDialog", "Fiche fusionnée (disparaît)"),
            translate("MergeDialog", "Après la fusion"),
        ])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

        self.swap_button = QPushButton(translate("MergeDialog", "⇄ Inverser"), self)
        self.swap_button.setToolTip(translate(
            "MergeDialog", "Conserver plutôt l'autre fiche"))
        self.swap_button.clicked.connect(self._handle_swap)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(translate("MergeDialog", "Fusionner"), self)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("MergeDialog", "Annuler"))
        self.merge_button.clicked.connect(self._handle_merge)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.setEnabled(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.swap_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(980, 690)
        self._load()

    def _load(self) -> None:
        db, keep, other = self._ctx.db, self._keep, self._other
        self.merge_button.setEnabled(False)
        self._ctx.runner.run(lambda: merge_service.merge_preview(db, keep, other),
                             self._show_preview, self._handle_failed)

    def _show_preview(self, preview: MergePreview) -> None:
        self.preview = preview
        fields, counted = _fields(), _counted()
        self.table.setRowCount(len(fields) + 1 + len(counted))
        bold = QFont(self.table.font())
        bold.setBold(True)
        filled = set(preview.filled)
        clashes = [text for attr, text in fields if attr in IDENTIFIERS
                   and getattr(preview.keep, attr) and getattr(preview.other, attr)
                   and getattr(preview.keep, attr) != getattr(preview.other, attr)]
        for row, (attr, text) in enumerate(fields):
            keep_text = field_text(preview.keep, attr)
            other_text = field_text(preview.other, attr)
            if attr == "themes":
                after = ", ".join(sorted(set(preview.keep.themes) | set(preview.other.themes)))
            else:
                after = other_text if attr in filled else keep_text
            self._set_row(row, text, keep_text, other_text, after, attr in filled, bold)
            if text in clashes:
                for col in (1, 2):
                    cell = self.table.item(row, col)
                    cell.setForeground(QBrush(DIFFERENT_COLOUR))
                    cell.setFont(bold)
        section = len(fields)
        for col in range(4):
            item = QTableWidgetItem(
                translate("MergeDialog", "Éléments rattachés") if col == 0 else "")
            item.setFont(bold)
            item.setBackground(QBrush(SECTION_BACKGROUND))
            self.table.setItem(section, col, item)
        for offset, (key, text) in enumerate(counted, start=section + 1):
            k, o = preview.keep_counts[key], preview.other_counts[key]
            self._set_row(offset, text, str(k), str(o), str(k + o), o > 0, bold)
        self.merge_button.setEnabled(True)
        if clashes:
            self.status.setStyleSheet(f"color: {DIFFERENT_COLOUR.name()};")
            self.status.setText(translate(
                "MergeDialog", "Attention : {fields} différent d'une fiche à l'autre. "
                "Vérifiez qu'il s'agit bien de la même organisation.").format(
                fields=", ".join(clashes)))
        else:
            self.status.setStyleSheet("")
            self.status.setText(translate(
                "MergeDialog", "Vérifiez la fiche conservée, puis cliquez sur « Fusionner »."))

    def _set_row(self, row: int, name: str, keep: str, other: str, after: str,
                 gained: bool, bold: QFont) -> None:
        head = QTableWidgetItem(name)
        head.setFont(bold)
        self.table.setItem(row, 0, head)
        for col, text in ((1, keep), (2, other), (3, after)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if col == 3 and gained:
                item.setBackground(QBrush(FILLED_BACKGROUND))
            self.table.setItem(row, col, item)

    def _handle_swap(self) -> None:
        self._keep, self._other = self._other, self._keep
        self._load()

    def _handle_merge(self) -> None:
        db, keep, other = self._ctx.db, self._keep, self._other
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        self._ctx.runner.run(lambda: merge_service.merge_organisations(db, keep, other),
                             self._handle_merged, self._handle_failed)

    def _handle_merged(self, report: MergeReport) -> None:
        self.report = report
        self.merged.emit(report)
        self.accept()

    def _handle_failed(self, exc: BaseException) -> None:
        self.swap_button.setEnabled(True)
        show_error(self, exc)
        if self.preview is None:
            self.reject()
        else:
            self.merge_button.setEnabled(True)

    @property
    def kept_id(self) -> uuid.UUID:
        return self._keep

    @property
    def merged_id(self) -> uuid.UUID:
        return self._other


__all__ = ["MergeDialog"]
