"""Start-up dialogs (recovery key, unlock, lock) and Fichier › Sauvegardes…."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from passerelle.infra.db_keys import DatabaseKeyring
from passerelle.infra.instance_lock import DatabaseInUse, InstanceLock
from passerelle.services import backups, organisations
from passerelle.store import backup as store_backup
from passerelle.store import cipher
from passerelle.ui.dialogs.backups import BackupScheduler, BackupsDialog
from passerelle.ui.startup import RecoveryKeyDialog, UnlockDialog, open_session
from tests.sync.conftest import MemoryKeyring

from .conftest import create_app_database, org_names


def test_recovery_key_dialog_cannot_be_left_before_the_key_is_kept(qtbot, tmp_path: Path
                                                                   ) -> None:  # type: ignore[no-untyped-def]
    key = cipher.recovery_key(cipher.DbKey.generate())
    dialog = RecoveryKeyDialog(key, tmp_path / "passerelle.sqlite", "trousseau")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()  # Escape: ignored while the key is not kept
    assert dialog.isVisible()
    sheet = tmp_path / "cle.txt"
    dialog.save_to(sheet)
    assert key in sheet.read_text(encoding="utf-8")
    assert key.split("-")[0] in dialog.key_label.text()
    dialog.confirm.setChecked(True)
    assert dialog.ok_button.isEnabled()


def test_unlock_dialog_keeps_a_wrong_key_in_the_dialog_then_opens(
        qtbot, tmp_path: Path, ring: DatabaseKeyring) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "passerelle.sqlite"
    recovery = create_app_database(path, ring, "Alma").new_recovery_key
    assert recovery is not None
    cipher.forget_key(path)
    empty = DatabaseKeyring(MemoryKeyring())
    dialog = UnlockDialog(path, empty)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText(cipher.recovery_key(cipher.DbKey.generate()))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.unlocked is None
    assert "ne correspond pas" in dialog.error.text()
    dialog.field.setText(recovery)
    dialog.accept()
    assert dialog.unlocked is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert org_names(path) == ["Alma"]


def test_gui_session_refuses_a_database_held_by_another_program(
        qapp, tmp_path: Path, ring: DatabaseKeyring) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "passerelle.sqlite"
    with (InstanceLock(path, "la commande « passerelle sync import »"),
          pytest.raises(DatabaseInUse, match="passerelle sync import")):
        open_session(path, keyring=ring, interactive=False)
    session = open_session(path, keyring=ring, interactive=False)
    assert session is not None and session.unlocked.new_recovery_key
    assert session.lock.held
    session.release()


def test_backups_dialog_lists_and_restores(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    db = ui_ctx.db
    organisations.create_organisation(db, kind="association", name="Avant")
    backups.make_backup(db.path, store_backup.KIND_MANUAL)
    organisations.create_organisation(db, kind="association", name="Après")
    dialog = BackupsDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.restore_button.isEnabled()
    info = dialog.selected()
    assert info is not None
    with qtbot.waitSignal(ui_ctx.bus.changed) as changed:
        dialog.restore(info)
    assert changed.args == ["*"]
    assert ui_ctx.db is not db
    assert org_names(ui_ctx.db.path) == ["Avant"]
    assert dialog.model.rowCount() == 2  # the copy of the database as it was, kept first
    assert "Avant restauration" in dialog.model.item(0, 1).text()
    ui_ctx.db.close()


def test_backups_dialog_empty_state_and_keep(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(ui_ctx)
    qtbot.addWidget(dialog)
    assert dialog.stack.currentWidget() is dialog.empty
    warning = dialog.findChild(QLabel, "PlainWarning")  # the test database is plain
    assert (warning is not None) == (not cipher.is_encrypted(ui_ctx.db.path))
    assert not dialog.restore_button.isEnabled()
    dialog.keep.setValue(4)
    dialog._handle_keep_changed()
    assert backups.get_keep(ui_ctx.db) == 4


def test_scheduler_makes_the_startup_backup(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    scheduler = BackupScheduler(ui_ctx, startup_delay_ms=0)
    qtbot.waitUntil(lambda: scheduler.last is not None, timeout=5000)
    assert scheduler.last is not None and scheduler.last.kind == store_backup.KIND_STARTUP
    assert not backups.daily_backup_due(ui_ctx.db.path)
