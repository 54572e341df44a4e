"""« Consigner un échange »: the facilitator's most frequent job, so it must take seconds.

Everything typed is saved in one step (``services.interactions.log_interaction``): the
interaction, its notes, its participants and one task per next step. Saving never closes the
dialog on an expected error, so nothing typed is lost; Escape asks before dropping a typed note.

The dialog also holds two small widgets other forms reuse: :class:`EntityChooser` (a line edit
with asynchronous autocompletion fed by a service) and :class:`FlowLayout` (chips that wrap).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from passerelle.domain.errors import PasserelleError, ValidationError
from passerelle.domain.vocabulary import InteractionKind, OrganisationKind
from passerelle.services import directory, pipeline
from passerelle.services.files import FileDTO, get_file
from passerelle.services.interactions import (
    InteractionDTO,
    MeetingInput,
    NextStep,
    log_interaction,
)
from passerelle.services.organisations import OrganisationDTO, get_organisation
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 10
#: Days between a meeting and the default due date of its next steps.
DEFAULT_DUE_DAYS = 7
DUE_WIDTH = 120
_ERROR_STYLE = "border: 1px solid #c0392b; border-radius: 3px;"



def confirm_discard(parent: QWidget | None) -> bool:
    """Ask whether to drop what was typed (a function, so tests can replace it)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("MeetingDialog", "Abandonner la saisie ?"),
        QCoreApplication.translate(
            "MeetingDialog",
            "Les notes saisies n'ont pas été enregistrées. Voulez-vous vraiment fermer ?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def to_utc(local: datetime) -> datetime:
    """A naive local wall-clock time as the naive UTC time the database stores."""
    return local.astimezone(UTC).replace(tzinfo=None)


# --- Chooser -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a chooser: the id, the text put in the field, and a detail for the list."""

    id: uuid.UUID
    text: str
    detail: str = ""


class EntityChooser(QLineEdit):
    """A line edit that searches as the user types and lets them pick one entry.

    ``search(text)`` runs on the background runner (debounced); its results fill a
    completer popup. ``chosen`` carries the picked :class:`Choice` (or None when the user
    edits the text away from it). With ``keep_text=False`` the field empties after each
    pick (adding several participants in a row).
    """

    chosen = Signal(object)

    def __init__(self, ctx: UiContext, search: Callable[[str], Sequence[Choice]],
                 parent: QWidget | None = None, *, keep_text: bool = True,
                 search_empty: bool = False, delay_ms: int = 150) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._search = search
        self._keep_text = keep_text
        self._search_empty = search_empty
        self._choice: Choice | None = None
        self._token = 0
        self._model = QStandardItemModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(10)
        # Not setCompleter(): the line edit would overwrite its text on every highlight.
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(  # type: ignore[index]
            self._handle_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._handle_search_due)
        self.textEdited.connect(self._handle_text_edited)
        self.setClearButtonEnabled(True)

    # --- public -----------------------------------------------------------------------------
    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None  # QCompleter always makes one
        return popup

    def choice(self) -> Choice | None:
        return self._choice

    def set_choice(self, choice: Choice | None) -> None:
        """Prefill (or clear) the field without searching."""
        self._choice = choice
        self.setText(choice.text if choice is not None and self._keep_text else "")
        self.setToolTip(choice.detail if choice is not None else "")
        self.setCursorPosition(0)

    def has_unresolved_text(self) -> bool:
        """Text typed but nothing picked from the list."""
        return bool(self.text().strip()) and self._choice is None

    def search_now(self) -> None:
        """Run the search at once (tests, and the Down key)."""
        self._timer.stop()
        self._handle_search_due()

    def completion_count(self) -> int:
        return sum(1 for row in range(self._model.rowCount())
                   if self._model.item(row).isEnabled())

    def choose_row(self, row: int) -> None:
        """Pick the ``row``-th result, as a click in the popup would."""
        self._handle_activated(self.completer_.completionModel().index(row, 0))

    # --- handlers ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not self._popup().isVisible():
            self.search_now()
            return
        super().keyPressEvent(event)

    def _handle_text_edited(self, text: str) -> None:
        if self._choice is not None and text != self._choice.text:
            self._choice = None
            self.setToolTip("")
            self.chosen.emit(None)
        if text.strip() or self._search_empty:
            self._timer.start()
        else:
            self._timer.stop()
            self._popup().hide()

    def _handle_search_due(self) -> None:
        self._token += 1
        token, text = self._token, self.text()
        search = self._search
        self._ctx.runner.run(lambda: list(search(text)),
                             lambda result: self._handle_results(token, text, result),
                             self._handle_search_failed, db=False)

    def _handle_results(self, token: int, text: str, results: list[Choice]) -> None:
        if token != self._token or text != self.text():
            return  # the user typed on: a newer search is on its way
        self._model.clear()
        for choice in results:
            shown = f"{choice.text} — {choice.detail}" if choice.detail else choice.text
            item = QStandardItem(shown)
            item.setData(choice, CHOICE_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if not results:
            if not text.strip():
                self._popup().hide()
                return
            none = QStandardItem(QCoreApplication.translate(
                "EntityChooser", "Aucun résultat pour « {text} »").format(text=text.strip()))
            none.setEnabled(False)
            none.setSelectable(False)
            self._model.appendRow(none)
        if self.hasFocus():  # the user may have moved on while the search ran
            self.completer_.complete()

    def _handle_search_failed(self, exc: BaseException) -> None:
        show_error(self.window(), exc)

    def _handle_activated(self, index: QModelIndex) -> None:
        choice = index.data(CHOICE_ROLE) if index.isValid() else None
        if not isinstance(choice, Choice):
            return
        self._popup().hide()
        if self._keep_text:
            self.set_choice(choice)
        else:
            self._choice = None
            self.clear()
        self.chosen.emit(choice)


# --- Chips ----------------------------------------------------------------------------------


class FlowLayout(QLayout):
    """Lays widgets left to right and wraps to the next line (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class ParticipantsField(QWidget):
    """A contact search field; each picked contact becomes a removable chip."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: dict[uuid.UUID, Choice] = {}
        db = ctx.db

        def search(text: str) -> list[Choice]:
            return [Choice(c.id, c.full_name, c.organisation_name or "")
                    for c in directory.find_contacts(db, text, limit=20)]

        self.edit = EntityChooser(ctx, search, self, keep_text=False)
        self.edit.setPlaceholderText(QCoreApplication.translate(
            "ParticipantsField", "Tapez un nom pour ajouter un participant…"))
        self.edit.chosen.connect(self._handle_chosen)
        self._chips = QWidget(self)
        self._flow = FlowLayout(self._chips)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self._chips)
        self._chips.hide()

    def participant_ids(self) -> list[uuid.UUID]:
        return list(self._chosen)

    def participants(self) -> list[Choice]:
        return list(self._chosen.values())

    def add(self, choice: Choice) -> None:
        if choice.id in self._chosen:
            return
        self._chosen[choice.id] = choice
        chip = QToolButton(self._chips)
        name = f"{choice.text} ({choice.detail})" if choice.detail else choice.text
        chip.setText(f"{name}  ✕")
        chip.setToolTip(QCoreApplication.translate(
            "ParticipantsField", "Retirer {name} des participants").format(name=choice.text))
        chip.setAccessibleName(chip.toolTip())
        chip.setProperty("contact_id", str(choice.id))
        chip.setStyleSheet("QToolButton { border: 1px solid #b8c4d6; border-radius: 10px;"
                           " padding: 2px 8px; background: #eef3fb; }"
                           "QToolButton:hover, QToolButton:focus { border-color: #2f6fed; }")
        chip.clicked.connect(lambda: self.remove(choice.id))
        self._flow.addWidget(chip)
        self._chips.show()
        self._chips.updateGeometry()
        self.changed.emit()

    def remove(self, contact_id: uuid.UUID) -> None:
        self._chosen.pop(contact_id, None)
        for index in range(self._flow.count()):
            item = self._flow.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.property("contact_id") == str(contact_id):
                self._flow.takeAt(index)
                widget.deleteLater()
                break
        self._chips.setVisible(bool(self._chosen))
        self.edit.setFocus()
        self.changed.emit()

    def chip_buttons(self) -> list[QToolButton]:
        out = []
        for index in range(self._flow.count()):
            item = self._flow.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QToolButton):
                out.append(widget)
        return out

    def _handle_chosen(self, choice: Choice | None) -> None:
        if choice is not None:
            self.add(choice)


