"""Duplicate candidates: identifiers, close names in the same commune, speed of the prefilter."""

from __future__ import annotations

from passerelle.services import duplicates as dup
from passerelle.services import organisations as orgs
from passerelle.services.duplicates import OrganisationCandidate
from passerelle.store.database import Database


def test_same_siret_siren_or_rna_is_a_certain_duplicate(db: Database) -> None:
    company = orgs.create_organisation(db, kind="entreprise", name="Boulangerie Dupont",
                                       siret="55208131766522")
    assoc = orgs.create_organisation(db, kind="association", name="Les Amis du Parc",
                                     rna="W595000001")
    found = dup.find_duplicates(db, OrganisationCandidate("Autre nom", siret="55208131766522"))
    assert [(c.id, c.reason, c.score) for c in found] == [(company.id, "siret", 100)]
    other_site = dup.find_duplicates(db, OrganisationCandidate("X", siret="55208131700014"))
    assert [(c.id, c.reason) for c in other_site] == [(company.id, "siren")]
    by_rna = dup.find_duplicates(db, OrganisationCandidate("Y", rna="W595000001"))
    assert [(c.id, c.reason) for c in by_rna] == [(assoc.id, "rna")]


def test_close_name_in_the_same_commune_only(db: Database) -> None:
    roubaix = orgs.create_organisation(db, kind="association", name="Cœur & Solidarité",
                                       commune_insee="59512", commune_name="Roubaix")
    orgs.create_organisation(db, kind="association", name="Coeur et Solidarite",
                             commune_insee="59599", commune_name="Tourcoing")
    # spelling variant, commune given by name only (resolved through the reference list)
    found = dup.find_duplicates(db, OrganisationCandidate("Association Coeur et solidarite",
                                                          commune_name="ROUBAIX"))
    assert [(c.id, c.reason) for c in found] == [(roubaix.id, "name")]
    assert found[0].score >= dup.NAME_THRESHOLD
    # by postal code too
    assert dup.find_duplicates(db, OrganisationCandidate("Coeur Solidarité",
                                                         postal_code="59100"))[0].id == roubaix.id
    # a different association sharing one word is not proposed
    assert dup.find_duplicates(db, OrganisationCandidate("Cœur de quartier",
                                                         commune_insee="59512")) == ()
    # the organisation being edited is not its own duplicate
    assert dup.find_duplicates(db, OrganisationCandidate("Cœur & Solidarité",
                                                         commune_insee="59512"),
                               exclude=roubaix.id) == ()


def test_without_commune_only_near_identical_names(db: Database) -> None:
    org = orgs.create_organisation(db, kind="association", name="Maison des Jeunes de Wattrelos",
                                   commune_insee="59650")
    assert [c.id for c in dup.find_duplicates(
        db, OrganisationCandidate("maison des jeunes de wattrelos"))] == [org.id]
    assert dup.find_duplicates(db, OrganisationCandidate("Maison des jeunes")) == ()


def test_deleted_organisations_are_not_candidates(db: Database) -> None:
    org = orgs.create_organisation(db, kind="association", name="Atelier Vélo",
                                   rna="W595000002")
    orgs.delete_organisation(db, org.id)
    assert dup.find_duplicates(db, OrganisationCandidate("Atelier Vélo", rna="W595000002")) == ()


def test_index_catches_rows_of_the_same_file() -> None:
    import uuid

    index = dup.DuplicateIndex()
    first = uuid.uuid4()
    index.add(first, OrganisationCandidate("Jardin partagé Fives", commune_name="Lille"))
    found = index.find(OrganisationCandidate("Jardin partage de Fives", postal_code="59000"))
    assert [c.id for c in found] == [first]


def test_comparable_name_drops_noise_words() -> None:
    assert dup.comparable_name("Association « Cœur & Solidarité »") == "coeur solidarite"
    assert dup.comparable_name("SARL L'Atelier") == "atelier"
    assert dup.comparable_name("Association") == "association"


def test_fast_name_pool_scores_exactly_like_name_score() -> None:
    import random

    rng = random.Random(3)
    words = ["coeur", "solidarite", "jardin", "partage", "secours", "populaire", "francais",
             "comite", "club", "sport", "velo", "atelier", "jardins", "soli"]
    names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(400)]
    pool = dup._NamePool()
    for name in names:
        pool.add(name)
    for query in names[:60] + ["secours populaire", "coeur solidarite", "velo"]:
        brute = {i: dup.name_score(query, n) for i, n in enumerate(names)}
        expected = {i: s for i, s in brute.items() if s >= dup.NAME_THRESHOLD}
        got = dict(pool.close_to(query))
        assert got.keys() == expected.keys(), query
        assert all(abs(got[i] - expected[i]) < 1e-6 for i in got), query


def test_score_100_means_the_same_name_and_the_commune_name_does_not_count() -> None:
    import uuid

    index = dup.DuplicateIndex()
    index.add(uuid.uuid4(), OrganisationCandidate("Secours populaire Roubaix",
                                                  commune_insee="59512"))
    index.add(uuid.uuid4(), OrganisationCandidate("Atelier vélo Roubaix",
                                                  commune_name="Roubaix"))
    same = index.find(OrganisationCandidate("SECOURS POPULAIRE - Roubaix (59100)",
                                            postal_code="59100"))
    assert [(c.name, c.score) for c in same] == [("Secours populaire Roubaix", 100)]
    typo = index.find(OrganisationCandidate("Secour populaire", commune_insee="59512"))
    assert [c.name for c in typo] == ["Secours populaire Roubaix"] and typo[0].score < 100
    # sharing the commune's name is no resemblance
    assert index.find(OrganisationCandidate("Atelier couture Roubaix",
                                            commune_insee="59512")) == ()
    # a name that only contains the other one is not proposed
    assert index.find(OrganisationCandidate("Secours populaire français, comité de Roubaix",
                                            commune_insee="59512")) == ()
