"""The demo registry: the promised size, valid identifiers, and CRM organisations it overlaps."""

from __future__ import annotations

from passerelle.domain.validators import normalize_rna, normalize_siret
from passerelle.services import organisations as org_service
from passerelle.services import registry
from passerelle.services.lists import ListQuery
from passerelle.services.registry_demo import SIZES, fill_registry
from passerelle.store.database import Database


def test_demo_registry_is_searchable_and_meets_the_crm(db: Database) -> None:
    assoc = org_service.create_organisation(
        db, kind="association", name="Entraide Roubaix", rna="W595123456",
        commune_insee="59512", commune_name="Roubaix", postal_code="59100")
    for seed in range(1, 40):  # half of the CRM's associations are in it: find a seed with it
        assert fill_registry(db, "mda", seed=seed) == SIZES["mda"]
        rows = registry.RegistryRows(db)
        if rows.ids(ListQuery(text="W595123456")):
            break
    entry_id = rows.ids(ListQuery(text="W595123456"))[0]
    assert registry.get_entry(db, entry_id).name == "ENTRAIDE ROUBAIX"
    assert registry.adopted_matches(db, registry.get_entry(db, entry_id))[0].organisation_id \
        == assoc.id
    with db.engine.connect() as conn:
        idents = conn.exec_driver_sql(
            "SELECT source, identifier FROM registry_entry").fetchall()
    assert len(idents) == SIZES["mda"] == len(set(idents))
    for source, ident in idents[:: 97]:
        (normalize_rna if source == "rna" else normalize_siret)(ident)  # raises if invalid
    lille = rows.ids(ListQuery(text="commune de lille"))
    assert registry.get_entry(db, lille[0]).siren == "215903501"
