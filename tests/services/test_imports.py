"""Import of facilitators' spreadsheets: detection, mapping, dry-run report, all-or-nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from passerelle.domain.errors import ValidationError
from passerelle.services import imports, spreadsheets
from passerelle.services import organisations as orgs
from passerelle.services.spreadsheets import Cancelled, read_sheet
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import Contact, ContactOrganisation, Organisation

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spreadsheets"


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)
                            .where(model.deleted.is_(False))) or 0)


def _log_size(db: Database) -> int:
    with db.read() as s:
        return int(s.connection().exec_driver_sql("SELECT COUNT(*) FROM sync_change").scalar()
                   or 0)


def test_cp1252_excel_file_is_detected_and_read() -> None:
    sheet = read_sheet(FIXTURES / "associations_excel_cp1252.csv")
    assert sheet.encoding == "cp1252" and sheet.delimiter == ";"
    assert sheet.rows[0][0] == "Cœur & Solidarité"
    assert sheet.rows[2][4] == "Marcq-en-Barœul"
    assert sheet.rows[0][8] == "Épicerie solidaire; aide aux devoirs"  # quoted « ; »
    assert sheet.rows[2][8] == "Jardins familiaux\nà Marcq"  # quoted line break
    # the line numbers the user sees (multi-line record, blank line skipped)
    assert sheet.lines == (2, 3, 4, 7, 8)


@pytest.mark.parametrize(("name", "sep"), [("contacts_utf8_bom.csv", ","),
                                           ("contacts_tabulations.csv", "\t"),
                                           ("associations_erreurs.csv", ";")])
def test_separator_is_sniffed(name: str, sep: str) -> None:
    sheet = read_sheet(FIXTURES / name)
    assert sheet.delimiter == sep
    assert sheet.headers[0] in ("Prénom", "Nom")  # BOM removed


def test_xlsx_skips_the_title_line_and_keeps_codes_as_digits() -> None:
    sheet = read_sheet(FIXTURES / "entreprises.xlsx")
    assert sheet.headers[:3] == ("Raison sociale", "N° SIRET", "Code APE")
    assert sheet.rows[0][1] == "41234567000019"  # a number cell, no « .0 » nor exponent
    assert sheet.rows[0][3] == "59000"
    assert sheet.lines == (4, 5, 6, 8)


def test_automatic_mapping_from_french_headers() -> None:
    sheet = read_sheet(FIXTURES / "associations_excel_cp1252.csv")
    mapping = imports.auto_mapping("organisations", sheet.headers)
    named = {k: sheet.headers[c] for k, c in mapping.items()}
    assert named == {"name": "Nom de l'association", "rna": "N° RNA", "address": "Adresse",
                     "postal_code": "Code postal", "commune": "Ville", "email": "Courriel",
                     "phone": "Tél.", "themes": "Thématiques", "description": "Objet"}
    xlsx = read_sheet(FIXTURES / "entreprises.xlsx")
    assert {k: xlsx.headers[c] for k, c in imports.auto_mapping("organisations",
                                                                xlsx.headers).items()} == {
        "name": "Raison sociale", "siret": "N° SIRET", "naf": "Code APE", "postal_code": "CP",
        "commune": "Ville", "email": "E-mail", "phone": "Tél", "size": "Taille"}
    contacts = read_sheet(FIXTURES / "contacts_utf8_bom.csv")
    assert {k: contacts.headers[c] for k, c in imports.auto_mapping(
        "contacts", contacts.headers).items()} == {
        "last_name": "Nom", "first_name": "Prénom", "title": "Fonction",
        "organisation": "Structure", "email": "Courriel", "mobile": "Téléphone portable"}


def test_organisations_import_creates_flags_and_skips_duplicates(db: Database) -> None:
    existing = orgs.create_organisation(db, kind="association", name="Amis du parc Barbieu",
                                        commune_insee="59512", commune_name="Roubaix")
    sheet = read_sheet(FIXTURES / "associations_excel_cp1252.csv")
    dry = imports.import_sheet(db, sheet, "organisations", dry_run=True)
    assert dry.ok and not dry.written and _count(db, Organisation) == 1
    report = imports.import_sheet(db, sheet, "organisations")
    assert report.ok and report.written
    assert (report.rows, report.created, report.skipped) == (5, 4, 1) == (
        dry.rows, dry.created, dry.skipped)
    by_key = {(p.line, p.message_key) for p in report.warnings}
    assert (8, "import_duplicate_row") in by_key  # same RNA as line 2
    assert (3, "import_close_existing") in by_key  # « Amis du parc Barbieu », a typo
    with db.read() as s:
        rows = {o.name: o for o in s.scalars(select(Organisation)
                                             .where(Organisation.id != existing.id))}
    marcq = rows["Œuvre des Jardins Ouvriers"]
    assert (marcq.commune_insee, marcq.commune_name) == ("59378", "Marcq-en-Barœul")
    coeur = rows["Cœur & Solidarité"]
    assert (coeur.kind, coeur.rna, coeur.phone, coeur.themes) == (
        "association", "W595012345", "+33320112233", ["insertion", "solidarité"])
    assert rows["Club de Boxe Éducative"].kind == "association"  # the default kind
    # through the change log: the projection rebuilds to the same tables
    with db.read() as s:
        before = changelog.digest(s.connection())
        changelog.rebuild_projection(s)
        assert changelog.digest(s.connection()) == before
        s.rollback()
    # importing the same file again creates nothing
    again = imports.import_sheet(db, sheet, "organisations")
    assert (again.created, again.skipped) == (0, 5)


def test_bad_rows_are_reported_and_nothing_is_written(db: Database) -> None:
    sheet = read_sheet(FIXTURES / "associations_erreurs.csv")
    log_before = _log_size(db)
    report = imports.import_sheet(db, sheet, "organisations")
    assert not report.ok and not report.written
    problems = {(p.line, p.field) for p in report.errors}
    assert problems == {(2, "N° RNA"), (3, "Nom"), (4, "Code postal"), (4, "Courriel"),
                        (4, "Téléphone")}
    assert all(p.message for p in report.errors)
    assert _count(db, Organisation) == 0 and _log_size(db) == log_before
    assert any("ligne 2 ; N° RNA ; erreur" in line for line in report.lines())


def test_xlsx_bad_siret_and_size_are_reported(db: Database) -> None:
    report = imports.import_sheet(db, read_sheet(FIXTURES / "entreprises.xlsx"), "organisations",
                                  dry_run=True)
    assert {(p.line, p.field) for p in report.errors} == {(8, "SIRET"), (8, "Taille")}
    assert report.created == 3


def test_contacts_import_links_organisations_by_name(db: Database) -> None:
    coeur = orgs.create_organisation(db, kind="association", name="Cœur & Solidarité")
    orgs.create_contact(db, first_name="Karim", last_name="Benali", email="karim@example.fr")
    sheet = read_sheet(FIXTURES / "contacts_utf8_bom.csv")
    report = imports.import_sheet(db, sheet, "contacts", default_kind="entreprise")
    assert report.ok and report.written
    assert (report.created, report.skipped, report.organisations_created, report.links) == (
        3, 2, 1, 3)
    keys = {(p.line, p.message_key) for p in report.warnings}
    assert keys == {(4, "import_org_created"), (5, "import_contact_exists"),
                    (6, "import_contact_duplicate_row")}
    with db.read() as s:
        linked = {c for c, in s.execute(select(ContactOrganisation.contact_id).where(
            ContactOrganisation.organisation_id == coeur.id))}
        assert len(linked) == 2
        created = s.scalars(select(Organisation).where(Organisation.name
                                                       == "Boulangerie Dupont, Lille")).one()
        assert created.kind == "entreprise"
        awa = s.scalars(select(Contact).where(Contact.last_name == "Diallo")).one()
        assert awa.mobile == "+33639980001" and awa.collected_from == (
            "Import du fichier contacts_utf8_bom.csv")


def test_missing_required_column_and_bad_mapping_are_refused(db: Database) -> None:
    sheet = read_sheet(FIXTURES / "contacts_tabulations.csv")
    with pytest.raises(ValidationError) as exc:
        imports.import_sheet(db, sheet, "contacts", {"first_name": 1})
    assert exc.value.message_key == "import_required_column"
    with pytest.raises(ValidationError):
        imports.mapping_from_names("contacts", sheet.headers, {"last_name": "Surname"})
    assert imports.mapping_from_names("contacts", sheet.headers,
                                      {"last_name": "Nom", "email": 3}) == {
        "last_name": 0, "email": 2}


def test_cancelled_import_writes_nothing(db: Database) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        imports.import_sheet(db, read_sheet(FIXTURES / "associations_excel_cp1252.csv"),
                             "organisations", cancel=cancel)
    assert _count(db, Organisation) == 0


def test_unsupported_or_empty_files_get_a_clear_message(tmp_path: Path) -> None:
    empty = tmp_path / "vide.csv"
    empty.write_bytes(b"\r\n;;\r\n")
    with pytest.raises(spreadsheets.SpreadsheetError) as exc:
        read_sheet(empty)
    assert "vide" in exc.value.message
    with pytest.raises(spreadsheets.SpreadsheetError):
        read_sheet(tmp_path / "ancien.xls")
    fake = tmp_path / "faux.xlsx"
    fake.write_text("pas un classeur")
    with pytest.raises(spreadsheets.SpreadsheetError):
        read_sheet(fake)


def test_contact_organisation_with_a_close_name_is_flagged(db: Database, tmp_path: Path) -> None:
    orgs.create_organisation(db, kind="association", name="Maison des Jeunes de Wattrelos")
    path = tmp_path / "contacts.csv"
    path.write_text("Nom;Prénom;Structure\nPetit;Léa;Maison des jeunes de Watrelos\n",
                    encoding="utf-8")
    report = imports.import_sheet(db, read_sheet(path), "contacts", dry_run=True)
    assert [(p.message_key, p.params["other"]) for p in report.warnings] == [
        ("import_org_created_close", "Maison des Jeunes de Wattrelos")]


def test_contacts_without_email_are_not_imported_twice(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("Nom;Prénom;Structure\nPetit;Léa;Club de Boxe\nPETIT;Lea;Club de boxe\n"
                    "Petit;Léa;Atelier Vélo\n", encoding="utf-8")
    first = imports.import_sheet(db, read_sheet(path), "contacts")
    assert (first.created, first.skipped) == (2, 1)
    assert [p.message_key for p in first.warnings if p.line == 3] == [
        "import_person_duplicate_row"]
    again = imports.import_sheet(db, read_sheet(path), "contacts")
    assert (again.created, again.skipped) == (0, 3)
    assert {p.message_key for p in again.warnings} == {"import_person_exists"}
