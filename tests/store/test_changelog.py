"""The change-log write path (SYNC.md §1): one change per changed field, in the same
transaction; tombstones; append-only notes; projection rebuilt from the log; audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text, update

from passerelle.domain.errors import ValidationError
from passerelle.services import files, interactions, organisations
from passerelle.store import changelog
from passerelle.store.database import Database
from passerelle.store.models import NoteRevision, Organisation, sync_change, sync_head


def _changes(db: Database, row_id: object) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(r.field, r.value) for r in s.execute(
            select(sync_change.c.field, sync_change.c.value)
            .where(sync_change.c.row_id == str(row_id)).order_by(sync_change.c.hlc))]


def _count_changes(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(sync_change)) or 0)


def test_create_records_one_change_per_field_and_row_alive(db: Database) -> None:
    org = organisations.create_organisation(db, kind="association", name="Les Jardins",
                                            rna="W595000123")
    fields = dict(_changes(db, org.id))
    assert fields["_row"] == '"alive"'
    assert fields["name"] == '"Les Jardins"'
    assert fields["rna"] == '"W595000123"'
    assert "siren" not in fields  # nothing recorded for empty fields


def test_update_records_only_changed_fields_with_parent(db: Database) -> None:
    org = organisations.create_organisation(db, kind="entreprise", name="Imprimerie du Nord")
    n = _count_changes(db)
    organisations.update_organisation(db, org.id, name="Imprimerie du Nord", phone="0353011234")
    assert _count_changes(db) == n + 1  # the unchanged name is not recorded again
    with db.read() as s:
        parents = s.execute(text(
            "SELECT p.parent_hlc FROM sync_change c JOIN sync_change_parent p "
            "ON p.device_id = c.device_id AND p.hlc = c.hlc "
            "WHERE c.row_id = :r AND c.field = 'phone'"), {"r": str(org.id)}).all()
    assert parents == []  # first value of the field: no parent
    organisations.update_organisation(db, org.id, phone="0353019999")
    with db.read() as s:
        heads = s.execute(select(sync_head.c.hlc).where(
            sync_head.c.row_id == str(org.id), sync_head.c.field == "phone")).all()
    assert len(heads) == 1  # local edits keep a single head per field


def test_failed_write_records_nothing(db: Database) -> None:
    n = _count_changes(db)
    with pytest.raises(ValidationError):
        organisations.create_organisation(db, kind="entreprise", name="X", siren="123456789")
    assert _count_changes(db) == n


def test_delete_is_a_tombstone_with_all_heads_as_parents(db: Database) -> None:
    org = organisations.create_organisation(db, kind="association", name="Éphémère")
    organisations.delete_organisation(db, org.id)
    with db.read() as s:
        assert s.get(Organisation, org.id).deleted is True  # the row is kept, hidden
        n_parents = s.execute(text(
            "SELECT COUNT(*) FROM sync_change c JOIN sync_change_parent p "
            "ON p.device_id = c.device_id AND p.hlc = c.hlc "
            "WHERE c.row_id = :r AND c.field = '_row' AND c.value = '\"deleted\"'"),
            {"r": str(org.id)}).scalar()
    assert n_parents == len(dict(_changes(db, org.id)))  # every field head, _row included


def test_physical_delete_and_bulk_update_are_refused(db: Database) -> None:
    org = organisations.create_organisation(db, kind="association", name="Stable")
    with pytest.raises(TypeError), db.write() as s:
        s.delete(s.get(Organisation, org.id))
    with pytest.raises(TypeError), db.write() as s:
        s.execute(update(Organisation).values(name="contourné"))
    assert organisations.get_organisation(db, org.id).name == "Stable"


def test_notes_are_append_only(db: Database) -> None:
    org = organisations.create_organisation(db, kind="association", name="Asso")
    inter = interactions.log_interaction(db, interactions.MeetingInput(
        subject="Appel", organisation_id=org.id, notes="Première version"))
    with pytest.raises(TypeError), db.write() as s:
        rev = s.scalars(select(NoteRevision)).one()
        rev.body = "réécrit"
    interactions.revise_note(db, inter.id, "Deuxième version")
    assert interactions.get_interaction(db, inter.id).notes == "Deuxième version"
    with db.read() as s:
        bodies = sorted(r.body for r in s.scalars(select(NoteRevision)))
    assert bodies == ["Deuxième version", "Première version"]


def test_rebuild_projection_reproduces_tables(db: Database) -> None:
    a = organisations.create_organisation(db, kind="association", name="Les Amis de l'Œuvre",
                                          themes=["culture"])
    c = organisations.create_organisation(db, kind="entreprise", name="Boulangerie")
    p = organisations.create_contact(db, first_name="Amina", last_name="Benali",
                                     organisation_id=a.id, role="Présidente")
    f = files.open_file(db, title="Jardin", association_id=a.id, company_id=c.id)
    interactions.log_interaction(db, interactions.MeetingInput(
        subject="Rencontre", file_id=f.id, participant_ids=[p.id], notes="Notes « 007 »",
        next_steps=[interactions.NextStep("Relancer", dt.date(2026, 12, 1))]))
    files.move_stage(db, f.id, 2)
    organisations.update_organisation(db, a.id, themes=["culture", "sport"], description="")
    organisations.delete_organisation(db, c.id)
    with db.read() as s:
        live = changelog.digest(s.connection())
    with db.write() as s:
        changelog.rebuild_projection(s)
    with db.read() as s:
        assert changelog.digest(s.connection()) == live


def test_audit_answers_who_changed_a_field_and_when(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(db, kind="entreprise", name="Transports Lefebvre")
    clock.now += 60_000
    organisations.update_organisation(db, org.id, name="Transports Lefebvre & Fils")
    with db.read() as s:
        trail = changelog.history(s.connection(), "organisation", org.id, "name")
    assert [(e.old_value, e.new_value) for e in trail] == [
        (None, "Transports Lefebvre"), ("Transports Lefebvre", "Transports Lefebvre & Fils")]
    assert {e.author for e in trail} == {"Camille Test"}
    assert trail[1].device_id == db.device_id
    assert (trail[1].at - trail[0].at).total_seconds() >= 60


def test_hlc_is_monotonic_when_the_wall_clock_steps_back(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    org = organisations.create_organisation(db, kind="association", name="A")
    clock.now -= 2 * 24 * 3600 * 1000  # the laptop clock goes back two days
    organisations.update_organisation(db, org.id, name="B")
    with db.read() as s:
        hlcs = [r[0] for r in s.execute(select(sync_change.c.hlc)
                                        .order_by(sync_change.c.seq))]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert organisations.get_organisation(db, org.id).name == "B"


def test_bulk_create_records_the_same_changes_as_the_orm(db: Database) -> None:
    with db.write() as s:
        ids = changelog.bulk_create(s, Organisation, [
            {"kind": "association", "name": "En masse", "themes": ["sport"]}])
    orm = organisations.create_organisation(db, kind="association", name="En masse",
                                            themes=["sport"])
    bulk_fields = sorted(f for f, _ in _changes(db, ids[0]))
    orm_fields = sorted(f for f, _ in _changes(db, orm.id))
    assert bulk_fields == orm_fields


def test_json_values_keep_their_type(db: Database) -> None:
    org = organisations.create_organisation(db, kind="association", name="007",
                                            postal_code="59100")
    fields = dict(_changes(db, org.id))
    assert fields["name"] == '"007"' and fields["qpv"] == "false"
