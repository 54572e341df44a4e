"""« Cette organisation existe peut-être déjà »: duplicate candidates shown before saving.

Shown by the organisation form before a new organisation is created, and reusable by any other
creation path (the registry's « Adopter »): call :meth:`DuplicateDialog.ask` with the result of
:func:`passerelle.services.duplicates.find_duplicates`. The user opens the existing record
(« Ouvrir l'existante », the default), creates anyway, or goes back to the form.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain import validators as v
from passerelle.domain.vocabulary import OrganisationKind
from passerelle.services.duplicates import (
    REASON_NAME,
    REASON_RNA,
    REASON_SIREN,
    REASON_SIRET,
    DuplicateCandidate,
)
from passerelle.ui.i18n import label

translate = QCoreApplication.translate

OPEN, CREATE, CANCEL = "open", "create", "cancel"


def reason_text(candidate: DuplicateCandidate) -> str:
    """Why this organisation is proposed, in the user's language."""
    if candidate.reason == REASON_SIRET:
        return translate("DuplicateDialog", "Même SIRET")
    if candidate.reason == REASON_SIREN:
        return translate("DuplicateDialog", "Même SIREN")
    if candidate.reason == REASON_RNA:
        return translate("DuplicateDialog", "Même n° RNA")
    if candidate.reason == REASON_NAME:
        return translate("DuplicateDialog", "Nom proche ({score} %)").format(
            score=candidate.score)
    return candidate.reason


def identifier_text(candidate: DuplicateCandidate) -> str:
    if candidate.siret:
        return v.format_siret(candidate.siret)
    if candidate.siren:
        return v.format_siren(candidate.siren)
    if candidate.rna:
        return v.format_rna(candidate.rna)
    return ""


def kind_text(kind: str) -> str:
    try:
        return label(OrganisationKind(kind))
    except ValueError:
        return kind


class DuplicateDialog(QDialog):
    """The candidates, strongest first, and three ways out (open, create anyway, back)."""

    def __init__(self, candidates: Sequence[DuplicateCandidate], name: str,
                 parent: QWidget | None = None, *, create_text: str | None = None,
                 merge: bool = False) -> None:
        super().__init__(parent)
        self.choice = CANCEL
        self._candidates = list(candidates)
        self.setWindowTitle(translate("DuplicateDialog", "Doublon possible"))
        headline = QLabel(self)
        headline.setWordWrap(True)
        headline.setTextFormat(Qt.TextFormat.PlainText)
        font = headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        headline.setFont(font)
        if merge:
            headline.setText(translate("DuplicateDialog", "Doublons probables de « {name} »")
                             .format(name=name))
            explain = QLabel(translate(
                "DuplicateDialog",
                "Choisissez la fiche qui décrit la même organisation, puis « Fusionner… » : "
                "vous verrez les deux fiches côte à côte avant de confirmer."), self)
        else:
            headline.setText(
                (translate("DuplicateDialog", "« {name} » existe peut-être déjà.")
                 if len(self._candidates) == 1 else
                 translate("DuplicateDialog", "« {name} » ressemble à des organisations déjà "
                                              "enregistrées.")).format(name=name))
            explain = QLabel(translate(
                "DuplicateDialog",
                "Pour éviter les doublons, ouvrez la fiche existante et complétez-la. Si c'est "
                "bien une autre organisation, créez-la quand même."), self)
        explain.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([
            translate("DuplicateDialog", "Nom"),
            translate("DuplicateDialog", "Type"),
            translate("DuplicateDialog", "Commune"),
            translate("DuplicateDialog", "Identifiant"),
            translate("DuplicateDialog", "Motif"),
        ])
        for c in self._candidates:
            commune = c.commune_name or c.postal_code or ""
            item = QTreeWidgetItem([c.name, kind_text(c.kind), commune, identifier_text(c),
                                    reason_text(c)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(c.id))
            item.setToolTip(0, c.name)
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.itemActivated.connect(self._handle_open)

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(translate("DuplicateDialog", "Ouvrir l'existante"), self)
        self.open_button.setDefault(True)
        self.create_button = QPushButton(
            create_text or translate("DuplicateDialog", "Créer quand même"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("DuplicateDialog", "Fermer") if merge else
            translate("DuplicateDialog", "Revenir au formulaire"))
        if merge:
            self.open_button.setText(translate("DuplicateDialog", "Fusionner…"))
            self.create_button.hide()
        self.open_button.clicked.connect(self._handle_open)
        self.create_button.clicked.connect(self._handle_create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(explain)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 160 + 28 * min(len(self._candidates), 6) + 60)

    @property
    def chosen_id(self) -> uuid.UUID | None:
        item = self.tree.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return uuid.UUID(value) if value else None

    def _handle_open(self, *_args: object) -> None:
        self.choice = OPEN
        self.accept()

    def _handle_create(self) -> None:
        self.choice = CREATE
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, candidates: Sequence[DuplicateCandidate], name: str,
            *, create_text: str | None = None,
            merge: bool = False) -> tuple[str, uuid.UUID | None]:
        """Show the dialog; returns (OPEN with the chosen id | CREATE | CANCEL, id or None).

        With ``merge``, the dialog lists the duplicates of an existing organisation and OPEN
        means « merge with the chosen one ».
        """
        dialog = cls(candidates, name, parent, create_text=create_text, merge=merge)
        try:
            dialog.exec()
            return dialog.choice, dialog.chosen_id if dialog.choice == OPEN else None
        finally:
            dialog.deleteLater()


__all__ = ["CANCEL", "CREATE", "OPEN", "DuplicateDialog", "reason_text"]
