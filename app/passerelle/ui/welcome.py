"""The welcome wizard of the first run: my own database, the demo, or my team's.

Shown when Passerelle starts with no database yet (and no ``--db``/``--demo``). The wizard only
collects :class:`FirstRunAnswers` and runs the ``prepare`` callable given by the command line
(``first_run.verify``: the answers are complete, the team's key package opens with the
passphrase) off the UI thread with progress. A failure (a wrong passphrase, say) is shown on the
last page, in words, and the facilitator can go back and correct it. Nothing is created here:
the command line then takes the database's lock and key and creates it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from passerelle.domain.errors import PasserelleError
from passerelle.services.first_run import FirstRunAnswers, StartChoice, check_answers
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import message
from passerelle.ui.tasks import Progress, TaskRunner
from passerelle.ui.widgets.nav_icons import app_icon
from passerelle.ui.widgets.panels import DANGER, MUTED

Prepare = Callable[[FirstRunAnswers, Progress], Any]

PAGE_INTRO, PAGE_PROFILE, PAGE_TEAM, PAGE_READY = range(4)


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED};")
    return label


class IntroPage(QWizardPage):
    """Three choices, each with one sentence saying when to take it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("WelcomeWizard", "Bienvenue dans Passerelle"))
        self.setSubTitle(QCoreApplication.translate(
            "WelcomeWizard",
            "Vos dossiers d'accompagnement, rencontres et conventions, sur cet ordinateur, "
            "même sans connexion."))
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        question = QLabel(QCoreApplication.translate(
            "WelcomeWizard", "Comment voulez-vous commencer ?"), self)
        question.setStyleSheet("font-weight: 600;")
        layout.addWidget(question)
        layout.addSpacing(8)
        self.group = QButtonGroup(self)
        self.create = QRadioButton(QCoreApplication.translate(
            "WelcomeWizard", "Créer ma base de travail"), self)
        self.demo = QRadioButton(QCoreApplication.translate(
            "WelcomeWizard", "Découvrir Passerelle avec la démonstration"), self)
        self.join = QRadioButton(QCoreApplication.translate(
            "WelcomeWizard", "Rejoindre mon équipe avec un paquet de clé"), self)
        hints = (
            QCoreApplication.translate(
                "WelcomeWizard",
                "Une base vide, à votre nom, enregistrée dans votre dossier personnel et "
                "sauvegardée automatiquement."),
            QCoreApplication.translate(
                "WelcomeWizard",
                "Des structures, dossiers et rencontres fictifs de la métropole lilloise, "
                "pour essayer sans risque. Votre base de travail reste à créer ensuite."),
            QCoreApplication.translate(
                "WelcomeWizard",
                "Un collègue vous a transmis le paquet de clé de votre équipe et sa phrase "
                "secrète : vous pourrez échanger vos fichiers de synchronisation."),
        )
        for index, (button, hint) in enumerate(zip((self.create, self.demo, self.join), hints,
                                                   strict=True)):
            self.group.addButton(button, index)
            if index:
                layout.addSpacing(10)
            layout.addWidget(button)
            note = _hint(hint, self)
            note.setContentsMargins(24, 0, 0, 0)
            layout.addWidget(note)
        layout.addStretch(1)
        self.create.setChecked(True)

    def choice(self) -> StartChoice:
        if self.demo.isChecked():
            return StartChoice.DEMO
        if self.join.isChecked():
            return StartChoice.JOIN
        return StartChoice.CREATE

    def nextId(self) -> int:
        return PAGE_READY if self.choice() is StartChoice.DEMO else PAGE_PROFILE


