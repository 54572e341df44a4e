"""Benchmarks run on demand: ``python -m pytest -m benchmark tests/benchmarks -s``.

Every figure is printed as a ratio to a floor measured in the same run (raw sqlite3, bare Qt),
never asserted against a wall-clock budget in the normal run.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def timed() -> Iterator[list[float]]:
    """``with timed() as t: ...`` then ``t[0]`` is the elapsed seconds."""
    box: list[float] = []
    start = time.perf_counter()
    yield box
    box.append(time.perf_counter() - start)


def best_of(n: int, fn: Callable[[], Any]) -> float:
    """Best wall time of ``n`` runs (the least disturbed one)."""
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(title: str, rows: list[tuple[str, float, float]]) -> None:
    """Print ``(label, measured s, floor s)`` rows with their ratio."""
    print(f"\n== {title} ==")
    for label, value, floor in rows:
        ratio = value / floor if floor else float("inf")
        print(f"{label:<55} {value * 1000:10.1f} ms   floor {floor * 1000:9.1f} ms   "
              f"× {ratio:6.2f}")