# --- Next steps -----------------------------------------------------------------------------


class NextStepRow(QWidget):
    """One next step: what, by when, who."""

    remove_requested = Signal(object)

    def __init__(self, user_name: str, due: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(QCoreApplication.translate(
            "NextStepsEditor", "Ex. : envoyer le projet de convention"))
        self.title_edit.setAccessibleName(QCoreApplication.translate(
            "NextStepsEditor", "Intitulé de l'étape"))
        self.due_edit = QDateEdit(QDate(due.year, due.month, due.day), self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("dd/MM/yyyy")
        self.due_edit.setAccessibleName(QCoreApplication.translate("NextStepsEditor", "Échéance"))
        self.due_edit.setToolTip(QCoreApplication.translate("NextStepsEditor", "Échéance"))
        self.due_edit.setFixedWidth(DUE_WIDTH)
        self.assignee_edit = QLineEdit(self)
        self.assignee_edit.setPlaceholderText(user_name)
        self.assignee_edit.setAccessibleName(QCoreApplication.translate(
            "NextStepsEditor", "Responsable"))
        self.assignee_edit.setToolTip(QCoreApplication.translate(
            "NextStepsEditor", "Responsable (vous, si vide)"))
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(QCoreApplication.translate(
            "NextStepsEditor", "Retirer cette étape"))
        self.remove_button.setAccessibleName(self.remove_button.toolTip())
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_edit, 5)
        layout.addWidget(self.due_edit, 0)
        layout.addWidget(self.assignee_edit, 2)
        layout.addWidget(self.remove_button, 0)

    def step(self) -> NextStep | None:
        title = self.title_edit.text().strip()
        if not title:
            return None
        due: date = self.due_edit.date().toPython()  # type: ignore[assignment]
        return NextStep(title, due, self.assignee_edit.text().strip() or None)

    def focus_widgets(self) -> list[QWidget]:
        return [self.title_edit, self.due_edit, self.assignee_edit, self.remove_button]


class NextStepsEditor(QWidget):
    """A short editable list of next steps; each becomes a task with a due date."""

    changed = Signal()

    def __init__(self, user_name: str, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._user_name = user_name
        self._today = today
        self.rows: list[NextStepRow] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(4)
        self.add_button = QPushButton(QCoreApplication.translate(
            "NextStepsEditor", "+ Ajouter une étape"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._handle_add_clicked)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        captions = ((QCoreApplication.translate("NextStepsEditor", "Prochaine étape"), 5),
                    (QCoreApplication.translate("NextStepsEditor", "Échéance"), 0),
                    (QCoreApplication.translate("NextStepsEditor", "Responsable"), 2))
        for text, stretch in captions:
            caption = QLabel(text, self)
            caption.setStyleSheet("color: #667085;")
            if not stretch:
                caption.setFixedWidth(DUE_WIDTH)
            header.addWidget(caption, stretch)
        header.addSpacing(self.add_button.fontMetrics().horizontalAdvance("✕") + 22)
        self._header = QWidget(self)
        self._header.setLayout(header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._header)
        layout.addLayout(self._rows_box)
        button_row = QHBoxLayout()
        button_row.addWidget(self.add_button)
        button_row.addStretch(1)
        layout.addLayout(button_row)

    def add_row(self) -> NextStepRow:
        row = NextStepRow(self._user_name, self._today() + timedelta(days=DEFAULT_DUE_DAYS),
                          self)
        row.remove_requested.connect(self._handle_remove_requested)
        row.title_edit.textChanged.connect(self.changed)
        self.rows.append(row)
        self._rows_box.addWidget(row)
        self._header.setVisible(True)
        self.changed.emit()
        return row

    def steps(self) -> list[NextStep]:
        return [s for s in (row.step() for row in self.rows) if s is not None]

    def has_text(self) -> bool:
        return any(row.title_edit.text().strip() for row in self.rows)

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            out.extend(row.focus_widgets())
        out.append(self.add_button)
        return out

    def _handle_add_clicked(self) -> None:
        row = self.add_row()
        row.title_edit.setFocus()

    def _handle_remove_requested(self, row: NextStepRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
            self._rows_box.removeWidget(row)
            row.deleteLater()
        self._header.setVisible(bool(self.rows))
        self.add_button.setFocus()
        self.changed.emit()


# --- The dialog -----------------------------------------------------------------------------


class MeetingDialog(QDialog):
    """« Consigner un échange »: date, kind, participants, notes, decisions, next steps.

    ``file_id`` / ``organisation_id`` prefill what the exchange is attached to. On success
    the dialog emits ``saved`` (the interaction id as text), tells the other views through
    the bus and closes.
    """

    saved = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 file_id: uuid.UUID | None = None,
                 organisation_id: uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._saving = False
        self._force_close = False
        self.result_dto: InteractionDTO | None = None
        self.setWindowTitle(QCoreApplication.translate("MeetingDialog", "Consigner un échange"))
        self.setSizeGripEnabled(True)
        db = ctx.db

        def search_files(text: str) -> list[Choice]:
            return [_file_choice(f) for f in pipeline.find_files(db, text)]

        def search_organisations(text: str) -> list[Choice]:
            return [Choice(o.id, o.name, _org_detail(o))
                    for o in directory.find_organisations(db, text)]

        # Widgets, created in keyboard order.
        self.file_edit = EntityChooser(ctx, search_files, self, search_empty=True)
        self.file_edit.setPlaceholderText(QCoreApplication.translate(
            "MeetingDialog", "Référence, intitulé ou organisation (↓ : dossiers récents)"))
        self.organisation_edit = EntityChooser(ctx, search_organisations, self)
        self.organisation_edit.setPlaceholderText(QCoreApplication.translate(
            "MeetingDialog", "Facultatif si un dossier est choisi"))
        now = QDateTime.currentDateTime()
        now.setTime(QTime(now.time().hour(), now.time().minute()))
        self.when_edit = QDateTimeEdit(now, self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.kind_combo = QComboBox(self)
        for kind in InteractionKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(QCoreApplication.translate("MeetingDialog", " min"))
        self.duration_spin.setSpecialValueText(QCoreApplication.translate(
            "MeetingDialog", "Non précisée"))
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setPlaceholderText(QCoreApplication.translate(
            "MeetingDialog", "Ex. : point d'étape sur le mécénat de "
                             "compétences"))
        self.participants = ParticipantsField(ctx, self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(QCoreApplication.translate(
            "MeetingDialog", "Ce qui s'est dit, les besoins exprimés, "
                             "l'ambiance…"))
        self.decisions_edit = QPlainTextEdit(self)
        self.decisions_edit.setPlaceholderText(QCoreApplication.translate(
            "MeetingDialog", "Ce qui a été décidé ensemble"))
        self.next_steps = NextStepsEditor(db.user_name, self)
        self.next_steps.add_row()
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b42318; font-weight: 600;")
        self.error_label.hide()
        self.save_button = QPushButton(QCoreApplication.translate(
            "MeetingDialog", "Enregistrer"), self)
        self.save_button.setToolTip(QCoreApplication.translate(
            "MeetingDialog", "Enregistrer l'échange (Ctrl+Entrée)"))
        self.cancel_button = QPushButton(QCoreApplication.translate(
            "MeetingDialog", "Annuler"), self)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter in a field must never save half a note
        self.save_button.clicked.connect(self._handle_save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self._build_layout()
        self._update_tab_order()
        self.next_steps.changed.connect(self._update_tab_order)
        self.subject_edit.textEdited.connect(self._handle_subject_edited)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self._handle_save_clicked)

        if file_id is not None:
            self.file_edit.set_choice(Choice(file_id, QCoreApplication.translate(
                "MeetingDialog", "Dossier…")))
            self._load_prefill(file_id=file_id)
        if organisation_id is not None:
            self.organisation_edit.set_choice(Choice(organisation_id, QCoreApplication.translate(
                "MeetingDialog", "Organisation…")))
            self._load_prefill(organisation_id=organisation_id)
        (self.subject_edit if file_id is not None or organisation_id is not None
         else self.file_edit).setFocus()
        self.resize(960, 680)

    # --- layout -----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        def caption(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text, self)
            lab.setBuddy(buddy)
            return lab

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "&Dossier"), self.file_edit), 0, 0)
        grid.addWidget(self.file_edit, 0, 1, 1, 3)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "Or&ganisation"), self.organisation_edit), 0, 4)
        grid.addWidget(self.organisation_edit, 0, 5)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "Da&te"), self.when_edit), 1, 0)
        grid.addWidget(self.when_edit, 1, 1)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "T&ype"), self.kind_combo), 1, 2)
        grid.addWidget(self.kind_combo, 1, 3)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "Du&rée"), self.duration_spin), 1, 4)
        grid.addWidget(self.duration_spin, 1, 5)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "&Objet"), self.subject_edit), 2, 0)
        grid.addWidget(self.subject_edit, 2, 1, 1, 5)
        grid.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "&Participants"), self.participants.edit), 3, 0,
                       Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.participants, 3, 1, 1, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 3)

        notes_box = QVBoxLayout()
        notes_box.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "&Notes"), self.notes_edit))
        notes_box.addWidget(self.notes_edit, 1)
        decisions_box = QVBoxLayout()
        decisions_box.addWidget(caption(QCoreApplication.translate(
            "MeetingDialog", "Dé&cisions"), self.decisions_edit))
        decisions_box.addWidget(self.decisions_edit, 1)
        texts = QHBoxLayout()
        texts.addLayout(notes_box, 3)
        texts.addLayout(decisions_box, 2)

        steps_title = QLabel(QCoreApplication.translate(
            "MeetingDialog", "Prochaines étapes (deviennent des tâches)"), self)
        steps_title.setStyleSheet("font-weight: 600;")
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        buttons = QHBoxLayout()
        hint = QLabel(QCoreApplication.translate(
            "MeetingDialog", "Ctrl+Entrée pour enregistrer"), self)
        hint.setStyleSheet("color: #667085;")
        buttons.addWidget(hint)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        self.save_button.setDefault(False)
        self.save_button.setStyleSheet("QPushButton { font-weight: 600; padding: 4px 16px; }")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(grid)
        layout.addLayout(texts, 1)
        layout.addWidget(line)
        layout.addWidget(steps_title)
        layout.addWidget(self.next_steps)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.notes_edit.setMinimumHeight(160)
        self.decisions_edit.setMinimumHeight(80)
        self.notes_edit.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Expanding)

    def _update_tab_order(self) -> None:
        chain: list[QWidget] = [self.file_edit, self.organisation_edit, self.when_edit,
                                self.kind_combo, self.duration_spin, self.subject_edit,
                                self.participants.edit, *self.participants.chip_buttons(),
                                self.notes_edit, self.decisions_edit,
                                *self.next_steps.focus_widgets(), self.save_button,
                                self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- prefill ----------------------------------------------------------------------------
    def _load_prefill(self, *, file_id: uuid.UUID | None = None,
                      organisation_id: uuid.UUID | None = None) -> None:
        db = self._ctx.db
        if file_id is not None:
            fid = file_id
            self._ctx.runner.run(lambda: get_file(db, fid), self._handle_file_loaded,
                                 self._handle_prefill_failed)
        if organisation_id is not None:
            oid = organisation_id
            self._ctx.runner.run(lambda: get_organisation(db, oid),
                                 self._handle_organisation_loaded, self._handle_prefill_failed)

    def _handle_file_loaded(self, f: FileDTO) -> None:
        partners = " ↔ ".join(n for n in (f.association_name, f.company_name) if n)
        self.file_edit.set_choice(Choice(f.id, f"{f.reference} — {f.title}", partners))

    def _handle_organisation_loaded(self, org: OrganisationDTO) -> None:
        self.organisation_edit.set_choice(Choice(org.id, org.name, org.commune_name or ""))

    def _handle_prefill_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- saving -----------------------------------------------------------------------------
    def meeting_input(self) -> MeetingInput:
        """What the dialog would save, as the service's input."""
        file_choice = self.file_edit.choice()
        org_choice = self.organisation_edit.choice()
        local: datetime = self.when_edit.dateTime().toPython()  # type: ignore[assignment]
        minutes = self.duration_spin.value()
        return MeetingInput(
            subject=self.subject_edit.text(),
            kind=str(self.kind_combo.currentData()),
            occurred_at=to_utc(local.replace(second=0, microsecond=0)),
            duration_minutes=minutes or None,
            file_id=file_choice.id if file_choice else None,
            organisation_id=org_choice.id if org_choice else None,
            participant_ids=tuple(self.participants.participant_ids()),
            notes=self.notes_edit.toPlainText(),
            decisions=self.decisions_edit.toPlainText(),
            next_steps=tuple(self.next_steps.steps()),
        )

    def _handle_save_clicked(self) -> None:
        if self._saving:
            return
        self._clear_error()
        for chooser, text in (
                (self.file_edit, QCoreApplication.translate(
                    "MeetingDialog", "Choisissez le dossier dans la liste proposée, ou videz "
                                     "le champ.")),
                (self.organisation_edit, QCoreApplication.translate(
                    "MeetingDialog", "Choisissez l'organisation dans la liste "
                                     "proposée, ou videz le champ."))):
            if chooser.has_unresolved_text():
                self._show_inline_error(text, chooser)
                return
        meeting = self.meeting_input()
        db = self._ctx.db
        self._saving = True
        self.save_button.setEnabled(False)
        self._ctx.runner.run(lambda: log_interaction(db, meeting), self._handle_saved,
                             self._handle_save_failed)

    def _handle_saved(self, dto: InteractionDTO) -> None:
        self._saving = False
        self.result_dto = dto
        bus = self._ctx.bus
        bus.changed.emit("interaction")
        bus.changed.emit("task")
        if dto.participant_names:
            bus.changed.emit("contact")
        self.saved.emit(str(dto.id))
        self._force_close = True
        self.accept()

    def _handle_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, PasserelleError):
            field = exc.field if isinstance(exc, ValidationError) else None
            self._show_inline_error(message(exc), self._field_widget(field))
        show_error(self, exc)

    def _field_widget(self, field: str | None) -> QWidget | None:
        return {
            "subject": self.subject_edit,
            "kind": self.kind_combo,
            "duration_minutes": self.duration_spin,
            "file_id": self.file_edit,
            "file": self.file_edit,
            "organisation_id": self.organisation_edit,
            "next_steps": self.next_steps,
            "notes": self.notes_edit,
        }.get(field or "")

    def _show_inline_error(self, text: str, widget: QWidget | None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if isinstance(widget, QLineEdit):
            widget.setStyleSheet(_ERROR_STYLE)
        if widget is not None:
            widget.setFocus()

    def _clear_error(self) -> None:
        self.error_label.hide()
        for widget in (self.subject_edit, self.file_edit, self.organisation_edit):
            widget.setStyleSheet("")

    def _handle_subject_edited(self, _text: str) -> None:
        if self.subject_edit.styleSheet():
            self.subject_edit.setStyleSheet("")

    # --- closing ----------------------------------------------------------------------------
    def has_typed_content(self) -> bool:
        return bool(self.subject_edit.text().strip() or self.notes_edit.toPlainText().strip()
                    or self.decisions_edit.toPlainText().strip() or self.next_steps.has_text())

    def reject(self) -> None:
        if not self._force_close and self.has_typed_content() and not confirm_discard(self):
            return
        super().reject()


def _file_choice(f: pipeline.FileChoice) -> Choice:
    partners = " ↔ ".join(n for n in (f.association_name, f.company_name) if n)
    return Choice(f.id, f"{f.reference} — {f.title}", partners)


def _org_detail(o: directory.OrganisationChoice) -> str:
    try:
        kind = label(OrganisationKind(o.kind))
    except ValueError:
        kind = o.kind
    return f"{kind}, {o.commune_name}" if o.commune_name else kind
