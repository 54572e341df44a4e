"""The « Besoins et offres » tab of an organisation's detail: its needs (an association) or its
offers (a company), with a button to add one. Double-click edits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from passerelle.domain.vocabulary import NeedStatus, OrganisationKind
from passerelle.services import needs_offers as no
from passerelle.services.organisations import OrganisationDTO
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.meeting import Choice
from passerelle.ui.dialogs.need_offer import NeedOfferDialog
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.models.record_table import Column, RecordTableModel
from passerelle.ui.widgets.panels import MUTED, format_euros, make_table, size_columns

#: Kinds whose entries are offers (the others carry needs).
OFFERING_KINDS = (OrganisationKind.COMPANY.value, OrganisationKind.FOUNDATION.value)


def _status(value: str) -> str:
    try:
        return label(NeedStatus(value))
    except ValueError:
        return value


class OrganisationNeedsOffers(QWidget):
    """Needs or offers of one organisation."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.org: OrganisationDTO | None = None
        self.side = no.NEED
        self.model: RecordTableModel[no.NeedOfferDTO] = RecordTableModel([
            Column(QCoreApplication.translate("OrganisationNeedsOffers", "Intitulé"),
                   lambda e: e.title, tooltip=lambda e: e.description or e.title),
            Column(QCoreApplication.translate("OrganisationNeedsOffers", "Montant / volume"),
                   lambda e: format_euros(e.amount_cents) if e.amount_cents is not None
                   else (e.volume or "")),
            Column(QCoreApplication.translate("OrganisationNeedsOffers", "Statut"),
                   lambda e: _status(e.status)),
        ], self)
        self.table = make_table(self, object_name="organisation_needs_offers")
        self.table.setModel(self.model)
        size_columns(self.table, {1: 120, 2: 110}, stretch=0)
        self.table.doubleClicked.connect(self._handle_edit)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED};")
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._handle_add)
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        ctx.bus.changed.connect(self._handle_changed)
        self.set_organisation(None)

    def set_organisation(self, org: OrganisationDTO | None) -> None:
        self.org = org
        self.side = no.OFFER if org is not None and org.kind in OFFERING_KINDS else no.NEED
        self.add_button.setText(
            QCoreApplication.translate("OrganisationNeedsOffers", "Nouvelle offre…")
            if self.side == no.OFFER else
            QCoreApplication.translate("OrganisationNeedsOffers", "Nouveau besoin…"))
        self.add_button.setEnabled(org is not None)
        self.model.set_records([])
        self._load()

    def _load(self) -> None:
        if self.org is None:
            self._show([])
            return
        db, side, oid = self.ctx.db, self.side, self.org.id
        self.ctx.runner.run(lambda: no.list_entries(db, side, organisation_id=oid), self._show,
                            lambda exc: show_error(self, exc), db=False)

    def _show(self, rows: list[no.NeedOfferDTO]) -> None:
        if self.org is not None and rows and rows[0].organisation_id != self.org.id:
            return
        self.model.set_records(rows)
        self.table.setVisible(bool(rows))
        self.empty.setText(
            "" if rows else
            QCoreApplication.translate("OrganisationNeedsOffers", "Aucune offre enregistrée. "
                                       "Ce que l'entreprise propose (compétences, matériel, "
                                       "financement…) sert à la mise en relation.")
            if self.side == no.OFFER else
            QCoreApplication.translate("OrganisationNeedsOffers", "Aucun besoin enregistré. "
                                       "Les besoins de l'association servent à lui suggérer des "
                                       "entreprises."))

    def count(self) -> int:
        return self.model.rowCount()

    def _handle_add(self) -> None:
        if self.org is None:
            return
        NeedOfferDialog(self.ctx, self.side, self,
                        organisation=Choice(self.org.id, self.org.name)).open()

    def _handle_edit(self) -> None:
        entry = self.model.record(self.table.currentIndex().row())
        if entry is not None:
            NeedOfferDialog(self.ctx, entry.side, self, entry=entry).open()

    def _handle_changed(self, entity: str) -> None:
        if entity in (no.NEED, no.OFFER, "*") and self.org is not None:
            self._load()
