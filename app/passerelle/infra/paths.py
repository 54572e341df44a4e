"""User data locations (platformdirs), overridable with ``--data-dir`` (tests, portable use)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Passerelle"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Every folder the app writes to, derived from one data directory."""

    data_dir: Path

    @classmethod
    def default(cls, override: Path | None = None) -> AppPaths:
        base = override or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls(Path(base))

    @property
    def database(self) -> Path:
        return self.data_dir / "passerelle.sqlite"

    @property
    def demo_database(self) -> Path:
        return self.data_dir / "demo" / "passerelle-demo.sqlite"

    @property
    def backups(self) -> Path:
        return self.data_dir / "sauvegardes"

    @property
    def logs(self) -> Path:
        return self.data_dir / "journaux"

    @property
    def documents(self) -> Path:
        return self.data_dir / "documents"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.backups, self.logs, self.documents):
            folder.mkdir(parents=True, exist_ok=True)
