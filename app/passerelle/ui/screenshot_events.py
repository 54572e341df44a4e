"""Screenshots of the events issue's screens: an event's detail and the speed-dating plan.

Kept apart from ``screenshot.py`` (a shared file) so that it only gains one call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from passerelle.services.overview import list_events
from passerelle.store.database import Database
from passerelle.ui.context import UiContext


def _showcase_event(db: Database) -> Any:
    """The speed-dating with the most present organisations, else the busiest event."""
    rows = list_events(db)
    if not rows:
        return None
    speed = [r for r in rows if str(getattr(r.kind, "value", r.kind)) == "speed_dating"]
    return max(speed or rows, key=lambda r: (r.present, r.invited, r.starts_at))


def shoot_events(db: Database, ctx: UiContext, window: Any,
                 save: Callable[..., None], composite: Callable[[QWidget, QWidget], QPixmap],
                 close_dialog: Callable[[QDialog], None], settle: Callable[[], None]) -> None:
    """``event_detail`` and ``speed_dating_plan`` when the database holds an event."""
    event = _showcase_event(db)
    if event is None:
        return
    window.show_view("events")
    window.view("events").select_event(event.id)
    save("event_detail")
    if str(getattr(event.kind, "value", event.kind)) != "speed_dating":
        return
    from passerelle.ui.dialogs.events import PlannerDialog

    dialog = PlannerDialog(ctx, event.id, window)
    dialog.show()
    settle()
    save("speed_dating_plan", composite(window, dialog))
    close_dialog(dialog)
