"""Accueil: what needs doing today — my relances, the files touched lately, the files stalling.

Everything is loaded by one background operation (three bounded queries) and re-loaded when
the data-change bus reports a change; while the view is hidden a change only marks it stale,
and it re-queries when shown again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from passerelle.services import home as home_service
from passerelle.services.home import Agenda, FileSummary, TaskItem
from passerelle.services.interactions import complete_task
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.models.record_table import (
    RIGHT,
    CheckableRecordModel,
    Column,
    RecordRole,
    RecordTableModel,
)
from passerelle.ui.settings import Settings
from passerelle.ui.widgets.panels import (
    DANGER,
    PAGE_MARGINS,
    Card,
    PageHeader,
    format_date,
    make_table,
    size_columns,
)

#: Upcoming relances are those due within this many days.
UPCOMING_DAYS = 14
_RELEVANT = {
    "*",
    "task",
    "partnership_file",
    "interaction",
    "stage_change",
    "organisation",
    "agreement",
}


@dataclass(frozen=True, slots=True)
class HomeData:
    """Everything Accueil shows, loaded in one go.

    ``team_fallback``: the user has no relance of their own in the window, so the agenda shows
    the whole team's (and says so) rather than an empty list on a shared database.
    """

    agenda: Agenda
    recent: list[FileSummary]
    stalled: list[FileSummary]
    stalled_total: int
    stalled_days: int
    today: date
    team_fallback: bool = False


def delay_text(due: date, today: date) -> str:
    """« en retard de 3 j », « aujourd'hui », « demain », « dans 5 j » (short: a table cell)."""
    days = (due - today).days
    if days < 0:
        return QCoreApplication.translate("HomeView", "en retard de {days} j").format(days=-days)
    if days == 0:
        return QCoreApplication.translate("HomeView", "aujourd'hui")
    if days == 1:
        return QCoreApplication.translate("HomeView", "demain")
    return QCoreApplication.translate("HomeView", "dans {days} j").format(days=days)


def _file_text(reference: str | None, title: str | None) -> str:
    if not reference:
        return ""
    return f"{reference} — {title}" if title else reference


def _parties(f: FileSummary) -> str:
    return " ↔ ".join(n for n in (f.association_name, f.company_name) if n)


