"""What every view needs, passed explicitly (no global main-window object, unlike Anki's mw)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from passerelle.ui.tasks import TaskRunner

if TYPE_CHECKING:  # SQLAlchemy is imported after the window shows (ui/startup_window.py)
    from passerelle.store.database import Database


class DataBus(QObject):
    """Tells views that data changed, so they re-query. ``changed`` carries an entity name
    (``"organisation"``, ``"partnership_file"``, ``"interaction"``, ``"task"``…) or ``"*"``."""

    changed = Signal(str)
    file_requested = Signal(str)  # a file id to open in the detail view
    organisation_requested = Signal(str)  # an organisation id to show in Organisations


@dataclass
class UiContext:
    """The open database, the background runner and the data-change bus."""

    db: Database
    runner: TaskRunner
    bus: DataBus
    #: where generated documents go (the data folder's « documents », honouring --data-dir)
    documents_dir: Path | None = None
