"""« Dossiers »: the pipeline board, moves (refused and allowed), the list and its CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import QModelIndex, Qt

from passerelle.domain.errors import StageRuleViolation
from passerelle.domain.stages import Stage
from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.services import pipeline
from passerelle.ui.views import files as files_module
from passerelle.ui.views.files import FilesView


@pytest.fixture
def orgs(ui_ctx):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    asso = org_service.create_organisation(db, kind="association", name="Vélo Solidaire")
    company = org_service.create_organisation(db, kind="entreprise", name="=cmd|' /C calc'!A0",
                                              size="PME")
    return asso, company


@pytest.fixture
def refusals(monkeypatch):  # type: ignore[no-untyped-def]
    """Explanations of refused moves, recorded instead of shown in a modal box."""
    shown: list[tuple[StageRuleViolation, Stage | None]] = []
    monkeypatch.setattr(files_module, "explain_refusal",
                        lambda parent, exc, target: shown.append((exc, target)))
    return shown


def _view(qtbot, ui_ctx) -> FilesView:  # type: ignore[no-untyped-def]
    view = FilesView(ui_ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def _references(view: FilesView, stage: Stage) -> list[str]:
    return [c.reference for c in view.column(stage).model.cards()]


def _drop(view: FilesView, source: Stage, row: int, target: Stage) -> bool:
    """Drag the card at ``row`` of ``source`` onto ``target``'s column, through the models."""
    src = view.column(source).model
    dst = view.column(target).model
    mime = src.mimeData([src.index(row)])
    if not dst.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex()):
        return False
    dst.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    return True


def test_board_shows_each_file_in_its_stage_column(qtbot, qtmodeltester, ui_ctx, orgs
                                                   ):  # type: ignore[no-untyped-def]
    asso, company = orgs
    first = file_service.open_file(ui_ctx.db, title="Atelier vélo", association_id=asso.id)
    second = file_service.open_file(ui_ctx.db, title="Collecte", association_id=asso.id,
                                    company_id=company.id)
    file_service.move_stage(ui_ctx.db, second.id, Stage.MATCHING)
    view = _view(qtbot, ui_ctx)

    assert _references(view, Stage.FIRST_CONTACT) == [first.reference]
    assert _references(view, Stage.MATCHING) == [second.reference]
    assert view.column(Stage.MATCHING).count.text() == "1"
    assert view.column(Stage.DIAGNOSIS).model.rowCount() == 0
    for column in view.board.columns.values():
        qtmodeltester.check(column.model)


def test_board_hides_inactive_files_unless_asked(qtbot, ui_ctx, orgs):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    f = file_service.open_file(ui_ctx.db, title="En attente", association_id=asso.id)
    file_service.set_status(ui_ctx.db, f.id, "en_pause", "Budget")
    view = _view(qtbot, ui_ctx)
    assert _references(view, Stage.FIRST_CONTACT) == []
    view.inactive_check.setChecked(True)
    assert _references(view, Stage.FIRST_CONTACT) == [f.reference]


def test_refused_move_explains_what_is_missing_and_the_card_stays(
        qtbot, ui_ctx, orgs, refusals):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    f = file_service.open_file(ui_ctx.db, title="Sans entreprise", association_id=asso.id)
    view = _view(qtbot, ui_ctx)

    assert _drop(view, Stage.FIRST_CONTACT, 0, Stage.MATCHING)
    qtbot.waitUntil(lambda: len(refusals) == 1)

    exc, target = refusals[0]
    assert target is Stage.MATCHING
    assert "au moins une entreprise partenaire doit être renseignée" in exc.missing
    headline, details = files_module.refusal_text(exc, target)
    assert "Mise en relation" in headline
    assert "• au moins une entreprise partenaire doit être renseignée" in details
    assert _references(view, Stage.FIRST_CONTACT) == [f.reference]
    assert _references(view, Stage.MATCHING) == []
    assert file_service.get_file(ui_ctx.db, f.id).stage is Stage.FIRST_CONTACT


