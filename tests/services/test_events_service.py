"""Events: organise, invite (mail merge), attendance, speed-dating plan, encounters → files."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import docx
import pytest
from sqlalchemy import func, select

from passerelle.domain.errors import ValidationError
from passerelle.domain.stages import Stage
from passerelle.services import documents as ds
from passerelle.services import event_schedule
from passerelle.services import events as ev
from passerelle.services import files as file_service
from passerelle.services import organisations as org_service
from passerelle.store.database import Database
from passerelle.store.models import Document, Interaction, PartnershipFile

WHEN = datetime(2026, 5, 12, 9, 0)


@pytest.fixture
def event(db: Database) -> dict[str, object]:
    org = org_service.create_organisation
    assocs = [org(db, kind="association", name=f"Association {n}", commune_insee="59512",
                  commune_name="Roubaix") for n in "ABC"]
    comps = [org(db, kind="entreprise", name=f"Entreprise {n}", size="PME") for n in "XY"]
    e = ev.create_event(db, kind="speed_dating", title="Speed-dating de printemps",
                        starts_at=WHEN, place="Maison des associations", commune_insee="59512")
    assert ev.invite(db, e.id, [o.id for o in assocs + comps]) == 5
    return {"event": e, "assocs": assocs, "comps": comps}


def test_create_edit_and_validate(db: Database) -> None:
    e = ev.create_event(db, kind="petit_dejeuner", title="Petit-déjeuner RSE", starts_at=WHEN)
    assert e.round_minutes is None and e.commune_name is None
    e = ev.update_event(db, e.id, place="CCI", notes="Café offert", commune_insee="59350")
    assert (e.place, e.notes, e.commune_name) == ("CCI", "Café offert", "Lille")
    with pytest.raises(ValidationError) as err:
        ev.create_event(db, kind="kermesse", title="x", starts_at=WHEN)
    assert err.value.message_key == "event_kind"
    with pytest.raises(ValidationError):
        ev.update_event(db, e.id, title="Changé", round_minutes=0)
    assert ev.get_event(db, e.id).title == "Petit-déjeuner RSE"
    assert ev.create_event(db, kind="speed_dating", title="SD",
                           starts_at=WHEN).round_minutes == 7


def test_invite_register_attend(db: Database, event: dict) -> None:  # type: ignore[type-arg]
    e, (a, b, c), (x, y) = event["event"], event["assocs"], event["comps"]
    assert ev.invite(db, e.id, [a.id]) == 0  # already invited: nothing doubled
    ev.set_status(db, e.id, {a.id: "inscrit", b.id: "present", x.id: "absent"})
    detail = ev.event_detail(db, e.id)
    by_name = {p.name: p for p in detail.participants}
    assert by_name["Association A"].status == "inscrit"
    assert by_name["Entreprise X"].company_side and not by_name["Association B"].company_side
    with pytest.raises(ValidationError):
        ev.set_status(db, e.id, {c.id: "present", y.id: "peut-être"})
    assert {p.name: p.status for p in ev.participants(db, e.id)}["Association C"] == "invite"
    ev.remove_participant(db, e.id, c.id)
    assert len(ev.participants(db, e.id)) == 4
    assert ev.invite(db, e.id, [c.id]) == 1


def test_wishes_and_plan(db: Database, event: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    e, (a, b, c), (x, y) = event["event"], event["assocs"], event["comps"]
    ev.set_status(db, e.id, {o.id: "present" for o in (a, b, c, x, y)})
    ev.set_wishes(db, e.id, a.id, [x.id, y.id])
    ev.set_wishes(db, e.id, y.id, [b.id])
    with pytest.raises(ValidationError) as err:
        ev.set_wishes(db, e.id, a.id, [b.id])
    assert err.value.message_key == "event_wish_same_side"
    result = ev.plan(db, e.id, changeover_minutes=3)
    sched = result.schedule
    pairs = {(result.names[m.association], result.names[m.company], m.wished)
             for m in sched.meetings}
    assert {("Association A", "Entreprise X", True), ("Association A", "Entreprise Y", True),
            ("Association B", "Entreprise Y", True)} <= pairs
    assert {p[0] for p in pairs} == {"Association A", "Association B", "Association C"}
    assert len(sched.rounds) == max(
        sum(x in (mm.association, mm.company) for mm in sched.meetings)
        for x in result.names)
    assert sched.round_start(2) == datetime(2026, 5, 12, 9, 10)
    out = event_schedule.write_schedule_docx(result, tmp_path / "planning.docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Planning du speed-dating — Speed-dating de printemps" in text
    assert "Tour 1 — 09:00" in text and "Programme de chaque participant" in text
    cells = {c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells}
    assert "Association A ★" in cells and "Entreprise X" in cells
    # absent participants are not planned
    ev.set_status(db, e.id, {c.id: "absent"})
    assert "Association C" not in {ev.plan(db, e.id).names[m.association]
                                   for m in ev.plan(db, e.id).schedule.meetings}


def test_encounter_opens_then_reuses_file(db: Database, event: dict) -> None:  # type: ignore[type-arg]
    e, (a, _b, _c), (x, _y) = event["event"], event["assocs"], event["comps"]
    first = ev.log_encounter(db, e.id, a.id, x.id, notes="Intéressés par un atelier CV")
    assert first.created_file and first.file_reference
    f = file_service.get_file(db, first.file_id)
    assert f.stage is Stage.MATCHING and f.origin == "evenement"
    again = ev.log_encounter(db, e.id, a.id, x.id)
    assert not again.created_file and again.file_id == first.file_id
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PartnershipFile)) == 1
        kinds = s.scalars(select(Interaction.kind).where(Interaction.event_id == e.id)).all()
    assert kinds == ["rencontre_evenement", "rencontre_evenement"]
    listed = ev.event_detail(db, e.id).encounters
    assert [x.notes for x in listed] == ["Intéressés par un atelier CV", ""]
    assert listed[0].company_name == "Entreprise X"


def test_invitations_batch(db: Database, event: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    e, (a, _b, _c), _ = event["event"], event["assocs"], event["comps"]
    ev.set_status(db, e.id, {a.id: "present"})
    ticks: list[tuple[int, int]] = []
    batch = ev.render_invitations(db, e.id, tmp_path / "inv",
                                  progress=lambda d, t: ticks.append((d, t)))
    assert len(batch.paths) == 4 and ticks[-1] == (4, 4)  # present ones are not re-invited
    text = "\n".join(p.text for p in docx.Document(str(batch.paths[0])).paragraphs)
    assert "Speed-dating de printemps" in text and "Association B" in text
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Document)
                        .where(Document.event_id == e.id)) == 4
    assert ev.event_detail(db, e.id).documents == 4
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ds.BatchCancelled):
        ev.render_invitations(db, e.id, tmp_path / "inv2", cancel=cancel)
    assert not list((tmp_path / "inv2").glob("*.docx"))
    with pytest.raises(ValidationError):
        ev.render_invitations(db, e.id, tmp_path / "inv3", organisation_ids=[])
