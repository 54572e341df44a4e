"""The global search box: results as you type, grouped, keyboard-driven."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.services.search import SearchResult
from passerelle.ui.widgets.search_box import (
    IsHeaderRole,
    ResultRole,
    SearchBox,
    SearchResultsModel,
    context_text,
    snippet_html,
)


@pytest.fixture
def box(qtbot, ui_ctx):  # type: ignore[no-untyped-def]
    """A search box in a window (its result panel belongs to the window)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    search = SearchBox(ui_ctx, window)
    window.setCentralWidget(search)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    search.edit.setFocus()
    yield search
    window.close()


@pytest.fixture
def data(ui_ctx):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    oeuvre = org_service.create_organisation(db, kind="association",
                                             name="Les Amis de l'Œuvre", commune_name="Roubaix")
    company = org_service.create_organisation(db, kind="entreprise", name="Imprimerie Nord")
    org_service.create_contact(db, first_name="Élodie", last_name="Martin",
                               organisation_id=oeuvre.id, role="Présidente")
    file = file_service.open_file(db, title="Fresque murale", association_id=oeuvre.id,
                                  company_id=company.id)
    interaction_service.log_interaction(db, interaction_service.MeetingInput(
        subject="Premier rendez-vous", file_id=file.id,
        notes="L'imprimeur offrira les affiches du vernissage."))
    return {"oeuvre": oeuvre, "file": file}


def _rows(box: SearchBox) -> list[tuple[bool, str]]:
    model = box.panel.model
    return [(bool(model.index(r).data(IsHeaderRole)), model.index(r).data())
            for r in range(model.rowCount())]


def _type(qtbot, box: SearchBox, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(box.edit, text)
    qtbot.waitUntil(box.results_visible)


def test_typing_oeuvre_lists_the_organisation(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "oeuvre")
    rows = _rows(box)
    assert rows[0] == (True, "Organisations")
    assert (False, "Les Amis de l'Œuvre") in rows
    assert rows.index((False, "Les Amis de l'Œuvre")) < next(
        (n for n, (head, text) in enumerate(rows) if head and text != "Organisations"),
        len(rows))
    assert box.current_result().title == "Les Amis de l'Œuvre"


def test_note_text_is_found_under_echanges(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "vernissage")
    rows = _rows(box)
    assert rows == [(True, "Échanges"), (False, "Premier rendez-vous")]
    hit = box.current_result()
    assert hit.entity == "interaction" and hit.file_id == data["file"].id
    assert "<b>vernissage</b>" in snippet_html(hit.snippet)


def test_enter_on_a_file_result_asks_for_the_file(qtbot, ui_ctx, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "fresque")
    assert box.current_result().entity == "partnership_file"
    with qtbot.waitSignal(ui_ctx.bus.file_requested) as blocker:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert blocker.args == [str(data["file"].id)]
    assert not box.results_visible()


def test_arrows_move_across_groups_skipping_headings(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "martin")  # contact « Élodie Martin »
    box.edit.clear()
    _type(qtbot, box, "roubaix")
    assert box.current_result().entity == "organisation"
    box.edit.clear()
    _type(qtbot, box, "imprim")  # organisation, then the interaction's note
    entities = []
    for _ in range(4):
        entities.append(box.current_result().entity)
        qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert entities[0] == "organisation"
    assert "interaction" in entities
    assert box.current_result().entity == entities[-1]  # stops at the last result
    qtbot.keyClick(box.edit, Qt.Key.Key_Up)
    assert box.panel.list.currentIndex().data(IsHeaderRole) is False


def test_organisation_result_is_announced_for_the_window(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "oeuvre")
    with qtbot.waitSignal(box.result_activated) as blocker:
        qtbot.keyClick(box.edit, Qt.Key.Key_Enter)
    result = blocker.args[0]
    assert isinstance(result, SearchResult)
    assert result.entity == "organisation" and result.id == data["oeuvre"].id


def test_escape_closes_then_clears(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "oeuvre")
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.results_visible()
    assert box.edit.text() == "oeuvre"
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert box.edit.text() == ""


def test_no_result_says_so(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, box, "zzzzz")
    assert box.panel.model.result_count() == 0
    assert "Aucun résultat pour « zzzzz »" in box.panel.empty.text()


def test_one_letter_does_not_search(qtbot, box, data) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(box.edit, "o")
    qtbot.wait(250)
    assert not box.results_visible()


def test_results_model_passes_qtmodeltester(qtmodeltester, ui_ctx, data) -> None:  # type: ignore[no-untyped-def]
    from passerelle.services.search import global_search

    model = SearchResultsModel()
    model.set_groups(global_search(ui_ctx.db, "imprim"))
    assert model.rowCount() >= 4
    headers = [r for r in range(model.rowCount()) if model.index(r).data(IsHeaderRole)]
    assert not model.flags(model.index(headers[0])) & Qt.ItemFlag.ItemIsSelectable
    assert isinstance(model.index(headers[0] + 1).data(ResultRole), SearchResult)
    qtmodeltester.check(model)


def test_context_line_is_translated_and_localised(qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from passerelle.domain.stages import Stage

    assert context_text(("D-2026-0001", Stage.DIAGNOSIS, None, "")) == "D-2026-0001 · Diagnostic"
    assert "2026" in context_text((date(2026, 3, 4),))
