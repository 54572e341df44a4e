"""A read-only table model over a short list of frozen records (DTOs from a service).

For the small lists of Accueil, Conventions and Événements (tens to a few thousand rows loaded
at once). The big lists (organisations, contacts, files) use the id-based lazy
``IdTableModel`` instead (STYLE.md 7.2). Columns are declared with functions that turn a record
into display text, so the model holds no knowledge of any entity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

R = TypeVar("R")

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

#: Role returning the record of a row (any column).
RecordRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: heading, display text of a record, and optional sort key and tooltip."""

    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[R], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records; ``foreground(record)`` may colour a row (overdue tasks in red)."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        foreground: Callable[[R], QColor | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._records: list[R] = []
        self._foreground = foreground
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- content ---------------------------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        """Replace the rows, keeping the order the user chose by clicking a heading."""
        self.beginResetModel()
        self._records = list(records)
        if self._sort is not None:
            self._sort_records(*self._sort)
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    # --- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        rec = self.record(index.row())
        if rec is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(rec)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(rec) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._foreground(rec)
        if role == RecordRole:
            return rec
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section].align.value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """In-memory sort (short lists): by the column's sort key, or its display text."""
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_records(column, order)
        self.layoutChanged.emit()

    def _sort_records(self, column: int, order: Qt.SortOrder) -> None:
        spec = self.columns[column]
        key = spec.sort_key or (lambda r: spec.text(r).casefold())
        descending = order == Qt.SortOrder.DescendingOrder
        present = [r for r in self._records if key(r) is not None]
        missing = [r for r in self._records if key(r) is None]
        present.sort(key=key, reverse=descending)
        self._records = present + missing  # empty values last, whatever the direction


class CheckableRecordModel(RecordTableModel[R]):
    """A record table whose first column is a checkbox (« Fait »).

    Ticking does not change the record: it emits ``check_requested(record)`` and the view runs
    the service operation; the list refreshes when the data-change bus says so.
    """

    check_requested = Signal(object)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked.value
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            rec = self.record(index.row())
            if rec is not None and state == Qt.CheckState.Checked.value:
                self.check_requested.emit(rec)
                return True
        return False
