"""The Registre view as a facilitator uses it: import, search, read an entry, adopt it once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from passerelle.services import organisations as org_service
from passerelle.services.registry import AlreadyAdopted
from passerelle.ui.context import UiContext
from passerelle.ui.views.registry import RegistryView

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "registry"
RNA = [FIX / "rna_waldec_20260101_59.csv", FIX / "rna_import_20220301_59.csv"]
SIRENE = [FIX / "StockUniteLegale_utf8_2026-01.zip", FIX / "StockEtablissement_utf8_2026-01.zip"]


@pytest.fixture
def view(qtbot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)  # the import report box
    widget = RegistryView(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    return widget


def _names(view: RegistryView) -> list[str]:
    return [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())]


def _select(view: RegistryView, name: str) -> None:
    row = _names(view).index(name)
    view.table.selectRow(row)


def test_empty_registry_explains_and_offers_the_import(view: RegistryView) -> None:
    assert view.list_stack.currentIndex() == 1
    assert "data.gouv.fr" in view.empty_list.text()
    assert view.empty_import.isVisibleTo(view)


def test_import_then_search_and_filter(view: RegistryView) -> None:
    view.start_import("rna", RNA, "mel")
    view.start_import("sirene", SIRENE, "mel")
    assert view.last_report is not None and view.last_report.rows_imported == 4
    assert view.model.rowCount() == 8
    assert "SIRENE : 4 entrées, millésime 2026-01" in view.header.subtitle.text()
    view.search.setText("coeur")
    view._apply_query()
    assert _names(view) == ["CŒUR DE QUARTIER ÉPEULE"]
    view.search.clear()
    view.category_filter.setCurrentIndex(view.category_filter.findData("ETI"))
    assert _names(view) == ["COOPÉRATIVE SOLIDAIRE DES FLANDRES"]
    view.category_filter.setCurrentIndex(0)
    view.commune_filter.setCurrentIndex(view.commune_filter.findData("59650"))
    assert _names(view) == ["SOCIÉTÉ DE GYMNASTIQUE « L'ÉTOILE » DE WATTRELOS"]
    view.commune_filter.setCurrentIndex(0)
    view.search.setText("zzzz")
    view._apply_query()
    assert view.list_stack.currentIndex() == 1
    assert "Aucune entrée ne correspond" in view.empty_list.text()


def test_detail_shows_the_register_facts(view: RegistryView) -> None:
    view.start_import("sirene", SIRENE, "mel")
    _select(view, "COOPÉRATIVE SOLIDAIRE DES FLANDRES")
    assert view.detail_stack.currentIndex() == 1
    assert view.title.text() == "COOPÉRATIVE SOLIDAIRE DES FLANDRES"
    assert view._fields["size"].text() == "250 à 499 salariés (en 2022)"
    assert view._fields["ess"].text() == "Oui"
    assert "VILLENEUVE" not in view._fields["address"].text().split("59650")[0]
    assert view._fields["objet"].isHidden()


def test_adopt_then_adopt_again_offers_the_existing(view: RegistryView, ui_ctx: UiContext,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    view.start_import("rna", RNA, "mel")
    _select(view, "ÉCOLE DES SAVOIRS PARTAGÉS")
    changed: list[str] = []
    requested: list[str] = []
    ui_ctx.bus.changed.connect(changed.append)
    ui_ctx.bus.organisation_requested.connect(requested.append)
    view.adopt_current()
    assert "organisation" in changed and view.open_button.isVisibleTo(view)
    asked: list[AlreadyAdopted] = []

    def answer(exc: AlreadyAdopted) -> str:
        asked.append(exc)
        return "open"

    monkeypatch.setattr(view, "ask_existing", answer)
    view.adopt_current()
    assert len(asked) == 1
    existing = asked[0].matches[0].organisation_id
    assert requested == [str(existing)]
    org = org_service.get_organisation(ui_ctx.db, existing)
    assert org.rna == "W595012345" and org.description and "entraide" in org.description
    with ui_ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM organisation").scalar() == 1


def test_cancelled_import_leaves_the_list(view: RegistryView,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import passerelle.ui.views.registry as module
    from passerelle.ui.tasks import Progress

    view.start_import("rna", RNA, "mel")
    before = view.model.rowCount()
    original = Progress.__init__

    def cancelled_at_once(self: Progress) -> None:  # the user clicks « Annuler »
        original(self)
        self.cancel.set()

    shown: list[BaseException] = []
    monkeypatch.setattr(Progress, "__init__", cancelled_at_once)
    monkeypatch.setattr(module, "show_error", lambda parent, exc: shown.append(exc))
    view.start_import("sirene", SIRENE, "mel")
    assert shown and "annulé" in str(shown[0])
    view.refresh()
    assert view.model.rowCount() == before


def test_model_is_a_sound_qt_model(view: RegistryView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view.start_import("rna", RNA, "mel")
    qtmodeltester.check(view.model)


def test_selecting_an_adopted_entry_says_so(view: RegistryView, ui_ctx: UiContext) -> None:
    view.start_import("sirene", SIRENE, "mel")
    org_service.create_organisation(ui_ctx.db, kind="entreprise", name="Ateliers du Nord",
                                    siren="812345676")
    _select(view, "COOPÉRATIVE SOLIDAIRE DES FLANDRES")
    assert view.adopt_status.text() == "" and not view.open_button.isVisibleTo(view)
    _select(view, "ATELIERS DU NORD")
    assert view.adopt_status.text().replace("\xa0", " ") == \
        "Déjà dans vos organisations : « Ateliers du Nord »."
    assert view.open_button.isVisibleTo(view)
    assert view.model.data(view.model.index(_names(view).index(
        "COOPÉRATIVE SOLIDAIRE DES FLANDRES"), 5)) == "ETI · ESS"
