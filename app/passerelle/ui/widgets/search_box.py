"""The global search box: results as you type, grouped by entity, driven from the keyboard.

Typing waits ~150 ms for a pause (qutebrowser's ``Throttle`` idea), then runs one
``services.search.global_search`` off the UI thread; an answer to an older query is dropped.
Results show in a panel under the box that belongs to the main window (a child widget, not a
popup window: the box keeps the keyboard focus, and screenshots include the panel). Down/Up
move across groups, Enter opens, Escape closes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMoveEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.ui.context import UiContext
from passerelle.ui.i18n import label
from passerelle.ui.widgets.nav_icons import line_icon

if TYPE_CHECKING:  # the search service (SQLAlchemy) is imported at the first search
    from passerelle.services.search import SearchGroup, SearchResult

DEBOUNCE_MS = 150
PANEL_MIN_WIDTH = 560
PANEL_MAX_HEIGHT = 480
#: One letter matches a large part of any base: wait for a second one.
MIN_QUERY_LENGTH = 2

ResultRole = Qt.ItemDataRole.UserRole + 1
IsHeaderRole = Qt.ItemDataRole.UserRole + 2
ContextRole = Qt.ItemDataRole.UserRole + 3
SnippetRole = Qt.ItemDataRole.UserRole + 4

_MARK = re.compile(r"\[([^\]]*)\]")


def group_title(entity: str) -> str:
    """The translated heading of a group of results."""
    titles = {
        "organisation": QCoreApplication.translate("SearchBox", "Organisations"),
        "contact": QCoreApplication.translate("SearchBox", "Contacts"),
        "partnership_file": QCoreApplication.translate("SearchBox", "Dossiers"),
        "interaction": QCoreApplication.translate("SearchBox", "Échanges"),
        "document": QCoreApplication.translate("SearchBox", "Documents"),
    }
    return titles.get(entity, entity)


def context_text(parts: Sequence[Any]) -> str:
    """A result's context line in the user's language: labels translated, dates localised."""
    locale = QLocale()
    out: list[str] = []
    for part in parts:
        if isinstance(part, Enum) and hasattr(part, "label"):
            out.append(label(part))
        elif isinstance(part, datetime):
            out.append(locale.toString(part.date(), QLocale.FormatType.ShortFormat))
        elif isinstance(part, date):
            out.append(locale.toString(part, QLocale.FormatType.ShortFormat))
        elif part not in (None, ""):
            out.append(str(part))
    return " · ".join(out)


def snippet_html(snippet: str) -> str:
    """The FTS snippet as rich text: matched words (between brackets) in bold."""
    escaped = html.escape(snippet)
    return _MARK.sub(lambda m: f"<b>{m.group(1)}</b>", escaped)


@dataclass(frozen=True, slots=True)
class _Row:
    entity: str
    result: SearchResult | None  # None: the group's heading


class SearchResultsModel(QAbstractListModel):
    """Groups flattened into one list: a heading row (not selectable) then its results."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def set_groups(self, groups: Sequence[SearchGroup]) -> None:
        self.beginResetModel()
        self._rows = []
        for group in groups:
            if not group.hits:
                continue
            self._rows.append(_Row(group.entity, None))
            self._rows.extend(_Row(group.entity, hit) for hit in group.hits)
        self.endResetModel()

    def result_count(self) -> int:
        return sum(1 for r in self._rows if r.result is not None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].result is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        hit = row.result
        if role == Qt.ItemDataRole.DisplayRole:
            return group_title(row.entity) if hit is None else hit.title
        if role == IsHeaderRole:
            return hit is None
        if hit is None:
            return None
        if role == ResultRole:
            return hit
        if role in (ContextRole, Qt.ItemDataRole.ToolTipRole):
            return context_text(hit.context_parts) or hit.context
        if role == SnippetRole:
            return hit.snippet
        return None

    def result_rows(self) -> list[int]:
        """Rows that hold a result (headings excluded), in order."""
        return [n for n, r in enumerate(self._rows) if r.result is not None]


