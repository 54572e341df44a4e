"""End-to-end smoke test: the real command, as a subprocess, offscreen (STYLE.md 7.8)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def test_app_opens_the_demo_visits_every_view_and_exits_cleanly(mda_demo: Path,
                                                                tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    demo_path = data_dir / "demo" / "passerelle-demo.sqlite"
    demo_path.parent.mkdir(parents=True)
    shutil.copy(mda_demo, demo_path)  # the demo the first run would generate
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "passerelle", "--data-dir", str(data_dir), "--demo", "--smoke"],
        env=env, capture_output=True, text=True, timeout=240, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    log = (data_dir / "journaux" / "passerelle.log").read_text(encoding="utf-8")
    errors = [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert errors == []
