"""The Contacts view: register a person, correct them, link them to organisations with roles."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from passerelle.services import directory
from passerelle.services import organisations as org_service
from passerelle.ui.context import UiContext
from passerelle.ui.views.contacts import ContactsView, OrganisationChooser
from passerelle.ui.views.organisations import OrganisationsView


@pytest.fixture
def view(qtbot, ui_ctx: UiContext) -> ContactsView:  # type: ignore[no-untyped-def]
    widget = ContactsView(ui_ctx)
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


def _column(view: ContactsView, column: int = 0) -> list[str]:
    return [view.model.data(view.model.index(r, column)) for r in range(view.model.rowCount())]


def test_empty_list_explains_what_to_do(qtmodeltester, view: ContactsView  # type: ignore[no-untyped-def]
                                        ) -> None:
    assert view.list_stack.currentIndex() == 1
    assert "Nouveau contact" in view.empty_list.text()
    qtmodeltester.check(view.model)


def test_invalid_email_and_phone_block_saving_until_fixed(
        qtbot, ui_ctx: UiContext, view: ContactsView) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.form
    type_text(qtbot, form.first_name, "Léa")
    qtbot.keyClicks(form.last_name.edit, "Dupont")
    assert view.save_button.isEnabled()
    qtbot.keyClicks(form.email.edit, "lea.dupont@@exemple.fr")
    assert "un seul @" in form.email.error_text()
    assert not view.save_button.isEnabled()
    qtbot.keyClicks(form.mobile.edit, "+44 20 7946 0000")
    assert "n'est pas un numéro français" in form.mobile.error_text()

    form.email.edit.clear()
    qtbot.keyClicks(form.email.edit, "lea.dupont@Exemple.FR")
    form.mobile.edit.clear()
    qtbot.keyClicks(form.mobile.edit, "06.12.34.56.78")
    assert form.email.error_text() == form.mobile.error_text() == ""
    assert view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    assert _column(view) == ["Léa Dupont"]
    assert view.model.data(view.model.index(0, 3)) == "lea.dupont@exemple.fr"
    assert view.model.data(view.model.index(0, 4)) == "06 12 34 56 78"
    assert view.count_label.text() == "1 contact"
    assert view.tabs.currentIndex() == 1  # next step: link to an organisation
    assert view.links_stack.currentIndex() == 1  # « not linked yet » explanation


def test_consent_basis_asks_for_the_consent_date(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                 view: ContactsView) -> None:
    contact = org_service.create_contact(ui_ctx.db, first_name="Marc", last_name="Adam")
    view.refresh()
    view.select_contact(contact.id)
    form = view.form
    form.legal_basis.setCurrentIndex(form.legal_basis.findData("consentement"))
    form.legal_basis.activated.emit(form.legal_basis.currentIndex())
    assert not form.consent_hint.isHidden()
    form.consent_on.setDate(QDate(2025, 3, 14))
    assert form.consent_hint.isHidden()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = directory.get_contact_detail(ui_ctx.db, contact.id)
    assert (saved.legal_basis, saved.consent_on) == ("consentement", date(2025, 3, 14))


def test_link_a_contact_to_an_organisation_with_a_role(
        qtbot, ui_ctx: UiContext, view: ContactsView) -> None:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    org = org_service.create_organisation(db, kind="association", name="Œuvre des Quartiers",
                                          commune_name="Roubaix")
    org_service.create_organisation(db, kind="entreprise", name="Acme")
    contact = org_service.create_contact(db, first_name="Léa", last_name="Dupont")
    organisations = OrganisationsView(ui_ctx)
    qtbot.addWidget(organisations)
    organisations.show()
    organisations.select_organisation(org.id)
    assert organisations.contacts.topLevelItemCount() == 0

    view.refresh()
    view.select_contact(contact.id)
    view.tabs.setCurrentIndex(1)
    assert not view.link_button.isEnabled()
    qtbot.keyClicks(view.chooser.lineEdit(), "oeuv")  # accent- and ligature-insensitive
    qtbot.waitUntil(lambda: view.chooser.count() == 1)
    assert view.chooser.itemText(0) == "Œuvre des Quartiers — Association, Roubaix"
    view.chooser.setCurrentIndex(0)
    assert view.link_button.isEnabled()
    type_text(qtbot, view.role_edit, "Trésorière")
    qtbot.mouseClick(view.link_button, Qt.MouseButton.LeftButton)

    assert view.links.rowCount() == 1
    assert (view.links.item(0, 0).text(), view.links.item(0, 2).text()) == (
        "Œuvre des Quartiers", "Trésorière")
    assert view.tabs.tabText(1) == "Organisations (1)"
    assert _column(view, 1) == ["Œuvre des Quartiers"]
    assert _column(view, 2) == ["Trésorière"]
    assert view.chooser.currentText() == ""  # ready for the next link
    # The organisation's panel heard about it through the bus.
    assert organisations.contacts.topLevelItem(0).text(1) == "Trésorière"


def test_change_a_role_in_place_and_remove_a_link(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                  view: ContactsView) -> None:
    db = ui_ctx.db
    org = org_service.create_organisation(db, kind="entreprise", name="Acme")
    other = org_service.create_organisation(db, kind="association", name="Club")
    contact = org_service.create_contact(db, first_name="Marc", last_name="Adam",
                                         organisation_id=org.id, role="DRH")
    org_service.link_contact(db, contact.id, other.id, "Bénévole")
    view.refresh()
    view.select_contact(contact.id)
    view.tabs.setCurrentIndex(1)
    assert [view.links.item(r, 0).text() for r in range(2)] == ["Acme", "Club"]

    view.links.item(0, 2).setText("Directeur des ressources humaines")
    detail = directory.get_contact_detail(db, contact.id)
    assert detail.links[0].role == "Directeur des ressources humaines"
    assert detail.links[0].is_primary  # editing the role keeps the primary organisation

    view.links.selectRow(1)
    assert view.unlink_button.isEnabled()
    qtbot.mouseClick(view.unlink_button, Qt.MouseButton.LeftButton)
    assert view.links.rowCount() == 1
    assert [link.organisation_id for link in directory.get_contact_detail(db, contact.id).links
            ] == [org.id]


def test_search_finds_names_without_accents(qtbot, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                                            view: ContactsView) -> None:
    db = ui_ctx.db
    org_service.create_contact(db, first_name="Émilie", last_name="Évrard")
    org_service.create_contact(db, first_name="Marc", last_name="Adam")
    view.refresh()
    qtbot.keyClicks(view.search, "emilie")
    qtbot.waitUntil(lambda: _column(view) == ["Émilie Évrard"])


def test_delete_asks_first(qtbot, monkeypatch, ui_ctx: UiContext,  # type: ignore[no-untyped-def]
                           view: ContactsView) -> None:
    contact = org_service.create_contact(ui_ctx.db, first_name="Marc", last_name="Adam")
    view.refresh()
    view.select_contact(contact.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert _column(view) == []
    assert view.detail_stack.currentIndex() == 0


def test_chooser_can_be_limited_to_some_kinds(qtbot, ui_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    org_service.create_organisation(ui_ctx.db, kind="association", name="Acme sport")
    org_service.create_organisation(ui_ctx.db, kind="entreprise", name="Acme SA")
    chooser = OrganisationChooser(ui_ctx, kinds=["entreprise"])
    qtbot.addWidget(chooser)
    qtbot.keyClicks(chooser.lineEdit(), "acme")
    qtbot.waitUntil(lambda: chooser.count() == 1)
    assert chooser.chosen_id() is None  # typed text is not a choice yet
    chooser.setCurrentIndex(0)
    assert chooser.chosen_id() is not None
