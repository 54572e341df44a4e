"""Dialogs of the Événements view: the event form, inviting organisations, wishes, logging an
encounter, and the speed-dating planner with its DOCX/PDF export."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import PasserelleError
from passerelle.domain.vocabulary import EventKind
from passerelle.infra.paths import AppPaths
from passerelle.services import directory
from passerelle.services import events as ev
from passerelle.services.event_schedule import clock_time, write_schedule_docx
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs.generate_document import open_with_system
from passerelle.ui.dialogs.meeting import Choice, EntityChooser
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message
from passerelle.ui.widgets.panels import DANGER, MUTED

_ERROR_STYLE = f"color: {DANGER}; font-weight: 600;"


def _error_label(parent: QWidget) -> QLabel:
    lbl = QLabel(parent)
    lbl.setWordWrap(True)
    lbl.setStyleSheet(_ERROR_STYLE)
    lbl.hide()
    return lbl


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(dialog)
    ok = QPushButton(ok_text, dialog)
    ok.setDefault(True)
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("EventDialogs", "Annuler"))
    box.rejected.connect(dialog.reject)
    return box, ok


def ask_save_path(parent: QWidget | None, suggested: Path, file_filter: str) -> Path | None:
    """Where to save an export (a function, so tests replace it); None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("EventDialogs", "Enregistrer sous"), str(suggested),
        file_filter)
    return Path(name) if name else None


class EventDialog(QDialog):
    """Create or edit an event: kind, title, date and time, place, commune, round length."""

    saved = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 event: ev.EventDTO | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._event = event
        self.setWindowTitle(QCoreApplication.translate("EventDialogs", "Modifier l'événement")
                            if event else
                            QCoreApplication.translate("EventDialogs", "Nouvel événement"))
        self.kind_combo = QComboBox(self)
        for kind in EventKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(QCoreApplication.translate(
            "EventDialogs", "Ex. : Speed-dating associations–entreprises de Roubaix"))
        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        now = QDateTime.currentDateTime().addDays(14)
        now.setTime(now.time().fromString("09:00", "HH:mm"))
        self.when_edit.setDateTime(now)
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(QCoreApplication.translate(
            "EventDialogs", "Ex. : Maison des associations, salle 2"))
        self.commune_combo = QComboBox(self)
        self.commune_combo.addItem(QCoreApplication.translate("EventDialogs", "Non précisée"),
                                   None)
        for commune in directory.communes():
            self.commune_combo.addItem(commune.name, commune.insee)
        self.round_spin = QSpinBox(self)
        self.round_spin.setRange(1, 120)
        self.round_spin.setValue(7)
        self.round_spin.setSuffix(QCoreApplication.translate("EventDialogs", " min"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(80)
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Type"), self.kind_combo)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Intitulé"), self.title_edit)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Date et heure"), self.when_edit)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Lieu"), self.place_edit)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Commune"), self.commune_combo)
        form.addRow(QCoreApplication.translate("EventDialogs", "Durée d'un &tour"),
                    self.round_spin)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Notes"), self.notes_edit)
        box, self.save_button = _buttons(self, QCoreApplication.translate(
            "EventDialogs", "Enregistrer"))
        self.save_button.clicked.connect(self._handle_save_clicked)
        self.kind_combo.currentIndexChanged.connect(self._update_round)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(box)
        self.resize(560, 420)
        if event is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(event.kind)))
            self.title_edit.setText(event.title)
            self.when_edit.setDateTime(QDateTime(event.starts_at))
            self.place_edit.setText(event.place or "")
            self.commune_combo.setCurrentIndex(
                max(0, self.commune_combo.findData(event.commune_insee)))
            self.round_spin.setValue(event.round_minutes or 7)
            self.notes_edit.setPlainText(event.notes or "")
        self._update_round()

    def _update_round(self) -> None:
        self.round_spin.setEnabled(self.kind_combo.currentData() == EventKind.SPEED_DATING.value)

    def values(self) -> dict[str, object]:
        speed = self.kind_combo.currentData() == EventKind.SPEED_DATING.value
        return {"kind": self.kind_combo.currentData(), "title": self.title_edit.text(),
                "starts_at": self.when_edit.dateTime().toPython(),
                "place": self.place_edit.text(), "commune_insee": self.commune_combo.currentData(),
                "round_minutes": self.round_spin.value() if speed else None,
                "notes": self.notes_edit.toPlainText()}

    def _handle_save_clicked(self) -> None:
        values, db, event = self.values(), self._ctx.db, self._event
        self.save_button.setEnabled(False)
        op = ((lambda: ev.update_event(db, event.id, **values)) if event is not None
              else (lambda: ev.create_event(db, **values)))
        self._ctx.runner.run(op, self._handle_saved, self._handle_failed)

    def _handle_saved(self, dto: ev.EventDTO) -> None:
        self._ctx.bus.changed.emit("event")
        self.saved.emit(str(dto.id))
        self.accept()

    def _handle_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, PasserelleError):
            self.error_label.setText(message(exc))
            self.error_label.show()
            return
        show_error(self, exc)


