"""Registre: search, filters, detail, and adoption without duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.services import organisations as org_service
from passerelle.services import registry
from passerelle.services.lists import ListQuery
from passerelle.services.registry_import import import_registry
from passerelle.store.database import Database

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "registry"


@pytest.fixture
def loaded(db: Database) -> Database:
    import_registry(db, "rna", [FIX / "rna_waldec_20260101_59.csv",
                                FIX / "rna_import_20220301_59.csv"])
    import_registry(db, "sirene", [FIX / "StockUniteLegale_utf8_2026-01.zip",
                                   FIX / "StockEtablissement_utf8_2026-01.zip"])
    return db


def _names(db: Database, **query: object) -> list[str]:
    rows = registry.RegistryRows(db)
    ids = rows.ids(ListQuery(**query))  # type: ignore[arg-type]
    found = rows.rows(ids.tolist())
    return [found[i].values[0] for i in ids]


def test_search_ignores_accents_case_and_ligatures(loaded: Database) -> None:
    assert _names(loaded, text="coeur epeule") == ["CŒUR DE QUARTIER ÉPEULE"]
    assert _names(loaded, text="cooperative") == ["COOPÉRATIVE SOLIDAIRE DES FLANDRES"]
    assert _names(loaded, text="ateli nord") == ["ATELIERS DU NORD", "ATELIERS DU NORD"]
    assert _names(loaded, text="roubaix") == ["ATELIERS DU NORD", "CŒUR DE QUARTIER ÉPEULE"]


def test_filters(loaded: Database) -> None:
    assert len(_names(loaded)) == 8
    assert _names(loaded, filters={"source": "rna", "commune_insee": "59650"}) == [
        "SOCIÉTÉ DE GYMNASTIQUE « L'ÉTOILE » DE WATTRELOS"]
    assert _names(loaded, filters={"naf": "88"}) == ["COOPÉRATIVE SOLIDAIRE DES FLANDRES"]
    assert _names(loaded, filters={"naf": "2562A"}) == ["ATELIERS DU NORD"]
    assert _names(loaded, filters={"category": "ETI", "ess": True}) == [
        "COOPÉRATIVE SOLIDAIRE DES FLANDRES"]
    assert _names(loaded, filters={"size_bracket": "12"}) == ["ATELIERS DU NORD"] * 2
    names = _names(loaded, sort_key="name", descending=True)
    assert names[0].startswith("SOCIÉTÉ") and names[-1] == "AMICALE DU PONT DE BOIS"


def test_adopt_prefills_and_links_by_identifiers(loaded: Database) -> None:
    rows = registry.RegistryRows(loaded)
    entry_id = rows.ids(ListQuery(text="cooperative"))[0]
    org = registry.adopt_entry(loaded, entry_id)
    assert (org.kind, org.name, org.size, org.naf) == (
        "entreprise", "COOPÉRATIVE SOLIDAIRE DES FLANDRES", "ETI", "88.99B")
    entry = registry.get_entry(loaded, entry_id)
    assert (org.siren, org.siret) == (entry.siren, entry.siret)
    assert org.commune_insee == "59009" and org.address == "1 AVENUE DU PONT DE BOIS"
    # Through the change log: the organisation syncs.
    with loaded.engine.connect() as conn:
        fields = {r[0] for r in conn.exec_driver_sql(
            "SELECT field FROM sync_change WHERE row_id = ?", (str(org.id),))}
    assert {"name", "siret", "siren"} <= fields


def test_adopting_twice_offers_the_existing_organisation(loaded: Database) -> None:
    rows = registry.RegistryRows(loaded)
    entry_id = rows.ids(ListQuery(text="ecole savoirs"))[0]
    first = registry.adopt_entry(loaded, entry_id)
    assert first.kind == "association" and first.rna == "W595012345"
    with pytest.raises(registry.AlreadyAdopted) as info:
        registry.adopt_entry(loaded, entry_id)
    assert [m.organisation_id for m in info.value.matches] == [first.id]
    assert info.value.matches[0].matched_on == "rna"
    assert "déjà dans vos organisations" in info.value.message
    with loaded.engine.connect() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM organisation WHERE rna = 'W595012345'"
                                 ).scalar()
    assert n == 1


def test_adopting_an_organisation_typed_by_hand_offers_it(loaded: Database) -> None:
    """No identifier in the CRM, but the same association under a close name, same commune."""
    rows = registry.RegistryRows(loaded)
    entry_id = rows.ids(ListQuery(text="ecole savoirs"))[0]
    entry = registry.get_entry(loaded, entry_id)
    typed = org_service.create_organisation(
        loaded, kind="association", name=entry.name.title(),
        commune_insee=entry.commune_insee, commune_name=entry.commune_name)
    with pytest.raises(registry.AlreadyAdopted) as info:
        registry.adopt_entry(loaded, entry_id)
    assert [(m.organisation_id, m.matched_on) for m in info.value.matches] == [
        (typed.id, "name")]
    assert registry.adopt_entry(loaded, entry_id, force=True).rna == entry.rna


def test_other_establishment_of_an_adopted_company_is_found_by_siren(loaded: Database) -> None:
    rows = registry.RegistryRows(loaded)
    lille, roubaix = rows.ids(ListQuery(text="ateliers nord", sort_key="commune_name"))
    org = registry.adopt_entry(loaded, lille)
    with pytest.raises(registry.AlreadyAdopted) as info:
        registry.adopt_entry(loaded, roubaix)
    assert info.value.matches[0].organisation_id == org.id
    assert info.value.matches[0].matched_on == "siren"
    # A deleted organisation no longer blocks; an explicit force creates anyway.
    org_service.delete_organisation(loaded, org.id)
    second = registry.adopt_entry(loaded, roubaix)
    assert registry.adopt_entry(loaded, roubaix, force=True).id != second.id


def test_entrepreneur_adopted_as_tpe_under_its_commercial_name(loaded: Database) -> None:
    rows = registry.RegistryRows(loaded)
    entry_id = rows.ids(ListQuery(text="boulangerie"))[0]
    org = registry.adopt_entry(loaded, entry_id)
    assert org.name == "BOULANGERIE DU PARC" and org.kind == "entreprise"


def test_status_and_communes(loaded: Database) -> None:
    by_source = {s.source: s for s in registry.status(loaded)}
    assert by_source["sirene"].entries == 4 and by_source["sirene"].vintage == "2026-01"
    assert by_source["rna"].entries == 4
    communes = dict(registry.communes_in_registry(loaded))
    assert communes["59009"] == "Villeneuve-d'Ascq" and "75056" not in communes