class SearchResultDelegate(QStyledItemDelegate):
    """Headings in small grey capitals; results as title, context line and highlighted snippet."""

    HEADER_HEIGHT = 28
    PAD = 8

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        title = QFont(base)
        title.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        header = QFont(small)
        header.setWeight(QFont.Weight.Bold)
        header.setCapitalization(QFont.Capitalization.AllUppercase)
        header.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        return title, small, header

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.data(IsHeaderRole):
            return QSize(200, self.HEADER_HEIGHT)
        title, small, _ = self._fonts(option)
        height = QFontMetrics(title).height() + QFontMetrics(small).height() + 2 * self.PAD
        if index.data(SnippetRole):
            height += QFontMetrics(small).height() + 2
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        title_font, small_font, header_font = self._fonts(option)
        rect: QRect = option.rect
        palette = option.palette
        painter.save()
        if index.data(IsHeaderRole):
            if index.row() > 0:
                painter.setPen(palette.color(QPalette.ColorRole.Midlight))
                painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
            painter.setFont(header_font)
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(
                rect.adjusted(self.PAD + 4, 4, -self.PAD, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif hovered:
            painter.fillRect(rect, QColor("#eef3f8"))
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        grey = QColor("#dfe9f2") if selected else QColor("#5f6b7a")
        inner = rect.adjusted(self.PAD + 12, self.PAD, -self.PAD, -self.PAD)
        title_fm = QFontMetrics(title_font)
        small_fm = QFontMetrics(small_font)
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = title_fm.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), title_fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        y = inner.top() + title_fm.height()
        painter.setFont(small_font)
        painter.setPen(grey)
        context = small_fm.elidedText(
            str(index.data(ContextRole) or ""), Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(
            QRect(inner.left(), y, inner.width(), small_fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            context,
        )
        snippet = index.data(SnippetRole)
        if snippet:
            y += small_fm.height() + 2
            doc = QTextDocument()
            doc.setDefaultFont(small_font)
            doc.setDocumentMargin(0)
            plain = small_fm.elidedText(snippet, Qt.TextElideMode.ElideRight, inner.width() - 12)
            doc.setHtml(f"<span>{snippet_html(plain)}</span>")
            doc.setTextWidth(inner.width())
            painter.translate(inner.left(), y)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette.setColor(
                QPalette.ColorRole.Text, text_color if selected else QColor("#3c4a5a")
            )
            ctx.clip = QRect(0, 0, inner.width(), small_fm.height() + 2)
            doc.documentLayout().draw(painter, ctx)
        painter.restore()


class SearchResultsPanel(QFrame):
    """The panel under the search box: the result list, or a sentence when nothing matched."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("SearchResultsPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#SearchResultsPanel { background: palette(base); border: 1px solid #c5cdd6;"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 4, 1, 4)
        layout.setSpacing(0)
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(False)
        self.list.viewport().setAutoFillBackground(False)
        layout.addWidget(self.list)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(14, 12, 14, 12)
        self.empty.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(self.empty)
        self.empty.hide()
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shadow.setColor(QColor(20, 30, 40, 70))
        self.setGraphicsEffect(shadow)
        self.hide()


class SearchBox(QWidget):
    """Line edit + result panel. ``result_activated`` carries the chosen :class:`SearchResult`.

    A result that leads to a file (a file, or an interaction or document of a file) also asks
    for that file through ``ctx.bus.file_requested``; organisations and contacts are for the
    main window to show (it switches view and selects the row).
    """

    result_activated = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._last_query = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("GlobalSearchField")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(
            QCoreApplication.translate(
                "SearchBox",
                "Rechercher une organisation, un contact, un dossier, une note… (Ctrl+K)",
            )
        )
        self.edit.addAction(
            line_icon("search", "#6b7785"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.edit.setMinimumWidth(360)
        self.edit.setAccessibleName(QCoreApplication.translate("SearchBox", "Recherche globale"))
        layout.addWidget(self.edit)
        self._panel: SearchResultsPanel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._handle_timer_fired)
        self.edit.textChanged.connect(self._handle_text_changed)
        self.edit.installEventFilter(self)

    # --- public --------------------------------------------------------------------------

    @property
    def panel(self) -> SearchResultsPanel:
        """The result panel, created on first use as a child of the top-level window."""
        if self._panel is None:
            self._panel = SearchResultsPanel(self.window())
            self._panel.list.clicked.connect(self._handle_result_clicked)
        return self._panel

    def focus_search(self) -> None:
        """Put the cursor in the box with its text selected (Ctrl+K)."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if (
            self.edit.text().strip()
            and self._panel is not None
            and self._panel.model.rowCount() > 0
        ):
            self._show_panel()

    def search_now(self, text: str) -> None:
        """Set the text and search immediately, without the typing pause (tests, screenshots)."""
        self.edit.setText(text)
        self._timer.stop()
        self._handle_timer_fired()

    def close_results(self) -> None:
        if self._panel is not None:
            self._panel.hide()

    def results_visible(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def current_result(self) -> SearchResult | None:
        from passerelle.services.search import SearchResult

        if self._panel is None:
            return None
        index = self._panel.list.currentIndex()
        result = index.data(ResultRole) if index.isValid() else None
        return result if isinstance(result, SearchResult) else None

    # --- typing and searching ---------------------------------------------------------------

    def _handle_text_changed(self, text: str) -> None:
        if len(text.strip()) < MIN_QUERY_LENGTH:
            self._timer.stop()
            self._generation += 1
            self.close_results()
            return
        self._timer.start()

    def _handle_timer_fired(self) -> None:
        query = self.edit.text().strip()
        if len(query) < MIN_QUERY_LENGTH:
            return
        self._generation += 1
        generation = self._generation
        db = self.ctx.db

        def op() -> list[SearchGroup]:
            from passerelle.services.search import global_search

            return global_search(db, query)

        def done(groups: list[SearchGroup]) -> None:
            self._handle_results(generation, query, groups)

        self.ctx.runner.run(op, done, db=False)

    def _handle_results(self, generation: int, query: str, groups: list[SearchGroup]) -> None:
        if generation != self._generation:
            return  # the user typed on: an answer to an older query
        self._last_query = query
        panel = self.panel
        panel.model.set_groups(groups)
        has_results = panel.model.result_count() > 0
        panel.list.setVisible(has_results)
        panel.empty.setVisible(not has_results)
        if has_results:
            first = panel.model.result_rows()[0]
            panel.list.setCurrentIndex(panel.model.index(first))
            panel.list.scrollToTop()
        else:
            panel.empty.setText(
                QCoreApplication.translate(
                    "SearchBox",
                    "Aucun résultat pour « {query} ». Essayez un autre mot, ou le début d'un nom.",
                ).format(query=query)
            )
        if self.edit.hasFocus() or self.isVisible():
            self._show_panel()

    def _show_panel(self) -> None:
        panel = self.panel
        window = self.window()
        top_left = self.edit.mapTo(window, QPoint(0, self.edit.height() + 4))
        width = max(self.edit.width(), PANEL_MIN_WIDTH)
        width = min(width, window.width() - 16)
        x = min(top_left.x(), window.width() - width - 8)
        if panel.model.result_count():
            rows = panel.model.rowCount()
            content = sum(panel.list.sizeHintForRow(r) for r in range(rows)) + 10
        else:
            content = panel.empty.sizeHint().height() + 10
        available = window.height() - top_left.y() - 16
        height = max(60, min(content, PANEL_MAX_HEIGHT, available))
        panel.setGeometry(x, top_left.y(), width, height)
        panel.show()
        panel.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.results_visible():
            self._show_panel()  # follow the box when the toolbar or window changes size

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        if self.results_visible():
            self._show_panel()

    # --- keyboard ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._handle_key(event):
                return True
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            # Clicking a result keeps the focus here (the list takes none); any other focus
            # change means the user went elsewhere.
            QTimer.singleShot(0, self._handle_focus_left)
        return super().eventFilter(watched, event)

    def _handle_focus_left(self) -> None:
        if not self.edit.hasFocus():
            self.close_results()

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.results_visible():
                self.close_results()
            else:
                self.edit.clear()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if (
                not self.results_visible()
                and self._panel is not None
                and self._panel.model.result_count()
            ):
                self._show_panel()
                return True
            self._move(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():  # typed and pressed Enter at once: search first
                self._timer.stop()
                self._handle_timer_fired()
            result = self.current_result()
            if result is not None and self.results_visible():
                self._activate(result)
            return True
        return False

    def _move(self, step: int) -> None:
        if self._panel is None:
            return
        rows = self._panel.model.result_rows()
        if not rows:
            return
        current = self._panel.list.currentIndex().row()
        if current not in rows:
            target = rows[0] if step > 0 else rows[-1]
        else:
            position = rows.index(current) + step
            target = rows[max(0, min(len(rows) - 1, position))]
        index = self._panel.model.index(target)
        self._panel.list.setCurrentIndex(index)
        self._panel.list.scrollTo(index)

    def _handle_result_clicked(self, index: QModelIndex) -> None:
        from passerelle.services.search import SearchResult

        result = index.data(ResultRole)
        if isinstance(result, SearchResult):
            self._activate(result)

    def _activate(self, result: SearchResult) -> None:
        self.close_results()
        if result.entity in ("partnership_file", "interaction", "document") and result.file_id:
            self.ctx.bus.file_requested.emit(str(result.file_id))
        self.result_activated.emit(result)
