"""The Linux bundle, built as CI builds it, works on a machine without the project's virtualenv.

The bundle is built with ``installers/build_linux.sh`` (the release recipe), its tarball is
unpacked into an empty folder and the program runs with a bare environment: no virtualenv on
``PATH``, no ``PYTHONPATH``, a fresh ``HOME``. It opens the demo offscreen, renders a
convention, exports a case summary PDF and exits 0. Size and start time against the source run
are printed (``pytest -s`` shows them; CI logs keep them).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("PyInstaller", reason="pip install -e '.[test]' brings PyInstaller")


def _bare_env(home: Path) -> dict[str, str]:
    """What a facilitator's session has: a home, a UTF-8 locale, no Python of ours."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home / "run")}


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _say(config: pytest.Config, text: str) -> None:
    """Print past pytest's capture: the CI log keeps the bundle's figures."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(text)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("pyinstaller-work")
    env = {**os.environ, "PYTHON": sys.executable}
    started = time.perf_counter()
    subprocess.run(["sh", str(ROOT / "installers" / "build_linux.sh"), str(dist), str(work)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=900)
    build_s = time.perf_counter() - started
    tarball = next(dist.glob("passerelle-*-linux-*.tar.gz"))
    machine = tmp_path_factory.mktemp("machine")
    with tarfile.open(tarball) as archive:
        archive.extractall(machine, filter="data")
    shutil.rmtree(work, ignore_errors=True)
    folder = next(machine.glob("passerelle-*"))
    _say(pytestconfig, f"\nbundle: built in {build_s:.0f} s; tarball "
                       f"{tarball.stat().st_size / 1e6:.0f} MB, unpacked "
                       f"{_folder_size(folder) / 1e6:.0f} MB")
    return folder


def test_tarball_carries_the_bundle_the_menu_entry_and_the_installer(bundle: Path) -> None:
    assert os.access(bundle / "passerelle" / "passerelle", os.X_OK)
    assert (bundle / "passerelle" / "_internal" / "resources" / "templates"
            / "convention_mecenat_financier.docx").is_file()
    assert (bundle / "passerelle" / "_internal" / "migrations" / "versions").is_dir()
    qt_translations = bundle / "passerelle" / "_internal" / "PySide6" / "Qt" / "translations"
    assert (qt_translations / "qtbase_fr.qm").is_file()
    desktop = (bundle / "passerelle.desktop").read_text(encoding="utf-8")
    assert "Exec=@PREFIX@/passerelle/passerelle" in desktop and "Name=Passerelle" in desktop
    assert (bundle / "icons" / "passerelle-256.png").is_file()


def test_install_script_installs_per_user_and_removes(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _bare_env(home)
    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    entry = (share / "applications" / "passerelle.desktop").read_text(encoding="utf-8")
    assert f"Exec={share}/passerelle-app/passerelle/passerelle %f" in entry
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "passerelle.png").is_file()
    subprocess.run(["sh", str(bundle / "install.sh"), "--remove"], env=env, check=True,
                   capture_output=True)
    assert not (share / "passerelle-app").exists()


def test_bundle_opens_the_demo_renders_a_convention_and_exports_a_summary(
        bundle: Path, mda_demo: Path, tmp_path: Path, pytestconfig: pytest.Config) -> None:
    home = tmp_path / "home"
    (home / "run").mkdir(parents=True, mode=0o700)
    env = _bare_env(home)
    exe = str(bundle / "passerelle" / "passerelle")
    data_dir = tmp_path / "data"
    demo_db = data_dir / "demo" / "passerelle-demo.sqlite"
    demo_db.parent.mkdir(parents=True)
    shutil.copy(mda_demo, demo_db)  # the demo the first run generates (~15 s), made once

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([exe, *args], env=env, cwd=tmp_path, capture_output=True,
                                text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    started = time.perf_counter()
    run("--data-dir", str(data_dir), "--demo", "--smoke")
    smoke_s = time.perf_counter() - started

    with sqlite3.connect(demo_db) as con:
        reference = con.execute(
            "SELECT reference FROM partnership_file WHERE stage >= 4 AND NOT deleted "
            "ORDER BY reference LIMIT 1").fetchone()[0]
    convention = tmp_path / "convention.docx"
    run("doc", "render", "--db", str(demo_db), "--template", "convention_mecenat_financier",
        "--file", reference, "--out", str(convention))
    with zipfile.ZipFile(convention) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "{{" not in body and "{%" not in body
    assert "Article" in body

    summary = tmp_path / "summary.pdf"
    run("summary", "--db", str(demo_db), "--file", reference, "--out", str(summary))
    assert summary.read_bytes().startswith(b"%PDF") and summary.stat().st_size > 5_000

    quit_env = {**env, "PASSERELLE_QUIT_WHEN_READY": "1"}
    bundle_start = _best_start([exe, "--db", str(demo_db)], quit_env, tmp_path)
    source_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PASSERELLE_QUIT_WHEN_READY": "1",
                  "HOME": str(home), "XDG_RUNTIME_DIR": str(home / "run")}
    source_start = _best_start([sys.executable, "-m", "passerelle", "--db", str(demo_db)],
                               source_env, tmp_path)
    _say(pytestconfig, f"\nbundle: smoke visit of every view {smoke_s:.1f} s; start to a ready "
                       f"window {bundle_start:.2f} s vs source run {source_start:.2f} s "
                       f"(×{bundle_start / source_start:.2f})")


def _best_start(command: list[str], env: dict[str, str], cwd: Path) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
        best = min(best, time.perf_counter() - started)
    return best
