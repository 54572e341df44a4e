"""« RGPD » view: the retention review (CNIL: three years without inbound contact) with bulk
anonymise / erase after confirmation, the processing register, and the free-text eraser."""

from __future__ import annotations

import contextlib
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.vocabulary import LegalBasis
from passerelle.services import rgpd
from passerelle.services.rgpd import ErasureReport, RetentionCandidate
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, singular
from passerelle.ui.tasks import Progress
from passerelle.ui.widgets.panels import Card, PageHeader

translate = QCoreApplication.translate


def reference_words(kind: str) -> str:
    """What the retention period runs from, in words."""
    return {
        "inbound": translate("RgpdView", "dernier contact entrant"),
        "agreement": translate("RgpdView", "fin de convention"),
        "collected": translate("RgpdView", "collecte"),
        "created": translate("RgpdView", "création de la fiche"),
    }.get(kind, kind)


def _date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


class RgpdView(QWidget):
    """Who has to be reviewed, and the RGPD documents."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[RetentionCandidate] = []
        self._stale = True
        header = PageHeader(
            translate("RgpdView", "RGPD"),
            translate(
                "RgpdView",
                "Les personnes sans contact entrant depuis trois ans (recommandation de la "
                "CNIL pour les prospects ; pour les partenaires : trois ans après la fin de "
                "la convention). Demandez-leur si elles souhaitent rester en contact ; "
                "sans réponse positive, anonymisez ou effacez leur fiche.",
            ),
            self,
        )
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("RgpdView", "Personne"),
                translate("RgpdView", "Organisation"),
                translate("RgpdView", "Base légale"),
                translate("RgpdView", "Date de référence"),
                translate("RgpdView", "Compté à partir de"),
                translate("RgpdView", "Dépassé de"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((2, 150), (3, 130), (4, 170), (5, 95)):
            self.table.setColumnWidth(col, width)
        self.card = Card(
            translate("RgpdView", "Revue de conservation"),
            self.table,
            translate(
                "RgpdView",
                "Aucune personne n'a dépassé la durée de conservation : "
                "rien à faire aujourd'hui. Revenez ici régulièrement (la "
                "revue se met à jour à chaque ouverture).",
            ),
            self,
        )
        self.select_all_button = QPushButton(translate("RgpdView", "Tout sélectionner"), self)
        self.anonymise_button = QPushButton(translate("RgpdView", "Anonymiser la sélection…"), self)
        self.erase_button = QPushButton(translate("RgpdView", "Effacer la sélection…"), self)
        for b in (self.anonymise_button, self.erase_button):
            b.setEnabled(False)
        self.card.add_header_widget(self.select_all_button)
        actions = QHBoxLayout()
        self.selection_label = QLabel(self)
        actions.addWidget(self.selection_label, 1)
        actions.addWidget(self.anonymise_button)
        actions.addWidget(self.erase_button)

        self.register_button = QPushButton(
            translate("RgpdView", "Registre des traitements (.docx)…"), self
        )
        self.text_button = QPushButton(
            translate("RgpdView", "Effacer un nom dans les textes…"), self
        )
        docs = QLabel(
            translate(
                "RgpdView",
                "Le registre (article 30) décrit ce traitement : finalités, personnes, données, "
                "destinataires, durées, sécurité. L'effaceur de textes retire un nom des notes "
                "écrites par un collègue pendant qu'une personne était effacée.",
            ),
            self,
        )
        docs.setWordWrap(True)
        docs_row = QHBoxLayout()
        docs_row.addWidget(docs, 1)
        docs_row.addWidget(self.text_button, 0, Qt.AlignmentFlag.AlignTop)
        docs_row.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        docs_box = QWidget(self)
        docs_box.setLayout(docs_row)
        docs_card = Card(translate("RgpdView", "Documents et outils"), docs_box, "", self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(header)
        layout.addWidget(self.card, 1)
        layout.addLayout(actions)
        layout.addWidget(docs_card)

        self.card.set_hint(
            translate(
                "RgpdView",
                "Double-cliquez sur une personne pour ouvrir sa fiche (onglet RGPD : source, "
                "historique, export pour une demande d'accès).",
            )
        )
        self.table.doubleClicked.connect(self._handle_row_activated)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.anonymise_button.clicked.connect(self._handle_anonymise_clicked)
        self.erase_button.clicked.connect(self._handle_erase_clicked)
        self.register_button.clicked.connect(self._handle_register_clicked)
        self.text_button.clicked.connect(self._handle_text_clicked)
        ctx.bus.changed.connect(self._handle_data_changed)
        self.refresh()

    # data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        self._ctx.runner.run(
            lambda: rgpd.retention_review(self._ctx.db),
            self._show,
            lambda exc: show_error(self, exc),
        )

    def _show(self, rows: list[RetentionCandidate]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            f = c.facts
            months = (
                translate("RgpdView", "{n} mois").format(n=c.months_over)
                if c.months_over
                else translate("RgpdView", "ce mois-ci")
            )
            basis = f.legal_basis
            with contextlib.suppress(ValueError):
                basis = label(LegalBasis(f.legal_basis))
            cells = (
                f.full_name,
                c.organisation or "—",
                basis,
                _date(f.reference_on),
                reference_words(f.reference_kind),
                months,
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, str(f.id))
                    if f.objects_to_prospecting:
                        item.setToolTip(translate("RgpdView", "S'oppose à la prospection"))
                self.table.setItem(r, col, item)
        self.card.set_empty(not rows)
        n = len(rows)
        self.card.set_title(
            translate("RgpdView", "Revue de conservation ({n} personne)").format(n=n)
            if singular(n)
            else translate("RgpdView", "Revue de conservation ({n} personnes)").format(n=n)
        )
        self._update_buttons()

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self._rows[r].facts.id for r in rows if r < len(self._rows)]

    def _update_buttons(self) -> None:
        n = len(self.selected_ids())
        for b in (self.anonymise_button, self.erase_button):
            b.setEnabled(n > 0)
        self.select_all_button.setEnabled(bool(self._rows))
        self.selection_label.setText(
            ""
            if not n
            else (
                translate("RgpdView", "{n} personne sélectionnée").format(n=n)
                if singular(n)
                else translate("RgpdView", "{n} personnes sélectionnées").format(n=n)
            )
        )

    # actions ----------------------------------------------------------------------------------
    def _confirm(self, mode: str, n: int) -> bool:
        if mode == "erase":
            text = (
                translate(
                    "RgpdView",
                    "Effacer définitivement {n} personne ? Sa fiche, ses rôles et son "
                    "nom dans toutes les notes et documents seront effacés, ici puis "
                    "chez les collègues à la prochaine synchronisation. C'est "
                    "irréversible.",
                )
                if singular(n)
                else translate(
                    "RgpdView",
                    "Effacer définitivement {n} personnes ? Leurs fiches, leurs rôles "
                    "et leurs noms dans toutes les notes et documents seront effacés, "
                    "ici puis chez les collègues à la prochaine synchronisation. C'est "
                    "irréversible.",
                )
            )
        else:
            text = (
                translate(
                    "RgpdView",
                    "Anonymiser {n} personne ? La fiche reste (pour les statistiques) "
                    "mais son nom, ses coordonnées et son nom dans les notes seront "
                    "effacés, ici puis chez les collègues. C'est irréversible.",
                )
                if singular(n)
                else translate(
                    "RgpdView",
                    "Anonymiser {n} personnes ? Les fiches restent (pour les "
                    "statistiques) mais leurs noms, coordonnées et leurs noms dans les "
                    "notes seront effacés, ici puis chez les collègues. C'est "
                    "irréversible.",
                )
            )
        answer = QMessageBox.question(
            self,
            translate("RgpdView", "Confirmer"),
            text.format(n=n),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _run_erasure(self, mode: str) -> None:
        ids = self.selected_ids()
        if not ids or not self._confirm(mode, len(ids)):
            return
        db = self._ctx.db

        def op(progress: Progress) -> ErasureReport:
            return rgpd.erase_contacts(
                db, ids, mode=mode, progress=progress, cancel=progress.cancel
            )

        self._ctx.runner.run_with_progress(
            self,
            translate("RgpdView", "Effacement en cours…"),
            op,
            self._handle_erased,
            lambda exc: show_error(self, exc),
        )

    def _handle_erased(self, report: ErasureReport) -> None:
        self._ctx.bus.changed.emit("contact")
        n = report.people
        text = (
            translate("RgpdView", "{n} personne traitée.")
            if singular(n)
            else translate("RgpdView", "{n} personnes traitées.")
        ).format(n=n)
        if report.documents:
            text += " " + translate(
                "RgpdView",
                "Des documents générés la nommaient (leurs métadonnées sont effacées) : "
                "supprimez les fichiers qui ne sont pas des pièces à conserver (conventions, "
                "reçus) :\n{files}",
            ).format(files="\n".join(report.documents[:20]))
        QMessageBox.information(self, translate("RgpdView", "RGPD"), text)
        self.refresh()

    def _handle_anonymise_clicked(self) -> None:
        self._run_erasure("anonymise")

    def _handle_erase_clicked(self) -> None:
        self._run_erasure("erase")

    def _handle_register_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("RgpdView", "Enregistrer le registre des traitements"),
            str(Path.home() / "registre_des_traitements.docx"),
            translate("RgpdView", "Document Word (*.docx)"),
        )
        if not name:
            return
        db = self._ctx.db
        self._ctx.runner.run(
            lambda: rgpd.processing_register(db, Path(name)),
            self._handle_register_written,
            lambda exc: show_error(self, exc),
            db=False,
        )

    def _handle_register_written(self, path: Path) -> None:
        QMessageBox.information(
            self,
            translate("RgpdView", "RGPD"),
            translate("RgpdView", "Registre enregistré : {path}").format(path=str(path)),
        )

    def _handle_text_clicked(self) -> None:
        words, ok = QInputDialog.getText(
            self,
            translate("RgpdView", "Effacer un nom dans les textes"),
            translate(
                "RgpdView",
                "Nom, e-mail ou téléphone à retirer de toutes les notes et de tous les "
                "textes (au moins trois caractères) :",
            ),
        )
        if not ok or not words.strip():
            return
        db = self._ctx.db
        self._ctx.runner.run(
            lambda: rgpd.erase_text(db, [words]),
            self._handle_text_erased,
            lambda exc: show_error(self, exc),
        )

    def _handle_text_erased(self, report: ErasureReport) -> None:
        self._ctx.bus.changed.emit("*")
        n = report.texts_scrubbed
        QMessageBox.information(
            self,
            translate("RgpdView", "RGPD"),
            (
                translate("RgpdView", "{n} texte corrigé.")
                if singular(n)
                else translate("RgpdView", "{n} textes corrigés.")
            ).format(n=n),
        )

    def _handle_row_activated(self, index: QModelIndex) -> None:
        """Open the person in the Contacts view (the main window knows how to select)."""
        if not 0 <= index.row() < len(self._rows):
            return
        select = getattr(self.window(), "select_in_view", None)
        if callable(select):
            select("contacts", self._rows[index.row()].facts.id)

    def _handle_data_changed(self, entity: str) -> None:
        if entity not in ("contact", "interaction", "agreement", "*"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()
