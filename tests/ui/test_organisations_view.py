"""The Organisations view as a facilitator uses it: register, correct, find, open a file."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.services.lists import ListQuery, OrganisationRows
from passerelle.ui.context import UiContext
from passerelle.ui.views.organisations import OrganisationsView


@pytest.fixture
def view(qtbot, ui_ctx: UiContext) -> OrganisationsView:  # type: ignore[no-untyped-def]
    widget = OrganisationsView(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1190, 720)
    widget.show()
    return widget


def type_text(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a user; QTest cannot synthesise non-ASCII keys, so those are inserted."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)
        edit.textEdited.emit(edit.text())


def _names(view: OrganisationsView) -> list[str]:
    return [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())]


def test_list_starts_with_an_explanation_when_empty(qtmodeltester,  # type: ignore[no-untyped-def]
                                                    view: OrganisationsView) -> None:
    assert view.model.rowCount() == 0
    assert view.list_stack.currentWidget() is view.empty_list
    assert "Nouvelle organisation" in view.empty_list.text()
    qtmodeltester.check(view.model)


def test_invalid_siren_is_explained_and_blocks_saving_until_fixed(
        qtbot, view: OrganisationsView) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.form
    form.kind.setCurrentIndex(form.kind.findData("association"))
    type_text(qtbot, form.name.edit, "Œuvre des Quartiers")
    assert view.save_button.isEnabled()

    qtbot.keyClicks(form.siren.edit, "123 456 789")
    assert "clé de contrôle" in form.siren.error_text()
    assert "123456789" in form.siren.error_text()
    assert not view.save_button.isEnabled()

    form.siren.edit.clear()
    qtbot.keyClicks(form.siren.edit, "552 081 317")
    assert form.siren.error_text() == ""
    assert view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    assert _names(view) == ["Œuvre des Quartiers"]
    assert view.count_label.text() == "1 organisation"
    selected = view.table.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [0]
    assert view.form.siren.text() == "552 081 317"
    assert not view.save_button.isEnabled()  # nothing left to save
    assert "enregistrée" in view.status.text()


def test_name_is_required(qtbot, view: OrganisationsView) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert not view.save_button.isEnabled()
    qtbot.keyClicks(view.form.name.edit, "A")
    qtbot.keyClick(view.form.name.edit, Qt.Key.Key_Backspace)
    assert view.form.name.error_text() == "Le nom est obligatoire."
    assert not view.save_button.isEnabled()


def test_other_identifiers_are_checked_as_typed(qtbot, view: OrganisationsView  # type: ignore[no-untyped-def]
                                                ) -> None:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.form
    qtbot.keyClicks(form.name.edit, "Acme")
    qtbot.keyClicks(form.rna.edit, "X123")
    assert "doit commencer par la lettre W" in form.rna.error_text()
    form.rna.edit.clear()
    qtbot.keyClicks(form.siren.edit, "552081317")
    qtbot.keyClicks(form.siret.edit, "73282932000074")  # valid, but another company's
    assert "n'appartient pas au SIREN 552 081 317" in form.siret.error_text()
    assert not view.save_button.isEnabled()
    form.siret.edit.clear()
    qtbot.keyClicks(form.phone.edit, "03 20")
    assert "10 chiffres" in form.phone.error_text()
    qtbot.keyClicks(form.phone.edit, " 12 34 56")
    qtbot.keyClicks(form.email.edit, "contact@acme")
    assert "domaine" in form.email.error_text()
    qtbot.keyClicks(form.email.edit, ".fr")
    assert form.is_valid()
    assert view.save_button.isEnabled()


def test_editing_an_organisation_updates_the_list(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                  view: OrganisationsView) -> None:
    org = org_service.create_organisation(ui_ctx.db, kind="entreprise", name="Acme")
    view.refresh()
    view.select_organisation(org.id)
    assert view.form.name.text() == "Acme"
    assert not view.save_button.isEnabled()
    view.form.name.edit.selectAll()
    qtbot.keyClicks(view.form.name.edit, "Acme Industrie")
    qtbot.keyClicks(view.form.naf.edit, "6201z")
    with qtbot.waitSignal(ui_ctx.bus.changed):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert _names(view) == ["Acme Industrie"]
    assert org_service.get_organisation(ui_ctx.db, org.id).naf == "62.01Z"


def test_search_and_kind_filter(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                view: OrganisationsView) -> None:
    db = ui_ctx.db
    org_service.create_organisation(db, kind="association", name="Œuvre des Quartiers")
    org_service.create_organisation(db, kind="entreprise", name="Acme")
    view.refresh()
    assert len(_names(view)) == 2
    qtbot.keyClicks(view.search, "oeuvre")
    qtbot.waitUntil(lambda: _names(view) == ["Œuvre des Quartiers"])
    view.search.clear()
    qtbot.waitUntil(lambda: len(_names(view)) == 2)
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("entreprise"))
    assert _names(view) == ["Acme"]
    qtbot.keyClicks(view.search, "zzz")
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.empty_list)
    assert "Aucune organisation ne correspond" in view.empty_list.text()


def test_contacts_and_files_of_the_organisation(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                view: OrganisationsView) -> None:
    db = ui_ctx.db
    assoc = org_service.create_organisation(db, kind="association", name="Les Amis du Parc")
    company = org_service.create_organisation(db, kind="entreprise", name="Acme")
    org_service.create_contact(db, first_name="Léa", last_name="Dupont",
                               organisation_id=assoc.id, role="Présidente")
    file = file_service.open_file(db, title="Jardin partagé", association_id=assoc.id,
                                  company_id=company.id, opened_on=date(2025, 5, 2))
    view.refresh()
    view.select_organisation(assoc.id)

    assert view.contacts.topLevelItemCount() == 1
    person = view.contacts.topLevelItem(0)
    assert (person.text(0), person.text(1)) == ("Léa Dupont", "Présidente")
    assert view.tabs.tabText(1) == "Contacts (1)"

    assert view.files.topLevelItemCount() == 1
    item = view.files.topLevelItem(0)
    assert (item.text(0), item.text(1), item.text(2), item.text(3)) == (
        file.reference, "Jardin partagé", "Acme", "Premier contact")
    view.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: view.files.isVisible()
                    and view.files.visualItemRect(item).height() > 0)
    rect = view.files.visualItemRect(item)
    with qtbot.waitSignal(ui_ctx.bus.file_requested, timeout=1000) as requested:
        # Qt 6 item views act on a double-click only after the press that starts it.
        qtbot.mouseClick(view.files.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.files.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert requested.args == [str(file.id)]


def test_contact_linked_elsewhere_appears_in_the_panel(ui_ctx: UiContext,
                                                       view: OrganisationsView) -> None:
    db = ui_ctx.db
    org = org_service.create_organisation(db, kind="association", name="Les Amis du Parc")
    view.refresh()
    view.select_organisation(org.id)
    assert view.contacts_stack.currentIndex() == 1  # the empty-state explanation
    contact = org_service.create_contact(db, first_name="Marc", last_name="Adam")
    org_service.link_contact(db, contact.id, org.id, "Trésorier")
    ui_ctx.bus.changed.emit("contact")
    assert view.contacts.topLevelItem(0).text(1) == "Trésorier"


def test_delete_asks_then_removes(qtbot, monkeypatch, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                  view: OrganisationsView) -> None:
    org = org_service.create_organisation(ui_ctx.db, kind="fondation", name="Fondation B")
    view.refresh()
    view.select_organisation(org.id)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert _names(view) == ["Fondation B"]
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert _names(view) == []
    assert view.detail_stack.currentIndex() == 0
    assert len(OrganisationRows(ui_ctx.db).ids(ListQuery())) == 0


def test_unsaved_edits_are_not_lost_silently(qtbot, monkeypatch, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                             view: OrganisationsView) -> None:
    db = ui_ctx.db
    first = org_service.create_organisation(db, kind="association", name="A")
    org_service.create_organisation(db, kind="association", name="B")
    view.refresh()
    view.select_organisation(first.id)
    qtbot.keyClicks(view.form.name.edit, "bc")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Cancel)
    view.table.selectRow(1)
    assert view.form.name.text() == "Abc"  # the user kept editing
    assert view.model.row_id(view.table.currentIndex().row()) == first.id
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Discard)
    view.table.selectRow(1)
    assert view.form.name.text() == "B"


def test_commune_chosen_from_the_list_fills_the_postal_code(
        qtbot, ui_ctx: UiContext, view: OrganisationsView) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.form
    qtbot.keyClicks(form.name.edit, "Club")
    combo = form.commune.combo
    index = combo.findData("59512")
    assert index > 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert form.postal_code.text() == "59100"
    qtbot.keyClicks(combo.lineEdit(), "x")
    assert "code INSEE" in form.commune.error_text()
    assert not view.save_button.isEnabled()
    combo.setCurrentIndex(index)
    form.commune.validate()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    org_id = view.model.row_id(0)
    assert isinstance(org_id, uuid.UUID)
    saved = org_service.get_organisation(ui_ctx.db, org_id)
    assert (saved.commune_insee, saved.commune_name, saved.postal_code) == (
        "59512", "Roubaix", "59100")
