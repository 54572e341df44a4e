"""F1 opens the user guide, in the interface's language, covering the daily jobs."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from passerelle.ui.dialogs.guide import SECTIONS, GuideDialog, guide_file
from passerelle.ui.main_window import MainWindow


def test_f1_opens_the_guide_on_the_daily_jobs(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    # Offscreen windows are never activated by a window manager; shortcuts need an active one.
    with pytest.warns(DeprecationWarning):
        QApplication.setActiveWindow(window)
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for job in ("Noter une rencontre", "Suivre un dossier", "Générer une convention",
                "Exporter une fiche de synthèse", "Synchroniser avec l'équipe"):
        assert job in text
    guide.show_section("synchro")  # the table of contents' links land on their section


def test_english_guide_has_every_section_of_the_french_one() -> None:
    anchors = {}
    for language in ("fr", "en"):
        html = guide_file(language).read_text(encoding="utf-8")
        assert guide_file(language).name == f"guide_{language}.html"
        anchors[language] = set(re.findall(r'<h2 id="([a-z]+)"', html))
    assert anchors["fr"] == anchors["en"] == set(SECTIONS)


def test_an_unknown_language_falls_back_to_french() -> None:
    assert guide_file("de").name == "guide_fr.html"
