"""Speed-dating planner: properties over random events (Hypothesis) and hand-made cases."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.domain.errors import ValidationError
from passerelle.domain.planner import (
    choose_meetings,
    colour_bipartite,
    plan_speed_dating,
    required_rounds,
)


@st.composite
def events(draw: st.DrawFn) -> tuple[list[str], list[str], list[tuple[str, str]], set[str]]:
    """Invited associations and companies, wishes among them, and who came."""
    n_a = draw(st.integers(0, 9))
    n_c = draw(st.integers(0, 7))
    assocs = [f"a{i}" for i in range(n_a)]
    comps = [f"c{i}" for i in range(n_c)]
    wishes = draw(st.lists(st.tuples(st.sampled_from(assocs), st.sampled_from(comps)),
                           max_size=30)) if assocs and comps else []
    present = draw(st.sets(st.sampled_from(assocs + comps))) if assocs or comps else set()
    return assocs, comps, wishes, present


@settings(max_examples=300, deadline=None)
@given(events(), st.integers(1, 3))
def test_schedule_properties(event, min_meetings) -> None:  # type: ignore[no-untyped-def]
    assocs, comps, wishes, present = event
    here_a = [a for a in assocs if a in present]
    here_c = [c for c in comps if c in present]
    plan = plan_speed_dating(here_a, here_c, wishes, min_meetings=min_meetings)
    meetings = plan.meetings
    pairs = [(m.association, m.company) for m in meetings]

    # no pair meets twice
    assert len(pairs) == len(set(pairs))
    # nobody sits twice in a round, and a table holds one meeting per round
    for r in plan.rounds:
        people = [m.association for m in r] + [m.company for m in r]
        assert len(people) == len(set(people))
        assert len({m.table for m in r}) == len(r)
        for m in r:
            assert plan.tables[m.company] == m.table  # companies keep their table
    # only present participants are seated
    assert {m.association for m in meetings} <= set(here_a)
    assert {m.company for m in meetings} <= set(here_c)
    # every present participant is placed, whenever the other side has someone
    placed = {x for p in pairs for x in p}
    if here_a and here_c:
        assert placed == set(here_a) | set(here_c)
        assert plan.unplaced == ()
        for x in placed:
            others = len(here_c) if x in here_a else len(here_a)
            assert sum(x in p for p in pairs) >= min(min_meetings, others)
    else:
        assert not meetings
        assert set(plan.unplaced) == set(here_a) | set(here_c)
    # wishes are honoured before others: every possible wish is held and marked as such,
    # and the wishes naming someone absent are reported, not dropped silently
    possible = {(a, c) for a, c in wishes if a in here_a and c in here_c}
    assert possible <= set(pairs)
    assert {(m.association, m.company) for m in meetings if m.wished} == possible
    assert set(plan.unmet_wishes) == set(wishes) - possible
    # a filler is only added for someone who had fewer than min_meetings wished meetings
    for m in meetings:
        if not m.wished:
            a_wished = sum(a == m.association for a, _ in possible)
            c_wished = sum(c == m.company for _, c in possible)
            assert a_wished < min_meetings or c_wished < min_meetings
    # as few rounds as possible: exactly the largest number of meetings of one participant
    assert len(plan.rounds) == required_rounds(pairs)
    assert all(plan.rounds)  # no empty round
    # rounds are numbered in order and richest in wished meetings first
    assert [m.round for r in plan.rounds for m in r[:1]] == list(range(1, len(plan.rounds) + 1))
    counts = [sum(m.wished for m in r) for r in plan.rounds]
    assert counts == sorted(counts, reverse=True)


@settings(max_examples=200, deadline=None)
@given(events())
def test_filling_idle_tables_keeps_the_rounds(event) -> None:  # type: ignore[no-untyped-def]
    """Filling idle seats adds meetings, never a round, never a repeated pair."""
    assocs, comps, wishes, present = event
    here_a = [a for a in assocs if a in present]
    here_c = [c for c in comps if c in present]
    lean = plan_speed_dating(here_a, here_c, wishes)
    full = plan_speed_dating(here_a, here_c, wishes, fill_idle=True)
    pairs = [(m.association, m.company) for m in full.meetings]
    assert len(pairs) == len(set(pairs))
    assert len(full.rounds) == len(lean.rounds) == required_rounds(pairs)
    assert {(m.association, m.company) for m in lean.meetings} <= set(pairs)
    for r in full.rounds:
        people = [m.association for m in r] + [m.company for m in r]
        assert len(people) == len(set(people))
        idle_a = set(here_a) - set(people)
        idle_c = set(here_c) - set(people)
        # maximal: no idle association and idle company that have not met yet
        assert all((a, c) in set(pairs) for a in idle_a for c in idle_c)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=80))
def test_colouring_uses_delta_colours(edges) -> None:  # type: ignore[no-untyped-def]
    """König: any bipartite graph's edges are coloured with Δ colours, properly."""
    pairs = [(f"a{a}", f"c{c}") for a, c in sorted(edges)]
    colours = colour_bipartite(pairs)
    assert set(colours) == set(pairs)
    delta = required_rounds(pairs)
    assert set(colours.values()) <= set(range(delta))
    seen: set[tuple[str, int]] = set()
    for (a, c), k in colours.items():
        assert (a, k) not in seen and (c, k) not in seen
        seen |= {(a, k), (c, k)}


def test_complete_graph_needs_max_side_rounds() -> None:
    """Everyone wishes everyone: 4 associations × 3 companies fit in 4 rounds, not more."""
    assocs = ["a1", "a2", "a3", "a4"]
    comps = ["c1", "c2", "c3"]
    wishes = [(a, c) for a in assocs for c in comps]
    plan = plan_speed_dating(assocs, comps, wishes, round_minutes=8,
                             starts_at=datetime(2026, 3, 5, 9, 0), changeover_minutes=2)
    assert len(plan.rounds) == 4
    assert len(plan.meetings) == 12
    assert plan.round_start(2) == datetime(2026, 3, 5, 9, 10)
    assert plan.ends_at == datetime(2026, 3, 5, 9, 38)
    assert [s.partner is None for s in plan.timetable("a1")].count(True) == 1  # one pause
    timetable = plan.timetable("c1")
    assert all(s.partner is not None and s.table == 1 for s in timetable)  # c1 keeps table 1


def test_wishless_participants_are_paired_together_first() -> None:
    """a2 and c2 asked nothing: they meet each other instead of loading the busy a1/c1."""
    plan = plan_speed_dating(["a1", "a2"], ["c1", "c2"], [("a1", "c1")])
    assert {(m.association, m.company, m.wished) for m in plan.meetings} == {
        ("a1", "c1", True), ("a2", "c2", False)}
    assert len(plan.rounds) == 1


def test_absent_wish_is_reported() -> None:
    pairs, wished, unmet = choose_meetings(["a1"], ["c1"], [("a1", "c9"), ("a1", "c1")])
    assert pairs == [("a1", "c1")] and wished == {("a1", "c1")}
    assert unmet == [("a1", "c9")]


def test_bad_round_length_and_double_role() -> None:
    with pytest.raises(ValidationError) as err:
        plan_speed_dating(["a"], ["c"], round_minutes=0)
    assert err.value.message_key == "planner_round_minutes"
    with pytest.raises(ValidationError) as err:
        plan_speed_dating(["x"], ["x"])
    assert err.value.message_key == "planner_both_sides"
