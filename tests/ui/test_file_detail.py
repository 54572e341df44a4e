"""The file detail view: status actions, the stage stepper, timeline, tasks and checklists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from shiboken6 import isValid

from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import Brake, FileStatus, Objective
from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.ui.views import file_detail as detail_module
from passerelle.ui.views import files as files_module
from passerelle.ui.views.file_detail import FileDetailView, TimelineModel, timeline_cells


@pytest.fixture
def a_file(ui_ctx):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    asso = org_service.create_organisation(db, kind="association", name="Vélo Solidaire")
    f = file_service.open_file(db, title="Atelier vélo", association_id=asso.id,
                               themes=["sport"])
    marie = org_service.create_contact(db, first_name="Marie", last_name="Dupont",
                                       organisation_id=asso.id)
    return f, marie


def _view(qtbot, ui_ctx, file_id) -> FileDetailView:  # type: ignore[no-untyped-def]
    view = FileDetailView(ui_ctx)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.show_file(file_id)
    qtbot.waitUntil(lambda: view.overview is not None)
    return view


def _step_centre(view: FileDetailView, stage: Stage) -> QPoint:
    width = view.stepper.width() / len(Stage)
    return QPoint(int((int(stage) - 0.5) * width), view.stepper.NODE // 2 + 4)


def test_put_on_hold_with_a_reason_then_resume(qtbot, ui_ctx, a_file, monkeypatch
                                               ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    asked: list[str] = []

    def ask(parent, title, prompt, *, required=True):  # type: ignore[no-untyped-def]
        asked.append(title)
        return "Attente du budget 2027"

    monkeypatch.setattr(detail_module, "ask_reason", ask)
    view = _view(qtbot, ui_ctx, f.id)
    assert view.pause_button.isVisible() and not view.resume_button.isVisible()

    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)

    assert asked == ["Mettre le dossier en pause"]
    qtbot.waitUntil(lambda: view.overview.file.status is FileStatus.ON_HOLD)
    assert view.status_banner.isVisible()
    assert "Attente du budget 2027" in view.status_banner.text()
    assert view.status_badge.text() == "En pause"
    assert view.resume_button.isVisible() and not view.pause_button.isVisible()
    assert file_service.get_file(ui_ctx.db, f.id).status_reason == "Attente du budget 2027"

    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: view.overview.file.status is FileStatus.ACTIVE)
    assert not view.status_banner.isVisible()
    history = file_service.stage_history(ui_ctx.db, f.id)
    assert [h.status for h in history[-2:]] == ["en_pause", "actif"]
    whats = [timeline_cells(item)[2] for item in view.overview.timeline]
    assert "Dossier mis en pause" in whats and "Dossier repris" in whats


def test_cancelled_reason_changes_nothing(qtbot, ui_ctx, a_file, monkeypatch
                                          ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    monkeypatch.setattr(detail_module, "ask_reason", lambda *a, **k: None)
    view = _view(qtbot, ui_ctx, f.id)
    qtbot.mouseClick(view.abandon_button, Qt.MouseButton.LeftButton)
    assert file_service.get_file(ui_ctx.db, f.id).status is FileStatus.ACTIVE


def test_stepper_shows_the_current_stage_and_its_history(qtbot, ui_ctx, a_file
                                                         ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    file_service.move_stage(ui_ctx.db, f.id, Stage.DIAGNOSIS, "Besoins identifiés")
    view = _view(qtbot, ui_ctx, f.id)
    assert view.stepper.current is Stage.DIAGNOSIS
    tip = view.stepper.step_tooltip(Stage.DIAGNOSIS)
    assert "Depuis « Premier contact »" in tip
    assert ui_ctx.db.user_name in tip
    assert "Raison : Besoins identifiés" in tip
    assert "pas encore passé" in view.stepper.step_tooltip(Stage.REVIEW)
    assert view.reference_label.text() == f.reference
    assert view.title_edit.text() == "Atelier vélo"
    assert view.partners_label.text().startswith("Vélo Solidaire")


def test_clicking_a_later_step_moves_or_explains(qtbot, ui_ctx, a_file, monkeypatch
                                                 ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    refusals: list[object] = []
    monkeypatch.setattr(files_module, "explain_refusal",
                        lambda parent, exc, target: refusals.append((exc, target)))
    view = _view(qtbot, ui_ctx, f.id)

    qtbot.mouseClick(view.stepper, Qt.MouseButton.LeftButton,
                     pos=_step_centre(view, Stage.MATCHING))
    qtbot.waitUntil(lambda: len(refusals) == 1)
    exc, target = refusals[0]  # type: ignore[misc]
    assert target is Stage.MATCHING
    assert exc.missing == ("au moins une entreprise partenaire doit être renseignée",)
    assert view.stepper.current is Stage.FIRST_CONTACT

    qtbot.mouseClick(view.stepper, Qt.MouseButton.LeftButton,
                     pos=_step_centre(view, Stage.DIAGNOSIS))
    qtbot.waitUntil(lambda: view.stepper.current is Stage.DIAGNOSIS)
    assert file_service.get_file(ui_ctx.db, f.id).stage is Stage.DIAGNOSIS


def test_going_back_asks_why_and_records_it(qtbot, ui_ctx, a_file, monkeypatch
                                            ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    file_service.move_stage(ui_ctx.db, f.id, Stage.DIAGNOSIS)
    monkeypatch.setattr(detail_module, "ask_reason",
                        lambda *a, required=True: "Erreur de saisie")
    view = _view(qtbot, ui_ctx, f.id)
    qtbot.mouseClick(view.stepper, Qt.MouseButton.LeftButton,
                     pos=_step_centre(view, Stage.FIRST_CONTACT))
    qtbot.waitUntil(lambda: view.stepper.current is Stage.FIRST_CONTACT)
    assert file_service.stage_history(ui_ctx.db, f.id)[-1].reason == "Erreur de saisie"


def test_timeline_lists_the_meeting_and_opens_its_notes(qtbot, qtmodeltester, ui_ctx, a_file,
                                                        monkeypatch):  # type: ignore[no-untyped-def]
    f, marie = a_file
    interaction_service.log_interaction(ui_ctx.db, interaction_service.MeetingInput(
        subject="Rencontre avec la DRH", file_id=f.id, participant_ids=[marie.id],
        duration_minutes=45, notes="Première ligne.\n" + "Suite des notes. " * 40,
        next_steps=[interaction_service.NextStep("Envoyer la plaquette",
                                                 date.today() + timedelta(days=7))]))
    opened: list[object] = []
    monkeypatch.setattr(detail_module, "show_notes", lambda parent, dto: opened.append(dto))
    view = _view(qtbot, ui_ctx, f.id)
    qtmodeltester.check(view.timeline_model)

    model = view.timeline_model
    rows = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert rows[0] == "Rencontre avec la DRH"  # newest first
    assert model.index(0, 1).data() == "Réunion"
    assert model.index(0, 3).data().startswith("45 min — Première ligne.")
    assert model.index(0, 3).data().endswith("…")  # an excerpt, not the whole note
    assert rows[-1] == "Ouverture du dossier à l'étape « Premier contact »"
    assert view.tabs.tabText(0) == f"Historique ({model.rowCount()})"

    view.timeline_view.activated.emit(model.index(0, 0))
    assert len(opened) == 1
    assert opened[0].notes.count("Suite des notes.") == 40  # type: ignore[attr-defined]

    # The meeting's participant and task appear in their tabs.
    assert view.participants_table.rowCount() == 1
    assert view.participants_table.item(0, 0).text() == "Marie Dupont"
    assert view.tasks_list.count() == 1


def test_notes_dialog_shows_the_full_notes(qtbot, ui_ctx, a_file):  # type: ignore[no-untyped-def]
    f, _ = a_file
    dto = interaction_service.log_interaction(ui_ctx.db, interaction_service.MeetingInput(
        subject="Visite", file_id=f.id, notes="Tout le texte des notes.",
        decisions="On signe en mars."))
    dialog = detail_module.show_notes(None, dto)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "Tout le texte des notes."  # type: ignore[attr-defined]


def test_ticking_a_task_completes_it(qtbot, ui_ctx, a_file):  # type: ignore[no-untyped-def]
    f, _ = a_file
    interaction_service.create_task(ui_ctx.db, "Relancer", file_id=f.id)
    view = _view(qtbot, ui_ctx, f.id)
    assert view.tasks_list.count() == 1
    view.tasks_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: view.tasks_list.count() == 0)
    assert interaction_service.open_tasks(ui_ctx.db, file_id=f.id) == []
    assert not view.tasks_empty.isHidden()


def test_objectives_brakes_and_themes_are_saved_together(qtbot, ui_ctx, a_file
                                                         ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    view = _view(qtbot, ui_ctx, f.id)
    assert not view.lists_save_button.isEnabled()

    def check(lst, value):  # type: ignore[no-untyped-def]
        for row in range(lst.count()):
            if lst.item(row).data(Qt.ItemDataRole.UserRole) == value:
                lst.item(row).setCheckState(Qt.CheckState.Checked)

    check(view.objectives_list, Objective.COMPANY_HR.value)
    check(view.brakes_list, Brake.DISTRUST.value)
    view.theme_edit.setText("Insertion")
    view.theme_edit.returnPressed.emit()
    assert view.lists_save_button.isEnabled()
    assert view.themes() == ["sport", "insertion"]

    qtbot.mouseClick(view.lists_save_button, Qt.MouseButton.LeftButton)

    saved = file_service.get_file(ui_ctx.db, f.id)
    assert saved.objectives == (Objective.COMPANY_HR.value,)
    assert saved.brakes == (Brake.DISTRUST.value,)
    assert saved.themes == ("insertion", "sport")
    assert not view.lists_save_button.isEnabled()


def test_title_is_edited_in_place(qtbot, ui_ctx, a_file):  # type: ignore[no-untyped-def]
    f, _ = a_file
    view = _view(qtbot, ui_ctx, f.id)
    view.title_edit.setFocus()
    view.title_edit.selectAll()
    qtbot.keyClicks(view.title_edit, "Atelier velo et reemploi")
    qtbot.keyClick(view.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: file_service.get_file(ui_ctx.db, f.id).title
                    == "Atelier velo et reemploi")


def test_stage_menu_offers_a_keyboard_path(qtbot, ui_ctx, a_file
                                           ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    view = _view(qtbot, ui_ctx, f.id)
    actions = {a.text(): a for a in view.stage_menu.actions()}
    assert not actions["1. Premier contact"].isEnabled()
    actions["2. Diagnostic"].trigger()
    qtbot.waitUntil(lambda: view.stepper.current is Stage.DIAGNOSIS)


def test_timeline_model_contract(qtmodeltester):  # type: ignore[no-untyped-def]
    model = TimelineModel()
    qtmodeltester.check(model)


def test_meeting_button_opens_the_dialog_for_this_file(qtbot, ui_ctx, a_file
                                                       ):  # type: ignore[no-untyped-def]
    f, _ = a_file
    view = _view(qtbot, ui_ctx, f.id)
    qtbot.mouseClick(view.meeting_button, Qt.MouseButton.LeftButton)
    dialog = view.meeting_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.file_edit.text().startswith(f.reference))  # type: ignore[attr-defined]
    dialog.subject_edit.setText("Appel")  # type: ignore[attr-defined]
    dialog.save_button.click()  # type: ignore[attr-defined]
    model = view.timeline_model
    qtbot.waitUntil(lambda: "Appel" in [model.index(r, 2).data() for r in range(model.rowCount())])
    assert not isValid(dialog)  # closed and deleted once saved
