"""Synchronisation in the window: export then import through the menu, the conflict inbox and
its badge, « Restaurer », refused files, the shared folder, and team keys — with a keyring that
lives in memory (tests never touch the real one) and cheap key derivation."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton, QTableWidget, QTextBrowser

from passerelle.infra import secrets as secrets_mod
from passerelle.infra.secrets import SecretStore
from passerelle.services import interactions, organisations, sync, sync_demo, sync_ui
from passerelle.services.sync_ui import BatchReport
from passerelle.store import changelog, sync_file
from passerelle.store.database import Database
from passerelle.ui import sync_menu as sync_menu_mod
from passerelle.ui.context import DataBus, UiContext
from passerelle.ui.dialogs.sync_dialogs import (
    ExportDialog,
    HistoryDialog,
    ImportSummaryDialog,
    PassphraseDialog,
    SharedFolderDialog,
    TeamDialog,
)
from passerelle.ui.main_window import MainWindow
from passerelle.ui.tasks import TaskRunner
from passerelle.ui.views.conflicts import ConflictsView
from tests.sync.conftest import CHEAP_KEY_SCRYPT, CHEAP_SYNC_SCRYPT, MemoryKeyring


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setattr(sync_file, "DEFAULT_SCRYPT", CHEAP_SYNC_SCRYPT)
    monkeypatch.setattr(secrets_mod, "DEFAULT_SCRYPT", CHEAP_KEY_SCRYPT)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class Recorder:
    """Stands in for the modal boxes and dialogs: records what the user would have seen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.infos: list[str] = []
        self.errors: list[BaseException] = []
        self.summaries: list[BatchReport] = []
        self.passphrases: list[str] = []
        self.asked: list[str] = []
        recorder = self

        def information(_parent: Any, _title: str, text: str, *a: Any) -> Any:
            recorder.infos.append(text)
            return QMessageBox.StandardButton.Ok

        def present(report: BatchReport, _parent: Any) -> bool:
            recorder.summaries.append(report)
            return False

        def ask(_parent: Any, _title: str, explanation: str, *, create: bool = False
                ) -> str | None:
            recorder.asked.append(explanation)
            return recorder.passphrases.pop(0) if recorder.passphrases else None

        monkeypatch.setattr(QMessageBox, "information", information)
        monkeypatch.setattr(sync_menu_mod, "show_error",
                            lambda _parent, exc: recorder.errors.append(exc))
        monkeypatch.setattr(ImportSummaryDialog, "present", present)
        monkeypatch.setattr(PassphraseDialog, "ask", ask)


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


def _window(qtbot, ctx: UiContext) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


@pytest.fixture
def second(qapp, tmp_path: Path) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    """A colleague's laptop: another database, its own UI context."""
    (tmp_path / "colleague").mkdir()
    db = Database(tmp_path / "colleague" / "karim.sqlite", author="Karim Benali")
    runner = TaskRunner(serial=True)
    yield UiContext(db=db, runner=runner, bus=DataBus())
    runner.shutdown()
    db.close()


def _digest(db: Database) -> str:
    with db.read() as s:
        return changelog.digest(s.connection())


def test_export_then_import_into_a_second_database_through_the_menu(
        qtbot, ui_ctx, second, tmp_path, monkeypatch, seen) -> None:  # type: ignore[no-untyped-def]
    sync_ui.create_team(ui_ctx.db, SecretStore())
    org = organisations.create_organisation(ui_ctx.db, kind="association",
                                            name="Les Amis du Parc")
    outbox = tmp_path / "cle-usb"
    outbox.mkdir()
    monkeypatch.setattr(ExportDialog, "ask", lambda *_a, **_k: (outbox, None))
    window = _window(qtbot, ui_ctx)
    window.sync_menu.export_action.trigger()

    files = list(outbox.glob("*.ofsync"))
    assert len(files) == 1 and not seen.errors
    assert files[0].name in seen.infos[0] and "clé d'équipe" in seen.infos[0]
    assert [e.direction for e in sync_ui.exchange_history(ui_ctx.db)] == ["export"]

    colleague = _window(qtbot, second)
    monkeypatch.setattr(sync_menu_mod.SyncMenu, "ask_import_paths", lambda _self: files)
    colleague.sync_menu.import_action.trigger()

    assert not seen.errors
    report = seen.summaries[-1]
    assert report.new_changes > 0 and report.conflicts_total == 0 and not report.failed
    assert organisations.get_organisation(second.db, org.id).name == "Les Amis du Parc"
    assert sync.team_of(second.db) == sync.team_of(ui_ctx.db)
    assert _digest(second.db) == _digest(ui_ctx.db)
    assert colleague.sync_menu.badge.isHidden()
    history = sync_ui.exchange_history(second.db)
    assert history[0].direction == "import" and history[0].result == "ok"
    assert history[0].n_changes == report.new_changes

    # importing it again changes nothing and says so
    colleague.sync_menu.import_action.trigger()
    assert seen.summaries[-1].outcomes[0].result == "already"
    assert _digest(second.db) == _digest(ui_ctx.db)


