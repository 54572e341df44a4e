"""Besoins et offres, Événements and their dialogs, driven as a user would (pytest-qt)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from passerelle.domain.stages import Stage
from passerelle.services import events as ev
from passerelle.services import files as file_service
from passerelle.services import needs_offers as no
from passerelle.services import organisations as org_service
from passerelle.ui.dialogs import events as event_dialogs
from passerelle.ui.dialogs.meeting import Choice
from passerelle.ui.dialogs.need_offer import NeedOfferDialog
from passerelle.ui.views import events as events_view
from passerelle.ui.views import needs_offers as no_view


@pytest.fixture
def base(ui_ctx):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    org = org_service.create_organisation
    assoc = org(db, kind="association", name="Vélo Solidaire", commune_insee="59512",
                commune_name="Roubaix")
    near = org(db, kind="entreprise", name="Cycles Roubaisiens", size="TPE",
               commune_insee="59512", commune_name="Roubaix")
    far = org(db, kind="entreprise", name="Banque Seclinoise", size="GE",
              commune_insee="59560", commune_name="Seclin")
    need = no.create(db, no.NEED, organisation_id=assoc.id, title="Mécanicien bénévole",
                     nature="benevolat", themes=["mobilité"], commune_insee="59512")
    no.create(db, no.OFFER, organisation_id=near.id, title="Atelier réparation",
              nature="benevolat", themes=["mobilité"], commune_insee="59512")
    no.create(db, no.OFFER, organisation_id=far.id, title="Salariés volontaires",
              nature="benevolat", themes=["solidarité"], commune_insee="59560")
    return {"assoc": assoc, "near": near, "far": far, "need": need}


def test_needs_view_suggests_and_introduces(qtbot, ui_ctx, base, monkeypatch, tmp_path: Path  # type: ignore[no-untyped-def]
                                            ) -> None:
    ui_ctx.documents_dir = tmp_path
    view = no_view.NeedsOffersView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() > 0)
    assert view.model.rowCount() == 1
    assert view.needs_button.text() == "Besoins (1)"
    top = view.tree.topLevelItem(0)
    assert "Atelier réparation" in top.text(0)
    reasons = [top.child(i).text(0) for i in range(top.childCount())]
    assert any("Même commune : Roubaix" in r for r in reasons)
    assert any("Même nature de soutien : Bénévolat" in r for r in reasons)
    assert view.connect_button.isEnabled()
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(no_view.QMessageBox, "question", lambda *a, **k: next(answers))
    opened: list[Path] = []
    monkeypatch.setattr(no_view, "open_with_system", lambda p: opened.append(p) or True)
    with qtbot.waitSignal(ui_ctx.bus.file_requested) as requested:
        view.connect_button.click()
    f = file_service.get_file(ui_ctx.db, requested.args[0])
    assert f.stage is Stage.MATCHING and f.company_name == "Cycles Roubaisiens"
    assert opened and opened[0].exists() and opened[0].suffix == ".docx"
    # the offers side lists the company offers; the need is now « en cours »
    view.show_side(no.OFFER)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert no.get(ui_ctx.db, no.NEED, base["need"].id).status == "en_cours"


def test_need_dialog_creates_and_reports_errors(qtbot, ui_ctx, base) -> None:  # type: ignore[no-untyped-def]
    assoc = base["assoc"]
    dialog = NeedOfferDialog(ui_ctx, no.NEED, organisation=Choice(assoc.id, assoc.name))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Local pour stocker les vélos")
    dialog.nature_combo.setCurrentIndex(dialog.nature_combo.findData("nature"))
    dialog.themes_edit.setText("mobilité, insertion")
    dialog.amount_edit.setText("1 200")
    dialog.start_edit.set_value(date(2026, 6, 1))
    dialog.end_edit.set_value(date(2026, 5, 1))
    dialog.save_button.click()
    assert not dialog.error_label.isHidden()
    assert "précède" in dialog.error_label.text()
    dialog.end_edit.set_value(None)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    entries = {e.title: e for e in no.list_entries(ui_ctx.db, no.NEED)}
    created = entries["Local pour stocker les vélos"]
    assert created.amount_cents == 120_000 and created.themes == ("insertion", "mobilité")
    assert created.period_start == date(2026, 6, 1) and created.period_end is None


@pytest.fixture
def event(ui_ctx, base):  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    e = ev.create_event(db, kind="speed_dating", title="Speed-dating mobilité",
                        starts_at=datetime(2026, 4, 2, 18, 0), place="MDA Roubaix")
    ev.invite(db, e.id, [base["assoc"].id, base["near"].id, base["far"].id])
    return e


def _select_rows(view, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    table = view.panel.participants
    sel = table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(table.model().index(r, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def test_events_view_attendance_encounter_plan(qtbot, ui_ctx, base, event, monkeypatch,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    view = events_view.EventsView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.panel.detail is not None)
    panel = view.panel
    assert panel.title.text() == "Speed-dating mobilité"
    assert panel.participants_model.rowCount() == 3
    assert panel.plan_button.isVisibleTo(view)
    _select_rows(view, [0, 1, 2])
    panel.present_button.click()
    qtbot.waitUntil(lambda: panel.detail is not None
                    and panel.detail.count(ev.ParticipationStatus.PRESENT) == 3)
    assert "3 présentes" in panel.subtitle.text()

    # the planner: two companies, one association → two rounds, exports written
    dialog = event_dialogs.PlannerDialog(ui_ctx, event.id, view)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.tree.topLevelItemCount() == 2
    assert "2 tours de 7 min" in dialog.summary.text()
    monkeypatch.setattr(event_dialogs, "open_with_system", lambda p: True)
    dialog.export("pdf", tmp_path / "planning.pdf")
    dialog.export("docx", tmp_path / "planning.docx")
    assert (tmp_path / "planning.pdf").stat().st_size > 1000
    assert (tmp_path / "planning.docx").stat().st_size > 1000

    # « Consigner et ouvrir le dossier »: one click logs the encounter and shows the file
    people = list(panel.detail.participants)
    enc = event_dialogs.EncounterDialog(ui_ctx, event.id, people, view,
                                        association_id=base["assoc"].id,
                                        company_id=base["far"].id)
    qtbot.addWidget(enc)
    enc.notes_edit.setPlainText("Veut financer des vélos")
    enc.logged.connect(panel._handle_logged)
    with qtbot.waitSignal(ui_ctx.bus.file_requested) as requested:
        enc.save_open_button.click()
    f = file_service.get_file(ui_ctx.db, requested.args[0])
    assert f.company_name == "Banque Seclinoise" and f.stage is Stage.MATCHING
    qtbot.waitUntil(lambda: panel.encounters_model.rowCount() == 1)
    assert panel.tabs.tabText(1) == "Rencontres (1)"
    assert f.reference in panel.last_logged.text()
    # from the plan, a double-click on a meeting prefills the encounter with that pair
    dialog.replan()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2)
    meeting = dialog.tree.topLevelItem(0).child(0)
    dialog._handle_meeting_activated(meeting, 0)
    prefilled = dialog.findChild(event_dialogs.EncounterDialog)
    assert prefilled is not None
    assert prefilled.association_combo.currentText() == "Vélo Solidaire"
    assert prefilled.company_combo.currentText() == meeting.text(1)
    with qtbot.waitSignal(prefilled.logged) as logged:
        prefilled.save_button.click()
    assert logged.args[0].file_id is not None


def test_invitation_letters_from_the_view(qtbot, ui_ctx, base, event, monkeypatch,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    ui_ctx.documents_dir = tmp_path
    view = events_view.EventsView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.panel.detail is not None)
    shown: list[str] = []
    monkeypatch.setattr(events_view.QMessageBox, "information",
                        lambda _p, _t, text: shown.append(text))
    view.panel.letters_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("3 lettres d'invitation écrites")
    assert len(list(tmp_path.glob("invitations_*/*.docx"))) == 3
    qtbot.waitUntil(lambda: view.panel.detail is not None and view.panel.detail.documents == 3)


def test_new_event_dialog(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = event_dialogs.EventDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("atelier"))
    assert not dialog.round_spin.isEnabled()
    dialog.save_button.click()  # no title
    assert not dialog.error_label.isHidden()
    dialog.title_edit.setText("Atelier fiche projet")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    created = ev.get_event(ui_ctx.db, saved.args[0])
    assert created.kind == "atelier" and created.round_minutes is None


def test_every_matching_reason_is_declared_for_translation() -> None:
    from passerelle.domain.matching import TEXTS

    assert set(no_view.REASON_TEXTS) == set(TEXTS.values())


def test_invite_and_wishes_dialogs(qtbot, ui_ctx, base, event) -> None:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    extra = org_service.create_organisation(db, kind="association", name="Repair Café Hem")
    invite = event_dialogs.InviteDialog(ui_ctx, event.id)
    qtbot.addWidget(invite)
    invite.invite_button.click()  # nobody chosen yet
    assert not invite.error_label.isHidden()
    invite.add(Choice(extra.id, extra.name))
    invite.add(Choice(extra.id, extra.name))  # twice: listed once
    assert invite.chosen_ids() == [extra.id]
    with qtbot.waitSignal(ui_ctx.bus.changed):
        invite.invite_button.click()
    people = {p.name: p for p in ev.participants(db, event.id)}
    assert people["Repair Café Hem"].status == "invite"

    who = people["Vélo Solidaire"]
    others = [p for p in people.values() if p.company_side]
    wishes = event_dialogs.WishesDialog(ui_ctx, event.id, who, others)
    qtbot.addWidget(wishes)
    assert wishes.list.count() == 2  # only the companies are offered
    wishes.list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(ui_ctx.bus.changed):
        wishes.save_button.click()
    again = {p.name: p for p in ev.participants(db, event.id)}["Vélo Solidaire"]
    assert again.wishes == (wishes.list.item(0).data(Qt.ItemDataRole.UserRole),)