def test_allowed_move_lands_in_the_next_column_and_is_in_the_history(
        qtbot, ui_ctx, orgs, refusals):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    f = file_service.open_file(ui_ctx.db, title="Atelier vélo", association_id=asso.id)
    view = _view(qtbot, ui_ctx)

    assert _drop(view, Stage.FIRST_CONTACT, 0, Stage.DIAGNOSIS)
    qtbot.waitUntil(lambda: _references(view, Stage.DIAGNOSIS) == [f.reference])

    assert refusals == []
    assert _references(view, Stage.FIRST_CONTACT) == []
    history = file_service.stage_history(ui_ctx.db, f.id)
    assert (history[-1].from_stage, history[-1].to_stage) == (1, 2)
    assert history[-1].author == ui_ctx.db.user_name
    # A card cannot be dropped on its own column.
    assert not _drop(view, Stage.DIAGNOSIS, 0, Stage.DIAGNOSIS)


def test_context_menu_moves_the_card(qtbot, ui_ctx, orgs, refusals):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    f = file_service.open_file(ui_ctx.db, title="Atelier vélo", association_id=asso.id)
    view = _view(qtbot, ui_ctx)
    card = view.column(Stage.FIRST_CONTACT).model.cards()[0]
    menu = view.card_menu(card)
    stages_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    actions = {a.text(): a for a in stages_menu.actions()}
    assert not actions["1. Premier contact"].isEnabled()
    actions["2. Diagnostic"].trigger()
    qtbot.waitUntil(lambda: _references(view, Stage.DIAGNOSIS) == [f.reference])


def test_double_click_on_a_card_requests_the_file(qtbot, ui_ctx, orgs):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    f = file_service.open_file(ui_ctx.db, title="Atelier vélo", association_id=asso.id)
    view = _view(qtbot, ui_ctx)
    column = view.column(Stage.FIRST_CONTACT)
    rect = column.view.visualRect(column.model.index(0))
    with qtbot.waitSignal(ui_ctx.bus.file_requested, timeout=1000) as requested:
        # A real double click starts with a click (QTest's DClick alone lacks the first press).
        qtbot.mouseClick(column.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(column.view.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert requested.args == [str(f.id)]


def test_board_caps_cards_per_column(ui_ctx, orgs):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    for n in range(5):
        file_service.open_file(ui_ctx.db, title=f"Dossier {n}", association_id=asso.id)
    columns = pipeline.board(ui_ctx.db, per_stage=3)
    first = columns[0]
    assert (first.total, len(first.cards), first.hidden) == (5, 3, 2)


def test_csv_export_writes_the_filtered_rows(qtbot, qtmodeltester, ui_ctx, orgs, tmp_path,
                                             monkeypatch):  # type: ignore[no-untyped-def]
    asso, company = orgs
    matched = file_service.open_file(ui_ctx.db, title="Atelier vélo", association_id=asso.id,
                                     company_id=company.id)
    file_service.move_stage(ui_ctx.db, matched.id, Stage.DIAGNOSIS)
    file_service.open_file(ui_ctx.db, title="-2+3 reste au premier contact",
                           association_id=asso.id)
    messages: list[str] = []
    monkeypatch.setattr(files_module, "inform", lambda parent, title, text: messages.append(text))
    view = _view(qtbot, ui_ctx)
    view.set_mode(FilesView.LIST)
    assert view.model.rowCount() == 2
    qtmodeltester.check(view.model)
    view.stage_filter.setCurrentIndex(view.stage_filter.findData(int(Stage.DIAGNOSIS)))
    assert view.model.rowCount() == 1
    assert view.count_label.text() == "1 dossier"

    target = tmp_path / "export.csv"
    view.export_to(target)

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Référence", "Intitulé", "Association", "Entreprise", "Étape"]
    assert len(rows) == 2  # the header and the one filtered file
    assert rows[1][0] == matched.reference
    assert rows[1][3] == "'=cmd|' /C calc'!A0"  # neutralised: a spreadsheet shows it as text
    assert rows[1][4] == "Diagnostic"
    assert messages and "1 dossier" in messages[0]


def test_csv_export_neutralises_every_formula_start(ui_ctx, orgs, tmp_path
                                                    ):  # type: ignore[no-untyped-def]
    asso, _ = orgs
    for title in ("=SUM(A1)", "+33 plan", "-5 jours", "@ref", "Normal"):
        file_service.open_file(ui_ctx.db, title=title, association_id=asso.id)
    target = tmp_path / "all.csv"
    count = pipeline.export_files_csv(ui_ctx.db, pipeline.ListQuery(sort_key="title"), target)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert count == 5
    titles = sorted(r[1] for r in rows[1:])
    assert titles == sorted(["'=SUM(A1)", "'+33 plan", "'-5 jours", "'@ref", "Normal"])
