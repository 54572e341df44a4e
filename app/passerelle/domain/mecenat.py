"""Company mécénat (article 238 bis CGI): dated parameters and an indicative simulator.

Finance laws change these figures almost every year, so every amount, rate and ratio lives in
a dated :class:`MecenatParameters` row chosen by the company's fiscal-year end, never in the
logic (DOMAIN-FR.md §3). Adding next year's law means adding a row, not editing a formula.

Passerelle is a facilitation tool, not tax software: the UI must label every figure produced
here « simulation indicative » and documents must say « modèle indicatif, à faire valider ».

Money is :class:`~decimal.Decimal`, rounded to the cent with ROUND_HALF_UP (the usual rounding
on French tax forms), so simulated amounts add up the way a facilitator checks them by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from passerelle.domain.errors import ValidationError

__all__ = [
    "MECENAT_PARAMETERS",
    "SOCIAL_SECURITY_CEILINGS",
    "CounterpartCheck",
    "MecenatParameters",
    "ReductionSimulation",
    "SocialSecurityCeiling",
    "counterparts_check",
    "parameters_for",
    "simulate_reduction",
    "social_security_ceiling",
    "value_in_kind",
    "value_skills_gift",
]

_CENT = Decimal("0.01")
_ZERO = Decimal("0")


@dataclass(frozen=True, slots=True)
class MecenatParameters:
    """The article 238 bis figures in force for fiscal years closed within a period.

    Attributes:
        valid_from: first fiscal-year *end* date covered (inclusive). Laws state their scope as
            « exercices clos à compter du … », so the closing date is the key.
        valid_to: last fiscal-year end date covered (inclusive); None while still in force.
        rate: reduction rate on gifts up to ``rate_threshold`` (and on all gifts to « loi
            Coluche » organisms).
        reduced_rate: rate on the fraction of eligible gifts above ``rate_threshold``.
        rate_threshold: yearly amount above which ``reduced_rate`` applies; None when the rate
            is flat for the period.
        ceiling_floor: fixed ceiling (10 000 €, then 20 000 €); 0 when only the turnover
            ratio applied.
        ceiling_turnover_ratio: ceiling as a share of turnover excluding tax (5 ‰ = 0.005);
            the ceiling is the greater of this and ``ceiling_floor``.
        carry_forward_years: fiscal years over which gifts above the ceiling can be carried.
        counterpart_ratio_max: administrative tolerance of counterparts / gift (1 to 4).
        skills_cap_pass_multiple: per-employee cap on a skills gift, in multiples of the
            yearly social-security ceiling (PASS); None when no cap applied.
        source: the legal text and the stored source the figures come from.
    """

    valid_from: date
    valid_to: date | None
    rate: Decimal
    reduced_rate: Decimal
    rate_threshold: Decimal | None
    ceiling_floor: Decimal
    ceiling_turnover_ratio: Decimal
    carry_forward_years: int
    counterpart_ratio_max: Decimal
    skills_cap_pass_multiple: int | None
    source: str

    def __post_init__(self) -> None:
        # A malformed row would silently mis-simulate every year it covers: fail at import.
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"period ends before it starts: {self.valid_from}–{self.valid_to}")
        for name in ("rate", "reduced_rate", "ceiling_turnover_ratio", "counterpart_ratio_max"):
            value: Decimal = getattr(self, name)
            if not _ZERO <= value <= 1:
                raise ValueError(f"{name} must be a ratio between 0 and 1, got {value}")

    def covers(self, fiscal_year_end: date) -> bool:
        """Whether a fiscal year closed on ``fiscal_year_end`` falls under these figures."""
        if fiscal_year_end < self.valid_from:
            return False
        return self.valid_to is None or fiscal_year_end <= self.valid_to


@dataclass(frozen=True, slots=True)
class SocialSecurityCeiling:
    """The plafond annuel de la sécurité sociale (PASS, art. L.241-3 CSS) of a calendar year."""

    year: int
    annual_amount: Decimal


# Periods keyed on the fiscal-year closing date (DOMAIN-FR.md §3.2). Before 2003 the rules
# (loi Aillagon not yet in force) are out of scope and :func:`parameters_for` refuses them.
MECENAT_PARAMETERS: tuple[MecenatParameters, ...] = (
    MecenatParameters(
        # Loi Aillagon (loi 2003-709 du 1er août 2003) applies to payments made from
        # 1 January 2003; keying it on the closing date is an approximation for years
        # straddling that date [WK].
        valid_from=date(2003, 1, 1),
        valid_to=date(2019, 12, 30),
        rate=Decimal("0.60"),
        reduced_rate=Decimal("0.60"),
        rate_threshold=None,
        ceiling_floor=_ZERO,
        ceiling_turnover_ratio=Decimal("0.005"),
        carry_forward_years=5,
        counterpart_ratio_max=Decimal("0.25"),
        skills_cap_pass_multiple=None,
        source="CGI art. 238 bis (loi 2003-709) : 60 %, plafond 5 ‰ du CA HT, report 5 ans.",
    ),
    MecenatParameters(
        valid_from=date(2019, 12, 31),
        valid_to=date(2020, 12, 30),
        rate=Decimal("0.60"),
        reduced_rate=Decimal("0.60"),
        rate_threshold=None,
        ceiling_floor=Decimal("10000"),
        ceiling_turnover_ratio=Decimal("0.005"),
        carry_forward_years=5,
        counterpart_ratio_max=Decimal("0.25"),
        skills_cap_pass_multiple=None,
        source="CGI art. 238 bis (LF 2019) : plafond 10 000 € ou 5 ‰ du CA HT ; "
               "BOI-BIC-RICI-20-30-20-20190807.",
    ),
    MecenatParameters(
        valid_from=date(2020, 12, 31),
        valid_to=None,
        rate=Decimal("0.60"),
        reduced_rate=Decimal("0.40"),
        rate_threshold=Decimal("2000000"),
        ceiling_floor=Decimal("20000"),
        ceiling_turnover_ratio=Decimal("0.005"),
        carry_forward_years=5,
        counterpart_ratio_max=Decimal("0.25"),
        # The 3 × PASS skills cap comes from the same LF 2020 art. 134; its exact start date
        # was not confirmed in the stored sources, so it is placed with the other LF 2020
        # changes here [WK: verify].
        skills_cap_pass_multiple=3,
        source="CGI art. 238 bis (LF 2020 art. 134) : 60 % jusqu'à 2 M€, 40 % au-delà sauf "
               "organismes « loi Coluche » ; plafond 20 000 € ou 5 ‰ du CA HT ; mécénat de "
               "compétences plafonné à 3 PASS par salarié (culture.gouv.fr, LF 2020).",
    ),
)

# PASS by calendar year. 2026 [SRC]: BOSS announcement of 21/10/2025 quoted by paybee.fr and
# hrconseil.com (48 060 €, up from 47 100 €); 2025 [WK] (DOMAIN-FR.md §3.3, also quoted in
# those pages); 2020–2024 [WK], not found in the stored material: verify before relying on them.
SOCIAL_SECURITY_CEILINGS: tuple[SocialSecurityCeiling, ...] = (
    SocialSecurityCeiling(2020, Decimal("41136")),  # [WK]
    SocialSecurityCeiling(2021, Decimal("41136")),  # [WK] frozen during the Covid years
    SocialSecurityCeiling(2022, Decimal("41136")),  # [WK]
    SocialSecurityCeiling(2023, Decimal("43992")),  # [WK]
    SocialSecurityCeiling(2024, Decimal("46368")),  # [WK]
    SocialSecurityCeiling(2025, Decimal("47100")),  # [WK]
    SocialSecurityCeiling(2026, Decimal("48060")),  # [SRC] BOSS 21/10/2025
)


@dataclass(frozen=True, slots=True)
class ReductionSimulation:
    """The outcome of :func:`simulate_reduction` for one fiscal year (indicative only).

    Attributes:
        eligible: gifts retained this year (this year's gifts first, then carry-forwards),
            within the ceiling.
        reduction: tax reduction on ``eligible``.
        excess_carried: what remains above the ceiling and may be carried forward (this
            year's excess plus unused carry-forwards; the latter expire sooner).
        ceiling: the greater of the fixed floor and the turnover ratio.
        parameters: the dated figures used, so the UI can cite their period and source.
        carried_forward_used: part of ``eligible`` taken from earlier years' excess.
    """

    eligible: Decimal
    reduction: Decimal
    excess_carried: Decimal
    ceiling: Decimal
    parameters: MecenatParameters
    carried_forward_used: Decimal


@dataclass(frozen=True, slots=True)
class CounterpartCheck:
    """Whether counterparts stay in « disproportion marquée » with the gift (a warning only).

    Attributes:
        total: sum of the counterparts' estimated values.
        ratio: ``total / gift value``, unrounded so the boundary is exact.
        within_tolerance: ``ratio <= counterpart_ratio_max``.
        warning_key: stable id of the warning for the UI, or None.
        warning: the French warning, or None when within tolerance.
    """

    total: Decimal
    ratio: Decimal
    within_tolerance: bool
    warning_key: str | None
    warning: str | None


def _money(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _fr_amount(value: Decimal) -> str:
    """``1234567.8`` → ``1 234 567,80`` (French grouping, for messages only)."""
    return f"{_money(value):,.2f}".replace(",", " ").replace(".", ",")


def _require_amount(value: Decimal, *, field: str, label: str) -> Decimal:
    """Reject NaN, infinities and negatives, then round to the cent."""
    if not value.is_finite() or value < 0:
        raise ValidationError(
            "amount_not_positive",
            "Le montant « {label} » doit être un nombre positif ou nul (saisi : {value}).",
            field=field, label=label, value=str(value),
        )
    return _money(value)


def parameters_for(fiscal_year_end: date) -> MecenatParameters:
    """The mécénat figures in force for a fiscal year closed on ``fiscal_year_end``.

    Raises:
        ValidationError: no period of :data:`MECENAT_PARAMETERS` covers that date.
    """
    for params in MECENAT_PARAMETERS:
        if params.covers(fiscal_year_end):
            return params
    raise ValidationError(
        "mecenat_no_parameters",
        "Aucun barème de mécénat n'est défini pour un exercice clos le {date}.",
        field="fiscal_year_end", date=_fr_date(fiscal_year_end),
    )


def simulate_reduction(
    gifts: Decimal,
    turnover_excl_tax: Decimal,
    fiscal_year_end: date,
    carried_forward: Decimal = _ZERO,
    *,
    loi_coluche: bool = False,
) -> ReductionSimulation:
    """Simulate a company's mécénat tax reduction for one fiscal year (DOMAIN-FR.md §3.2).

    ``ceiling = max(floor, ratio × CA HT)``; this year's gifts are retained first, then
    ``carried_forward`` (earlier excess still within its 5 years), up to the ceiling, as
    article 238 bis takes carry-forwards « après prise en compte des versements » of the year.
    The rate is ``rate`` up to ``rate_threshold`` and ``reduced_rate`` above, or ``rate`` on the
    whole amount for a « loi Coluche » beneficiary.

    Simplifications (it is a simulator): carry-forwards are one amount whose age the caller
    checked, and they are rated like this year's gifts although the law keeps the rate they
    first opened rights to.

    Args:
        gifts: gifts of the fiscal year, valued (money, in kind, skills).
        turnover_excl_tax: the company's turnover excluding tax (CA HT) for the year.
        fiscal_year_end: closing date of the fiscal year; selects the parameters.
        carried_forward: excess of earlier years still within its carry-forward window.
        loi_coluche: the beneficiary is a « loi Coluche » organism (flat rate, no threshold).

    Raises:
        ValidationError: a negative or non-finite amount, or a date with no parameters.
    """
    params = parameters_for(fiscal_year_end)
    gifts = _require_amount(gifts, field="gifts", label="dons de l'exercice")
    turnover = _require_amount(turnover_excl_tax, field="turnover_excl_tax",
                               label="chiffre d'affaires HT")
    carried = _require_amount(carried_forward, field="carried_forward",
                              label="excédents reportés")

    ceiling = _money(max(params.ceiling_floor, turnover * params.ceiling_turnover_ratio))
    from_year = min(gifts, ceiling)
    from_carry = min(carried, ceiling - from_year)
    eligible = from_year + from_carry
    excess = (gifts - from_year) + (carried - from_carry)

    if loi_coluche or params.rate_threshold is None:
        reduction = eligible * params.rate
    else:
        at_full_rate = min(eligible, params.rate_threshold)
        reduction = at_full_rate * params.rate + (eligible - at_full_rate) * params.reduced_rate

    return ReductionSimulation(
        eligible=eligible,
        reduction=_money(reduction),
        excess_carried=excess,
        ceiling=ceiling,
        parameters=params,
        carried_forward_used=from_carry,
    )


def counterparts_check(
    gift_value: Decimal,
    counterpart_values: Sequence[Decimal],
    params: MecenatParameters,
) -> CounterpartCheck:
    """Compare the counterparts' total with the gift against the 1-to-4 tolerance (§3.4).

    Above the tolerance the gift risks requalification as sponsoring, but the facilitator
    may still record it (the convention can be renegotiated), so this warns and never blocks.

    Raises:
        ValidationError: the gift is not positive, or a counterpart value is negative.
    """
    if not gift_value.is_finite() or gift_value <= 0:
        raise ValidationError(
            "counterpart_gift_not_positive",
            "La valeur du don doit être strictement positive pour évaluer les contreparties "
            "(saisi : {value}).",
            field="gift_value", value=str(gift_value),
        )
    for value in counterpart_values:
        _require_amount(value, field="counterpart_values", label="valeur d'une contrepartie")
    total = sum(counterpart_values, _ZERO)
    ratio = total / gift_value
    if ratio <= params.counterpart_ratio_max:
        return CounterpartCheck(total=total, ratio=ratio, within_tolerance=True,
                                warning_key=None, warning=None)
    # Round the shown percentage up, so 25,001 % never displays as an acceptable 25,00 %.
    percent = (ratio * 100).quantize(_CENT, rounding=ROUND_CEILING)
    max_percent = (params.counterpart_ratio_max * 100).normalize()
    warning = (
        f"Les contreparties ({_fr_amount(total)} €) représentent "
        f"{str(percent).replace('.', ',')} % du don ({_fr_amount(gift_value)} €), au-delà "
        f"de la tolérance de {max_percent:f} % : le don risque d'être requalifié en "
        "parrainage. Vérifiez la valorisation des contreparties."
    )
    return CounterpartCheck(total=total, ratio=ratio, within_tolerance=False,
                            warning_key="counterparts_above_tolerance", warning=warning)


def social_security_ceiling(year: int) -> Decimal:
    """The PASS of calendar ``year``.

    Raises:
        ValidationError: the year is missing from :data:`SOCIAL_SECURITY_CEILINGS`.
    """
    for ceiling in SOCIAL_SECURITY_CEILINGS:
        if ceiling.year == year:
            return ceiling.annual_amount
    raise ValidationError(
        "pass_unknown_year",
        "Le plafond annuel de la sécurité sociale (PASS) de {year} n'est pas renseigné.",
        field="year", year=year,
    )


def value_skills_gift(gross_salary_plus_charges: Decimal, year: int) -> Decimal:
    """Value one employee's skills gift: salary + social charges, capped per employee.

    The cap is ``skills_cap_pass_multiple × PASS`` of ``year`` (3 × PASS since LF 2020), using
    the parameters of a fiscal year closed on 31 December of ``year``. Assumption: the amount
    passed in is that employee's cost for the time made available during the year, and the
    cap applies to it whole, without pro-rating for a partial year of secondment.

    Raises:
        ValidationError: negative amount, or no parameters / PASS for ``year``.
    """
    amount = _require_amount(gross_salary_plus_charges, field="gross_salary_plus_charges",
                             label="salaire brut et charges")
    multiple = parameters_for(date(year, 12, 31)).skills_cap_pass_multiple
    if multiple is None:
        return amount
    return min(amount, _money(multiple * social_security_ceiling(year)))


def value_in_kind(cost_price: Decimal) -> Decimal:
    """Value a gift in kind at its coût de revient (CGI 238 bis 1, since LF 2017), in cents.

    Raises:
        ValidationError: negative or non-finite cost price.
    """
    return _require_amount(cost_price, field="cost_price", label="coût de revient")