@pytest.fixture
def sample(qapp, tmp_path: Path) -> Iterator[UiContext]:  # type: ignore[no-untyped-def]
    """Camille's laptop after importing Karim's concurrent edits (5 real conflicts)."""
    built = sync_demo.build_conflict_sample(tmp_path / "sample")
    db = Database(built.camille, author="Camille Martin")
    runner = TaskRunner(serial=True)
    yield UiContext(db=db, runner=runner, bus=DataBus())
    runner.shutdown()
    db.close()


def _inbox(qtbot, window: MainWindow) -> ConflictsView:  # type: ignore[no-untyped-def]
    window.sync_menu.conflicts_action.trigger()
    view = window.current_view()
    assert isinstance(view, ConflictsView)
    qtbot.waitUntil(lambda: not view._stale)
    return view


def _select(view: ConflictsView, entity: str, field: str) -> sync_ui.InboxItem:
    item = next(i for i in view.items if i.entity == entity and i.field == field)
    assert view.select(item.key)
    return item


def test_resolving_conflicts_in_the_inbox_changes_values_and_empties_the_badge(
        qtbot, sample, seen) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample)
    menu = window.sync_menu
    assert menu.pending == 5 and menu.badge.isVisible()
    assert menu.badge.text() == "5 conflits à examiner"
    view = _inbox(qtbot, window)
    assert window.current_view_key() == "conflicts"
    assert len(view.items) == 5 and view.list.count() == 5

    phone = _select(view, "organisation", "phone")
    assert {c.author for c in phone.choices} == {"Camille Martin", "Karim Benali"}
    camille = next(n for n, c in enumerate(phone.choices) if c.author == "Camille Martin")
    radio = view.detail.findChild(QRadioButton, f"choice_{camille}")
    assert "03 20 44 55 66" in radio.text()  # the value as people write it
    radio.setChecked(True)
    assert view.keep_button is not None
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    assert not seen.errors
    assert organisations.get_organisation(sample.db, phone.row_id).phone == "+33320445566"
    assert menu.pending == 4 and menu.badge.text() == "4 conflits à examiner"
    assert len(view.items) == 4

    # a merged value typed by hand
    description = _select(view, "organisation", "description")
    assert view.merged_edit is not None
    view.merged_edit.setPlainText("Boulangerie artisanale (Épeule), 14 salariés ; mécénat en "
                                  "nature.")
    assert view.choice_group.checkedId() == -2
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    assert organisations.get_organisation(sample.db, description.row_id).description == (
        "Boulangerie artisanale (Épeule), 14 salariés ; mécénat en nature.")

    # the notes: the automatic merge keeps both edits
    note = next(i for i in view.items if i.kind == "note")
    assert view.select(note.key)
    assert view.note_edit is not None and "1 500 €" in view.note_edit.toPlainText()
    assert "12 mars" in view.note_edit.toPlainText()
    left = view.detail.findChild(QTextBrowser, "note_version_0")
    assert left is not None and "#fff1c2" in left.toHtml().lower()  # changed lines highlighted
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    merged = interactions.get_interaction(sample.db, note.row_id)
    assert merged.note_heads == 1 and "1 500 €" in merged.notes and "12 mars" in merged.notes

    email = _select(view, "contact", "email")
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)  # the displayed one
    assert organisations.get_contact(sample.db, email.row_id).email == next(
        c.value for c in email.choices if c.winner)

    deleted = next(i for i in view.items if i.kind == "delete_edit")
    assert view.select(deleted.key) and view.confirm_delete_button is not None
    qtbot.mouseClick(view.confirm_delete_button, Qt.MouseButton.LeftButton)

    assert not seen.errors
    assert menu.pending == 0 and menu.badge.isHidden()
    assert view.items == [] and view.card.is_empty_shown()
    nav = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert nav[-1] == "Conflits"
    assert sync_ui.pending_conflicts(sample.db) == 0


