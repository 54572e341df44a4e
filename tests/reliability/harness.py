"""Kill an operation with SIGKILL at random moments and check it landed entirely or not at all.

Each trial copies the starting database, runs the operation in a child process
(``tests/reliability/ops.py``), waits for it to say ``START`` (imports done, database open),
sleeps a random delay within the operation's measured duration and sends SIGKILL (or lets it
finish when the delay is longer). The database then must pass ``db check`` (integrity, schema,
orphans, projection = log) and its state — the row count of every table, and the digest of the
synced tables where the operation is deterministic — must equal either the state before or the
state after an uninterrupted run.

The number of trials per operation is ``PASSERELLE_CRASH_TRIALS`` (default 5: a few dozen in
the normal run); the seed is ``PASSERELLE_CRASH_SEED`` (default: random, printed).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from passerelle.services import maintenance
from passerelle.store import changelog
from passerelle.store.engine import make_engine
from passerelle.store.migrate import current_revision, head_revision

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TRIALS = 5


def trials_wanted() -> int:
    return int(os.environ.get("PASSERELLE_CRASH_TRIALS", DEFAULT_TRIALS))


def seed() -> int:
    return int(os.environ.get("PASSERELLE_CRASH_SEED", random.randrange(1 << 30)))


@dataclass(frozen=True)
class State:
    """What must be all-before or all-after: revision, row counts, optional digest."""

    revision: str | None
    counts: tuple[tuple[str, int], ...]
    digest: str | None


def state(path: Path, *, with_digest: bool) -> State:
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            rev = current_revision(conn)
            tables = [t for (t,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'sqlite_%' AND name NOT LIKE 'search_fts_%' AND name <> 'app_setting' "
                "ORDER BY name")]
            counts = tuple((t, int(conn.exec_driver_sql(f'SELECT COUNT(*) FROM "{t}"').scalar()
                                   or 0)) for t in tables)
            digest = changelog.digest(conn) if with_digest and rev == head_revision() else None
    finally:
        engine.dispose()
    return State(rev, counts, digest)


@dataclass
class Report:
    """Trial counts, printed by the tests."""

    name: str
    seed: int
    killed: int = 0
    finished: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: {"rien": 0, "tout": 0})

    def line(self) -> str:
        return (f"[crash] {self.name}: {self.killed + self.finished} essais (seed {self.seed}) — "
                f"{self.killed} tués, {self.finished} terminés ; base intacte : "
                f"{self.outcomes['rien']} × rien appliqué, {self.outcomes['tout']} × tout appliqué")


def _env() -> dict[str, str]:
    path = os.pathsep.join([str(ROOT / "app"), str(ROOT)])
    return {**os.environ, "PYTHONPATH": path, "PASSERELLE_TEST": "1"}


def run_op(op: str, args: dict[str, Any], delay: float | None, timeout: float = 300
           ) -> tuple[bool, float]:
    """Run ``op``; SIGKILL it ``delay`` seconds after START (None: let it finish).

    Returns (killed, seconds from START to the end).
    """
    proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.ops", op, json.dumps(args)],
                            cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "START":
        _out, err = proc.communicate(timeout=timeout)
        raise AssertionError(f"{op} did not start: {line!r} {err}")
    started = time.perf_counter()
    try:
        proc.wait(timeout=timeout if delay is None else delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True, time.perf_counter() - started
    _out, err = proc.communicate()
    if proc.returncode != 0:
        raise AssertionError(f"{op} failed ({proc.returncode}): {err[-2000:]}")
    return False, time.perf_counter() - started


def crash_trials(name: str, op: str, start_db: Path, work: Path,
                 make_args: Callable[[Path], dict[str, Any]], *, trials: int,
                 deterministic: bool, check_schema: bool = True) -> Report:
    """Measure one full run, then ``trials`` killed runs; assert all-or-nothing each time."""
    rng = random.Random(s := seed())
    report = Report(name, s)
    before = state(start_db, with_digest=deterministic)
    full = work / "full" / start_db.name
    full.parent.mkdir(parents=True)
    shutil.copy(start_db, full)
    _killed, duration = run_op(op, make_args(full), None)
    after = state(full, with_digest=deterministic)
    assert after != before, f"{name}: the operation changed nothing, the test would prove nothing"
    for i in range(trials):
        target = work / f"trial{i}" / start_db.name
        target.parent.mkdir(parents=True)
        shutil.copy(start_db, target)
        killed, _ = run_op(op, make_args(target), rng.uniform(0, duration * 1.05))
        report.killed += killed
        report.finished += not killed
        got = state(target, with_digest=deterministic)
        assert got in (before, after), f"{name} trial {i}: half-applied\n{got}\n{before}\n{after}"
        report.outcomes["rien" if got == before else "tout"] += 1
        if check_schema or got == after:
            result = maintenance.check(target, deep=True)
            assert result.ok, f"{name} trial {i}: {result.errors}"
        shutil.rmtree(target.parent, ignore_errors=True)
    print(report.line())
    return report
