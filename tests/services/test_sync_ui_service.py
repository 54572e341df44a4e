"""``services.sync_ui``: the inbox (notes included), resolutions that refuse stale choices, the
shared folder's rules, and the exchange history."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from passerelle.domain.errors import ValidationError
from passerelle.infra import secrets as secrets_mod
from passerelle.infra.secrets import SecretStore
from passerelle.services import interactions, organisations, sync, sync_demo, sync_ui
from passerelle.store import sync_file
from passerelle.store.database import Database
from tests.sync.conftest import CHEAP_KEY_SCRYPT, CHEAP_SYNC_SCRYPT, MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setattr(sync_file, "DEFAULT_SCRYPT", CHEAP_SYNC_SCRYPT)
    monkeypatch.setattr(secrets_mod, "DEFAULT_SCRYPT", CHEAP_KEY_SCRYPT)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> sync_demo.ConflictSample:
    return sync_demo.build_conflict_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture
def pair(built: sync_demo.ConflictSample, tmp_path: Path
         ) -> Iterator[tuple[Database, Database, SecretStore]]:
    """Copies of the sample (each test may write), reopened as their users would."""
    shutil.copy(built.camille, tmp_path / "camille.sqlite")
    shutil.copy(built.karim, tmp_path / "karim.sqlite")
    camille = Database(tmp_path / "camille.sqlite", author="Camille Martin")
    karim = Database(tmp_path / "karim.sqlite", author="Karim Benali")
    sync.on_open(camille)
    sync.on_open(karim)
    yield camille, karim, built.secrets
    camille.close()
    karim.close()


def test_the_inbox_lists_field_delete_edit_and_note_conflicts(pair) -> None:  # type: ignore[no-untyped-def]
    camille, _karim, _secrets = pair
    items = sync_ui.conflict_inbox(camille)
    kinds = sorted((i.kind, i.entity, i.field) for i in items)
    assert kinds == [("delete_edit", "organisation", "_row"), ("field", "contact", "email"),
                     ("field", "organisation", "description"),
                     ("field", "organisation", "phone"), ("note", "interaction", "notes")]
    phone = next(i for i in items if i.field == "phone")
    assert phone.title == "Boulangerie Ducrocq" and phone.value_type == "text"
    assert {(c.author, c.device) for c in phone.choices} == {
        ("Camille Martin", "Portable de Camille"), ("Karim Benali", "Portable de Karim")}
    assert sum(c.winner for c in phone.choices) == 1
    note = next(i for i in items if i.kind == "note")
    assert len(note.notes) == 2 and note.base is not None
    assert note.merged is not None and "1 500 €" in note.merged and "12 mars" in note.merged
    assert sync_ui.pending_conflicts(camille) == len(items)


def test_settling_notes_converges_and_a_continued_revision_reopens_the_conflict(
        pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    camille, karim, secrets = pair
    note = next(i for i in sync_ui.conflict_inbox(camille) if i.kind == "note")
    # Karim, who has not seen Camille's revision, keeps writing on his own one
    his = next(n for n in note.notes if n.author == "Karim Benali")
    interactions.revise_note(karim, note.row_id, his.body + "\nAjout de Karim.",
                             parent_id=uuid.UUID(his.revision_id))
    sync_ui.resolve_note(camille, note, note.merged or "")
    assert all(i.kind != "note" for i in sync_ui.conflict_inbox(camille))
    assert interactions.get_interaction(camille, note.row_id).notes == note.merged

    report = sync.export_full(karim, tmp_path, secrets=secrets)
    sync.import_file(camille, report.path, secrets=secrets)
    again = [i for i in sync_ui.conflict_inbox(camille) if i.kind == "note"]
    assert len(again) == 1  # nothing silently lost: the continuation is shown again
    assert any("Ajout de Karim." in n.body for n in again[0].notes)
    back = sync.export_full(camille, tmp_path, secrets=secrets)
    sync.import_file(karim, back.path, secrets=secrets)
    assert [len(i.notes) for i in sync_ui.conflict_inbox(karim) if i.kind == "note"] == [2]


def test_a_stale_choice_is_refused(pair) -> None:  # type: ignore[no-untyped-def]
    camille, _karim, _secrets = pair
    phone = next(i for i in sync_ui.conflict_inbox(camille) if i.field == "phone")
    sync_ui.resolve_field(camille, phone, phone.choices[1].value)
    with pytest.raises(ValidationError, match="a changé"):
        sync_ui.resolve_field(camille, phone, phone.choices[0].value)
    assert organisations.get_organisation(camille, phone.row_id).phone == phone.choices[1].value


def test_a_merged_value_longer_than_the_field_is_refused(pair) -> None:  # type: ignore[no-untyped-def]
    camille, _karim, _secrets = pair
    email = next(i for i in sync_ui.conflict_inbox(camille) if i.field == "email")
    with pytest.raises(ValidationError, match="trop longue"):
        sync_ui.resolve_field(camille, email, "x" * 300)
    assert sync_ui.pending_conflicts(camille) == 5


def test_the_shared_folder_must_exist_and_must_not_hold_the_database(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="n'existe pas"):
        sync_ui.set_shared_folder(db, tmp_path / "absent")
    with pytest.raises(ValidationError, match="ne doit pas contenir la base"):
        sync_ui.set_shared_folder(db, db.path.parent)
    shared = tmp_path / "partage"
    shared.mkdir()
    assert sync_ui.set_shared_folder(db, shared) == shared
    assert sync_ui.shared_folder(db) == shared
    sync_ui.set_shared_folder(db, None)
    assert sync_ui.shared_folder(db) is None
    with pytest.raises(ValidationError, match="Aucun dossier partagé"):
        sync_ui.new_shared_files(db)


def test_new_shared_files_skip_hidden_partial_and_quarantined_files(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "partage"
    shared.mkdir()
    sync_ui.set_shared_folder(db, shared)
    (shared / ".envoi.ofsync.tmp").write_bytes(b"x")
    (shared / "envoi.ofsync.part").write_bytes(b"x")
    damaged = shared / "abime.ofsync"
    damaged.write_bytes(b"pas un fichier de synchronisation")
    assert sync_ui.new_shared_files(db) == [damaged]
    batch = sync_ui.import_files(db, [damaged], SecretStore())
    assert batch.outcomes[0].result == "quarantined"
    assert damaged.exists()  # the shared copy is not moved out of everyone's folder
    assert sync_ui.new_shared_files(db) == []  # and not retried until it changes


def test_history_is_bounded_and_newest_first(db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sync_ui, "HISTORY_LIMIT", 3)
    sync_ui.create_team(db, SecretStore())
    for _ in range(4):
        sync_ui.export_changes(db, tmp_path, SecretStore())
    history = sync_ui.exchange_history(db)
    assert len(history) == 3 and [e.direction for e in history] == ["export"] * 3
    assert history[0].at >= history[-1].at


def test_a_reference_conflict_names_the_records_and_leads_to_the_file(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from passerelle.services import files

    camille, karim, secrets = pair
    first = organisations.create_organisation(camille, kind="entreprise", name="Imprimerie Nord")
    second = organisations.create_organisation(camille, kind="entreprise", name="Fonderie Sud")
    file = files.open_file(camille, title="Affiches solidaires")
    report = sync.export_full(camille, tmp_path, secrets=secrets)
    sync.import_file(karim, report.path, secrets=secrets)
    files.update_file(camille, file.id, company_id=first.id)
    files.update_file(karim, file.id, company_id=second.id)
    report = sync.export_full(karim, tmp_path, secrets=secrets)
    sync.import_file(camille, report.path, secrets=secrets)

    item = next(i for i in sync_ui.conflict_inbox(camille) if i.field == "company_id")
    assert item.value_type == "uuid" and item.file_id == str(file.id)
    assert item.title.endswith("Affiches solidaires")
    assert {c.label for c in item.choices} == {"Imprimerie Nord", "Fonderie Sud"}
    sync_ui.resolve_field(camille, item, next(c.value for c in item.choices
                                              if c.label == "Fonderie Sud"))
    assert files.get_file(camille, file.id).company_id == second.id


def test_cancel_stops_between_files_and_a_cancelled_export_leaves_no_file(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import threading

    sync_ui.create_team(db, SecretStore())
    out = tmp_path / "sortie"
    out.mkdir()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(sync_ui.Cancelled):
        sync_ui.export_changes(db, out, SecretStore(), cancel=cancel)
    assert list(out.iterdir()) == [] and sync_ui.exchange_history(db) == []

    files = [sync_ui.export_changes(db, out, SecretStore()).path for _ in range(2)]
    stop = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:
            stop.set()  # the user clicks « Annuler » while the first file is imported

    batch = sync_ui.import_files(db, files, SecretStore(), progress=progress, cancel=stop)
    assert batch.cancelled and [o.path for o in batch.outcomes] == files[:1]
    assert seen[0] == (0, 2)


def test_history_includes_imports_made_outside_the_window(pair) -> None:  # type: ignore[no-untyped-def]
    _camille, karim, _secrets = pair
    history = sync_ui.exchange_history(karim)  # Karim's first import went through the engine
    assert [(e.direction, e.result) for e in history][-1] == ("import", "ok")
    assert history[-1].peer is not None and "Camille Martin" in history[-1].peer
    assert history[-1].n_changes and history[-1].n_changes > 0
