"""The application object, the GUI entry point's smoke mode, and the typed settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

from passerelle.store.database import Database
from passerelle.ui import settings as ui_settings
from passerelle.ui.app import create_app, run_gui
from passerelle.ui.settings import Settings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


def test_create_app_configures_names_style_and_font(qapp) -> None:  # type: ignore[no-untyped-def]
    app = create_app([])
    assert app is qapp
    assert QCoreApplication.organizationName() == "Passerelle"
    assert QCoreApplication.applicationName() == "Passerelle"
    assert QSettings.defaultFormat() == QSettings.Format.IniFormat
    assert app.style().name().lower() == "fusion"
    assert app.font().pointSizeF() >= 10
    assert not app.windowIcon().isNull()


def test_smoke_run_visits_every_view_and_exits_zero(qapp, db: Database) -> None:  # type: ignore[no-untyped-def]
    assert run_gui(db, smoke=True, language="fr") == 0


def test_smoke_run_fails_when_a_view_raises(qapp, db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from passerelle.ui.views.registry import RegistryView

    def broken(self: RegistryView, *args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(RegistryView, "showEvent", broken)
    assert run_gui(db, smoke=True, language="fr") == 1


def test_settings_are_typed_and_validated(qapp) -> None:  # type: ignore[no-untyped-def]
    settings = Settings()
    assert (settings.stalled_days, settings.language, settings.current_view) == (30, "", "home")
    settings.stalled_days = 45
    settings.set_column_widths("files.0", [120, 300])
    settings.window_geometry = QByteArray(b"\x01\x02")
    settings.sync()
    again = Settings()
    assert again.stalled_days == 45 and isinstance(again.stalled_days, int)
    assert again.column_widths("files.0") == [120, 300]
    assert bytes(again.window_geometry.data()) == b"\x01\x02"
    again.qsettings.setValue("home/stalled_days", "beaucoup")  # a hand-edited file
    again.qsettings.setValue("general/language", "klingon")
    assert (again.stalled_days, again.language) == (30, "")
    with pytest.raises(ValueError):
        again.language = "de"


def test_settings_upgrade_runs_once_in_order(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    qs = ui_settings.make_qsettings()
    qs.setValue("language", "en")  # the unversioned layout kept it at the top level
    qs.sync()
    assert Settings().language == "en"
    assert qs.value("settings_version") in (1, "1")
    assert qs.value("language") is None

    seen: list[int] = []
    monkeypatch.setattr(ui_settings, "SETTINGS_VERSION", 3)
    monkeypatch.setitem(ui_settings.UPGRADES, 2, lambda q: seen.append(2))
    monkeypatch.setitem(ui_settings.UPGRADES, 3, lambda q: seen.append(3))
    Settings()
    Settings()
    assert seen == [2, 3]
