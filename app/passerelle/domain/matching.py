"""Matching association needs with company offers: a score and the reasons behind it.

The score is a sum of points, one criterion at a time, so that every point can be explained:
each criterion that counts adds a :class:`Reason` (a French sentence with named placeholders,
translated by the UI with the fixed context ``"MatchReason"``). The weights say what the study
values most: the same nature of support first (a need for skills is not met by money), then
shared themes, then proximity (the MDA officers' « partenariats de proximité »), then period and
amount, then what already links the two organisations. The study's stress on TPE/PME gives them
a small bonus. Pure Python: no Qt, no SQL; the service gathers the facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

#: Points per criterion (documented in the reasons' order).
NATURE_SAME = 40
NATURE_CLOSE = 15
THEME_EACH = 10
THEME_MAX = 30
SAME_COMMUNE = 20
NEIGHBOUR_COMMUNE = 12
SAME_METROPOLE = 5
SMALL_COMPANY = 5
LARGE_COMPANY_BIG_NEED = 5
BIG_NEED_CENTS = 1_000_000  # 10 000 €: above it, the capacity of an ETI/GE counts
AMOUNT_COVERED = 10
AMOUNT_PARTIAL = 4
PERIOD_OVERLAP = 10
PERIOD_DISJOINT = -25
PAST_FILE = 15
PAST_CONTACT = 8

#: Natures of support that can stand in for one another (need nature → close offer natures).
CLOSE_NATURES: Mapping[str, frozenset[str]] = {
    "competences": frozenset({"benevolat", "formation"}),
    "benevolat": frozenset({"competences"}),
    "formation": frozenset({"competences"}),
    "nature": frozenset({"achats_responsables"}),
    "achats_responsables": frozenset({"nature"}),
}


#: The French sentence of each reason (the UI declares them for translation, context
#: « MatchReason »; a test keeps both lists equal).
TEXTS: Mapping[str, str] = {
    'nature': 'Même nature de soutien : {nature}',
    'nature_close': 'Nature de soutien proche : {nature} pour un besoin {need_nature}',
    'themes': 'Thématiques communes : {themes}',
    'same_commune': 'Même commune : {commune}',
    'neighbour': 'Communes voisines : {commune} et {other}',
    'metropole': 'Tous deux dans la Métropole européenne de Lille',
    'small_company': 'TPE ou PME : partenariat de proximité',
    'large_company': "ETI ou grande entreprise, à la mesure d'un besoin de {need_cents}",
    'amount_covered': 'Le montant proposé ({offer_cents}) couvre le besoin ({need_cents})',
    'amount_partial': 'Le montant proposé couvre {percent} % du besoin',
    'period': 'Périodes compatibles',
    'period_disjoint': 'Périodes incompatibles',
    'past_file': 'Déjà en relation : dossier {references}',
    'past_contact_one': 'Déjà en contact : un échange consigné',
    'past_contact': 'Déjà en contact : {count} échanges consignés',
}


@dataclass(frozen=True, slots=True)
class Side:
    """A need or an offer as the scoring sees it (ids are strings, amounts in cents)."""

    id: str
    organisation_id: str
    nature: str
    themes: frozenset[str] = frozenset()
    commune_insee: str | None = None
    amount_cents: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    company_size: str | None = None  # the offering company's size (TPE, PME, ETI, GE)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a suggestion scores: ``text`` is the French template, ``params`` fill it.

    Parameters named ``nature``/``need_nature`` hold a SupportNature value, ``*_cents`` an
    amount, ``commune``/``other`` a commune name: the UI formats and translates them.
    """

    key: str
    text: str
    points: int
    params: tuple[tuple[str, str | int], ...] = ()

    def format(self) -> str:
        """The French sentence (tests, CLI); the UI translates ``text`` first."""
        return self.text.format(**dict(self.params))


@dataclass(frozen=True, slots=True)
class Suggestion:
    need_id: str
    offer_id: str
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Territory:
    """Commune names, the Métropole's communes and their adjacency."""

    names: Mapping[str, str] = field(default_factory=dict)
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)
    metropole: frozenset[str] = frozenset()

    @classmethod
    def build(cls, names: Mapping[str, str], pairs: Iterable[tuple[str, str]]) -> Territory:
        adjacency: dict[str, set[str]] = {}
        for a, b in pairs:
            adjacency.setdefault(a, set()).add(b)
            adjacency.setdefault(b, set()).add(a)
        return cls(dict(names), {k: frozenset(v) for k, v in adjacency.items()},
                   frozenset(names))

    def name(self, insee: str) -> str:
        return self.names.get(insee, insee)


@dataclass(frozen=True, slots=True)
class Relations:
    """What already links two organisations: their files' references, their logged exchanges."""

    files: Mapping[frozenset[str], tuple[str, ...]] = field(default_factory=dict)
    exchanges: Mapping[frozenset[str], int] = field(default_factory=dict)


