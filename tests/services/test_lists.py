"""Row sources of the big lists: the right rows, in the right order, with working filters."""

from __future__ import annotations

from datetime import date

import pytest

from passerelle.services import directory
from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.services.lists import ContactRows, FileRows, ListQuery, OrganisationRows
from passerelle.store.database import Database


@pytest.fixture
def sample(db: Database) -> dict[str, object]:
    """Two associations, two companies, contacts and two files."""
    oeuvre = org_service.create_organisation(
        db, kind="association", name="Œuvre des Quartiers", commune_insee="59350",
        commune_name="Lille", rna="W595000001", themes=["insertion"])
    ecole = org_service.create_organisation(
        db, kind="association", name="École du Jardin", commune_insee="59512",
        commune_name="Roubaix", themes=["education"])
    acme = org_service.create_organisation(
        db, kind="entreprise", name="Acme Industrie", siren="552 081 317", size="PME")
    big = org_service.create_organisation(db, kind="entreprise", name="Bigcorp", size="GE")
    lea = org_service.create_contact(
        db, first_name="Léa", last_name="Dupont", organisation_id=oeuvre.id, role="Présidente",
        phone="03 20 00 00 00", email="lea@oeuvre.fr")
    org_service.create_contact(db, first_name="Marc", last_name="Adam",
                               organisation_id=acme.id, role="DRH")
    f1 = file_service.open_file(
        db, title="Mécénat de compétences", association_id=oeuvre.id, company_id=acme.id,
        themes=["insertion"], commune_insee="59350", category="mecenat",
        facilitator="Camille", opened_on=date(2025, 3, 1))
    f2 = file_service.open_file(
        db, title="Jardin partagé", association_id=ecole.id, company_id=big.id,
        themes=["education", "environnement"], commune_insee="59512",
        facilitator="Sami", opened_on=date(2025, 4, 1))
    return {"oeuvre": oeuvre, "ecole": ecole, "acme": acme, "big": big, "lea": lea,
            "f1": f1, "f2": f2}


def _names(source: OrganisationRows | ContactRows | FileRows, query: ListQuery,
           column: int = 0) -> list[object]:
    ids = source.ids(query)
    rows = source.rows(ids)
    return [rows[i].values[column] for i in ids]


def test_organisations_sorted_by_name_case_insensitively(db: Database,
                                                         sample: dict[str, object]) -> None:
    source = OrganisationRows(db)
    assert _names(source, ListQuery()) == [
        "Acme Industrie", "Bigcorp", "École du Jardin", "Œuvre des Quartiers"]
    assert _names(source, ListQuery(sort_key="name", descending=True))[0] == (
        "Œuvre des Quartiers")


def test_organisation_row_values(db: Database, sample: dict[str, object]) -> None:
    source = OrganisationRows(db)
    rows = source.rows(source.ids(ListQuery(text="acme")))
    (row,) = rows.values()
    assert row.id == sample["acme"].id  # type: ignore[attr-defined]
    assert row.values == ("Acme Industrie", "entreprise", None, "552 081 317", "PME", "")
    (oeuvre,) = source.rows(source.ids(ListQuery(text="oeuvre"))).values()
    assert oeuvre.values[3] == "W595 000 001"
    assert oeuvre.values[5] == "insertion"


def test_organisation_text_filter_ignores_accents_and_ligatures(
        db: Database, sample: dict[str, object]) -> None:
    source = OrganisationRows(db)
    assert _names(source, ListQuery(text="oeuvre")) == ["Œuvre des Quartiers"]
    assert _names(source, ListQuery(text="ECOLE jard")) == ["École du Jardin"]
    assert _names(source, ListQuery(text="roubaix")) == ["École du Jardin"]
    assert _names(source, ListQuery(text="  ")) == _names(source, ListQuery())


def test_organisation_filters(db: Database, sample: dict[str, object]) -> None:
    source = OrganisationRows(db)
    assert _names(source, ListQuery(filters={"kind": "entreprise"})) == [
        "Acme Industrie", "Bigcorp"]
    assert _names(source, ListQuery(filters={"kind": ["association"], "theme": "insertion"})
                  ) == ["Œuvre des Quartiers"]
    assert _names(source, ListQuery(filters={"commune_insee": "59512"})) == ["École du Jardin"]
    assert _names(source, ListQuery(filters={"kind": None})) == _names(source, ListQuery())


