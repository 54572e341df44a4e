"""The start-up window (ui/startup_window.py): shown before the database opens."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from passerelle import bootstrap
from passerelle.domain.errors import IncompatibleDatabase
from passerelle.ui.app import run_gui
from passerelle.ui.main_window import VIEW_KEYS, MainWindow
from passerelle.ui.startup_window import PendingDatabase, StartupWindow, open_while_showing


def test_startup_window_looks_like_the_main_window_but_nothing_works_yet(qtbot) -> None:  # type: ignore[no-untyped-def]
    shell = StartupWindow(Path("bureau.sqlite"))
    qtbot.addWidget(shell)
    shell.show()
    assert shell.windowTitle() == "bureau.sqlite"
    assert shell.nav.count() == len(VIEW_KEYS)
    assert shell.nav.item(0).text() == "Accueil"
    assert not shell.nav.isEnabled()
    search = shell.findChild(QLineEdit)
    assert search is not None and not search.isEnabled()
    assert "bureau.sqlite" in shell.header.subtitle.text()


def test_open_while_showing_returns_the_result_and_keeps_the_loop_running(qapp) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    release = threading.Event()

    def opener() -> str:
        release.wait(5)
        return threading.current_thread().name

    def shown() -> None:
        seen.append("shown")  # runs on the GUI thread while the opener still waits
        release.set()

    assert open_while_showing(opener, shown) == "open-database"
    assert seen == ["shown"]


def test_open_while_showing_reraises_the_openers_error(qapp) -> None:  # type: ignore[no-untyped-def]
    def opener() -> None:
        raise IncompatibleDatabase("newer_database", "Trop récente.")

    with pytest.raises(IncompatibleDatabase):
        open_while_showing(opener)


def test_gui_opens_a_pending_database_behind_the_startup_window(  # type: ignore[no-untyped-def]
    qapp, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "base.sqlite"
    bootstrap.open_database(path).close()
    windows: list[str] = []
    original_show = MainWindow.show

    def spy_show(self) -> None:  # type: ignore[no-untyped-def]
        windows.extend(type(w).__name__ for w in QApplication.topLevelWidgets()
                       if w.isVisible())
        original_show(self)

    monkeypatch.setattr(MainWindow, "show", spy_show)
    opened: list[object] = []

    def opener():  # type: ignore[no-untyped-def]
        db = bootstrap.open_database(path)
        opened.append(db)
        return db

    assert run_gui(PendingDatabase(path, opener), smoke=True, language="fr") == 0
    assert "StartupWindow" in windows  # on screen while the main window was being built
    assert len(opened) == 1
    assert not any(isinstance(w, StartupWindow) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_a_database_that_cannot_be_opened_shows_its_message(qapp, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "autre.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(text) or 0)

    with pytest.raises(IncompatibleDatabase):
        run_gui(PendingDatabase(path, lambda: bootstrap.open_database(path)), language="fr")
    assert shown and "autre base de données" in " ".join(shown)


def test_cli_start_up_exits_once_accueil_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "base.sqlite"
    bootstrap.open_database(path).close()
    env = {"QT_QPA_PLATFORM": "offscreen", "PASSERELLE_QUIT_WHEN_READY": "1",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "app"),
           "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "passerelle", "--db", str(path),
                           "--data-dir", str(tmp_path / "data")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    events = [line.split()[1].split("=")[0] for line in done.stderr.splitlines()
              if line.startswith("passerelle-startup ")]
    assert events == ["shown", "opened", "main_window", "ready"]
