"""« Consigner un échange »: one step saves the meeting, its participants and its next steps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from passerelle.domain.errors import ValidationError
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.services import pipeline
from passerelle.services.files import open_file
from passerelle.ui.dialogs import meeting as meeting_module
from passerelle.ui.dialogs.meeting import DEFAULT_DUE_DAYS, MeetingDialog


@pytest.fixture
def file_and_contact(ui_ctx):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    asso = org_service.create_organisation(db, kind="association", name="Vélo Solidaire")
    company = org_service.create_organisation(db, kind="entreprise", name="Industrie du Nord")
    f = open_file(db, title="Atelier vélo", association_id=asso.id, company_id=company.id)
    marie = org_service.create_contact(db, first_name="Marie", last_name="Dupont",
                                       organisation_id=asso.id)
    org_service.create_contact(db, first_name="Paul", last_name="Martin",
                               organisation_id=company.id)
    return f, marie


def _bus_entities(ui_ctx) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    ui_ctx.bus.changed.connect(seen.append)
    return seen


def test_meeting_with_participant_and_two_next_steps_is_saved_in_one_step(
        qtbot, ui_ctx, file_and_contact):  # type: ignore[no-untyped-def]
    f, marie = file_and_contact
    entities = _bus_entities(ui_ctx)
    dialog = MeetingDialog(ui_ctx, file_id=f.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.subject_edit.hasFocus()  # the file is known: straight to the subject
    assert dialog.file_edit.choice() is not None
    assert dialog.file_edit.text().startswith(f.reference)  # prefilled, readable

    dialog.subject_edit.insert("Point d'étape mécénat")  # QTest types ASCII only
    # A participant, chosen through the completer's popup as a user would.
    chooser = dialog.participants.edit
    qtbot.keyClick(dialog.subject_edit, Qt.Key.Key_Tab)
    assert chooser.hasFocus()  # keyboard order: subject, then participants
    qtbot.keyClicks(chooser, "dupo")
    qtbot.waitUntil(lambda: chooser.completion_count() == 1)
    popup = chooser.completer_.popup()
    assert popup.isVisible()
    popup.setCurrentIndex(chooser.completer_.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.participants.participant_ids() == [marie.id]
    assert chooser.text() == ""  # ready for the next name
    assert len(dialog.participants.chip_buttons()) == 1

    dialog.notes_edit.insertPlainText("La DRH propose deux salariés volontaires.")
    first = dialog.next_steps.rows[0]
    qtbot.keyClicks(first.title_edit, "Envoyer la plaquette")
    qtbot.mouseClick(dialog.next_steps.add_button, Qt.MouseButton.LeftButton)
    second = dialog.next_steps.rows[1]
    qtbot.keyClicks(second.title_edit, "Relancer la direction RSE")
    in_a_month = date.today() + timedelta(days=30)
    second.due_edit.setDate(QDate(in_a_month.year, in_a_month.month, in_a_month.day))
    qtbot.keyClicks(second.assignee_edit, "Sam Lefebvre")

    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    inter = interaction_service.get_interaction(ui_ctx.db, saved.args[0])
    assert inter.subject == "Point d'étape mécénat"
    assert inter.participant_names == ("Marie Dupont",)
    assert "deux salariés" in inter.notes
    tasks = {t.title: t for t in interaction_service.open_tasks(ui_ctx.db, file_id=f.id)}
    assert set(tasks) == {"Envoyer la plaquette", "Relancer la direction RSE"}
    assert tasks["Envoyer la plaquette"].due_on == date.today() + timedelta(DEFAULT_DUE_DAYS)
    assert tasks["Relancer la direction RSE"].due_on == in_a_month
    assert tasks["Relancer la direction RSE"].assignee == "Sam Lefebvre"
    assert tasks["Envoyer la plaquette"].assignee == ui_ctx.db.user_name
    assert {"interaction", "task"} <= set(entities)
    timeline = pipeline.file_timeline(ui_ctx.db, f.id)
    assert [e.title for e in timeline if e.kind == "interaction"] == ["Point d'étape mécénat"]


def test_ctrl_enter_saves(qtbot, ui_ctx, file_and_contact):  # type: ignore[no-untyped-def]
    f, _ = file_and_contact
    dialog = MeetingDialog(ui_ctx, file_id=f.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.subject_edit, "Appel rapide")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in pipeline.file_timeline(ui_ctx.db, f.id)
            if e.kind == "interaction"] == ["Appel rapide"]


def test_empty_subject_shows_the_error_and_keeps_everything_typed(
        qtbot, ui_ctx, file_and_contact, monkeypatch):  # type: ignore[no-untyped-def]
    f, _ = file_and_contact
    shown: list[BaseException] = []
    monkeypatch.setattr(meeting_module, "show_error", lambda parent, exc: shown.append(exc))
    dialog = MeetingDialog(ui_ctx, file_id=f.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.notes_edit.insertPlainText("Des notes précieuses")
    qtbot.keyClicks(dialog.next_steps.rows[0].title_edit, "Rappeler Marie")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1 and isinstance(shown[0], ValidationError)
    assert shown[0].field == "subject"
    assert dialog.isVisible()
    assert dialog.error_label.isVisible() and "Objet" in dialog.error_label.text()
    assert dialog.notes_edit.toPlainText() == "Des notes précieuses"
    assert dialog.next_steps.rows[0].title_edit.text() == "Rappeler Marie"
    assert dialog.save_button.isEnabled()
    assert pipeline.file_timeline(ui_ctx.db, f.id)[0].kind == "stage"  # nothing saved
    assert interaction_service.open_tasks(ui_ctx.db, file_id=f.id) == []

    # Correcting the subject then saving works, with what was typed before.
    qtbot.keyClicks(dialog.subject_edit, "Visite")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [t.title for t in interaction_service.open_tasks(ui_ctx.db, file_id=f.id)] == [
        "Rappeler Marie"]


def test_file_is_chosen_through_the_chooser_when_not_given(
        qtbot, ui_ctx, file_and_contact):  # type: ignore[no-untyped-def]
    f, _ = file_and_contact
    dialog = MeetingDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.file_edit.hasFocus()  # no file given: start by choosing it
    qtbot.keyClicks(dialog.file_edit, "velo")  # accents and case do not matter
    qtbot.waitUntil(lambda: dialog.file_edit.completion_count() == 1)
    dialog.file_edit.choose_row(0)
    assert dialog.file_edit.choice() is not None
    assert dialog.file_edit.choice().id == f.id
    assert dialog.meeting_input().file_id == f.id


def test_unpicked_file_text_is_refused_before_saving(
        qtbot, ui_ctx, file_and_contact):  # type: ignore[no-untyped-def]
    dialog = MeetingDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.file_edit, "dossier inconnu")
    qtbot.keyClicks(dialog.subject_edit, "Reunion")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "liste" in dialog.error_label.text()


def test_escape_asks_before_dropping_typed_notes(
        qtbot, ui_ctx, file_and_contact, monkeypatch):  # type: ignore[no-untyped-def]
    f, _ = file_and_contact
    answers = [False, True]
    asked: list[bool] = []

    def confirm(parent):  # type: ignore[no-untyped-def]
        asked.append(True)
        return answers.pop(0)

    monkeypatch.setattr(meeting_module, "confirm_discard", confirm)
    dialog = MeetingDialog(ui_ctx, file_id=f.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.notes_edit, "Ne pas perdre")
    dialog.reject()
    assert dialog.isVisible() and len(asked) == 1
    dialog.reject()
    assert not dialog.isVisible() and len(asked) == 2
