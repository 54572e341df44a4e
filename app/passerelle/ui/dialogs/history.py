"""« Historique » of a record: every change from the change log, newest first.

Field names and vocabulary values are shown with the labels the forms use; a creation lists
the initial values, an RGPD erasure shows as such (the erased values are gone from the log).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain import vocabulary as voc
from passerelle.domain.stages import Stage
from passerelle.services import history
from passerelle.services.history import HistoryEntry
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.widgets.panels import PageHeader

translate = QCoreApplication.translate


def _field_labels() -> dict[str, str]:
    return {
        "name": translate("HistoryDialog", "Nom"),
        "kind": translate("HistoryDialog", "Type"),
        "siren": translate("HistoryDialog", "SIREN"),
        "siret": translate("HistoryDialog", "SIRET"),
        "rna": translate("HistoryDialog", "RNA"),
        "naf": translate("HistoryDialog", "Code NAF"),
        "legal_form": translate("HistoryDialog", "Forme juridique"),
        "size": translate("HistoryDialog", "Taille"),
        "ess": translate("HistoryDialog", "ESS"),
        "themes": translate("HistoryDialog", "Thèmes"),
        "address": translate("HistoryDialog", "Adresse"),
        "postal_code": translate("HistoryDialog", "Code postal"),
        "commune_insee": translate("HistoryDialog", "Commune (INSEE)"),
        "commune_name": translate("HistoryDialog", "Commune"),
        "neighbourhood": translate("HistoryDialog", "Quartier"),
        "qpv": translate("HistoryDialog", "QPV"),
        "website": translate("HistoryDialog", "Site web"),
        "email": translate("HistoryDialog", "E-mail"),
        "phone": translate("HistoryDialog", "Téléphone"),
        "description": translate("HistoryDialog", "Description"),
        "maturity": translate("HistoryDialog", "Maturité"),
        "merged_into": translate("HistoryDialog", "Fusionnée dans"),
        "first_name": translate("HistoryDialog", "Prénom"),
        "last_name": translate("HistoryDialog", "Nom de famille"),
        "title": translate("HistoryDialog", "Titre / fonction"),
        "mobile": translate("HistoryDialog", "Mobile"),
        "legal_basis": translate("HistoryDialog", "Base légale"),
        "consent_on": translate("HistoryDialog", "Consentement le"),
        "collected_from": translate("HistoryDialog", "Source de la collecte"),
        "collected_on": translate("HistoryDialog", "Collecte le"),
        "last_inbound_on": translate("HistoryDialog", "Dernier contact entrant"),
        "objects_to_prospecting": translate("HistoryDialog", "Opposition à la prospection"),
        "notes": translate("HistoryDialog", "Notes"),
        "reference": translate("HistoryDialog", "Référence"),
        "association_id": translate("HistoryDialog", "Association"),
        "company_id": translate("HistoryDialog", "Entreprise"),
        "facilitator": translate("HistoryDialog", "Chargé(e) d'accompagnement"),
        "category": translate("HistoryDialog", "Catégorie"),
        "stage": translate("HistoryDialog", "Étape"),
        "stage_since": translate("HistoryDialog", "À l'étape depuis"),
        "status": translate("HistoryDialog", "Statut"),
        "status_reason": translate("HistoryDialog", "Motif"),
        "objectives": translate("HistoryDialog", "Objectifs"),
        "brakes": translate("HistoryDialog", "Freins"),
        "origin": translate("HistoryDialog", "Origine"),
        "origin_event_id": translate("HistoryDialog", "Événement d'origine"),
        "opened_on": translate("HistoryDialog", "Ouvert le"),
        "closed_on": translate("HistoryDialog", "Clos le"),
        "success_story": translate("HistoryDialog", "Partenariat réussi"),
        "summary": translate("HistoryDialog", "Résumé"),
    }


_ENUMS: dict[str, type[Any]] = {
    "kind": voc.OrganisationKind,
    "size": voc.CompanySize,
    "maturity": voc.PartnershipMaturity,
    "legal_basis": voc.LegalBasis,
    "category": voc.PartnershipCategory,
    "status": voc.FileStatus,
    "origin": voc.FileOrigin,
    "objectives": voc.Objective,
    "brakes": voc.Brake,
}


def _enum_label(field: str, value: Any) -> str | None:
    enum = _ENUMS.get(field)
    if enum is None:
        return None
    try:
        return label(enum(value))
    except ValueError:
        return None


def format_value(field: str, value: Any) -> str:
    """A value as the forms show it."""
    if value is None or value == "" or value == []:
        return "—"
    if field == "stage":
        try:
            return label(Stage(int(value)))
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return translate("HistoryDialog", "Oui") if value else translate("HistoryDialog", "Non")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, list):
        return ", ".join(_enum_label(field, x) or str(x) for x in value)
    return _enum_label(field, value) or str(value)


def describe(entry: HistoryEntry, labels: dict[str, str]) -> tuple[str, str, str]:
    """(what changed, old, new) in words."""
    if entry.kind == "redact":
        return (
            translate("HistoryDialog", "Effacement RGPD"),
            "—",
            translate("HistoryDialog", "valeurs effacées"),
        )
    if entry.kind in ("delete", "restore") or entry.field == "_row":
        words = {
            "delete": translate("HistoryDialog", "Suppression"),
            "restore": translate("HistoryDialog", "Restauration"),
            "create": translate("HistoryDialog", "Création"),
        }
        return (words[entry.kind], "", "")
    name = labels.get(entry.field, entry.field)
    return (
        name,
        format_value(entry.field, entry.old_value),
        format_value(entry.field, entry.new_value),
    )


class HistoryDialog(QDialog):
    """The change history of one organisation, contact or file."""

    def __init__(
        self,
        ctx: UiContext,
        entity: str,
        row_id: uuid.UUID | str,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("HistoryDialog", "Historique des modifications"))
        self.resize(980, 560)
        self._labels = _field_labels()
        header = PageHeader(
            translate("HistoryDialog", "Historique : {name}").format(name=title),
            translate(
                "HistoryDialog",
                "Chaque modification, la plus récente en premier : qui l'a faite, quand, "
                "sur quel poste, et la valeur avant et après. Les modifications des "
                "collègues arrivent avec la synchronisation.",
            ),
            self,
        )
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("HistoryDialog", "Quand"),
                translate("HistoryDialog", "Qui"),
                translate("HistoryDialog", "Poste"),
                translate("HistoryDialog", "Donnée"),
                translate("HistoryDialog", "Avant"),
                translate("HistoryDialog", "Après"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        for col, width in enumerate((140, 130, 110, 210)):
            self.table.setColumnWidth(col, width)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(translate("HistoryDialog", "Chargement de l'historique…"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(buttons)
        ctx.runner.run(
            lambda: history.record_history(ctx.db, entity, row_id), self._show, self._failed
        )

    def _show(self, entries: list[HistoryEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            what, old, new = describe(e, self._labels)
            cells = (
                e.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                e.author or "—",
                e.device,
                what,
                old,
                new,
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.stack.setCurrentWidget(self.table if entries else self.empty)
        if not entries:
            self.empty.setText(translate("HistoryDialog", "Aucune modification enregistrée."))

    def _failed(self, exc: BaseException) -> None:
        self.empty.setText(translate("HistoryDialog", "L'historique n'a pas pu être lu."))
        show_error(self, exc)
