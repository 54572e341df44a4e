"""Événements: organise the collective actions (speed-datings, breakfasts, conferences,
workshops).

Left, every event; right, the selected event: its organisations (invited, registered,
present, absent — set for several at once), the speed-dating wishes and plan, the invitation
letters (a mail merge with progress and cancel), the encounters logged there (each one opens
its file in one click) and the organiser's notes.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.vocabulary import EventKind, OrganisationKind, ParticipationStatus
from passerelle.infra.paths import AppPaths
from passerelle.services import events as ev
from passerelle.services.overview import EventRow, list_events
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.events import (
    EncounterDialog,
    EventDialog,
    InviteDialog,
    PlannerDialog,
    WishesDialog,
)
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, singular
from passerelle.ui.models.record_table import RIGHT, Column, RecordTableModel
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import (
    MUTED,
    PAGE_MARGINS,
    Card,
    PageHeader,
    make_table,
    size_columns,
    title_font,
)

_RELEVANT = {"*", "event", "event_participant", "interaction", "partnership_file", "document"}


def _when(value: datetime) -> str:
    return (QLocale().toString(value.date(), QLocale.FormatType.ShortFormat) + " "
            + value.strftime("%H:%M"))


def _kind(kind: object) -> str:
    if hasattr(kind, "label"):
        return label(kind)
    try:
        return label(EventKind(str(kind)))
    except ValueError:
        return str(kind)


def _status(value: str) -> str:
    try:
        return label(ParticipationStatus(value))
    except ValueError:
        return value


def _side(p: ev.ParticipantDTO) -> str:
    try:
        return label(OrganisationKind(p.kind))
    except ValueError:
        return p.kind


class EventDetailPanel(QWidget):
    """The selected event: header, actions and tabs (participants, encounters, notes)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: ev.EventDetail | None = None
        self.title = QLabel(self)
        self.title.setFont(title_font(3))
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        self.edit_button = QPushButton(QCoreApplication.translate("EventsView", "Modifier"), self)
        self.invite_button = QPushButton(QCoreApplication.translate("EventsView", "Inviter…"),
                                         self)
        self.letters_button = QPushButton(QCoreApplication.translate(
            "EventsView", "Lettres d'invitation"), self)
        self.letters_button.setToolTip(QCoreApplication.translate(
            "EventsView", "Une lettre « Invitation à une rencontre collective » par "
                          "organisation invitée ou inscrite."))
        self.plan_button = QPushButton(QCoreApplication.translate(
            "EventsView", "Planning speed-dating"), self)
        self.edit_button.clicked.connect(self._handle_edit)
        self.invite_button.clicked.connect(self._handle_invite)
        self.letters_button.clicked.connect(self._handle_letters)
        self.plan_button.clicked.connect(self._handle_plan)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for b in (self.edit_button, self.invite_button, self.letters_button, self.plan_button):
            actions.addWidget(b)
        actions.addStretch(1)

        # participants tab
        self.participants_model: RecordTableModel[ev.ParticipantDTO] = RecordTableModel([
            Column(QCoreApplication.translate("EventsView", "Organisation"), lambda p: p.name,
                   tooltip=lambda p: p.name),
            Column(QCoreApplication.translate("EventsView", "Type"), _side),
            Column(QCoreApplication.translate("EventsView", "Commune"),
                   lambda p: p.commune_name or ""),
            Column(QCoreApplication.translate("EventsView", "Statut"),
                   lambda p: _status(p.status)),
            Column(QCoreApplication.translate("EventsView", "Souhaits"),
                   lambda p: str(len(p.wishes)) if p.wishes else "", align=RIGHT,
                   sort_key=lambda p: len(p.wishes)),
        ], self)
        self.participants = make_table(self, object_name="event_participants_table")
        self.participants.setModel(self.participants_model)
        self.participants.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.participants.setSortingEnabled(True)
        self.participants.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        size_columns(self.participants, {1: 110, 2: 110, 3: 80, 4: 70}, stretch=0)
        self.registered_button = QPushButton(label(ParticipationStatus.REGISTERED), self)
        self.present_button = QPushButton(label(ParticipationStatus.PRESENT), self)
        self.absent_button = QPushButton(label(ParticipationStatus.ABSENT), self)
        self.wishes_button = QPushButton(QCoreApplication.translate("EventsView", "Souhaits…"),
                                         self)
        self.remove_button = QPushButton(QCoreApplication.translate("EventsView", "Retirer"),
                                         self)
        self.registered_button.clicked.connect(
            lambda: self.set_status(ParticipationStatus.REGISTERED))
        self.present_button.clicked.connect(lambda: self.set_status(ParticipationStatus.PRESENT))
        self.absent_button.clicked.connect(lambda: self.set_status(ParticipationStatus.ABSENT))
        self.wishes_button.clicked.connect(self._handle_wishes)
        self.remove_button.clicked.connect(self._handle_remove)
        mark = QHBoxLayout()
        mark.addWidget(QLabel(QCoreApplication.translate("EventsView", "Marquer la sélection :"),
                              self))
        for b in (self.registered_button, self.present_button, self.absent_button):
            mark.addWidget(b)
        mark.addStretch(1)
        mark.addWidget(self.wishes_button)
        mark.addWidget(self.remove_button)
        people_tab = QWidget(self)
        people_layout = QVBoxLayout(people_tab)
        people_layout.setContentsMargins(0, 6, 0, 0)
        people_layout.addWidget(self.participants, 1)
        people_layout.addLayout(mark)

        # encounters tab
        self.encounters_model: RecordTableModel[ev.EncounterDTO] = RecordTableModel([
            Column(QCoreApplication.translate("EventsView", "Heure"),
                   lambda e: e.occurred_at.strftime("%H:%M"), sort_key=lambda e: e.occurred_at),
            Column(QCoreApplication.translate("EventsView", "Association"),
                   lambda e: e.association_name, tooltip=lambda e: e.association_name),
            Column(QCoreApplication.translate("EventsView", "Entreprise"),
                   lambda e: e.company_name, tooltip=lambda e: e.company_name),
            Column(QCoreApplication.translate("EventsView", "Dossier"),
                   lambda e: e.file_reference or ""),
            Column(QCoreApplication.translate("EventsView", "Notes"), lambda e: e.notes,
                   tooltip=lambda e: e.notes),
        ], self)
        self.encounters = make_table(self, object_name="event_encounters_table")
        self.encounters.setModel(self.encounters_model)
        size_columns(self.encounters, {0: 60, 1: 170, 2: 170, 3: 100}, stretch=4)
        self.encounters.doubleClicked.connect(lambda _i: self._handle_open_file())
        self.encounter_button = QPushButton(QCoreApplication.translate(
            "EventsView", "Consigner une rencontre…"), self)
        self.open_file_button = QPushButton(QCoreApplication.translate(
            "EventsView", "Ouvrir le dossier"), self)
        self.encounter_button.clicked.connect(self._handle_encounter)
        self.open_file_button.clicked.connect(self._handle_open_file)
        enc_buttons = QHBoxLayout()
        enc_buttons.addWidget(self.encounter_button)
        self.last_logged = QLabel(self)
        self.last_logged.setStyleSheet(f"color: {MUTED};")
        enc_buttons.addWidget(self.last_logged, 1)
        enc_buttons.addWidget(self.open_file_button)
        self.encounters_empty = QLabel(QCoreApplication.translate(
            "EventsView", "Aucune rencontre consignée. Pendant l'événement, « Consigner une "
                          "rencontre » note qui a rencontré qui et ouvre leur dossier."), self)
        self.encounters_empty.setWordWrap(True)
        self.encounters_empty.setStyleSheet(f"color: {MUTED};")
        enc_tab = QWidget(self)
        enc_layout = QVBoxLayout(enc_tab)
        enc_layout.setContentsMargins(0, 6, 0, 0)
        enc_layout.addWidget(self.encounters_empty)
        enc_layout.addWidget(self.encounters, 1)
        enc_layout.addLayout(enc_buttons)

        # notes tab
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(QCoreApplication.translate(
            "EventsView", "Programme, intervenants, logistique, bilan de l'événement…"))
        self.save_notes_button = QPushButton(QCoreApplication.translate(
            "EventsView", "Enregistrer les notes"), self)
        self.save_notes_button.clicked.connect(self._handle_save_notes)
        notes_tab = QWidget(self)
        notes_layout = QVBoxLayout(notes_tab)
        notes_layout.setContentsMargins(0, 6, 0, 0)
        notes_layout.addWidget(self.notes_edit, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_notes_button)
        notes_layout.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(people_tab, "")
        self.tabs.addTab(enc_tab, "")
        self.tabs.addTab(notes_tab, QCoreApplication.translate("EventsView", "Notes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    # --- display --------------------------------------------------------------------------
    def show_detail(self, detail: ev.EventDetail) -> None:
        self.detail = detail
        e = detail.event
        self.title.setText(e.title)
        place = e.place or ""
        if e.commune_name and e.commune_name not in place:
            place = ", ".join(x for x in (place, e.commune_name) if x)
        facts = [_kind(e.kind), _when(e.starts_at)]
        if place:
            facts.append(place)
        counts = QCoreApplication.translate(
            "EventsView", "{invited} organisations, {registered} inscrites, {present} "
                          "présentes, {absent} absentes · {documents} documents").format(
            invited=len(detail.participants),
            registered=detail.count(ParticipationStatus.REGISTERED),
            present=detail.count(ParticipationStatus.PRESENT),
            absent=detail.count(ParticipationStatus.ABSENT), documents=detail.documents)
        if e.round_minutes and e.kind == EventKind.SPEED_DATING.value:
            counts += " · " + QCoreApplication.translate(
                "EventsView", "tours de {minutes} min").format(minutes=e.round_minutes)
        self.subtitle.setText(" · ".join(facts) + "\n" + counts)
        self.participants_model.set_records(list(detail.participants))
        self.encounters_model.set_records(list(detail.encounters))
        self.encounters_empty.setVisible(not detail.encounters)
        self.encounters.setVisible(bool(detail.encounters))
        self.tabs.setTabText(0, QCoreApplication.translate(
            "EventsView", "Organisations ({count})").format(count=len(detail.participants)))
        self.tabs.setTabText(1, QCoreApplication.translate(
            "EventsView", "Rencontres ({count})").format(count=len(detail.encounters)))
        if not self.notes_edit.document().isModified():
            self.notes_edit.setPlainText(e.notes or "")
            self.notes_edit.document().setModified(False)
        speed = e.kind == EventKind.SPEED_DATING.value
        self.plan_button.setVisible(speed)
        self.wishes_button.setVisible(speed)

    def selected_participants(self) -> list[ev.ParticipantDTO]:
        rows = sorted({i.row() for i in self.participants.selectionModel().selectedRows()})
        return [p for r in rows if (p := self.participants_model.record(r)) is not None]

    # --- actions --------------------------------------------------------------------------
    def _event_id(self) -> uuid.UUID | None:
        return self.detail.event.id if self.detail else None

    def set_status(self, status: ParticipationStatus) -> None:
        eid, chosen = self._event_id(), self.selected_participants()
        if eid is None or not chosen:
            return
        db = self.ctx.db
        changes = {p.organisation_id: status.value for p in chosen}
        self.ctx.runner.run(lambda: ev.set_status(db, eid, changes),
                            lambda _r: self.ctx.bus.changed.emit("event_participant"),
                            lambda exc: show_error(self, exc))

    def _handle_edit(self) -> None:
        if self.detail is not None:
            EventDialog(self.ctx, self, event=self.detail.event).open()

    def _handle_invite(self) -> None:
        eid = self._event_id()
        if eid is not None:
            InviteDialog(self.ctx, eid, self).open()

    def _handle_wishes(self) -> None:
        chosen = self.selected_participants()
        if self.detail is None or len(chosen) != 1:
            QMessageBox.information(self, QCoreApplication.translate("EventsView", "Souhaits"),
                                    QCoreApplication.translate(
                                        "EventsView", "Choisissez une organisation dans la "
                                                      "liste."))
            return
        who = chosen[0]
        others = [p for p in self.detail.participants if p.company_side != who.company_side]
        WishesDialog(self.ctx, self.detail.event.id, who, others, self).open()

    def _handle_remove(self) -> None:
        eid, chosen = self._event_id(), self.selected_participants()
        if eid is None or not chosen:
            return
        db = self.ctx.db

        def remove() -> None:
            for p in chosen:
                ev.remove_participant(db, eid, p.organisation_id)

        self.ctx.runner.run(remove, lambda _r: self.ctx.bus.changed.emit("event_participant"),
                            lambda exc: show_error(self, exc))

    def _handle_plan(self) -> None:
        eid = self._event_id()
        if eid is not None:
            PlannerDialog(self.ctx, eid, self).open()

    def _handle_letters(self) -> None:
        if self.detail is None:
            return
        e = self.detail.event
        folder = Path(self.ctx.documents_dir or AppPaths.default().documents) / (
            QCoreApplication.translate("EventsView", "invitations") + f"_{e.starts_at:%Y-%m-%d}")
        db = self.ctx.db
        self.ctx.runner.run_with_progress(
            self, QCoreApplication.translate("EventsView", "Préparation des invitations…"),
            lambda p: ev.render_invitations(db, e.id, folder, progress=p, cancel=p.cancel),
            self._handle_letters_done, lambda exc: show_error(self, exc))

    def _handle_letters_done(self, batch: ev.InvitationBatch) -> None:
        self.ctx.bus.changed.emit("document")
        n = len(batch.paths)
        text = (QCoreApplication.translate("EventsView", "{count} lettre d'invitation écrite dans "
                                                         "{folder}.")
                if singular(n) else
                QCoreApplication.translate("EventsView", "{count} lettres d'invitation écrites "
                                                         "dans {folder}."))
        QMessageBox.information(self, QCoreApplication.translate("EventsView", "Invitations"),
                                text.format(count=n, folder=str(batch.out_dir)))

    def _handle_encounter(self) -> None:
        if self.detail is None:
            return
        people = [p for p in self.detail.participants
                  if p.status != ParticipationStatus.ABSENT.value]
        dialog = EncounterDialog(self.ctx, self.detail.event.id, people, self)
        dialog.logged.connect(self._handle_logged)
        dialog.open()

    def _handle_logged(self, encounter: ev.EncounterDTO) -> None:
        """Say where the encounter went (the file opens itself with « … et ouvrir »)."""
        text = (QCoreApplication.translate("EventsView", "Rencontre consignée : dossier "
                                                         "{reference} ouvert à l'étape « Mise "
                                                         "en relation ».")
                if encounter.created_file else
                QCoreApplication.translate("EventsView", "Rencontre consignée dans le dossier "
                                                         "{reference}."))
        self.last_logged.setText(text.format(reference=encounter.file_reference or ""))
        self.tabs.setCurrentIndex(1)

    def _handle_open_file(self) -> None:
        index = self.encounters.currentIndex()
        encounter = self.encounters_model.record(index.row()) if index.isValid() else None
        if encounter is not None and encounter.file_id is not None:
            self.ctx.bus.file_requested.emit(str(encounter.file_id))

    def _handle_save_notes(self) -> None:
        eid = self._event_id()
        if eid is None:
            return
        db, notes = self.ctx.db, self.notes_edit.toPlainText()

        def saved(_r: object) -> None:
            self.notes_edit.document().setModified(False)
            self.ctx.bus.changed.emit("event")

        self.ctx.runner.run(lambda: ev.update_event(db, eid, notes=notes), saved,
                            lambda exc: show_error(self, exc))


class EventsView(RefreshingView):
    """« Événements »: the list of events and the selected event's detail."""

    relevant = frozenset(_RELEVANT)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._selected: uuid.UUID | None = None
        self.header = PageHeader(
            QCoreApplication.translate("EventsView", "Événements"),
            QCoreApplication.translate(
                "EventsView", "Les actions collectives qui font se rencontrer associations et "
                              "entreprises : invitations, présences, speed-datings et "
                              "rencontres qui deviennent des dossiers."),
            self)
        self.new_button = QPushButton(QCoreApplication.translate(
            "EventsView", "Nouvel événement"), self)
        self.new_button.clicked.connect(self._handle_new)
        self.model: RecordTableModel[EventRow] = RecordTableModel([
            Column(QCoreApplication.translate("EventsView", "Date"),
                   lambda e: _when(e.starts_at), sort_key=lambda e: e.starts_at),
            Column(QCoreApplication.translate("EventsView", "Intitulé"), lambda e: e.title,
                   tooltip=lambda e: _kind(e.kind) + " — " + e.title),
            Column(QCoreApplication.translate("EventsView", "Présentes"),
                   lambda e: f"{e.present}/{e.invited}", sort_key=lambda e: e.present,
                   align=RIGHT),
        ], self)
        self.table = make_table(self, object_name="events_table")
        self.table.setModel(self.model)
        size_columns(self.table, {0: 128, 2: 78}, stretch=1)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._handle_row_changed)
        self.card = Card(
            QCoreApplication.translate("EventsView", "Tous les événements"), self.table,
            QCoreApplication.translate(
                "EventsView", "Aucun événement pour l'instant. Créez un speed-dating, un "
                              "petit-déjeuner, une conférence ou un atelier avec « Nouvel "
                              "événement »."),
            self)
        self.card.add_header_widget(self.new_button)
        self.panel = EventDetailPanel(ctx, self)
        self.detail_card = Card(QCoreApplication.translate("EventsView", "Détail"), self.panel,
                                QCoreApplication.translate(
                                    "EventsView", "Choisissez un événement dans la liste."),
                                self)
        self.detail_card.title.hide()
        self.detail_card.set_empty(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("events_splitter")
        self.splitter.addWidget(self.card)
        self.splitter.addWidget(self.detail_card)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([470, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db
        self.ctx.runner.run(lambda: list_events(db), self._handle_loaded,
                            lambda exc: show_error(self, exc), db=False)

    def _handle_loaded(self, rows: list[EventRow]) -> None:
        self.model.set_records(rows)
        self.card.set_empty(not rows)
        self.card.set_hint(
            QCoreApplication.translate(
                "EventsView", "Événements : {count}. « Présentes » : organisations présentes "
                              "sur invitées.").format(count=len(rows)) if rows else "")
        records = self.model.records()
        row = next((i for i, r in enumerate(records) if r.id == self._selected), -1)
        if row < 0 and records:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self.load_event(records[row].id)
        else:
            self.detail_card.set_empty(True)

    def _handle_row_changed(self, current: object, _previous: object) -> None:
        index = current
        if hasattr(index, "isValid") and index.isValid():
            record = self.model.record(index.row())
            if record is not None and record.id != self._selected:
                self.panel.notes_edit.document().setModified(False)
                self.load_event(record.id)

    def load_event(self, event_id: uuid.UUID) -> None:
        self._selected = event_id
        db = self.ctx.db
        self.ctx.runner.run(lambda: ev.event_detail(db, event_id), self._handle_detail,
                            lambda exc: show_error(self, exc), db=False)

    def select_event(self, event_id: uuid.UUID) -> None:
        """Show one event (screenshots, other views)."""
        records = self.model.records()
        row = next((i for i, r in enumerate(records) if r.id == event_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        self.load_event(event_id)

    def _handle_detail(self, detail: ev.EventDetail) -> None:
        if detail.event.id != self._selected:
            return
        self.detail_card.set_empty(False)
        self.panel.show_detail(detail)

    def _handle_new(self) -> None:
        dialog = EventDialog(self.ctx, self)
        dialog.saved.connect(lambda eid: setattr(self, "_selected", uuid.UUID(eid)))
        dialog.open()
