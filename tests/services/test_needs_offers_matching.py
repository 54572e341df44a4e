"""Needs, offers and the mise en relation, through the services the UI and scripts use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from passerelle.domain.errors import NotFound, StageRuleViolation, ValidationError
from passerelle.domain.stages import Stage
from passerelle.services import files as file_service
from passerelle.services import interactions as inter_service
from passerelle.services import matching
from passerelle.services import needs_offers as no
from passerelle.services import organisations as org_service
from passerelle.store.database import Database
from passerelle.store.models import Need, StageChange

ROUBAIX, TOURCOING, SECLIN = "59512", "59599", "59560"


@pytest.fixture
def world(db: Database) -> dict[str, object]:
    org = org_service.create_organisation
    assoc = org(db, kind="association", name="Les Ateliers du Pile", commune_insee=ROUBAIX,
                commune_name="Roubaix")
    near = org(db, kind="entreprise", name="Imprimerie Tourquennoise", size="TPE",
               commune_insee=TOURCOING, commune_name="Tourcoing")
    far = org(db, kind="entreprise", name="Logistique Seclinoise", size="GE",
              commune_insee=SECLIN, commune_name="Seclin")
    money = org(db, kind="entreprise", name="Banque du Nord", size="GE",
                commune_insee=ROUBAIX, commune_name="Roubaix")
    need = no.create(db, no.NEED, organisation_id=assoc.id, title="Refaire notre site web",
                     nature="competences", themes=["Numérique ", "insertion"],
                     commune_insee=ROUBAIX, volume="5 jours",
                     period_start=date(2026, 3, 1), period_end=date(2026, 6, 30))
    o_near = no.create(db, no.OFFER, organisation_id=near.id, title="Graphisme et web",
                       nature="competences", themes=["numérique"], commune_insee=TOURCOING)
    o_far = no.create(db, no.OFFER, organisation_id=far.id, title="Informaticiens bénévoles",
                      nature="competences", themes=["numérique", "insertion"],
                      commune_insee=SECLIN)
    o_money = no.create(db, no.OFFER, organisation_id=money.id, title="Mécénat financier",
                        nature="financier", themes=["sport"], commune_insee=ROUBAIX,
                        amount="5 000")
    return {"assoc": assoc, "near": near, "far": far, "need": need, "o_near": o_near,
            "o_far": o_far, "o_money": o_money}


def test_create_update_list(db: Database, world: dict) -> None:  # type: ignore[type-arg]
    need = world["need"]
    assert need.themes == ("insertion", "numérique")
    assert need.commune_name == "Roubaix" and need.status == "ouvert"
    assert world["o_money"].amount_cents == 500_000
    assert world["o_near"].company_size == "TPE"
    assert no.count_open(db) == {no.NEED: 1, no.OFFER: 3}
    changed = no.update(db, no.NEED, need.id, status="satisfait", amount="1200,50")
    assert changed.status == "satisfait" and changed.amount_cents == 120_050
    offers = no.list_entries(db, no.OFFER)
    assert {o.title for o in offers} == {"Graphisme et web", "Informaticiens bénévoles",
                                         "Mécénat financier"}
    assert [n.title for n in no.list_entries(db, no.NEED, text="site")] == [need.title]
    assert no.list_entries(db, no.NEED, statuses=("ouvert",)) == []
    assert len(no.list_entries(db, no.OFFER, organisation_id=world["near"].id)) == 1
    no.delete(db, no.OFFER, world["o_money"].id)
    assert len(no.list_entries(db, no.OFFER)) == 2


def test_bad_input_changes_nothing(db: Database, world: dict) -> None:  # type: ignore[type-arg]
    need = world["need"]
    with pytest.raises(ValidationError) as err:
        no.update(db, no.NEED, need.id, title="Nouveau titre", period_end=date(2026, 1, 1))
    assert err.value.message_key == "need_offer_period"
    with pytest.raises(ValidationError) as err:
        no.create(db, no.OFFER, organisation_id=world["assoc"].id, title="x",
                  nature="financier")
    assert err.value.message_key == "offer_by_association"
    with pytest.raises(ValidationError) as err:
        no.create(db, no.NEED, organisation_id=world["assoc"].id, title="x", nature="?")
    assert err.value.message_key == "need_offer_nature"
    with pytest.raises(ValidationError):
        no.create(db, no.NEED, organisation_id=world["assoc"].id, title="x",
                  nature="financier", commune_insee="75056")
    with pytest.raises(ValidationError):
        no.create(db, no.NEED, organisation_id=world["assoc"].id, title="x",
                  nature="financier", amount="-3")
    assert no.get(db, no.NEED, need.id).title == "Refaire notre site web"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Need)) == 1


def test_offers_ranked_for_need_with_reasons(db: Database, world: dict) -> None:  # type: ignore[type-arg]
    ranked = matching.offers_for_need(db, world["need"].id)
    # the neighbouring TPE beats the distant GE sharing one more theme; money does not fit
    assert [m.offer_title for m in ranked] == ["Graphisme et web", "Informaticiens bénévoles"]
    reasons = [r.format() for r in ranked[0].reasons]
    assert "Communes voisines : Roubaix et Tourcoing" in reasons
    assert "Même nature de soutien : competences" in reasons
    assert ranked[0].company_name == "Imprimerie Tourquennoise"
    needs = matching.needs_for_offer(db, world["o_far"].id)
    assert [m.need_title for m in needs] == ["Refaire notre site web"]
    assert any(r.key == "metropole" for r in needs[0].reasons)


def test_past_file_is_a_reason(db: Database, world: dict) -> None:  # type: ignore[type-arg]
    f = file_service.open_file(db, title="Ancien partenariat", association_id=world["assoc"].id,
                               company_id=world["far"].id)
    inter_service.log_interaction(db, inter_service.MeetingInput(
        file_id=f.id, kind="reunion", subject="Point"))
    ranked = matching.offers_for_need(db, world["need"].id)
    far = next(m for m in ranked if m.offer_title == "Informaticiens bénévoles")
    assert any(r.format() == f"Déjà en relation : dossier {f.reference}" for r in far.reasons)


def test_introduce_opens_file_at_matching_stage(db: Database, world: dict,  # type: ignore[type-arg]
                                                tmp_path: Path) -> None:
    f = matching.introduce(db, world["need"].id, world["o_near"].id)
    assert f.stage is Stage.MATCHING
    assert f.association_name == "Les Ateliers du Pile"
    assert f.company_name == "Imprimerie Tourquennoise"
    assert f.origin == "mise_en_relation"
    assert "numérique" in f.themes
    history = file_service.stage_history(db, f.id)
    assert [(h.from_stage, h.to_stage) for h in history] == [(None, 1), (1, 3)]
    assert no.get(db, no.NEED, world["need"].id).status == "en_cours"
    assert no.get(db, no.OFFER, world["o_near"].id).status == "en_cours"
    # the proposed introduction letter names both parties
    out = tmp_path / matching.default_letter_name(f.reference)
    doc = matching.introduction_letter(db, f.id, out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Imprimerie Tourquennoise" in text and "Les Ateliers du Pile" in text
    assert doc.file_id == f.id and doc.version == 1


def test_introduce_refused_leaves_nothing(db: Database, world: dict) -> None:  # type: ignore[type-arg]
    org_service.delete_organisation(db, world["near"].id)
    with pytest.raises(NotFound):
        matching.introduce(db, world["need"].id, world["o_near"].id)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(StageChange)) == 0
    assert no.get(db, no.NEED, world["need"].id).status == "ouvert"
    # the stage rules are the ones of a move by hand: no company, no « Mise en relation »
    with pytest.raises(StageRuleViolation), db.write() as s:
        matching.open_at_matching_stage(
            s, db, association_id=world["assoc"].id, company_id=None,  # type: ignore[arg-type]
            title="x", origin="mise_en_relation")
