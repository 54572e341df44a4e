"""Duplicates before saving, the merge dialog, the import dialog and « Exporter… »."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from passerelle.services import organisations as org_service
from passerelle.services.lists import ListQuery, OrganisationRows
from passerelle.ui.context import UiContext
from passerelle.ui.dialogs import duplicates as dup_dialog
from passerelle.ui.dialogs.export import export_list
from passerelle.ui.dialogs.merge import MergeDialog
from passerelle.ui.dialogs.spreadsheet_import import SpreadsheetImportDialog
from passerelle.ui.views.contacts import ContactsView
from passerelle.ui.views.organisations import OrganisationsView

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spreadsheets"


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QMessageBox.information would block: record the texts instead."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def view(qtbot, ui_ctx: UiContext) -> OrganisationsView:  # type: ignore[no-untyped-def]
    widget = OrganisationsView(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    return widget


def _names(db: Any) -> list[str]:
    source = OrganisationRows(db)
    return [r.values[0] for r in source.rows(source.ids(ListQuery()).tolist()).values()]


def _type_new(qtbot, view: OrganisationsView, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    view.form.kind.setCurrentIndex(view.form.kind.findData("association"))
    view.form.name.edit.insert(name)
    view.form.name.edit.textEdited.emit(view.form.name.edit.text())
    view.form.commune.set_commune("59512", "Roubaix")


@pytest.mark.parametrize("choice", [dup_dialog.OPEN, dup_dialog.CREATE, dup_dialog.CANCEL])
def test_duplicates_are_shown_before_saving(qtbot, view: OrganisationsView,  # type: ignore[no-untyped-def]
                                            ui_ctx: UiContext, monkeypatch, choice: str) -> None:
    existing = org_service.create_organisation(ui_ctx.db, kind="association",
                                               name="Cœur & Solidarité", commune_insee="59512",
                                               commune_name="Roubaix")
    view.refresh()
    asked: list[list[str]] = []

    def ask(_parent, candidates, name, **_kw):  # type: ignore[no-untyped-def]
        asked.append([c.name for c in candidates] + [name])
        return choice, candidates[0].id if choice == dup_dialog.OPEN else None

    monkeypatch.setattr(dup_dialog.DuplicateDialog, "ask", ask)
    _type_new(qtbot, view, "Coeur et Solidarite")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert asked == [["Cœur & Solidarité", "Coeur et Solidarite"]]
    names = sorted(_names(ui_ctx.db))
    if choice == dup_dialog.CREATE:
        assert names == ["Coeur et Solidarite", "Cœur & Solidarité"]
    else:
        assert names == ["Cœur & Solidarité"]
    if choice == dup_dialog.OPEN:
        assert view._current_id == existing.id
        assert view.form.name.text() == "Cœur & Solidarité"


def test_no_question_without_duplicates(qtbot, view: OrganisationsView,  # type: ignore[no-untyped-def]
                                        ui_ctx: UiContext, monkeypatch) -> None:
    monkeypatch.setattr(dup_dialog.DuplicateDialog, "ask",
                        lambda *a, **k: pytest.fail("no duplicate to show"))
    _type_new(qtbot, view, "Atelier Vélo")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert _names(ui_ctx.db) == ["Atelier Vélo"]


def test_duplicate_dialog_lists_candidates_and_reasons(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from passerelle.services import duplicates

    org = org_service.create_organisation(ui_ctx.db, kind="association", name="Les Amis",
                                          rna="W595000001")
    found = duplicates.find_duplicates(ui_ctx.db, duplicates.OrganisationCandidate(
        "Autre", rna="W595000001"))
    dialog = dup_dialog.DuplicateDialog(found, "Autre")
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    assert item.text(0) == "Les Amis" and item.text(4) == "Même n° RNA"
    assert item.text(3) == "W595 000 001"
    assert dialog.chosen_id == org.id
    dialog.create_button.click()
    assert dialog.choice == dup_dialog.CREATE


def test_merge_from_two_selected_rows(qtbot, view: OrganisationsView,  # type: ignore[no-untyped-def]
                                      ui_ctx: UiContext, monkeypatch) -> None:
    keep = org_service.create_organisation(ui_ctx.db, kind="association", name="A Cœur ouvert",
                                           commune_insee="59512")
    other = org_service.create_organisation(ui_ctx.db, kind="association", name="B Coeur ouvert",
                                            rna="W595000001", email="b@example.fr")
    org_service.create_contact(ui_ctx.db, first_name="Awa", last_name="Diallo",
                               organisation_id=other.id)
    view.refresh()
    assert not view.merge_button.isEnabled()
    selection = view.table.selectionModel()
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    for row in range(2):
        selection.select(view.model.index(row, 0), flags)
    assert view.merge_button.isEnabled()
    opened: list[MergeDialog] = []
    monkeypatch.setattr(MergeDialog, "open", lambda self: opened.append(self))
    view.merge_button.click()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert {dialog.kept_id, dialog.merged_id} == {keep.id, other.id}
    if dialog.kept_id != keep.id:
        dialog.swap_button.click()
    assert dialog.kept_id == keep.id
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows["N° RNA"], 3).text() == "W595 000 001"  # filled
    assert dialog.table.item(rows["Contacts"], 2).text() == "1"
    assert dialog.table.item(rows["Contacts"], 3).text() == "1"
    with qtbot.waitSignal(dialog.merged):
        dialog.merge_button.click()
    assert _names(ui_ctx.db) == ["A Cœur ouvert"]
    assert org_service.get_organisation(ui_ctx.db, keep.id).rna == "W595000001"
    assert view.status.text() == "Organisations fusionnées."


def test_import_dialog_maps_previews_checks_then_imports(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                         infos: list[str]) -> None:
    dialog = SpreadsheetImportDialog(ui_ctx, "organisations",
                                     FIXTURES / "associations_excel_cp1252.csv")
    qtbot.addWidget(dialog)
    assert "Windows-1252" in dialog.file_label.text() and "5 lignes" in dialog.file_label.text()
    assert dialog.combos["name"].currentText() == "Nom de l'association"
    assert dialog.combos["commune"].currentText() == "Ville"
    headers = [dialog.preview.horizontalHeaderItem(c).text()
               for c in range(dialog.preview.columnCount())]
    assert headers[:3] == ["Nom *", "N° RNA", "Adresse"]
    assert dialog.preview.item(2, 0).text() == "Œuvre des Jardins Ouvriers"
    assert dialog.preview.verticalHeaderItem(2).text() == "4"  # the file's own line number
    # unmapping the name blocks the check and says why
    dialog.set_column("name", None)
    assert not dialog.check_button.isEnabled() and "Nom" in dialog.hint.text()
    dialog.set_column("name", 0)
    dialog.check_button.click()
    assert dialog.pages.currentIndex() == 1
    assert "4 organisations à créer" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1  # the duplicate row 8
    assert dialog.problems.item(0, 0).text() == "8"
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert len(_names(ui_ctx.db)) == 4
    assert infos == ["4 organisations importées."]


def test_import_dialog_reports_errors_and_refuses(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dialog = SpreadsheetImportDialog(ui_ctx, "organisations",
                                     FIXTURES / "associations_erreurs.csv")
    qtbot.addWidget(dialog)
    dialog.check_button.click()
    assert "5 erreurs à corriger" in dialog.summary.text()
    cells = {(dialog.problems.item(r, 0).text(), dialog.problems.item(r, 1).text())
             for r in range(dialog.problems.rowCount())}
    assert ("4", "Code postal") in cells and ("3", "Nom") in cells
    assert not dialog.import_button.isEnabled()
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == 0
    assert _names(ui_ctx.db) == []


def test_contacts_import_and_export_from_the_contacts_view(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path, infos: list[str],
                                                           monkeypatch) -> None:
    from passerelle.ui.views import contacts as contacts_module

    view = ContactsView(ui_ctx)
    qtbot.addWidget(view)
    opened: list[SpreadsheetImportDialog] = []
    monkeypatch.setattr(contacts_module, "ask_import_path",
                        lambda _p: FIXTURES / "contacts_utf8_bom.csv")
    monkeypatch.setattr(SpreadsheetImportDialog, "open", lambda self: opened.append(self))
    view.import_button.click()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert dialog.kind == "contacts"
    assert dialog.combos["organisation"].currentText() == "Structure"
    dialog.check_button.click()
    dialog.import_button.click()
    assert view.model.rowCount() == 4
    out = tmp_path / "contacts.csv"
    monkeypatch.setattr(contacts_module, "export_list",
                        lambda parent, ctx, what, query: export_list(parent, ctx, what, query,
                                                                     out))
    view.export_button.click()
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["Prénom", "Nom", "Fonction", "Organisation"]
    assert len(rows) == 5
    assert infos[-1] == f"4 lignes exportées dans {out}"


def test_duplicates_of_the_shown_organisation_lead_to_the_merge(  # type: ignore[no-untyped-def]
        qtbot, view: OrganisationsView, ui_ctx: UiContext, monkeypatch) -> None:
    shown = org_service.create_organisation(ui_ctx.db, kind="entreprise", name="Dupont",
                                            siren="412345670")
    twin = org_service.create_organisation(ui_ctx.db, kind="entreprise",
                                           name="Boulangerie Dupont", siret="41234567000019")
    view.refresh()
    view.select_organisation(shown.id)
    asked: list[tuple[list[str], bool]] = []

    def ask(_parent, candidates, _name, *, merge=False, **_kw):  # type: ignore[no-untyped-def]
        asked.append(([c.name for c in candidates], merge))
        return dup_dialog.OPEN, candidates[0].id

    monkeypatch.setattr(dup_dialog.DuplicateDialog, "ask", ask)
    opened: list[MergeDialog] = []
    monkeypatch.setattr(MergeDialog, "open", lambda self: opened.append(self))
    view.duplicates_button.click()
    assert asked == [(["Boulangerie Dupont"], True)]
    qtbot.addWidget(opened[0])
    assert (opened[0].kept_id, opened[0].merged_id) == (shown.id, twin.id)
    # nothing close: the status says so
    org_service.delete_organisation(ui_ctx.db, twin.id)
    view.duplicates_button.click()
    assert view.status.text() == "Aucun doublon probable."
