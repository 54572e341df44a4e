"""Desk benchmarks on the metropolis dataset (DESIGN.md §8), as ratios to raw SQLite / bare Qt.

The metropolis database is generated once (several minutes) into
``$PASSERELLE_BENCH_DIR`` (default ``~/.cache/passerelle-bench``) and reused by later runs.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from passerelle.services import files as file_service
from passerelle.services.lists import ContactRows, FileRows, ListQuery, OrganisationRows
from passerelle.services.search import global_search
from passerelle.store.changelog import bulk_create
from passerelle.store.database import Database
from passerelle.store.models import Interaction, NoteRevision

from .conftest import best_of, peak_rss_mb, report

pytestmark = pytest.mark.benchmark

BENCH_DIR = Path(os.environ.get("PASSERELLE_BENCH_DIR", Path.home() / ".cache"
                                / "passerelle-bench"))
BIG_FILE_REF = "D-2026-9500"


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


@pytest.fixture(scope="module")
def metro_db(metro: Path) -> Database:
    db = Database(metro)
    _ensure_big_file(db)
    return db


def _ensure_big_file(db: Database) -> None:
    """One file with 500 timeline entries (the demo's files have about twenty)."""
    try:
        file_service.resolve_file(db, BIG_FILE_REF)
        return
    except Exception:  # noqa: BLE001 - absent: create it below
        pass
    with db.read() as s:
        assoc, comp = s.execute(__import__("sqlalchemy").text(
            "SELECT f.association_id, f.company_id FROM partnership_file f JOIN organisation o "
            "ON o.id = f.association_id WHERE o.kind = 'association' LIMIT 1")).one()
    f = file_service.open_file(db, title="Dossier de 500 échanges (benchmark)",
                               association_id=assoc, company_id=comp)
    start = datetime(2024, 1, 1, 9)
    inters = [{"file_id": f.id, "kind": "reunion", "occurred_at": start + timedelta(days=i),
               "subject": f"Réunion n° {i}", "duration_minutes": 60} for i in range(500)]
    with db.write() as s:
        ids = bulk_create(s, Interaction, inters)
        bulk_create(s, NoteRevision, [
            {"interaction_id": iid, "body": "Compte rendu détaillé de la réunion. " * 20,
             "written_at": start + timedelta(days=i)} for i, iid in enumerate(ids)])
        s.execute(__import__("sqlalchemy").text(
            "UPDATE partnership_file SET reference = :r WHERE id = :i"),
            {"r": BIG_FILE_REF, "i": str(f.id)})


def test_list_opening(metro: Path, metro_db: Database, qapp) -> None:  # type: ignore[no-untyped-def]
    from passerelle.ui.models.id_table_model import IdTableModel

    raw = sqlite3.connect(metro)

    def raw_first_page(table: str, order: str) -> None:
        ids = [r[0] for r in raw.execute(
            f"SELECT rowid FROM {table} WHERE deleted = 0 ORDER BY {order}")]
        marks = ",".join("?" * 50)
        raw.execute(f"SELECT * FROM {table} WHERE rowid IN ({marks})", ids[:50]).fetchall()

    rows = []
    for label, source_cls, table, order in (
            ("organisations", OrganisationRows, "organisation", "name"),
            ("contacts", ContactRows, "contact", "last_name, first_name"),
            ("files", FileRows, "partnership_file", "reference")):
        source = source_cls(metro_db)

        def open_list(source=source) -> None:  # type: ignore[no-untyped-def]
            model = IdTableModel(source, [str(c) for c in source.columns])
            model.set_query(ListQuery())
            for r in range(50):
                model.data(model.index(r, 0))

        rows.append((f"open {label} list, first page",
                     best_of(3, open_list), best_of(3, lambda t=table, o=order:
                                                    raw_first_page(t, o))))
    report("List opening (metropolis)", rows)
    print(f"peak RSS {peak_rss_mb():.0f} MB")


def test_search_as_you_type(metro: Path, metro_db: Database) -> None:
    raw = sqlite3.connect(metro)
    word = "boulangerie"
    rows = []
    for i in range(1, len(word) + 1):
        prefix = word[:i]
        ours = best_of(3, lambda p=prefix: global_search(metro_db, p))
        floor = best_of(3, lambda p=prefix: raw.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 400",
            (f'"{p}"*',)).fetchall())
        rows.append((f"keystroke « {prefix} »", ours, floor))
    report("Search as you type (metropolis)", rows)


