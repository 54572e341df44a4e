"""Observatory benchmark on the metropolis dataset (DESIGN.md §8: dashboard ≤ 300 ms).

Printed as ratios to floors measured in the same run:
- the same SQL statements run through bare ``sqlite3`` (what the service adds: SQLAlchemy,
  parameters, dataclasses);
- a bare scan of the tables the figures read (the least any dashboard could cost).

The metropolis database is generated once (several minutes) into ``$PASSERELLE_BENCH_DIR``
(default ``~/.cache/passerelle-bench``) and only read here.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from passerelle.services import observatory
from passerelle.services.observatory import ObservatoryFilter
from passerelle.store.database import Database

from .conftest import best_of, report

pytestmark = pytest.mark.benchmark

BENCH_DIR = Path(os.environ.get("PASSERELLE_BENCH_DIR", Path.home() / ".cache"
                                / "passerelle-bench"))
BUDGET_S = 0.300


@pytest.fixture(scope="module")
def metro() -> Path:
    path = BENCH_DIR / "metropolis.sqlite"
    if not path.exists():
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".partial")
        tmp.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "passerelle", "demo", "--db", str(tmp),
                        "--scale", "metropolis"], check=True)
        tmp.rename(path)
    return path


def _best(n: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Best wall time and best CPU time (this process) of ``n`` runs.

    CPU time is printed too because this 2-core machine is shared: with other work running,
    wall time measures the queue as much as the dashboard.
    """
    wall = cpu = float("inf")
    for _ in range(n):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu


def test_dashboard_figures(metro: Path) -> None:
    db = Database(metro)
    con = sqlite3.connect(f"file:{metro}?mode=ro", uri=True)
    try:
        filters = {
            "whole territory": ObservatoryFilter(),
            "one facilitator, one year": ObservatoryFilter(
                facilitator="Nadia Haddad (MDA Roubaix)", start=date(2025, 1, 1),
                end=date(2025, 12, 31)),
            "QPV only": ObservatoryFilter(qpv=True),
        }
        rows = []
        whole = (0.0, 0.0)
        for name, flt in filters.items():
            params = observatory._params(flt)
            observatory.compute(db, flt)  # warm the page cache
            measured = _best(5, lambda f=flt: observatory.compute(db, f))

            def raw(p: dict[str, object] = params) -> None:
                for sql in observatory.DASHBOARD_STATEMENTS:
                    con.execute(sql, p).fetchall()

            floor = _best(5, raw)
            rows.append((f"compute ({name}) / same SQL, bare sqlite3, serial", *measured[:1],
                         floor[0]))
            rows.append((f"  CPU time, same ({name})", measured[1], floor[1]))
            if name == "whole territory":
                whole = measured
        scan = _best(5, lambda: [con.execute(sql).fetchall() for sql in (
            "SELECT id, stage, status, category, company_id, commune_insee, qpv, themes,"
            " brakes FROM partnership_file WHERE deleted = 0",
            "SELECT file_id, to_stage, at FROM stage_change WHERE deleted = 0",
            "SELECT file_id, status, signed_on, cash_cents FROM agreement WHERE deleted = 0")])
        rows.append(("compute (whole territory) / bare scans of the 3 tables", whole[0], scan[0]))
        # the two statements run side by side: on an idle 2-core machine the dashboard costs
        # about the longer one, whose CPU time is printed against the whole serial CPU time
        params = observatory._params(ObservatoryFilter())
        parts = [_best(5, lambda q=sql: con.execute(q, params).fetchall())
                 for sql in observatory.DASHBOARD_STATEMENTS]
        for index, (_, cpu) in enumerate(parts, start=1):
            rows.append((f"  CPU of statement {index} / CPU of both, serial", cpu,
                         sum(c for _, c in parts)))
        report("Observatory dashboard (metropolis)", rows)
        n_files = con.execute("SELECT COUNT(*) FROM partnership_file").fetchone()[0]
        print(f"files: {n_files}; target {BUDGET_S * 1000:.0f} ms: wall {whole[0] * 1000:.0f} ms, "
              f"CPU {whole[1] * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
    finally:
        con.close()
        db.close()


def test_dashboard_view(metro: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """The Observatoire view from refresh to every chart drawn (figures + QtCharts)."""
    from passerelle.ui.context import DataBus, UiContext
    from passerelle.ui.tasks import TaskRunner
    from passerelle.ui.views.observatory import ObservatoryView

    db = Database(metro)
    runner = TaskRunner(serial=True)
    try:
        view = ObservatoryView(UiContext(db=db, runner=runner, bus=DataBus()))
        view.resize(1366, 768)
        view.show()
        qapp.processEvents()

        def load() -> None:
            view.refresh(reload_choices=False)
            view.grab()  # charts laid out and painted

        measured = best_of(3, load)
        start = time.perf_counter()
        observatory.compute(db)
        figures = time.perf_counter() - start
        report("Observatoire view (metropolis)", [
            ("view refresh + paint / observatory.compute alone", measured, figures)])
        view.close()
    finally:
        runner.shutdown()
        db.close()
