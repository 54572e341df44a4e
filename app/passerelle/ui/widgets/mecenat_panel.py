"""The mécénat figures of the selected convention: valuation, estimated reduction, counterparts.

Shown under the Conventions list. Every figure comes from ``services.mecenat_figures`` (the
dated parameters of ``domain/mecenat.py``) and is labelled « simulation indicative »: Passerelle
helps a facilitator prepare a discussion, it is not tax software (DOMAIN-FR.md §3.2).

The company's turnover is not stored in Passerelle: the reduction is computed with the lowest
ceiling (20 000 €) and the panel says so; typing a turnover refines it for this screen only.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.vocabulary import AgreementType
from passerelle.services import mecenat_figures
from passerelle.services.mecenat_figures import AgreementFigures
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label, singular
from passerelle.ui.widgets.panels import DANGER, MUTED, title_font

__all__ = ["MecenatPanel", "euros_text"]

OK_COLOUR = "#05603a"
WARNING_COLOUR = "#8a5300"


def euros_text(value: Decimal | None) -> str:
    """An amount in euros in the user's locale, to the cent."""
    if value is None:
        return ""
    return QLocale().toCurrencyString(float(value), "€", 2)


def _percent(ratio: Decimal) -> str:
    return QLocale().toString(float(ratio * 100), "f", 1) + "\u00a0%"