def test_file_detail_with_500_entries(metro: Path, metro_db: Database) -> None:
    raw = sqlite3.connect(metro)
    fid = file_service.resolve_file(metro_db, BIG_FILE_REF)

    def floor() -> None:
        raw.execute("SELECT i.id, i.occurred_at, i.subject, n.body FROM interaction i "
                    "LEFT JOIN note_revision n ON n.interaction_id = i.id "
                    "WHERE i.file_id = ? ORDER BY i.occurred_at DESC", (str(fid),)).fetchall()

    from passerelle.services.pipeline import file_overview

    report("File detail with 500 timeline entries", [
        ("file_overview (what the detail view loads)",
         best_of(5, lambda: file_overview(metro_db, fid)), best_of(5, floor))])


_BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1366, 768); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_start_up_to_a_usable_main_window(metro: Path, tmp_path: Path) -> None:
    """Wall and CPU time to the start-up window on screen (navigation, search field, Accueil's
    skeleton: ui/startup_window.py) and to the main window with Accueil's data, vs a bare window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PASSERELLE_QUIT_WHEN_READY": "1"}
    bare_runs: list[tuple[float, float]] = []
    our_runs: list[dict[str, float]] = []

    def bare() -> None:
        cpu, start = _child_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-c", _BARE_WINDOW], env=env, check=True)
        bare_runs.append((time.perf_counter() - start, _child_cpu() - cpu))

    def ours() -> None:
        cpu, wall0, start = _child_cpu(), time.time(), time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "passerelle", "--db", str(metro),
                               "--data-dir", str(tmp_path / "data")], env=env, check=True,
                              capture_output=True, text=True)
        run = {"exit": time.perf_counter() - start, "cpu": _child_cpu() - cpu}
        for line in done.stderr.splitlines():
            if line.startswith("passerelle-startup "):
                event, _, stamp = line.split()[1].partition("=")
                run[event] = float(stamp) - wall0
        our_runs.append(run)

    for _ in range(3):  # interleaved: a loaded machine disturbs both alike
        bare()
        ours()
    floor = min(w for w, _ in bare_runs)
    floor_cpu = min(c for _, c in bare_runs)
    report("Start-up (metropolis), wall time", [
        ("start-up window on screen (nav, search, Accueil skeleton)",
         min(r["shown"] for r in our_runs), floor),
        ("database open (upgrade check, device identity)", min(r["opened"] for r in our_runs),
         floor),
        ("main window built and shown", min(r["main_window"] for r in our_runs), floor),
        ("main window usable, Accueil's data shown", min(r["ready"] for r in our_runs), floor),
        ("whole run (start, Accueil loaded, quit)", min(r["exit"] for r in our_runs), floor)])
    report("Start-up (metropolis), CPU time (user + system)", [
        ("whole run (start, Accueil loaded, quit)", min(r["cpu"] for r in our_runs),
         floor_cpu)])


_MEASURE_PEAK = """
import resource, sys
from passerelle.cli import main
code = main(sys.argv[1:])
print(f"peak-rss-kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
sys.exit(code)
"""


def test_peak_memory_with_every_view_visited(metro: Path, tmp_path: Path) -> None:
    """Peak RSS of the GUI on metropolis after visiting every view and the busiest file
    (the smoke run), against DESIGN.md §8's 400 MB budget."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _MEASURE_PEAK, "--db", str(metro), "--smoke",
                           "--data-dir", str(tmp_path / "data")], env=env,
                          capture_output=True, text=True)
    peak = [int(line.split("=")[1]) for line in done.stdout.splitlines()
            if line.startswith("peak-rss-kb=")]
    print("\n== Peak memory (metropolis, every view visited) ==")
    print(f"peak RSS {peak[0] / 1024 if peak else float('nan'):.0f} MB   budget 400 MB   "
          f"smoke exit code {done.returncode}")
    if done.returncode:
        print(done.stderr[-2000:])
