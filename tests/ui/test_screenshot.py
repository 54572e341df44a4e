"""``take_screenshots``: one readable PNG per view, the file detail, search and meeting dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QImage

from passerelle.services import events as event_service
from passerelle.services import files as file_service
from passerelle.services import interactions as interaction_service
from passerelle.services import organisations as org_service
from passerelle.store.database import Database
from passerelle.ui.main_window import VIEW_KEYS
from passerelle.ui.screenshot import take_screenshots


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


def _small_base(db: Database) -> None:
    assoc = org_service.create_organisation(db, kind="association", name="Chantier d'insertion",
                                            commune_name="Roubaix")
    org_service.create_contact(db, first_name="Inès", last_name="Delahaye",
                               organisation_id=assoc.id, role="Coordinatrice")
    company = org_service.create_organisation(db, kind="entreprise", name="Imprimerie Nord")
    file = file_service.open_file(db, title="Affiches solidaires", association_id=assoc.id,
                                  company_id=company.id)
    interaction_service.log_interaction(db, interaction_service.MeetingInput(
        subject="Premier rendez-vous", file_id=file.id, notes="Point sur l'insertion.",
        next_steps=[interaction_service.NextStep("Envoyer le devis")]))
    event = event_service.create_event(db, kind="speed_dating", title="Speed-dating",
                                       starts_at=datetime(2026, 3, 5, 9, 0))
    event_service.invite(db, event.id, [assoc.id, company.id])
    event_service.set_status(db, event.id, {assoc.id: "present", company.id: "present"})


def test_one_png_per_view(qapp, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _small_base(db)
    written = take_screenshots(db, tmp_path / "shots", size=(1366, 768))
    names = [p.name for p in written]
    assert names[: len(VIEW_KEYS)] == [f"{n:02d}_{key}.png"
                                       for n, key in enumerate(VIEW_KEYS, start=1)]
    assert [n.split("_", 1)[1] for n in names[len(VIEW_KEYS):]] == [
        "organisation_detail.png", "contact_detail.png", "contact_rgpd.png",
        "history_dialog.png", "file_detail.png", "search.png",
        "meeting_dialog.png", "observatory_2.png", "observatory_3.png", "event_detail.png",
        "speed_dating_plan.png", "guide.png", "welcome_wizard.png", "welcome_profile.png",
        "conflicts_inbox.png", "conflicts_notes.png", "sync_history.png", "import_mapping.png",
        "import_report.png", "duplicate_warning.png", "merge_dialog.png"]
    for path in written:
        image = QImage(str(path))
        assert path.stat().st_size > 5_000, path
        assert (image.width(), image.height()) == (1366, 768), path
        colours = {image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 29)}
        assert len(colours) > 8, f"{path.name} looks blank"


def test_empty_database_still_covers_every_view(qapp, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = take_screenshots(db, tmp_path)
    # no file to detail; search, meeting, the observatory's lower charts, the guide, the
    # wizard's two pages, the sync sample's inbox, notes and history, and the import dialog's
    # two steps remain
    assert len(written) == len(VIEW_KEYS) + 12
    assert all(p.stat().st_size > 0 for p in written)
