"""Mécénat simulator and dated parameters (DOMAIN-FR.md §3.2–3.4)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.errors import ValidationError
from passerelle.domain.mecenat import (
    MECENAT_PARAMETERS,
    SOCIAL_SECURITY_CEILINGS,
    MecenatParameters,
    counterparts_check,
    parameters_for,
    simulate_reduction,
    social_security_ceiling,
    value_in_kind,
    value_skills_gift,
)

D = Decimal
TODAY_YEAR_END = date(2025, 12, 31)


# --- Dated parameters -------------------------------------------------------------------------


def test_parameter_periods_are_contiguous_and_ordered() -> None:
    for earlier, later in zip(MECENAT_PARAMETERS, MECENAT_PARAMETERS[1:], strict=False):
        assert earlier.valid_to is not None
        assert later.valid_from == earlier.valid_to + timedelta(days=1)
    assert MECENAT_PARAMETERS[-1].valid_to is None
    assert all(p.source for p in MECENAT_PARAMETERS)


@pytest.mark.parametrize(
    ("year_end", "floor", "threshold"),
    [(date(2018, 12, 31), D("0"), None),
     (date(2019, 12, 30), D("0"), None),
     (date(2019, 12, 31), D("10000"), None),
     (date(2020, 6, 30), D("10000"), None),
     (date(2020, 12, 30), D("10000"), None),
     (date(2020, 12, 31), D("20000"), D("2000000")),
     (date(2026, 3, 31), D("20000"), D("2000000"))],
)
def test_parameters_for_picks_the_period_by_fiscal_year_end(
    year_end: date, floor: Decimal, threshold: Decimal | None
) -> None:
    params = parameters_for(year_end)
    assert params.ceiling_floor == floor
    assert params.rate_threshold == threshold
    assert params.rate == D("0.60")
    assert params.ceiling_turnover_ratio == D("0.005")
    assert params.carry_forward_years == 5


def test_parameters_for_a_date_before_any_period_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        parameters_for(date(1999, 12, 31))
    assert info.value.message_key == "mecenat_no_parameters"
    assert "31/12/1999" in info.value.message


def test_malformed_parameter_rows_are_rejected() -> None:
    base = MECENAT_PARAMETERS[-1]
    with pytest.raises(ValueError, match="ends before"):
        MecenatParameters(
            valid_from=date(2030, 1, 1), valid_to=date(2029, 1, 1), rate=base.rate,
            reduced_rate=base.reduced_rate, rate_threshold=base.rate_threshold,
            ceiling_floor=base.ceiling_floor,
            ceiling_turnover_ratio=base.ceiling_turnover_ratio,
            carry_forward_years=5, counterpart_ratio_max=base.counterpart_ratio_max,
            skills_cap_pass_multiple=3, source="test",
        )
    with pytest.raises(ValueError, match="ratio"):
        MecenatParameters(
            valid_from=date(2030, 1, 1), valid_to=None, rate=D("60"),
            reduced_rate=base.reduced_rate, rate_threshold=base.rate_threshold,
            ceiling_floor=base.ceiling_floor,
            ceiling_turnover_ratio=base.ceiling_turnover_ratio,
            carry_forward_years=5, counterpart_ratio_max=base.counterpart_ratio_max,
            skills_cap_pass_multiple=3, source="test",
        )


# --- Reduction simulator ----------------------------------------------------------------------


def test_bofip_example_in_2019() -> None:
    # BOI-BIC-RICI-20-30-20-20190807: CA 1 500 000 €, gifts 9 000 €; 5 ‰ = 7 500 € < 10 000 €.
    result = simulate_reduction(D("9000"), D("1500000"), date(2019, 12, 31))
    assert result.ceiling == D("10000.00")
    assert result.eligible == D("9000.00")
    assert result.reduction == D("5400.00")
    assert result.excess_carried == D("0.00")
    assert result.parameters.ceiling_floor == D("10000")


def test_bofip_example_with_todays_figures() -> None:
    result = simulate_reduction(D("9000"), D("1500000"), TODAY_YEAR_END)
    assert result.ceiling == D("20000.00")
    assert result.reduction == D("5400.00")


def test_before_2019_only_the_turnover_ratio_caps_gifts() -> None:
    result = simulate_reduction(D("9000"), D("1500000"), date(2018, 12, 31))
    assert result.ceiling == D("7500.00")
    assert result.eligible == D("7500.00")
    assert result.reduction == D("4500.00")
    assert result.excess_carried == D("1500.00")


def test_big_company_gift_above_two_million_gets_the_reduced_rate() -> None:
    # CA 1 Md€ → ceiling 5 M€, so the whole 3 M€ is eligible.
    result = simulate_reduction(D("3000000"), D("1000000000"), TODAY_YEAR_END)
    assert result.ceiling == D("5000000.00")
    assert result.eligible == D("3000000.00")
    assert result.reduction == D("0.60") * 2_000_000 + D("0.40") * 1_000_000
    assert result.reduction == D("1600000.00")


def test_loi_coluche_keeps_sixty_percent_on_the_whole_amount() -> None:
    result = simulate_reduction(D("3000000"), D("1000000000"), TODAY_YEAR_END,
                                loi_coluche=True)
    assert result.reduction == D("1800000.00")


def test_no_reduced_rate_before_2020_year_ends() -> None:
    result = simulate_reduction(D("3000000"), D("1000000000"), date(2020, 12, 30))
    assert result.reduction == D("1800000.00")


def test_excess_above_the_ceiling_is_carried_forward() -> None:
    # Small company: CA 800 000 € → 5 ‰ = 4 000 €, so the 20 000 € floor applies.
    result = simulate_reduction(D("25000"), D("800000"), TODAY_YEAR_END)
    assert result.ceiling == D("20000.00")
    assert result.eligible == D("20000.00")
    assert result.reduction == D("12000.00")
    assert result.excess_carried == D("5000.00")
    assert result.carried_forward_used == D("0.00")


def test_carry_forward_is_used_after_the_years_gifts() -> None:
    result = simulate_reduction(D("15000"), D("800000"), TODAY_YEAR_END,
                                carried_forward=D("8000"))
    assert result.eligible == D("20000.00")
    assert result.carried_forward_used == D("5000.00")
    assert result.excess_carried == D("3000.00")
    assert result.reduction == D("12000.00")

    fully_used = simulate_reduction(D("5000"), D("800000"), TODAY_YEAR_END,
                                    carried_forward=D("8000"))
    assert fully_used.eligible == D("13000.00")
    assert fully_used.carried_forward_used == D("8000.00")
    assert fully_used.excess_carried == D("0.00")


def test_amounts_are_rounded_to_the_cent_half_up() -> None:
    result = simulate_reduction(D("1234.565"), D("0"), TODAY_YEAR_END)
    assert result.eligible == D("1234.57")
    assert result.reduction == D("740.74")  # 1234.57 × 0.6 = 740.742


@pytest.mark.parametrize(
    ("gifts", "turnover", "carried"),
    [(D("-1"), D("0"), D("0")), (D("1"), D("-1"), D("0")), (D("1"), D("0"), D("-0.01")),
     (D("NaN"), D("0"), D("0")), (D("1"), D("Infinity"), D("0"))],
)
def test_simulator_refuses_negative_or_non_finite_amounts(
    gifts: Decimal, turnover: Decimal, carried: Decimal
) -> None:
    with pytest.raises(ValidationError) as info:
        simulate_reduction(gifts, turnover, TODAY_YEAR_END, carried)
    assert info.value.message_key == "amount_not_positive"


@given(
    st.decimals(min_value=0, max_value=10**10, places=2),
    st.decimals(min_value=0, max_value=10**11, places=2),
    st.decimals(min_value=0, max_value=10**8, places=2),
    st.booleans(),
)
def test_simulation_conserves_amounts(
    gifts: Decimal, turnover: Decimal, carried: Decimal, coluche: bool
) -> None:
    result = simulate_reduction(gifts, turnover, TODAY_YEAR_END, carried, loi_coluche=coluche)
    assert result.eligible + result.excess_carried == gifts + carried
    assert result.eligible <= result.ceiling
    assert D("0.40") * result.eligible - D("0.01") <= result.reduction
    assert result.reduction <= D("0.60") * result.eligible + D("0.01")


# --- Counterparts (§3.4) ----------------------------------------------------------------------


def test_counterparts_at_exactly_twenty_five_percent_are_within_tolerance() -> None:
    check = counterparts_check(D("1000"), [D("150"), D("100")], parameters_for(TODAY_YEAR_END))
    assert check.total == D("250")
    assert check.ratio == D("0.25")
    assert check.within_tolerance
    assert check.warning is None
    assert check.warning_key is None


def test_counterparts_one_cent_above_twenty_five_percent_warn() -> None:
    check = counterparts_check(D("1000"), [D("150"), D("100.01")],
                               parameters_for(TODAY_YEAR_END))
    assert not check.within_tolerance
    assert check.ratio > D("0.25")
    assert check.warning_key == "counterparts_above_tolerance"
    assert check.warning is not None
    assert "25,01 %" in check.warning
    assert "1 000,00 €" in check.warning
    assert "25 %" in check.warning


def test_no_counterparts_is_fine() -> None:
    check = counterparts_check(D("500"), [], parameters_for(TODAY_YEAR_END))
    assert check.ratio == 0
    assert check.within_tolerance


@pytest.mark.parametrize(
    ("gift", "counterparts", "key"),
    [(D("0"), [D("10")], "counterpart_gift_not_positive"),
     (D("-5"), [], "counterpart_gift_not_positive"),
     (D("100"), [D("-1")], "amount_not_positive")],
)
def test_counterparts_bad_input(gift: Decimal, counterparts: list[Decimal], key: str) -> None:
    with pytest.raises(ValidationError) as info:
        counterparts_check(gift, counterparts, parameters_for(TODAY_YEAR_END))
    assert info.value.message_key == key


# --- Valuation of gifts in kind and skills (§3.3) ---------------------------------------------


@pytest.mark.parametrize(("year", "amount"), [(2024, D("46368")), (2025, D("47100")),
                                              (2026, D("48060"))])
def test_pass_values(year: int, amount: Decimal) -> None:
    assert social_security_ceiling(year) == amount


def test_pass_table_has_one_row_per_year() -> None:
    years = [c.year for c in SOCIAL_SECURITY_CEILINGS]
    assert years == sorted(set(years))


def test_unknown_pass_year_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        social_security_ceiling(1990)
    assert info.value.message_key == "pass_unknown_year"


@pytest.mark.parametrize(
    ("cost", "year", "valued"),
    [(D("60000"), 2025, D("60000.00")),
     (D("141300"), 2025, D("141300.00")),       # exactly 3 × 47 100
     (D("141300.01"), 2025, D("141300.00")),
     (D("200000"), 2025, D("141300.00")),
     (D("200000"), 2024, D("139104.00")),       # 3 × 46 368
     (D("200000"), 2026, D("144180.00"))],      # 3 × 48 060
)
def test_skills_gift_is_capped_at_three_pass(cost: Decimal, year: int, valued: Decimal) -> None:
    assert value_skills_gift(cost, year) == valued


def test_skills_gift_refuses_negative_cost() -> None:
    with pytest.raises(ValidationError):
        value_skills_gift(D("-1"), 2025)


def test_value_in_kind_is_the_cost_price() -> None:
    assert value_in_kind(D("1234.5")) == D("1234.50")
    assert value_in_kind(D("0")) == D("0.00")
    with pytest.raises(ValidationError) as info:
        value_in_kind(D("-0.01"))
    assert info.value.field == "cost_price"
