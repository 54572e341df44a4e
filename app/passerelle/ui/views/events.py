"""Événements: the collective actions (speed-datings, breakfasts, conferences, workshops).

Organising an event (invitations, attendance, encounters) arrives with the events issue; this
view lists the events the database already holds, with their invited and present counts.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from passerelle.services.overview import EventRow, list_events
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.models.record_table import RIGHT, Column, RecordTableModel
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import (
    PAGE_MARGINS,
    Card,
    PageHeader,
    make_table,
    size_columns,
)

_RELEVANT = {"*", "event", "event_participant"}


def _when(value: datetime) -> str:
    return (
        QLocale().toString(value.date(), QLocale.FormatType.ShortFormat)
        + " "
        + value.strftime("%H:%M")
    )


def _kind(e: EventRow) -> str:
    return label(e.kind) if hasattr(e.kind, "label") else str(e.kind)


class EventsView(RefreshingView):
    """« Événements »: date, type, title, place, invited and present organisations."""

    relevant = frozenset(_RELEVANT)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.header = PageHeader(
            QCoreApplication.translate("EventsView", "Événements"),
            QCoreApplication.translate(
                "EventsView",
                "Les actions collectives qui font se rencontrer associations et "
                "entreprises. L'organisation des événements (invitations, "
                "présences, rencontres) arrive avec le module Événements.",
            ),
            self,
        )
        self.model: RecordTableModel[EventRow] = RecordTableModel(
            [
                Column(
                    QCoreApplication.translate("EventsView", "Date"),
                    lambda e: _when(e.starts_at),
                    sort_key=lambda e: e.starts_at,
                ),
                Column(QCoreApplication.translate("EventsView", "Type"), _kind, tooltip=_kind),
                Column(
                    QCoreApplication.translate("EventsView", "Intitulé"),
                    lambda e: e.title,
                    tooltip=lambda e: e.title,
                ),
                Column(
                    QCoreApplication.translate("EventsView", "Lieu"),
                    lambda e: e.place or "",
                    tooltip=lambda e: e.place or "",
                ),
                Column(
                    QCoreApplication.translate("EventsView", "Invitées"),
                    lambda e: str(e.invited),
                    sort_key=lambda e: e.invited,
                    align=RIGHT,
                ),
                Column(
                    QCoreApplication.translate("EventsView", "Présentes"),
                    lambda e: str(e.present),
                    sort_key=lambda e: e.present,
                    align=RIGHT,
                ),
            ],
            self,
        )
        self.table = make_table(self, object_name="events_table")
        self.table.setModel(self.model)
        size_columns(self.table, {0: 130, 1: 230, 3: 230, 4: 80, 5: 86}, stretch=2)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.card = Card(
            QCoreApplication.translate("EventsView", "Tous les événements"),
            self.table,
            QCoreApplication.translate(
                "EventsView",
                "Aucun événement pour l'instant. Les speed-datings, "
                "petits-déjeuners, conférences et ateliers apparaîtront ici, avec "
                "le nombre d'organisations invitées et présentes.",
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.card, 1)

    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db
        self.ctx.runner.run(
            lambda: list_events(db),
            self._handle_loaded,
            lambda exc: show_error(self, exc),
            db=False,
        )

    def _handle_loaded(self, rows: list[EventRow]) -> None:
        self.model.set_records(rows)
        self.card.set_empty(not rows)
        self.card.set_hint(
            QCoreApplication.translate(
                "EventsView",
                "Événements : {count}. « Invitées » et « Présentes » comptent les organisations.",
            ).format(count=len(rows))
            if rows
            else ""
        )

