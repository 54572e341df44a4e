"""``passerelle screenshot``: every view of the main window as a PNG, rendered offscreen.

Used to review layouts at 1366×768 (issue #3: « Screenshots of every view … readable, nothing
clipped, all French ») and by the tests. Background work runs serially, so every view is fully
loaded before it is grabbed; the window's layout settings go to a throw-away file, so a run never
changes the user's remembered layout and always starts from the defaults.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from passerelle.services.directory import organisation_contacts
from passerelle.services.files import get_file
from passerelle.services.overview import busiest_file
from passerelle.store.database import Database
from passerelle.ui.context import DataBus, UiContext
from passerelle.ui.i18n import install_translators
from passerelle.ui.settings import Settings
from passerelle.ui.tasks import TaskRunner

#: What the search screenshot types (a word the demo's notes and names contain).
SEARCH_SAMPLE = "insertion"


def _settle(app: QCoreApplication, runner: TaskRunner, rounds: int = 6) -> None:
    """Let queued signals, layouts and (serial) background callbacks run."""
    for _ in range(rounds):
        app.processEvents()
        app.sendPostedEvents()
    assert runner.pending == 0 or not runner.serial


TITLE_BAR = 30


def _composite(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window, dimmed, with the dialog centred over it under a plain title bar.

    The offscreen platform draws no window decorations; the title bar shows the dialog's
    title as a desktop would, so the screenshot reads like what the user sees.
    """
    shot = window.grab()
    over = dialog.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(20, 30, 40, 70))
    width, height = over.width(), over.height() + TITLE_BAR
    x = max(0, (shot.width() - width) // 2)
    y = max(0, (shot.height() - height) // 2)
    painter.fillRect(QRect(x, y, width, TITLE_BAR), QColor("#dfe5eb"))
    painter.setPen(QColor("#1f2933"))
    font = QFont(dialog.font())
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    painter.drawText(
        QRect(x + 12, y, width - 24, TITLE_BAR), Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle()
    )
    painter.drawPixmap(QPoint(x, y + TITLE_BAR), over)
    painter.setPen(QColor("#9aa5b1"))
    painter.drawRect(QRect(x, y, width - 1, height - 1))
    painter.end()
    return shot


def take_screenshots(
    db: Database, out_dir: Path, size: tuple[int, int] = (1366, 768)
) -> list[Path]:
    """Grab every view, a file's detail, the search results and the meeting dialog.

    Files are named ``NN_<view>.png`` in display order; returns their paths.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from passerelle.ui.app import create_app

    app = create_app(["passerelle"])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    settings_dir = tempfile.TemporaryDirectory(prefix="passerelle-shots-")
    settings = Settings(
        QSettings(str(Path(settings_dir.name) / "passerelle.ini"), QSettings.Format.IniFormat)
    )
    install_translators(app, "fr")

    from passerelle.ui.dialogs.meeting import MeetingDialog
    from passerelle.ui.main_window import FILE_DETAIL, VIEW_KEYS, MainWindow

    runner = TaskRunner(serial=True)
    ctx = UiContext(db=db, runner=runner, bus=DataBus())
    window = MainWindow(ctx, settings=settings)
    written: list[Path] = []
    try:
        window.resize(*size)
        window.show()
        _settle(app, runner)
        number = 0

        def save(name: str, pixmap: QPixmap | None = None) -> None:
            nonlocal number
            number += 1
            _settle(app, runner)
            path = out_dir / f"{number:02d}_{name}.png"
            (pixmap if pixmap is not None else window.grab()).save(str(path))
            written.append(path)

        for key in VIEW_KEYS:
            window.show_view(key)
            save(key)

        file_id = busiest_file(db)
        if file_id is not None:
            # The association of that file, and one of its people: forms filled in.
            association_id = get_file(db, file_id).association_id
            if association_id is not None:
                window.show_view("organisations")
                window.view("organisations").select_organisation(association_id)
                save("organisation_detail")
                people = organisation_contacts(db, association_id)
                if people:
                    window.show_view("contacts")
                    window.view("contacts").select_contact(people[0].contact_id)
                    save("contact_detail")
                    _rgpd_shots(app, runner, ctx, window, people[0].contact_id, save)
            window.open_file(file_id)
            save(FILE_DETAIL)

        window.show_view("home")
        window.search_box.search_now(SEARCH_SAMPLE)
        _settle(app, runner)
        save("search")
        window.search_box.edit.clear()

        dialog = MeetingDialog(ctx, window, file_id=file_id)
        dialog.show()
        _settle(app, runner)
        save("meeting_dialog", _composite(window, dialog))
        _close_dialog(dialog)

        # the observatory's charts below the fold
        window.show_view("observatory")
        scroll = getattr(window.view("observatory"), "scroll", None)
        if scroll is not None:
            bar = scroll.verticalScrollBar()
            for part in (1, 2):
                bar.setValue(bar.maximum() if part == 2 else bar.pageStep())
                save(f"observatory_{part + 1}")
            bar.setValue(0)

        from passerelle.ui.screenshot_events import shoot_events

        shoot_events(db, ctx, window, save, _composite, _close_dialog,
                     lambda: _settle(app, runner))

        from passerelle.ui.dialogs.guide import GuideDialog
        from passerelle.ui.welcome import WelcomeWizard

        guide = GuideDialog(window)
        guide.show()
        _settle(app, runner)
        save("guide", _composite(window, guide))
        _close_dialog(guide)

        wizard = WelcomeWizard(lambda answers, progress: None, runner)
        wizard.show()
        _settle(app, runner)
        save("welcome_wizard", _composite(window, wizard))
        wizard.next()
        _settle(app, runner)
        save("welcome_profile", _composite(window, wizard))
        _close_dialog(wizard)

        from passerelle.ui.sync_screens import sync_screenshots

        for name, pixmap in sync_screenshots(app, settings, size):
            save(name, pixmap)

        from passerelle.ui import spreadsheet_screenshots

        window.show_view("organisations")
        spreadsheet_screenshots.take(ctx, window, save, _composite, lambda: _settle(app, runner))

        registry = window.view("registry")
        if registry.model.rowCount():  # type: ignore[attr-defined]
            window.show_view("registry")
            registry.table.selectRow(0)  # type: ignore[attr-defined]
            save("registry_detail")
    finally:
        window.save_layout = lambda: None  # type: ignore[method-assign]
        window.close()
        window.deleteLater()
        _settle(app, runner)
        runner.shutdown()
        settings_dir.cleanup()
    return written


def _rgpd_shots(app: QCoreApplication, runner: TaskRunner, ctx: UiContext, window: QWidget,
                contact_id: object, save: Callable[..., None]) -> None:
    """The contact's RGPD tab and its history dialog."""
    from passerelle.ui.dialogs.history import HistoryDialog

    view = window.view("contacts")  # type: ignore[attr-defined]
    view.tabs.setCurrentWidget(view.rgpd_panel)
    save("contact_rgpd")
    dialog = HistoryDialog(ctx, "contact", contact_id, view.title.text(), window)
    dialog.show()
    _settle(app, runner)
    save("history_dialog", _composite(window, dialog))
    _close_dialog(dialog)
    view.tabs.setCurrentIndex(0)


def _close_dialog(dialog: QDialog) -> None:
    """Close without the « discard what you typed? » question (nothing was typed)."""
    dialog.hide()
    dialog.deleteLater()


__all__ = ["take_screenshots"]