def test_restore_brings_the_deleted_row_back_with_the_colleagues_edit(
        qtbot, sample, seen) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample)
    view = _inbox(qtbot, window)
    item = next(i for i in view.items if i.kind == "delete_edit")
    with pytest.raises(Exception, match="introuvable"):
        organisations.get_organisation(sample.db, item.row_id)
    assert view.select(item.key)
    table = view.detail.findChild(QTableWidget, "delete_edit_table")
    assert table.item(0, 0).text() == "Téléphone" and "Karim Benali" in table.item(0, 2).text()
    assert view.restore_button is not None
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)

    assert not seen.errors
    back = organisations.get_organisation(sample.db, item.row_id)
    assert back.name == "Club de lecture du Pile" and back.phone == "+33320123456"
    assert all(i.kind != "delete_edit" for i in view.items)
    assert window.sync_menu.pending == 4


def test_a_conflict_changed_by_an_import_is_not_settled_blindly(
        qtbot, sample, seen, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sample)
    view = _inbox(qtbot, window)
    phone = _select(view, "organisation", "phone")
    errors: list[BaseException] = []
    monkeypatch.setattr("passerelle.ui.views.conflicts.show_error",
                        lambda _p, exc: errors.append(exc))
    # someone settles it meanwhile (another window, an import): the shown heads are stale
    sync_ui.resolve_field(sample.db, phone, "03 20 00 00 00")
    organisations.update_organisation(sample.db, phone.row_id, phone="03 20 11 11 11")
    qtbot.mouseClick(view.keep_button, Qt.MouseButton.LeftButton)
    assert errors and "a changé" in str(errors[0])
    assert organisations.get_organisation(sample.db, phone.row_id).phone == "+33320111111"


def test_a_damaged_file_is_quarantined_with_its_reason_and_nothing_changes(
        qtbot, ui_ctx, tmp_path, monkeypatch, seen) -> None:  # type: ignore[no-untyped-def]
    sync_ui.create_team(ui_ctx.db, SecretStore())
    organisations.create_organisation(ui_ctx.db, kind="entreprise", name="Acme")
    report = sync.export_full(ui_ctx.db, tmp_path, secrets=SecretStore())
    broken = tmp_path / "coupe.ofsync"
    broken.write_bytes(report.path.read_bytes()[:-200])
    before = _digest(ui_ctx.db)
    window = _window(qtbot, ui_ctx)
    monkeypatch.setattr(sync_menu_mod.SyncMenu, "ask_import_paths", lambda _self: [broken])
    window.sync_menu.import_action.trigger()

    outcome = seen.summaries[-1].outcomes[0]
    assert outcome.result == "quarantined" and outcome.quarantine_path
    assert Path(outcome.quarantine_path).exists() and not broken.exists()
    dialog = ImportSummaryDialog(seen.summaries[-1], window)
    qtbot.addWidget(dialog)
    text = dialog.outcome_labels[0].text()
    assert dialog.conflicts_button.isHidden()  # nothing to look at
    assert "quarantaine" in text and "La base n'a pas été modifiée" in text
    assert _digest(ui_ctx.db) == before
    entry = sync_ui.exchange_history(ui_ctx.db)[0]
    assert entry.result == "quarantined" and entry.reason_template
    history = HistoryDialog(sync_ui.exchange_history(ui_ctx.db), window)
    qtbot.addWidget(history)
    assert history.table.item(0, 6).text() == "Mis en quarantaine"
    assert "quarantaine" in history.table.item(0, 7).text()