def _column(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("FigureColumn")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(4)
    heading = QLabel(title, frame)
    heading.setFont(title_font(1))
    layout.addWidget(heading)
    return frame, layout


def _text(parent: QWidget, *, muted: bool = False) -> QLabel:
    lbl = QLabel(parent)
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        lbl.setStyleSheet(f"color: {MUTED};")
    return lbl


class MecenatPanel(QFrame):
    """Figures of one agreement; :meth:`show_agreement` loads them on the runner."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._agreement_id: uuid.UUID | None = None
        self.figures: AgreementFigures | None = None
        self.setObjectName("MecenatPanel")
        self.setStyleSheet(
            "QFrame#MecenatPanel { background: palette(base); border: 1px solid #dde3e9; "
            "border-radius: 8px; }"
            "QFrame#FigureColumn { border: none; }")

        self.title = QLabel(QCoreApplication.translate(
            "MecenatPanel", "Chiffres du mécénat — simulation indicative"), self)
        self.title.setFont(title_font(2))
        self.subtitle = _text(self, muted=True)

        # valuation ---------------------------------------------------------------------------
        value_frame, value_layout = _column(QCoreApplication.translate(
            "MecenatPanel", "Valorisation du don"), self)
        self.valuation = QLabel(value_frame)
        self.valuation.setTextFormat(Qt.TextFormat.RichText)
        self.valuation.setWordWrap(True)
        self.skills_note = _text(value_frame, muted=True)
        value_layout.addWidget(self.valuation)
        value_layout.addWidget(self.skills_note)
        value_layout.addStretch(1)

        # reduction ---------------------------------------------------------------------------
        red_frame, red_layout = _column(QCoreApplication.translate(
            "MecenatPanel", "Réduction d'impôt estimée de l'entreprise"), self)
        self.reduction = QLabel(red_frame)
        self.reduction.setFont(title_font(5))
        self.reduction.setStyleSheet(f"color: {OK_COLOUR};")
        self.reduction_detail = _text(red_frame, muted=True)
        self.turnover_note = _text(red_frame)
        self.turnover_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.turnover = QDoubleSpinBox(red_frame)
        self.turnover.setRange(0, 1e12)
        self.turnover.setDecimals(0)
        self.turnover.setSingleStep(100_000)
        self.turnover.setGroupSeparatorShown(True)
        self.turnover.setSuffix(" €")
        self.turnover.setSpecialValueText(QCoreApplication.translate("MecenatPanel", "inconnu"))
        self.turnover.setAccessibleName(QCoreApplication.translate(
            "MecenatPanel", "Chiffre d'affaires HT de l'entreprise"))
        self.turnover.setToolTip(QCoreApplication.translate(
            "MecenatPanel", "Pour affiner la simulation ; il n'est pas enregistré."))
        self.turnover.editingFinished.connect(self._reload)
        self.coluche = QCheckBox(QCoreApplication.translate(
            "MecenatPanel", "Organisme d'aide aux personnes en difficulté (« loi Coluche » : "
                            "60 % sans seuil)"), red_frame)
        self.coluche.toggled.connect(self._reload)
        self.turnover_row = QWidget(red_frame)
        turnover_row = QHBoxLayout(self.turnover_row)
        turnover_row.setContentsMargins(0, 0, 0, 0)
        turnover_row.addWidget(QLabel(QCoreApplication.translate(
            "MecenatPanel", "CA HT de l'entreprise :"), red_frame))
        self.turnover.setMaximumWidth(200)
        turnover_row.addWidget(self.turnover)
        turnover_row.addStretch(1)
        red_layout.addWidget(self.reduction)
        red_layout.addWidget(self.reduction_detail)
        red_layout.addWidget(self.turnover_note)
        red_layout.addWidget(self.turnover_row)
        red_layout.addWidget(self.coluche)
        red_layout.addStretch(1)

        # counterparts ------------------------------------------------------------------------
        cp_frame, cp_layout = _column(QCoreApplication.translate(
            "MecenatPanel", "Contreparties"), self)
        self.counterparts = _text(cp_frame)
        self.counterparts_verdict = _text(cp_frame)
        cp_layout.addWidget(self.counterparts)
        cp_layout.addWidget(self.counterparts_verdict)
        cp_layout.addStretch(1)

        figures = QWidget(self)
        grid = QGridLayout(figures)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.addWidget(value_frame, 0, 0)
        grid.addWidget(red_frame, 0, 1)
        grid.addWidget(cp_frame, 0, 2)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        grid.setColumnStretch(2, 4)
        self.red_frame = red_frame

        self.empty = _text(self, muted=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setText(QCoreApplication.translate(
            "MecenatPanel", "Sélectionnez une convention pour voir la valorisation du don, la "
                            "réduction d'impôt estimée de l'entreprise et le poids des "
                            "contreparties."))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(figures)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)

    # --- loading ------------------------------------------------------------------------------
    def show_agreement(self, agreement_id: uuid.UUID | None) -> None:
        """Load the figures of ``agreement_id`` (None: the empty state)."""
        if agreement_id != self._agreement_id:
            self._agreement_id = agreement_id
            self.turnover.setValue(0)
        if agreement_id is None:
            self.figures = None
            self.subtitle.clear()
            self.stack.setCurrentWidget(self.empty)
            return
        self._reload()

    def _reload(self) -> None:
        agreement_id = self._agreement_id
        if agreement_id is None:
            return
        value = self.turnover.value()
        turnover = Decimal(str(round(value))) if value > 0 else None
        coluche = self.coluche.isChecked()
        db = self.ctx.db
        self.ctx.runner.run(
            lambda: mecenat_figures.agreement_figures(db, agreement_id, turnover=turnover,
                                                      loi_coluche=coluche),
            self._show, lambda exc: show_error(self, exc), db=False)

    def _show(self, f: AgreementFigures) -> None:
        if f.agreement_id != self._agreement_id:
            return  # another convention was selected meanwhile
        self.figures = f
        self.subtitle.setText(QCoreApplication.translate(
            "MecenatPanel", "{company} · exercice supposé clos le 31/12/{year} · article 238 "
                            "bis du CGI ; à faire confirmer par l'expert-comptable de "
                            "l'entreprise.").format(
            company=f.company_name or QCoreApplication.translate("MecenatPanel",
                                                                 "Entreprise non renseignée"),
            year=f.fiscal_year_end.year))
        self.stack.setCurrentIndex(1)
        self._show_valuation(f)
        for widget in (self.turnover_row, self.coluche):
            widget.setVisible(f.patronage)
        if not f.patronage:
            self.reduction.setText("—")
            self.reduction_detail.setText(QCoreApplication.translate(
                "MecenatPanel", "{type} : hors champ du mécénat. Aucune réduction d'impôt ; "
                                "les prestations éventuelles se facturent.").format(
                type=_type_label(f.type)))
            self.turnover_note.hide()
        else:
            self._show_reduction(f)
        self._show_counterparts(f)

    def _show_valuation(self, f: AgreementFigures) -> None:
        rows = (
            (QCoreApplication.translate("MecenatPanel", "Numéraire"), f.cash),
            (QCoreApplication.translate("MecenatPanel", "En nature"), f.in_kind),
            (QCoreApplication.translate("MecenatPanel", "Compétences"), f.skills),
        )
        cells = "".join(f"<tr><td>{name}</td><td align='right'>&nbsp;{euros_text(v)}</td></tr>"
                        for name, v in rows)
        total = QCoreApplication.translate("MecenatPanel", "Total du don")
        self.valuation.setText(
            f"<table width='100%' cellspacing='0' cellpadding='1'>{cells}"
            f"<tr><td><b>{total}</b></td><td align='right'><b>&nbsp;"
            f"{euros_text(f.gift_total)}</b></td></tr></table>")
        notes = []
        if f.in_kind > 0:
            notes.append(QCoreApplication.translate(
                "MecenatPanel", "Nature : au coût de revient."))
        if f.skills > 0:
            notes.append(QCoreApplication.translate(
                "MecenatPanel", "Compétences : salaires + charges."))
            if f.skills_cap_per_employee is not None:
                notes.append(QCoreApplication.translate(
                    "MecenatPanel", "Au plus {cap} par salarié (3 × PASS {year}).").format(
                    cap=euros_text(f.skills_cap_per_employee), year=f.pass_year))
        self.skills_note.setText(" ".join(notes))
        self.skills_note.setVisible(bool(notes))

    def _show_reduction(self, f: AgreementFigures) -> None:
        sim = f.simulation
        if sim is None:
            self.reduction.setText("—")
            self.reduction_detail.setText(f.simulation_error or QCoreApplication.translate(
                "MecenatPanel", "Aucun montant saisi : rien à simuler."))
            self.turnover_note.hide()
            return
        amount = euros_text(sim.reduction)
        self.reduction.setText(QCoreApplication.translate("MecenatPanel", "au moins {amount}")
                               .format(amount=amount) if f.turnover_needed else amount)
        self.reduction_detail.setText(QCoreApplication.translate(
            "MecenatPanel", "Retenu : {eligible} · plafond : {ceiling} · excédent reportable "
                            "(5 ans) : {excess}").format(
            eligible=euros_text(sim.eligible), ceiling=euros_text(sim.ceiling),
            excess=euros_text(sim.excess_carried)))
        if f.turnover is None and not f.turnover_needed:
            self.turnover_note.setText(QCoreApplication.translate(
                "MecenatPanel", "Le don reste sous le plafond minimal de {floor} : le CA HT ne "
                                "change pas ce montant.").format(
                floor=euros_text(sim.parameters.ceiling_floor)))
            self.turnover_note.setStyleSheet(f"color: {MUTED};")
            self.turnover_note.show()
        elif f.turnover is None:
            self.turnover_note.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.turnover_note.setText(QCoreApplication.translate(
                "MecenatPanel", "CA HT inconnu (non enregistré) : plafond minimal de {floor} "
                                "retenu ; il est plus élevé au-delà de {threshold} de CA "
                                "(5 ‰).").format(
                floor=euros_text(sim.parameters.ceiling_floor),
                threshold=euros_text(f.turnover_for_floor)))
            self.turnover_note.show()
        else:
            self.turnover_note.hide()

    def _show_counterparts(self, f: AgreementFigures) -> None:
        check = f.counterparts
        n = f.counterpart_count
        if n == 0 or check is None:
            self.counterparts.setText(QCoreApplication.translate(
                "MecenatPanel", "Aucune contrepartie enregistrée."))
            self.counterparts_verdict.clear()
            self.counterparts_verdict.hide()
            return
        self.counterparts.setText((QCoreApplication.translate(
            "MecenatPanel", "{n} contrepartie valorisée à {total}, soit {ratio} du don.")
            if singular(n) else QCoreApplication.translate(
            "MecenatPanel", "{n} contreparties valorisées à {total}, soit {ratio} du don.")
        ).format(n=n, total=euros_text(f.counterparts_total), ratio=_percent(check.ratio)))
        if not f.patronage:
            self.counterparts_verdict.setText(QCoreApplication.translate(
                "MecenatPanel", "Hors mécénat, la tolérance de 25 % ne s'applique pas : les "
                                "contreparties sont proportionnées à l'apport."))
            self.counterparts_verdict.setStyleSheet(f"color: {MUTED};")
        elif check.within_tolerance:
            self.counterparts_verdict.setText(QCoreApplication.translate(
                "MecenatPanel", "Dans la tolérance de 25 % : la « disproportion marquée » est "
                                "respectée."))
            self.counterparts_verdict.setStyleSheet(f"color: {OK_COLOUR};")
        else:
            self.counterparts_verdict.setText(QCoreApplication.translate(
                "MecenatPanel", "⚠ Au-delà de la tolérance de 25 % : le don risque d'être "
                                "requalifié en parrainage. Revoyez les contreparties ou leur "
                                "valorisation."))
            self.counterparts_verdict.setStyleSheet(f"color: {DANGER}; font-weight: 600;")
        self.counterparts_verdict.show()


def _type_label(value: str) -> str:
    try:
        return label(AgreementType.parse(value))
    except ValueError:
        return value
