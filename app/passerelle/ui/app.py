"""The QApplication and the GUI entry point.

``create_app`` sets what must be set once per process (names used by QSettings, the INI format,
style, palette, a readable font); ``run_gui`` builds the UI context around an open database,
installs translators and the crash handler, and shows the main window. ``smoke=True`` visits
every view and quits: the end-to-end smoke test and the packaged build's self-check use it.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from passerelle.domain.errors import PasserelleError
from passerelle.infra.resources import resource_path
from passerelle.ui import settings as ui_settings
from passerelle.ui.context import DataBus, UiContext
from passerelle.ui.errors import install_excepthook, show_error
from passerelle.ui.i18n import choose_language, install_translators
from passerelle.ui.startup_window import PendingDatabase, StartupWindow, mark, open_while_showing
from passerelle.ui.tasks import TaskRunner
from passerelle.ui.widgets.nav_icons import app_icon

if TYPE_CHECKING:  # SQLAlchemy is imported while the start-up window shows (ui/startup_window.py)
    from passerelle.store.database import Database

log = logging.getLogger(__name__)

#: Base font size in points: Qt's default (9 pt on Windows) is small for long working days.
FONT_POINT_SIZE = 10
#: Longest a smoke run may take before it is declared hung.
SMOKE_DEADLINE_MS = 120_000

_PALETTE = {
    QPalette.ColorRole.Window: "#f4f6f8",
    QPalette.ColorRole.WindowText: "#1f2933",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f2f5f8",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1f2933",
    QPalette.ColorRole.PlaceholderText: "#8a96a3",
    QPalette.ColorRole.Text: "#1f2933",
    QPalette.ColorRole.Button: "#eef1f4",
    QPalette.ColorRole.ButtonText: "#1f2933",
    QPalette.ColorRole.BrightText: "#b42318",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e4e8ec",
    QPalette.ColorRole.Mid: "#c5cdd6",
    QPalette.ColorRole.Dark: "#9aa5b1",
    QPalette.ColorRole.Shadow: "#6b7785",
    QPalette.ColorRole.Highlight: "#2f6690",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#2f6690",
    QPalette.ColorRole.LinkVisited: "#5b4b8a",
}
_DISABLED = {
    QPalette.ColorRole.WindowText: "#9aa5b1",
    QPalette.ColorRole.Text: "#9aa5b1",
    QPalette.ColorRole.ButtonText: "#9aa5b1",
    QPalette.ColorRole.Highlight: "#c5cdd6",
}


def calm_palette() -> QPalette:
    """Light grey-blue surfaces, dark slate text and one calm blue accent."""
    palette = QPalette()
    for role, color in _PALETTE.items():
        palette.setColor(role, QColor(color))
    for role, color in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def application_icon() -> QIcon:
    """``resources/icons/passerelle.(svg|png)`` when shipped, else the painted mark."""
    for name in ("passerelle.svg", "passerelle.png", "passerelle.ico"):
        path = resource_path("icons", name)
        if path.is_file():
            icon = QIcon(str(path))
            if not icon.isNull():
                return icon
    return app_icon()


def create_app(argv: Sequence[str]) -> QApplication:
    """The process's QApplication, configured once (an existing one is configured and reused).

    Organisation and application names are what QSettings derives its file path from, so they
    are set before anything reads a setting.
    """
    QCoreApplication.setOrganizationName(ui_settings.ORGANISATION)
    QCoreApplication.setOrganizationDomain(ui_settings.ORGANISATION_DOMAIN)
    QCoreApplication.setApplicationName(ui_settings.APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationDisplayName("Passerelle")
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(calm_palette())
    font = QFont(app.font())
    if font.pointSizeF() < FONT_POINT_SIZE:
        font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    app.setWindowIcon(application_icon())
    return app


class MainThreadGarbageCollector:
    """Run Python's cyclic garbage collector on the GUI thread only (Anki, calibre).

    Automatic collection runs in whichever thread happens to allocate. When it frees a cycle
    that holds a Qt object (a widget captured by a closure, say) on a worker thread of the
    TaskRunner, the C++ destructor runs off the GUI thread and the process crashes at random.
    Automatic collection is therefore switched off while the GUI runs, and a timer on the GUI
    thread collects each generation once its allocation threshold is passed.
    """

    INTERVAL_MS = 500

    def __init__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.collect()
        gc.disable()
        self._timer = QTimer()
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._handle_tick)
        self._timer.start()

    def _handle_tick(self) -> None:
        threshold = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 > threshold[0]:
            gc.collect(0)
            if count1 > threshold[1]:
                gc.collect(1)
                if count2 > threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Stop the timer, collect once more, and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


class _SmokeMonitor:
    """Records anything that goes wrong during a smoke run instead of showing a dialog.

    A smoke run has nobody to click « OK »: an uncaught exception is logged and counted, and a
    modal dialog that pops up (an error message, a crash dialog) is counted and closed.
    """

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.failures: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._handle_tick)
        self._timer.start()

    def excepthook(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        text = "".join(traceback.format_exception(etype, value, tb))
        log.error("smoke: uncaught exception\n%s", text)
        self.failures.append(text)

    def _handle_tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.failures.append(f"modal dialog opened: {modal.windowTitle()!r}")
            log.error("smoke: a modal dialog opened: %s", modal.windowTitle())
            modal.close()

    def stop(self) -> None:
        self._timer.stop()


def _smoke_visit(
    app: QApplication, window: QWidget, runner: TaskRunner, monitor: _SmokeMonitor
) -> None:
    """Show every view in turn (and the busiest file's detail), letting the event loop run
    between them, then quit."""
    from passerelle.services.overview import busiest_file
    from passerelle.ui.main_window import VIEW_KEYS

    keys: list[str] = [*VIEW_KEYS, "file_detail"]
    waited = 0

    def step() -> None:
        if not keys:
            wait_idle()
            return
        QTimer.singleShot(50, step)  # first: a view that raises must not stop the visit
        key = keys.pop(0)
        if key == "file_detail":
            file_id = busiest_file(window.ctx.db)  # type: ignore[attr-defined]
            if file_id is not None:
                window.open_file(file_id)  # type: ignore[attr-defined]
        else:
            window.show_view(key)  # type: ignore[attr-defined]

    def wait_idle() -> None:
        nonlocal waited
        waited += 1
        if runner.pending and waited < 200:
            QTimer.singleShot(50, wait_idle)
            return
        if runner.pending:
            monitor.failures.append("background work still pending after 10 s")
        monitor.stop()
        app.exit(1 if monitor.failures else 0)

    QTimer.singleShot(0, step)


def _quit_when_ready(app: QApplication, runner: TaskRunner) -> None:
    """Exit as soon as the window is shown and no background load is pending."""

    def check() -> None:
        if runner.pending:
            QTimer.singleShot(5, check)
        else:
            mark("ready")
            app.exit(0)

    QTimer.singleShot(0, check)


def run_gui(db: Database | PendingDatabase, *, smoke: bool = False,
            language: str | None = None, documents_dir: Path | None = None) -> int:
    """Open the main window on ``db`` and run the event loop; returns the exit code.

    With a :class:`PendingDatabase` the start-up window shows first while the database opens
    on a thread (then this function closes it on exit); a ``PasserelleError`` while opening
    (failed upgrade, newer schema…) is shown in a message box, then re-raised for the CLI's
    one-line message and exit code 1.

    ``language`` ("fr"/"en") overrides the Préférences setting, which overrides the system
    locale. With ``smoke=True`` the settings go to a throw-away folder (a smoke run must not
    touch the user's window layout), every view is shown, and the exit code is 0 only if
    nothing raised and no error dialog opened.
    """
    app = create_app(sys.argv)
    smoke_dir = tempfile.TemporaryDirectory(prefix="passerelle-smoke-") if smoke else None
    if smoke_dir is not None:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, smoke_dir.name)
    settings = ui_settings.Settings()
    install_translators(app, choose_language(language or settings.language or None))
    install_excepthook()
    monitor: _SmokeMonitor | None = None
    if smoke:
        monitor = _SmokeMonitor(app)
        sys.excepthook = monitor.excepthook

    collector = MainThreadGarbageCollector()
    if isinstance(db, PendingDatabase):
        pending = db
        shell = StartupWindow(pending.path, settings)
        shell.show()
        quit_when_ready = bool(os.environ.get("PASSERELLE_QUIT_WHEN_READY"))
        try:
            db = open_while_showing(pending.open, (lambda: mark("shown")) if quit_when_ready
                                    else None)
        except PasserelleError as exc:
            if monitor is not None:
                monitor.stop()  # nobody to click « OK »: the CLI prints the message
            else:
                show_error(shell, exc)
            shell.close()
            collector.stop()
            raise
        if quit_when_ready:
            mark("opened")
        if not shell.isVisible():  # closed while the database was opening
            db.close()
            collector.stop()
            return 0
        try:
            return _run_main_window(app, db, settings, monitor, collector, documents_dir,
                                    smoke_dir, shell)
        finally:
            db.close()
    return _run_main_window(app, db, settings, monitor, collector, documents_dir, smoke_dir,
                            None)


def _run_main_window(app: QApplication, db: Database, settings: ui_settings.Settings,
                     monitor: _SmokeMonitor | None, collector: MainThreadGarbageCollector,
                     documents_dir: Path | None,
                     smoke_dir: tempfile.TemporaryDirectory[str] | None,
                     shell: StartupWindow | None) -> int:
    from passerelle.ui.main_window import MainWindow

    runner = TaskRunner()
    ctx = UiContext(db=db, runner=runner, bus=DataBus(), documents_dir=documents_dir)
    window = MainWindow(ctx, settings=settings)
    window.show()
    if shell is not None:
        shell.close()
        shell.deleteLater()
    deadline: QTimer | None = None
    if os.environ.get("PASSERELLE_QUIT_WHEN_READY"):
        mark("main_window")
        _quit_when_ready(app, runner)  # start-up benchmark: exit once Accueil has its data
    elif monitor is None:  # not a smoke run
        from passerelle.ui.dialogs.backups import BackupScheduler

        window.backup_scheduler = BackupScheduler(ctx, window)  # type: ignore[attr-defined]
    if monitor is not None:
        _smoke_visit(app, window, runner, monitor)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(lambda: app.exit(3))
        deadline.start(SMOKE_DEADLINE_MS)
    try:
        code = app.exec()
    finally:
        if deadline is not None:
            deadline.stop()
        window.close()
        runner.shutdown()
        window.deleteLater()
        # free the window now, on this thread, before collection goes back to Python
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        collector.stop()
        if smoke_dir is not None:
            smoke_dir.cleanup()
        if ctx.db is not db:  # a restore swapped in a reopened database
            ctx.db.close()
    if monitor is not None and monitor.failures and code == 0:
        code = 1
    return code
