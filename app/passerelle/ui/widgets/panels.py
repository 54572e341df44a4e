"""Building blocks shared by the simple views: page header, card, empty state, read-only table.

They give Accueil, Conventions, Événements, Observatoire and Registre the same margins, title
sizes and empty-state wording style, so the views look like one application.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

PAGE_MARGINS = (24, 18, 24, 18)
MUTED = "#5f6b7a"
DANGER = "#b42318"

_CARD_STYLE = (
    "QFrame#Card { background: palette(base); border: 1px solid #dde3e9; border-radius: 8px; }"
    "QLabel#CardTitle { font-weight: 600; }"
    f"QLabel#CardHint {{ color: {MUTED}; }}"
    f"QLabel#EmptyState {{ color: {MUTED}; padding: 18px; }}"
)


def title_font(delta: float = 6) -> QFont:
    """The application font, larger and semi-bold (page and card titles)."""
    font = QFont()
    font.setPointSizeF(max(9.0, font.pointSizeF() + delta))
    font.setWeight(QFont.Weight.DemiBold)
    return font


class PageHeader(QWidget):
    """A view's title and one explanatory line under it."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        self.title = QLabel(title, self)
        self.title.setFont(title_font(6))
        self.title.setObjectName("PageTitle")
        layout.addWidget(self.title)
        self.subtitle = QLabel(subtitle, self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet(f"color: {MUTED};")
        self.subtitle.setVisible(bool(subtitle))
        layout.addWidget(self.subtitle)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))


class Card(QFrame):
    """A white rounded panel: a title row, an optional hint, then the content or an empty state.

    ``set_empty(True)`` swaps the content for the explanatory sentence (what the list will hold
    and how to fill it), so an empty table never looks broken.
    """

    def __init__(
        self, title: str, content: QWidget, empty_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setStyleSheet(_CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        self.header = QHBoxLayout()
        self.header.setSpacing(8)
        self.title = QLabel(title, self)
        self.title.setObjectName("CardTitle")
        self.title.setFont(title_font(2))
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        layout.addLayout(self.header)
        self.hint = QLabel(self)
        self.hint.setObjectName("CardHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout.addWidget(self.hint)
        self.stack = QStackedWidget(self)
        self.content = content
        self.stack.addWidget(content)
        self.empty = QLabel(empty_text, self)
        self.empty.setObjectName("EmptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

    def add_header_widget(self, widget: QWidget) -> None:
        """Put a control (checkbox, button) at the right of the title."""
        self.header.addWidget(widget)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def set_empty(self, empty: bool, text: str | None = None) -> None:
        if text is not None:
            self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty if empty else self.content)

    def is_empty_shown(self) -> bool:
        return self.stack.currentWidget() is self.empty


def make_table(parent: QWidget | None = None, *, object_name: str = "") -> QTableView:
    """A read-only, row-selecting table without grid or row numbers."""
    table = QTableView(parent)
    if object_name:
        table.setObjectName(object_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setFrameShape(QFrame.Shape.NoFrame)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return table


def size_columns(table: QTableView, widths: dict[int, int], stretch: int) -> None:
    """Fixed starting widths for some columns, and one column that takes the remaining room.

    The stretching column is usually the longest text (a title, an object), so the table fits
    its card at 1366×768 without a horizontal scroll bar; the others stay user-resizable.
    """
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def format_euros(cents: int | None) -> str:
    """An amount in euros in the user's locale (« 1 234,50 € » in French)."""
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, "€", 2)


def format_date(value: object) -> str:
    """A date (or datetime) in the locale's short format; empty for None."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        return QLocale().toString(value.date(), QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return QLocale().toString(value, QLocale.FormatType.ShortFormat)
    return ""
