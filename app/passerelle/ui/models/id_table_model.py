"""A lazy table model that keeps row ids, not rows (like Anki's ``browser/table/model.py``).

The model holds the ordered SQLite rowids of the current query in an ``array('q')`` (8 bytes a
row: under 1 MB for 100,000 rows) and fetches display values a block of ~200 rows at a time,
with one ``WHERE rowid IN (...)`` query, when the view asks for a row it has not seen. Blocks
live in a small LRU, so scrolling through a huge list keeps memory bounded. Sorting and
filtering are SQL re-queries through the :class:`~passerelle.services.lists.RowSource`; there is
no ``QSortFilterProxyModel`` over everything (STYLE.md 7.2).
"""

from __future__ import annotations

import uuid
from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from passerelle.services.lists import ListQuery, ListRow, RowSource

BLOCK_SIZE = 200
MAX_BLOCKS = 50
#: Role returning the row's UUID as text (for views, tests and drag-and-drop).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role returning the raw value of a cell (before formatting).
RAW_ROLE = Qt.ItemDataRole.UserRole + 2

Formatter = Callable[[Any], str]
_Index = QModelIndex | QPersistentModelIndex


def default_format(value: Any) -> str:
    """Display text of a raw value: dates the French way, booleans as Oui/Non, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (QCoreApplication.translate("IdTableModel", "Oui") if value
                else QCoreApplication.translate("IdTableModel", "Non"))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


class IdTableModel(QAbstractTableModel):
    """Rows of a :class:`RowSource`, fetched lazily by blocks.

    ``formatters`` maps a column key to a function turning the raw value into display text
    (vocabulary labels, for instance); other columns use :func:`default_format`. The model is
    empty until the first :meth:`set_query` (views call it from ``refresh``).
    """

    def __init__(self, source: RowSource, headers: Sequence[str],
                 parent: QObject | None = None, *,
                 formatters: Mapping[str, Formatter] | None = None) -> None:
        super().__init__(parent)
        if len(headers) != len(source.columns):
            raise ValueError("one header per source column is required")
        self._source = source
        self._headers = list(headers)
        self._formatters = dict(formatters or {})
        self._query = ListQuery()
        self._ids: array[int] = array("q")
        self._blocks: OrderedDict[int, dict[int, ListRow]] = OrderedDict()
        self._queried = False

    # --- Query -------------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def source(self) -> RowSource:
        return self._source

    def set_query(self, query: ListQuery) -> None:
        """Re-run the query (ids only) and reset the model; blocks load as rows are shown."""
        self.beginResetModel()
        self._query = query
        self._queried = True
        self._ids = self._source.ids(query)
        self._blocks.clear()
        self.endResetModel()

    def reload(self) -> None:
        """Re-query with the current query after a write (rows may have come or gone)."""
        ids = self._source.ids(self._query)
        if ids == self._ids:
            self.mark_stale()
            return
        self.beginResetModel()
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def mark_stale(self) -> None:
        """Drop cached values (the rows were edited) and let views repaint what they show."""
        self._blocks.clear()
        if self._ids and self._headers:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self._headers) - 1))

    # --- Lookups -----------------------------------------------------------------------------
    def row_id(self, row: int) -> uuid.UUID | None:
        """The UUID of the entity shown at ``row`` (None outside the rows)."""
        item = self._row(row)
        return item.id if item is not None else None

    def rowid_at(self, row: int) -> int | None:
        """The SQLite rowid shown at ``row`` (cheap: no query)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of_rowid(self, rowid: int) -> int | None:
        """The row showing ``rowid``, or None when the current query excludes it."""
        try:
            return self._ids.index(rowid)
        except ValueError:
            return None

    def row_of_id(self, row_id: uuid.UUID) -> int | None:
        """The row showing the entity ``row_id``, or None when the current query excludes it.

        Cached blocks are searched first; otherwise the source is asked for the rowid when it
        offers ``rowid_of`` (the services' sources do).
        """
        for block in self._blocks.values():
            for item in block.values():
                if item.id == row_id:
                    return self.row_of_rowid(item.rowid)
        rowid_of = getattr(self._source, "rowid_of", None)
        if rowid_of is None:
            return None
        rowid = rowid_of(row_id)
        return self.row_of_rowid(rowid) if rowid is not None else None

    def cached_block_count(self) -> int:
        return len(self._blocks)

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE,
                        RAW_ROLE):
            return None
        item = self._row(index.row())
        if item is None:
            return None
        if role == ID_ROLE:
            return str(item.id)
        column = index.column()
        if not 0 <= column < len(item.values):
            return None
        value = item.values[column]
        if role == RAW_ROLE:
            return value
        key = self._source.columns[column]
        fmt = self._formatters.get(key)
        return fmt(value) if fmt is not None and value is not None else default_format(value)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query sorted by the column's key (the database sorts, not Qt)."""
        if not 0 <= column < len(self._source.columns):
            return
        query = replace(self._query, sort_key=self._source.columns[column],
                        descending=order == Qt.SortOrder.DescendingOrder)
        if not self._queried:
            # A view enabling sorting calls sort() before the first query: just remember the
            # order, so opening a 100,000-row list runs one query, not two.
            self._query = query
            return
        self.set_query(query)

    # --- Blocks ------------------------------------------------------------------------------
    def _row(self, row: int) -> ListRow | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            start = number * BLOCK_SIZE
            block = self._source.rows(self._ids[start:start + BLOCK_SIZE].tolist())
            self._blocks[number] = block
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block.get(self._ids[row])
