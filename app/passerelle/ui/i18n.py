"""Translations: French is the source language (STYLE.md 7.6).

Strings are written in French through ``QCoreApplication.translate("<FixedContext>", "…")``.
Vocabulary labels from the domain are translated with the enum's class name as context (the
generated module ``passerelle.ui.domain_strings`` declares them for lupdate).
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from passerelle.infra.resources import resource_path

SUPPORTED = ("fr", "en")
_installed: list[QTranslator] = []
_language = "fr"


def singular(n: int | None) -> bool:
    """Whether ``n`` takes the singular in the current language (French: 0 and 1).

    PySide's lupdate only marks ``%n`` messages as plural when the count is a literal, so the
    UI picks between two literal messages with this rule instead.
    """
    if n is None:
        return True
    return n == 1 if _language == "en" else abs(n) < 2


def current_language() -> str:
    """The language the interface runs in ("fr" or "en"), as installed at start-up."""
    return _language


def label(member: Enum | Any) -> str:
    """The translated label of a vocabulary member (``Stage``, ``OrganisationKind``…)."""
    text = getattr(member, "label", str(member))
    return pseudo(QCoreApplication.translate(type(member).__name__, text))


#: error parameters that hold a vocabulary label, and the context that translates it
_LABEL_PARAMS = {"stage": "Stage", "status": "FileStatus", "what": "Entity"}


def message(exc: Any) -> str:
    """The translated message of a :class:`PasserelleError`.

    Parameters that are vocabulary labels (a stage, a status) and the list of missing facts of a
    refused stage move are translated too, so an English user reads no French.
    """
    translate_ = QCoreApplication.translate  # not "tr": lupdate would take it for a call site
    template = translate_("Errors", exc.template)
    params = dict(exc.params)
    for key, context in _LABEL_PARAMS.items():
        if isinstance(params.get(key), str):
            params[key] = translate_(context, params[key])
    missing = getattr(exc, "missing", ())
    if missing:
        params["missing_text"] = " ; ".join(translate_("StageRequirement", m) for m in missing)
    try:
        return pseudo(template.format(**params))
    except (KeyError, IndexError):
        return pseudo(template)


def pseudo(text: str) -> str:
    """With ``PASSERELLE_PSEUDO_L10N=200``, stretch strings to 200 % to test layouts."""
    scale = os.environ.get("PASSERELLE_PSEUDO_L10N")
    if not scale:
        return text
    extra = max(0, int(len(text) * (int(scale) - 100) / 100))
    return text + "·" * extra


def choose_language(preference: str | None) -> str:
    """The preference if set ("fr"/"en"), else the system locale, else French."""
    if preference in SUPPORTED:
        return preference
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "fr"


def install_translators(app: QCoreApplication, language: str) -> str:
    """Install Qt's own and Passerelle's translators for ``language``; returns it."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    # French too, should French-side plural forms or corrections ever be added.
    ours = QTranslator(app)
    qm: Path = resource_path("translations", f"passerelle_{language}.qm")
    if ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    global _language
    _language = language
    QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr"
                               else QLocale.Language.English))
    return language
