"""Observatoire: the figures of the territory's partnerships at a glance.

Key counts, files per stage, files per category, organisations per kind — all from
``services.stats.collect`` (one pass of GROUP BY queries). The bar charts are painted with
QPainter: a few horizontal bars need no chart library, and they print and scale crisply.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from passerelle.domain.stages import Stage
from passerelle.domain.vocabulary import FileStatus, OrganisationKind, PartnershipCategory
from passerelle.services.stats import collect
from passerelle.ui.context import UiContext
from passerelle.ui.errors import show_error
from passerelle.ui.i18n import label
from passerelle.ui.views.base import RefreshingView
from passerelle.ui.widgets.panels import MUTED, PAGE_MARGINS, Card, PageHeader, title_font

_RELEVANT = {
    "*",
    "partnership_file",
    "organisation",
    "contact",
    "interaction",
    "agreement",
    "stage_change",
    "event",
}
BAR_COLOR = "#4a7fa8"
TRACK_COLOR = "#edf1f5"


class BarChart(QWidget):
    """Horizontal bars: a label on the left, the bar, the value at its end."""

    ROW_HEIGHT = 26
    BAR_HEIGHT = 14

    def __init__(self, parent: QWidget | None = None, *, color: str = BAR_COLOR) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, int]] = []
        self._color = QColor(color)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, items: Sequence[tuple[str, int]]) -> None:
        self._items = list(items)
        self.updateGeometry()
        self.update()

    def items(self) -> list[tuple[str, int]]:
        return list(self._items)

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self._items)) * self.ROW_HEIGHT + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._items:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        locale = QLocale()
        label_width = min(
            max(fm.horizontalAdvance(text) for text, _ in self._items) + 18,
            int(self.width() * 0.55),
        )
        value_width = max(fm.horizontalAdvance(locale.toString(v)) for _, v in self._items) + 10
        bar_left = label_width
        bar_span = max(10, self.width() - bar_left - value_width - 4)
        top_value = max((v for _, v in self._items), default=0) or 1
        for row, (text, value) in enumerate(self._items):
            y = row * self.ROW_HEIGHT + 2
            p.setPen(self.palette().color(self.foregroundRole()))
            elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, label_width - 8)
            p.drawText(
                QRectF(0, y, label_width - 6, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            bar_y = y + (self.ROW_HEIGHT - self.BAR_HEIGHT) / 2
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(TRACK_COLOR))
            p.drawRoundedRect(QRectF(bar_left, bar_y, bar_span, self.BAR_HEIGHT), 3, 3)
            length = bar_span * value / top_value
            if value > 0:
                p.setBrush(self._color)
                p.drawRoundedRect(QRectF(bar_left, bar_y, max(3.0, length), self.BAR_HEIGHT), 3, 3)
            p.setPen(QColor(MUTED))
            p.drawText(
                QRectF(bar_left + bar_span + 6, y, value_width, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                locale.toString(value),
            )
        p.end()


class _Figure(QFrame):
    """One key figure: a big number over its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Figure")
        self.setStyleSheet(
            "QFrame#Figure { background: palette(base); border: 1px solid "
            "#dde3e9; border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(0)
        self.value = QLabel("—", self)
        self.value.setFont(title_font(9))
        self.value.setStyleSheet("color: #2f6690;")
        layout.addWidget(self.value)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.value.setText(QLocale().toString(value))


class ObservatoryView(RefreshingView):
    """« Observatoire »: key counts and three bar charts."""

    relevant = frozenset(_RELEVANT)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.header = PageHeader(
            QCoreApplication.translate("ObservatoryView", "Observatoire"),
            QCoreApplication.translate(
                "ObservatoryView",
                "Les chiffres des partenariats du territoire, calculés sur "
                "toute la base (dossiers supprimés exclus).",
            ),
            self,
        )
        self.figures = {
            "organisation": _Figure(
                QCoreApplication.translate("ObservatoryView", "organisations"), self
            ),
            "contact": _Figure(QCoreApplication.translate("ObservatoryView", "contacts"), self),
            "partnership_file": _Figure(
                QCoreApplication.translate("ObservatoryView", "dossiers"), self
            ),
            "interaction": _Figure(
                QCoreApplication.translate("ObservatoryView", "échanges consignés"), self
            ),
            "agreement": _Figure(
                QCoreApplication.translate("ObservatoryView", "conventions"), self
            ),
            "event": _Figure(QCoreApplication.translate("ObservatoryView", "événements"), self),
        }
        figures_row = QHBoxLayout()
        figures_row.setSpacing(12)
        for figure in self.figures.values():
            figures_row.addWidget(figure, 1)

        self.by_stage = BarChart(self)
        self.by_category = BarChart(self, color="#5b8c6e")
        self.by_kind = BarChart(self, color="#8a6fa8")
        self.by_status = BarChart(self, color="#b07d3a")
        empty_files = QCoreApplication.translate(
            "ObservatoryView",
            "Aucun dossier pour l'instant : les étapes des dossiers ouverts s'afficheront ici.",
        )
        self.stage_card = Card(
            QCoreApplication.translate("ObservatoryView", "Dossiers par étape"),
            _wrap(self.by_stage),
            empty_files,
            self,
        )
        self.category_card = Card(
            QCoreApplication.translate("ObservatoryView", "Dossiers par catégorie de partenariat"),
            _wrap(self.by_category),
            empty_files,
            self,
        )
        self.status_card = Card(
            QCoreApplication.translate("ObservatoryView", "Dossiers par statut"),
            _wrap(self.by_status),
            empty_files,
            self,
        )
        self.kind_card = Card(
            QCoreApplication.translate("ObservatoryView", "Organisations par type"),
            _wrap(self.by_kind),
            QCoreApplication.translate("ObservatoryView", "Aucune organisation pour l'instant."),
            self,
        )

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.addLayout(figures_row, 0, 0, 1, 2)
        grid.addWidget(self.stage_card, 1, 0)
        grid.addWidget(self.status_card, 2, 0)
        grid.addWidget(self.category_card, 1, 1)
        grid.addWidget(self.kind_card, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db
        self.ctx.runner.run(
            lambda: collect(db), self._handle_loaded, lambda exc: show_error(self, exc), db=False
        )

    def _handle_loaded(self, stats: dict[str, Any]) -> None:
        counts = stats.get("counts", {})
        for entity, figure in self.figures.items():
            figure.set_value(int(counts.get(entity, 0)))
        by_stage = stats.get("files_by_stage", {})
        self.by_stage.set_items(
            [(f"{s.value}. {label(s)}", int(by_stage.get(s.key, 0))) for s in Stage]
        )
        by_category = stats.get("files_by_category", {})
        categories = [(label(c), int(by_category.get(c.value, 0))) for c in PartnershipCategory]
        categories.append(
            (
                QCoreApplication.translate("ObservatoryView", "Non renseignée"),
                int(by_category.get("non_renseignee", 0)),
            )
        )
        self.by_category.set_items(categories)
        by_kind = stats.get("organisations_by_kind", {})
        kinds = [(label(k), int(by_kind.get(k.value, 0))) for k in OrganisationKind]
        known = {k.value for k in OrganisationKind}
        other = sum(int(n) for k, n in by_kind.items() if k not in known)
        if other:
            kinds.append((QCoreApplication.translate("ObservatoryView", "Autre"), other))
        self.by_kind.set_items(kinds)
        by_status = stats.get("files_by_status", {})
        statuses = [(label(s), int(by_status.get(s.value, 0))) for s in FileStatus]
        self.by_status.set_items(statuses)
        no_files = int(counts.get("partnership_file", 0)) == 0
        self.status_card.set_empty(no_files)
        self.stage_card.set_empty(no_files)
        self.category_card.set_empty(no_files)
        self.kind_card.set_empty(int(counts.get("organisation", 0)) == 0)


def _wrap(chart: BarChart) -> QWidget:
    """The chart at the top of its card, extra height left empty."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(chart)
    layout.addStretch(1)
    return holder