class HomeView(QWidget):
    """« Accueil »: greeting, my relances, recently modified files, stalled files."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = date.today
        self._stale = True
        self._loading = False

        self.header = PageHeader(QCoreApplication.translate("HomeView", "Bonjour"), "", self)

        # --- Mes relances ---
        self.tasks_model: CheckableRecordModel[TaskItem] = CheckableRecordModel(
            [
                Column(
                    QCoreApplication.translate("HomeView", "Fait"),
                    lambda t: "",
                    tooltip=lambda t: QCoreApplication.translate(
                        "HomeView", "Cocher quand c'est fait"
                    ),
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Échéance"),
                    lambda t: format_date(t.due_on),
                    tooltip=lambda t: delay_text(t.due_on, self.today()),
                    sort_key=lambda t: t.due_on,
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Relance"),
                    lambda t: t.title,
                    tooltip=lambda t: QCoreApplication.translate(
                        "HomeView", "{title}\nPour : {who}"
                    ).format(title=t.title, who=t.assignee or "—"),
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Dossier"),
                    lambda t: t.file_reference or "",
                    tooltip=lambda t: _file_text(t.file_reference, t.file_title),
                ),
            ],
            self,
            foreground=lambda t: QColor(DANGER) if t.overdue else None,
        )
        self.tasks_model.check_requested.connect(self._handle_task_checked)
        self.tasks_table = make_table(self, object_name="home_tasks")
        self.tasks_table.setModel(self.tasks_model)
        size_columns(self.tasks_table, {0: 40, 1: 90, 3: 104}, stretch=2)
        self.tasks_table.setToolTip(
            QCoreApplication.translate(
                "HomeView",
                "Cochez une relance pour la marquer comme "
                "faite ; double-cliquez pour ouvrir son "
                "dossier.",
            )
        )
        self.tasks_table.activated.connect(self._handle_task_activated)
        self.tasks_card = Card(
            QCoreApplication.translate("HomeView", "Mes relances"), self.tasks_table, "", self
        )
        self.everyone = QCheckBox(
            QCoreApplication.translate("HomeView", "Inclure celles de mes collègues"), self
        )
        self.everyone.toggled.connect(self._handle_everyone_toggled)
        self.tasks_card.add_header_widget(self.everyone)

        # --- Dossiers récemment modifiés ---
        self.recent_model: RecordTableModel[FileSummary] = RecordTableModel(
            [
                Column(QCoreApplication.translate("HomeView", "Référence"), lambda f: f.reference),
                Column(
                    QCoreApplication.translate("HomeView", "Dossier"),
                    lambda f: f.title,
                    tooltip=lambda f: _parties(f),
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Étape"),
                    lambda f: label(f.stage),
                    sort_key=lambda f: f.stage.value,
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Modifié"),
                    lambda f: _when(f.changed_at),
                    tooltip=lambda f: _when(f.changed_at, full=True),
                    sort_key=lambda f: f.changed_at,
                ),
            ],
            self,
        )
        self.recent_table = make_table(self, object_name="home_recent")
        self.recent_table.setModel(self.recent_model)
        size_columns(self.recent_table, {0: 100, 2: 140, 3: 96}, stretch=1)
        self.recent_table.activated.connect(self._handle_file_activated)
        self.recent_card = Card(
            QCoreApplication.translate("HomeView", "Dossiers récemment modifiés"),
            self.recent_table,
            QCoreApplication.translate(
                "HomeView",
                "Aucun dossier pour l'instant. Ouvrez-en un avec Fichier › Nouveau dossier…",
            ),
            self,
        )

        # --- Dossiers qui stagnent ---
        self.stalled_model: RecordTableModel[FileSummary] = RecordTableModel(
            [
                Column(QCoreApplication.translate("HomeView", "Référence"), lambda f: f.reference),
                Column(
                    QCoreApplication.translate("HomeView", "Dossier"),
                    lambda f: f.title,
                    tooltip=lambda f: _parties(f),
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Étape"),
                    lambda f: label(f.stage),
                    sort_key=lambda f: f.stage.value,
                ),
                Column(
                    QCoreApplication.translate("HomeView", "Depuis"),
                    lambda f: QCoreApplication.translate("HomeView", "{days} j").format(
                        days=f.days_in_stage or 0
                    ),
                    sort_key=lambda f: f.days_in_stage,
                    align=RIGHT,
                    tooltip=lambda f: QCoreApplication.translate(
                        "HomeView", "À cette étape depuis le {date}"
                    ).format(date=format_date(f.stage_since)),
                ),
            ],
            self,
        )
        self.stalled_table = make_table(self, object_name="home_stalled")
        self.stalled_table.setModel(self.stalled_model)
        size_columns(self.stalled_table, {0: 100, 2: 140, 3: 64}, stretch=1)
        self.stalled_table.activated.connect(self._handle_file_activated)
        self.stalled_card = Card(
            QCoreApplication.translate("HomeView", "Dossiers qui stagnent"),
            self.stalled_table,
            "",
            self,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self.tasks_card, 1)
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self.recent_card, 1)
        right.addWidget(self.stalled_card, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        ctx.bus.changed.connect(self._handle_data_changed)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-query everything in the background; the lists update when the answer arrives."""
        self._stale = False
        self._loading = True
        db = self.ctx.db
        today = self.today()
        days = Settings().stalled_days
        assignee = None if self.everyone.isChecked() else db.user_name

        def op() -> HomeData:
            agenda = home_service.overdue_and_upcoming(db, today, UPCOMING_DAYS, assignee)
            fallback = assignee is not None and not agenda.overdue and not agenda.upcoming
            if fallback:
                agenda = home_service.overdue_and_upcoming(db, today, UPCOMING_DAYS)
                fallback = bool(agenda.overdue or agenda.upcoming)
            return HomeData(
                agenda,
                home_service.recent_files(db, 10),
                home_service.stalled_files(db, today, days),
                home_service.count_stalled(db, today, days),
                days,
                today,
                fallback,
            )

        self.ctx.runner.run(op, self._handle_loaded, self._handle_failed, db=False)

    def _handle_loaded(self, data: HomeData) -> None:
        self._loading = False
        self._show_greeting(data)
        tasks = [*data.agenda.overdue, *data.agenda.upcoming]
        self.tasks_model.set_records(tasks)
        if self.everyone.isChecked():
            empty = QCoreApplication.translate(
                "HomeView",
                "Aucune relance en retard ni prévue dans les 14 prochains "
                "jours, pour toute l'équipe.",
            )
        else:
            empty = QCoreApplication.translate(
                "HomeView",
                "Aucune relance en retard ni prévue dans les 14 prochains "
                "jours. Les prochaines étapes notées en consignant un "
                "échange (Ctrl+M) apparaissent ici.",
            )
        self.tasks_card.set_empty(not tasks, empty)
        hint = ""
        if data.team_fallback:
            hint = QCoreApplication.translate(
                "HomeView",
                "Aucune relance ne vous est attribuée ({user}) : voici celles de toute l'équipe.",
            ).format(user=self.ctx.db.user_name)
        if tasks:
            counts = QCoreApplication.translate(
                "HomeView",
                "En retard : {overdue} · dans les 14 jours : {upcoming}. "
                "Cochez une relance faite ; double-cliquez pour ouvrir son "
                "dossier.",
            ).format(overdue=len(data.agenda.overdue), upcoming=len(data.agenda.upcoming))
            hint = f"{hint}\n{counts}" if hint else counts
        self.tasks_card.set_hint(hint)
        self.recent_model.set_records(data.recent)
        self.recent_card.set_empty(not data.recent)
        self.stalled_model.set_records(data.stalled)
        self.stalled_card.set_hint(
            QCoreApplication.translate(
                "HomeView",
                "Dossiers actifs à la même étape depuis plus de {days} jours (hors "
                "« Mise en œuvre & suivi » et « Partenariat structurant ») : {count}.",
            ).format(days=data.stalled_days, count=data.stalled_total)
            if data.stalled
            else ""
        )
        self.stalled_card.set_empty(
            not data.stalled,
            QCoreApplication.translate(
                "HomeView",
                "Aucun dossier actif n'est resté plus de {days} jours à la même étape. "
                "Le seuil se règle dans Fichier › Préférences…",
            ).format(days=data.stalled_days),
        )

    def _handle_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_error(self, exc)

    def _show_greeting(self, data: HomeData) -> None:
        hour = datetime.now().hour
        hello = (
            QCoreApplication.translate("HomeView", "Bonsoir")
            if hour >= 18
            else QCoreApplication.translate("HomeView", "Bonjour")
        )
        self.header.title.setText(
            QCoreApplication.translate("HomeView", "{hello} {name}").format(
                hello=hello, name=self.ctx.db.user_name
            )
        )
        today_text = QLocale().toString(data.today, QLocale.FormatType.LongFormat)
        overdue = len(data.agenda.overdue)
        if overdue and not data.team_fallback:
            line = QCoreApplication.translate(
                "HomeView", "Nous sommes le {date}. Relances en retard : {count}."
            ).format(date=today_text, count=overdue)
        elif data.team_fallback:
            line = QCoreApplication.translate("HomeView", "Nous sommes le {date}.").format(
                date=today_text
            )
        else:
            line = QCoreApplication.translate(
                "HomeView", "Nous sommes le {date}. Aucune relance en retard."
            ).format(date=today_text)
        self.header.set_subtitle(line)

    # --- reacting -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._loading:
            self.refresh()

    def _handle_data_changed(self, entity: str) -> None:
        if entity not in _RELEVANT:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _handle_everyone_toggled(self, _checked: bool) -> None:
        self.refresh()

    def _handle_task_checked(self, task: TaskItem) -> None:
        db = self.ctx.db
        task_id = task.id

        def op() -> object:
            return complete_task(db, task_id)

        self.ctx.runner.run(op, self._handle_task_done, self._handle_failed)

    def _handle_task_done(self, _result: object) -> None:
        self.ctx.bus.changed.emit("task")

    def _handle_task_activated(self, index: QModelIndex) -> None:
        if index.column() == 0:
            return  # the checkbox column: ticking is not opening
        task = index.data(RecordRole)
        if isinstance(task, TaskItem) and task.file_id is not None:
            self._open_file(task.file_id)

    def _handle_file_activated(self, index: QModelIndex) -> None:
        summary = index.data(RecordRole)
        if isinstance(summary, FileSummary):
            self._open_file(summary.id)

    def _open_file(self, file_id: uuid.UUID) -> None:
        self.ctx.bus.file_requested.emit(str(file_id))


def _when(value: datetime | None, *, full: bool = False) -> str:
    """Local time of a change (HLC stamps are UTC): the time if today, else the date."""
    if value is None:
        return ""
    local = value.astimezone()
    if not full and local.date() == date.today():
        return local.strftime("%H:%M")
    return QLocale().toString(local.date(), QLocale.FormatType.ShortFormat) + (
        " " + local.strftime("%H:%M") if full else ""
    )
