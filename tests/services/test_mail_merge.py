"""Mail merge to organisations and contacts: content, RGPD exclusion, all-or-nothing output."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from passerelle.domain.errors import ValidationError
from passerelle.services import files as file_service
from passerelle.services import mail_merge
from passerelle.services import organisations as org_service
from passerelle.services.documents import BatchCancelled
from passerelle.store.database import Database

ASSOCIATION = "Cœur & Solidarité <Nord>"
COMMUNE = "Marcq-en-Barœul"


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def _letter(path: Path, body: str) -> Path:
    d = docx.Document()
    for line in body.split("\n"):
        d.add_paragraph(line)
    d.save(str(path))
    return path


LETTER = ("{{ contact.nom_complet }}\n{{ contact.organisation }}\n{{ contact.adresse }}\n"
          "Association : {{ association.nom }}\nEntreprise : {{ entreprise.nom }}\n"
          "Dossier : {{ dossier.reference }}\nMadame, Monsieur,")


@pytest.fixture
def people(db: Database) -> dict[str, Any]:
    asso = org_service.create_organisation(
        db, kind="association", name=ASSOCIATION, address="12 rue de Lannoy",
        postal_code="59100", commune_name="Roubaix")
    company = org_service.create_organisation(
        db, kind="entreprise", name="Boulangerie Lefebvre", address="3 place de la Gare",
        postal_code="59700", commune_name=COMMUNE)
    lonely = org_service.create_organisation(db, kind="collectivite", name="Ville de Wattrelos")
    amina = org_service.create_contact(db, first_name="Amina", last_name="Benali",
                                       organisation_id=asso.id, role="Présidente")
    marc = org_service.create_contact(db, first_name="Marc", last_name="Lefebvre",
                                      organisation_id=company.id, role="Gérant")
    refus = org_service.create_contact(db, first_name="Paul", last_name="Refus",
                                       organisation_id=company.id, role="Comptable",
                                       objects_to_prospecting=True)
    f = file_service.open_file(db, title="Jardin", association_id=asso.id,
                               company_id=company.id)
    return {"asso": asso, "company": company, "lonely": lonely, "amina": amina, "marc": marc,
            "refus": refus, "file": f}


def test_one_letter_per_organisation_with_its_own_data(db: Database, people: dict[str, Any],
                                                       tmp_path: Path) -> None:
    template = _letter(tmp_path / "lettre.docx", LETTER)
    out = tmp_path / "courriers"
    ids = [people["asso"].id, people["company"].id, people["lonely"].id]
    seen: list[tuple[int, int]] = []
    result = mail_merge.render_mail_merge(db, template, mail_merge.ORGANISATIONS, ids, out,
                                          progress=lambda d, t: seen.append((d, t)))
    assert result.letters == 3 and not result.combined
    assert [p.name for p in result.files] == [
        "001_coeur-solidarite-nord.docx", "002_boulangerie-lefebvre.docx",
        "003_ville-de-wattrelos.docx"]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    first = _text(result.files[0])
    assert "Amina Benali" in first and f"Association : {ASSOCIATION}" in first
    assert "12 rue de Lannoy, 59100 Roubaix" in first
    assert f"Dossier : {people['file'].reference}" in first  # the organisation's latest file
    second = _text(result.files[1])
    assert "Marc Lefebvre" in second and COMMUNE in second
    assert "Entreprise : Boulangerie Lefebvre" in second
    third = _text(result.files[2])
    assert "Ville de Wattrelos" in third and "Dossier : \n" in third + "\n"  # no file: empty
    assert sorted(p.name for p in out.iterdir()) == [p.name for p in result.files]


def test_contacts_who_objected_to_prospecting_get_no_letter(db: Database, people: dict[str, Any],
                                                            tmp_path: Path) -> None:
    ids = [people["amina"].id, people["refus"].id, people["marc"].id]
    listed = mail_merge.list_recipients(db, mail_merge.CONTACTS, ids)
    assert [r.name for r in listed.recipients] == ["Amina Benali", "Marc Lefebvre"]
    assert [r.name for r in listed.skipped] == ["Paul Refus"]
    assert "prospection" in (listed.skipped[0].skipped_reason or "")
    template = _letter(tmp_path / "lettre.docx", LETTER)
    result = mail_merge.render_mail_merge(db, template, mail_merge.CONTACTS, ids,
                                          tmp_path / "out")
    assert result.letters == 2
    assert [r.name for r in result.skipped] == ["Paul Refus"]
    assert not any("Refus" in _text(p) for p in result.files)
    with pytest.raises(ValidationError) as err:
        mail_merge.render_mail_merge(db, template, mail_merge.CONTACTS, [people["refus"].id],
                                     tmp_path / "none")
    assert err.value.message_key == "mail_merge_empty"


def test_combined_document_has_one_letter_per_page(db: Database, people: dict[str, Any],
                                                   tmp_path: Path) -> None:
    ids = [people["amina"].id, people["marc"].id]
    result = mail_merge.render_mail_merge(db, "invitation_rencontre_collective",
                                          mail_merge.CONTACTS, ids, tmp_path / "out",
                                          combined=True)
    assert result.combined and len(result.files) == 1
    assert result.files[0].name.endswith("_2-destinataires.docx")
    d = docx.Document(str(result.files[0]))
    texts = [p.text for p in d.paragraphs]
    assert sum(t.startswith("Madame, Monsieur") for t in texts) == 2
    assert any("Amina Benali" in t for t in texts) and any("Marc Lefebvre" in t for t in texts)
    breaks = [br for br in d.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    assert len(breaks) >= 1
    assert "{{" not in "\n".join(texts)


def test_docxcompose_does_not_change_how_python_docx_saves_documents(tmp_path: Path) -> None:
    """docxcompose rebinds python-docx's « cp » prefix at import; infra/docx_compose undoes it."""
    import zipfile

    from docx.oxml.ns import nsmap

    from passerelle.infra import docx_compose

    core_ns = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    assert docx_compose.combine([_docx_bytes(tmp_path, "a"), _docx_bytes(tmp_path, "b")])
    assert nsmap["cp"] == core_ns
    d = docx.Document()
    d.core_properties.last_modified_by = "Passerelle"
    d.save(str(tmp_path / "c.docx"))
    core = zipfile.ZipFile(tmp_path / "c.docx").read("docProps/core.xml").decode()
    assert f'xmlns:cp="{core_ns}"' in core and "custom-properties" not in core


