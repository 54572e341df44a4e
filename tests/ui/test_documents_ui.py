"""Documents screens: template manager, « Courrier en nombre », Préférences « Votre structure »,
and the mécénat figures of Conventions — driven as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from passerelle.domain.errors import ValidationError
from passerelle.services import files as file_service
from passerelle.services import mail_merge, structure
from passerelle.services import organisations as org_service
from passerelle.store.models import Agreement, Counterpart
from passerelle.ui import tasks as tasks_module
from passerelle.ui.dialogs import batch_letters as batch_module
from passerelle.ui.dialogs import preferences as prefs_module
from passerelle.ui.dialogs.batch_letters import BatchLettersDialog
from passerelle.ui.dialogs.preferences import PreferencesDialog
from passerelle.ui.views import templates as templates_module
from passerelle.ui.views.agreements import AgreementsView
from passerelle.ui.views.contacts import ContactsView
from passerelle.ui.views.organisations import OrganisationsView
from passerelle.ui.views.templates import TemplatesView
from passerelle.ui.widgets.mecenat_panel import euros_text
from tests.services.test_template_manager import png

ASSOCIATION = "Cœur & Solidarité <Nord>"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


def _docx(path: Path, *paragraphs: str) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


@pytest.fixture
def people(ui_ctx) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    asso = org_service.create_organisation(db, kind="association", name=ASSOCIATION,
                                           commune_name="Roubaix")
    company = org_service.create_organisation(db, kind="entreprise", name="Boulangerie Lefebvre")
    amina = org_service.create_contact(db, first_name="Amina", last_name="Benali",
                                       organisation_id=asso.id, role="Présidente")
    refus = org_service.create_contact(db, first_name="Paul", last_name="Refus",
                                       organisation_id=company.id,
                                       objects_to_prospecting=True)
    f = file_service.open_file(db, title="Jardin partagé", association_id=asso.id,
                               company_id=company.id)
    return {"asso": asso, "company": company, "amina": amina, "refus": refus, "file": f}


# --- Modèles ---------------------------------------------------------------------------------


@pytest.fixture
def view(qtbot, ui_ctx) -> TemplatesView:  # type: ignore[no-untyped-def]
    v = TemplatesView(ui_ctx)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitUntil(lambda: v.model.rowCount() == 8)
    return v


def test_templates_list_preview_and_vocabulary(qtbot, people: dict[str, Any],  # type: ignore[no-untyped-def]
                                               view: TemplatesView) -> None:
    assert view.select_template("lettre_mise_en_relation")
    assert view.last_preview is not None and view.last_preview.file_reference is None
    text = view.preview_browser.toPlainText()
    assert "Cœur & Solidarité" in text and "{{" not in text  # sample data
    assert view.last_check is not None and view.last_check.ok
    assert "Aucun problème" in view.check_banner.text()

    # Preview on a real file of the database
    index = view.data_combo.findData(str(people["file"].id))
    view.data_combo.setCurrentIndex(index)
    assert view.last_preview.file_reference == people["file"].reference
    assert people["file"].reference in view.preview_label.text()
    assert ASSOCIATION in view.preview_browser.toPlainText()

    # Vocabulary: filter, and double-click copies the placeholder
    total = view.vocab_proxy.rowCount()
    view.vocab_filter.setText("siret")
    assert 0 < view.vocab_proxy.rowCount() < total
    names = {view.vocab_proxy.index(r, 0).data() for r in range(view.vocab_proxy.rowCount())}
    assert names == {"association.siret", "entreprise.siret"}
    view._handle_vocabulary_activated(view.vocab_proxy.index(0, 0))
    assert QGuiApplication.clipboard().text() == "{{ association.siret }}"
    assert "en_lettres" in view.filters_label.text()


def test_importing_a_bad_template_names_each_problem_and_imports_nothing(  # type: ignore[no-untyped-def]
        qtbot, view: TemplatesView, tmp_path: Path, monkeypatch) -> None:
    bad = _docx(tmp_path / "relance.docx", "Bonjour {{ contact.nom_complt }}",
                "{{ entreprise.siert }}")
    monkeypatch.setattr(templates_module, "ask_template_file", lambda parent: bad)
    asked: list[Path] = []
    monkeypatch.setattr(templates_module, "ask_import_details",
                        lambda parent, path: asked.append(path))
    view.import_button.click()
    assert not asked  # refused before asking for a name
    assert view.tabs.currentIndex() == view.check_index
    assert "n'a pas été importé" in view.check_banner.text()
    rows = [[view.problems.item(i, c).text() for c in range(3)]
            for i in range(view.problems.rowCount())]
    assert rows[0][0] == "paragraphe 1" and "contact.nom_complt" in rows[0][1]
    assert rows[0][2] == "contact.nom_complet"
    assert rows[1][2] == "entreprise.siret"
    assert view.model.rowCount() == 8


def test_importing_a_good_template_adds_and_selects_it(qtbot, view: TemplatesView,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path, monkeypatch) -> None:
    good = _docx(tmp_path / "relance.docx", "Bonjour {{ contact.nom_complet }},")
    monkeypatch.setattr(templates_module, "ask_template_file", lambda parent: good)
    monkeypatch.setattr(templates_module, "ask_import_details",
                        lambda parent, path: ("Relance douce", "lettre", "Après 15 jours"))
    with qtbot.waitSignal(view.template_imported):
        view.import_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 9)
    current = view.current_template()
    assert current is not None and current.name == "Relance douce" and not current.builtin
    assert "Après 15 jours" in view.description.text()


def test_import_dialog_values(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = templates_module.ImportTemplateDialog(tmp_path / "lettre_relance.docx")
    qtbot.addWidget(dialog)
    assert dialog.values() == ("lettre relance", "autre", "")
    dialog.name_edit.clear()
    assert not dialog.ok_button.isEnabled()


# --- Courrier en nombre ----------------------------------------------------------------------


def _select_rows(view: OrganisationsView | ContactsView, rows: list[int]) -> None:
    sm = view.table.selectionModel()
    for row in rows:
        sm.select(view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                  | QItemSelectionModel.SelectionFlag.Rows)


def test_organisations_multi_selection_opens_the_batch_dialog(  # type: ignore[no-untyped-def]
        qtbot, ui_ctx, people: dict[str, Any], monkeypatch) -> None:
    v = OrganisationsView(ui_ctx)
    qtbot.addWidget(v)
    v.show()
    assert not v.mail_merge_button.isEnabled()
    _select_rows(v, [0, 1])
    assert v.mail_merge_button.isEnabled()
    opened: list[BatchLettersDialog] = []

    def fake_exec(dialog: BatchLettersDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(BatchLettersDialog, "exec", fake_exec)
    v.mail_merge_button.click()
    assert len(opened) == 1
    assert opened[0].summary.text() == "2 destinataires"
    assert opened[0].recipients_list.count() == 2


def test_batch_dialog_writes_one_file_per_recipient(qtbot, ui_ctx, people: dict[str, Any],  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    dialog = BatchLettersDialog(ui_ctx, mail_merge.CONTACTS,
                                [people["amina"].id, people["refus"].id])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "1 destinataire"
    assert dialog.skipped_label.isVisible() and "Paul Refus" in dialog.skipped_label.text()
    assert dialog.current_template() is not None
    assert dialog.current_template().purpose in ("lettre", "invitation")
    assert dialog.select_template("invitation_rencontre_collective")
    assert dialog.event_label.isVisibleTo(dialog)
    assert "Aucune rencontre collective à venir" in dialog.event_label.text()
    dialog.set_folder(tmp_path / "courriers")
    finished: list[Any] = []
    dialog.finished_batch.connect(finished.append)
    dialog.generate_button.click()
    assert len(finished) == 1
    files = sorted((tmp_path / "courriers").iterdir())
    assert [f.name for f in files] == ["001_amina-benali.docx"]
    assert "1 courrier écrit" in dialog.result_label.text()
    assert dialog.open_button.isVisibleTo(dialog)


def test_batch_dialog_combined_and_cancel(qtbot, ui_ctx, people: dict[str, Any],  # type: ignore[no-untyped-def]
                                          tmp_path: Path, monkeypatch) -> None:
    ids = [people["asso"].id, people["company"].id]
    dialog = BatchLettersDialog(ui_ctx, mail_merge.ORGANISATIONS, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "courriers"
    dialog.set_folder(out)

    # The user presses « Annuler » while the first letter is written: nothing is left.
    original = tasks_module.Progress.__call__

    def cancelling(self: tasks_module.Progress, done: int, total: int) -> None:
        original(self, done, total)
        self.cancel.set()

    monkeypatch.setattr(tasks_module.Progress, "__call__", cancelling)
    dialog.generate_button.click()
    assert "annulée" in dialog.result_label.text()
    assert not out.exists() or not any(out.iterdir())
    assert dialog.generate_button.isEnabled()

    monkeypatch.setattr(tasks_module.Progress, "__call__", original)
    dialog.combined.setChecked(True)
    dialog.generate_button.click()
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].name.endswith("_2-destinataires.docx")
    assert "2 courriers réunis" in dialog.result_label.text()


def test_batch_dialog_shows_a_template_error(qtbot, ui_ctx, people: dict[str, Any],  # type: ignore[no-untyped-def]
                                             tmp_path: Path, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(batch_module, "show_error", lambda parent, exc: shown.append(exc))
    dialog = BatchLettersDialog(ui_ctx, mail_merge.ORGANISATIONS, [people["asso"].id])
    qtbot.addWidget(dialog)
    dialog.set_folder(tmp_path / "out")
    bad = _docx(tmp_path / "bad.docx", "{{ contact.nom_complt }}")
    template = dialog.current_template()
    assert template is not None
    from dataclasses import replace

    dialog.template_combo.addItem("Mauvais", replace(template, key=None, builtin=False,
                                                     path=bad, name="Mauvais"))
    dialog.template_combo.setCurrentIndex(dialog.template_combo.count() - 1)
    dialog.generate_button.click()
    assert len(shown) == 1 and isinstance(shown[0], ValidationError)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- Préférences -----------------------------------------------------------------------------


def test_preferences_store_the_structure_and_its_logo(qtbot, ui_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch) -> None:
    logo = png(tmp_path / "logo.png", 40, 20)
    monkeypatch.setattr(prefs_module, "ask_logo_path", lambda parent: logo)
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.logo_preview.text() == "Aucun logo" and not dialog.logo_remove.isEnabled()
    dialog.structure_name.setText("Maison des Associations de Roubaix")
    dialog.structure_commune.setText("Roubaix")
    dialog.logo_button.click()
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = structure.get_structure(ui_ctx.db)
    assert saved.name == "Maison des Associations de Roubaix" and saved.commune == "Roubaix"
    assert saved.logo is not None and saved.logo.read_bytes() == logo.read_bytes()

    again = PreferencesDialog(ui_ctx)
    qtbot.addWidget(again)
    assert again.structure_name.text() == "Maison des Associations de Roubaix"
    assert again.logo_remove.isEnabled()
    again.logo_remove.click()
    again.accept()
    assert structure.get_structure(ui_ctx.db).logo is None


def test_preferences_refuse_a_bad_logo_and_stay_open(qtbot, ui_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("texte")
    shown: list[BaseException] = []
    monkeypatch.setattr(prefs_module, "ask_logo_path", lambda parent: fake)
    monkeypatch.setattr(prefs_module, "show_error", lambda parent, exc: shown.append(exc))
    dialog = PreferencesDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.structure_name.setText("MDA")
    dialog.logo_button.click()
    dialog.accept()
    assert len(shown) == 1 and getattr(shown[0], "message_key", "") == "logo_bad_format"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.save_button.isEnabled()
    assert structure.get_structure(ui_ctx.db).name == ""


# --- Conventions: mécénat figures ------------------------------------------------------------


def _agreement(ui_ctx, *, type_: str, cash: int, counterparts: tuple[int, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    company = org_service.create_organisation(ui_ctx.db, kind="entreprise", name="Imprimerie")
    with ui_ctx.db.write() as s:
        a = Agreement(company_id=company.id, type=type_, object="Fresque",
                      cash_cents=cash * 100, signed_on=date(2026, 5, 4))
        s.add(a)
        s.flush()
        for value in counterparts:
            s.add(Counterpart(agreement_id=a.id, description="Logo", value_cents=value * 100))


def test_agreement_figures_panel(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    _agreement(ui_ctx, type_="mecenat_financier", cash=50_000, counterparts=(15_000,))
    v = AgreementsView(ui_ctx)
    qtbot.addWidget(v)
    v.resize(1170, 680)
    v.show()
    qtbot.waitUntil(lambda: v.figures.figures is not None)
    panel = v.figures
    # 50 000 € with an unknown turnover: the 20 000 € floor → at least 12 000 €
    assert panel.reduction.text() == "au moins " + euros_text(Decimal("12000"))
    assert "CA HT inconnu" in panel.turnover_note.text()
    assert "Au-delà de la tolérance de 25 %" in panel.counterparts_verdict.text()
    panel.turnover.setValue(10_000_000)
    panel.turnover.editingFinished.emit()
    assert panel.reduction.text() == euros_text(Decimal("30000"))
    assert not panel.turnover_note.isVisibleTo(panel)


def test_partnership_figures_say_out_of_scope(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    _agreement(ui_ctx, type_="partenariat", cash=5000)
    v = AgreementsView(ui_ctx)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.figures.figures is not None)
    assert v.figures.reduction.text() == "—"
    assert "hors champ du mécénat" in v.figures.reduction_detail.text()
    assert not v.figures.turnover_row.isVisibleTo(v.figures)
    assert "5" in v.figures.valuation.text()  # the valuation is still shown
