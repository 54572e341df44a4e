"""Accueil: overdue and upcoming relances, ticking one done, stalled files vs the threshold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QColor

from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.ui.models.record_table import CheckableRecordModel, Column, RecordTableModel
from passerelle.ui.settings import Settings
from passerelle.ui.views.home import HomeView, delay_text
from passerelle.ui.widgets.panels import DANGER

TODAY = date.today()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


def _titles(view: HomeView) -> list[str]:
    model = view.tasks_model
    return [model.data(model.index(r, 2)) for r in range(model.rowCount())]


def _make_view(qtbot, ui_ctx) -> HomeView:  # type: ignore[no-untyped-def]
    view = HomeView(ui_ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: not view._loading and not view._stale)
    return view


def test_overdue_in_red_then_upcoming(qtbot, ui_ctx, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    file = file_service.open_file(db, title="Fresque")
    interaction_service.create_task(db, "Envoyer le devis", due_on=TODAY + timedelta(days=3),
                                    file_id=file.id)
    interaction_service.create_task(db, "Relancer la mairie", due_on=TODAY - timedelta(days=2))
    interaction_service.create_task(db, "Dans un mois", due_on=TODAY + timedelta(days=30))
    view = _make_view(qtbot, ui_ctx)

    assert _titles(view) == ["Relancer la mairie", "Envoyer le devis"]
    model = view.tasks_model
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole) == QColor(DANGER)
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ForegroundRole) is None
    assert "2" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "En retard : 1" in view.tasks_card.hint.text()
    assert "Relances en retard : 1" in view.header.subtitle.text()
    qtmodeltester.check(model)


def test_ticking_a_relance_marks_it_done_and_removes_it(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    interaction_service.create_task(db, "Relancer la mairie", due_on=TODAY - timedelta(days=1))
    interaction_service.create_task(db, "Appeler Élodie", due_on=TODAY)
    view = _make_view(qtbot, ui_ctx)
    model = view.tasks_model
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable

    with qtbot.waitSignal(ui_ctx.bus.changed):
        model.setData(model.index(0, 0), Qt.CheckState.Checked.value,
                      Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: _titles(view) == ["Appeler Élodie"])
    assert interaction_service.open_tasks(db)[0].title == "Appeler Élodie"


def test_double_click_opens_the_file(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    file = file_service.open_file(ui_ctx.db, title="Fresque")
    interaction_service.create_task(ui_ctx.db, "Relancer", due_on=TODAY, file_id=file.id)
    view = _make_view(qtbot, ui_ctx)
    with qtbot.waitSignal(ui_ctx.bus.file_requested) as blocker:
        view.tasks_table.activated.emit(view.tasks_model.index(0, 2))
    assert blocker.args == [str(file.id)]
    with qtbot.waitSignal(ui_ctx.bus.file_requested) as blocker:
        view.recent_table.activated.emit(view.recent_model.index(0, 1))
    assert blocker.args == [str(file.id)]


def test_team_relances_shown_when_none_are_mine(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    interaction_service.create_task(ui_ctx.db, "Pour Nadia", due_on=TODAY,
                                    assignee="Nadia Haddad")
    view = _make_view(qtbot, ui_ctx)
    assert _titles(view) == ["Pour Nadia"]
    assert "toute l'équipe" in view.tasks_card.hint.text()


def test_empty_states_explain(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    view = _make_view(qtbot, ui_ctx)
    assert view.tasks_card.is_empty_shown()
    assert "Ctrl+M" in view.tasks_card.empty.text()
    assert view.recent_card.is_empty_shown()
    assert view.stalled_card.is_empty_shown()
    assert "Préférences" in view.stalled_card.empty.text()


def test_stalled_list_follows_the_threshold_setting(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    file_service.open_file(db, title="Quarante jours", opened_on=TODAY - timedelta(days=40))
    file_service.open_file(db, title="Dix jours", opened_on=TODAY - timedelta(days=10))
    view = _make_view(qtbot, ui_ctx)

    def stalled() -> list[str]:
        m = view.stalled_model
        return [m.data(m.index(r, 1)) for r in range(m.rowCount())]

    assert stalled() == ["Quarante jours"]
    assert view.stalled_model.data(view.stalled_model.index(0, 3)) == "40 j"
    Settings().stalled_days = 7
    view.refresh()
    qtbot.waitUntil(lambda: stalled() == ["Quarante jours", "Dix jours"])
    Settings().stalled_days = 60
    view.refresh()
    qtbot.waitUntil(lambda: stalled() == [])
    assert "60 jours" in view.stalled_card.empty.text()


def test_refreshes_when_a_task_changes(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    view = _make_view(qtbot, ui_ctx)
    assert _titles(view) == []
    interaction_service.create_task(ui_ctx.db, "Nouvelle", due_on=TODAY)
    ui_ctx.bus.changed.emit("task")
    qtbot.waitUntil(lambda: _titles(view) == ["Nouvelle"])


def test_delay_text() -> None:
    assert delay_text(TODAY, TODAY) == "aujourd'hui"
    assert delay_text(TODAY + timedelta(days=1), TODAY) == "demain"
    assert delay_text(TODAY + timedelta(days=5), TODAY) == "dans 5 j"
    assert delay_text(TODAY - timedelta(days=3), TODAY) == "en retard de 3 j"


def test_record_models_pass_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    columns = [Column("Nom", lambda r: r[0]), Column("Nombre", lambda r: str(r[1]),
                                                     sort_key=lambda r: r[1])]
    plain: RecordTableModel[tuple[str, int]] = RecordTableModel(columns)
    plain.set_records([("b", 2), ("a", 1), ("c", 3)])
    plain.sort(1, Qt.SortOrder.DescendingOrder)
    assert [plain.data(plain.index(r, 0)) for r in range(3)] == ["c", "b", "a"]
    plain.set_records([("x", 1), ("y", 5)])  # the chosen order survives a reload
    assert plain.data(plain.index(0, 0)) == "y"
    qtmodeltester.check(plain)
    checkable: CheckableRecordModel[tuple[str, int]] = CheckableRecordModel(columns)
    checkable.set_records([("a", 1)])
    qtmodeltester.check(checkable)
