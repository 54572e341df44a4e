"""Matching: a handcrafted case ranks as expected, and every point comes with its reason."""

from __future__ import annotations

from datetime import date

from passerelle.domain import matching as m
from passerelle.domain.matching import Relations, Side, Territory, rank_needs, rank_offers

ROUBAIX, TOURCOING, LILLE, SECLIN = "59512", "59599", "59350", "59560"
TERRITORY = Territory.build(
    {ROUBAIX: "Roubaix", TOURCOING: "Tourcoing", LILLE: "Lille", SECLIN: "Seclin"},
    [(ROUBAIX, TOURCOING)],
)

NEED = Side("need", "assoc", "competences", frozenset({"insertion", "numerique"}), ROUBAIX,
            amount_cents=None, period_start=date(2026, 3, 1), period_end=date(2026, 6, 30))


def offer(oid: str, org: str, nature: str, themes: set[str], commune: str | None,
          size: str | None = None, start: date | None = None, end: date | None = None) -> Side:
    return Side(oid, org, nature, frozenset(themes), commune, None, start, end, size)


OFFERS = [
    # same nature, both themes, same commune, TPE, period overlaps: the obvious first choice
    offer("o_best", "c1", "competences", {"insertion", "numerique"}, ROUBAIX, "TPE",
          date(2026, 1, 1), date(2026, 12, 31)),
    # same nature and a theme, neighbouring commune, large company, no dates
    offer("o_neighbour", "c2", "competences", {"insertion"}, TOURCOING, "GE"),
    # same nature, a theme, elsewhere in the Métropole, but the period is over
    offer("o_too_late", "c3", "competences", {"insertion"}, LILLE, "PME",
          date(2025, 1, 1), date(2025, 12, 31)),
    # close nature (volunteering for a skills need), a theme, same commune
    offer("o_close", "c4", "benevolat", {"numerique"}, ROUBAIX),
    # money for a skills need, no shared theme: not a match at all
    offer("o_money", "c5", "financier", {"sport"}, ROUBAIX, "TPE"),
    # the association's own offer is never suggested to itself
    offer("o_self", "assoc", "competences", {"insertion"}, ROUBAIX),
]


def test_handcrafted_ranking_and_reasons() -> None:
    ranked = rank_offers(NEED, OFFERS, TERRITORY)
    assert [s.offer_id for s in ranked] == ["o_best", "o_neighbour", "o_close", "o_too_late"]
    best = {r.key: r for r in ranked[0].reasons}
    assert set(best) == {"nature", "themes", "same_commune", "small_company", "period"}
    assert best["themes"].format() == "Thématiques communes : insertion, numerique"
    assert best["same_commune"].format() == "Même commune : Roubaix"
    assert ranked[0].score == m.NATURE_SAME + 2 * m.THEME_EACH + m.SAME_COMMUNE \
        + m.SMALL_COMPANY + m.PERIOD_OVERLAP
    neighbour = {r.key: r for r in ranked[1].reasons}
    assert neighbour["neighbour"].format() == "Communes voisines : Roubaix et Tourcoing"
    late = {r.key: r for r in ranked[3].reasons}
    assert late["period_disjoint"].points < 0
    assert "metropole" in late
    # every point is explained: the score is exactly the sum of the reasons
    for s in ranked:
        assert s.score == sum(r.points for r in s.reasons)


def test_past_relations_lift_a_candidate() -> None:
    """Two equal offers: the company already in a file with the association comes first."""
    twins = [offer("o_a", "c_a", "competences", {"insertion"}, LILLE),
             offer("o_b", "c_b", "competences", {"insertion"}, LILLE)]
    plain = rank_offers(NEED, twins, TERRITORY)
    assert [s.offer_id for s in plain] == ["o_a", "o_b"]  # tie broken by id
    relations = Relations(files={frozenset({"assoc", "c_b"}): ("D-2025-0007",)},
                          exchanges={frozenset({"assoc", "c_a"}): 1})
    ranked = rank_offers(NEED, twins, TERRITORY, relations)
    assert [s.offer_id for s in ranked] == ["o_b", "o_a"]
    assert ranked[0].reasons[-1].format() == "Déjà en relation : dossier D-2025-0007"
    assert ranked[1].reasons[-1].format() == "Déjà en contact : un échange consigné"


def test_rank_needs_for_an_offer_and_amounts() -> None:
    money = offer("o", "company", "financier", {"sport"}, LILLE, "GE")
    money = Side(**{**{f: getattr(money, f) for f in money.__slots__}, "amount_cents": 500_000})
    needs = [
        Side("n_small", "a1", "financier", frozenset({"sport"}), LILLE, amount_cents=300_000),
        Side("n_big", "a2", "financier", frozenset({"sport"}), LILLE, amount_cents=2_000_000),
        Side("n_other", "a3", "nature", frozenset({"culture"}), LILLE),
    ]
    ranked = rank_needs(money, needs, TERRITORY)
    assert [s.need_id for s in ranked] == ["n_small", "n_big"]
    small = {r.key: r for r in ranked[0].reasons}
    assert small["amount_covered"].params == (("offer_cents", 500_000), ("need_cents", 300_000))
    big = {r.key: r for r in ranked[1].reasons}
    assert big["amount_partial"].format() == "Le montant proposé couvre 25 % du besoin"
    assert "large_company" in big  # a GE for a 20 000 € need
