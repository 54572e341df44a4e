"""Registry import on fixture files written in each published format (tests/fixtures/registry)."""

from __future__ import annotations

import shutil
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.errors import ValidationError
from passerelle.infra import registry_files as rf
from passerelle.services.registry_import import (
    ImportCancelled,
    RegistryImportError,
    import_registry,
)
from passerelle.store.database import Database

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "registry"
WALDEC = FIX / "rna_waldec_20260101_59.csv"
RNA_IMPORT = FIX / "rna_import_20220301_59.csv"
UL_2019 = FIX / "StockUniteLegale_2019-06.csv"
ET_2019 = FIX / "StockEtablissement_2019-06.csv"
UL_2026 = FIX / "StockUniteLegale_utf8_2026-01.zip"
ET_2026 = FIX / "StockEtablissement_utf8_2026-01.zip"

#: Natural-person values written in the fixtures; none may reach the database file.
PERSONAL = ["Hortense", "ZABULONDECLARANTE", "Zephyrin", "Quetzalprivee", "QUIRINUSSECRET",
            "Eustache", "PERSONNEPHYSIQUEB", "EUSTAKIO", "Philomene", "PERSONNEPHYSIQUEC",
            "USAGEPERSONNEC", "SECRETEDOMICILE"]


def _entries(db: Database, source: str | None = None) -> dict[str, dict[str, object]]:
    sql = "SELECT * FROM registry_entry" + (" WHERE source = ?" if source else "")
    with db.engine.connect() as conn:
        result = conn.exec_driver_sql(sql, (source,) if source else ())
        return {r["identifier"]: dict(r) for r in result.mappings()}


def _indexes(db: Database) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'registry_entry' ORDER BY name")]


def test_import_rebuilds_the_indexes_the_schema_declares(db: Database) -> None:
    declared = _indexes(db)
    assert len(declared) == 7
    import_registry(db, "rna", [WALDEC])
    assert _indexes(db) == declared
    with db.engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN SELECT id FROM registry_entry "
                                    "WHERE rna = 'W595012345'").fetchall()
    assert "ix_registry_entry_rna" in str(plan)


def _fts(db: Database, expr: str) -> list[str]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql(
            "SELECT e.name FROM registry_fts f JOIN registry_entry e ON e.id = f.rowid "
            "WHERE registry_fts MATCH ? ORDER BY e.name", (expr,))]


def test_rna_utf8_bom_and_latin1_with_multiline_objet(db: Database) -> None:
    report = import_registry(db, "rna", [WALDEC, RNA_IMPORT])
    rows = _entries(db)
    assert set(rows) == {"W595012345", "W595000018", "W596000017", "W596000025"}
    school = rows["W595012345"]
    assert school["name"] == "ÉCOLE DES SAVOIRS PARTAGÉS" and school["acronym"] == "ESP"
    assert school["objet"] == ("Favoriser l'entraide scolaire ; accompagner les familles ;\n"
                               "organiser des ateliers « lecture » le samedi")
    assert school["commune_insee"] == "59350" and school["address"] == "12 RUE de la Clef"
    # Latin-1/cp1252 file: accents, guillemets and « Œ » read right.
    gym = rows["W596000017"]
    assert gym["name"] == "SOCIÉTÉ DE GYMNASTIQUE « L'ÉTOILE » DE WATTRELOS"
    assert gym["address"] == "15 rue du Œillet" and gym["commune_name"] == "Wattrelos"
    assert gym["objet"] == "Pratique de la gymnastique; fêtes\net concours"
    # rna_import without INSEE code: placed by commune name and postcode.
    assert rows["W596000025"]["commune_insee"] == "59009"
    assert report.rows_read == 9 and report.rows_imported == 4
    assert report.skipped == {"dissolved": 2, "duplicate": 1, "invalid_rna": 1,
                              "out_of_territory": 1}
    listed = {(s.reason, s.line, s.identifier) for s in report.lines}
    # The waldec file's invalid number is on line 6 (line 2 holds a two-line objet).
    assert listed == {("invalid_rna", 6, "W59A12"), ("duplicate", 7, "W595012345")}
    assert report.vintage == "2026-01-01"


def test_declarant_personal_data_is_nowhere_in_the_database_file(db: Database,
                                                                  tmp_path: Path) -> None:
    import_registry(db, "rna", [WALDEC, RNA_IMPORT])
    import_registry(db, "sirene", [UL_2026, ET_2026])
    db.close()
    data = b"".join(p.read_bytes() for p in db.path.parent.glob(db.path.name + "*"))
    for secret in PERSONAL:
        for encoded in {secret.encode(), secret.lower().encode(), secret.upper().encode()}:
            assert encoded not in data, secret
    # The scan would see them if they were there: the kept values are found.
    assert "ÉCOLE DES SAVOIRS".encode() in data and b"BOULANGERIE DU PARC" in data


