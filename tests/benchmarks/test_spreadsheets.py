"""Duplicates, spreadsheet import and export at metropolis scale (20,000 organisations).

Run on demand: ``python -m pytest -m benchmark tests/benchmarks/test_spreadsheets.py -s``.
Floors, measured in the same run:

* duplicate look-up — raw sqlite3 prefilter of one commune's names + rapidfuzz's bare
  ``process.extract`` over them (what any implementation must at least do);
* import of 5,000 rows — ``csv`` parsing + raw ``executemany`` of the same rows into a bare
  table (no validation, no change log, no FTS); and the store's own ``bulk_create`` of the
  same rows (change log and FTS, no checks), which shows what validation and duplicate
  detection add;
* export of 20,000 rows — raw sqlite3 ``SELECT`` + ``csv.writer`` (CSV), + bare openpyxl
  ``write_only`` (XLSX).
"""

from __future__ import annotations

import csv
import io
import random
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from passerelle.services import duplicates, exports, imports
from passerelle.services.directory import communes
from passerelle.services.spreadsheets import read_sheet
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import Organisation

from .conftest import best_of, report, timed

pytestmark = pytest.mark.benchmark

N_ORGS = 20_000
N_IMPORT = 5_000
WORDS = ("jardin", "atelier", "maison", "club", "sport", "culture", "solidarité", "avenir",
         "quartier", "vélo", "musique", "danse", "théâtre", "insertion", "emploi", "jeunes",
         "seniors", "femmes", "enfants", "école", "parents", "santé", "cœur", "partage",
         "accueil", "entraide", "lecture", "numérique", "cuisine")


SYLLABLES = ("ba", "lo", "mi", "ter", "van", "dor", "ri", "que", "sel", "man", "tou", "ber",
             "cha", "lin", "gue", "roux", "mont", "val", "bois", "ville")


def _name(rng: random.Random, i: int) -> str:
    """Two theme words and a place-like word (« Jardin partage de Vanbertou »): as varied as
    real names, so most look-ups find nothing, like in real life."""
    place = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{' '.join(rng.sample(WORDS, 2)).capitalize()} de {place}"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Database:
    rng = random.Random(6)
    towns = communes()
    db = Database(tmp_path_factory.mktemp("dup") / "big.sqlite")
    rows = []
    for i in range(N_ORGS):
        town = rng.choice(towns)
        rows.append({"kind": "association", "name": _name(rng, i), "commune_insee": town.insee,
                     "commune_name": town.name, "rna": f"W59{i:07d}"})
    with db.write() as s:
        changelog.bulk_create(s, Organisation, rows)
    return db


def test_duplicate_lookup(big: Database) -> None:
    rng = random.Random(1)
    queries = [duplicates.OrganisationCandidate(_name(rng, 99_999), commune_insee="59350")
               for _ in range(20)]
    anywhere = [duplicates.OrganisationCandidate(_name(rng, 99_999)) for _ in range(5)]

    def ours() -> None:
        for q in queries:
            duplicates.find_duplicates(big, q)

    def ours_anywhere() -> None:
        for q in anywhere:
            duplicates.find_duplicates(big, q)

    def floor() -> None:
        conn = sqlite3.connect(big.path)
        for q in queries:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM organisation WHERE deleted = 0 AND commune_insee = ?",
                ("59350",))]
            process.extract(q.name.lower(), names, scorer=fuzz.token_sort_ratio,
                            score_cutoff=88, limit=10)
        conn.close()

    def floor_anywhere() -> None:
        conn = sqlite3.connect(big.path)
        for q in anywhere:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM organisation WHERE deleted = 0")]
            process.extract(q.name.lower(), names, scorer=fuzz.ratio, score_cutoff=95,
                            limit=10)
        conn.close()

    report(f"duplicate look-up among {N_ORGS} organisations", [
        ("same commune (Lille), per look-up", best_of(3, ours) / len(queries),
         best_of(3, floor) / len(queries)),
        ("no commune (names anywhere), per look-up",
         best_of(3, ours_anywhere) / len(anywhere),
         best_of(3, floor_anywhere) / len(anywhere)),
    ])


def test_import_and_export(big: Database, tmp_path: Path) -> None:
    rng = random.Random(2)
    towns = communes()
    path = tmp_path / "import.csv"
    lines = ["Nom;Code postal;Ville;Courriel;Téléphone"]
    for i in range(N_IMPORT):
        town = rng.choice(towns)
        lines.append(f"{_name(rng, 200_000 + i)};{town.postal_codes[0]};{town.name};"
                     f"contact{i}@exemple.fr;03 20 {i % 100:02d} 12 34")
    path.write_bytes("\r\n".join(lines).encode("cp1252"))

    with timed() as t_import:
        sheet = read_sheet(path)
        result = imports.import_sheet(big, sheet, "organisations")
    assert result.ok and result.created + result.skipped == N_IMPORT

    with timed() as t_floor:
        text = path.read_bytes().decode("cp1252")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
        conn = sqlite3.connect(tmp_path / "floor.sqlite")
        conn.execute("CREATE TABLE o (name TEXT, cp TEXT, town TEXT, email TEXT, phone TEXT)")
        conn.executemany("INSERT INTO o VALUES (?, ?, ?, ?, ?)", rows)
        conn.commit()
        conn.close()

    # the store's own bulk path for the same rows (change log + FTS, no checks): what is left
    # above it is validation and duplicate detection
    bulk_db = Database(tmp_path / "bulk.sqlite")
    plain = [{"kind": "association", "name": r[0], "postal_code": r[1], "commune_name": r[2],
              "email": r[3], "phone": "+3332" + r[4].replace(" ", "")[4:]} for r in rows]
    with timed() as t_bulk, bulk_db.write() as s:
        changelog.bulk_create(s, Organisation, plain)
    bulk_db.close()

    out = tmp_path / "orgs.csv"
    with timed() as t_export:
        count = exports.export(big, "organisations", out)

    def floor_export() -> None:
        conn = sqlite3.connect(big.path)
        with (tmp_path / "floor.csv").open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            for row in conn.execute("SELECT name, kind, siren, siret, rna, naf, size, ess, "
                                    "themes, address, postal_code, commune_name, "
                                    "commune_insee, qpv, website, email, phone, description "
                                    "FROM organisation WHERE deleted = 0 ORDER BY name"):
                writer.writerow(row)
        conn.close()

    xlsx = tmp_path / "orgs.xlsx"
    with timed() as t_xlsx:
        exports.export(big, "organisations", xlsx)

    def floor_xlsx() -> None:  # bare openpyxl write_only of the same rows
        from openpyxl import Workbook

        conn = sqlite3.connect(big.path)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("x")
        for row in conn.execute("SELECT name, kind, siren, siret, rna, naf, size, ess, "
                                "themes, address, postal_code, commune_name, "
                                "commune_insee, qpv, website, email, phone, description "
                                "FROM organisation WHERE deleted = 0 ORDER BY name"):
            sheet.append(row)
        book.save(tmp_path / "floor.xlsx")
        conn.close()

    report("spreadsheets", [
        (f"import {N_IMPORT} rows (check, duplicates, change log, FTS)", t_import[0],
         t_floor[0]),
        (f"import {N_IMPORT} rows vs changelog.bulk_create of the same rows", t_import[0],
         t_bulk[0]),
        (f"export {count} organisations to CSV", t_export[0], best_of(2, floor_export)),
        (f"export {count} organisations to XLSX (vs bare openpyxl)", t_xlsx[0],
         best_of(1, floor_xlsx)),
    ])
