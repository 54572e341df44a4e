"""Speed-dating planner: rotations of short rounds between associations and companies.

The meetings to hold form a bipartite graph (associations on one side, companies on the other).
A round is a set of meetings in which nobody sits twice, i.e. a *matching*; a schedule is a
proper edge colouring, one colour per round. König's edge-colouring theorem says a bipartite
graph can always be coloured with Δ colours, Δ being the largest number of meetings asked of any
one participant, and no schedule can do with fewer (that participant needs Δ rounds). The
planner therefore reaches the minimum exactly, with the classic alternating-path recolouring
(each new edge either finds a colour free at both ends, or one Kempe chain is swapped to make
one free — in a bipartite graph that chain never comes back to the edge's other end).

Which meetings to hold:

1. every wish between two present participants (a wish made by either side; both sides agree
   to meet at a speed-dating by coming), so wishes are honoured before anything else;
2. then, so that everyone is placed, a participant left with fewer than ``min_meetings``
   meetings is paired first with another such participant of the other side, else with the
   least busy participant of the other side that they have not met yet (so fillers raise the
   number of rounds as little as possible).

Tables: companies stay seated and associations rotate (the usual format), so each company keeps
one table number for the whole event. Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from passerelle.domain.errors import ValidationError


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting of a round: which table, which association, which company, and whether it
    was wished (by either side) or added so that everyone is placed."""

    round: int
    table: int
    association: str
    company: str
    wished: bool


@dataclass(frozen=True, slots=True)
class Slot:
    """A line of a participant's timetable: a meeting, or a pause when ``partner`` is None."""

    round: int
    starts_at: datetime | None
    table: int | None
    partner: str | None
    wished: bool


@dataclass(frozen=True, slots=True)
class Schedule:
    """A speed-dating plan: ``rounds[i]`` lists the meetings of round ``i + 1`` by table.

    ``unmet_wishes`` are wishes that named someone absent (they cannot be held);
    ``unplaced`` are present participants nobody could meet (the other side is empty).
    """

    rounds: tuple[tuple[Meeting, ...], ...]
    tables: dict[str, int]
    round_minutes: int
    changeover_minutes: int
    starts_at: datetime | None
    unmet_wishes: tuple[tuple[str, str], ...]
    unplaced: tuple[str, ...]

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(m for r in self.rounds for m in r)

    def round_start(self, number: int) -> datetime | None:
        """When round ``number`` (from 1) starts, if the event has a start time."""
        if self.starts_at is None:
            return None
        step = self.round_minutes + self.changeover_minutes
        return self.starts_at + timedelta(minutes=step * (number - 1))

    @property
    def ends_at(self) -> datetime | None:
        if self.starts_at is None:
            return None
        step = self.round_minutes + self.changeover_minutes
        return self.starts_at + timedelta(minutes=step * len(self.rounds)
                                          - self.changeover_minutes)

    def timetable(self, participant: str) -> tuple[Slot, ...]:
        """Every round for one participant: their table and partner, or a pause."""
        slots: list[Slot] = []
        for number, meetings in enumerate(self.rounds, start=1):
            slot = Slot(number, self.round_start(number), None, None, wished=False)
            for m in meetings:
                if participant in (m.association, m.company):
                    partner = m.company if participant == m.association else m.association
                    slot = Slot(number, self.round_start(number), m.table, partner, m.wished)
                    break
            slots.append(slot)
        return tuple(slots)


def required_rounds(pairs: Iterable[tuple[str, str]]) -> int:
    """Δ: the largest number of meetings any one participant has among ``pairs``."""
    degree: dict[tuple[int, str], int] = {}
    for a, c in set(pairs):
        degree[(0, a)] = degree.get((0, a), 0) + 1
        degree[(1, c)] = degree.get((1, c), 0) + 1
    return max(degree.values(), default=0)


def choose_meetings(associations: Sequence[str], companies: Sequence[str],
                    wishes: Iterable[tuple[str, str]], min_meetings: int = 1
                    ) -> tuple[list[tuple[str, str]], set[tuple[str, str]],
                               list[tuple[str, str]]]:
    """The meetings to hold: (all pairs in order, the wished ones, wishes naming an absent).

    Wishes come first; fillers then bring everyone up to ``min_meetings`` (when the other side
    has enough people), pairing two under-served participants together before loading anyone
    who is already busy.
    """
    assoc_set, comp_set = set(associations), set(companies)
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    unmet: list[tuple[str, str]] = []
    for pair in wishes:
        if pair in seen:
            continue
        a, c = pair
        if a in assoc_set and c in comp_set:
            seen.add(pair)
            pairs.append(pair)
        elif pair not in unmet:
            unmet.append(pair)
    wished = set(seen)
    degree = {("a", a): 0 for a in associations} | {("c", c): 0 for c in companies}
    for a, c in pairs:
        degree[("a", a)] += 1
        degree[("c", c)] += 1
    order_a = {a: i for i, a in enumerate(associations)}
    order_c = {c: i for i, c in enumerate(companies)}

    def add(a: str, c: str) -> None:
        seen.add((a, c))
        pairs.append((a, c))
        degree[("a", a)] += 1
        degree[("c", c)] += 1

    for _ in range(max(0, min_meetings)):
        # under-served on both sides first, so that one meeting places two people
        for a in associations:
            if degree[("a", a)] >= min_meetings:
                continue
            for c in companies:
                if degree[("c", c)] < min_meetings and (a, c) not in seen:
                    add(a, c)
                    break
        for a in associations:
            while degree[("a", a)] < min_meetings:
                free = [c for c in companies if (a, c) not in seen]
                if not free:
                    break
                add(a, min(free, key=lambda c: (degree[("c", c)], order_c[c])))
        for c in companies:
            while degree[("c", c)] < min_meetings:
                free_a = [a for a in associations if (a, c) not in seen]
                if not free_a:
                    break
                add(min(free_a, key=lambda a: (degree[("a", a)], order_a[a])), c)
    return pairs, wished, unmet


