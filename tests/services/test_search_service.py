"""Global search: hits joined back to their rows, grouped, accent- and ligature-insensitive."""

from __future__ import annotations

from datetime import datetime

import pytest

from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import InteractionKind, OrganisationKind
from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.services.search import ENTITY_ORDER, SearchGroup, global_search
from passerelle.store.database import Database


@pytest.fixture
def base(db: Database) -> dict[str, object]:
    oeuvre = org_service.create_organisation(db, kind="association", name="Les Amis de l'Œuvre",
                                             commune_name="Roubaix")
    bakery = org_service.create_organisation(db, kind="entreprise", name="Boulangerie Dupont",
                                             commune_name="Tourcoing")
    elodie = org_service.create_contact(db, first_name="Élodie", last_name="Martin",
                                        organisation_id=oeuvre.id, role="Présidente")
    file = file_service.open_file(db, title="Fresque du quartier de l'Épeule",
                                  association_id=oeuvre.id, company_id=bakery.id)
    meeting = interaction_service.log_interaction(db, interaction_service.MeetingInput(
        subject="Premier rendez-vous", file_id=file.id,
        occurred_at=datetime(2026, 3, 4, 10, 0),
        notes="Le boulanger propose du mécénat en nature : pains pour le goûter solidaire."))
    return {"oeuvre": oeuvre, "bakery": bakery, "elodie": elodie, "file": file,
            "meeting": meeting}


def _group(groups: list[SearchGroup], entity: str) -> SearchGroup:
    found = [g for g in groups if g.entity == entity]
    assert found, f"no {entity} group in {[g.entity for g in groups]}"
    return found[0]


def test_ligature_and_accent_insensitive(db: Database, base: dict[str, object]) -> None:
    groups = global_search(db, "oeuvre")
    org = _group(groups, "organisation").hits[0]
    assert org.title == "Les Amis de l'Œuvre"
    assert org.context == "Association · Roubaix"
    assert org.context_parts == (OrganisationKind.ASSOCIATION, "Roubaix")
    assert org.organisation_id == org.id
    assert global_search(db, "ELODIE")[0].hits[0].title == "Élodie Martin"


def test_contact_shows_organisation_and_role(db: Database, base: dict[str, object]) -> None:
    contact = _group(global_search(db, "martin"), "contact").hits[0]
    assert contact.context == "Les Amis de l'Œuvre · Présidente"
    assert contact.file_id is None


def test_file_shows_reference_stage_and_parties(db: Database, base: dict[str, object]) -> None:
    file = base["file"]
    hit = _group(global_search(db, "fresque"), "partnership_file").hits[0]
    assert hit.title == "Fresque du quartier de l'Épeule"
    assert hit.file_id == file.id  # type: ignore[attr-defined]
    assert hit.context_parts[:2] == (file.reference, Stage.FIRST_CONTACT)  # type: ignore[attr-defined]
    assert "Les Amis de l'Œuvre ↔ Boulangerie Dupont" in hit.context


def test_note_text_finds_interaction_with_its_file(db: Database, base: dict[str, object]) -> None:
    hit = _group(global_search(db, "gouter solidaire"), "interaction").hits[0]
    assert hit.title == "Premier rendez-vous"
    assert hit.file_id == base["file"].id  # type: ignore[attr-defined]
    assert hit.context_parts[1] is InteractionKind.MEETING
    assert hit.context.startswith("04/03/2026 · Réunion · D-")
    assert "[goûter]" in hit.snippet and "[solidaire]" in hit.snippet


def test_snippet_left_out_when_it_repeats_the_title(db: Database,
                                                    base: dict[str, object]) -> None:
    hit = _group(global_search(db, "roubaix"), "organisation").hits[0]
    assert hit.snippet == ""


def test_groups_follow_entity_order_and_limit(db: Database, base: dict[str, object]) -> None:
    for n in range(9):
        org_service.create_organisation(db, kind="association", name=f"Dupont solidarité {n}")
    groups = global_search(db, "dupont", per_group=4)
    entities = [g.entity for g in groups]
    assert entities == sorted(entities, key=ENTITY_ORDER.index)
    assert len(_group(groups, "organisation").hits) == 4
    # a title starting with the query comes before one that merely contains it
    assert _group(groups, "organisation").hits[0].title.startswith("Dupont")


def test_deleted_rows_and_empty_queries_give_nothing(db: Database,
                                                      base: dict[str, object]) -> None:
    org_service.delete_organisation(db, base["bakery"].id)  # type: ignore[attr-defined]
    assert all(h.title != "Boulangerie Dupont"
               for g in global_search(db, "boulangerie") for h in g.hits)
    assert global_search(db, "") == []
    assert global_search(db, "  ,;  ") == []
