"""A window on screen before the database opens (DESIGN.md §8: start-up vs a bare window).

Importing SQLAlchemy and the models, then opening the database (backup and upgrade when the
schema is behind, device identity), costs several times a bare Qt window's start. So the GUI
first shows :class:`StartupWindow` — the main window's navigation, toolbar and Accueil as they
will look, greyed — and opens the database on a thread while the event loop keeps that window
painted and movable. Only then is the real main window built (at the same place: both restore
the saved geometry) and Accueil's data loaded, off the UI thread as always. The order that
matters is kept: nothing reads data before the upgrade has finished, and a failed upgrade
still ends with its message.

This module imports Qt and the main window's module only (which stays free of SQLAlchemy).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.ui.settings import Settings
from passerelle.ui.widgets.nav_icons import line_icon
from passerelle.ui.widgets.panels import PAGE_MARGINS, Card, PageHeader, make_table

if TYPE_CHECKING:
    from passerelle.store.database import Database


@dataclass(frozen=True)
class PendingDatabase:
    """A database the GUI opens itself, once its start-up window shows.

    ``open`` does what ``bootstrap.open_database`` does (backup, upgrade, device identity); it
    runs on a worker thread and may raise a ``PasserelleError`` that the GUI shows.
    """

    path: Path
    open: Callable[[], Database]


class StartupWindow(QMainWindow):
    """The main window's frame while the database opens: nothing in it is clickable yet."""

    def __init__(self, db_path: Path, settings: Settings | None = None) -> None:
        super().__init__()
        from passerelle.ui.main_window import _NAV_STYLE, NAV_WIDTH, VIEW_KEYS, _view_specs

        self.settings = settings if settings is not None else Settings()
        self.setObjectName("StartupWindow")
        self.setWindowTitle(db_path.name)
        specs = {spec.key: spec for spec in _view_specs()}

        self.nav = QListWidget(self)
        self.nav.setObjectName("NavList")
        self.nav.setStyleSheet(_NAV_STYLE)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setMinimumWidth(160)
        for key in VIEW_KEYS:
            spec = specs[key]
            item = QListWidgetItem(line_icon(spec.icon, "#3c4a5a", "#ffffff"), spec.title())
            item.setSizeHint(QSize(NAV_WIDTH - 20, 38))
            self.nav.addItem(item)
        self.nav.setCurrentRow(0)  # Accueil, as the main window opens on it
        self.nav.setEnabled(False)

        translate = QCoreApplication.translate  # lupdate reads calls named translate(...)
        home = QWidget(self)
        layout = QVBoxLayout(home)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        self.header = PageHeader(
            translate("HomeView", "Bonjour"),
            translate("StartupWindow", "Ouverture de la base {name}…").format(name=db_path.name),
            home,
        )
        layout.addWidget(self.header)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(self._card(translate("HomeView", "Mes relances"), home), 1)
        right = QVBoxLayout()
        right.setSpacing(14)
        right.addWidget(self._card(translate("HomeView", "Dossiers récemment modifiés"), home), 1)
        right.addWidget(self._card(translate("HomeView", "Dossiers qui stagnent"), home), 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(home)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setHandleWidth(1)
        self.splitter.setSizes([NAV_WIDTH, 1170])
        self.setCentralWidget(self.splitter)

        # the same menu titles, toolbar and search field as the main window: no jump at the swap
        for title in (translate("MainWindow", "&Fichier"), translate("MainWindow", "&Affichage"),
                      translate("SyncMenu", "&Synchronisation"), translate("MainWindow", "Aid&e")):
            self.menuBar().addMenu(title).setEnabled(False)
        toolbar = QToolBar(self)
        toolbar.setMovable(False)
        toolbar.setObjectName("main_toolbar")
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setStyleSheet(
            "QToolBar#main_toolbar { spacing: 8px; padding: 6px 10px; "
            "border-bottom: 1px solid #d5dde5; }"
        )
        search = QLineEdit(toolbar)
        search.setPlaceholderText(
            QCoreApplication.translate(
                "SearchBox",
                "Rechercher une organisation, un contact, un dossier, une note… (Ctrl+K)",
            )
        )
        search.addAction(line_icon("search", "#6b7785"), QLineEdit.ActionPosition.LeadingPosition)
        search.setMinimumWidth(360)
        search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        search.setMaximumWidth(620)
        search.setEnabled(False)
        toolbar.addWidget(search)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        meeting = QToolButton(toolbar)
        meeting.setText(translate("MainWindow", "Consigner un échange"))
        meeting.setObjectName("MeetingButton")
        meeting.setStyleSheet(
            "QToolButton#MeetingButton { background: #2f6690; color: white; border-radius: 5px;"
            " padding: 5px 12px; font-weight: 600; }"
        )
        meeting.setEnabled(False)
        toolbar.addWidget(meeting)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.statusBar().showMessage(
            translate("StartupWindow", "Ouverture de la base {name}…").format(name=db_path.name)
        )
        self._restore_geometry()

    @staticmethod
    def _card(title: str, parent: QWidget) -> Card:
        table = make_table(parent)
        table.setEnabled(False)
        return Card(title, table, "", parent)

    def _restore_geometry(self) -> None:
        """Where the main window will open (the same saved geometry), to swap in place."""
        geometry = self.settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else None
            width, height = 1366, 768
            if available is not None and available.width() > 0:
                width = min(width, available.width())
                height = min(height, available.height())
            self.resize(width, height)
        splitter = self.settings.splitter_state("main")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)


def open_while_showing(opener: Callable[[], Any], on_shown: Callable[[], None] | None = None
                       ) -> Any:
    """Run ``opener`` on a thread while the event loop runs; return its result or re-raise.

    The thread starts on the loop's first turn, once the window is painted: started earlier
    (before the QApplication, say), its imports compete for the GIL with Qt's start and the
    window shows later without the database opening any sooner (measured). ``on_shown`` runs
    on that first turn (the start-up benchmark records when the window is on screen).
    """
    box: dict[str, Any] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["result"] = opener()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the GUI thread below
            box["error"] = exc
        finally:
            done.set()

    thread = threading.Thread(target=work, name="open-database")
    loop = QEventLoop()

    def first_turn() -> None:
        if on_shown is not None:
            on_shown()
        thread.start()
        timer.start()

    def poll() -> None:
        if done.is_set():
            loop.quit()

    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(poll)
    QTimer.singleShot(0, first_turn)
    loop.exec()
    timer.stop()
    if not thread.is_alive() and not done.is_set() and thread.ident is None:
        thread.start()  # the loop ended before its first turn (the application quit)
    # The loop also ends when the application is asked to quit: an upgrade is never cut
    # short, it finishes before the caller goes on.
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


#: How often the GUI thread looks whether the database is open.
POLL_MS = 5


def mark(event: str) -> None:
    """Start-up benchmark: the wall-clock time of ``event``, on stderr."""
    import sys

    sys.stderr.write(f"passerelle-startup {event}={time.time():.6f}\n")
    sys.stderr.flush()