def _periods_overlap(a: Side, b: Side) -> bool | None:
    """True/False when both periods say something, None when one is open-ended on both sides."""
    if (a.period_start is None and a.period_end is None) or (
            b.period_start is None and b.period_end is None):
        return None
    start = max(x for x in (a.period_start, b.period_start, date.min) if x is not None)
    end = min(x for x in (a.period_end, b.period_end, date.max) if x is not None)
    return start <= end


def score(need: Side, offer: Side, territory: Territory | None = None,
          relations: Relations | None = None) -> Suggestion:
    """Score one need against one offer, with a reason for every criterion that counted."""
    territory = territory or Territory()
    relations = relations or Relations()
    reasons: list[Reason] = []

    def add(key: str, points: int, *params: tuple[str, str | int], text: str = "") -> None:
        reasons.append(Reason(key, TEXTS[text or key], points, params))

    if need.nature == offer.nature:
        add("nature", NATURE_SAME, ("nature", need.nature))
    elif offer.nature in CLOSE_NATURES.get(need.nature, frozenset()):
        add("nature_close", NATURE_CLOSE, ("nature", offer.nature),
            ("need_nature", need.nature))
    shared = sorted(need.themes & offer.themes)
    if shared:
        add("themes", min(THEME_MAX, THEME_EACH * len(shared)), ("themes", ", ".join(shared)))
    if need.commune_insee and offer.commune_insee:
        if need.commune_insee == offer.commune_insee:
            add("same_commune", SAME_COMMUNE, ("commune", territory.name(need.commune_insee)))
        elif offer.commune_insee in territory.neighbours.get(need.commune_insee, frozenset()):
            add("neighbour", NEIGHBOUR_COMMUNE,
                ("commune", territory.name(need.commune_insee)),
                ("other", territory.name(offer.commune_insee)))
        elif {need.commune_insee, offer.commune_insee} <= territory.metropole:
            add("metropole", SAME_METROPOLE)
    if offer.company_size in ("TPE", "PME"):
        add("small_company", SMALL_COMPANY)
    elif offer.company_size in ("ETI", "GE") and (need.amount_cents or 0) >= BIG_NEED_CENTS:
        add("large_company", LARGE_COMPANY_BIG_NEED, ("need_cents", need.amount_cents or 0))
    if need.amount_cents and offer.amount_cents:
        if offer.amount_cents >= need.amount_cents:
            add("amount_covered", AMOUNT_COVERED, ("offer_cents", offer.amount_cents),
                ("need_cents", need.amount_cents))
        else:
            add("amount_partial", AMOUNT_PARTIAL,
                ("percent", offer.amount_cents * 100 // need.amount_cents))
    overlap = _periods_overlap(need, offer)
    if overlap is True:
        add("period", PERIOD_OVERLAP)
    elif overlap is False:
        add("period_disjoint", PERIOD_DISJOINT)
    pair = frozenset({need.organisation_id, offer.organisation_id})
    references = relations.files.get(pair, ())
    exchanges = relations.exchanges.get(pair, 0)
    if references:
        add("past_file", PAST_FILE, ("references", ", ".join(references)))
    elif exchanges:
        add("past_contact", PAST_CONTACT, ("count", exchanges),
            text="past_contact_one" if exchanges == 1 else "past_contact")
    return Suggestion(need.id, offer.id, sum(r.points for r in reasons), tuple(reasons))


def _relevant(s: Suggestion, min_score: int) -> bool:
    """Worth showing: scores enough and shares the nature of support or a theme."""
    keys = {r.key for r in s.reasons}
    return s.score >= min_score and bool(keys & {"nature", "nature_close", "themes"})


def rank_offers(need: Side, offers: Iterable[Side], territory: Territory | None = None,
                relations: Relations | None = None, *, min_score: int = 20,
                limit: int = 50) -> list[Suggestion]:
    """The offers that fit a need, best first (ties: by offer id, for a stable order)."""
    found = [score(need, o, territory, relations) for o in offers
             if o.organisation_id != need.organisation_id]
    found = [s for s in found if _relevant(s, min_score)]
    found.sort(key=lambda s: (-s.score, s.offer_id))
    return found[:limit]


def rank_needs(offer: Side, needs: Iterable[Side], territory: Territory | None = None,
               relations: Relations | None = None, *, min_score: int = 20,
               limit: int = 50) -> list[Suggestion]:
    """The needs an offer could meet, best first (ties: by need id)."""
    found = [score(n, offer, territory, relations) for n in needs
             if n.organisation_id != offer.organisation_id]
    found = [s for s in found if _relevant(s, min_score)]
    found.sort(key=lambda s: (-s.score, s.need_id))
    return found[:limit]