def test_new_files_of_the_shared_folder_skip_own_exports_and_keep_the_originals(
        qtbot, ui_ctx, second, tmp_path, monkeypatch, seen) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "Nextcloud" / "Passerelle"
    shared.mkdir(parents=True)
    sync_ui.create_team(ui_ctx.db, SecretStore())
    monkeypatch.setattr(SharedFolderDialog, "ask", lambda *_a: (True, shared))
    window = _window(qtbot, ui_ctx)
    window.sync_menu.shared_folder_action.trigger()
    assert sync_ui.shared_folder(ui_ctx.db) == shared

    organisations.create_organisation(ui_ctx.db, kind="association", name="Ours")
    monkeypatch.setattr(ExportDialog, "ask", lambda *_a, **_k: (shared, None))
    window.sync_menu.export_action.trigger()
    window.sync_menu.import_shared_action.trigger()  # only our own file: nothing to do
    assert "Aucun nouveau fichier" in seen.infos[-1]

    colleague = _window(qtbot, second)
    sync_ui.set_shared_folder(second.db, shared)
    colleague.sync_menu.import_shared_action.trigger()
    assert seen.summaries[-1].outcomes[0].result == "ok"
    theirs = organisations.create_organisation(second.db, kind="entreprise", name="Theirs")
    colleague.sync_menu.export_action.trigger()
    assert len(list(shared.glob("*.ofsync"))) == 2

    window.sync_menu.import_shared_action.trigger()
    assert [o.result for o in seen.summaries[-1].outcomes] == ["ok"]
    assert organisations.get_organisation(ui_ctx.db, theirs.id).name == "Theirs"
    assert len(list(shared.glob("*.ofsync"))) == 2  # the colleague's file stays shared
    assert sync_ui.new_shared_files(ui_ctx.db) == []


def test_a_file_protected_by_a_passphrase_asks_for_it_and_retries(
        qtbot, ui_ctx, second, tmp_path, monkeypatch, seen) -> None:  # type: ignore[no-untyped-def]
    sync_ui.create_team(ui_ctx.db, SecretStore())
    organisations.create_organisation(ui_ctx.db, kind="association", name="Secrète")
    report = sync.export_full(ui_ctx.db, tmp_path, secrets=None, passphrase="bonne phrase")
    colleague = _window(qtbot, second)
    monkeypatch.setattr(sync_menu_mod.SyncMenu, "ask_import_paths",
                        lambda _self: [report.path])
    seen.passphrases = ["mauvaise phrase", "bonne phrase"]
    colleague.sync_menu.import_action.trigger()

    assert len(seen.asked) == 2 and "incorrecte" in seen.asked[1]
    outcomes = seen.summaries[-1].outcomes
    assert [o.result for o in outcomes] == ["ok"]
    assert report.path.exists()  # a missing key is not the file's fault: it stays
    assert [e.result for e in sync_ui.exchange_history(second.db)] == [
        "ok", "refused", "refused"]


def test_team_key_package_round_trip_between_two_keyrings(
        qtbot, ui_ctx, second, tmp_path, monkeypatch, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *a: infos.append(text))
    dialog = TeamDialog(ui_ctx, SecretStore(memory_keyring))
    qtbot.addWidget(dialog)
    assert "aucune équipe" in dialog.state.text()
    assert not dialog.export_button.isEnabled() and dialog.create_button.isEnabled()
    dialog.name.setText("MDA Roubaix – FACE")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    team = sync.team_of(ui_ctx.db)
    assert team is not None and team[:8] in dialog.state.text()
    assert "« MDA Roubaix – FACE »" in dialog.state.text()
    assert dialog.export_button.isEnabled() and dialog.name_row.isHidden()

    package = tmp_path / "cle-equipe"
    monkeypatch.setattr(TeamDialog, "ask_save_path", lambda _self: package)
    monkeypatch.setattr(PassphraseDialog, "ask",
                        lambda *_a, **_k: "une phrase assez longue")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = package.with_name("cle-equipe.ofkey")
    assert written.exists() and str(written) in infos[-1]
    opened = secrets_mod.read_key_package(written, "une phrase assez longue")
    assert (opened.group_id, opened.name) == (team, "MDA Roubaix – FACE")
    key = SecretStore(memory_keyring).get_group_key(team)
    assert key is not None
    data = written.read_bytes()
    assert key not in data and base64.b64encode(key) not in data  # never in clear

    theirs = MemoryKeyring()  # the colleague's computer
    joining = TeamDialog(second, SecretStore(theirs))
    qtbot.addWidget(joining)
    monkeypatch.setattr(TeamDialog, "ask_open_path", lambda _self: written)
    qtbot.mouseClick(joining.join_button, Qt.MouseButton.LeftButton)
    assert sync.team_of(second.db) == team
    assert SecretStore(theirs).get_group_key(team) == key
    assert "la clé est sur cet ordinateur" in joining.state.text()


