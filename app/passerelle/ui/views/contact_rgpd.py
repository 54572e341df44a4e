"""The « RGPD » tab of a contact: collection facts, retention status, and the person's rights
(history, access export, anonymise, erase)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.vocabulary import LegalBasis
from passerelle.services import rgpd
from passerelle.services.rgpd import ContactRgpd, ErasureReport
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.views.rgpd import reference_words

_NO_DATE = QDate(1900, 1, 1)


translate = QCoreApplication.translate


def _date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else translate("ContactRgpdPanel", "inconnu")


class ContactRgpdPanel(QWidget):
    """Shows and edits one contact's RGPD facts; ``erased`` tells the view to reload."""

    erased = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id: uuid.UUID | None = None
        self._facts: ContactRgpd | None = None
        self.basis = QLabel(self)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(
            translate("ContactRgpdPanel", "ex. salon des associations 2025, carte de visite")
        )
        self.collected_on = QDateEdit(self)
        self.collected_on.setCalendarPopup(True)
        self.collected_on.setDisplayFormat("dd/MM/yyyy")
        self.collected_on.setMinimumDate(_NO_DATE)
        self.collected_on.setSpecialValueText(translate("ContactRgpdPanel", "— inconnue —"))
        self.objects = QCheckBox(
            translate("ContactRgpdPanel", "S'oppose à la prospection (article 21)"), self
        )
        self.save_button = QPushButton(translate("ContactRgpdPanel", "Enregistrer"), self)
        self.save_button.setEnabled(False)
        collect = QGroupBox(translate("ContactRgpdPanel", "Collecte"), self)
        form = QFormLayout(collect)
        form.addRow(translate("ContactRgpdPanel", "Base légale"), self.basis)
        form.addRow(translate("ContactRgpdPanel", "Source"), self.source)
        form.addRow(translate("ContactRgpdPanel", "Collectée le"), self.collected_on)
        form.addRow("", self.objects)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

        self.last_inbound = QLabel(self)
        self.review = QLabel(self)
        self.review.setWordWrap(True)
        keep = QGroupBox(translate("ContactRgpdPanel", "Conservation"), self)
        form = QFormLayout(keep)
        form.addRow(translate("ContactRgpdPanel", "Dernier contact entrant"), self.last_inbound)
        form.addRow(translate("ContactRgpdPanel", "À revoir le"), self.review)

        self.history_button = QPushButton(
            translate("ContactRgpdPanel", "Journal des modifications…"), self
        )
        self.export_button = QPushButton(
            translate("ContactRgpdPanel", "Export droit d'accès…"), self
        )
        self.anonymise_button = QPushButton(translate("ContactRgpdPanel", "Anonymiser…"), self)
        self.erase_button = QPushButton(translate("ContactRgpdPanel", "Effacer…"), self)
        rights = QGroupBox(translate("ContactRgpdPanel", "Droits de la personne"), self)
        rights_layout = QVBoxLayout(rights)
        hint = QLabel(
            translate(
                "ContactRgpdPanel",
                "Répondez dans le mois à une demande d'accès ou d'effacement. "
                "L'effacement est transmis aux collègues par la "
                "synchronisation.",
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        rights_layout.addWidget(hint)
        row1 = QHBoxLayout()
        row1.addWidget(self.history_button)
        row1.addWidget(self.export_button)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.anonymise_button)
        row2.addWidget(self.erase_button)
        row2.addStretch(1)
        rights_layout.addLayout(row1)
        rights_layout.addLayout(row2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.addWidget(collect)
        layout.addWidget(keep)
        layout.addWidget(rights)
        layout.addStretch(1)

        self.source.textEdited.connect(self._handle_edited)
        self.collected_on.dateChanged.connect(self._handle_edited)
        self.objects.toggled.connect(self._handle_edited)
        self.save_button.clicked.connect(self._handle_save_clicked)
        self.history_button.clicked.connect(self._handle_history_clicked)
        self.export_button.clicked.connect(self._handle_export_clicked)
        self.anonymise_button.clicked.connect(self._handle_anonymise_clicked)
        self.erase_button.clicked.connect(self._handle_erase_clicked)
        self.setEnabled(False)

    def load(self, contact_id: uuid.UUID | None) -> None:
        """Show the facts of ``contact_id`` (None: nothing selected or a new contact)."""
        self._id = contact_id
        self.setEnabled(contact_id is not None)
        if contact_id is None:
            return
        self._ctx.runner.run(
            lambda: rgpd.contact_rgpd(self._ctx.db, contact_id),
            self._show,
            lambda exc: show_error(self, exc),
        )

    def _show(self, facts: ContactRgpd) -> None:
        if facts.id != self._id:
            return
        self._facts = facts
        self._loading = True
        basis = (
            label(LegalBasis(facts.legal_basis))
            if facts.legal_basis in {b.value for b in LegalBasis}
            else facts.legal_basis
        )
        if facts.legal_basis == LegalBasis.CONSENT.value:
            basis += " — " + (
                translate("ContactRgpdPanel", "donné le {date}").format(
                    date=_date(facts.consent_on)
                )
                if facts.consent_on
                else translate("ContactRgpdPanel", "date à renseigner")
            )
        self.basis.setText(basis)
        self.source.setText(facts.collected_from or "")
        d = facts.collected_on
        self.collected_on.setDate(QDate(d.year, d.month, d.day) if d else _NO_DATE)
        self.objects.setChecked(facts.objects_to_prospecting)
        self.last_inbound.setText(_date(facts.last_inbound_on))
        if facts.anonymised:
            self.review.setText(
                translate("ContactRgpdPanel", "Fiche anonymisée : plus aucune donnée personnelle.")
            )
        else:
            late = facts.review_on <= date.today()
            text = translate("ContactRgpdPanel", "{date} (trois ans après : {what})").format(
                date=_date(facts.review_on), what=reference_words(facts.reference_kind)
            )
            if late:
                text += " — " + translate("ContactRgpdPanel", "durée dépassée : voir la vue RGPD")
            self.review.setText(text)
            self.review.setStyleSheet("color: #b3261e;" if late else "")
        for w in (
            self.source,
            self.collected_on,
            self.objects,
            self.anonymise_button,
            self.export_button,
        ):
            w.setEnabled(not facts.anonymised)
        self.save_button.setEnabled(False)
        self._loading = False

    _loading = False

    def _handle_edited(self, *_args: object) -> None:
        if not self._loading:
            self.save_button.setEnabled(True)

    def _handle_save_clicked(self) -> None:
        if self._id is None:
            return
        q = self.collected_on.date()
        collected = None if q == _NO_DATE else date(q.year(), q.month(), q.day())
        cid, db = self._id, self._ctx.db
        source, objects = self.source.text(), self.objects.isChecked()
        self._ctx.runner.run(
            lambda: rgpd.update_rgpd_facts(
                db,
                cid,
                collected_from=source,
                collected_on=collected,
                objects_to_prospecting=objects,
            ),
            self._handle_saved,
            lambda exc: show_error(self, exc),
        )

    def _handle_saved(self, facts: ContactRgpd) -> None:
        self._show(facts)
        self._ctx.bus.changed.emit("contact")

    def _handle_history_clicked(self) -> None:
        if self._id is None:
            return
        from passerelle.ui.dialogs.history import HistoryDialog

        name = self._facts.full_name if self._facts else ""
        HistoryDialog(self._ctx, "contact", self._id, name, self).exec()

    def _handle_export_clicked(self) -> None:
        if self._id is None or self._facts is None:
            return
        suggested = Path.home() / f"acces_{self._facts.full_name.replace(' ', '_')}.zip"
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("ContactRgpdPanel", "Export pour une demande d'accès"),
            str(suggested),
            translate("ContactRgpdPanel", "Archive ZIP (*.zip)"),
        )
        if not name:
            return
        cid, db = self._id, self._ctx.db
        self._ctx.runner.run(
            lambda: rgpd.access_export(db, cid, Path(name)),
            self._handle_exported,
            lambda exc: show_error(self, exc),
        )

    def _handle_exported(self, path: Path) -> None:
        QMessageBox.information(
            self,
            translate("ContactRgpdPanel", "Export droit d'accès"),
            translate(
                "ContactRgpdPanel",
                "Export enregistré : {path}\nIl contient les données en JSON et un document "
                "lisible à remettre à la personne.",
            ).format(path=str(path)),
        )

    def _erase(self, mode: str) -> None:
        if self._id is None:
            return
        text = (
            translate(
                "ContactRgpdPanel",
                "Effacer définitivement cette personne ? Sa fiche, ses rôles et son "
                "nom dans les notes et documents seront effacés, ici puis chez les "
                "collègues. C'est irréversible.",
            )
            if mode == "erase"
            else translate(
                "ContactRgpdPanel",
                "Anonymiser cette personne ? La fiche reste pour les statistiques, "
                "sans nom ni coordonnées, ici puis chez les collègues. C'est "
                "irréversible.",
            )
        )
        answer = QMessageBox.question(
            self,
            translate("ContactRgpdPanel", "Confirmer"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        cid, db = self._id, self._ctx.db
        self._ctx.runner.run(
            lambda: rgpd.erase_contacts(db, [cid], mode=mode),
            self._handle_erased,
            lambda exc: show_error(self, exc),
        )

    def _handle_erased(self, _report: ErasureReport) -> None:
        self._ctx.bus.changed.emit("contact")
        self.erased.emit()

    def _handle_anonymise_clicked(self) -> None:
        self._erase("anonymise")

    def _handle_erase_clicked(self) -> None:
        self._erase("erase")
