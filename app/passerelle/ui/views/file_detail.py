"""One partnership file: header, stage stepper with its history, timeline and the lists around.

Everything the view shows comes from one service call (``pipeline.file_overview``), re-run when
the bus says something the file depends on changed. Edits happen in place: the title, the
category and the facilitator save when the field is left; objectives, brakes and themes save
with one button, so a half-ticked checklist is never written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import NotFound, StageRuleViolation
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import (
    AgreementStatus,
    AgreementType,
    Brake,
    FileStatus,
    InteractionKind,
    LabelledEnum,
    Objective,
    PartnershipCategory,
)
from passerelle.infra.paths import AppPaths
from passerelle.services import documents as document_service
from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import pipeline
from passerelle.services.files import FileDTO, StageHistoryEntry
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.views import files as files_view

#: Entities whose change may alter what the detail view shows.
WATCHED = {"*", "partnership_file", "interaction", "task", "agreement", "document", "contact",
           "organisation"}
ACCENT = QColor("#2f6fed")



def local_time(at: datetime) -> datetime:
    """Naive UTC (as stored) → naive local wall-clock time (as shown)."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_datetime(at: datetime | None) -> str:
    """A stored (UTC) time as the user's local « 12/03/2026 14:05 »."""
    return local_time(at).strftime("%d/%m/%Y %H:%M") if at is not None else ""


def format_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _label_of(enum: type[LabelledEnum], value: str | None) -> str:
    if not value:
        return ""
    try:
        return label(enum(value))
    except ValueError:
        return value


def _stage_label(value: int | None) -> str:
    if value is None:
        return ""
    try:
        return label(Stage(value))
    except ValueError:
        return str(value)


def euros_text(cents: int) -> str:
    return QLocale().toCurrencyString(cents / 100, "€")


# --- Prompts (functions, so tests replace them) -----------------------------------------------


