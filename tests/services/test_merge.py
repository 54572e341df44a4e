"""« Fusionner »: every child follows the kept organisation, nothing is lost, history stays."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from passerelle.domain.errors import NotFound, ValidationError
from passerelle.domain.ids import link_id
from passerelle.services import files, interactions, merge
from passerelle.services import organisations as orgs
from passerelle.services.lists import ListQuery, OrganisationRows
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import (
    Agreement,
    ContactOrganisation,
    Event,
    EventParticipant,
    FileParty,
    Interaction,
    Need,
    Offer,
    Organisation,
    PartnershipFile,
)


def build_pair(db: Database) -> dict[str, Any]:
    """Two records of one association, each with children; a company to partner with."""
    keep = orgs.create_organisation(db, kind="association", name="Cœur & Solidarité",
                                    commune_insee="59512", commune_name="Roubaix",
                                    themes=["solidarité"])
    other = orgs.create_organisation(db, kind="association", name="Coeur et Solidarite",
                                     rna="W595000001", email="contact@coeur.example",
                                     phone="03 20 12 34 56", themes=["insertion"],
                                     address="12 rue de Lannoy", commune_insee="59599")
    company = orgs.create_organisation(db, kind="entreprise", name="Boulangerie Dupont",
                                       siret="55208131766522")
    both = orgs.create_contact(db, first_name="Awa", last_name="Diallo",
                               organisation_id=keep.id, role=None)
    orgs.link_contact(db, both.id, other.id, "Présidente", primary=True)
    only_other = orgs.create_contact(db, first_name="Marc", last_name="Leroy",
                                     organisation_id=other.id, role="Trésorier")
    file_ = files.open_file(db, title="Atelier cuisine", association_id=other.id,
                            company_id=company.id)
    inter = interactions.log_interaction(db, interactions.MeetingInput(
        subject="Premier rendez-vous", organisation_id=other.id, file_id=file_.id,
        occurred_at=datetime(2026, 3, 2, 10, 0), notes="Notes"))
    with db.write() as s:
        event = Event(kind="speed_dating", title="Speed-dating", starts_at=datetime(2026, 4, 1))
        s.add(event)
        s.flush()
        s.add(EventParticipant(id=link_id(event.id, other.id), event_id=event.id,
                               organisation_id=other.id, status="present", wishes=["x"]))
        s.add(Need(organisation_id=other.id, title="Local", nature="en_nature"))
        s.add(Offer(organisation_id=other.id, title="Prêt de salle", nature="en_nature"))
        s.add(Agreement(association_id=other.id, company_id=company.id, file_id=file_.id,
                        type="mecenat_financier", object="Soutien"))
        s.add(FileParty(file_id=file_.id, organisation_id=other.id, role="co-porteur"))
        event_id = event.id
    return {"keep": keep.id, "other": other.id, "company": company.id, "both": both.id,
            "only_other": only_other.id, "file": file_.id, "interaction": inter.id,
            "event": event_id}


def test_merge_repoints_every_child_and_hides_the_merged_one(db: Database) -> None:
    ids = build_pair(db)
    preview = merge.merge_preview(db, ids["keep"], ids["other"])
    assert preview.other_counts == {"contacts": 2, "files": 2, "interactions": 1, "needs": 1,
                                    "offers": 1, "agreements": 1, "events": 1}
    assert preview.keep_counts["contacts"] == 1
    assert {"rna", "email", "phone", "address", "themes"} <= set(preview.filled)
    assert "commune_insee" not in preview.filled  # the kept one has its own

    report = merge.merge_organisations(db, ids["keep"], ids["other"])
    assert report.moved == preview.other_counts

    keep, other = ids["keep"], ids["other"]
    with db.read() as s:
        for model, attrs in ((PartnershipFile, ("association_id", "company_id")),
                             (FileParty, ("organisation_id",)),
                             (Interaction, ("organisation_id",)), (Need, ("organisation_id",)),
                             (Offer, ("organisation_id",)),
                             (Agreement, ("association_id", "company_id")),
                             (EventParticipant, ("organisation_id",)),
                             (ContactOrganisation, ("organisation_id",))):
            for attr in attrs:
                live = s.scalars(select(model).where(getattr(model, attr) == other,
                                                     model.deleted.is_(False))).all()
                assert live == [], (model.__name__, attr)
        links = {(lk.contact_id, lk.role, lk.is_primary) for lk in s.scalars(
            select(ContactOrganisation).where(ContactOrganisation.organisation_id == keep,
                                              ContactOrganisation.deleted.is_(False)))}
        assert links == {(ids["both"], "Présidente", True),
                         (ids["only_other"], "Trésorier", True)}
        # deterministic link ids are kept (another laptop computes the same)
        assert s.get(ContactOrganisation, link_id(ids["only_other"], keep)) is not None
        part = s.get(EventParticipant, link_id(ids["event"], keep))
        assert part is not None and part.status == "present" and part.wishes == ["x"]
        f = s.get(PartnershipFile, ids["file"])
        assert f is not None and f.association_id == keep and f.company_id == ids["company"]
        merged = s.get(Organisation, other)
        assert merged is not None and merged.deleted and merged.merged_into == keep
        kept = s.get(Organisation, keep)
        assert kept is not None
        assert (kept.rna, kept.email, kept.phone, kept.address) == (
            "W595000001", "contact@coeur.example", "+33320123456", "12 rue de Lannoy")
        assert kept.commune_insee == "59512"
        assert kept.themes == ["insertion", "solidarité"]
        # history kept: the merged record's own changes are still in the log
        merged_into = changelog.history(s.connection(), "organisation", other, "merged_into")
        assert [e.new_value for e in merged_into] == [keep]
        assert [e.new_value for e in changelog.history(s.connection(), "organisation", other,
                                                       "_row")] == [False, True]
        assert changelog.history(s.connection(), "organisation", other, "rna")
    source = OrganisationRows(db)
    shown = {r.id for r in source.rows(source.ids(ListQuery()).tolist()).values()}
    assert other not in shown and keep in shown
    with pytest.raises(NotFound):
        orgs.get_organisation(db, other)


def test_merge_refuses_the_same_or_a_deleted_organisation(db: Database) -> None:
    ids = build_pair(db)
    with pytest.raises(ValidationError):
        merge.merge_organisations(db, ids["keep"], ids["keep"])
    merge.merge_organisations(db, ids["keep"], ids["other"])
    with pytest.raises(NotFound):
        merge.merge_organisations(db, ids["keep"], ids["other"])


def test_a_chain_of_merges_points_to_the_survivor(db: Database) -> None:
    a = orgs.create_organisation(db, kind="association", name="A")
    b = orgs.create_organisation(db, kind="association", name="B")
    c = orgs.create_organisation(db, kind="association", name="C")
    merge.merge_organisations(db, b.id, a.id)
    merge.merge_organisations(db, c.id, b.id)
    with db.read() as s:
        assert s.get(Organisation, a.id).merged_into == c.id  # type: ignore[union-attr]


def test_merge_is_recorded_as_ordinary_changes(db: Database) -> None:
    ids = build_pair(db)
    merge.merge_organisations(db, ids["keep"], ids["other"])
    with db.read() as s:
        before = changelog.digest(s.connection())
        changelog.rebuild_projection(s)
        assert changelog.digest(s.connection()) == before
        s.rollback()


def test_merged_id_is_a_uuid(db: Database) -> None:
    ids = build_pair(db)
    report = merge.merge_organisations(db, str(ids["keep"]), str(ids["other"]))
    assert isinstance(report.merged_id, uuid.UUID) and report.total_moved == 9
