"""« Dossiers »: the pipeline board (one column per stage) and the filterable list of files.

The board answers « where is each partnership? » at a glance; moving a card between columns
applies the domain's stage rules, and a refused move says exactly what is missing (the card
stays where it was). The list is the id-based lazy table (STYLE.md 7.2) with SQL filters and
sorting, and exports what it shows to CSV.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
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
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.errors import StageRuleViolation
from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import CompanySize, FileStatus, PartnershipCategory
from passerelle.services import files as file_service
from passerelle.services import pipeline
from passerelle.services.lists import FileRows, ListQuery
from passerelle.services.spreadsheets import Cancelled
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs import export as spreadsheet_export
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, message, singular
from passerelle.ui.models.id_table_model import IdTableModel

CARD_MIME = "application/x-passerelle-file-card"
CARD_ROLE = Qt.ItemDataRole.UserRole + 20
ID_ROLE = Qt.ItemDataRole.UserRole + 21
COLUMN_WIDTH = 240
#: Days in a stage after which a card shows its age in orange (a stalled file).
STALLED_DAYS = 60
#: Entities whose change can alter what the view shows.
WATCHED = {"*", "partnership_file", "organisation", "agreement", "interaction"}
CATEGORY_COLOURS = {
    PartnershipCategory.MECENAT.value: "#3f9b6b",
    PartnershipCategory.RESPONSIBLE_PRACTICES.value: "#2f6fed",
    PartnershipCategory.ECONOMIC_COOPERATION.value: "#d98a1c",
    PartnershipCategory.SOCIETAL_INNOVATION.value: "#8e44ad",
}
_NO_CATEGORY_COLOUR = "#98a2b3"
_SEGMENT_STYLE = (
    "QPushButton { border: 1px solid #98a2b3; padding: 4px 14px; background: palette(base); }"
    "QPushButton:checked { background: #2f6fed; color: white; border-color: #2f6fed; }"
)



# --- Small prompts, as functions so tests replace them ----------------------------------------


def refusal_text(exc: StageRuleViolation, target: Stage | None) -> tuple[str, str]:
    """The headline and the details of a refused stage move, in the user's language."""
    if not exc.missing or target is None:
        return QCoreApplication.translate(
            "FilesView", "Changement d'étape impossible"), message(exc)
    headline = QCoreApplication.translate(
        "FilesView", "Le dossier ne peut pas encore passer à l'étape « {stage} ».")
    # The missing facts are French sentences of the domain, declared for lupdate with it.
    items = "\n".join(
        f"• {QCoreApplication.translate('StageRequirement', item)}" for item in exc.missing)
    details = QCoreApplication.translate(
        "FilesView", "Il manque :\n{items}\n\nComplétez le dossier puis réessayez.")
    return headline.format(stage=label(target)), details.format(items=items)


