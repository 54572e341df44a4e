"""The main window: navigation, shortcuts, routing of search results, remembered layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.services.search import global_search
from passerelle.ui.dialogs.meeting import MeetingDialog
from passerelle.ui.dialogs.new_file import NewFileDialog
from passerelle.ui.dialogs.preferences import PreferencesDialog
from passerelle.ui.main_window import FILE_DETAIL, VIEW_KEYS, MainWindow
from passerelle.ui.settings import Settings
from passerelle.ui.views.agreements import AgreementsView
from passerelle.ui.views.conflicts import ConflictsView
from passerelle.ui.views.contacts import ContactsView
from passerelle.ui.views.events import EventsView
from passerelle.ui.views.file_detail import FileDetailView
from passerelle.ui.views.files import FilesView
from passerelle.ui.views.home import HomeView
from passerelle.ui.views.needs_offers import NeedsOffersView
from passerelle.ui.views.observatory import ObservatoryView
from passerelle.ui.views.organisations import OrganisationsView
from passerelle.ui.views.registry import RegistryView
from passerelle.ui.views.rgpd import RgpdView
from passerelle.ui.views.templates import TemplatesView

EXPECTED = {
    "home": (HomeView, "Accueil"),
    "files": (FilesView, "Dossiers"),
    "organisations": (OrganisationsView, "Organisations"),
    "contacts": (ContactsView, "Contacts"),
    "agreements": (AgreementsView, "Conventions"),
    "needs_offers": (NeedsOffersView, "Besoins et offres"),
    "events": (EventsView, "Événements"),
    "observatory": (ObservatoryView, "Observatoire"),
    "registry": (RegistryView, "Registre"),
    "rgpd": (RgpdView, "RGPD"),
    "templates": (TemplatesView, "Modèles"),
    "conflicts": (ConflictsView, "Conflits"),
}


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """Settings in a temporary folder: tests never read or write the user's layout."""
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.fixture
def window(qtbot, ui_ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(ui_ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def test_every_navigation_entry_shows_its_view(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert [window.nav.item(r).text() for r in range(window.nav.count())] == [
        EXPECTED[k][1] for k in VIEW_KEYS]
    for row, key in enumerate(VIEW_KEYS):
        window.nav.setCurrentRow(row)
        current = window.current_view()
        assert isinstance(current, EXPECTED[key][0]), key
        assert window.current_view_key() == key
        assert window.view_actions[key].isChecked()


def test_ctrl_number_switches_views(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for number, key in reversed(list(enumerate(VIEW_KEYS[:9], start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + number),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_view_key() == key
        assert window.nav.currentRow() == number - 1


def test_ctrl_k_focuses_the_search_box(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_view("events")
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.edit.hasFocus)


def test_ctrl_m_opens_the_meeting_dialog_from_anywhere(qtbot, window: MainWindow, ui_ctx,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    opened: list[MeetingDialog] = []

    def fake_exec(dialog: MeetingDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(MeetingDialog, "exec", fake_exec)
    for key in ("organisations", "observatory"):
        window.show_view(key)
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 2
    assert opened[0].windowTitle() == "Consigner un échange"

    file = file_service.open_file(ui_ctx.db, title="Fresque")
    window.open_file(file.id)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 3
    choice = opened[-1].file_edit.choice()
    assert choice is not None and choice.id == file.id  # prefilled with the open file


def test_file_requested_shows_detail_and_back_returns(qtbot, window: MainWindow, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    file = file_service.open_file(ui_ctx.db, title="Fresque")
    window.show_view("agreements")
    assert not window.back_action.isVisible()
    ui_ctx.bus.file_requested.emit(str(file.id))
    assert window.current_view_key() == FILE_DETAIL
    assert isinstance(window.current_view(), FileDetailView)
    assert window.back_action.isVisible()
    assert window.back_action.text() == "← Retour"
    assert window.nav.currentItem().text() == "Dossiers"
    window.back_action.trigger()
    assert window.current_view_key() == "agreements"
    assert not window.back_action.isVisible()


def test_search_result_selects_the_organisation(qtbot, window: MainWindow, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    for name in ("Atelier du Vélo", "Les Amis de l'Œuvre", "Zèbre solidaire"):
        org_service.create_organisation(ui_ctx.db, kind="association", name=name)
    result = global_search(ui_ctx.db, "oeuvre")[0].hits[0]
    window.search_box.result_activated.emit(result)
    view = window.current_view()
    assert isinstance(view, OrganisationsView)
    assert view.model.row_id(view.table.currentIndex().row()) == result.id


def test_search_result_selects_the_contact(qtbot, window: MainWindow, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    for last in ("Adam", "Martin", "Zola"):
        org_service.create_contact(ui_ctx.db, first_name="Élodie", last_name=last)
    result = global_search(ui_ctx.db, "martin")[0].hits[0]
    window.search_box.result_activated.emit(result)
    view = window.current_view()
    assert isinstance(view, ContactsView)
    assert view.model.row_id(view.table.currentIndex().row()) == result.id


def test_interaction_result_opens_its_file(qtbot, window: MainWindow, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    file = file_service.open_file(ui_ctx.db, title="Fresque")
    interaction_service.log_interaction(ui_ctx.db, interaction_service.MeetingInput(
        subject="Point", file_id=file.id, notes="Les affiches du vernissage"))
    window.search_box.search_now("vernissage")
    qtbot.waitUntil(window.search_box.results_visible)
    qtbot.keyClick(window.search_box.edit, Qt.Key.Key_Return)
    assert window.current_view_key() == FILE_DETAIL


def test_new_file_menu_opens_the_dialog(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[NewFileDialog] = []
    monkeypatch.setattr(NewFileDialog, "exec", lambda d: opened.append(d) or 0)
    window.new_file_action.trigger()
    assert len(opened) == 1


def test_status_bar_shows_database_and_user(window: MainWindow, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    assert str(ui_ctx.db.path) in window.db_label.text()
    assert "Camille Test" in window.user_label.text()


def test_menus_are_french(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Fichier", "&Affichage", "&Synchronisation", "Aid&e"]
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert entries == ["Nouveau dossier…", "Nouvelle organisation…", "Consigner un échange…",
                       "Sauvegardes…", "Préférences…", "Quitter"]
    assert window.meeting_action.shortcut().toString() == "Ctrl+M"
    assert window.search_action.shortcut().toString() == "Ctrl+K"


def test_geometry_view_and_columns_remembered(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(ui_ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)  # within the offscreen screen (800×600): restoreGeometry clamps
    first.show_view("agreements")
    table = first.view("agreements").table  # type: ignore[attr-defined]
    table.setColumnWidth(0, 150)
    first.splitter.setSizes([230, 550])
    qtbot.waitUntil(lambda: first.width() == 780)
    first.close()

    second = MainWindow(ui_ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_view_key() == "agreements"
    assert (second.width(), second.height()) == (780, 560)
    assert second.nav.width() == 230
    assert second.view("agreements").table.columnWidth(0) == 150  # type: ignore[attr-defined]
    second.close()


def test_preferences_are_saved(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == ""
    assert dialog.stalled_days.value() == 30
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "prochain démarrage" in notes
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.stalled_days.setValue(45)
    dialog.accept()
    settings = Settings()
    assert (settings.language, settings.stalled_days) == ("en", 45)
