"""The search index after an import: renamed rows are found under their new name only, and
rows whose indexed text did not change keep their entry (``search.reindex`` skips them)."""

from __future__ import annotations

from typing import Any

from passerelle.services import organisations as orgs
from passerelle.services import search
from passerelle.store.database import Database

from .conftest import Network, Peer, assert_converged, exchange


def _found(db: Database, words: str) -> set[str]:
    return {str(hit.id) for group in search.global_search(db, words)
            for hit in group.hits if group.entity == "organisation"}


def _entry(peer: Peer, org_id: str) -> tuple[Any, ...]:
    with peer.db.engine.connect() as conn:
        return tuple(conn.exec_driver_sql(
            "SELECT d.rowid, f.title, f.body FROM search_doc d JOIN search_fts f "
            "ON f.rowid = d.rowid WHERE d.entity = 'organisation' AND d.row_id = ?",
            (org_id,)).one())


def test_import_reindexes_renamed_rows_and_keeps_unchanged_entries(net: Network) -> None:
    a, b = net.peer("a"), net.peer("b")
    kept = orgs.create_organisation(a.db, kind="association", name="Les Jardins du Nord")
    renamed = orgs.create_organisation(a.db, kind="association", name="Cœur de Quartier")
    exchange(a, b)
    kept_id, renamed_id = str(kept.id), str(renamed.id)
    assert _found(b.db, "coeur quartier") == {renamed_id}  # ligature spelled out in the index
    before = _entry(b, kept_id)

    orgs.update_organisation(a.db, kept_id, phone="0320000001")  # not indexed
    orgs.update_organisation(a.db, renamed_id, name="Maison Œcuménique")
    exchange(a, b)

    assert _entry(b, kept_id) == before  # same entry: not deleted and re-inserted
    for p in (a, b):
        assert _found(p.db, "jardins nord") == {kept_id}
        assert _found(p.db, "oecumenique") == {renamed_id}
        assert _found(p.db, "quartier") == set()
    assert_converged(a, b)