class ProfilePage(QWizardPage):
    """Who signs the notes, and for which structure documents are written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("WelcomeWizard", "Vous et votre structure"))
        self.setSubTitle(QCoreApplication.translate(
            "WelcomeWizard",
            "Votre nom signe vos notes de rencontre et vos documents ; votre structure "
            "apparaît dans les conventions et les courriers."))
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        self.user_name = QLineEdit(self)
        self.user_name.setPlaceholderText(QCoreApplication.translate(
            "WelcomeWizard", "Prénom Nom"))
        self.structure = QLineEdit(self)
        self.structure.setPlaceholderText(QCoreApplication.translate(
            "WelcomeWizard", "par exemple : Maison des Associations de Roubaix"))
        form.addRow(QCoreApplication.translate("WelcomeWizard", "Votre nom :"), self.user_name)
        form.addRow(QCoreApplication.translate("WelcomeWizard", "Votre structure :"),
                    self.structure)
        form.addRow(_hint(QCoreApplication.translate(
            "WelcomeWizard", "Les deux se modifient plus tard dans Fichier › Préférences."),
            self))
        self.user_name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.user_name.text().strip())

    def nextId(self) -> int:
        wizard = self.wizard()
        if isinstance(wizard, WelcomeWizard) and wizard.intro.choice() is StartChoice.JOIN:
            return PAGE_TEAM
        return PAGE_READY


class TeamPage(QWizardPage):
    """The key package a colleague exported, and the passphrase that protects it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("WelcomeWizard", "Le paquet de clé de l'équipe"))
        self.setSubTitle(QCoreApplication.translate(
            "WelcomeWizard",
            "Le paquet de clé, le fichier qu'un collègue vous a transmis, chiffre les échanges "
            "de votre équipe. "
            "La clé sera rangée dans le trousseau de votre système, jamais en clair sur le "
            "disque."))
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        row = QHBoxLayout()
        self.key_file = QLineEdit(self)
        self.key_file.setPlaceholderText(QCoreApplication.translate(
            "WelcomeWizard", "Aucun fichier choisi"))
        browse = QPushButton(QCoreApplication.translate("WelcomeWizard", "Parcourir…"), self)
        browse.clicked.connect(self._handle_browse)
        row.addWidget(self.key_file, 1)
        row.addWidget(browse)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("WelcomeWizard", "Paquet de clé :"), row)
        form.addRow(QCoreApplication.translate("WelcomeWizard", "Phrase secrète :"),
                    self.passphrase)
        form.addRow(_hint(QCoreApplication.translate(
            "WelcomeWizard",
            "Demandez la phrase secrète de vive voix ou par téléphone, pas dans le même "
            "courriel que le paquet."), self))
        self.key_file.textChanged.connect(self.completeChanged)
        self.passphrase.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.key_file.text().strip() and self.passphrase.text())

    def nextId(self) -> int:
        return PAGE_READY

    def _handle_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("WelcomeWizard", "Paquet de clé de l'équipe"),
            str(Path.home()),
            QCoreApplication.translate("WelcomeWizard", "Tous les fichiers (*)"))
        if path:
            self.key_file.setText(path)


