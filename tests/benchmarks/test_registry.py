"""DESIGN.md §8: registry import of 100,000 SIRENE rows ≤ 3 × raw executemany + FTS build.

Run on demand: ``python -m pytest -m benchmark tests/benchmarks/test_registry.py -s``.

The files: a generated ``StockEtablissement`` (2026 header, 100,000 establishments in the
Métropole's communes, plus 10 % closed and 10 % elsewhere, as a national file would have) and the
``StockUniteLegale`` of their 60,000 legal units, both zipped as published. The floor, measured
in the same run on a fresh database: the final rows, already built in memory, inserted with one
raw ``executemany`` into ``registry_entry`` and indexed with the same FTS ``INSERT … SELECT``
(the least any import of those rows must do). The import pays on top for reading the zips,
CSV parsing, validation, the territory filter, the legal-unit join and the atomic swap.
"""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import zipfile
from pathlib import Path

import pytest

from passerelle.services.lists import ListQuery
from passerelle.services.registry import RegistryRows
from passerelle.services.registry_import import import_registry, mel_communes
from passerelle.store import registry as store
from passerelle.store.database import Database
from tests.fixtures.registry.make_fixtures import ET_2026, UL_2026, luhn_complete

from .conftest import best_of, report, timed

pytestmark = pytest.mark.benchmark

N_ETAB = 100_000
N_UNITS = 60_000
WORDS = ("ATELIERS", "NORD", "SERVICES", "BATIMENT", "CONSEIL", "FLANDRES", "TRANSPORTS",
         "BOULANGERIE", "SOLIDAIRE", "NUMERIQUE", "MÉTROPOLE", "ŒUVRES", "LILLOIS", "TEXTILE")


def _files(folder: Path) -> tuple[Path, Path]:
    rnd = random.Random(7)
    communes = list(mel_communes().values())
    sirens = [luhn_complete(f"{30000000 + i:08d}") for i in range(N_UNITS)]
    ul = io.StringIO()
    w = csv.writer(ul, lineterminator="\n")
    w.writerow(UL_2026)
    idx = {c: i for i, c in enumerate(UL_2026)}
    for i, siren in enumerate(sirens):
        row = [""] * len(UL_2026)
        row[idx["siren"]] = siren
        row[idx["statutDiffusionUniteLegale"]] = "O"
        row[idx["etatAdministratifUniteLegale"]] = "A"
        row[idx["denominationUniteLegale"]] = " ".join(rnd.sample(WORDS, 3)) + f" {i}"
        row[idx["categorieJuridiqueUniteLegale"]] = "5710"
        row[idx["categorieEntreprise"]] = rnd.choice(("PME", "PME", "ETI", "GE", ""))
        row[idx["trancheEffectifsUniteLegale"]] = rnd.choice(("NN", "01", "11", "21", "32"))
        row[idx["anneeEffectifsUniteLegale"]] = "2023"
        row[idx["activitePrincipaleUniteLegale"]] = "25.62A"
        row[idx["economieSocialeSolidaireUniteLegale"]] = rnd.choice("NNNO")
        row[idx["dateCreationUniteLegale"]] = "2001-02-03"
        w.writerow(row)
    et = io.StringIO()
    w = csv.writer(et, lineterminator="\n")
    w.writerow(ET_2026)
    idx = {c: i for i, c in enumerate(ET_2026)}
    total = N_ETAB + N_ETAB // 5  # plus 10 % closed and 10 % elsewhere
    for i in range(total):
        siren = sirens[i % N_UNITS]
        row = [""] * len(ET_2026)
        row[idx["siren"]] = siren
        row[idx["siret"]] = luhn_complete(f"{siren}{i // N_UNITS + 1:04d}")
        row[idx["statutDiffusionEtablissement"]] = "O"
        outside = i >= N_ETAB and i % 2 == 1
        closed = i >= N_ETAB and i % 2 == 0
        commune = communes[i % len(communes)]
        row[idx["codeCommuneEtablissement"]] = "75056" if outside else commune.insee
        row[idx["codePostalEtablissement"]] = "75001" if outside else commune.postal_codes[0]
        row[idx["libelleCommuneEtablissement"]] = "PARIS" if outside else commune.name.upper()
        row[idx["etatAdministratifEtablissement"]] = "F" if closed else "A"
        row[idx["numeroVoieEtablissement"]] = str(i % 200 + 1)
        row[idx["typeVoieEtablissement"]] = "RUE"
        row[idx["libelleVoieEtablissement"]] = f"DES {rnd.choice(WORDS)}"
        row[idx["etablissementSiege"]] = "true" if i < N_UNITS else "false"
        row[idx["activitePrincipaleEtablissement"]] = "25.62A"
        row[idx["dateDernierTraitementEtablissement"]] = "2026-01-03T05:00:00"
        w.writerow(row)
    paths = (folder / "StockUniteLegale_utf8.zip", folder / "StockEtablissement_utf8.zip")
    for path, text, inner in ((paths[0], ul, "StockUniteLegale_utf8.csv"),
                              (paths[1], et, "StockEtablissement_utf8.csv")):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(inner, text.getvalue())
    return paths


