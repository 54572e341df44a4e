"""Mécénat figures of one agreement: valuation, estimated tax reduction, counterparts check.

The rules and their dated parameters live in :mod:`passerelle.domain.mecenat`; this module
reads an agreement and its counterparts and applies them, for the Conventions view.

What the database does not know, and how it is handled (a simulation, never tax advice):

- **The company's turnover (CA HT)** is not recorded in Passerelle. Without it the ceiling is
  the fixed floor (20 000 € today) — the lowest possible ceiling — so the reduction shown is a
  *minimum*; ``turnover_needed`` says when the turnover would change it (gifts above the
  floor). The view lets the user type a turnover to refine the simulation (not stored).
- **The fiscal year**: assumed to be the calendar year of the signature (else the start, else
  today), closed on 31 December.
- **Other gifts of the same year** by the company: not counted (this agreement alone).
- **« Loi Coluche » beneficiaries** (60 % whatever the amount): a flag chosen by the user.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from passerelle.domain import mecenat
from passerelle.domain.errors import ValidationError
from passerelle.domain.vocabulary import AgreementType
from passerelle.services.common import euros, get_live, today
from passerelle.store.database import Database
from passerelle.store.models import Agreement, Counterpart, Organisation

__all__ = ["PATRONAGE_TYPES", "AgreementFigures", "agreement_figures"]

#: Agreement types that are gifts under article 238 bis (a provision of premises or equipment
#: free of charge is a gift in kind); a « convention de partenariat » is not.
PATRONAGE_TYPES = frozenset({
    AgreementType.FINANCIAL_PATRONAGE.value,
    AgreementType.IN_KIND_PATRONAGE.value,
    AgreementType.SKILLS_PATRONAGE.value,
    AgreementType.PROVISION.value,
})

_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class AgreementFigures:
    """The mécénat figures of one agreement (amounts in euros, Decimal to the cent).

    Attributes:
        patronage: the agreement's type is a gift (mécénat); False for a partnership, whose
            amounts open no tax reduction.
        gift_total: cash + in-kind + skills, the gift's value for the reduction.
        fiscal_year_end: the assumed closing date (31 December of the signature's year).
        turnover: the turnover used (None: unknown, the ceiling is the fixed floor).
        simulation: the reduction simulation; None when not mécénat, nothing given, or no
            parameters cover the year (``simulation_error`` says why).
        turnover_needed: the gift exceeds the fixed ceiling, so knowing the turnover could
            raise the ceiling and the reduction: the figure shown is a minimum.
        turnover_for_floor: turnover above which 5 ‰ exceeds the fixed floor (4 M€ today).
        counterparts: the counterparts' check (None when there is no gift to compare with).
        counterparts_total: sum of the counterparts' values.
        skills_cap_per_employee: 3 × PASS of the year: the most a skills gift may count per
            employee (None when no cap or no PASS known for that year).
        pass_year: the year of that PASS.
    """

    agreement_id: uuid.UUID
    type: str
    company_name: str | None
    patronage: bool
    cash: Decimal
    in_kind: Decimal
    skills: Decimal
    gift_total: Decimal
    fiscal_year_end: date
    turnover: Decimal | None
    loi_coluche: bool
    simulation: mecenat.ReductionSimulation | None
    simulation_error: str | None
    turnover_needed: bool
    turnover_for_floor: Decimal | None
    counterparts: mecenat.CounterpartCheck | None
    counterparts_total: Decimal
    counterpart_count: int
    skills_cap_per_employee: Decimal | None
    pass_year: int


def _money(cents: int | None) -> Decimal:
    return euros(cents).quantize(_CENT)


def agreement_figures(db: Database, agreement_id: uuid.UUID | str, *,
                      turnover: Decimal | None = None,
                      loi_coluche: bool = False) -> AgreementFigures:
    """Valuation, estimated reduction (simulation indicative) and counterparts of an agreement.

    Args:
        db: the open database.
        agreement_id: the agreement.
        turnover: the company's turnover excluding tax, if the user knows it (not stored).
        loi_coluche: the beneficiary helps people in difficulty (flat 60 %).

    Raises:
        NotFound: unknown or deleted agreement.
        ValidationError: a negative turnover.
    """
    if turnover is not None and (not turnover.is_finite() or turnover < 0):
        raise ValidationError(
            "amount_not_positive",
            "Le montant « {label} » doit être un nombre positif ou nul (saisi : {value}).",
            field="turnover", label="chiffre d'affaires HT", value=str(turnover))
    with db.read() as s:
        a = get_live(s, Agreement, agreement_id)
        company = s.get(Organisation, a.company_id) if a.company_id else None
        values = [_money(v) for v in s.scalars(
            select(Counterpart.value_cents).where(Counterpart.agreement_id == a.id,
                                                  Counterpart.deleted.is_(False)))]
        cash, in_kind, skills = _money(a.cash_cents), _money(a.in_kind_cents), \
            _money(a.skills_cents)
        a_id, a_type = a.id, a.type
        year = (a.signed_on or a.start_on or today()).year
    gift = cash + in_kind + skills
    patronage = a_type in PATRONAGE_TYPES
    year_end = date(year, 12, 31)
    simulation = None
    error = None
    params: mecenat.MecenatParameters | None = None
    try:
        params = mecenat.parameters_for(year_end)
    except ValidationError as exc:
        error = exc.message
    if patronage and gift > 0 and params is not None:
        simulation = mecenat.simulate_reduction(gift, turnover or Decimal(0), year_end,
                                                loi_coluche=loi_coluche)
    floor = params.ceiling_floor if params is not None else None
    turnover_needed = bool(simulation is not None and turnover is None and floor is not None
                           and gift > floor)
    for_floor = (floor / params.ceiling_turnover_ratio).quantize(_CENT) \
        if params is not None and floor and params.ceiling_turnover_ratio else None
    check = mecenat.counterparts_check(gift, values, params) \
        if gift > 0 and params is not None else None
    cap = None
    if params is not None and params.skills_cap_pass_multiple:
        try:
            cap = mecenat.value_skills_gift(Decimal("1e12"), year)
        except ValidationError:
            cap = None  # no PASS known for that year: say nothing rather than guess
    return AgreementFigures(
        agreement_id=a_id, type=a_type, company_name=company.name if company else None,
        patronage=patronage, cash=cash, in_kind=in_kind, skills=skills, gift_total=gift,
        fiscal_year_end=year_end, turnover=turnover, loi_coluche=loi_coluche,
        simulation=simulation, simulation_error=error, turnover_needed=turnover_needed,
        turnover_for_floor=for_floor, counterparts=check,
        counterparts_total=sum(values, Decimal("0.00")), counterpart_count=len(values),
        skills_cap_per_employee=cap, pass_year=year)