def _docx_bytes(folder: Path, text: str) -> bytes:
    path = _letter(folder / f"{text}.docx", text)
    return path.read_bytes()


def test_cancel_and_errors_leave_the_folder_as_it_was(db: Database, people: dict[str, Any],
                                                      tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "001_coeur-solidarite-nord.docx").write_bytes(b"kept")
    template = _letter(tmp_path / "lettre.docx", LETTER)
    ids = [people["asso"].id, people["company"].id, people["lonely"].id]
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(BatchCancelled):
        mail_merge.render_mail_merge(db, template, mail_merge.ORGANISATIONS, ids, out,
                                     progress=progress, cancel=cancel)
    assert [p.name for p in out.iterdir()] == ["001_coeur-solidarite-nord.docx"]

    bad = _letter(tmp_path / "bad.docx", "Bonjour {{ contact.nom_complt }}")
    with pytest.raises(ValidationError) as err:
        mail_merge.render_mail_merge(db, bad, mail_merge.ORGANISATIONS, ids, out)
    assert err.value.message_key == "template_unknown_placeholder"
    assert [p.name for p in out.iterdir()] == ["001_coeur-solidarite-nord.docx"]

    # A later run never overwrites a file already there: the new letter takes another name.
    result = mail_merge.render_mail_merge(db, template, mail_merge.ORGANISATIONS, ids[:1], out)
    assert result.files[0].name == "001_coeur-solidarite-nord_2.docx"
    assert (out / "001_coeur-solidarite-nord.docx").read_bytes() == b"kept"


def test_bad_kind_and_batch_templates(db: Database) -> None:
    with pytest.raises(ValidationError):
        mail_merge.list_recipients(db, "dossiers", [])
    purposes = [t.purpose for t in mail_merge.batch_templates(db)]
    assert purposes[:2] == ["lettre", "invitation"] and "synthese" not in purposes


def test_event_note_says_which_event_invitations_announce(db: Database, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from passerelle.store.models import Event

    none_yet = mail_merge.event_note(db, "invitation_rencontre_collective")
    assert none_yet.uses_event and none_yet.starts_at is None
    assert not mail_merge.event_note(db, _letter(tmp_path / "l.docx", LETTER)).uses_event
    when = (datetime.now() + timedelta(days=20)).replace(hour=8, minute=30, second=0,
                                                         microsecond=0)
    with db.write() as s:
        s.add(Event(kind="petit_dejeuner", title="Petit-déjeuner des partenaires",
                    starts_at=when, place="Salle Watremez, Roubaix"))
    note = mail_merge.event_note(db, "invitation_rencontre_collective")
    assert (note.title, note.starts_at, note.place) == (
        "Petit-déjeuner des partenaires", when, "Salle Watremez, Roubaix")