def test_registry_import_100k(tmp_path: Path) -> None:
    ul, et = _files(tmp_path)
    db = Database(tmp_path / "import.sqlite")
    # The machine is shared: each side is timed twice (alternating) and the best is kept.
    # The second import replaces the first's 100,000 rows (the re-import path).
    t_imports: list[float] = []
    t_floors: list[float] = []
    for _ in range(2):
        with timed() as t_import:
            result = import_registry(db, "sirene", [ul, et])
        t_imports.append(t_import[0])
        if not t_floors:
            t_floors.append(_floor(db, tmp_path / "floor0.sqlite"))
    t_floors.append(_floor(db, tmp_path / "floor1.sqlite"))
    assert result.rows_imported == N_ETAB
    # Opening the Registre list (DESIGN §8: first page ≤ 50 ms): ids in name order + one block.
    source = RegistryRows(db)

    def first_page(query: ListQuery) -> None:
        ids = source.ids(query)
        source.rows(ids[:200].tolist())

    raw = sqlite3.connect(tmp_path / "import.sqlite")

    def raw_page(where: str, params: tuple[str, ...]) -> None:
        ids = [r for (r,) in raw.execute(
            f"SELECT id FROM registry_entry {where} ORDER BY sort_key, id", params)]
        marks = ",".join("?" * len(ids[:200]))
        raw.execute(f"SELECT * FROM registry_entry WHERE id IN ({marks})", ids[:200]).fetchall()

    list_rows = [
        ("open the Registre list (100,000 rows, first page)",
         best_of(3, lambda: first_page(ListQuery())), best_of(3, lambda: raw_page("", ()))),
        ("search « ateliers » (FTS) + first page",
         best_of(3, lambda: first_page(ListQuery(text="ateliers"))),
         best_of(3, lambda: raw_page(
             "WHERE id IN (SELECT rowid FROM registry_fts WHERE registry_fts MATCH ?)",
             ('"ateliers"*',)))),
    ]
    raw.close()
    db.close()

    report("Registry import (DESIGN §8: ≤ 3 × floor)", [
        (f"import {result.rows_imported} SIRENE rows (2 zips)", min(t_imports), min(t_floors)),
        *list_rows,
    ])
    print(f"rows read {result.rows_read}, skipped {result.skipped}; import runs "
          f"{[round(t, 1) for t in t_imports]} s, floor runs {[round(t, 1) for t in t_floors]} s")


def _floor(db: Database, path: Path) -> float:
    """Raw ``executemany`` of the imported rows (already in memory) + the same FTS build."""
    with db.engine.connect() as conn:
        rows = [tuple(r) for r in conn.exec_driver_sql(
            f"SELECT {', '.join(store.ENTRY_COLUMNS)} FROM registry_entry ORDER BY id")]
    Database(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    store.register_functions(conn)
    marks = ", ".join("?" * len(store.ENTRY_COLUMNS))
    with timed() as t_floor:
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO registry_entry ({', '.join(store.ENTRY_COLUMNS)}) "
                         f"VALUES ({marks})", rows)
        store.rebuild_fts(conn)
        conn.execute("COMMIT")
    conn.close()
    return t_floor[0]