def test_deleted_organisations_disappear(db: Database, sample: dict[str, object]) -> None:
    org_service.delete_organisation(db, sample["big"].id)  # type: ignore[attr-defined]
    assert "Bigcorp" not in _names(OrganisationRows(db), ListQuery())


def test_contacts_show_primary_organisation_role_and_formatted_phone(
        db: Database, sample: dict[str, object]) -> None:
    source = ContactRows(db)
    ids = source.ids(ListQuery())
    rows = source.rows(ids)
    assert [rows[i].values[0] for i in ids] == ["Marc Adam", "Léa Dupont"]
    lea = rows[ids[1]]
    assert lea.values[1:5] == ("Œuvre des Quartiers", "Présidente", "lea@oeuvre.fr",
                               "03 20 00 00 00")
    by_org = _names(source, ListQuery(sort_key="organisation_name"))
    assert by_org == ["Marc Adam", "Léa Dupont"]  # Acme before Œuvre
    assert _names(source, ListQuery(text="lea")) == ["Léa Dupont"]
    acme_id = sample["acme"].id  # type: ignore[attr-defined]
    assert _names(source, ListQuery(filters={"organisation_id": acme_id})) == ["Marc Adam"]


def test_files_rows_and_filters(db: Database, sample: dict[str, object]) -> None:
    source = FileRows(db)
    ids = source.ids(ListQuery())
    rows = source.rows(ids)
    first = rows[ids[0]]
    assert first.values[1:9] == ("Mécénat de compétences", "Œuvre des Quartiers",
                                 "Acme Industrie", 1, "mecenat", "actif", "Camille", "Lille")
    assert _names(source, ListQuery(filters={"theme": "education"}), 1) == ["Jardin partagé"]
    assert _names(source, ListQuery(filters={"company_size": "PME"}), 1) == [
        "Mécénat de compétences"]
    assert _names(source, ListQuery(filters={"facilitator": "Sami"}), 1) == ["Jardin partagé"]
    assert _names(source, ListQuery(filters={"commune_insee": "59350"}), 1) == [
        "Mécénat de compétences"]
    assert _names(source, ListQuery(filters={"stage": 2}), 1) == []
    assert len(source.ids(ListQuery(filters={"stage": [1, 2], "status": "actif"}))) == 2
    assert _names(source, ListQuery(filters={"category": "mecenat"}), 1) == [
        "Mécénat de compétences"]
    assert _names(source, ListQuery(text="bigcorp"), 1) == ["Jardin partagé"]
    assert _names(source, ListQuery(sort_key="title"), 1) == [
        "Jardin partagé", "Mécénat de compétences"]


def test_rows_ignores_unknown_rowids(db: Database, sample: dict[str, object]) -> None:
    assert OrganisationRows(db).rows([999_999]) == {}


def test_find_contacts_and_organisations(db: Database, sample: dict[str, object]) -> None:
    (lea,) = directory.find_contacts(db, "dupont")
    assert (lea.full_name, lea.organisation_name) == ("Léa Dupont", "Œuvre des Quartiers")
    assert [c.full_name for c in directory.find_contacts(db, "", limit=1)] == ["Marc Adam"]
    assert [o.name for o in directory.find_organisations(db, "oeuv")] == [
        "Œuvre des Quartiers"]
    companies = directory.find_organisations(db, "", kinds=["entreprise"])
    assert [o.name for o in companies] == ["Acme Industrie", "Bigcorp"]


def test_organisation_contacts_and_files(db: Database, sample: dict[str, object]) -> None:
    oeuvre_id = sample["oeuvre"].id  # type: ignore[attr-defined]
    (contact,) = directory.organisation_contacts(db, oeuvre_id)
    assert (contact.full_name, contact.role, contact.is_primary) == (
        "Léa Dupont", "Présidente", True)
    (file,) = directory.organisation_files(db, oeuvre_id)
    assert (file.title, file.partner_name) == ("Mécénat de compétences", "Acme Industrie")
    acme_files = directory.organisation_files(db, sample["acme"].id)  # type: ignore[attr-defined]
    assert [f.partner_name for f in acme_files] == ["Œuvre des Quartiers"]