class InviteDialog(QDialog):
    """Pick organisations one after the other (search as you type), then invite them all."""

    def __init__(self, ctx: UiContext, event_id: uuid.UUID, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._event_id = event_id
        self.setWindowTitle(QCoreApplication.translate("EventDialogs", "Inviter des "
                                                                       "organisations"))
        db = ctx.db

        def search(text: str) -> list[Choice]:
            return [Choice(o.id, o.name, o.commune_name or "")
                    for o in directory.find_organisations(db, text)]

        self.chooser = EntityChooser(ctx, search, self, keep_text=False)
        self.chooser.setPlaceholderText(QCoreApplication.translate(
            "EventDialogs", "Tapez le nom d'une association ou d'une entreprise…"))
        self.chooser.chosen.connect(self._handle_chosen)
        self.list = QListWidget(self)
        self.remove_button = QPushButton(QCoreApplication.translate(
            "EventDialogs", "Retirer de la liste"), self)
        self.remove_button.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        self.error_label = _error_label(self)
        box, self.invite_button = _buttons(self, QCoreApplication.translate(
            "EventDialogs", "Inviter"))
        self.invite_button.clicked.connect(self._handle_invite_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(box)
        self.resize(520, 440)

    def add(self, choice: Choice) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == choice.id:
                return
        item = QListWidgetItem(f"{choice.text} — {choice.detail}" if choice.detail
                               else choice.text)
        item.setData(Qt.ItemDataRole.UserRole, choice.id)
        self.list.addItem(item)

    def chosen_ids(self) -> list[uuid.UUID]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def _handle_chosen(self, choice: Choice | None) -> None:
        if choice is not None:
            self.add(choice)

    def _handle_invite_clicked(self) -> None:
        ids, db, eid = self.chosen_ids(), self._ctx.db, self._event_id
        if not ids:
            self.error_label.setText(QCoreApplication.translate(
                "EventDialogs", "Ajoutez au moins une organisation."))
            self.error_label.show()
            return
        self._ctx.runner.run(lambda: ev.invite(db, eid, ids), self._handle_done,
                             lambda exc: show_error(self, exc))

    def _handle_done(self, _added: int) -> None:
        self._ctx.bus.changed.emit("event_participant")
        self.accept()


class WishesDialog(QDialog):
    """Whom one participant wishes to meet: the other side's participants, ticked."""

    def __init__(self, ctx: UiContext, event_id: uuid.UUID, who: ev.ParticipantDTO,
                 others: Sequence[ev.ParticipantDTO], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._event_id = event_id
        self._who = who
        self.setWindowTitle(QCoreApplication.translate(
            "EventDialogs", "Souhaits de rencontre — {name}").format(name=who.name))
        intro = QLabel(QCoreApplication.translate(
            "EventDialogs", "Cochez les organisations que {name} souhaite rencontrer. Le "
                            "planning place les souhaits en premier.").format(name=who.name),
            self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        wished = set(who.wishes)
        for other in others:
            item = QListWidgetItem(other.name)
            item.setData(Qt.ItemDataRole.UserRole, other.organisation_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if other.organisation_id in wished
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        box, self.save_button = _buttons(self, QCoreApplication.translate("EventDialogs",
                                                                          "Enregistrer"))
        self.save_button.clicked.connect(self._handle_save_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(box)
        self.resize(460, 480)

    def checked_ids(self) -> list[uuid.UUID]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _handle_save_clicked(self) -> None:
        ids, db, eid, org = self.checked_ids(), self._ctx.db, self._event_id, \
            self._who.organisation_id
        self._ctx.runner.run(lambda: ev.set_wishes(db, eid, org, ids), self._handle_done,
                             lambda exc: show_error(self, exc))

    def _handle_done(self, _result: object) -> None:
        self._ctx.bus.changed.emit("event_participant")
        self.accept()


class EncounterDialog(QDialog):
    """Log that an association and a company met at the event; their file opens with it."""

    logged = Signal(object)  # EncounterDTO

    def __init__(self, ctx: UiContext, event_id: uuid.UUID,
                 people: Sequence[ev.ParticipantDTO], parent: QWidget | None = None, *,
                 association_id: uuid.UUID | None = None,
                 company_id: uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._event_id = event_id
        self.setWindowTitle(QCoreApplication.translate("EventDialogs", "Consigner une "
                                                                       "rencontre"))
        self.association_combo = QComboBox(self)
        self.company_combo = QComboBox(self)
        for p in people:
            combo = self.company_combo if p.company_side else self.association_combo
            combo.addItem(p.name, p.organisation_id)
        if association_id is not None:
            self.association_combo.setCurrentIndex(
                max(0, self.association_combo.findData(association_id)))
        if company_id is not None:
            self.company_combo.setCurrentIndex(max(0, self.company_combo.findData(company_id)))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(QCoreApplication.translate(
            "EventDialogs", "Ce qui s'est dit, les pistes, la suite convenue…"))
        hint = QLabel(QCoreApplication.translate(
            "EventDialogs", "Le dossier entre les deux organisations s'ouvre (ou se complète "
                            "s'il existe) à l'étape « Mise en relation »."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Association"),
                    self.association_combo)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Entreprise"),
                    self.company_combo)
        form.addRow(QCoreApplication.translate("EventDialogs", "&Notes"), self.notes_edit)
        box, self.save_button = _buttons(self, QCoreApplication.translate(
            "EventDialogs", "Consigner"))
        self.save_open_button = QPushButton(QCoreApplication.translate(
            "EventDialogs", "Consigner et ouvrir le dossier"), self)
        box.addButton(self.save_open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_after = False
        self.save_button.clicked.connect(self._handle_save_clicked)
        self.save_open_button.clicked.connect(self._handle_save_open_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(box)
        self.resize(520, 360)

    def _handle_save_open_clicked(self) -> None:
        self.open_after = True
        self._handle_save_clicked()

    def _handle_save_clicked(self) -> None:
        assoc, comp = self.association_combo.currentData(), self.company_combo.currentData()
        if assoc is None or comp is None:
            self.error_label.setText(QCoreApplication.translate(
                "EventDialogs", "Il faut une association et une entreprise inscrites à "
                                "l'événement."))
            self.error_label.show()
            return
        db, eid, notes = self._ctx.db, self._event_id, self.notes_edit.toPlainText()
        self.save_button.setEnabled(False)
        self.save_open_button.setEnabled(False)
        self._ctx.runner.run(lambda: ev.log_encounter(db, eid, assoc, comp, notes=notes),
                             self._handle_logged, self._handle_failed)

    def _handle_logged(self, encounter: ev.EncounterDTO) -> None:
        for entity in ("interaction", "partnership_file", "event"):
            self._ctx.bus.changed.emit(entity)
        self.logged.emit(encounter)
        if self.open_after and encounter.file_id is not None:
            self._ctx.bus.file_requested.emit(str(encounter.file_id))
        self.accept()

    def _handle_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.save_open_button.setEnabled(True)
        self.open_after = False
        show_error(self, exc)


class PlannerDialog(QDialog):
    """The speed-dating plan: rounds and tables, with exports to DOCX and PDF."""

    def __init__(self, ctx: UiContext, event_id: uuid.UUID, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._event_id = event_id
        self.plan: ev.PlanDTO | None = None
        self.setWindowTitle(QCoreApplication.translate("EventDialogs", "Planning du "
                                                                       "speed-dating"))
        self.changeover_spin = QSpinBox(self)
        self.changeover_spin.setRange(0, 30)
        self.changeover_spin.setValue(2)
        self.changeover_spin.setSuffix(QCoreApplication.translate("EventDialogs", " min"))
        self.min_spin = QSpinBox(self)
        self.min_spin.setRange(1, 20)
        self.min_spin.setValue(1)
        self.changeover_spin.valueChanged.connect(lambda _v: self.replan())
        self.min_spin.valueChanged.connect(lambda _v: self.replan())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("planner_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([
            QCoreApplication.translate("EventDialogs", "Tour / table"),
            QCoreApplication.translate("EventDialogs", "Entreprise"),
            QCoreApplication.translate("EventDialogs", "Association")])
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 290)
        self.tree.setToolTip(QCoreApplication.translate(
            "EventDialogs", "Double-cliquez sur une rencontre pour la consigner et ouvrir le "
                            "dossier des deux organisations."))
        self.tree.itemDoubleClicked.connect(self._handle_meeting_activated)
        self.docx_button = QPushButton(QCoreApplication.translate(
            "EventDialogs", "Exporter en Word…"), self)
        self.pdf_button = QPushButton(QCoreApplication.translate(
            "EventDialogs", "Exporter en PDF…"), self)
        self.docx_button.clicked.connect(lambda: self.export("docx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        close = QPushButton(QCoreApplication.translate("EventDialogs", "Fermer"), self)
        close.clicked.connect(self.accept)
        options = QHBoxLayout()
        options.addWidget(QLabel(QCoreApplication.translate(
            "EventDialogs", "Changement de table :"), self))
        options.addWidget(self.changeover_spin)
        options.addSpacing(16)
        options.addWidget(QLabel(QCoreApplication.translate(
            "EventDialogs", "Rencontres minimum par participant :"), self))
        options.addWidget(self.min_spin)
        options.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.docx_button)
        bottom.addWidget(self.pdf_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.resize(760, 560)
        self.replan()

    def replan(self) -> None:
        db, eid = self._ctx.db, self._event_id
        changeover, minimum = self.changeover_spin.value(), self.min_spin.value()
        self._ctx.runner.run(lambda: ev.plan(db, eid, changeover_minutes=changeover,
                                             min_meetings=minimum),
                             self._handle_planned, lambda exc: show_error(self, exc), db=False)

    def _handle_planned(self, plan: ev.PlanDTO) -> None:
        self.plan = plan
        sched = plan.schedule
        self.tree.clear()
        wished = sum(m.wished for m in sched.meetings)
        if not sched.rounds:
            self.summary.setText(QCoreApplication.translate(
                "EventDialogs", "Rien à planifier : il faut au moins une association et une "
                                "entreprise marquées « Présent »."))
        else:
            self.summary.setText(QCoreApplication.translate(
                "EventDialogs", "{rounds} tours de {minutes} min, de {start} à {end} : "
                                "{meetings} rencontres dont {wished} souhaitées, sur {tables} "
                                "tables. C'est le minimum possible : le participant le plus "
                                "demandé a {rounds} rencontres. ★ : rencontre souhaitée.").format(
                rounds=len(sched.rounds), minutes=sched.round_minutes,
                start=clock_time(sched.round_start(1)), end=clock_time(sched.ends_at),
                meetings=len(sched.meetings), wished=wished, tables=len(sched.tables)))
        for number, meetings in enumerate(sched.rounds, start=1):
            top = QTreeWidgetItem([QCoreApplication.translate(
                "EventDialogs", "Tour {number} — {time}").format(
                    number=number, time=clock_time(sched.round_start(number)))])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for m in meetings:
                star = " ★" if m.wished else ""
                child = QTreeWidgetItem([
                    QCoreApplication.translate("EventDialogs", "Table {table}").format(
                        table=m.table),
                    plan.names.get(m.company, ""), plan.names.get(m.association, "") + star])
                child.setData(0, Qt.ItemDataRole.UserRole, (m.association, m.company))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if sched.unmet_wishes or sched.unplaced:
            names = ", ".join(plan.names.get(x, "") for x in sched.unplaced)
            extra = []
            if sched.unplaced:
                extra.append(QCoreApplication.translate(
                    "EventDialogs", "Sans vis-à-vis : {names}.").format(names=names))
            if sched.unmet_wishes:
                extra.append(QCoreApplication.translate(
                    "EventDialogs", "Souhaits non planifiables (participant absent) : "
                                    "{count}.").format(count=len(sched.unmet_wishes)))
            self.summary.setText(self.summary.text() + " " + " ".join(extra))
        has = bool(sched.rounds)
        self.docx_button.setEnabled(has)
        self.pdf_button.setEnabled(has)

    def _handle_meeting_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        pair = item.data(0, Qt.ItemDataRole.UserRole)
        if not pair:
            return
        db, eid = self._ctx.db, self._event_id
        assoc, comp = (uuid.UUID(x) for x in pair)

        def people() -> list[ev.ParticipantDTO]:
            return ev.participants(db, eid)

        def show(rows: list[ev.ParticipantDTO]) -> None:
            EncounterDialog(self._ctx, eid, rows, self, association_id=assoc,
                            company_id=comp).open()

        self._ctx.runner.run(people, show, lambda exc: show_error(self, exc), db=False)

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Ask where (unless ``path``), write the DOCX or PDF, then open it."""
        plan = self.plan
        if plan is None:
            return
        folder = self._ctx.documents_dir or AppPaths.default().documents
        stem = QCoreApplication.translate("EventDialogs", "planning_speed_dating")
        suggested = Path(folder) / f"{stem}_{plan.event.starts_at:%Y-%m-%d}.{fmt}"
        if path is None:
            path = ask_save_path(self, suggested,
                                 QCoreApplication.translate("EventDialogs", "Documents Word "
                                                                            "(*.docx)")
                                 if fmt == "docx" else
                                 QCoreApplication.translate("EventDialogs", "PDF (*.pdf)"))
            if path is None:
                return
        if fmt == "pdf":
            from passerelle.ui.schedule_pdf import write_schedule_pdf

            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_schedule_pdf(plan, path)  # Qt text layout: on the UI thread
            except PasserelleError as exc:
                show_error(self, exc)
                return
            open_with_system(path)
            return
        target = path

        def write() -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            return write_schedule_docx(plan, target)

        self._ctx.runner.run(write, open_with_system, lambda exc: show_error(self, exc),
                             db=False)
