"""RGPD tools: retention review, erasure that reaches everything, access export, register."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest

from passerelle.services import documents, files, interactions, organisations, rgpd
from passerelle.services.interactions import MeetingInput
from passerelle.store import changelog
from passerelle.store.database import Database

NAME = "Bérénice Zygomatik"
EMAIL = "berenice.zygomatik@example.org"


def _person(db: Database) -> dict[str, object]:
    asso = organisations.create_organisation(db, kind="association", name="Les Amis du Canal")
    company = organisations.create_organisation(db, kind="entreprise", name="Brasserie Nord")
    person = organisations.create_contact(
        db, first_name="Bérénice", last_name="Zygomatik", email=EMAIL, phone="+33353011234",
        organisation_id=asso.id, role="Présidente", notes="Préfère le téléphone.",
        collected_from="Salon des associations", collected_on=date(2020, 5, 4))
    other = organisations.create_contact(db, first_name="Paul", last_name="Durand",
                                         organisation_id=company.id, role="DRH")
    f = files.open_file(db, title="Mécénat de compétences", association_id=asso.id,
                        company_id=company.id)
    meeting = interactions.log_interaction(db, MeetingInput(
        subject="Rencontre avec Bérénice Zygomatik", file_id=f.id,
        occurred_at=datetime(2021, 3, 2, 10, 0), participant_ids=[person.id, other.id],
        notes=f"Bérénice Zygomatik ({EMAIL}) présente le projet ; Paul Durand écoute.",
        next_steps=[interactions.NextStep("Rappeler Mme Zygomatik")]))
    interactions.revise_note(db, meeting.id, "Compte rendu : Paul Durand valide l'idée.")
    documents.render_for_file(db, f.id, "compte_rendu_rencontre",
                              db.path.parent / "cr.docx", interaction_id=meeting.id)
    organisations.update_contact(db, person.id, title="Présidente bénévole")
    return {"person": person.id, "other": other.id, "file": f.id, "meeting": meeting.id}


def _file_bytes(db: Database) -> bytes:
    rgpd.compact(db)
    data = db.path.read_bytes()
    wal = db.path.with_name(db.path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _assert_forgotten(db: Database) -> None:
    blob = _file_bytes(db).lower()
    for needle in (NAME, "Zygomatik", EMAIL, "zygomatik", "03 53 01 12 34"):
        assert needle.lower().encode() not in blob, needle
        # the FTS index stores folded terms
    with db.read() as s:
        conn = s.connection()
        assert not conn.exec_driver_sql(
            "SELECT COUNT(*) FROM sync_change WHERE value LIKE '%zygomatik%'").scalar()
        hits = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH 'zygomatik'").scalar()
        assert hits == 0


def test_retention_review_lists_people_silent_for_three_years(db: Database) -> None:
    ids = _person(db)
    organisations.create_contact(db, first_name="Jeanne", last_name="Récente",
                                 collected_on=date(2026, 1, 10))
    review = rgpd.retention_review(db, on=date(2024, 3, 3))
    names = [c.facts.full_name for c in review]
    assert NAME in names  # last meeting 2021-03-02 → review due 2024-03-02
    assert "Jeanne Récente" not in names
    candidate = next(c for c in review if c.facts.id == ids["person"])
    assert candidate.facts.reference_kind == "inbound"
    assert candidate.facts.last_inbound_on == date(2021, 3, 2)
    assert candidate.organisation == "Les Amis du Canal"
    assert rgpd.retention_review(db, on=date(2024, 3, 1)) == [
        c for c in rgpd.retention_review(db, on=date(2024, 3, 1)) if c.facts.id != ids["person"]]


@pytest.mark.parametrize("crowd", [0, 9], ids=["alone", "in-a-batch"])
def test_erasure_leaves_the_name_nowhere(db: Database, crowd: int) -> None:
    ids = _person(db)
    others = [organisations.create_contact(db, first_name="Autre", last_name=f"Personne{i}").id
              for i in range(crowd)]
    organisations.update_organisation(
        db, organisations.create_organisation(db, kind="association", name="Tiers").id,
        description="Joindre Mme Zygomatik au 03 53 01 12 34 ou berenice.zygomatik@example.org")
    before = _file_bytes(db).lower()
    assert b"zygomatik" in before  # the test can fail
    report = rgpd.erase_contacts(db, [*others, ids["person"]], mode="erase")
    assert report.people == 1 + crowd and report.texts_scrubbed >= 5
    assert report.documents  # the generated letter's metadata named her
    _assert_forgotten(db)
    with db.read() as s:
        conn = s.connection()
        # the other participant and the texts stay, without her
        note = conn.exec_driver_sql("SELECT body FROM note_revision ORDER BY written_at").all()
        assert any(rgpd.ERASED_TEXT in n[0] and "Paul Durand" in n[0] for n in note)
        assert conn.exec_driver_sql(
            "SELECT deleted FROM contact WHERE id = ?", (str(ids["person"]),)).scalar() == 1
        # the projection is still exactly what the log says
        d1 = changelog.digest(conn)
        changelog.rebuild_projection(s)
        assert changelog.digest(conn) == d1
        s.rollback()


def test_anonymised_contact_stays_and_cannot_take_its_name_back(db: Database) -> None:
    ids = _person(db)
    rgpd.erase_contacts(db, [ids["person"]], mode="anonymise")
    c = organisations.get_contact(db, ids["person"])
    assert c.full_name == rgpd.ANONYMISED_NAME
    assert rgpd.contact_rgpd(db, ids["person"]).anonymised
    organisations.update_contact(db, ids["person"], email="retour@example.org")
    with db.read() as s:
        email = s.connection().exec_driver_sql(
            "SELECT email FROM contact WHERE id = ?", (str(ids["person"]),)).scalar()
    assert email is None
    assert all(c.facts.id != ids["person"] for c in rgpd.retention_review(db, on=date(2030, 1, 1)))
    _assert_forgotten(db)


def test_erase_refuses_unknown_mode_and_changes_nothing(db: Database) -> None:
    ids = _person(db)
    with db.read() as s:
        before = changelog.digest(s.connection())
    with pytest.raises(rgpd.ValidationError):
        rgpd.erase_contacts(db, [ids["person"]], mode="oublier")
    with db.read() as s:
        assert changelog.digest(s.connection()) == before


def test_access_export_zip_has_everything_about_the_person(db: Database, tmp_path: Path) -> None:
    ids = _person(db)
    out = rgpd.access_export(db, ids["person"], tmp_path / "acces.zip")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        data = json.loads(z.read(next(n for n in names if n.endswith(".json"))))
        readable = next(n for n in names if n.endswith(".docx"))
        z.extract(readable, tmp_path)
    person = data["personne"]
    assert person["email"] == EMAIL and person["nom"] == "Zygomatik"
    assert data["organisations"][0]["role"] == "Présidente"
    assert [f["titre"] for f in data["dossiers"]] == ["Mécénat de compétences"]
    assert data["interactions"][0]["objet"] == "Rencontre avec Bérénice Zygomatik"
    assert "présente le projet" in data["interactions"][0]["notes"][0]["texte"]
    assert data["taches"][0]["titre"] == "Rappeler Mme Zygomatik"
    assert data["documents"], "the letter naming her is listed"
    assert any(h["champ"] == "title" for h in data["historique"])
    assert data["informations"]["reclamation"]
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / readable)).paragraphs)
    assert "Zygomatik" in text and "CNIL" in text


def test_processing_register_docx(db: Database, tmp_path: Path) -> None:
    documents.set_setting(db, documents.SETTING_STRUCTURE_NAME,
                          "Maison des Associations de Roubaix")
    _person(db)
    out = rgpd.processing_register(db, tmp_path / "registre.docx")
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "Maison des Associations de Roubaix" in text + cells
    assert "3 ans" in cells and "Intérêt légitime" in cells


def test_corrupted_redaction_is_ignored_deterministically() -> None:
    assert changelog.decode_redaction("pas du json") == {}
    assert changelog.decode_redaction('{"fields": {"_row": "null", "email": "x"}}') == {}
    assert changelog.decode_redaction('{"fields": {"email": "null"}}') == {"email": "null"}


def test_bytes_scan_helper_finds_a_name(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES ('zygomatik')")
    assert b"zygomatik" in path.read_bytes()


def test_cli_review_erase_register(db: Database, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from passerelle.cli import main

    ids = _person(db)
    db.close()
    assert main(["rgpd", "review", "--db", str(db.path)]) == 0
    assert NAME in capsys.readouterr().out
    assert main(["rgpd", "erase", str(ids["person"]), "--db", str(db.path),
                 "--mode", "erase"]) == 0
    out = capsys.readouterr().out
    assert "1 personne(s) traitée(s)" in out and "Zygomatik" not in out
    assert main(["rgpd", "register", "--db", str(db.path), "--out",
                 str(tmp_path / "r.docx")]) == 0
    assert (tmp_path / "r.docx").exists()
    assert main(["rgpd", "erase", str(ids["person"]), "--db", str(db.path),
                 "--mode", "erase"]) == 1  # already erased: a one-line reason, exit 1


def test_register_says_when_the_base_is_not_encrypted(db: Database, tmp_path: Path) -> None:
    out = rgpd.processing_register(db, tmp_path / "registre.docx")
    cells = "\n".join(c.text for t in docx.Document(str(out)).tables
                      for r in t.rows for c in r.cells)
    assert "NON chiffrée" in cells  # a plain SQLite file: the register must not claim otherwise
