"""What the read-only overview views share: re-query when data they show has changed."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from passerelle.ui.context import UiContext


class RefreshingView(QWidget):
    """A view that reloads on ``ctx.bus.changed`` for the entities it shows.

    A visible view reloads at once; a hidden one only remembers it is stale and reloads when
    it is next shown, so a save never costs the queries of every view. Subclasses set
    ``relevant`` and implement :meth:`refresh`.
    """

    relevant: frozenset[str] = frozenset({"*"})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.bus.changed.connect(self._handle_data_changed)

    def refresh(self) -> None:
        """Load the view's data (on the runner); subclasses clear ``_stale``."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _handle_data_changed(self, entity: str) -> None:
        if entity in self.relevant:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True