def colour_bipartite(pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """A proper edge colouring of a simple bipartite graph with exactly Δ colours (0…Δ-1).

    For each edge (a, c): take α free at a and β free at c. If α is also free at c, use it.
    Otherwise swap α and β along the path that starts at c with its α edge and alternates
    β, α, …; the path cannot reach a (in a bipartite graph it would arrive at a by an α edge,
    and α is free at a), so afterwards α is free at both ends. Runs in O(E·V).
    """
    delta = required_rounds(pairs)
    # at[vertex][colour] = the neighbour joined by the edge of that colour
    at: dict[tuple[int, str], dict[int, tuple[int, str]]] = {}
    for a, c in pairs:
        at.setdefault((0, a), {})
        at.setdefault((1, c), {})

    def free(v: tuple[int, str]) -> int:
        used = at[v]
        return next(k for k in range(delta) if k not in used)

    for a, c in dict.fromkeys(pairs):
        u, v = (0, a), (1, c)
        alpha, beta = free(u), free(v)
        if alpha in at[v]:
            # collect the alternating α/β path from v, then swap its colours
            path: list[tuple[tuple[int, str], tuple[int, str], int]] = []
            x, colour = v, alpha
            while colour in at[x]:
                y = at[x][colour]
                path.append((x, y, colour))
                x, colour = y, (beta if colour == alpha else alpha)
            for x, y, k in path:
                del at[x][k]
                del at[y][k]
            for x, y, k in path:
                other = beta if k == alpha else alpha
                at[x][other] = y
                at[y][other] = x
        at[u][alpha] = v
        at[v][alpha] = u
    colours: dict[tuple[str, str], int] = {}
    for (side, name), edges in at.items():
        if side == 0:
            for k, (_, partner) in edges.items():
                colours[(name, partner)] = k
    return colours


def _fill_idle(by_round: list[list[tuple[str, str]]], associations: Sequence[str],
               companies: Sequence[str], seen: set[tuple[str, str]]) -> None:
    """Seat, round by round, idle associations with idle companies they have not met yet,
    least-met companies first: the number of rounds does not change, idle tables fill up."""
    count = {c: sum(c == p[1] for p in seen) for c in companies}
    for meetings in by_round:
        busy = {x for p in meetings for x in p}
        for a in associations:
            if a in busy:
                continue
            free = [c for c in companies if c not in busy and (a, c) not in seen]
            if not free:
                continue
            c = min(free, key=lambda x: count[x])
            meetings.append((a, c))
            seen.add((a, c))
            busy |= {a, c}
            count[c] += 1


def plan_speed_dating(associations: Sequence[str], companies: Sequence[str],
                      wishes: Iterable[tuple[str, str]] = (), *, round_minutes: int = 7,
                      changeover_minutes: int = 0, starts_at: datetime | None = None,
                      min_meetings: int = 1, fill_idle: bool = False) -> Schedule:
    """Plan the rounds of a speed-dating among the *present* participants.

    Args:
        associations: present associations (ids), in the order tables and ties follow.
        companies: present companies (ids); each keeps one table.
        wishes: (association, company) pairs asked by either side; those naming someone absent
            are reported in ``unmet_wishes``.
        round_minutes: length of a round (the event's N minutes).
        changeover_minutes: time to change tables between two rounds.
        starts_at: start of the first round, for timetables with clock times.
        min_meetings: how many meetings everyone should have at least (when possible).
        fill_idle: once the rounds are fixed, seat people who would sit out a round with
            someone of the other side they have not met and who is free too (more meetings,
            never more rounds).

    Raises:
        ValidationError: a non-positive round length, or an id on both sides.
    """
    if round_minutes <= 0:
        raise ValidationError("planner_round_minutes",
                              "La durée d'un tour doit être d'au moins une minute.",
                              field="round_minutes")
    if changeover_minutes < 0:
        raise ValidationError("planner_changeover",
                              "Le temps de changement de table ne peut pas être négatif.",
                              field="changeover_minutes")
    associations = list(dict.fromkeys(associations))
    companies = list(dict.fromkeys(companies))
    if set(associations) & set(companies):
        raise ValidationError("planner_both_sides",
                              "Un participant ne peut pas être à la fois association et "
                              "entreprise dans le même speed-dating.", field="participants")
    pairs, wished, unmet = choose_meetings(associations, companies, wishes, min_meetings)
    colours = colour_bipartite(pairs)
    n_rounds = max(colours.values(), default=-1) + 1
    by_round: list[list[tuple[str, str]]] = [[] for _ in range(n_rounds)]
    for pair, k in colours.items():
        by_round[k].append(pair)
    if fill_idle:
        _fill_idle(by_round, associations, companies, set(pairs))
    # rounds richest in wished meetings first: the awaited meetings happen early
    by_round.sort(key=lambda r: (-sum(p in wished for p in r), -len(r)))
    met = {x for p in pairs for x in p}
    tables = {c: i for i, c in enumerate((c for c in companies if c in met), start=1)}
    rounds = tuple(
        tuple(sorted((Meeting(number, tables[c], a, c, (a, c) in wished) for a, c in r),
                     key=lambda m: m.table))
        for number, r in enumerate(by_round, start=1)
    )
    unplaced = tuple(x for x in (*associations, *companies) if x not in met)
    return Schedule(rounds, tables, round_minutes, changeover_minutes, starts_at,
                    tuple(unmet), unplaced)