class ReasonDialog(QDialog):
    """A short text with OK enabled only when a required reason is typed."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, *,
                 required: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._required = required
        text = QLabel(prompt, self)
        text.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("ReasonDialog", "Valider"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("ReasonDialog", "Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._handle_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self._handle_text_changed()
        self.resize(440, 220)

    def _handle_text_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self._required or bool(self.edit.toPlainText().strip()))

    def reason(self) -> str:
        return self.edit.toPlainText().strip()


def ask_reason(parent: QWidget | None, title: str, prompt: str, *,
               required: bool = True) -> str | None:
    """Ask for a reason; None when cancelled."""
    dialog = ReasonDialog(parent, title, prompt, required=required)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()
    finally:
        dialog.deleteLater()


class NotesDialog(QDialog):
    """The full notes of an interaction, with its decisions and participants (read-only)."""

    def __init__(self, dto: interaction_service.InteractionDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(dto.subject)
        kind = _label_of(InteractionKind, dto.kind)
        head = QLabel(f"<b>{_escape(dto.subject)}</b><br>{_escape(kind)} — "
                      f"{_escape(format_datetime(dto.occurred_at))}", self)
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        if dto.participant_names:
            names = ", ".join(dto.participant_names)
            people = QLabel(QCoreApplication.translate(
                "NotesDialog", "Participants : {names}").format(names=names), self)
            people.setWordWrap(True)
            layout.addWidget(people)
        if dto.note_heads > 1:
            warn = QLabel(QCoreApplication.translate(
                "NotesDialog", "Ces notes ont été modifiées sur deux postes à la fois : la "
                               "version la plus récente est affichée."), self)
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b54708;")
            layout.addWidget(warn)
        layout.addWidget(QLabel(QCoreApplication.translate("NotesDialog", "Notes"), self))
        self.notes = QPlainTextEdit(dto.notes or QCoreApplication.translate(
            "NotesDialog", "(aucune note)"), self)
        self.notes.setReadOnly(True)
        layout.addWidget(self.notes, 3)
        if dto.decisions:
            layout.addWidget(QLabel(QCoreApplication.translate("NotesDialog", "Décisions"), self))
            decisions = QPlainTextEdit(dto.decisions, self)
            decisions.setReadOnly(True)
            layout.addWidget(decisions, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(QCoreApplication.translate("NotesDialog", "Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)


def ask_summary_path(parent: QWidget | None, default: Path) -> Path | None:
    """Ask where to save the case summary (PDF, or .docx « fiche »); None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("FileDetailView", "Enregistrer la fiche de synthèse"),
        str(default), QCoreApplication.translate(
            "FileDetailView", "PDF (*.pdf);;Document Word (*.docx)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in (".pdf", ".docx") else path.with_suffix(".pdf")


def show_notes(parent: QWidget | None, dto: interaction_service.InteractionDTO) -> QDialog:
    """Open the notes window (non-modal: the user may keep it beside the file)."""
    dialog = NotesDialog(dto, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- Stage stepper ----------------------------------------------------------------------------


class StageStepper(QWidget):
    """The eight stages as steps: done, current (highlighted), to come; a click asks to move.

    Each step's tooltip tells its history: when the file reached it, who moved it and why.
    """

    step_clicked = Signal(int)

    NODE = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = Stage.FIRST_CONTACT
        self._status = FileStatus.ACTIVE
        self._history: tuple[StageHistoryEntry, ...] = ()
        self._hover: Stage | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(QCoreApplication.translate("StageStepper", "Étapes du dossier"))

    @property
    def current(self) -> Stage:
        return self._current

    def set_state(self, current: Stage, status: FileStatus,
                  history: Sequence[StageHistoryEntry]) -> None:
        self._current = current
        self._status = status
        self._history = tuple(history)
        self.setAccessibleDescription(QCoreApplication.translate(
            "StageStepper", "Étape actuelle : {stage}").format(stage=label(current)))
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(8 * 130, self.NODE + 12 + 2 * fm.lineSpacing() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(8 * 80, self.sizeHint().height())

    def _cell(self, stage: Stage) -> QRect:
        width = self.width() / len(Stage)
        return QRect(int((int(stage) - 1) * width), 0, int(width), self.height())

    def stage_at(self, pos: QPoint) -> Stage | None:
        if not self.rect().contains(pos):
            return None
        index = int(pos.x() / (self.width() / len(Stage)))
        return Stage(min(len(Stage), max(1, index + 1)))

    def step_tooltip(self, stage: Stage) -> str:
        """The history of one step, newest last, as the tooltip shows it."""
        lines = [f"{int(stage)}. {label(stage)}"]
        for entry in self._history:
            if entry.to_stage != int(stage):
                continue
            who = entry.author or QCoreApplication.translate("StageStepper", "inconnu")
            when = format_datetime(entry.at)
            if entry.from_stage is None:
                what = QCoreApplication.translate("StageStepper", "Ouverture du dossier")
            elif entry.from_stage == entry.to_stage:
                what = status_sentence(entry.status)
            else:
                what = QCoreApplication.translate("StageStepper", "Depuis « {stage} »").format(
                    stage=_stage_label(entry.from_stage))
            line = QCoreApplication.translate(
                "StageStepper", "{when} — {what}, par {who}").format(when=when, what=what,
                                                                     who=who)
            if entry.reason and entry.from_stage is not None:
                line += "\n    " + QCoreApplication.translate(
                    "StageStepper", "Raison : {reason}").format(reason=entry.reason)
            lines.append(line)
        if len(lines) == 1:
            lines.append(QCoreApplication.translate(
                "StageStepper", "Le dossier n'est pas encore passé par cette étape."))
        if stage != self._current:
            lines.append("")
            lines.append(QCoreApplication.translate(
                "StageStepper", "Cliquez pour passer le dossier à cette étape."))
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            stage = self.stage_at(event.pos())
            if stage is not None:
                QToolTip.showText(event.globalPos(), self.step_tooltip(stage), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        stage = self.stage_at(event.position().toPoint())
        if stage != self._hover:
            self._hover = stage
            self.setCursor(Qt.CursorShape.PointingHandCursor if stage not in (None,
                           self._current) else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            stage = self.stage_at(event.position().toPoint())
            if stage is not None and stage != self._current:
                self.step_clicked.emit(int(stage))
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        node = self.NODE
        top = 4
        active = self._status is FileStatus.ACTIVE
        current_colour = ACCENT if active else QColor("#b54708")
        done_colour = QColor("#84adff")
        todo_colour = QColor("#d0d5dd")
        base_font = QFont(self.font())
        bold = QFont(base_font)
        bold.setBold(True)
        for stage in Stage:
            cell = self._cell(stage)
            centre_x = cell.center().x()
            if int(stage) < len(Stage):
                next_x = self._cell(Stage(int(stage) + 1)).center().x()
                painter.setPen(QPen(done_colour if stage < self._current else todo_colour, 3))
                painter.drawLine(centre_x + node // 2, top + node // 2,
                                 next_x - node // 2, top + node // 2)
            circle = QRect(centre_x - node // 2, top, node, node)
            if stage == self._current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(current_colour)
                text_colour = QColor("white")
            elif stage < self._current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(done_colour)
                text_colour = QColor("white")
            else:
                painter.setPen(QPen(todo_colour, 2))
                painter.setBrush(self.palette().base())
                text_colour = QColor("#667085")
            if stage == self._hover and stage != self._current:
                painter.setPen(QPen(ACCENT, 2))
            painter.drawEllipse(circle)
            painter.setFont(bold)
            painter.setPen(text_colour)
            mark = "✓" if stage < self._current else str(int(stage))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, mark)
            painter.setFont(bold if stage == self._current else base_font)
            painter.setPen(self.palette().text().color() if stage <= self._current
                           else QColor("#667085"))
            text_rect = QRect(cell.left() + 2, top + node + 6, cell.width() - 4,
                              self.height() - node - 10)
            fm = QFontMetrics(painter.font())
            text = label(stage)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap,
                             text if fm.horizontalAdvance(text) < 2 * text_rect.width()
                             else fm.elidedText(text, Qt.TextElideMode.ElideRight,
                                                text_rect.width()))
        painter.end()


def status_sentence(status: str | None) -> str:
    if status == FileStatus.ON_HOLD.value:
        return QCoreApplication.translate("StageStepper", "Dossier mis en pause")
    if status == FileStatus.ABANDONED.value:
        return QCoreApplication.translate("StageStepper", "Dossier abandonné")
    return QCoreApplication.translate("StageStepper", "Dossier repris")


# --- Timeline model ---------------------------------------------------------------------------


class TimelineModel(QAbstractTableModel):
    """The file's timeline (newest first): date, type, what, details."""

    ITEM_ROLE = Qt.ItemDataRole.UserRole + 30

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[pipeline.TimelineItem] = []
        self._headers = [QCoreApplication.translate("FileTimeline", "Date"),
                         QCoreApplication.translate("FileTimeline", "Type"),
                         QCoreApplication.translate("FileTimeline", "Quoi"),
                         QCoreApplication.translate("FileTimeline", "Détails")]

    def set_items(self, items: Sequence[pipeline.TimelineItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> pipeline.TimelineItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == self.ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = timeline_cells(item)
            if not 0 <= index.column() < len(cells):
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(c for c in cells if c)
            return cells[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.column() == 2 and \
                item.kind == "interaction":
            font = QFont()
            font.setBold(True)
            return font
        return None


def timeline_cells(item: pipeline.TimelineItem) -> tuple[str, str, str, str]:
    """The four cells of a timeline line, written from the structured entry."""
    when = format_datetime(item.at)
    if item.kind == "interaction":
        kind = (_label_of(InteractionKind, item.interaction_kind)
                or QCoreApplication.translate("FileTimeline", "Échange"))
        details = item.excerpt
        if item.duration_minutes:
            minutes = QCoreApplication.translate("FileTimeline", "{minutes} min").format(
                minutes=item.duration_minutes)
            details = f"{minutes} — {details}" if details else minutes
        return when, kind, item.title, details
    if item.kind == "stage":
        if item.from_stage is None:
            what = QCoreApplication.translate(
                "FileTimeline", "Ouverture du dossier à l'étape « {stage} »").format(
                    stage=_stage_label(item.to_stage))
            reason = ""
        else:
            what = QCoreApplication.translate("FileTimeline", "« {old} » → « {new} »").format(
                old=_stage_label(item.from_stage), new=_stage_label(item.to_stage))
            reason = item.reason or ""
        details = _join_author(reason, item.author)
        return when, QCoreApplication.translate("FileTimeline", "Étape"), what, details
    if item.kind == "status":
        details = _join_author(item.reason or "", item.author)
        kind = QCoreApplication.translate("FileTimeline", "Statut")
        return when, kind, status_sentence(item.status), details
    if item.kind == "document":
        kind = QCoreApplication.translate("FileTimeline", "Document")
        return when, kind, item.title, item.excerpt
    if item.kind == "agreement":
        kind = _label_of(AgreementType, item.agreement_type)
        status = _label_of(AgreementStatus, item.status)
        what = QCoreApplication.translate("FileTimeline", "Convention")
        return when, what, item.title, f"{kind} — {status}" if kind else status
    return when, item.kind, item.title, item.excerpt


def _join_author(text: str, author: str | None) -> str:
    if not author:
        return text
    by = QCoreApplication.translate("FileTimeline", "par {name}").format(name=author)
    return f"{text} ({by})" if text else by


# --- The view ---------------------------------------------------------------------------------


class FileDetailView(QWidget):
    """A partnership file: header, stepper, status actions and tabs.

    Call :meth:`show_file` to display a file; :meth:`refresh` re-reads it.
    """

    file_loaded = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._file_id: uuid.UUID | None = None
        self._overview: pipeline.FileOverview | None = None
        self._token = 0
        self._stale = False
        self._lists_dirty = False
        self._lists_file: uuid.UUID | None = None
        self.meeting_dialog: QDialog | None = None
        self.document_dialog: QDialog | None = None
        self.summary_message: QMessageBox | None = None
        #: Where generated documents go; None: the app's documents folder (tests set a tmp dir).
        self.documents_dir: Path | None = None

        self.empty_label = QLabel(QCoreApplication.translate(
            "FileDetailView", "Aucun dossier ouvert.\nDouble-cliquez sur un dossier "
                              "dans « Dossiers » pour l'afficher ici."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #667085; font-size: 12pt;")
        page = QWidget(self)
        self._build_page(page)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # Several entities often change together (a meeting: interaction, task, contact):
        # one refresh per event-loop turn is enough.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.changed.connect(self._handle_data_changed)

    # --- building ---------------------------------------------------------------------------
    def _build_page(self, page: QWidget) -> None:
        self.reference_label = QLabel(page)
        self.reference_label.setStyleSheet("color: #475467; font-weight: 600;")
        self.reference_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = QLabel(page)
        self.status_badge.hide()
        self.title_edit = QLineEdit(page)
        self.title_edit.setAccessibleName(QCoreApplication.translate(
            "FileDetailView", "Intitulé du dossier"))
        self.title_edit.setToolTip(QCoreApplication.translate(
            "FileDetailView", "Cliquez pour modifier l'intitulé ; Entrée pour "
                              "enregistrer, Échap pour annuler."))
        self.title_edit.setStyleSheet(
            "QLineEdit { font-size: 16pt; font-weight: 600; border: 1px solid transparent;"
            " background: transparent; padding: 2px 4px; }"
            "QLineEdit:hover { border-color: #d0d5dd; }"
            "QLineEdit:focus { border-color: #2f6fed; background: palette(base); }")
        self.title_edit.editingFinished.connect(self._handle_title_edited)
        self.partners_label = QLabel(page)
        self.partners_label.setStyleSheet("font-size: 11pt;")
        self.partners_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.category_combo = QComboBox(page)
        self.category_combo.addItem(QCoreApplication.translate(
            "FileDetailView", "Catégorie à préciser"), None)
        for category in PartnershipCategory:
            self.category_combo.addItem(label(category), category.value)
        self.category_combo.activated.connect(self._handle_category_activated)
        self.facilitator_edit = QLineEdit(page)
        self.facilitator_edit.setPlaceholderText(QCoreApplication.translate(
            "FileDetailView", "Non attribué"))
        self.facilitator_edit.editingFinished.connect(self._handle_facilitator_edited)
        self.facts_label = QLabel(page)
        self.facts_label.setStyleSheet("color: #475467;")

        self.meeting_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Consigner un échange"), page)
        self.meeting_button.setStyleSheet("QPushButton { font-weight: 600; padding: 4px 14px; }")
        self.meeting_button.clicked.connect(self._handle_meeting_clicked)
        self.pause_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Mettre en pause"), page)
        self.pause_button.clicked.connect(self._handle_pause_clicked)
        self.abandon_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Abandonner"), page)
        self.abandon_button.clicked.connect(self._handle_abandon_clicked)
        self.resume_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Reprendre"), page)
        self.resume_button.clicked.connect(self._handle_resume_clicked)
        self.document_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Générer un document…"), page)
        self.document_button.clicked.connect(self._handle_document_clicked)
        self.summary_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Fiche de synthèse (PDF)…"), page)
        self.summary_button.clicked.connect(self._handle_summary_clicked)
        self.stage_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Changer d'étape"), page)
        self.stage_menu = QMenu(self.stage_button)
        for stage in Stage:
            action = self.stage_menu.addAction(f"{int(stage)}. {label(stage)}")
            action.setData(int(stage))
            action.triggered.connect(
                lambda _checked=False, value=int(stage): self._handle_step_clicked(value))
        self.stage_button.setMenu(self.stage_menu)

        self.status_banner = QLabel(page)
        self.status_banner.setWordWrap(True)
        self.status_banner.hide()
        self.stepper = StageStepper(page)
        self.stepper.step_clicked.connect(self._handle_step_clicked)

        top = QHBoxLayout()
        top.addWidget(self.reference_label)
        top.addWidget(self.status_badge)
        top.addStretch(1)
        for button in (self.document_button, self.summary_button, self.stage_button,
                       self.pause_button, self.abandon_button, self.resume_button,
                       self.meeting_button):
            top.addWidget(button)
        meta = QHBoxLayout()
        meta.addWidget(self.partners_label, 1)
        meta.addSpacing(12)
        meta.addWidget(QLabel(QCoreApplication.translate("FileDetailView", "Catégorie :"), page))
        meta.addWidget(self.category_combo)
        meta.addSpacing(12)
        meta.addWidget(QLabel(QCoreApplication.translate("FileDetailView", "Suivi par :"), page))
        meta.addWidget(self.facilitator_edit)
        self.facilitator_edit.setMaximumWidth(240)

        self.tabs = QTabWidget(page)
        self.tabs.addTab(self._build_timeline_tab(page), "")
        self.tabs.addTab(self._build_tasks_tab(page), "")
        self.tabs.addTab(self._build_agreements_tab(page), "")
        self.tabs.addTab(self._build_lists_tab(page), QCoreApplication.translate(
            "FileDetailView", "Objectifs, freins et thèmes"))
        self.tabs.addTab(self._build_participants_tab(page), "")
        self._set_tab_counts(0, 0, 0, 0)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.title_edit)
        layout.addLayout(meta)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.status_banner)
        layout.addSpacing(4)
        layout.addWidget(self.stepper)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)

    def _build_timeline_tab(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.timeline_model = TimelineModel(self)
        self.timeline_view = QTableView(tab)
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setWordWrap(False)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.verticalHeader().setDefaultSectionSize(
            self.timeline_view.fontMetrics().height() + 10)
        header = self.timeline_view.horizontalHeader()
        header.resizeSection(0, 130)
        header.resizeSection(1, 170)
        header.resizeSection(2, 340)
        header.setStretchLastSection(True)
        self.timeline_view.doubleClicked.connect(self._handle_timeline_activated)
        self.timeline_view.activated.connect(self._handle_timeline_activated)
        hint = QLabel(QCoreApplication.translate(
            "FileDetailView", "Double-cliquez sur un échange pour lire ses notes complètes."), tab)
        hint.setStyleSheet("color: #667085;")
        # who changed the file's own fields (stage, category, summary…): the change log
        self.history_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Journal des modifications…"), tab)
        self.history_button.clicked.connect(self._handle_history_clicked)
        footer = QHBoxLayout()
        footer.addWidget(hint, 1)
        footer.addWidget(self.history_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.timeline_view, 1)
        layout.addLayout(footer)
        return tab

    def _build_tasks_tab(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.tasks_list = QListWidget(tab)
        self.tasks_list.setSpacing(3)
        self.tasks_list.itemChanged.connect(self._handle_task_changed)
        self.tasks_empty = QLabel(QCoreApplication.translate(
            "FileDetailView", "Aucune tâche ouverte pour ce dossier. Les prochaines "
                              "étapes d'un échange deviennent des tâches ; vous pouvez "
                              "aussi en ajouter une ci-dessous."), tab)
        self.tasks_empty.setWordWrap(True)
        self.tasks_empty.setStyleSheet("color: #667085;")
        self.new_task_edit = QLineEdit(tab)
        self.new_task_edit.setPlaceholderText(QCoreApplication.translate(
            "FileDetailView", "Nouvelle tâche, ex. : relancer la "
                              "direction RSE"))
        self.new_task_edit.returnPressed.connect(self._handle_add_task_clicked)
        self.new_task_due = QDateEdit(QDate.currentDate().addDays(7), tab)
        self.new_task_due.setCalendarPopup(True)
        self.new_task_due.setDisplayFormat("dd/MM/yyyy")
        self.new_task_due.setToolTip(QCoreApplication.translate("FileDetailView", "Échéance"))
        add = QPushButton(QCoreApplication.translate("FileDetailView", "Ajouter la tâche"), tab)
        add.clicked.connect(self._handle_add_task_clicked)
        row = QHBoxLayout()
        row.addWidget(self.new_task_edit, 1)
        row.addWidget(self.new_task_due)
        row.addWidget(add)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.tasks_empty)
        layout.addWidget(self.tasks_list, 1)
        layout.addLayout(row)
        return tab

    def _build_agreements_tab(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.agreements_table = QTableWidget(0, 6, tab)
        self.agreements_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("FileDetailView", "Type"),
            QCoreApplication.translate("FileDetailView", "Objet"),
            QCoreApplication.translate("FileDetailView", "Statut"),
            QCoreApplication.translate("FileDetailView", "Montant valorisé"),
            QCoreApplication.translate("FileDetailView", "Début"),
            QCoreApplication.translate("FileDetailView", "Fin")])
        self.agreements_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agreements_table.verticalHeader().hide()
        self.agreements_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.agreements_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 260)
        self.agreements_empty = QLabel(QCoreApplication.translate(
            "FileDetailView", "Aucune convention rattachée à ce dossier. Une "
                              "convention est nécessaire pour passer à l'étape "
                              "« Convention »."), tab)
        self.agreements_empty.setWordWrap(True)
        self.agreements_empty.setStyleSheet("color: #667085;")
        layout = QVBoxLayout(tab)
        layout.addWidget(self.agreements_empty)
        layout.addWidget(self.agreements_table, 1)
        return tab

    def _build_lists_tab(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.objectives_list = QListWidget(tab)
        for objective in Objective:
            item = QListWidgetItem(label(objective), self.objectives_list)
            item.setData(Qt.ItemDataRole.UserRole, objective.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.brakes_list = QListWidget(tab)
        for brake in Brake:
            item = QListWidgetItem(label(brake), self.brakes_list)
            item.setData(Qt.ItemDataRole.UserRole, brake.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.themes_list = QListWidget(tab)
        self.theme_edit = QLineEdit(tab)
        self.theme_edit.setPlaceholderText(QCoreApplication.translate(
            "FileDetailView", "Ajouter un thème"))
        self.theme_edit.returnPressed.connect(self._handle_add_theme)
        add_theme = QPushButton(QCoreApplication.translate("FileDetailView", "Ajouter"), tab)
        add_theme.clicked.connect(self._handle_add_theme)
        self.remove_theme_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Retirer le thème sélectionné"), tab)
        self.remove_theme_button.clicked.connect(self._handle_remove_theme)
        for lst in (self.objectives_list, self.brakes_list, self.themes_list):
            lst.setSpacing(2)
        for lst in (self.objectives_list, self.brakes_list):
            lst.itemChanged.connect(self._handle_lists_edited)

        def group(title: str, *widgets: Any) -> QGroupBox:
            box = QGroupBox(title, tab)
            inner = QVBoxLayout(box)
            for widget in widgets:
                if isinstance(widget, QHBoxLayout):
                    inner.addLayout(widget)
                else:
                    inner.addWidget(widget)
            return box

        theme_row = QHBoxLayout()
        theme_row.addWidget(self.theme_edit, 1)
        theme_row.addWidget(add_theme)
        grid = QGridLayout()
        grid.addWidget(group(QCoreApplication.translate(
            "FileDetailView", "Objectifs"), self.objectives_list), 0, 0)
        grid.addWidget(group(QCoreApplication.translate(
            "FileDetailView", "Freins observés"), self.brakes_list), 0, 1)
        grid.addWidget(group(QCoreApplication.translate("FileDetailView", "Thèmes"),
                             self.themes_list, theme_row, self.remove_theme_button), 0, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        self.lists_save_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Enregistrer les modifications"), tab)
        self.lists_save_button.clicked.connect(self._handle_lists_save_clicked)
        self.lists_cancel_button = QPushButton(QCoreApplication.translate(
            "FileDetailView", "Annuler les modifications"), tab)
        self.lists_cancel_button.clicked.connect(self._handle_lists_cancel_clicked)
        self.lists_state = QLabel(tab)
        self.lists_state.setStyleSheet("color: #b54708;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.lists_state, 1)
        buttons.addWidget(self.lists_cancel_button)
        buttons.addWidget(self.lists_save_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        self._set_lists_dirty(dirty=False)
        return tab

    def _build_participants_tab(self, parent: QWidget) -> QWidget:
        tab = QWidget(parent)
        self.participants_table = QTableWidget(0, 4, tab)
        self.participants_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("FileDetailView", "Nom"),
            QCoreApplication.translate("FileDetailView", "Organisation"),
            QCoreApplication.translate("FileDetailView", "Échanges"),
            QCoreApplication.translate("FileDetailView", "Dernier échange")])
        self.participants_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.participants_table.verticalHeader().hide()
        header = self.participants_table.horizontalHeader()
        header.resizeSection(0, 240)
        header.resizeSection(2, 90)
        header.resizeSection(3, 150)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.participants_empty = QLabel(QCoreApplication.translate(
            "FileDetailView", "Personne n'a encore été noté comme participant "
                              "à un échange de ce dossier. Ajoutez les "
                              "participants en consignant un échange."), tab)
        self.participants_empty.setWordWrap(True)
        self.participants_empty.setStyleSheet("color: #667085;")
        layout = QVBoxLayout(tab)
        layout.addWidget(self.participants_empty)
        layout.addWidget(self.participants_table, 1)
        return tab

    # --- public -----------------------------------------------------------------------------
    @property
    def file_id(self) -> uuid.UUID | None:
        return self._file_id

    @property
    def overview(self) -> pipeline.FileOverview | None:
        return self._overview

    def show_file(self, file_id: uuid.UUID) -> None:
        """Display ``file_id`` (loaded in the background)."""
        file_id = uuid.UUID(str(file_id))
        if file_id != self._file_id:
            self._set_lists_dirty(dirty=False)
        self._file_id = file_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown file."""
        self._stale = False
        if self._file_id is None:
            self.stack.setCurrentIndex(0)
            return
        self._token += 1
        token, fid, db = self._token, self._file_id, self._ctx.db
        self._ctx.runner.run(lambda: pipeline.file_overview(db, fid),
                             lambda overview: self._handle_loaded(token, overview),
                             self._handle_load_failed)

    # --- loading ----------------------------------------------------------------------------
    def _handle_loaded(self, token: int, overview: pipeline.FileOverview) -> None:
        if token != self._token or overview.file.id != self._file_id:
            return
        self._overview = overview
        self._show_header(overview)
        self.timeline_model.set_items(overview.timeline)
        self._show_tasks(overview.tasks)
        self._show_agreements(overview.agreements)
        self._show_participants(overview.participants)
        if not self._lists_dirty or self._lists_file != overview.file.id:
            self._show_lists(overview.file)
        self._set_tab_counts(len(overview.timeline), len(overview.tasks),
                             len(overview.agreements), len(overview.participants))
        first_show = self.stack.currentIndex() == 0
        self.stack.setCurrentIndex(1)
        if first_show and self.title_edit.hasFocus():
            self.timeline_view.setFocus()  # a file opens for reading, not with its title in edit
        self.file_loaded.emit(str(overview.file.id))

    def _handle_load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound):
            self._file_id = None
            self._overview = None
            self.stack.setCurrentIndex(0)
            return
        show_error(self, exc)

    def _handle_data_changed(self, entity: str) -> None:
        if entity not in WATCHED or self._file_id is None:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _set_tab_counts(self, timeline: int, tasks: int, agreements: int,
                        participants: int) -> None:
        self.tabs.setTabText(0, QCoreApplication.translate(
            "FileDetailView", "Historique ({n})").format(n=timeline))
        self.tabs.setTabText(1, QCoreApplication.translate(
            "FileDetailView", "Tâches ({n})").format(n=tasks))
        self.tabs.setTabText(2, QCoreApplication.translate(
            "FileDetailView", "Conventions ({n})").format(n=agreements))
        self.tabs.setTabText(4, QCoreApplication.translate(
            "FileDetailView", "Participants ({n})").format(n=participants))

    def _show_header(self, overview: pipeline.FileOverview) -> None:
        f = overview.file
        self.reference_label.setText(f.reference)
        if not self.title_edit.hasFocus():
            self.title_edit.setText(f.title)
            self.title_edit.setCursorPosition(0)
        assoc = f.association_name or QCoreApplication.translate(
            "FileDetailView", "association à renseigner")
        company = f.company_name or QCoreApplication.translate(
            "FileDetailView", "entreprise à renseigner")
        self.partners_label.setText(f"{assoc}  ↔  {company}")
        with QSignalBlocker(self.category_combo):
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(
                f.category)) if f.category else 0)
        if not self.facilitator_edit.hasFocus():
            self.facilitator_edit.setText(f.facilitator or "")
            self.facilitator_edit.setCursorPosition(0)
        facts = [overview.commune_name or ""]
        if f.opened_on:
            facts.insert(0, QCoreApplication.translate(
                "FileDetailView", "Ouvert le {date}").format(date=format_date(f.opened_on)))
        if f.stage_since:
            facts.insert(-1, QCoreApplication.translate(
                "FileDetailView", "à l'étape actuelle depuis le {date}").format(
                    date=format_date(f.stage_since)))
        self.facts_label.setText(" · ".join(x for x in facts if x))
        active = f.status is FileStatus.ACTIVE
        self.pause_button.setVisible(active)
        self.abandon_button.setVisible(f.status is not FileStatus.ABANDONED)
        self.resume_button.setVisible(not active)
        if active:
            self.status_badge.hide()
            self.status_banner.hide()
        else:
            on_hold = f.status is FileStatus.ON_HOLD
            colours = ("#fef0c7", "#93370d") if on_hold else ("#fee4e2", "#912018")
            self.status_badge.setText(label(f.status))
            self.status_badge.setStyleSheet(
                f"background: {colours[0]}; color: {colours[1]}; border-radius: 9px;"
                 " padding: 1px 10px; font-weight: 600;")
            self.status_badge.show()
            if on_hold:
                text = QCoreApplication.translate("FileDetailView", "Ce dossier est en pause.")
            else:
                text = QCoreApplication.translate("FileDetailView",
                                                  "Ce dossier a été abandonné.")
            if f.status_reason:
                reason = f.status_reason.rstrip()
                if not reason.endswith((".", "!", "?", "…")):
                    reason += "."
                text += " " + QCoreApplication.translate(
                    "FileDetailView", "Raison : {reason}").format(reason=reason)
            text += " " + QCoreApplication.translate(
                "FileDetailView", "« Reprendre » le remet en cours à la même étape.")
            self.status_banner.setText(text)
            self.status_banner.setStyleSheet(
                f"background: {colours[0]}; color: {colours[1]}; border-radius: 6px;"
                 " padding: 6px 10px;")
            self.status_banner.show()
        self.stepper.set_state(f.stage, f.status, overview.history)
        for action in self.stage_menu.actions():
            action.setEnabled(action.data() != int(f.stage))

    def _show_tasks(self, tasks: Sequence[interaction_service.TaskDTO]) -> None:
        with QSignalBlocker(self.tasks_list):
            self.tasks_list.clear()
            today = date.today()
            for task in tasks:
                parts = [task.title]
                if task.due_on:
                    parts.append(QCoreApplication.translate(
                        "FileDetailView", "échéance le {date}").format(
                            date=format_date(task.due_on)))
                if task.assignee:
                    parts.append(task.assignee)
                item = QListWidgetItem(" — ".join(parts), self.tasks_list)
                item.setData(Qt.ItemDataRole.UserRole, str(task.id))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setToolTip(QCoreApplication.translate(
                    "FileDetailView", "Cochez quand c'est fait."))
                if task.due_on and task.due_on < today:
                    item.setForeground(QColor("#b42318"))
                    item.setToolTip(QCoreApplication.translate(
                        "FileDetailView", "En retard. Cochez quand c'est fait."))
        self.tasks_empty.setVisible(not tasks)
        self.tasks_list.setVisible(bool(tasks))

    def _show_agreements(self, agreements: Sequence[pipeline.AgreementRow]) -> None:
        table = self.agreements_table
        table.setRowCount(len(agreements))
        for row, a in enumerate(agreements):
            cells = (_label_of(AgreementType, a.type), a.object,
                     _label_of(AgreementStatus, a.status), euros_text(a.total_cents),
                     format_date(a.start_on), format_date(a.end_on))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        self.agreements_empty.setVisible(not agreements)
        table.setVisible(bool(agreements))

    def _show_participants(self, people: Sequence[pipeline.ParticipantRow]) -> None:
        table = self.participants_table
        table.setRowCount(len(people))
        for row, p in enumerate(people):
            cells = (p.full_name, p.organisation_name or "", str(p.interactions),
                     format_datetime(p.last_seen))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(p.contact_id))
                table.setItem(row, column, item)
        self.participants_empty.setVisible(not people)
        table.setVisible(bool(people))

    def _show_lists(self, f: FileDTO) -> None:
        for lst, values in ((self.objectives_list, f.objectives), (self.brakes_list, f.brakes)):
            with QSignalBlocker(lst):
                for row in range(lst.count()):
                    item = lst.item(row)
                    item.setCheckState(Qt.CheckState.Checked
                                       if item.data(Qt.ItemDataRole.UserRole) in values
                                       else Qt.CheckState.Unchecked)
        self.themes_list.clear()
        for theme in f.themes:
            self.themes_list.addItem(theme)
        self._lists_file = f.id
        self._set_lists_dirty(dirty=False)

    # --- header edits -----------------------------------------------------------------------
    def _update(self, **changes: Any) -> None:
        fid, db = self._file_id, self._ctx.db
        if fid is None:
            return
        self._ctx.runner.run(lambda: file_service.update_file(db, fid, **changes),
                             self._handle_updated, self._handle_update_failed)

    def _handle_updated(self, _dto: FileDTO) -> None:
        self._ctx.bus.changed.emit("partnership_file")

    def _handle_update_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.refresh()  # put the saved values back in the fields

    def _handle_title_edited(self) -> None:
        if self._overview is None:
            return
        text = self.title_edit.text().strip()
        if text != self._overview.file.title:
            self._update(title=text)

    def _handle_category_activated(self, _index: int) -> None:
        if self._overview is None:
            return
        value = self.category_combo.currentData()
        if value != self._overview.file.category:
            self._update(category=value)

    def _handle_facilitator_edited(self) -> None:
        if self._overview is None:
            return
        text = self.facilitator_edit.text().strip() or None
        if text != self._overview.file.facilitator:
            self._update(facilitator=text)

    # --- stages and status ------------------------------------------------------------------
    def _handle_step_clicked(self, value: int) -> None:
        if self._overview is None:
            return
        target = Stage(value)
        reason = ""
        if target < self._overview.file.stage:
            answer = ask_reason(
                self, QCoreApplication.translate(
                    "FileDetailView", "Revenir à une étape précédente"),
                QCoreApplication.translate(
                    "FileDetailView", "Revenir à l'étape « {stage} » ? Vous pouvez indiquer "
                                      "pourquoi "
                                      "(facultatif).").format(stage=label(target)), required=False)
            if answer is None:
                return
            reason = answer
        self.move_to(target, reason)

    def move_to(self, target: Stage, reason: str = "") -> None:
        """Ask the service to move the file; a refusal is explained and nothing changes."""
        fid, db = self._file_id, self._ctx.db
        if fid is None:
            return
        self._ctx.runner.run(lambda: file_service.move_stage(db, fid, target, reason),
                             self._handle_status_saved,
                             lambda exc: self._handle_move_failed(exc, target))

    def _handle_move_failed(self, exc: BaseException, target: Stage) -> None:
        if isinstance(exc, StageRuleViolation):
            files_view.explain_refusal(self, exc, target)
        else:
            show_error(self, exc)

    def _handle_pause_clicked(self) -> None:
        reason = ask_reason(self, QCoreApplication.translate(
            "FileDetailView", "Mettre le dossier en pause"),
                            QCoreApplication.translate(
                                "FileDetailView", "Pourquoi mettre ce dossier en pause ? (par "
                                                  "exemple : attente "
                                                  "du budget de l'entreprise)"))
        if reason:
            self._set_status(FileStatus.ON_HOLD, reason)

    def _handle_abandon_clicked(self) -> None:
        reason = ask_reason(self, QCoreApplication.translate(
            "FileDetailView", "Abandonner le dossier"),
                            QCoreApplication.translate(
                                "FileDetailView", "Pourquoi abandonner ce dossier ? La raison "
                                                  "reste dans son "
                                "historique ; vous pourrez le reprendre plus tard."))
        if reason:
            self._set_status(FileStatus.ABANDONED, reason)

    def _handle_resume_clicked(self) -> None:
        self._set_status(FileStatus.ACTIVE, "")

    def _set_status(self, status: FileStatus, reason: str) -> None:
        fid, db = self._file_id, self._ctx.db
        if fid is None:
            return
        self._ctx.runner.run(lambda: file_service.set_status(db, fid, status, reason),
                             self._handle_status_saved, self._handle_update_failed)

    def _handle_status_saved(self, _dto: FileDTO) -> None:
        self._ctx.bus.changed.emit("partnership_file")

    # --- timeline, tasks --------------------------------------------------------------------
    def _handle_timeline_activated(self, index: QModelIndex) -> None:
        item = self.timeline_model.item(index.row())
        if item is None or item.kind != "interaction":
            return
        db, iid = self._ctx.db, item.row_id
        self._ctx.runner.run(lambda: pipeline.interaction_notes(db, iid),
                             self._handle_notes_loaded, self._handle_update_failed)

    def _handle_notes_loaded(self, dto: interaction_service.InteractionDTO) -> None:
        show_notes(self, dto)

    def _handle_task_changed(self, item: QListWidgetItem) -> None:
        task_id = item.data(Qt.ItemDataRole.UserRole)
        done = item.checkState() == Qt.CheckState.Checked
        if not task_id or not done:
            return
        font = item.font()
        font.setStrikeOut(True)
        item.setFont(font)
        db = self._ctx.db
        self._ctx.runner.run(lambda: interaction_service.complete_task(db, task_id),
                             self._handle_task_saved, self._handle_update_failed)

    def _handle_task_saved(self, _dto: interaction_service.TaskDTO) -> None:
        self._ctx.bus.changed.emit("task")

    def _handle_add_task_clicked(self) -> None:
        title = self.new_task_edit.text().strip()
        fid, db = self._file_id, self._ctx.db
        if not title or fid is None:
            self.new_task_edit.setFocus()
            return
        due: date = self.new_task_due.date().toPython()  # type: ignore[assignment]
        self._ctx.runner.run(
            lambda: interaction_service.create_task(db, title, due_on=due, file_id=fid),
            self._handle_task_added, self._handle_update_failed)

    def _handle_task_added(self, dto: interaction_service.TaskDTO) -> None:
        self.new_task_edit.clear()
        self._handle_task_saved(dto)

    # --- objectives, brakes, themes ---------------------------------------------------------
    def checked_values(self, lst: QListWidget) -> list[str]:
        return [str(lst.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(lst.count())
                if lst.item(r).checkState() == Qt.CheckState.Checked]

    def themes(self) -> list[str]:
        return [self.themes_list.item(r).text() for r in range(self.themes_list.count())]

    def _handle_lists_edited(self, *_: Any) -> None:
        self._set_lists_dirty(dirty=True)

    def _set_lists_dirty(self, *, dirty: bool) -> None:
        self._lists_dirty = dirty
        self.lists_save_button.setEnabled(dirty)
        self.lists_cancel_button.setEnabled(dirty)
        self.lists_state.setText(QCoreApplication.translate(
            "FileDetailView", "Modifications non enregistrées") if dirty else "")

    def _handle_add_theme(self) -> None:
        theme = self.theme_edit.text().strip().lower()
        if theme and theme not in self.themes():
            self.themes_list.addItem(theme)
            self._set_lists_dirty(dirty=True)
        self.theme_edit.clear()

    def _handle_remove_theme(self) -> None:
        row = self.themes_list.currentRow()
        if row >= 0:
            self.themes_list.takeItem(row)
            self._set_lists_dirty(dirty=True)

    def _handle_lists_save_clicked(self) -> None:
        self._update(objectives=self.checked_values(self.objectives_list),
                     brakes=self.checked_values(self.brakes_list), themes=self.themes())
        self._set_lists_dirty(dirty=False)

    def _handle_lists_cancel_clicked(self) -> None:
        if self._overview is not None:
            self._show_lists(self._overview.file)

    # --- meeting ----------------------------------------------------------------------------
    def _handle_meeting_clicked(self) -> None:
        if self._file_id is None:
            return
        from passerelle.ui.dialogs.meeting import MeetingDialog

        dialog = MeetingDialog(self._ctx, self, file_id=self._file_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.meeting_dialog = dialog

    # --- documents --------------------------------------------------------------------------
    def output_dir(self) -> Path:
        return self.documents_dir or self._ctx.documents_dir or AppPaths.default().documents

    def _handle_document_clicked(self) -> None:
        if self._file_id is None:
            return
        from passerelle.ui.dialogs.generate_document import GenerateDocumentDialog

        dialog = GenerateDocumentDialog(self._ctx, self, file_id=self._file_id,
                                        out_dir=self.output_dir())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.document_dialog = dialog

    def _handle_history_clicked(self) -> None:
        if self._file_id is None or self._overview is None:
            return
        from passerelle.ui.dialogs.history import HistoryDialog

        f = self._overview.file
        HistoryDialog(self._ctx, "partnership_file", self._file_id,
                      f"{f.reference} — {f.title}", self).exec()

    def _handle_summary_clicked(self) -> None:
        if self._file_id is None or self._overview is None:
            return
        folder = self.output_dir()
        default = folder / f"{self._overview.file.reference}_fiche_synthese.pdf"
        path = ask_summary_path(self, default)
        if path is None:
            return
        fid, db = self._file_id, self._ctx.db
        if path.suffix.lower() != ".pdf":
            from passerelle.ui.summary_pdf import export_summary

            self._ctx.runner.run(lambda: export_summary(db, fid, path),
                                 self._handle_summary_saved, self._handle_update_failed)
            return
        # The PDF is laid out by QTextDocument and printed by QPdfWriter: GUI classes, kept on
        # the UI thread. Only the reading and the recording go through the runner.
        self._ctx.runner.run(lambda: document_service.case_summary(db, fid),
                             lambda summary: self._write_summary_pdf(summary, path),
                             self._handle_update_failed)

    def _write_summary_pdf(self, summary: document_service.CaseSummary, path: Path) -> None:
        import dataclasses

        from passerelle.ui.summary_pdf import PDF_MIME, write_summary_pdf

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_summary_pdf(summary, path)
        except Exception as exc:  # noqa: BLE001 - shown to the user like any failure
            show_error(self, exc)
            return
        db = self._ctx.db

        def record() -> document_service.DocumentDTO:
            try:
                return document_service.record_document(
                    db, summary.id, path, title=f"Fiche de synthèse (PDF) — {summary.reference}",
                    mime=PDF_MIME, snapshot=dataclasses.asdict(summary))
            except BaseException:
                path.unlink(missing_ok=True)
                raise

        self._ctx.runner.run(record, self._handle_summary_saved, self._handle_update_failed)

    def _handle_summary_saved(self, doc: document_service.DocumentDTO) -> None:
        from passerelle.ui.dialogs import generate_document

        self._ctx.bus.changed.emit("document")
        path = Path(doc.filename)
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate(
            "FileDetailView", "Fiche de synthèse"), QCoreApplication.translate(
            "FileDetailView", "La fiche de synthèse est enregistrée : {path}").format(
                path=doc.filename), QMessageBox.StandardButton.Close, self)
        open_button = box.addButton(QCoreApplication.translate("FileDetailView", "Ouvrir"),
                                    QMessageBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: generate_document.open_with_system(path))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the event loop: the user may keep working
        self.summary_message = box


__all__ = [
    "FileDetailView",
    "NotesDialog",
    "StageStepper",
    "TimelineModel",
    "ask_reason",
    "ask_summary_path",
    "show_notes",
    "timeline_cells",
]
