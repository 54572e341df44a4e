"""First run: the welcome wizard creates my database, opens the demo or joins my team."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from passerelle import bootstrap
from passerelle.infra import secrets as secrets_mod
from passerelle.infra.paths import AppPaths
from passerelle.infra.secrets import SecretStore
from passerelle.services import documents, first_run, sync
from passerelle.services.first_run import FirstRunAnswers, StartChoice
from passerelle.store.database import Database
from passerelle.ui.tasks import TaskRunner
from passerelle.ui.welcome import PAGE_PROFILE, PAGE_READY, PAGE_TEAM, WelcomeWizard
from tests.sync.conftest import CHEAP_KEY_SCRYPT, MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths.default(tmp_path / "data")
    paths.ensure()
    return paths


@pytest.fixture
def wizard(qtbot, paths: AppPaths) -> Iterator[WelcomeWizard]:  # type: ignore[no-untyped-def]
    runner = TaskRunner(serial=True)
    w = WelcomeWizard(first_run.verify, runner)
    qtbot.addWidget(w)
    w.show()
    yield w
    runner.shutdown()


@pytest.fixture
def create(paths: AppPaths) -> Iterator[Callable[[FirstRunAnswers], Database]]:
    """What the command line does after the wizard: create the database from the answers."""
    opened: list[Database] = []

    def make(answers: FirstRunAnswers) -> Database:
        db = bootstrap.create_first_database(paths.database, paths, answers)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


def _next(qtbot, w: WelcomeWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(w.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _finish(qtbot, w: WelcomeWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(w.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_create_my_database_records_my_name_and_structure(
        qtbot, wizard: WelcomeWizard, paths: AppPaths,
        create: Callable[[FirstRunAnswers], Database]) -> None:
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_PROFILE
    wizard.profile.user_name.clear()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a name is needed
    qtbot.keyClicks(wizard.profile.user_name, "Nadia Haddad")
    qtbot.keyClicks(wizard.profile.structure, "Maison des Associations de Roubaix")
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_READY
    assert "Nadia Haddad" in wizard.ready.summary.text()
    _finish(qtbot, wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted.value
    assert not paths.database.exists()  # nothing is created before the key and lock are taken
    db = create(wizard.opened)
    assert db.path == paths.database and paths.database.exists()
    assert db.user_name == "Nadia Haddad"
    assert documents.get_setting(db, documents.SETTING_STRUCTURE_NAME) == (
        "Maison des Associations de Roubaix")


def test_demo_skips_the_questions(qtbot, wizard: WelcomeWizard, paths: AppPaths) -> None:
    wizard.intro.demo.setChecked(True)
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_READY
    _finish(qtbot, wizard)
    assert wizard.opened.choice is StartChoice.DEMO
    assert not paths.database.exists()  # the working database is still to be created


def test_joining_with_a_wrong_passphrase_says_so_and_creates_nothing(
        qtbot, wizard: WelcomeWizard, paths: AppPaths, tmp_path: Path,
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        create: Callable[[FirstRunAnswers], Database]) -> None:
    monkeypatch.setattr(secrets_mod, "DEFAULT_SCRYPT", CHEAP_KEY_SCRYPT)
    colleague = Database(tmp_path / "colleague.sqlite")
    group = sync.create_team(colleague, secrets=SecretStore(), name="MDA Roubaix")
    package = sync.export_team_key(colleague, tmp_path / "equipe.cle", secrets=SecretStore(),
                                   passphrase="pont de la Vieille-Lys")
    colleague.close()
    memory_keyring.store.clear()  # the newcomer's laptop: an empty keyring

    wizard.intro.join.setChecked(True)
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.profile.user_name, "Karim Benali")
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_TEAM
    wizard.team.key_file.setText(str(package))
    qtbot.keyClicks(wizard.team.passphrase, "mauvaise phrase")
    _next(qtbot, wizard)
    _finish(qtbot, wizard)

    assert wizard.isVisible() and wizard.ready.problem.isVisibleTo(wizard)
    assert wizard.ready.problem.text()  # the reason, in words
    assert not paths.database.exists()

    wizard.back()
    wizard.team.passphrase.setText("pont de la Vieille-Lys")
    _next(qtbot, wizard)
    _finish(qtbot, wizard)
    assert wizard.opened is not None
    assert sync.team_of(create(wizard.opened)) == group


def test_quitting_the_wizard_opens_nothing(qtbot, wizard: WelcomeWizard,
                                           paths: AppPaths) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton),
                     Qt.MouseButton.LeftButton)
    assert wizard.opened is None
    assert not paths.database.exists()