def test_without_a_keyring_the_app_says_so_and_exports_with_a_passphrase(
        qtbot, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with ui_ctx.db.engine.begin() as conn:  # joined by importing a colleague's file
        conn.exec_driver_sql("UPDATE sync_state SET group_id = ?",
                             ("01900000-0000-7000-8000-000000000001",))
    keyring.set_keyring(fail.Keyring())
    store = SecretStore()
    dialog = TeamDialog(ui_ctx, store)
    qtbot.addWidget(dialog)
    assert "Aucun trousseau" in dialog.keyring.text()
    assert not dialog.create_button.isEnabled() and not dialog.join_button.isEnabled()
    status = sync_ui.sync_status(ui_ctx.db, store)
    export = ExportDialog(None, status, tmp_path)
    qtbot.addWidget(export)
    assert export.protect.isChecked() and not export.protect.isEnabled()
    export.other_radio.setChecked(True)
    export.passphrase.setText("court")
    assert "8 caractères" in export.problem()
    export.passphrase.setText("assez longue")
    export.confirm.setText("assez longue")
    assert export.problem() == ""
    report = sync_ui.export_changes(ui_ctx.db, tmp_path, store,
                                    passphrase=export.chosen_passphrase())
    assert report.slots == ("passphrase",)
    with pytest.raises(sync_file.SyncKeyError):
        sync_ui.export_changes(ui_ctx.db, tmp_path, store)


@pytest.mark.parametrize("confirmed", [True, False])
def test_an_import_hiding_most_rows_waits_for_an_explicit_confirmation(
        qtbot, ui_ctx, second, tmp_path, monkeypatch, seen, confirmed) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sync, "MASS_DELETE_MIN_ROWS", 2)
    sync_ui.create_team(ui_ctx.db, SecretStore())
    orgs = [organisations.create_organisation(ui_ctx.db, kind="association", name=f"Asso {n}")
            for n in range(3)]
    first = sync.export_full(ui_ctx.db, tmp_path, secrets=SecretStore())
    sync.import_file(second.db, first.path, secrets=SecretStore())
    for org in orgs:
        organisations.delete_organisation(ui_ctx.db, org.id)
    wipe = sync.export_full(ui_ctx.db, tmp_path, secrets=SecretStore())
    before = _digest(second.db)
    asked: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *a: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if confirmed else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(sync_menu_mod.SyncMenu, "ask_import_paths", lambda _self: [wipe.path])
    colleague = _window(qtbot, second)
    colleague.sync_menu.import_action.trigger()

    assert len(asked) == 1 and "masquerait 3 des 3" in asked[0] and "--yes" not in asked[0]
    outcome = seen.summaries[-1].outcomes[0]
    if confirmed:
        assert outcome.result == "ok"
        with pytest.raises(Exception, match="introuvable"):
            organisations.get_organisation(second.db, orgs[0].id)
    else:
        assert outcome.result == "refused" and outcome.needs_confirmation
        assert _digest(second.db) == before and wipe.path.exists()


def test_importing_from_an_unset_shared_folder_offers_to_choose_it(
        qtbot, ui_ctx, tmp_path, monkeypatch, seen) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "partage"
    shared.mkdir()
    questions: list[str] = []

    def question(_parent: Any, _title: str, text: str, *a: Any) -> Any:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(SharedFolderDialog, "ask", lambda *_a: (True, shared))
    window = _window(qtbot, ui_ctx)
    window.sync_menu.import_shared_action.trigger()
    assert "Le choisir maintenant" in questions[0] and not seen.errors
    assert sync_ui.shared_folder(ui_ctx.db) == shared
