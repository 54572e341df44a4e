"""« Générer un document » and « Fiche de synthèse (PDF) » from the file detail view."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from PySide6.QtCore import Qt

from passerelle.domain.errors import ValidationError
from passerelle.services import documents as ds
from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.services import pipeline
from passerelle.store.models import Agreement
from passerelle.ui.dialogs import generate_document as gd_module
from passerelle.ui.dialogs.generate_document import GenerateDocumentDialog
from passerelle.ui.views import file_detail as detail_module
from passerelle.ui.views.file_detail import FileDetailView

ASSOCIATION = "Cœur & Solidarité <Nord>"


@pytest.fixture
def sample(ui_ctx) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """A file between an association and a company, with one in-kind patronage agreement."""
    db = ui_ctx.db
    asso = org_service.create_organisation(db, kind="association", name=ASSOCIATION,
                                           commune_name="Roubaix")
    company = org_service.create_organisation(db, kind="entreprise",
                                              name="Boulangerie Lefebvre",
                                              commune_name="Marcq-en-Barœul")
    org_service.create_contact(db, first_name="Amina", last_name="Benali",
                               organisation_id=asso.id, role="Présidente")
    f = file_service.open_file(db, title="Jardin partagé", association_id=asso.id,
                               company_id=company.id, category="mecenat")
    with db.write() as s:
        agreement = Agreement(file_id=f.id, association_id=asso.id, company_id=company.id,
                              type="mecenat_nature", object="Outils du jardin partagé",
                              in_kind_cents=80_000, start_on=date(2026, 4, 1),
                              end_on=date(2027, 3, 31), status="brouillon")
        s.add(agreement)
        s.flush()
        agreement_id = agreement.id
    return {"file": f, "agreement_id": agreement_id}


def _dialog(qtbot, ui_ctx, f, out_dir: Path) -> GenerateDocumentDialog:  # type: ignore[no-untyped-def]
    dialog = GenerateDocumentDialog(ui_ctx, file_id=f.id, out_dir=out_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs]
                     + [c.text for t in d.tables for r in t.rows for c in r.cells])


def test_convention_is_generated_versioned_and_opened(qtbot, ui_ctx, sample, tmp_path,
                                                      monkeypatch):  # type: ignore[no-untyped-def]
    f = sample["file"]
    out_dir = tmp_path / "documents"
    opened: list[Path] = []
    monkeypatch.setattr(gd_module, "open_with_system", opened.append)
    entities: list[str] = []
    ui_ctx.bus.changed.connect(entities.append)
    dialog = _dialog(qtbot, ui_ctx, f, out_dir)

    # The convention matching the agreement's type is pre-selected; the agreement is offered.
    template = dialog.current_template()
    assert template is not None and template.key == "convention_mecenat_nature"
    assert dialog.agreement_combo.isVisible()
    assert dialog.current_agreement_id() == sample["agreement_id"]
    assert "Outils du jardin partagé" in dialog.agreement_combo.currentText()
    # The summary has its own button: not listed twice.
    keys = [dialog.templates_list.item(r).data(dialog.TEMPLATE_ROLE).key
            for r in range(dialog.templates_list.count())]
    assert "fiche_synthese_dossier" not in keys
    first_name = f"{f.reference}_convention_mecenat_nature_v1.docx"
    assert dialog.name_edit.text() == first_name

    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    written = out_dir / first_name
    assert written.is_file()
    assert ASSOCIATION in _docx_text(written)
    assert dialog.result_label.isVisible() and str(written) in dialog.result_label.text()
    assert entities == ["document"]
    docs = ds.list_documents(ui_ctx.db, f.reference)
    assert [(d.version, d.agreement_id) for d in docs] == [(1, sample["agreement_id"])]

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [written]

    # A second generation is version 2, under a new name: the first file is kept.
    second_name = f"{f.reference}_convention_mecenat_nature_v2.docx"
    assert dialog.name_edit.text() == second_name
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert (out_dir / second_name).is_file() and written.is_file()
    assert [d.version for d in ds.list_documents(ui_ctx.db, f.reference)] == [1, 2]

    # The file's timeline tells it.
    timeline = pipeline.file_overview(ui_ctx.db, f.id).timeline
    assert sum(1 for item in timeline if item.kind == "document") == 2
    view = FileDetailView(ui_ctx)
    qtbot.addWidget(view)
    view.show_file(f.id)
    rows = [view.timeline_model.data(view.timeline_model.index(r, 2))
            for r in range(view.timeline_model.rowCount())]
    assert sum(1 for text in rows if "Convention de mécénat en nature" in text) == 2


def test_template_with_unknown_placeholder_is_explained_and_writes_nothing(
        qtbot, ui_ctx, sample, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    f = sample["file"]
    bad = tmp_path / "modeles" / "mon_modele.docx"
    bad.parent.mkdir()
    d = docx.Document()
    d.add_paragraph("Bonjour {{ association.nom }}, montant : {{ convention.montant_inconnu }}")
    d.save(str(bad))
    out_dir = tmp_path / "documents"
    shown: list[BaseException] = []
    monkeypatch.setattr(gd_module, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(gd_module, "ask_template_path", lambda parent: bad)
    dialog = _dialog(qtbot, ui_ctx, f, out_dir)

    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    template = dialog.current_template()
    assert template is not None and template.path == bad.resolve()
    assert dialog.name_edit.text() == f"{f.reference}_mon_modele_v1.docx"
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1 and isinstance(shown[0], ValidationError)
    assert shown[0].message_key == "template_unknown_placeholder"
    assert dialog.isVisible() and not dialog.result_label.isVisible()
    assert dialog.generate_button.isEnabled()  # the user may pick another template
    assert not out_dir.exists() or list(out_dir.iterdir()) == []
    assert ds.list_documents(ui_ctx.db, f.reference) == []


def test_summary_button_writes_a_pdf_and_records_it(qtbot, ui_ctx, sample, tmp_path,
                                                    monkeypatch):  # type: ignore[no-untyped-def]
    f = sample["file"]
    target = tmp_path / "fiche.pdf"
    asked: list[Path] = []

    def ask(parent, default):  # type: ignore[no-untyped-def]
        asked.append(default)
        return target

    monkeypatch.setattr(detail_module, "ask_summary_path", ask)
    view = FileDetailView(ui_ctx)
    view.documents_dir = tmp_path / "documents"
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.show_file(f.id)
    qtbot.waitUntil(lambda: view.overview is not None)
    assert view.document_button.isVisible() and view.summary_button.isVisible()

    qtbot.mouseClick(view.summary_button, Qt.MouseButton.LeftButton)
    assert asked == [tmp_path / "documents" / f"{f.reference}_fiche_synthese.pdf"]
    assert target.read_bytes().startswith(b"%PDF")
    docs = ds.list_documents(ui_ctx.db, f.reference)
    assert [(d.mime, Path(d.filename).name) for d in docs] == [("application/pdf", "fiche.pdf")]
    assert view.summary_message is not None and str(target) in view.summary_message.text()
    view.summary_message.close()


def test_generate_button_opens_the_dialog_on_the_file(qtbot, ui_ctx, sample,
                                                      tmp_path):  # type: ignore[no-untyped-def]
    view = FileDetailView(ui_ctx)
    view.documents_dir = tmp_path / "documents"
    qtbot.addWidget(view)
    view.show()
    view.show_file(sample["file"].id)
    qtbot.waitUntil(lambda: view.overview is not None)
    qtbot.mouseClick(view.document_button, Qt.MouseButton.LeftButton)
    dialog = view.document_dialog
    assert isinstance(dialog, GenerateDocumentDialog)
    assert dialog.out_dir == tmp_path / "documents"
    assert sample["file"].reference in dialog.file_label.text()
    dialog.close()


def test_documents_go_to_the_data_folder_given_to_the_app(ui_ctx, tmp_path):  # type: ignore[no-untyped-def]
    """``--data-dir`` reaches the file detail: documents never land in the real home."""
    ui_ctx.documents_dir = tmp_path / "data" / "documents"
    view = FileDetailView(ui_ctx)
    assert view.output_dir() == tmp_path / "data" / "documents"
    view.deleteLater()
