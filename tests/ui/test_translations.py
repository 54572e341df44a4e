"""Translations: English complete, placeholders preserved, sources extracted up to date."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from passerelle import i18n_build
from passerelle.domain.stages import Stage
from passerelle.ui import i18n

TS_EN = i18n_build.TRANSLATIONS / "passerelle_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name") or "", msg.findtext("source") or "", msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_english_translation_is_complete() -> None:
    messages = _messages(TS_EN)
    assert len(messages) > 300
    unfinished = [(c, s) for c, s, m in messages
                  if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                  or not "".join(m.find("translation").itertext()).strip()]  # type: ignore[union-attr]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    for context, source, msg in _messages(TS_EN):
        translation = "".join(msg.find("translation").itertext())  # type: ignore[union-attr]
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            context, source)
        assert source.count("%n") == translation.count("%n"), (context, source)


def test_extracted_strings_are_up_to_date() -> None:
    """Someone added or changed a French string without re-running the extraction:
    ``python -m passerelle.i18n_build`` (then translate the new entries)."""
    assert i18n_build.build(check=True) == []


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    i18n.install_translators(qapp, "en")
    yield
    i18n.install_translators(qapp, "fr")


def test_english_interface_shows_english_vocabulary(english) -> None:  # type: ignore[no-untyped-def]
    assert i18n.label(Stage.DIAGNOSIS) == "Diagnosis"
    assert QCoreApplication.translate("MainWindow", "Accueil") == "Home"


def test_french_is_the_source_language(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install_translators(qapp, "fr")
    assert i18n.label(Stage.FOLLOW_UP) == "Mise en œuvre & suivi"