class ReadyPage(QWizardPage):
    """What is about to happen; « Commencer » does it and shows any problem here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(QCoreApplication.translate("WelcomeWizard", "Tout est prêt"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(_hint(QCoreApplication.translate(
            "WelcomeWizard",
            "Besoin d'aide ensuite ? Appuyez sur F1 dans Passerelle pour ouvrir le guide "
            "d'utilisation."), self))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {DANGER};")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, WelcomeWizard)
        self.problem.hide()
        choice = wizard.intro.choice()
        if choice is StartChoice.DEMO:
            text = QCoreApplication.translate(
                "WelcomeWizard",
                "Passerelle va préparer la base de démonstration (une quinzaine de secondes la "
                "première fois) puis l'ouvrir. Les données sont fictives : essayez tout.")
        elif choice is StartChoice.JOIN:
            text = QCoreApplication.translate(
                "WelcomeWizard",
                "Passerelle va créer votre base au nom de {name}, puis ouvrir le paquet de clé "
                "de l'équipe. Importez ensuite les fichiers de synchronisation de vos collègues "
                "(menu Synchronisation).").format(name=wizard.profile.user_name.text().strip())
        else:
            text = QCoreApplication.translate(
                "WelcomeWizard",
                "Passerelle va créer votre base au nom de {name}. Commencez par une organisation "
                "ou un dossier ; Ctrl+M note une rencontre à tout moment.").format(
                    name=wizard.profile.user_name.text().strip())
        self.summary.setText(text)

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, WelcomeWizard)
        if self.done:
            return True
        wizard.start()
        return False

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class WelcomeWizard(QWizard):
    """The first-run wizard; after ``exec()`` succeeds, :attr:`opened` holds what ``prepare``
    returned (the checked answers)."""

    def __init__(self, prepare: Prepare, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.prepare = prepare
        self.runner = runner
        self.opened: Any = None
        self.setWindowTitle(QCoreApplication.translate("WelcomeWizard", "Bienvenue"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, on=True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(QSize(48, 48)))
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           QCoreApplication.translate("WelcomeWizard", "Commencer"))
        self.setButtonText(QWizard.WizardButton.NextButton,
                           QCoreApplication.translate("WelcomeWizard", "Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton,
                           QCoreApplication.translate("WelcomeWizard", "< Précédent"))
        self.setButtonText(QWizard.WizardButton.CancelButton,
                           QCoreApplication.translate("WelcomeWizard", "Quitter"))
        self.intro = IntroPage(self)
        self.profile = ProfilePage(self)
        self.team = TeamPage(self)
        self.ready = ReadyPage(self)
        self.setPage(PAGE_INTRO, self.intro)
        self.setPage(PAGE_PROFILE, self.profile)
        self.setPage(PAGE_TEAM, self.team)
        self.setPage(PAGE_READY, self.ready)
        self.setStartId(PAGE_INTRO)
        self.resize(640, 480)

    def answers(self) -> FirstRunAnswers:
        choice = self.intro.choice()
        if choice is StartChoice.DEMO:
            return FirstRunAnswers(choice)
        key = self.team.key_file.text().strip()
        return FirstRunAnswers(
            choice,
            user_name=self.profile.user_name.text(),
            structure=self.profile.structure.text(),
            key_file=Path(key) if key and choice is StartChoice.JOIN else None,
            passphrase=self.team.passphrase.text() if choice is StartChoice.JOIN else "",
        )

    def start(self) -> None:
        """Run ``prepare`` with progress; on success close, on failure say why on the page."""
        answers = self.answers()
        try:
            check_answers(answers)
        except PasserelleError as exc:
            self.ready.show_problem(message(exc))
            return
        self._set_busy(busy=True)
        self.runner.run_with_progress(
            self, QCoreApplication.translate("WelcomeWizard", "Préparation de votre base…"),
            lambda progress: self.prepare(answers, progress),
            self._handle_prepared, self._handle_failed)

    def _handle_prepared(self, result: Any) -> None:
        self.opened = result
        self.ready.done = True
        self._set_busy(busy=False)
        self.accept()

    def _handle_failed(self, exc: BaseException) -> None:
        self._set_busy(busy=False)
        if isinstance(exc, PasserelleError):
            self.ready.show_problem(message(exc))
        else:
            show_error(self, exc)

    def _set_busy(self, *, busy: bool) -> None:
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)


def run_welcome(prepare: Prepare, *, language: str | None = None) -> Any:
    """Show the wizard in its own event loop; what ``prepare`` returned, or None if the
    facilitator chose « Quitter »."""
    import sys

    from passerelle.ui import settings as ui_settings
    from passerelle.ui.app import create_app
    from passerelle.ui.i18n import choose_language, install_translators

    app = create_app(sys.argv)
    install_translators(app, choose_language(language or ui_settings.Settings().language
                                             or None))
    runner = TaskRunner()
    try:
        wizard = WelcomeWizard(prepare, runner)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted.value
        return wizard.opened if accepted else None
    finally:
        runner.shutdown()