def test_sirene_two_vintages_columns_by_name(db: Database) -> None:
    old = import_registry(db, "sirene", [UL_2019, ET_2019])
    first = _entries(db, "sirene")
    new = import_registry(db, "sirene", [ET_2026, UL_2026])  # order of files does not matter
    second = _entries(db, "sirene")
    assert old.vintage == "2019-06" and new.vintage == "2026-01"
    strip = ("id", "vintage", "size_year", "category_year")
    assert ({k: {c: v for c, v in r.items() if c not in strip} for k, r in first.items()}
            == {k: {c: v for c, v in r.items() if c not in strip} for k, r in second.items()})
    assert {r["vintage"] for r in second.values()} == {"2026-01"}
    names = {r["name"] for r in second.values()}
    assert names == {"ATELIERS DU NORD", "BOULANGERIE DU PARC",
                     "COOPÉRATIVE SOLIDAIRE DES FLANDRES"}
    coop = next(r for r in second.values() if r["name"].startswith("COOP"))
    assert (coop["category"], coop["ess"], coop["size_bracket"], coop["naf"]) == \
        ("ETI", 1, "32", "88.99B")
    assert coop["address"] == "1 AVENUE DU PONT DE BOIS"
    assert coop["commune_name"] == "Villeneuve-d'Ascq"
    assert new.skipped == {"closed": 1, "duplicate": 1, "invalid_siret": 1,
                           "natural_person": 1, "no_name": 1, "out_of_territory": 2,
                           "unit_ceased": 1}
    reasons = {s.reason for s in new.lines}
    assert {"invalid_siret", "duplicate", "natural_person", "no_name"} <= reasons
    assert all(s.line > 1 for s in new.lines)
    with db.engine.connect() as conn:
        log = conn.exec_driver_sql(
            "SELECT source, vintage, rows_imported FROM registry_import ORDER BY id").fetchall()
    assert log == [("sirene", "2019-06", 4), ("sirene", "2026-01", 4)]


def test_nd_values_are_never_names(db: Database) -> None:
    import_registry(db, "sirene", [UL_2019, ET_2019])
    with db.engine.connect() as conn:
        nd = conn.exec_driver_sql(
            "SELECT count(*) FROM registry_entry WHERE name LIKE '%[ND]%' "
            "OR acronym = '[ND]' OR address LIKE '%[ND]%'").scalar()
    assert nd == 0


def test_reimport_replaces_only_its_source(db: Database) -> None:
    import_registry(db, "rna", [WALDEC])
    import_registry(db, "sirene", [UL_2019, ET_2019])
    import_registry(db, "rna", [RNA_IMPORT])
    rna = _entries(db, "rna")
    assert set(rna) == {"W596000017", "W596000025"}
    assert len(_entries(db, "sirene")) == 4
    # The index follows: the replaced associations are no longer found.
    assert _fts(db, '"ecole"*') == []
    assert _fts(db, '"etoile"*') == ["SOCIÉTÉ DE GYMNASTIQUE « L'ÉTOILE » DE WATTRELOS"]


def test_search_index_is_accent_and_ligature_insensitive(db: Database) -> None:
    import_registry(db, "rna", [WALDEC])
    assert _fts(db, '"coeur"*') == ["CŒUR DE QUARTIER ÉPEULE"]
    assert _fts(db, '"epeule"*') == ["CŒUR DE QUARTIER ÉPEULE"]
    assert _fts(db, '"entraide"*') == ["ÉCOLE DES SAVOIRS PARTAGÉS"]  # the objet is indexed


def test_zip_reads_every_csv_member(db: Database) -> None:
    report = import_registry(db, "rna", [FIX / "rna_waldec_20260101.zip"])
    assert report.files == ("rna_waldec_20260101.zip:rna_waldec_20260101_59.csv",
                            "rna_waldec_20260101.zip:rna_waldec_20260101_62.csv")
    assert report.skipped["out_of_territory"] == 2  # Paris in the first, Arras in the second


def test_territory_all_keeps_other_communes(db: Database) -> None:
    import_registry(db, "rna", [WALDEC], territory="all")
    assert "W751515517" in _entries(db)


