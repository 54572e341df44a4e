"""The lazy id-based table model: Qt contract, SQL sorting and filtering, block loading."""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.services.lists import (
    ContactRows,
    FileRows,
    ListQuery,
    ListRow,
    OrganisationRows,
)
from passerelle.store.database import Database
from passerelle.ui.models.id_table_model import (
    BLOCK_SIZE,
    ID_ROLE,
    MAX_BLOCKS,
    RAW_ROLE,
    IdTableModel,
)


@pytest.fixture
def sample(db: Database) -> Database:
    oeuvre = org_service.create_organisation(
        db, kind="association", name="Œuvre des Quartiers", commune_name="Lille",
        commune_insee="59350")
    org_service.create_organisation(db, kind="association", name="Amis du Parc")
    acme = org_service.create_organisation(db, kind="entreprise", name="Zinc & Co",
                                           siren="552081317", size="TPE")
    org_service.create_contact(db, first_name="Léa", last_name="Dupont",
                               organisation_id=oeuvre.id, role="Présidente",
                               phone="0320000000")
    org_service.create_contact(db, first_name="Marc", last_name="Adam")
    file_service.open_file(db, title="Mécénat", association_id=oeuvre.id,
                           company_id=acme.id, opened_on=date(2025, 1, 2))
    return db


def _column(model: IdTableModel, column: int = 0) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


@pytest.mark.parametrize("source_type", [OrganisationRows, ContactRows, FileRows])
def test_model_passes_qtmodeltester(qtmodeltester, sample: Database,  # type: ignore[no-untyped-def]
                                    source_type: type) -> None:
    source = source_type(sample)
    model = IdTableModel(source, [str(c) for c in source.columns])
    model.set_query(ListQuery())
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_empty_model_passes_qtmodeltester(qtmodeltester, db: Database  # type: ignore[no-untyped-def]
                                          ) -> None:
    model = IdTableModel(OrganisationRows(db), ["a", "b", "c", "d", "e", "f"])
    model.set_query(ListQuery(text="rien"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_sort_requeries_by_column_key(sample: Database) -> None:
    model = IdTableModel(OrganisationRows(sample), ["Nom", "Type", "Commune", "Id", "T", "Th"])
    model.set_query(ListQuery())
    # « Œuvre » sorts among the O, not after Z.
    assert _column(model) == ["Amis du Parc", "Œuvre des Quartiers", "Zinc & Co"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "name" and model.query.descending
    assert _column(model) == ["Zinc & Co", "Œuvre des Quartiers", "Amis du Parc"]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert _column(model, 1) == ["association", "association", "entreprise"]


def test_filter_is_accent_and_ligature_insensitive(sample: Database) -> None:
    model = IdTableModel(OrganisationRows(sample), ["Nom", "Type", "Commune", "Id", "T", "Th"])
    model.set_query(ListQuery(text="oeuvre"))
    assert _column(model) == ["Œuvre des Quartiers"]
    model.set_query(ListQuery(filters={"kind": "entreprise"}))
    assert _column(model) == ["Zinc & Co"]
    assert model.data(model.index(0, 3)) == "552 081 317"


def test_formatters_ids_and_raw_values(sample: Database) -> None:
    source = OrganisationRows(sample)
    model = IdTableModel(source, ["Nom", "Type", "Commune", "Id", "T", "Th"],
                         formatters={"kind": str.upper})
    model.set_query(ListQuery(filters={"kind": "entreprise"}))
    index = model.index(0, 1)
    assert model.data(index) == "ENTREPRISE"
    assert model.data(index, RAW_ROLE) == "entreprise"
    assert uuid.UUID(model.data(index, ID_ROLE)) == model.row_id(0)
    assert model.row_id(5) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nom"


def test_reload_shows_new_rows_and_mark_stale_refreshes_values(qtbot, sample: Database  # type: ignore[no-untyped-def]
                                                               ) -> None:
    model = IdTableModel(OrganisationRows(sample), ["Nom", "Type", "Commune", "Id", "T", "Th"])
    model.set_query(ListQuery())
    org_id = model.row_id(0)
    assert org_id is not None
    org_service.update_organisation(sample, org_id, name="Aardvark")
    assert model.data(model.index(0, 0)) == "Amis du Parc"  # cached
    with qtbot.waitSignal(model.dataChanged):
        model.mark_stale()
    assert model.data(model.index(0, 0)) == "Aardvark"
    org_service.create_organisation(sample, kind="fondation", name="Fondation B")
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert "Fondation B" in _column(model)


def test_date_values_are_shown_the_french_way(sample: Database) -> None:
    model = IdTableModel(FileRows(sample), [str(c) for c in FileRows.columns])
    model.set_query(ListQuery())
    assert model.data(model.index(0, 9)) == "02/01/2025"


class CountingSource:
    """A fake source of ``n`` rows that counts the block queries the model makes."""

    columns = ("name", "number")

    def __init__(self, n: int) -> None:
        self.n = n
        self.calls: list[int] = []

    def ids(self, query: ListQuery) -> array:  # type: ignore[type-arg]
        return array("q", range(1, self.n + 1))

    def rows(self, rowids: Sequence[int]) -> dict[int, ListRow]:
        self.calls.append(len(rowids))
        return {r: ListRow(r, uuid.UUID(int=r), (f"Ligne {r}", r)) for r in rowids}


def test_rows_load_lazily_by_blocks() -> None:
    source = CountingSource(3_000)
    model = IdTableModel(source, ["Nom", "Numéro"])
    model.set_query(ListQuery())
    assert model.rowCount() == 3_000
    assert source.calls == []  # opening the list fetches no row values

    assert model.data(model.index(2_500, 0)) == "Ligne 2501"
    assert source.calls == [BLOCK_SIZE]  # one block, not 3,000 rows
    model.data(model.index(2_510, 1))
    model.data(model.index(2_599, 0))
    assert len(source.calls) == 1  # same block: served from the cache
    model.data(model.index(0, 0))
    assert source.calls == [BLOCK_SIZE, BLOCK_SIZE]
    assert model.row_id(2_999) == uuid.UUID(int=3_000)
    assert model.rowid_at(2_999) == 3_000
    assert model.row_of_rowid(3_000) == 2_999


def test_block_cache_is_bounded() -> None:
    source = CountingSource(BLOCK_SIZE * (MAX_BLOCKS + 10))
    model = IdTableModel(source, ["Nom", "Numéro"])
    model.set_query(ListQuery())
    for row in range(0, model.rowCount(), BLOCK_SIZE):
        model.data(model.index(row, 0))
    assert model.cached_block_count() == MAX_BLOCKS
    model.data(model.index(0, 0))  # evicted long ago: fetched again
    assert len(source.calls) == MAX_BLOCKS + 11


def test_invalid_parent_has_no_children() -> None:
    model = IdTableModel(CountingSource(3), ["Nom", "Numéro"])
    model.set_query(ListQuery())
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 3


def test_sort_before_the_first_query_only_sets_the_order() -> None:
    calls: list[ListQuery] = []

    class Recording(CountingSource):
        def ids(self, query: ListQuery) -> array:  # type: ignore[type-arg]
            calls.append(query)
            return super().ids(query)

    model = IdTableModel(Recording(3), ["Nom", "Numéro"])
    model.sort(1, Qt.SortOrder.DescendingOrder)  # what QTableView.setSortingEnabled does
    assert calls == []
    model.set_query(replace(model.query, text="x"))
    assert calls == [ListQuery(text="x", sort_key="number", descending=True)]
