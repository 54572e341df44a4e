"""Observatory figures equal the same figures computed independently (plain sqlite3 + Python).

Two datasets: a small handcrafted one whose figures are also checked by hand, and the session's
mda demo database, each under several filters.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from passerelle.cli import main
from passerelle.domain.errors import ValidationError
from passerelle.services import observatory
from passerelle.services.observatory import ObservatoryFilter
from passerelle.store.changelog import bulk_create
from passerelle.store.database import Database
from passerelle.store.models import Agreement, Organisation, PartnershipFile, StageChange

from .observatory_oracle import as_comparable, expected

NADIA = "Nadia Haddad (MDA Roubaix)"
JULIEN = "Julien Vanhoutte (MDA Roubaix)"


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day + " 10:00")


def build_handcrafted(db: Database) -> dict[str, Any]:
    """Seven files with known histories, five conventions; returns the ids by name."""
    orgs = {
        "A1": dict(kind="association", name="Les Amis du Quartier", commune_insee="59350",
                   commune_name="Lille", qpv=True),
        "A2": dict(kind="association", name="Sport pour Tous", commune_insee="59512",
                   commune_name="Roubaix"),
        "C1": dict(kind="entreprise", name="Boulangerie Martin", size="02"),  # 3–5: TPE
        "C2": dict(kind="entreprise", name="Imprimerie Nord", size="PME"),
        "C3": dict(kind="entreprise", name="Logistique Flandres", size="41"),  # 500–999: ETI
        "C4": dict(kind="entreprise", name="Grande Banque", size="GE"),
        "F1": dict(kind="fondation", name="Fondation Lumière"),
    }
    ids: dict[str, Any] = {}
    with db.write() as s:
        for key, row in orgs.items():
            ids[key] = bulk_create(s, Organisation, [row])[0]
        files = {
            "F1": dict(reference="D-2024-0001", title="Pain partagé", association_id=ids["A1"],
                       company_id=ids["C1"], facilitator=NADIA, category="mecenat", stage=5,
                       status="en_pause", commune_insee="59350", qpv=True,
                       opened_on=date(2024, 1, 10), themes=["insertion", "sport"],
                       brakes=["complexite"], success_story=True),
            "F2": dict(reference="D-2023-0001", title="Maillots", association_id=ids["A2"],
                       company_id=ids["C2"], facilitator=JULIEN,
                       category="cooperation_economique", stage=2, commune_insee="59512",
                       opened_on=date(2023, 6, 1), themes=["insertion"]),
            "F3": dict(reference="D-2022-0001", title="Entrepôt", association_id=ids["A1"],
                       company_id=ids["C3"], facilitator=NADIA,
                       category="pratiques_responsables", stage=7, status="abandonne",
                       commune_insee="59350", opened_on=date(2022, 3, 1),
                       closed_on=date(2023, 12, 31), brakes=["mefiance", "complexite"]),
            "F4": dict(reference="D-2025-0001", title="Lumière", association_id=ids["A2"],
                       company_id=ids["F1"], facilitator=JULIEN,
                       category="innovation_societale", stage=1, commune_insee="59512",
                       qpv=True, opened_on=date(2025, 2, 1), themes=["culture"]),
            "F5": dict(reference="D-2021-0001", title="Banque et quartier",
                       association_id=ids["A1"], company_id=ids["C4"], facilitator=NADIA,
                       stage=6, commune_insee="59350", opened_on=date(2021, 1, 1),
                       success_story=True, summary="Dix ans de partenariat."),
            "F6": dict(reference="D-2020-0001", title="Supprimé", stage=8, facilitator=NADIA,
                       commune_insee="59350", opened_on=date(2020, 1, 1), success_story=True),
            "F7": dict(reference="D-2026-0001", title="Sans rien", stage=1),
        }
        for key, row in files.items():
            ids[key] = bulk_create(s, PartnershipFile, [row])[0]
        history = [
            ("F1", None, 1, "actif", "2024-01-10"), ("F1", 1, 2, "actif", "2024-02-09"),
            ("F1", 2, 3, "actif", "2024-03-10"), ("F1", 3, 5, "actif", "2024-05-09"),
            ("F1", 5, 5, "en_pause", "2024-06-01"),  # a status change: not a new stay
            ("F2", None, 1, "actif", "2023-06-01"), ("F2", 1, 2, "actif", "2023-06-11"),
            ("F2", 2, 3, "actif", "2023-07-11"), ("F2", 3, 2, "actif", "2023-08-10"),
            ("F3", None, 6, "actif", "2022-03-01"), ("F3", 6, 7, "actif", "2022-09-01"),
            ("F3", 7, 7, "abandonne", "2023-12-31"),
            ("F4", None, 1, "actif", "2025-02-01"),
            ("F5", None, 1, "actif", "2021-01-01"), ("F5", 1, 4, "actif", "2021-03-02"),
            ("F5", 4, 5, "actif", "2021-04-01"), ("F5", 5, 6, "actif", "2021-05-01"),
            ("F6", None, 8, "actif", "2020-01-01"),
        ]
        bulk_create(s, StageChange, [
            dict(file_id=ids[f], from_stage=a, to_stage=b, status=st, at=_at(day))
            for f, a, b, st, day in history])
        agreements = [
            dict(file_id=ids["F1"], type="mecenat_financier", object="Pain", status="signee",
                 signed_on=date(2024, 5, 9), cash_cents=100_000, in_kind_cents=20_000),
            dict(file_id=ids["F5"], type="partenariat", object="Banque", status="signee",
                 signed_on=date(2021, 4, 1), cash_cents=500_000, skills_cents=300_000),
            dict(file_id=ids["F5"], type="partenariat", object="Banque 2", status="expiree",
                 start_on=date(2022, 4, 1), cash_cents=10_000),
            dict(file_id=ids["F2"], type="partenariat", object="Brouillon", status="brouillon",
                 cash_cents=99_999, signed_on=date(2023, 9, 1)),
            dict(file_id=None, type="mecenat_financier", object="Sans dossier", status="signee",
                 signed_on=date(2024, 6, 1), cash_cents=7_000),
            dict(file_id=ids["F6"], type="partenariat", object="Dossier supprimé",
                 status="signee", signed_on=date(2020, 2, 1), cash_cents=1),
            dict(file_id=ids["F1"], type="partenariat", object="Sans date", status="signee",
                 cash_cents=5),
        ]
        ids["agreements"] = bulk_create(s, Agreement, agreements)
        dead = dict(file_id=ids["F1"], type="partenariat", object="Supprimée",
                    status="signee", signed_on=date(2024, 1, 1), cash_cents=123)
        ids["dead_agreement"] = bulk_create(s, Agreement, [dead])[0]
    with db.write() as s:
        s.get(PartnershipFile, ids["F6"]).deleted = True  # type: ignore[union-attr]
        s.get(Agreement, ids["dead_agreement"]).deleted = True  # type: ignore[union-attr]
    return ids


@pytest.fixture
def handcrafted(db: Database) -> Database:
    build_handcrafted(db)
    return db


FILTERS = [
    ObservatoryFilter(),
    ObservatoryFilter(facilitator=NADIA),
    ObservatoryFilter(commune_insee="59350"),
    ObservatoryFilter(qpv=True),
    ObservatoryFilter(qpv=False),
    ObservatoryFilter(start=date(2024, 1, 1), end=date(2024, 12, 31)),
    ObservatoryFilter(start=date(2023, 1, 1)),
    ObservatoryFilter(end=date(2022, 12, 31), facilitator=NADIA),
    ObservatoryFilter(facilitator="Personne"),
]


def _compare(db: Database, flt: ObservatoryFilter) -> None:
    got = as_comparable(observatory.compute(db, flt).to_json())
    want = expected(db.path, flt.start, flt.end, flt.facilitator, flt.commune_insee, flt.qpv)
    for key in want:
        assert got[key] == want[key], f"{key} differs for {flt}"


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f))
def test_figures_equal_independent_sql_on_handcrafted_data(handcrafted: Database,
                                                           flt: ObservatoryFilter) -> None:
    _compare(handcrafted, flt)


def test_handcrafted_figures_by_hand(handcrafted: Database) -> None:
    """The figures a facilitator would count on paper for the seven files."""
    obs = observatory.compute(handcrafted)
    assert obs.files == 6  # F6 is deleted
    assert [s.current for s in obs.stages] == [2, 1, 0, 0, 1, 1, 1, 0]
    # reached: F2 went back to 2 but had reached 3; F3 registered at 6 counts for 1–6
    assert [s.reached for s in obs.stages] == [6, 4, 4, 3, 3, 2, 1, 0]
    assert obs.conversions[0].rate == pytest.approx(4 / 6)
    stage1 = obs.stages[0]
    # stays in stage 1: F1 30 d, F2 10 d, F5 60 d → median 30
    assert (stage1.stays, stage1.median_days) == (3, 30.0)
    # stage 5: F1's status change is not a move (its stay is still running); F5 30 d
    assert (obs.stages[4].stays, obs.stages[4].median_days) == (1, 30.0)
    # to the convention: F1 2024-01-10 → 2024-05-09 = 120 d; F5 90 d; F3 excluded (born at 6)
    assert (obs.to_agreement_files, obs.to_agreement_median_days) == (2, 105.0)
    sizes = {s.size_class: s.files for s in obs.sizes}
    assert sizes == {"TPE": 1, "PME": 1, "ETI": 1, "GE": 1}  # the foundation is not a company
    assert obs.small_companies_share == 0.5
    assert {(c.category, c.actor_kind): c.files for c in obs.category_actor}[
        ("innovation_societale", "fondation")] == 1
    assert {k.key: k.files for k in obs.themes} == {"insertion": 2, "sport": 1, "culture": 1}
    assert {k.key: k.files for k in obs.brakes} == {"complexite": 2, "mefiance": 1}
    values = {v.year: (v.agreements, v.cash_cents, v.in_kind_cents, v.skills_cents)
              for v in obs.value_by_year}
    # 2024: F1's convention + the one without a file; 2020: the deleted file's convention
    assert values == {2020: (1, 1, 0, 0), 2021: (1, 500_000, 0, 300_000),
                      2022: (1, 10_000, 0, 0), 2024: (2, 107_000, 20_000, 0)}
    assert obs.undated_agreements == 1
    lille = next(c for c in obs.communes if c.commune_insee == "59350")
    assert (lille.commune_name, lille.files, lille.qpv_files) == ("Lille", 3, 1)
    assert obs.success_stories == 2


def test_filters_narrow_the_files(handcrafted: Database) -> None:
    nadia = observatory.compute(handcrafted, ObservatoryFilter(facilitator=NADIA))
    assert nadia.files == 3
    # conventions follow their file: no file-less convention under a facilitator filter
    assert {v.year for v in nadia.value_by_year} == {2021, 2022, 2024}
    assert sum(v.cash_cents for v in nadia.value_by_year) == 610_000
    period = observatory.compute(handcrafted, ObservatoryFilter(start=date(2024, 1, 1),
                                                                end=date(2024, 12, 31)))
    # open during 2024: F1, F2, F5, F7 (F3 closed in 2023, F4 opened in 2025)
    assert period.files == 4
    assert [v.year for v in period.value_by_year] == [2024]


def test_bad_filters_are_refused_in_french() -> None:
    with pytest.raises(ValidationError, match="La période est vide"):
        ObservatoryFilter(start=date(2025, 1, 1), end=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="Date invalide"):
        observatory.filter_from_text(start="2024-13-01")
    with pytest.raises(ValidationError, match="Code commune invalide"):
        observatory.filter_from_text(commune_insee="Lille")
    flt = observatory.filter_from_text("2024-01-01", None, " Nadia ", "59350", "non")
    assert flt == ObservatoryFilter(date(2024, 1, 1), None, "Nadia", "59350", qpv=False)


def test_size_class_defines_tpe_from_the_headcount_bracket() -> None:
    assert [observatory.size_class(v) for v in ("NN", "00", "03", "11", "31", "32", "51",
                                                 "52", "pme", None, "??")] == [
        "TPE", "TPE", "TPE", "PME", "PME", "ETI", "ETI", "GE", "PME", None, None]


def test_success_stories_carry_the_booklet_facts(handcrafted: Database) -> None:
    stories = observatory.success_stories(handcrafted)
    assert [s.reference for s in stories] == ["D-2021-0001", "D-2024-0001"]  # F6 is deleted
    bank = stories[0]
    assert (bank.association_name, bank.company_name, bank.commune_name) == (
        "Les Amis du Quartier", "Grande Banque", "Lille")
    # signed and expired conventions of the file
    assert (bank.agreements, bank.cash_cents, bank.skills_cents) == (2, 510_000, 300_000)
    assert observatory.success_stories(handcrafted, ObservatoryFilter(facilitator=JULIEN)) == []


@pytest.mark.parametrize("flt", [
    ObservatoryFilter(),
    ObservatoryFilter(facilitator="Nadia Haddad (MDA Roubaix)"),
    ObservatoryFilter(commune_insee="59512"),
    ObservatoryFilter(qpv=True),
    ObservatoryFilter(start=date(2025, 1, 1), end=date(2025, 12, 31)),
], ids=lambda f: repr(f))
def test_figures_equal_independent_sql_on_mda_demo(mda_demo: Path,
                                                   flt: ObservatoryFilter) -> None:
    db = Database(mda_demo)
    try:
        _compare(db, flt)
        obs = observatory.compute(db, flt)
    finally:
        db.close()
    assert obs.files > 0 and obs.stages[0].reached == obs.files


def test_stats_json_carries_the_observatory(mda_demo: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    assert main(["stats", "--db", str(mda_demo), "--json", "--qpv", "oui",
                 "--from", "2025-01-01"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert {"counts", "files_by_stage", "files_by_category", "files_by_status",
            "organisations_by_kind", "change_log_entries"} <= set(figures)  # kept
    obs = figures["observatory"]
    want = expected(mda_demo, start=date(2025, 1, 1), qpv=True)
    assert as_comparable(obs) == want
    assert obs["filter"] == {"start": "2025-01-01", "end": None, "facilitator": None,
                             "commune_insee": None, "qpv": True}
    assert main(["stats", "--db", str(mda_demo), "--json", "--to", "31/12/2025"]) == 1
    assert "Date invalide" in capsys.readouterr().err
