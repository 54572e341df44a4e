"""Documents service: contexts, rendering with recorded versions, mail merge, templates."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from sqlalchemy import func, select

from passerelle.domain.errors import NotFound, ValidationError
from passerelle.infra import builtin_templates
from passerelle.infra.docx_render import NBSP, NNBSP
from passerelle.services import documents as ds
from passerelle.services import files as file_service
from passerelle.services import interactions as inter_service
from passerelle.services import organisations as org_service
from passerelle.store.database import Database
from passerelle.store.models import Agreement, Counterpart, Document, Template

ASSOCIATION = "Cœur & Solidarité <Nord>"
COMMUNE = "Marcq-en-Barœul"


def build_sample(db: Database) -> dict[str, Any]:
    """A small file with both parties, a meeting with notes and a task, an agreement."""
    asso = org_service.create_organisation(
        db, kind="association", name=ASSOCIATION, rna="W595000123", address="12 rue de Lannoy",
        postal_code="59100", commune_name="Roubaix", commune_insee="59512")
    company = org_service.create_organisation(
        db, kind="entreprise", name="Boulangerie Lefebvre", siret="732 829 320 00074",
        address="3 place du Général de Gaulle", postal_code="59700", commune_name=COMMUNE,
        commune_insee="59378")
    amina = org_service.create_contact(db, first_name="Amina", last_name="Benali",
                                       organisation_id=asso.id, role="Présidente",
                                       email="amina@example.org")
    marc = org_service.create_contact(db, first_name="Marc", last_name="Lefebvre",
                                      organisation_id=company.id, role="Gérant")
    f = file_service.open_file(db, title="Jardin partagé", association_id=asso.id,
                               company_id=company.id, category="mecenat",
                               facilitator="Nadia Haddad", summary="Un jardin & des liens.")
    inter_service.log_interaction(db, inter_service.MeetingInput(
        subject="Diagnostic croisé au jardin", file_id=f.id, kind="mediation",
        occurred_at=datetime(2026, 3, 2, 14, 30), duration_minutes=90,
        participant_ids=[amina.id, marc.id], notes="Besoin : outils <pelles> & graines.",
        decisions="Rédiger la convention.",
        next_steps=[inter_service.NextStep("Envoyer le projet de convention",
                                           date(2026, 3, 16))]))
    with db.write() as s:
        agreement = Agreement(file_id=f.id, association_id=asso.id, company_id=company.id,
                              type="mecenat_financier", object="Outils du jardin partagé",
                              cash_cents=123_450, start_on=date(2026, 4, 1),
                              end_on=date(2027, 3, 31), status="brouillon")
        s.add(agreement)
        s.flush()
        s.add(Counterpart(agreement_id=agreement.id, description="Logo sur le panneau du jardin",
                          value_cents=10_000, valuation_method="Coût d'impression"))
        s.flush()
        agreement_id = agreement.id
    return {"file": f, "asso": asso, "company": company, "agreement_id": agreement_id}


@pytest.fixture
def sample(db: Database) -> dict[str, Any]:
    return build_sample(db)


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    for section in d.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        parts += [c.text for t in section.header.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_context_follows_the_vocabulary(db: Database, sample: dict[str, Any]) -> None:
    ds.set_setting(db, ds.SETTING_STRUCTURE_NAME, "MDA de Roubaix")
    ctx = ds.build_context(db, sample["file"].reference)
    assert ctx["association"]["nom"] == ASSOCIATION
    assert ctx["association"]["rna"] == "W595 000 123"
    assert ctx["association"]["representant"] == "Amina Benali"
    assert ctx["entreprise"]["siret"] == "732 829 320 00074"
    assert ctx["entreprise"]["adresse"] == f"3 place du Général de Gaulle, 59700 {COMMUNE}"
    assert ctx["contact"]["nom_complet"] == "Amina Benali"
    assert ctx["dossier"]["categorie"] == "Mécénat"
    assert ctx["dossier"]["etape"] == "Premier contact"
    assert str(ctx["convention"]["montant"]) == "1234.50"
    assert ctx["convention"]["contreparties"][0]["description"] == "Logo sur le panneau du jardin"
    assert ctx["convention"]["part_contreparties"] == f"8,1{NBSP}%"
    assert ctx["rencontre"]["type"] == "Séance de médiation"
    assert ctx["structure"]["nom"] == "MDA de Roubaix"
    assert ctx["facilitateur"]["nom"] == "Nadia Haddad"


def test_render_convention_and_record_versions(db: Database, sample: dict[str, Any],
                                               tmp_path: Path) -> None:
    ref = sample["file"].reference
    out = tmp_path / "convention.docx"
    doc = ds.render_for_file(db, ref, "convention_mecenat_financier", out)
    text = _text(out)
    assert "{{" not in text and "{%" not in text
    assert ASSOCIATION in text and COMMUNE in text and ref in text
    assert (f"1{NNBSP}234,50{NBSP}€ (mille deux cent trente-quatre euros et cinquante "
            "centimes)") in text
    assert "Logo sur le panneau du jardin" in text
    assert "Modèle indicatif, à faire valider" in text
    assert doc.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert doc.size_bytes == out.stat().st_size
    assert (doc.version, doc.agreement_id, doc.file_id) == (1, sample["agreement_id"],
                                                            sample["file"].id)
    snapshot = json.loads(_snapshot(db, doc.id))
    assert snapshot["association"]["nom"] == ASSOCIATION
    assert snapshot["convention"]["montant"] == "1234.50"

    again = ds.render_for_file(db, ref, "Convention de mécénat financier",
                               tmp_path / "convention-2.docx")
    other = ds.render_for_file(db, ref, "lettre_mise_en_relation", tmp_path / "lettre.docx")
    assert (again.version, other.version) == (2, 1)
    assert again.template_id == doc.template_id is not None
    with db.read() as s:
        row = s.get(Template, doc.template_id)
        assert row is not None and row.builtin
        assert row.sha256 == hashlib.sha256(builtin_templates.builtin_path(
            builtin_templates.BUILTIN_TEMPLATES[0]).read_bytes()).hexdigest()
        assert s.scalar(select(func.count()).select_from(Template)) == 2
    assert [d.version for d in ds.list_documents(db, ref)] == [1, 2, 1]


def _snapshot(db: Database, doc_id: Any) -> str:
    with db.read() as s:
        row = s.get(Document, doc_id)
        assert row is not None and row.data_snapshot is not None
        return row.data_snapshot


def _document_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Document)) or 0)


def test_bad_user_template_writes_nothing(db: Database, sample: dict[str, Any],
                                          tmp_path: Path) -> None:
    tpl = tmp_path / "mien.docx"
    d = docx.Document()
    d.add_paragraph("Cher {{ contact.nom_complett }}")
    d.save(str(tpl))
    out = tmp_path / "out" / "x.docx"
    out.parent.mkdir()
    with pytest.raises(ValidationError) as err:
        ds.render_for_file(db, sample["file"].id, tpl, out)
    assert err.value.message_key == "template_unknown_placeholder"
    assert "contact.nom_complet" in err.value.message
    assert list(out.parent.iterdir()) == []
    assert _document_count(db) == 0


def test_failed_recording_removes_the_file(db: Database, sample: dict[str, Any], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(ds, "_add_document", broken)
    out = tmp_path / "x.docx"
    with pytest.raises(RuntimeError):
        ds.render_for_file(db, sample["file"].id, "fiche_synthese_dossier", out)
    assert not out.exists()
    assert _document_count(db) == 0


def test_unknown_template_and_file(db: Database, sample: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(NotFound) as err:
        ds.render_for_file(db, sample["file"].id, "convention_imaginaire", tmp_path / "x.docx")
    assert err.value.message_key == "template_unknown"
    with pytest.raises(NotFound):
        ds.render_for_file(db, "D-1999-0001", "fiche_synthese_dossier", tmp_path / "x.docx")


def test_summary_template_and_case_summary(db: Database, sample: dict[str, Any],
                                           tmp_path: Path) -> None:
    summary = ds.case_summary(db, sample["file"].reference)
    assert [p.name for p in summary.parties] == [ASSOCIATION, "Boulangerie Lefebvre"]
    assert summary.timeline[0].notes == "Besoin : outils <pelles> & graines."
    assert summary.timeline[0].participants == ("Amina Benali", "Marc Lefebvre")
    assert summary.agreements[0].counterparts_total == summary.agreements[0].counterparts[0].value
    assert summary.tasks[0].title == "Envoyer le projet de convention"
    out = tmp_path / "fiche.docx"
    ds.render_for_file(db, sample["file"].id, "fiche_synthese_dossier", out)
    text = _text(out)
    assert "Diagnostic croisé au jardin" in text
    assert "Besoin : outils <pelles> & graines." in text
    assert "Envoyer le projet de convention" in text


def test_mail_merge_is_all_or_nothing(db: Database, sample: dict[str, Any],
                                      tmp_path: Path) -> None:
    second = file_service.open_file(db, title="Second", association_id=sample["asso"].id,
                                    company_id=sample["company"].id)
    seen: list[tuple[int, int]] = []
    result = ds.render_letters(db, "lettre_mise_en_relation",
                               [sample["file"].id, second.reference], tmp_path / "lettres",
                               progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    names = sorted(p.name for p in (tmp_path / "lettres").iterdir())
    assert names == sorted(Path(d.filename).name for d in result.documents)
    assert all(ASSOCIATION in _text(Path(d.filename)) for d in result.documents)
    assert _document_count(db) == 2

    cancel = threading.Event()

    def stop_after_first(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(ds.BatchCancelled):
        ds.render_letters(db, "lettre_mise_en_relation", [sample["file"].id, second.id],
                          tmp_path / "annule", progress=stop_after_first, cancel=cancel)
    assert list((tmp_path / "annule").iterdir()) == []
    assert _document_count(db) == 2


def test_import_validates_first(db: Database, tmp_path: Path) -> None:
    good = tmp_path / "bon.docx"
    d = docx.Document()
    d.add_paragraph("Réf. {{ dossier.reference }} — {{ aujourd_hui|date_longue }}")
    d.save(str(good))
    bad = tmp_path / "mauvais.docx"
    d = docx.Document()
    d.add_paragraph("{{ dossier.referance }}")
    d.save(str(bad))
    store = tmp_path / "modeles"
    with pytest.raises(ValidationError) as err:
        ds.import_template(db, bad, store)
    assert err.value.message_key == "template_unknown_placeholder"
    assert not store.exists() or list(store.iterdir()) == []
    imported = ds.import_template(db, good, store, name="Ma lettre")
    assert imported.path.is_file() and imported.path.parent == store.resolve()
    names = [t.name for t in ds.list_templates(db)]
    assert len(names) == len(builtin_templates.BUILTIN_TEMPLATES) + 1
    assert names[-1] == "Ma lettre"
    assert ds.resolve_template(db, "ma lettre").id == imported.id


def test_settings_round_trip(db: Database) -> None:
    assert ds.get_setting(db, "structure.nom") is None
    ds.set_setting(db, "structure.nom", "FACE Métropole Lilloise")
    assert ds.get_setting(db, "structure.nom") == "FACE Métropole Lilloise"
    ds.set_setting(db, "structure.nom", None)
    assert ds.get_setting(db, "structure.nom", "défaut") == "défaut"


def test_every_shipped_template_renders_on_demo_data(mda_demo: Path, tmp_path: Path) -> None:
    """Acceptance: demo data, no tag left, the values read back are the file's."""
    path = tmp_path / "mda.sqlite"
    shutil.copyfile(mda_demo, path)
    with sqlite3.connect(path) as con:
        ref, asso, company = con.execute(
            "SELECT f.reference, a.name, c.name FROM partnership_file f "
            "JOIN organisation a ON a.id = f.association_id "
            "JOIN organisation c ON c.id = f.company_id "
            "WHERE EXISTS (SELECT 1 FROM agreement g WHERE g.file_id = f.id) "
            "ORDER BY f.reference LIMIT 1").fetchone()
    demo = Database(path)
    try:
        for spec in builtin_templates.BUILTIN_TEMPLATES:
            out = tmp_path / spec.filename
            ds.render_for_file(demo, ref, spec.key, out)
            text = _text(out)
            assert "{{" not in text and "{%" not in text, spec.key
            assert ref in text or spec.purpose in ("lettre", "invitation"), spec.key
            assert asso in text or spec.purpose == "invitation", spec.key
            if spec.purpose in ("convention", "lettre", "compte_rendu", "synthese"):
                assert company in text, spec.key
        assert _document_count(demo) == len(builtin_templates.BUILTIN_TEMPLATES)
    finally:
        demo.close()


def test_agreement_without_file(db: Database, sample: dict[str, Any], tmp_path: Path) -> None:
    with db.write() as s:
        loose = Agreement(association_id=sample["asso"].id, company_id=sample["company"].id,
                          type="mecenat_competences", object="Refonte du site",
                          skills_cents=400_000, start_on=date.today(),
                          end_on=date.today() + timedelta(days=90))
        s.add(loose)
        s.flush()
        loose_id = loose.id
    doc = ds.render_for_file(db, None, "convention_mecenat_competences", tmp_path / "c.docx",
                             agreement_id=loose_id)
    assert (doc.file_id, doc.agreement_id, doc.version) == (None, loose_id, 1)
    assert "quatre mille euros" in _text(tmp_path / "c.docx")
