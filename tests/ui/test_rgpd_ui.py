"""RGPD view, contact RGPD tab and history dialog, driven as a user would."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from passerelle.services import interactions, organisations
from passerelle.services.interactions import MeetingInput
from passerelle.ui.dialogs.history import HistoryDialog
from passerelle.ui.views.contact_rgpd import ContactRgpdPanel
from passerelle.ui.views.rgpd import RgpdView


@pytest.fixture
def old_contact(ui_ctx):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    org = organisations.create_organisation(db, kind="entreprise", name="Vieille Maison")
    person = organisations.create_contact(db, first_name="Odile", last_name="Ancienne",
                                          organisation_id=org.id, role="Gérante",
                                          email="odile@example.org")
    interactions.log_interaction(db, MeetingInput(
        subject="Premier rendez-vous", organisation_id=org.id,
        occurred_at=datetime(2019, 6, 1, 10, 0), participant_ids=[person.id]))
    organisations.create_contact(db, first_name="Nina", last_name="Récente",
                                 collected_on=date.today())
    return person.id


def test_review_lists_and_erases_after_confirmation(qtbot, ui_ctx, old_contact,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    view = RgpdView(ui_ctx)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 1
    assert view.table.item(0, 0).text() == "Odile Ancienne"
    assert view.table.item(0, 4).text() == "dernier contact entrant"
    assert not view.erase_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    view.select_all_button.click()
    assert view.erase_button.isEnabled()
    view.erase_button.click()  # cancelled: nothing happens
    assert organisations.get_contact(ui_ctx.db, old_contact).full_name == "Odile Ancienne"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.erase_button.click()
    assert view.table.rowCount() == 0
    assert view.card.is_empty_shown()
    with pytest.raises(Exception, match="introuvable"):
        organisations.get_contact(ui_ctx.db, old_contact)


def test_contact_panel_saves_collection_facts(qtbot, ui_ctx, old_contact) -> None:  # type: ignore[no-untyped-def]
    panel = ContactRgpdPanel(ui_ctx)
    qtbot.addWidget(panel)
    panel.load(old_contact)
    assert panel.last_inbound.text() == "01/06/2019"
    assert "durée dépassée" in panel.review.text()
    assert not panel.save_button.isEnabled()
    qtbot.keyClicks(panel.source, "Salon 2019")
    panel.objects.setChecked(True)
    panel.save_button.click()
    c = organisations.get_contact(ui_ctx.db, old_contact)
    assert c is not None
    from passerelle.services import rgpd
    facts = rgpd.contact_rgpd(ui_ctx.db, old_contact)
    assert facts.collected_from == "Salon 2019" and facts.objects_to_prospecting


def test_history_dialog_shows_who_when_and_old_new(qtbot, ui_ctx, old_contact) -> None:  # type: ignore[no-untyped-def]
    organisations.update_contact(ui_ctx.db, old_contact, email="odile.a@example.org")
    dialog = HistoryDialog(ui_ctx, "contact", old_contact, "Odile Ancienne")
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(6)]
            for r in range(dialog.table.rowCount())]
    assert rows[0][1] == "Camille Test"
    assert rows[0][3:] == ["E-mail", "odile@example.org", "odile.a@example.org"]
    assert any(r[3] == "Création" for r in rows)
    assert all(r[3] != "Restauration" for r in rows)


def test_file_history_uses_the_forms_words(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    from passerelle.services import files

    db = ui_ctx.db
    a = organisations.create_organisation(db, kind="association", name="Asso")
    c = organisations.create_organisation(db, kind="entreprise", name="Boîte")
    f = files.open_file(db, title="Projet", association_id=a.id, company_id=c.id)
    files.move_stage(db, f.id, 2)
    dialog = HistoryDialog(ui_ctx, "partnership_file", f.id, "D-1")
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, col).text() for col in range(3, 6)]
            for r in range(dialog.table.rowCount())]
    assert ["Étape", "Premier contact", "Diagnostic"] in rows


def test_erase_from_the_contact_tab(qtbot, ui_ctx, old_contact, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from passerelle.ui.views.contacts import ContactsView

    view = ContactsView(ui_ctx)
    qtbot.addWidget(view)
    view.select_contact(old_contact)
    view.tabs.setCurrentWidget(view.rgpd_panel)
    assert view.rgpd_panel.isEnabled()
    assert view.rgpd_panel.last_inbound.text() == "01/06/2019"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.rgpd_panel.erase_button.click()
    assert view.detail_stack.currentIndex() == 0  # the form of the erased person is gone
    assert view.model.row_of_id(old_contact) is None
    view.new_button.click()
    assert not view.rgpd_panel.isEnabled()  # a new contact has no RGPD facts yet


def test_double_click_in_the_review_opens_the_contact(qtbot, ui_ctx, old_contact,  # type: ignore[no-untyped-def]
                                                      tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from passerelle.ui.main_window import MainWindow
    from passerelle.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ui_ctx, settings=settings)
    qtbot.addWidget(window)
    review = window.show_view("rgpd")
    review.table.doubleClicked.emit(review.table.model().index(0, 0))
    assert window.current_view_key() == "contacts"
    contacts = window.view("contacts")
    assert contacts.title.text() == "Odile Ancienne"
