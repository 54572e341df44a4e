"""Registre: what the public registers will bring, and how to import them.

The registry (SIRENE for companies, RNA for associations: DESIGN.md §7) is reference data
imported in bulk by ``passerelle registry import``; that command and the registry tables arrive
with a later issue. Until then this view explains, and shows no invented entries.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from passerelle.ui.context import UiContext
from passerelle.ui.widgets.panels import MUTED, PAGE_MARGINS, PageHeader, title_font


class RegistryView(QWidget):
    """« Registre »: an honest explanation until the registry import exists."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.header = PageHeader(
            QCoreApplication.translate(
                "RegistryView", "Registre des entreprises et des associations"
            ),
            QCoreApplication.translate(
                "RegistryView",
                "Les registres publics servent de référence pour trouver une "
                "structure, préremplir sa fiche et repérer les doublons.",
            ),
            self,
        )

        card = QFrame(self)
        card.setObjectName("Card")
        card.setStyleSheet(
            "QFrame#Card { background: palette(base); border: 1px solid "
            "#dde3e9; border-radius: 8px; }"
        )
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(22, 18, 22, 20)
        card_layout.setSpacing(10)
        title = QLabel(QCoreApplication.translate("RegistryView", "Aucun registre importé"), card)
        title.setFont(title_font(3))
        card_layout.addWidget(title)
        paragraphs = [
            QCoreApplication.translate(
                "RegistryView",
                "Le registre réunit deux sources publiques : la base SIRENE de "
                "l'Insee pour les entreprises et le Répertoire national des "
                "associations (RNA). Une fois importé, il permet de chercher "
                "parmi des dizaines de milliers de structures du territoire, "
                "d'« adopter » une entrée pour créer une organisation "
                "préremplie (SIREN, SIRET ou numéro RNA, adresse, activité) et "
                "d'être averti avant de créer un doublon.",
            ),
            QCoreApplication.translate(
                "RegistryView",
                "Les données du registre restent locales à chaque poste : elles "
                "ne sont jamais synchronisées, chacun peut importer les mêmes "
                "fichiers publics.",
            ),
            QCoreApplication.translate(
                "RegistryView",
                "L'import se fait en ligne de commande, avec les fichiers "
                "téléchargés sur data.gouv.fr :",
            ),
        ]
        for text in paragraphs:
            paragraph = QLabel(text, card)
            paragraph.setWordWrap(True)
            paragraph.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            card_layout.addWidget(paragraph)
        commands = QLabel(
            "passerelle registry import sirene StockEtablissement.csv --db …\n"
            "passerelle registry import rna rna_waldec.csv --db …",
            card,
        )
        commands.setObjectName("Commands")
        commands.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        commands.setStyleSheet(
            "QLabel#Commands { font-family: monospace; background: "
            "#f2f5f8; border: 1px solid #dde3e9; border-radius: 4px; "
            "padding: 10px; }"
        )
        card_layout.addWidget(commands)
        note = QLabel(
            QCoreApplication.translate(
                "RegistryView",
                "Cette commande et la recherche dans le registre "
                "arrivent avec le module Registre : cette page les "
                "accueillera. Rien n'est affiché ici tant qu'aucun "
                "registre n'a été importé.",
            ),
            card,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED};")
        card_layout.addWidget(note)
        card_layout.addStretch(1)

        holder = QWidget(self)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(card)
        holder_layout.addStretch(1)
        card.setMaximumWidth(900)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        """Nothing to load until the registry tables exist."""
