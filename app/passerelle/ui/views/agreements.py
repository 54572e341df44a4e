"""Conventions: every agreement of the database, read-only until the documents issue.

Drafting, generating and tracking conventions arrives with the documents issue; this view
already lists what exists (created through a file, a sync import or the command line), with
amounts in euros in the user's locale, and opens the file of a convention on double-click.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from passerelle.services.overview import AgreementRow, list_agreements
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.models.record_table import RIGHT, Column, RecordRole, RecordTableModel
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.mecenat_panel import MecenatPanel
from passerelle.ui.widgets.panels import (
    PAGE_MARGINS,
    Card,
    PageHeader,
    format_date,
    format_euros,
    make_table,
    size_columns,
)

_RELEVANT = {"*", "agreement", "partnership_file", "organisation"}


def _label_or_raw(value: object) -> str:
    return label(value) if hasattr(value, "label") else str(value)


def _period(a: AgreementRow) -> str:
    if a.start_on and a.end_on:
        return f"{format_date(a.start_on)} → {format_date(a.end_on)}"
    if a.start_on:
        return QCoreApplication.translate("AgreementsView", "dès le {start}").format(
            start=format_date(a.start_on)
        )
    return ""


def _amount_tooltip(a: AgreementRow) -> str:
    return QCoreApplication.translate(
        "AgreementsView",
        "Numéraire : {cash}\nEn nature (valorisé) : {in_kind}\nCompétences (valorisées) : {skills}",
    ).format(
        cash=format_euros(a.cash_cents),
        in_kind=format_euros(a.in_kind_cents),
        skills=format_euros(a.skills_cents),
    )


class AgreementsView(RefreshingView):
    """« Conventions »: reference of the file, object, type, amounts, status and dates."""

    relevant = frozenset(_RELEVANT)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.header = PageHeader(
            QCoreApplication.translate("AgreementsView", "Conventions"),
            QCoreApplication.translate(
                "AgreementsView",
                "Les conventions de mécénat et de partenariat rattachées aux "
                "dossiers. Double-cliquez pour ouvrir le dossier, puis « Générer "
                "un document… » pour produire la convention au format Word.",
            ),
            self,
        )
        self.model: RecordTableModel[AgreementRow] = RecordTableModel(
            [
                Column(
                    QCoreApplication.translate("AgreementsView", "Dossier"),
                    lambda a: a.file_reference or "—",
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "Objet"),
                    lambda a: a.object,
                    tooltip=lambda a: " ↔ ".join(
                        n for n in (a.association_name, a.company_name) if n
                    ),
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "Type"),
                    lambda a: _label_or_raw(a.type),
                    tooltip=lambda a: _label_or_raw(a.type),
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "Montant total"),
                    lambda a: format_euros(a.total_cents),
                    sort_key=lambda a: a.total_cents,
                    align=RIGHT,
                    tooltip=_amount_tooltip,
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "dont numéraire"),
                    lambda a: format_euros(a.cash_cents),
                    sort_key=lambda a: a.cash_cents,
                    align=RIGHT,
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "Statut"),
                    lambda a: _label_or_raw(a.status),
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "Signée le"),
                    lambda a: format_date(a.signed_on),
                    sort_key=lambda a: a.signed_on,
                ),
                Column(
                    QCoreApplication.translate("AgreementsView", "Période"),
                    _period,
                    sort_key=lambda a: a.start_on,
                ),
            ],
            self,
        )
        self.table = make_table(self, object_name="agreements_table")
        self.table.setModel(self.model)
        size_columns(self.table, {0: 94, 2: 184, 3: 104, 4: 108, 5: 72, 6: 86, 7: 190}, stretch=1)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._handle_activated)
        self.card = Card(
            QCoreApplication.translate("AgreementsView", "Toutes les conventions"),
            self.table,
            QCoreApplication.translate(
                "AgreementsView",
                "Aucune convention pour l'instant. Une convention se rattache "
                "à un dossier arrivé à l'étape « Convention » ; elle "
                "apparaîtra ici avec ses montants et son statut.",
            ),
            self,
        )
        # The selected convention's mécénat figures (valuation, reduction, counterparts).
        self.figures = MecenatPanel(ctx, self)
        self.table.selectionModel().currentRowChanged.connect(self._handle_current_changed)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.card)
        self.splitter.addWidget(self.figures)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([320, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db
        self.ctx.runner.run(
            lambda: list_agreements(db),
            self._handle_loaded,
            lambda exc: show_error(self, exc),
            db=False,
        )

    def _handle_loaded(self, rows: list[AgreementRow]) -> None:
        shown = self.figures.figures.agreement_id if self.figures.figures else None
        self.model.set_records(rows)
        self.card.set_empty(not rows)
        self._select_after_reload(shown)
        total = sum(r.total_cents for r in rows)
        self.card.set_hint(
            QCoreApplication.translate(
                "AgreementsView",
                "Conventions : {count} · valeur totale : {total}. Double-cliquez "
                "pour ouvrir le dossier.",
            ).format(count=QLocale().toString(len(rows)), total=format_euros(total))
            if rows
            else ""
        )

    def _select_after_reload(self, agreement_id: object) -> None:
        """Keep the convention whose figures were shown; else show the first one's."""
        records = self.model.records()
        if not records:
            self.figures.show_agreement(None)
            return
        row = next((i for i, r in enumerate(records) if r.id == agreement_id), 0)
        self.table.selectRow(row)
        self.figures.show_agreement(records[row].id)

    def _handle_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(RecordRole) if current.isValid() else None
        self.figures.show_agreement(row.id if isinstance(row, AgreementRow) else None)

    def _handle_activated(self, index: QModelIndex) -> None:
        row = index.data(RecordRole)
        if isinstance(row, AgreementRow) and row.file_id is not None:
            self.ctx.bus.file_requested.emit(str(row.file_id))