def explain_refusal(parent: QWidget | None, exc: StageRuleViolation,
                    target: Stage | None) -> None:
    """Tell the user why the file cannot move, listing what is missing."""
    headline, details = refusal_text(exc, target)
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("FilesView", "Changement d'étape impossible"),
                      headline, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(details)
    layout = box.layout()
    if isinstance(layout, QGridLayout):  # QMessageBox is narrow: give the list room
        layout.addItem(QSpacerItem(480, 0, QSizePolicy.Policy.Minimum,
                                   QSizePolicy.Policy.Expanding),
                       layout.rowCount(), 0, 1, layout.columnCount())
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A short non-error message (export done)."""
    QMessageBox.information(parent, title, text)


# --- Board: model, delegate, column -----------------------------------------------------------


class StageCardsModel(QAbstractListModel):
    """The cards of one stage column; a drop asks for a move instead of changing the model.

    The model never moves a card itself: the move goes through the service, and the board
    reloads when the bus says files changed, so a refused move leaves everything in place.
    """

    move_requested = Signal(str, int)  # file id, target stage

    def __init__(self, stage: Stage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._cards: list[pipeline.FileCard] = []

    def set_cards(self, cards: Sequence[pipeline.FileCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def cards(self) -> list[pipeline.FileCard]:
        return list(self._cards)

    def row_of(self, file_id: uuid.UUID) -> int | None:
        for row, card in enumerate(self._cards):
            if card.id == file_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.reference} — {card.title}"
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return str(card.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(card)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.reference} {card.title}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = [i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._cards)]
        if rows:
            card = self._cards[rows[0]]
            payload = {"id": str(card.id), "stage": int(card.stage)}
            mime.setData(CARD_MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        payload = _card_payload(data)
        return payload is not None and payload["stage"] != int(self.stage)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        payload = _card_payload(data)
        if payload is None or payload["stage"] == int(self.stage):
            return False
        file_id, stage = payload["id"], int(self.stage)
        # After the drag's event loop: a refusal shows a message box, never inside a drop.
        QTimer.singleShot(0, lambda: self.move_requested.emit(file_id, stage))
        return False  # the source keeps its card until the board reloads


def _card_payload(data: QMimeData) -> dict[str, Any] | None:
    if not data.hasFormat(CARD_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(CARD_MIME).data()).decode())
        uuid.UUID(payload["id"])
        int(payload["stage"])
    except (ValueError, KeyError, TypeError):
        return None
    return payload  # type: ignore[no-any-return]


def card_partners(card: pipeline.FileCard) -> str:
    assoc = card.association_name or QCoreApplication.translate(
        "PipelineBoard", "Association à trouver")
    company = card.company_name or QCoreApplication.translate(
        "PipelineBoard", "Entreprise à trouver")
    return f"{assoc} ↔ {company}"


def card_tooltip(card: pipeline.FileCard) -> str:
    lines = [f"{card.reference} — {card.title}", card_partners(card)]
    if card.category:
        lines.append(_category_label(card.category))
    days = card.days_in_stage()
    if days is not None:
        since = (QCoreApplication.translate("FilesView", "À l'étape « {stage} » depuis {n} jour")
                 if singular(days) else
                 QCoreApplication.translate("FilesView", "À l'étape « {stage} » depuis {n} jours"))
        lines.append(since.format(stage=label(card.stage), n=days))
    if card.status is not FileStatus.ACTIVE:
        status = label(card.status)
        lines.append(f"{status} : {card.status_reason}" if card.status_reason else status)
    if card.facilitator:
        lines.append(QCoreApplication.translate(
            "PipelineBoard", "Suivi par {name}").format(name=card.facilitator))
    return "\n".join(lines)


def _category_label(value: str | None) -> str:
    if not value:
        return QCoreApplication.translate("PipelineBoard", "Catégorie à préciser")
    try:
        return label(PartnershipCategory(value))
    except ValueError:
        return value


class CardDelegate(QStyledItemDelegate):
    """Paints a file as a card: reference and age, title, partners, category, status."""

    PADDING = 10

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        bold = QFont(base)
        bold.setBold(True)
        return base, small, bold

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base, small, bold = self._fonts(option)
        height = (QFontMetrics(small).height() + 2 * QFontMetrics(bold).lineSpacing()
                  + QFontMetrics(base).height() + QFontMetrics(small).height() + 6 + 14
                  + 2 * self.PADDING)
        return QSize(COLUMN_WIDTH - 24, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, pipeline.FileCard):
            super().paint(painter, option, index)
            return
        base, small, bold = self._fonts(option)
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inactive = card.status is not FileStatus.ACTIVE
        background = QColor("#eef4ff") if selected else palette.color(QPalette.ColorRole.Base)
        if inactive and not selected:
            background = QColor("#f6f6f4")
        painter.setBrush(QBrush(background))
        painter.setPen(QPen(QColor("#2f6fed") if selected else QColor("#d0d5dd"),
                            2 if selected else 1))
        painter.drawRoundedRect(rect, 6, 6)
        strip = QRect(rect.left(), rect.top(), 5, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CATEGORY_COLOURS.get(card.category or "", _NO_CATEGORY_COLOUR)))
        painter.drawRoundedRect(strip.adjusted(0, 1, 0, -1), 2, 2)

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = QColor("#667085")
        inner = rect.adjusted(self.PADDING + 2, self.PADDING - 2, -self.PADDING, -self.PADDING)
        y = inner.top()
        # Line 1: reference … days in stage
        painter.setFont(small)
        fm_small = QFontMetrics(small)
        days = card.days_in_stage()
        age = (QCoreApplication.translate("FilesView", "{n} j").format(n=days)
               if days is not None else "")
        painter.setPen(QColor("#b54708") if days is not None and days >= STALLED_DAYS
                       else muted)
        painter.drawText(QRect(inner.left(), y, inner.width(), fm_small.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, age)
        painter.setPen(muted)
        painter.drawText(QRect(inner.left(), y, inner.width() - fm_small.horizontalAdvance(age)
                               - 6, fm_small.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         card.reference)
        y += fm_small.height() + 2
        # Lines 2-3: title, two lines at most
        painter.setFont(bold)
        painter.setPen(text_colour)
        fm_bold = QFontMetrics(bold)
        for line in _wrap(card.title, fm_bold, inner.width(), 2):
            painter.drawText(QRect(inner.left(), y, inner.width(), fm_bold.lineSpacing()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += fm_bold.lineSpacing()
        y = inner.top() + fm_small.height() + 2 + 2 * fm_bold.lineSpacing()
        # Line 4: association ↔ company
        painter.setFont(base)
        fm_base = QFontMetrics(base)
        painter.setPen(text_colour if not inactive else muted)
        painter.drawText(QRect(inner.left(), y, inner.width(), fm_base.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm_base.elidedText(card_partners(card),
                                            Qt.TextElideMode.ElideRight, inner.width()))
        y += fm_base.height() + 6
        # Line 5: category … status badge
        painter.setFont(small)
        badge_width = 0
        if inactive:
            badge = label(card.status)
            badge_width = fm_small.horizontalAdvance(badge) + 14
            badge_rect = QRect(inner.right() - badge_width, y, badge_width,
                               fm_small.height() + 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#fef0c7") if card.status is FileStatus.ON_HOLD
                             else QColor("#fee4e2"))
            painter.drawRoundedRect(badge_rect, 8, 8)
            painter.setPen(QColor("#93370d") if card.status is FileStatus.ON_HOLD
                           else QColor("#912018"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.setPen(muted)
        room = inner.width() - badge_width - 6
        painter.drawText(QRect(inner.left(), y, room, fm_small.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm_small.elidedText(_category_label(card.category),
                                             Qt.TextElideMode.ElideRight, room))
        painter.restore()


def _wrap(text: str, fm: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap into ``max_lines`` lines, the last one elided."""
    words, lines, current = text.split(), [], ""
    for position, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if fm.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines - 1:
            current = " ".join(words[position:])
            break
    if current:
        lines.append(fm.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return lines[:max_lines]


class CardListView(QListView):
    """A column's list of cards: drag source, drop target, and an explanatory empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CardDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#98a2b3"))
            painter.drawText(self.viewport().rect().adjusted(12, 24, -12, -12),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap,
                             QCoreApplication.translate(
                                 "PipelineBoard",
                                 "Aucun dossier à cette étape.\nGlissez une carte ici pour l'y "
                                 "faire passer."))
            painter.end()


class StageColumnWidget(QFrame):
    """One stage: header with label and count, the cards, and « … et N autres »."""

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName("stageColumn")
        self.setStyleSheet("#stageColumn { background: #f2f4f7; border-radius: 8px; }")
        self.setFixedWidth(COLUMN_WIDTH)
        self.model = StageCardsModel(stage, self)
        self.view = CardListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(label(stage))
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.count = QLabel(self)
        self.count.setStyleSheet("background: #e4e7ec; border-radius: 9px; padding: 1px 8px;"
                                 " color: #344054;")
        self.more = QLabel(self)
        self.more.setStyleSheet("color: #667085;")
        self.more.setWordWrap(True)
        self.more.hide()
        header = QHBoxLayout()
        header.setContentsMargins(10, 8, 10, 2)
        number = QLabel(str(int(stage)), self)
        number.setFixedSize(22, 22)
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        number.setStyleSheet("background: #2f6fed; color: white; border-radius: 11px;"
                             " font-weight: 600;")
        header.addWidget(number)
        header.addWidget(self.title, 1)
        header.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)
        self.more.setContentsMargins(10, 0, 10, 0)
        self.set_column(pipeline.StageColumn(stage, 0, ()))

    def set_column(self, column: pipeline.StageColumn) -> None:
        fm = self.title.fontMetrics()
        text = label(self.stage)
        self.title.setText(fm.elidedText(text, Qt.TextElideMode.ElideRight, COLUMN_WIDTH - 90))
        self.title.setToolTip(text)
        self.count.setText(str(column.total))
        self.count.setToolTip(files_count(column.total))
        self.model.set_cards(column.cards)
        if column.hidden:
            more = (QCoreApplication.translate(
                "FilesView", "… et {n} autre : utilisez la vue Liste pour le voir")
                if singular(column.hidden) else QCoreApplication.translate(
                "FilesView", "… et {n} autres : utilisez la vue Liste pour les voir"))
            self.more.setText(more.format(n=column.hidden))
            self.more.show()
        else:
            self.more.hide()


def files_count(n: int) -> str:
    """« 1 dossier » / « 12 dossiers », by the current language's plural rule."""
    text = (QCoreApplication.translate("FilesView", "{n} dossier") if singular(n) else
            QCoreApplication.translate("FilesView", "{n} dossiers"))
    return text.format(n=n)


class PipelineBoard(QScrollArea):
    """The eight stage columns side by side, scrolling horizontally."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.columns: dict[Stage, StageColumnWidget] = {}
        for stage in Stage:
            column = StageColumnWidget(stage, inner)
            self.columns[stage] = column
            row.addWidget(column)
        row.addStretch(1)
        self.setWidget(inner)

    def set_columns(self, columns: Sequence[pipeline.StageColumn]) -> None:
        for column in columns:
            self.columns[column.stage].set_column(column)


# --- List mode ----------------------------------------------------------------------------------


def _list_headers() -> list[str]:
    return [QCoreApplication.translate("FilesView", "Référence"),
            QCoreApplication.translate("FilesView", "Intitulé"),
            QCoreApplication.translate("FilesView", "Association"),
            QCoreApplication.translate("FilesView", "Entreprise"),
            QCoreApplication.translate("FilesView", "Étape"),
            QCoreApplication.translate("FilesView", "Catégorie"),
            QCoreApplication.translate("FilesView", "Statut"),
            QCoreApplication.translate("FilesView", "Facilitateur"),
            QCoreApplication.translate("FilesView", "Commune"),
            QCoreApplication.translate("FilesView", "À l'étape depuis")]


def _stage_text(value: Any) -> str:
    try:
        return label(Stage(int(value)))
    except (ValueError, TypeError):
        return str(value)


def _status_text(value: Any) -> str:
    try:
        return label(FileStatus(value))
    except ValueError:
        return str(value)


class FilterCombo(QComboBox):
    """A filter: first item « all » (no filter), then (value, text) pairs."""

    def __init__(self, all_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_text = all_text
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.set_choices([])

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        current = self.value()
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self._all_text, None)
            for value, text in choices:
                self.addItem(text, value)
            index = self.findData(current) if current is not None else 0
            self.setCurrentIndex(max(0, index))

    def value(self) -> Any:
        return self.currentData()


# --- The view -------------------------------------------------------------------------------


class FilesView(QWidget):
    """« Dossiers »: pipeline board and list, « Nouveau dossier », CSV export."""

    BOARD, LIST = 0, 1

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._board_token = 0
        self._stale = True
        self._board_loaded = False
        self._select_after_load: uuid.UUID | None = None

        title = QLabel(QCoreApplication.translate("FilesView", "Dossiers d'accompagnement"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.board_button = QPushButton(QCoreApplication.translate(
            "FilesView", "Tableau de bord"), self)
        self.list_button = QPushButton(QCoreApplication.translate("FilesView", "Liste"), self)
        self._modes = QButtonGroup(self)
        for index, button in enumerate((self.board_button, self.list_button)):
            button.setCheckable(True)
            self._modes.addButton(button, index)
        self.board_button.setChecked(True)
        for button in (self.board_button, self.list_button):
            button.setStyleSheet(_SEGMENT_STYLE)
        self._modes.idClicked.connect(self._handle_mode_clicked)
        self.inactive_check = QCheckBox(QCoreApplication.translate(
            "FilesView", "Afficher les dossiers en pause ou abandonnés"), self)
        self.inactive_check.toggled.connect(self._handle_inactive_toggled)
        self.export_button = QPushButton(QCoreApplication.translate(
            "FilesView", "Exporter…"), self)
        self.export_button.setToolTip(QCoreApplication.translate(
            "FilesView", "Exporter les dossiers affichés, avec les filtres "
                         "et le tri en cours"))
        self.export_button.clicked.connect(self._handle_export_clicked)
        self.new_button = QPushButton(QCoreApplication.translate(
            "FilesView", "Nouveau dossier"), self)
        self.new_button.setStyleSheet("QPushButton { font-weight: 600; padding: 4px 14px; }")
        self.new_button.clicked.connect(self._handle_new_clicked)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        segments = QHBoxLayout()
        segments.setSpacing(0)
        segments.addWidget(self.board_button)
        segments.addWidget(self.list_button)
        top.addLayout(segments)
        top.addSpacing(16)
        top.addWidget(self.inactive_check)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.new_button)

        # Board page
        self.board = PipelineBoard(self)
        for column in self.board.columns.values():
            column.model.move_requested.connect(self._handle_move_requested)
            column.view.doubleClicked.connect(self._handle_card_activated)
            column.view.activated.connect(self._handle_card_activated)
            column.view.customContextMenuRequested.connect(
                lambda pos, view=column.view: self._handle_card_menu(view, pos))
        self.board_empty = QLabel(QCoreApplication.translate(
            "FilesView", "Aucun dossier pour l'instant.\nCréez le premier avec "
                         "« Nouveau dossier » : il apparaîtra dans la colonne "
                         "« Premier contact »."), self)
        self.board_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.board_empty.setStyleSheet("color: #667085; font-size: 12pt;")
        self.board_stack = QStackedWidget(self)
        self.board_stack.addWidget(self.board)
        self.board_stack.addWidget(self.board_empty)

        # List page
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(QCoreApplication.translate(
            "FilesView", "Rechercher (référence, intitulé, "
                         "organisation…)"))
        self.search_edit.setClearButtonEnabled(True)
        self.stage_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Toutes les étapes"), self)
        self.stage_filter.set_choices([(int(s), f"{int(s)}. {label(s)}") for s in Stage])
        self.category_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Toutes les catégories"), self)
        self.category_filter.set_choices([(c.value, label(c)) for c in PartnershipCategory])
        self.status_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Tous les statuts"), self)
        self.status_filter.set_choices([(s.value, label(s)) for s in FileStatus])
        self.facilitator_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Tous les facilitateurs"), self)
        self.commune_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Toutes les communes"), self)
        self.theme_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Tous les thèmes"), self)
        self.size_filter = FilterCombo(QCoreApplication.translate(
            "FilesView", "Toutes les tailles d'entreprise"), self)
        self.size_filter.set_choices([(s.value, label(s)) for s in CompanySize])
        self.reset_button = QPushButton(QCoreApplication.translate(
            "FilesView", "Réinitialiser"), self)
        self.reset_button.clicked.connect(self._handle_reset_clicked)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #475467;")
        self._filters: dict[str, FilterCombo] = {
            "stage": self.stage_filter, "category": self.category_filter,
            "status": self.status_filter, "facilitator": self.facilitator_filter,
            "commune_insee": self.commune_filter, "theme": self.theme_filter,
            "company_size": self.size_filter,
        }
        for combo in self._filters.values():
            combo.currentIndexChanged.connect(self._handle_filter_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._apply_query)
        self.search_edit.textChanged.connect(self._search_timer.start)

        self.model = IdTableModel(FileRows(ctx.db), _list_headers(), self,
                                  formatters={"stage": _stage_text,
                                              "category": _category_label,
                                              "status": _status_text})
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for section, width in enumerate((100, 260, 160, 140, 125, 140, 90, 115, 100, 115)):
            header.resizeSection(section, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._handle_row_activated)
        self.table.activated.connect(self._handle_row_activated)
        self.list_empty = QLabel(QCoreApplication.translate(
            "FilesView", "Aucun dossier ne correspond à ces filtres.\nModifiez "
                         "ou réinitialisez les filtres, ou créez un dossier avec "
                         "« Nouveau dossier »."), self)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.setStyleSheet("color: #667085; font-size: 12pt;")
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.list_empty)

        filters_top = QHBoxLayout()
        filters_top.addWidget(self.search_edit, 2)
        for combo in (self.stage_filter, self.category_filter, self.status_filter):
            filters_top.addWidget(combo, 1)
        filters_bottom = QHBoxLayout()
        for combo in (self.facilitator_filter, self.commune_filter, self.theme_filter,
                      self.size_filter):
            filters_bottom.addWidget(combo, 1)
        filters_bottom.addWidget(self.reset_button)
        filters_bottom.addSpacing(12)
        filters_bottom.addWidget(self.count_label)
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(filters_top)
        list_layout.addLayout(filters_bottom)
        list_layout.addWidget(self.list_stack, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.board_stack)
        self.pages.addWidget(list_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._update_mode_widgets()
        # Several entities often change together (a meeting: interaction, task, contact):
        # one refresh per event-loop turn is enough.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.bus.changed.connect(self._handle_data_changed)

    # --- public -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-query the board, the list and the filter choices."""
        self._stale = False
        self._board_token += 1
        token = self._board_token
        db, include = self._ctx.db, self.inactive_check.isChecked()
        self._ctx.runner.run(lambda: pipeline.board(db, include_inactive=include),
                             lambda columns: self._handle_board_loaded(token, columns),
                             self._handle_load_failed)
        self._ctx.runner.run(lambda: pipeline.filter_choices(db), self._handle_choices_loaded,
                             self._handle_load_failed)
        if self._list_ready:
            self.model.reload()
            self._update_count()

    def set_mode(self, mode: int) -> None:
        """Show the board (``FilesView.BOARD``) or the list (``FilesView.LIST``)."""
        self._modes.button(mode).setChecked(True)
        self._handle_mode_clicked(mode)

    def current_query(self) -> ListQuery:
        """The list's query: text, filters and sort, as the table shows it."""
        filters = {key: combo.value() for key, combo in self._filters.items()
                   if combo.value() is not None}
        sort = self.model.query
        return ListQuery(text=self.search_edit.text(), filters=filters,
                         sort_key=sort.sort_key, descending=sort.descending)

    def move_file(self, file_id: uuid.UUID | str, target: Stage | int) -> None:
        """Ask the service to move a file; a refusal is explained, nothing moves."""
        stage = Stage(int(target))
        fid = uuid.UUID(str(file_id))
        db = self._ctx.db
        self._ctx.runner.run(lambda: file_service.move_stage(db, fid, stage),
                             self._handle_moved,
                             lambda exc: self._handle_move_failed(exc, stage))

    def column(self, stage: Stage) -> StageColumnWidget:
        return self.board.columns[stage]

    # --- loading ----------------------------------------------------------------------------
    @property
    def _list_ready(self) -> bool:
        return self.pages.currentIndex() == self.LIST

    def _handle_board_loaded(self, token: int, columns: list[pipeline.StageColumn]) -> None:
        if token != self._board_token:
            return
        self._board_loaded = True
        self.board.set_columns(columns)
        empty = all(c.total == 0 for c in columns) and not self.inactive_check.isChecked()
        self.board_stack.setCurrentIndex(1 if empty else 0)
        if self._select_after_load is not None:
            self._select_card(self._select_after_load)
            self._select_after_load = None

    def _handle_choices_loaded(self, choices: pipeline.FileFilterChoices) -> None:
        self.facilitator_filter.set_choices([(f, f) for f in choices.facilitators])
        self.commune_filter.set_choices(list(choices.communes))
        self.theme_filter.set_choices([(t, t) for t in choices.themes])

    def _handle_load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _handle_data_changed(self, entity: str) -> None:
        if entity not in WATCHED:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- modes ------------------------------------------------------------------------------
    def _handle_mode_clicked(self, mode: int) -> None:
        self.pages.setCurrentIndex(mode)
        if mode == self.LIST:
            self._apply_query()
        self._update_mode_widgets()

    def _update_mode_widgets(self) -> None:
        is_list = self.pages.currentIndex() == self.LIST
        self.inactive_check.setVisible(not is_list)
        self.export_button.setVisible(is_list)

    def _handle_inactive_toggled(self, _checked: bool) -> None:
        self.refresh()

    # --- list -------------------------------------------------------------------------------
    def _handle_filter_changed(self, _index: int) -> None:
        self._apply_query()

    def _handle_reset_clicked(self) -> None:
        for combo in self._filters.values():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        with QSignalBlocker(self.search_edit):
            self.search_edit.clear()
        self._apply_query()

    def _apply_query(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        if query.sort_key is None:
            query = replace(query, sort_key="reference", descending=True)
        self.model.set_query(query)
        self._update_count()

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        self.count_label.setText(files_count(rows))
        self.list_stack.setCurrentIndex(0 if rows else 1)
        self.export_button.setEnabled(rows > 0)

    def _handle_row_activated(self, index: QModelIndex) -> None:
        file_id = self.model.row_id(index.row())
        if file_id is not None:
            self._ctx.bus.file_requested.emit(str(file_id))

    def _handle_export_clicked(self) -> None:
        path = spreadsheet_export.ask_export_path(self, "files")
        if path is None:
            return
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Export every row of the current query to ``path`` (.csv or .xlsx, in the background,
        with progress and cancel)."""
        self.export_button.setEnabled(False)
        spreadsheet_export.export_list(
            self, self._ctx, "files", self.current_query(), path,
            on_done=lambda count: self._handle_exported(path, count),
            on_failed=self._handle_export_failed)

    def _handle_exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        inform(self, QCoreApplication.translate("FilesView", "Export terminé"),
               (QCoreApplication.translate("FilesView", "{n} dossier exporté dans {path}")
                if singular(count) else
                QCoreApplication.translate("FilesView", "{n} dossiers exportés dans {path}"))
               .format(n=count, path=str(path)))

    def _handle_export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(exc, Cancelled):
            show_error(self, exc)

    # --- board ------------------------------------------------------------------------------
    def _handle_card_activated(self, index: QModelIndex) -> None:
        file_id = index.data(ID_ROLE)
        if file_id:
            self._ctx.bus.file_requested.emit(str(file_id))

    def _handle_card_menu(self, view: CardListView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        card = index.data(CARD_ROLE) if index.isValid() else None
        if not isinstance(card, pipeline.FileCard):
            return
        menu = self.card_menu(card)
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def card_menu(self, card: pipeline.FileCard) -> QMenu:
        """The context menu of a card: open, move to a stage, log an exchange."""
        menu = QMenu(self)
        open_action = menu.addAction(QCoreApplication.translate("FilesView", "Ouvrir le dossier"))
        open_action.triggered.connect(
            lambda: self._ctx.bus.file_requested.emit(str(card.id)))
        stages = menu.addMenu(QCoreApplication.translate("FilesView", "Passer à l'étape…"))
        for stage in Stage:
            action = QAction(f"{int(stage)}. {label(stage)}", stages)
            action.setCheckable(True)
            action.setChecked(stage == card.stage)
            action.setEnabled(stage != card.stage)
            action.triggered.connect(
                lambda _checked=False, s=stage: self.move_file(card.id, s))
            stages.addAction(action)
        menu.addSeparator()
        meeting = menu.addAction(QCoreApplication.translate("FilesView", "Consigner un échange…"))
        meeting.triggered.connect(lambda: self._open_meeting(card.id))
        return menu

    def _open_meeting(self, file_id: uuid.UUID) -> None:
        from passerelle.ui.dialogs.meeting import MeetingDialog

        dialog = MeetingDialog(self._ctx, self, file_id=file_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _handle_move_requested(self, file_id: str, stage: int) -> None:
        self.move_file(file_id, stage)

    def _handle_moved(self, dto: file_service.FileDTO) -> None:
        self._select_after_load = dto.id
        self._ctx.bus.changed.emit("partnership_file")

    def _select_card(self, file_id: uuid.UUID) -> None:
        for column in self.board.columns.values():
            row = column.model.row_of(file_id)
            if row is not None:
                column.view.setCurrentIndex(column.model.index(row))
                column.view.scrollTo(column.model.index(row))
                self.board.ensureWidgetVisible(column)
                return

    def _handle_move_failed(self, exc: BaseException, target: Stage) -> None:
        if isinstance(exc, StageRuleViolation):
            explain_refusal(self, exc, target)
        else:
            show_error(self, exc)

    # --- new file ---------------------------------------------------------------------------
    def _handle_new_clicked(self) -> None:
        from passerelle.ui.dialogs.new_file import NewFileDialog

        dialog = NewFileDialog(self._ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._handle_file_created)
        dialog.open()

    def _handle_file_created(self, file_id: str) -> None:
        self._ctx.bus.file_requested.emit(file_id)


__all__ = [
    "CardDelegate",
    "FilesView",
    "StageCardsModel",
    "explain_refusal",
    "inform",
    "refusal_text",
]