def test_wrong_kind_of_file_changes_nothing(db: Database) -> None:
    import_registry(db, "rna", [WALDEC])
    before = _entries(db)
    with pytest.raises(RegistryImportError) as info:
        import_registry(db, "rna", [ET_2019])
    assert "n'est pas un fichier RNA" in info.value.message
    with pytest.raises(RegistryImportError):
        import_registry(db, "sirene", [UL_2019])  # no establishments: no territory
    with pytest.raises(ValidationError):
        import_registry(db, "rna", [FIX / "absent.csv"])
    assert _entries(db) == before


def test_cancel_leaves_the_registry_as_it_was(db: Database) -> None:
    import_registry(db, "rna", [WALDEC])
    before = _entries(db)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ImportCancelled):
        import_registry(db, "rna", [RNA_IMPORT], cancel=cancel)
    assert _entries(db) == before


def test_failure_during_the_swap_rolls_back(db: Database, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    import_registry(db, "rna", [WALDEC])
    before = _entries(db)
    from passerelle.store import registry as store

    def broken(conn: object) -> None:
        raise RuntimeError("disque arraché")

    monkeypatch.setattr(store, "rebuild_fts", broken)
    indexes = _indexes(db)
    with pytest.raises(RuntimeError):
        import_registry(db, "rna", [RNA_IMPORT])
    assert _entries(db) == before
    assert _indexes(db) == indexes
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM registry_import").scalar() == 1


def test_progress_reaches_the_total(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    import_registry(db, "rna", [WALDEC, RNA_IMPORT], progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1] == WALDEC.stat().st_size + \
        RNA_IMPORT.stat().st_size


def test_encoding_detection_and_stray_latin1_byte(tmp_path: Path) -> None:
    assert rf.detect_encoding(b"\xef\xbb\xbfid;titre") == "utf-8-sig"
    assert rf.detect_encoding("id;titre\nW1;Élan".encode()) == "utf-8"
    assert rf.detect_encoding("id;titre\nW1;Élan".encode("cp1252")) == "cp1252"
    # A UTF-8 file with one Latin-1 byte far after the sampled start still reads.
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"a;b\n" + b"x;y\n" * 300_000 + "z;Épée".encode("cp1252") + b"\n")
    with rf.open_csv(rf.CsvMember(path), ";") as reader:
        last = list(reader)[-1]
    assert last == ["z", "Épée"]


def test_zip_without_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vide.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("notes.txt", "rien")
    with pytest.raises(ValidationError) as info:
        rf.members(path)
    assert "aucun fichier CSV" in info.value.message


def test_copies_of_the_fixtures_import_the_same(db: Database, tmp_path: Path) -> None:
    """The file name only gives the vintage; the kind comes from the header."""
    renamed = tmp_path / "export.csv"
    shutil.copy(ET_2019, renamed)
    report = import_registry(db, "sirene", [renamed, UL_2019])
    assert report.rows_imported == 4
    assert report.vintage == "2019-06"  # from the unit file's name


@given(st.text(alphabet="0123456789", min_size=1, max_size=16))
def test_fast_identifier_checks_agree_with_the_domain(digits: str) -> None:
    from passerelle.domain.validators import luhn_ok, normalize_siret
    from passerelle.services.registry_import import _luhn, _siren_ok, _siret_ok

    assert _luhn(digits) == luhn_ok(digits)
    try:
        normalize_siret(digits)
        domain_ok = True
    except ValidationError:
        domain_ok = False
    assert _siret_ok(digits) == domain_ok
    assert _siren_ok(digits) == (len(digits) == 9 and luhn_ok(digits))


def test_fast_identifier_checks_on_the_reference_vectors() -> None:
    from passerelle.services.registry_import import _siren_ok, _siret_ok

    assert _siret_ok("35600000049837") and _siret_ok("73282932000074")
    assert not _siret_ok("12345678912345") and not _siret_ok("3624679471379")
    assert _siren_ok("552081317") and not _siren_ok("123456789")


def test_files_with_nothing_for_the_territory_change_nothing(db: Database,
                                                            tmp_path: Path) -> None:
    import_registry(db, "rna", [WALDEC])
    before = _entries(db)
    arras = tmp_path / "rna_waldec_20260101_62.csv"
    with zipfile.ZipFile(FIX / "rna_waldec_20260101.zip") as z:
        arras.write_bytes(z.read("rna_waldec_20260101_62.csv"))
    with pytest.raises(RegistryImportError) as info:
        import_registry(db, "rna", [arras])
    assert "le registre n'a pas été modifié" in info.value.message
    assert _entries(db) == before
