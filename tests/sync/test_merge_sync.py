"""A merge made on one laptop reaches the others through an ordinary sync export/import."""

from __future__ import annotations

from sqlalchemy import select

from passerelle.services import merge
from passerelle.services.lists import ListQuery, OrganisationRows
from passerelle.store.models import ContactOrganisation, Organisation, PartnershipFile
from tests.services.test_merge import build_pair

from .conftest import Network, assert_converged, exchange


def test_merge_round_trips_through_sync(net: Network) -> None:
    alice, bob = net.peer("alice"), net.peer("bob")
    ids = build_pair(alice.db)
    exchange(alice, bob)
    merge.merge_organisations(alice.db, ids["keep"], ids["other"])
    exchange(alice, bob)
    assert_converged(alice, bob)
    with bob.db.read() as s:
        merged = s.get(Organisation, ids["other"])
        assert merged is not None and merged.deleted and merged.merged_into == ids["keep"]
        f = s.get(PartnershipFile, ids["file"])
        assert f is not None and f.association_id == ids["keep"]
        contacts = set(s.scalars(select(ContactOrganisation.contact_id).where(
            ContactOrganisation.organisation_id == ids["keep"],
            ContactOrganisation.deleted.is_(False))))
        assert contacts == {ids["both"], ids["only_other"]}
    source = OrganisationRows(bob.db)
    shown = {r.id for r in source.rows(source.ids(ListQuery()).tolist()).values()}
    assert ids["other"] not in shown and ids["keep"] in shown
