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


def translate(text: str) -> str:
    return QCoreApplication.translate("HistoryDialog", text)


def _field_labels() -> dict[str, str]:
    t = translate
    return {
        "name": t("Nom"), "kind": t("Type"), "siren": t("SIREN"), "siret": t("SIRET"),
        "rna": t("RNA"), "naf": t("Code NAF"), "legal_form": t("Forme juridique"),
        "size": t("Taille"), "ess": t("ESS"), "themes": t("Thèmes"), "address": t("Adresse"),
        "postal_code": t("Code postal"), "commune_insee": t("Commune (INSEE)"),
        "commune_name": t("Commune"), "neighbourhood": t("Quartier"), "qpv": t("QPV"),
        "website": t("Site web"), "email": t("E-mail"), "phone": t("Téléphone"),
        "description": t("Description"), "maturity": t("Maturité"),
        "merged_into": t("Fusionnée dans"), "first_name": t("Prénom"),
        "last_name": t("Nom de famille"), "title": t("Titre / fonction"),
        "mobile": t("Mobile"), "legal_basis": t("Base légale"),
        "consent_on": t("Consentement le"), "collected_from": t("Source de la collecte"),
        "collected_on": t("Collecte le"), "last_inbound_on": t("Dernier contact entrant"),
        "objects_to_prospecting": t("Opposition à la prospection"), "notes": t("Notes"),
        "reference": t("Référence"), "association_id": t("Association"),
        "company_id": t("Entreprise"), "facilitator": t("Chargé(e) d'accompagnement"),
        "category": t("Catégorie"), "stage": t("Étape"), "stage_since": t("À l'étape depuis"),
        "status": t("Statut"), "status_reason": t("Motif"), "objectives": t("Objectifs"),
        "brakes": t("Freins"), "origin": t("Origine"), "origin_event_id": t("Événement d'origine"),
        "opened_on": t("Ouvert le"), "closed_on": t("Clos le"),
        "success_story": t("Partenariat réussi"), "summary": t("Résumé"),
    }


_ENUMS: dict[str, type[Any]] = {
    "kind": voc.OrganisationKind, "size": voc.CompanySize,
    "maturity": voc.PartnershipMaturity, "legal_basis": voc.LegalBasis,
    "category": voc.PartnershipCategory, "status": voc.FileStatus, "origin": voc.FileOrigin,
    "objectives": voc.Objective, "brakes": voc.Brake,
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
        return translate("Oui") if value else translate("Non")
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
        return (translate("Effacement RGPD"), "—", translate("valeurs effacées"))
    if entry.kind in ("delete", "restore") or entry.field == "_row":
        words = {"delete": translate("Suppression"), "restore": translate("Restauration"),
                 "create": translate("Création")}
        return (words[entry.kind], "", "")
    name = labels.get(entry.field, entry.field)
    return (name, format_value(entry.field, entry.old_value),
            format_value(entry.field, entry.new_value))


class HistoryDialog(QDialog):
    """The change history of one organisation, contact or file."""

    def __init__(self, ctx: UiContext, entity: str, row_id: uuid.UUID | str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Historique des modifications"))
        self.resize(980, 560)
        self._labels = _field_labels()
        header = PageHeader(
            translate("Historique : {name}").format(name=title),
            translate("Chaque modification, la plus récente en premier : qui l'a faite, quand, "
                      "sur quel poste, et la valeur avant et après. Les modifications des "
                      "collègues arrivent avec la synchronisation."), self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            translate("Quand"), translate("Qui"), translate("Poste"), translate("Donnée"),
            translate("Avant"), translate("Après")])
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
        self.empty = QLabel(translate("Chargement de l'historique…"), self)
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
        ctx.runner.run(lambda: history.record_history(ctx.db, entity, row_id),
                       self._show, self._failed)

    def _show(self, entries: list[HistoryEntry]) -> None:
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            what, old, new = describe(e, self._labels)
            cells = (e.at.astimezone().strftime("%d/%m/%Y %H:%M"), e.author or "—", e.device,
                     what, old, new)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.stack.setCurrentWidget(self.table if entries else self.empty)
        if not entries:
            self.empty.setText(translate("Aucune modification enregistrée."))

    def _failed(self, exc: BaseException) -> None:
        self.empty.setText(translate("L'historique n'a pas pu être lu."))
        show_error(self, exc)
